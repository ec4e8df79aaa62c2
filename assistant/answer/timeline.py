"""A timeline: dated statements (ledger quotes) and dated events (sentences whose time
expressions resolve against the publication date), in order, each cited verbatim."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Protocol

from assistant.engines.store import Store
from assistant.nlp.timex import find_time_expressions, format_when
from assistant.quotes import Ledger
from assistant.settings import AnswerSettings
from assistant.types import Article, Quote, SearchHit, TimelineEntry


class TimelineSource(Protocol):
    """What a timeline reads: the store, the quote ledger and search (the service)."""

    def store(self) -> Store: ...

    def ledger(self) -> Ledger: ...

    def quotes(self, speaker: str | None = None, about: str | None = None) -> list[Quote]: ...

    def search(self, query: str, k: int = ...) -> list[SearchHit]: ...


def build_timeline(
    a: TimelineSource,
    speaker: str | None = None,
    about: str | None = None,
    limit: int = 200,
    tuning: AnswerSettings | None = None,
) -> list[TimelineEntry]:
    """The entries on ``speaker`` and/or ``about`` (every dated one without either), at most
    ``limit``; ``tuning`` (default: :class:`AnswerSettings` from the environment) sets how many
    passages the ``about`` search reads (``timeline_about_k``)."""
    t = tuning or AnswerSettings()
    store = a.store()
    entries: list[TimelineEntry] = []
    quotes = a.quotes(speaker=speaker, about=about) if (speaker or about) else a.ledger().quotes
    docs = {q.doc_id for q in quotes}
    hits = a.search(about, k=t.timeline_about_k) if about else []
    docs |= {h.doc_id for h in hits}
    if not speaker and not about:
        docs = set(store.article_hashes())
    arts = store.articles(sorted(docs))
    for q in quotes:
        art = arts.get(q.doc_id)
        if art is None:
            continue
        day = q.date or art.meta.published
        if day is None:
            continue
        entries.append(
            _entry(
                "statement",
                day,
                q.date_text if q.date else None,
                "said" if q.date else "published",
                art,
                q.start,
                q.end,
                speaker=q.speaker,
            )
        )
    if not speaker:
        spans = (
            [(h.doc_id, h.start, h.end) for h in hits]
            if about
            else [(d, 0, len(art.text)) for d, art in arts.items()]
        )
        for doc_id, lo, hi in spans:
            art = arts[doc_id]
            if art.meta.published is None:
                continue
            for s in art.sentences:
                if s.furniture or s.start < lo or s.end > hi:
                    continue
                for expr in find_time_expressions(art.text, s.start, s.end, art.meta.published):
                    if expr.date is not None and expr.end_date is None:  # a day, not a period
                        entries.append(
                            _entry("event", expr.date, format_when(expr), expr.certainty, art, s.start, s.end)
                        )
                        break
    seen: set[tuple[str, int, dt.date]] = set()
    unique: list[TimelineEntry] = []
    for e in sorted(entries, key=lambda e: (e.date, e.doc_id, e.start)):
        key = (e.doc_id, e.start, e.date)
        if key not in seen:
            seen.add(key)
            unique.append(e)
    return unique[:limit]


def _entry(
    kind: Literal["statement", "event"],
    day: dt.date,
    when: str | None,
    basis: str,
    art: Article,
    start: int,
    end: int,
    speaker: str | None = None,
) -> TimelineEntry:
    return TimelineEntry(
        date=day,
        when=when,
        basis=basis,
        kind=kind,
        speaker=speaker,
        text=art.text[start:end],
        doc_id=art.doc_id,
        start=start,
        end=end,
        title=art.meta.title,
        outlet=art.meta.outlet,
        published=art.meta.published,
        published_source=art.meta.published_source,
    )
