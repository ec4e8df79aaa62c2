"""Build answer contexts from real article text (the bundled corpus or given strings)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.nlp.entities import find_entities
from assistant.nlp.text import find_verbatim, paragraphs, split_sentences
from assistant.types import Context, Draft, Evidence, Quote, Span, Turn

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def gold_row(**kw: Any) -> dict[str, Any]:
    """One gold.jsonl row (EVAL_SPEC's fields): an answerable *who said* question on an
    invented article ``d1``; ``kw`` replaces fields."""
    row: dict[str, Any] = {
        "id": "q1",
        "question": "Who called the China deal a red flag?",
        "answerable": True,
        "answer": "Jivani.",
        "facts": [["Jivani"], ["red flag"]],
        "speaker": "Jamil Jivani",
        "date": None,
        "date_text": None,
        "sources": ["d1"],
        "kind": "who_said",
    }
    return row | kw


def article(doc_id: str) -> str:
    """An article's text as stored (bundled corpus)."""
    return (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8")


def evidence(doc_id: str, text: str, needle: str, **meta: object) -> Evidence:
    """The paragraph of ``text`` holding ``needle``, with its sentence spans."""
    hit = find_verbatim(needle, text)
    assert hit is not None, f"{needle!r} not in {doc_id}"
    for s, e in paragraphs(text):
        if s <= hit.start < e:
            sents = [Span(start=a, end=b) for a, b in split_sentences(text, s, e)]
            # As the index gives it: spaCy's entities (found at index time), a retrieval score.
            ents = [(s + a, s + b, label) for a, b, label in find_entities(text[s:e])]
            meta = {"score": 1.0, **meta}
            return Evidence(
                doc_id=doc_id, start=s, end=e, text=text[s:e], sentences=sents, entities=ents, **meta
            )  # type: ignore[arg-type]
    raise AssertionError("no paragraph")


def lines_passage(doc: str, text: str, start: int, people: list[str]) -> Evidence:
    """``text`` as a passage of ``doc`` at ``start``, one sentence per line, each of
    ``people`` marked as a PERSON where it first occurs (no spaCy: the test sets the parse)."""
    sents, entities, at = [], [], start
    for line in text.split("\n"):
        if line.strip():
            sents.append(Span(start=at, end=at + len(line)))
        at += len(line) + 1
    for name in people:
        i = text.find(name)
        if i >= 0:
            entities.append((start + i, start + i + len(name), "PERSON"))
    return Evidence(
        doc_id=doc, start=start, end=start + len(text), text=text, sentences=sents, entities=entities
    )


def quote(doc_id: str, text: str, words: str, speaker: str | None) -> Quote:
    """A ledger entry for ``words`` (found verbatim in ``text``) said by ``speaker``."""
    hit = find_verbatim(words, text)
    assert hit is not None, f"{words!r} not in {doc_id}"
    return Quote(
        speaker=speaker,
        quote=text[hit.start : hit.end],
        doc_id=doc_id,
        start=hit.start,
        end=hit.end,
    )


def context(
    question: str,
    items: list[tuple[str, str, str]],
    quotes: list[Quote] | None = None,
    history: list[Turn] | None = None,
) -> tuple[Context, dict[str, str]]:
    """A context from ``(doc_id, text, needle)`` items, and the doc-id -> text map."""
    texts = {doc_id: text for doc_id, text, _ in items}
    ev = [evidence(d, t, n, title=f"Title of {d}", outlet="Test Outlet") for d, t, n in items]
    return Context(question=question, evidence=ev, quotes=quotes or [], history=history or []), texts


def extractive_answer(question: str, doc_id: str, text: str, needle: str) -> Draft:
    """The extractive backend's draft for ``question`` over the paragraph of ``text`` that
    holds ``needle`` (one invented article, no ledger)."""
    from assistant.answer.backends.extractive import ExtractiveBackend

    return ExtractiveBackend().answer(context(question, [(doc_id, text, needle)])[0])


def refused_then_answered(
    question: str, doc_id: str, text: str, needle: str, reason: str, edit: tuple[str, str], shown: str
) -> None:
    """The extractive answer abstains over ``text`` giving ``reason``, and answers showing
    ``shown`` once ``edit`` (old, new) puts the thing asked for into the text."""
    got = extractive_answer(question, doc_id, text, needle)
    assert got.abstained and reason in got.text, got.text
    got = extractive_answer(question, doc_id, text.replace(*edit), needle)
    assert not got.abstained and shown in got.text, got.text


#: A second article beside a test's own, so retrieval has something else to rank.
LIBRARY = """Library extends its weekend hours

The central library will stay open until 9 p.m. on Saturdays from June, director Paul Wendt said.

"Students asked for it, and we listened," Wendt said.
"""


def bridge_and_library(tmp_path_factory: Any, bridge: str) -> Any:
    """A real on-disk index of a test's bridge article (``bridge``) and :data:`LIBRARY`,
    both from the same outlet a day apart."""
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [
            ("bridge", bridge, "East Side Ledger", "2026-04-06"),
            ("library", LIBRARY, "East Side Ledger", "2026-04-07"),
        ],
    )
