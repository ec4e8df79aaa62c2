"""Chroma writes are batched by the client's cap; over-limit files are refused up front
(issue 13, item 3).

Passage vectors come from ``benchmarks.query.HashedPassageEmbedder`` (cost-free, recorded
under the real embedder's name), so a long article is cheap to embed and is then asked
about through the real query path. The real client's cap (5,461 rows per write) is
crossed at the store, where the batching lives, with 6,001 chunks and quotes of one
article built directly (spaCy-parsing 6,000 lines cost two minutes of CI for the same
writes); the whole pipeline runs on a 1,500-line article.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.engines.store import Store
from assistant.ingest.loaders import MAX_BYTES
from assistant.ingest.pipeline import run_index
from assistant.retrieval.hybrid import Retriever
from assistant.service import Assistant
from assistant.types import Article, ArticleMeta, Chunk, Quote, Sentence
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


class WordsEmbedder(HashedPassageEmbedder):
    """Feature-hashed words for queries and passages alike (no model at all)."""

    def __init__(self) -> None:
        self.name, self.dim = "words-test", 64

    def embed_queries(self, texts: Any) -> np.ndarray:
        return self.embed_passages(texts)


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


def test_a_long_article_indexes_and_answers(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    lines = six_thousand_lines().splitlines()[:1502]  # the headline, a blank line, 1,500 lines
    lines.insert(750, NEEDLE)
    (src / "long.txt").write_text("\n".join(lines) + "\n")
    a = Assistant(index_dir=tmp_path / "ix", embedder=NeedleEmbedder(Assistant().embedder()))
    report = a.index([src])
    assert report.added == ["long"] and not report.failures
    assert report.chunks_written > 1500, report.chunks_written
    assert a.store().count_chunks() == report.chunks_written
    answer = Assistant(index_dir=tmp_path / "ix").ask("What did Marisol Okafor say about the breakwater?")
    assert not answer.abstained, answer.answer
    assert any("fifty years" in c.quote for c in answer.citations)


def test_one_article_over_the_real_clients_cap(tmp_path: Path) -> None:
    """6,001 chunks and quotes of one article, written through the real embedded
    client (no lowered cap): each kind needs more than one write, all rows arrive, and
    the lexical index (read back in pages, vectors included) finds the needle."""
    n = 6001
    lines = [f"Councillor {i % 97} said the breakwater would cost {i} dollars more." for i in range(n - 1)]
    lines.insert(3000, NEEDLE)
    text = "\n\n".join(lines) + "\n"
    sentences, at = [], 0
    for p, line in enumerate(lines):
        sentences.append(Sentence(start=at, end=at + len(line), paragraph=p))
        at += len(line) + 2
    article = Article(
        meta=ArticleMeta(doc_id="long", title="Breakwater"), text=text, content_hash="h1", sentences=sentences
    )
    chunks = [
        Chunk(
            id=f"long:{i}",
            doc_id="long",
            start=s.start,
            end=s.end,
            text=text[s.start : s.end],
            sentence_spans=[s],
        )
        for i, s in enumerate(sentences)
    ]
    quotes = [
        Quote(
            quote=text[s.start : s.end],
            doc_id="long",
            start=s.start,
            end=s.end,
            speaker=f"Councillor {i % 97}",
        )
        for i, s in enumerate(sentences)
    ]
    emb = WordsEmbedder()
    vectors = emb.embed_passages([c.text for c in chunks])
    store = Store(tmp_path / "ix", create=True)
    cap = int(store.client.get_max_batch_size())
    assert cap < n, cap
    store.add_chunks_many([(article, chunks, vectors)])
    store.add_quotes([("long", "h1", quotes, list(vectors))])
    store.commit_articles([(article, vectors[0], n)])
    assert store.count_chunks() == n and store.count_quotes() == n and store.count_articles() == 1
    retriever = Retriever(store, emb, tmp_path / "ix" / "lexical")
    lex = retriever.rebuild_lexical()
    assert lex.vectors is not None and np.array_equal(
        np.asarray(lex.vectors)[lex.ids.index("long:3000")], vectors[3000]
    )
    [hit] = retriever.search("Marisol Okafor breakwater fifty years", k=1)
    assert hit.text == NEEDLE


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
