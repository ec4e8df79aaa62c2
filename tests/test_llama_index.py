"""The llama-index integration, driven through llama-index's own query engines."""

from __future__ import annotations

from pathlib import Path

from llama_index.core.llms import MockLLM
from llama_index.core.query_engine import RetrieverQueryEngine

from assistant.integrations.llama_index import AssistantRetriever, CitedQueryEngine
from assistant.service import Assistant


def test_retriever_inside_a_retriever_query_engine(built_index: Path) -> None:
    a = Assistant(index_dir=built_index)
    engine = RetrieverQueryEngine.from_args(AssistantRetriever(a, k=4), llm=MockLLM())
    response = engine.query("Who described the agreement with Beijing as a warning sign?")
    nodes = response.source_nodes
    assert 1 <= len(nodes) <= 4
    assert nodes[0].node.metadata["doc_id"] == "002_27e68f677fb628f5"
    for n in nodes:
        art = a.article(n.node.metadata["doc_id"])
        start, end = n.node.start_char_idx, n.node.end_char_idx
        assert start is not None and end is not None
        assert art.text[start:end] == n.node.get_content()
    assert [n.score for n in nodes] == sorted((n.score for n in nodes), reverse=True)


def test_cited_query_engine_answers_with_verified_citations(built_index: Path) -> None:
    a = Assistant(index_dir=built_index)
    response = CitedQueryEngine(assistant=a).query("Who called Canada's trade deal with China a red flag?")
    assert response.metadata is not None and response.metadata["abstained"] is False
    assert "[1]" in str(response)
    assert response.source_nodes, "an answer without citations"
    for n in response.source_nodes:
        art = a.article(n.node.metadata["doc_id"])
        assert art.text[n.node.start_char_idx : n.node.end_char_idx] == n.node.get_content()
        assert f"[{n.node.metadata['n']}]" in str(response) or f"{n.node.metadata['n']}]" in str(response)


def test_cited_query_engine_abstains_without_sources(built_index: Path) -> None:
    a = Assistant(index_dir=built_index)
    response = CitedQueryEngine(assistant=a).query("What did the Pope say about cricket scores?")
    assert response.metadata is not None and response.metadata["abstained"] is True
    assert response.source_nodes == []
