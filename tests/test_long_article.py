"""Chroma writes are batched by the client's cap; over-limit files are refused up front
(issue 13, item 3).

Passage vectors come from ``benchmarks.query.HashedPassageEmbedder`` (cost-free, recorded
under the real embedder's name), so a 6,000-chunk article is cheap to index and is then
asked about through the real query path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.engines.store import Store
from assistant.ingest.loaders import MAX_BYTES
from assistant.ingest.pipeline import run_index
from assistant.service import Assistant
from benchmarks.query import HashedPassageEmbedder
from benchmarks.stages import six_thousand_lines

NEEDLE = "Councillor Marisol Okafor said the new breakwater would protect the harbour for fifty years."


class NeedleEmbedder(HashedPassageEmbedder):
    """Cost-free vectors for the filler lines, the real model's for the chunks that hold the
    needle: the answer ranker weighs the question's e5 similarity to the evidence, which a
    hashed vector cannot give."""

    def embed_passages(self, texts: Any) -> np.ndarray:
        out = super().embed_passages(texts)
        hits = [i for i, t in enumerate(texts) if "Okafor" in t]
        if hits:
            out[hits] = np.asarray(self.real.embed_passages([texts[i] for i in hits]), dtype=np.float32)
        return out


class CountingEmbedder:
    """Hashed vectors, and a record of every call (to prove no embedding happened)."""

    name = "counting-test"
    dim = 16

    def __init__(self) -> None:
        self.calls = 0

    def embed_queries(self, texts: Any) -> np.ndarray:
        return self.embed_passages(texts)

    def embed_passages(self, texts: Any) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row, hash(text) % self.dim] = 1.0
        return out


def test_a_6000_line_article_indexes_and_answers(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    lines = six_thousand_lines().splitlines()
    lines.insert(3000, NEEDLE)
    (src / "long.txt").write_text("\n".join(lines) + "\n")
    a = Assistant(index_dir=tmp_path / "ix", embedder=NeedleEmbedder(Assistant().embedder()))
    report = a.index([src])
    store = a.store()
    cap = int(store.client.get_max_batch_size())
    assert report.added == ["long"] and not report.failures
    assert report.chunks_written > cap, (report.chunks_written, cap)  # needed more than one write
    assert store.count_chunks() == report.chunks_written
    answer = Assistant(index_dir=tmp_path / "ix").ask("What did Marisol Okafor say about the breakwater?")
    assert not answer.abstained, answer.answer
    assert any("fifty years" in c.quote for c in answer.citations)


def test_writes_follow_the_clients_own_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Chroma server may cap batches lower than the embedded client: every write obeys it."""
    store = Store(tmp_path / "ix", create=True)
    cap = 50
    monkeypatch.setattr(store.client, "get_max_batch_size", lambda: cap)
    sizes: list[int] = []
    for name in ("chunks", "quotes", "articles"):
        col = store._col(name)
        for method in ("add", "upsert", "delete"):
            real = getattr(col, method)

            def spy(*args: Any, _real: Any = real, **kw: Any) -> Any:
                ids = kw.get("ids")
                if ids is not None:
                    sizes.append(len(ids))
                return _real(*args, **kw)

            monkeypatch.setattr(col, method, spy)
    src = tmp_path / "src"
    src.mkdir()
    body = "".join(f'Line {i}: the mayor said "we will build it" on day {i}.\n\n' for i in range(260))
    (src / "a.txt").write_text(body)
    report = run_index(store, CountingEmbedder(), [src])
    assert report.added == ["a"] and report.chunks_written >= 260
    assert sizes and max(sizes) <= cap, max(sizes)
    assert store.count_chunks() == report.chunks_written


def test_over_limit_file_is_refused_before_any_embedding(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    with (src / "huge.txt").open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: costs nothing to write
    emb = CountingEmbedder()
    report = run_index(Store(tmp_path / "ix", create=True), emb, [src])
    assert emb.calls == 0
    [failure] = report.failures
    line = failure.line()
    assert line.startswith(f"skipped {src / 'huge.txt'}: ") and "over the 21 MB limit" in line
    assert "\n" not in line
