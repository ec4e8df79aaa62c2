"""Exact dense retrieval over the lexical index's stored vectors (one matrix per write
generation) against Chroma's own query, on a real on-disk Chroma index: the same
chunks, the same cosines, the same search results, and a write seen through the
store's generation replaces the matrix."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from assistant.engines.lexical import LexicalIndex
from assistant.engines.store import Filters, Store
from assistant.service import Assistant

QUESTIONS = [
    "Who described the agreement with Beijing as a warning sign?",
    "Golden Dome missile defence",
    "What did the prime minister say about tariffs?",
    "Who said the deal was a red flag?",
    "When was the announcement made?",
]


def _filters(lex: LexicalIndex) -> list[Filters]:
    docs = sorted({m["doc_id"] for m in lex.metas})
    days = sorted({m["published"] for m in lex.metas if m.get("published")})
    outlets = sorted({m["outlet"] for m in lex.metas if m.get("outlet")})
    out = [Filters(), Filters(doc_ids=docs[:2]), Filters(doc_ids=[])]
    if days:
        out += [Filters(since=days[len(days) // 2]), Filters(until=days[0])]
    if outlets:
        out.append(Filters(outlet=outlets[0]))
    return out


def _same_hits(a: Assistant, b: Assistant, q: str, f: Filters) -> None:
    """The same passages in the same order, scores within 1e-5 (one float32 product and
    per-row dot products differ in the last bits)."""
    ha, hb = a.retriever().search(q, 8, f), b.retriever().search(q, 8, f)
    assert [(h.doc_id, h.start, h.end, h.text) for h in ha] == [
        (h.doc_id, h.start, h.end, h.text) for h in hb
    ], (q, f)
    assert [h.score for h in ha] == pytest.approx([h.score for h in hb], abs=1e-5)


def test_kept_vectors_and_texts_are_the_stores(built_index: Path) -> None:
    a = Assistant(index_dir=built_index)
    lex = a.retriever().lexical()
    store = Store(built_index)
    assert lex.vectors is not None and lex.vectors.shape == (len(lex.ids), a.embedder().dim)
    stored = store.chunk_vectors(lex.ids)
    assert np.array_equal(np.stack([stored[i] for i in lex.ids]), np.asarray(lex.vectors))
    texts = store.chunk_texts(lex.ids)
    assert [lex.text(p) for p in range(len(lex.ids))] == [texts[i] for i in lex.ids]


def test_exact_dense_is_chromas_query(built_index: Path) -> None:
    a = Assistant(index_dir=built_index)
    r = a.retriever()
    lex = r.lexical()
    assert lex.vectors is not None
    for q in QUESTIONS:
        qvec = r.embed_query(q)
        sims = np.asarray(lex.vectors @ qvec)
        for f in _filters(lex):
            allowed = lex.mask(f.since, f.until, f.outlet, f.doc_ids) if f.active() else None
            exact = r._dense_exact(lex, sims, allowed)
            if f.doc_ids == []:  # no article allowed (Chroma refuses an empty $in)
                assert exact == {}
                continue
            chroma = r._dense_chroma(lex, qvec, f)
            assert list(exact) == list(chroma), (q, f)
            for cid, c in exact.items():
                assert abs(c["dense"] - chroma[cid]["dense"]) < 1e-5
                assert c["meta"]["doc_id"] == chroma[cid]["meta"]["doc_id"]


def test_search_is_the_same_without_kept_vectors(built_index: Path, index_copy: Path) -> None:
    """An index whose lexical folder predates kept vectors and texts asks Chroma for both
    and finds the same passages with the same scores."""
    for name in ("vectors.npy", "texts.bin", "text_offsets.npy"):
        (index_copy / "lexical" / name).unlink()
    old = Assistant(index_dir=index_copy)
    lex = old.retriever().lexical()
    assert lex.vectors is None and lex.text(0) is None
    new = Assistant(index_dir=built_index)
    assert new.retriever().lexical().vectors is not None
    for q in QUESTIONS:
        for f in _filters(lex):
            if f.doc_ids != []:  # Chroma refuses an empty $in
                _same_hits(new, old, q, f)


def test_a_write_replaces_the_matrix(index_copy: Path, corpus_copy: Path, tmp_path: Path) -> None:
    reader = Assistant(index_dir=index_copy)
    before = reader.retriever().lexical()
    assert before.vectors is not None
    # another process removes one article and adds a new one
    writer = Assistant(index_dir=index_copy)
    gone = sorted({m["doc_id"] for m in before.metas})[0]
    writer.store().remove_article(gone)
    src = sorted(corpus_copy.glob("*.txt"))[0]
    extra = tmp_path / "extra"
    extra.mkdir()
    text = src.read_text(encoding="utf-8").replace("\n\n", "\n\nA new paragraph follows.\n\n", 1)
    (extra / "fresh.txt").write_text(text, encoding="utf-8")
    meta = src.with_suffix(".meta.json")
    if meta.exists():
        (extra / "fresh.meta.json").write_text(
            json.dumps(json.loads(meta.read_text(encoding="utf-8")) | {"url": "https://example.org/fresh"}),
            encoding="utf-8",
        )
    writer.index([extra])
    after = reader.retriever().lexical()
    assert after is not before and after.vectors is not None
    assert gone not in {m["doc_id"] for m in after.metas}
    stored = Store(index_copy).chunk_vectors(after.ids)
    assert set(stored) == set(after.ids)
    assert np.array_equal(np.stack([stored[i] for i in after.ids]), np.asarray(after.vectors))
    fresh = Assistant(index_dir=index_copy)
    for q in QUESTIONS:
        _same_hits(reader, fresh, q, Filters())
        assert all(h.doc_id != gone for h in reader.search(q, 8))


def test_an_uncommitted_article_is_not_a_dense_candidate(index_copy: Path) -> None:
    """Chunks written but not committed (a run killed before its commit marker) are in
    Chroma's collection but not in the matrix, so exact search never returns them."""
    a = Assistant(index_dir=index_copy)
    lex = a.retriever().lexical()
    store = Store(index_copy)
    victim = sorted({m["doc_id"] for m in lex.metas})[-1]
    store.uncommit(victim)
    r = a.retriever()
    fresh = r.lexical()
    assert victim not in {m["doc_id"] for m in fresh.metas}
    assert fresh.vectors is not None and fresh.vectors.shape[0] == len(fresh.ids) < len(lex.ids)
    for q in QUESTIONS:
        assert all(h.doc_id != victim for h in a.search(q, 8))
    shutil.rmtree(index_copy / "lexical")
    assert Assistant(index_dir=index_copy).retriever().lexical().vectors is not None
