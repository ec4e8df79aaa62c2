"""The MCP server: a real MCP client launching ``python -m assistant mcp`` over stdio."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters

from assistant.interfaces.cli_serve import stdout_to_stderr

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Who called the China deal a red flag?"


def _params(index_dir: Path, home: Path) -> StdioServerParameters:
    return StdioServerParameters(
        command=sys.executable,
        args=["-m", "assistant", "mcp", "--index-dir", str(index_dir)],
        cwd=str(ROOT),
        env={
            "PYTHONPATH": str(ROOT),
            "HOME": str(home),
            "HF_HUB_OFFLINE": "1",
            "ANONYMIZED_TELEMETRY": "False",
        },
    )


def _session(index_dir: Path, home: Path) -> dict[str, Any]:
    """List the tools and call each of them; return what came back."""
    out: dict[str, Any] = {}

    async def main() -> None:
        async with Client(_params(index_dir, home), read_timeout_seconds=60) as client:
            out["tools"] = {t.name: t for t in (await client.list_tools()).tools}
            out["ask"] = await client.call_tool("ask", {"question": QUESTION})
            out["ask_filtered"] = await client.call_tool("ask", {"question": QUESTION, "since": "2999-01-01"})
            out["ask_bad"] = await client.call_tool("ask", {"question": QUESTION, "since": "soon"})
            out["search"] = await client.call_tool("search", {"query": "red flag China", "k": 3})
            out["quotes"] = await client.call_tool("quotes", {"speaker": "Jivani"})
            out["speakers"] = await client.call_tool("speakers", {})

    anyio.run(main)
    return out


@pytest.fixture(scope="module")
def session(built_index: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _session(built_index, tmp_path_factory.mktemp("mcp-home"))


def _article_texts(index_dir: Path) -> dict[str, str]:
    from assistant.engines.store import Store

    store = Store(index_dir)
    return {d: a.text for d, a in store.articles(list(store.article_hashes())).items()}


def test_lists_the_four_tools_with_schemas(session: dict[str, Any]) -> None:
    tools = session["tools"]
    assert set(tools) == {"ask", "search", "quotes", "speakers"}
    ask = tools["ask"]
    assert ask.input_schema["required"] == ["question"]
    assert set(ask.input_schema["properties"]) == {"question", "since", "until", "speaker"}
    assert "citations" in ask.output_schema["properties"]
    assert tools["search"].input_schema["properties"]["k"]["default"] == 8


def test_ask_returns_cited_structured_answer(session: dict[str, Any], built_index: Path) -> None:
    res = session["ask"]
    assert not res.is_error
    data = res.structured_content
    assert data["question"] == QUESTION and not data["abstained"] and data["citations"]
    texts = _article_texts(built_index)
    for c in data["citations"]:
        assert texts[c["doc_id"]][c["start"] : c["end"]] == c["quote"]
    shown = res.content[0].text
    assert shown.startswith(data["answer"].rstrip()) and "\n\nSources:\n- [1] " in shown
    assert "““" not in shown and "””" not in shown  # the shared renderer, see test_server


def test_ask_passes_filters_and_reports_bad_ones(session: dict[str, Any]) -> None:
    future = session["ask_filtered"].structured_content
    assert future["abstained"] and future["citations"] == []
    bad = session["ask_bad"]
    assert bad.is_error and "Bad since: Could not read the date 'soon'" in bad.content[0].text


def test_search_hits_carry_doc_ids_and_offsets(session: dict[str, Any], built_index: Path) -> None:
    hits = session["search"].structured_content["hits"]
    assert 1 <= len(hits) <= 3
    texts = _article_texts(built_index)
    assert all(texts[h["doc_id"]][h["start"] : h["end"]] == h["text"] for h in hits)


@pytest.mark.parametrize("tool", ["quotes", "speakers"])
def test_ledger_tools_answer(session: dict[str, Any], tool: str) -> None:
    res = session[tool]
    assert not res.is_error and isinstance(res.structured_content[tool], list)


def test_startup_output_is_diverted_from_stdout(capfd: pytest.CaptureFixture[str]) -> None:
    with stdout_to_stderr():
        print("from python")
        os.write(1, b"from C\n")
    print("after")
    out, err = capfd.readouterr()
    assert out == "after\n" and "from python" in err and "from C" in err
