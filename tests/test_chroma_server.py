"""Chroma server mode: ``chromadb.HttpClient`` against a real ``chroma run`` on loopback.

The server is started on a copy of the session's on-disk index (the documented way to
put an existing local index behind a server), so the bundled corpus is already there;
indexing it again through the server finds it unchanged, and one new article is written
through HTTP and answered from, by a second client that stands in for another process.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.engines.locking import LOCK_NAME
from assistant.service import Assistant
from tests.chroma_run import chroma_binary, chroma_run, free_port

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

ARTICLE = """Harbour council approves breakwater after decade of storms

PORT ELLIS - The harbour council voted on Tuesday to fund a new breakwater at the mouth of \
the old fishing port, ending a decade of debate over how to shield the fleet from winter storms.

Marisol Okafor, the harbour commissioner, said the structure "will protect the fishing fleet \
for fifty years" and would be finished before the next storm season.

Critics on the council argued that the cost had doubled since the first estimate. Councillor \
Ben Aldana said the town "cannot keep borrowing against the sea" and voted against the plan.
"""


@pytest.fixture(scope="module")
def chroma_url(built_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    exe = chroma_binary()
    if exe is None:
        pytest.skip(
            "the `chroma` server binary (installed with chromadb) is not on PATH "
            "nor next to the Python interpreter"
        )
    data = tmp_path_factory.mktemp("chroma-server") / "data"
    shutil.copytree(built_index / "chroma", data)
    with chroma_run(exe, data) as url:
        yield url


def test_index_and_ask_through_a_chroma_server(chroma_url: str, tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "harbour_001.txt").write_text(ARTICLE)
    (extra / "harbour_001.meta.json").write_text(
        json.dumps(
            {
                "title": "Harbour council approves breakwater",
                "outlet": "Port Ellis Courier",
                "published": "2026-03-03",
            }
        )
    )
    local = tmp_path / "local"

    writer = Assistant(index_dir=local, chroma_url=chroma_url)
    assert writer.status().articles == 5
    report = writer.index([CORPUS, extra])
    assert report.added == ["harbour_001"] and len(report.unchanged) == 5 and not report.failures
    assert not (local / LOCK_NAME).exists()  # the server serialises writes, no local lock

    reader = Assistant(index_dir=tmp_path / "elsewhere", chroma_url=chroma_url)
    assert reader.status().articles == 6
    answer = reader.ask("What did Marisol Okafor say about the breakwater?")
    assert not answer.abstained and "fifty years" in answer.answer
    cited = {c.doc_id for c in answer.citations}
    assert "harbour_001" in cited
    for c in answer.citations:
        assert reader.article(c.doc_id).text[c.start : c.end] == c.quote
    old = reader.ask("Who called the China deal a red flag?")
    assert old.citations and all(c.doc_id != "harbour_001" for c in old.citations)


def test_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    from assistant.errors import AssistantError

    a = Assistant(index_dir=tmp_path, chroma_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(AssistantError, match="Cannot reach the Chroma server"):
        a.status()
