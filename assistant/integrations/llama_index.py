"""llama-index integration: the assistant as a retriever and a query engine.

* :class:`AssistantRetriever` is a llama-index ``BaseRetriever`` over the assistant's hybrid
  search (dense + BM25). Each node is a passage of a stored article with its exact
  character offsets (``start_char_idx`` / ``end_char_idx``) and the article's doc id,
  title, outlet and publication date as metadata, so any llama-index pipeline
  (``RetrieverQueryEngine``, postprocessors, agents) can use it.
* :class:`CitedQueryEngine` is a llama-index query engine that answers through the
  assistant: the answer text carries ``[n]`` markers, and ``source_nodes`` hold exactly the
  cited sentences, each verified verbatim against its article (the same verification as
  ``assistant ask``). ``response.metadata["answer"]`` is the full ``ask --json`` object.

Writes stay in the assistant (``Assistant.index``); llama-index sees the stored text.
"""

from __future__ import annotations

from typing import Any

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.base.response.schema import Response
from llama_index.core.query_engine import CustomQueryEngine
from llama_index.core.schema import NodeRelationship, NodeWithScore, QueryBundle, RelatedNodeInfo, TextNode
from pydantic import ConfigDict

from assistant.service import Assistant
from assistant.types import Answer, SearchHit


def _node(doc_id: str, start: int, end: int, text: str, meta: dict[str, Any]) -> TextNode:
    node = TextNode(
        id_=f"{doc_id}:{start}-{end}",
        text=text,
        start_char_idx=start,
        end_char_idx=end,
        metadata={"doc_id": doc_id, **{k: v for k, v in meta.items() if v is not None}},
    )
    node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=doc_id)
    return node


def hit_node(hit: SearchHit) -> NodeWithScore:
    """A search hit as a scored llama-index node (exact offsets into its article)."""
    meta = {
        "title": hit.title,
        "outlet": hit.outlet,
        "published": hit.published.isoformat() if hit.published else None,
    }
    return NodeWithScore(node=_node(hit.doc_id, hit.start, hit.end, hit.text, meta), score=hit.score)


class AssistantRetriever(BaseRetriever):
    """The assistant's hybrid search as a llama-index retriever."""

    def __init__(self, assistant: Assistant, k: int = 8, **filters: Any) -> None:
        """``filters`` are :meth:`Assistant.search` keywords: ``since``, ``until``, ``outlet``."""
        super().__init__()
        self.assistant = assistant
        self.k = k
        self.filters = filters

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        hits = self.assistant.search(query_bundle.query_str, k=self.k, **self.filters)
        return [hit_node(h) for h in hits]


class CitedQueryEngine(CustomQueryEngine):
    """A llama-index query engine whose answers carry verified, verbatim citations."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    assistant: Assistant
    k: int | None = None

    def custom_query(self, query_str: str) -> Response:
        answer: Answer = self.assistant.ask(query_str, k=self.k)
        nodes = [
            NodeWithScore(
                node=_node(
                    c.doc_id,
                    c.start,
                    c.end,
                    c.quote,
                    {"n": c.n, "title": c.title, "outlet": c.outlet, "published": c.published},
                ),
                score=1.0,
            )
            for c in answer.citations
        ]
        return Response(
            response=answer.answer,
            source_nodes=nodes,
            metadata={"abstained": answer.abstained, "answer": answer.model_dump(mode="json")},
        )
