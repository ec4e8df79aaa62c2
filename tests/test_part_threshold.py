"""Each part of a multi-part question answers above a share of the abstention threshold
(round 46, ``AnswerSettings.part_threshold``): a part is a few words of the question, so the
ranker scores its sentences lower than a whole question's. A one-part question keeps the whole
threshold."""

from __future__ import annotations

import pytest

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.answer.ranker import load_weights, rank
from assistant.settings import Settings
from assistant.types import Context
from tests.contexts import context

FUND = (
    "harbor_gazette",
    "Harbor Gazette\n\nThe Harbor Fund raised $2 million for the new ferry terminal this spring, "
    "its director said.\n",
    "The Harbor Fund",
)
PILOT = (
    "coast_ledger",
    "Coast Ledger\n\nLena Ortiz, a veteran pilot, will steer the first boat across the bay.\n",
    "Lena Ortiz",
)
ASK = "who will captain the first crossing?"


def _context(question: str) -> Context:
    """Both articles, the pilot's sentence a little further from the question by e5 cosine
    than the fund's: its ranker probability falls between the part's bar and the whole one."""
    ctx = context(question, [FUND, PILOT])[0]
    ctx.similarity = {
        f"{ev.doc_id}:{sp.start}": 0.85 if ev.doc_id == "harbor_gazette" else 0.80
        for ev in ctx.evidence
        for sp in ev.sentences
    }
    return ctx


def _answer(question: str, part_threshold: float) -> str:
    s = Settings()
    s.answer.part_threshold = part_threshold
    return ExtractiveBackend(s).answer(_context(question)).text


def test_the_pilots_sentence_scores_between_the_two_bars() -> None:
    threshold = float(load_weights()["threshold"])
    best = rank(_context("How much did the Harbor Fund raise, and " + ASK), ASK, [])[0]
    assert best.text.startswith("Lena Ortiz")
    assert Settings().answer.part_threshold * threshold <= best.prob < threshold


def test_a_part_answers_above_its_share_of_the_threshold() -> None:
    question = "How much did the Harbor Fund raise, and " + ASK
    answer = _answer(question, Settings().answer.part_threshold)
    assert "$2 million" in answer and "Lena Ortiz, a veteran pilot" in answer
    whole = _answer(question, 1.0)  # the whole threshold for every part, as before round 46
    assert "$2 million" in whole and "Lena Ortiz" not in whole
    assert "The articles do not say: who will captain the first crossing." in whole


def test_a_one_part_question_keeps_the_whole_threshold() -> None:
    question = "Who will captain the first crossing?"
    for share in (Settings().answer.part_threshold, 1.0):
        assert _answer(question, share).startswith("The articles do not say enough to answer this")


def test_the_share_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_ANSWER_PART_THRESHOLD", "0.9")
    assert Settings().answer.part_threshold == 0.9
    monkeypatch.setenv("ASSISTANT_ANSWER_PART_THRESHOLD", "1.5")
    with pytest.raises(ValueError, match="part_threshold"):
        Settings()
