"""A figure asked for, given only as a difference (round 24): "How much did the Roe campaign
spend on ads?" is not answered by "The Doe campaign spent $2 million more than the Roe
campaign"; a question asking for the difference is."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.answer.backends.extractive.checks import _difference_only
from assistant.answer.ranker import Scored
from assistant.types import Span
from tests.contexts import context

ADS = (
    "Valley Gazette\n\n"
    "The Doe campaign spent roughly $2 million more than the Roe campaign on television ads in "
    "Westland before the primary, according to an ad-tracking firm.\n\n"
    "Roe said she would rather meet voters than buy airtime.\n"
)


def _scored(text: str) -> Scored:
    return Scored(n=1, span=Span(start=0, end=len(text)), text=text, features={}, prob=0.9)


def test_a_difference_is_not_the_amount_asked() -> None:
    diff = _scored("The Doe campaign spent $2 million more than the Roe campaign on ads.")
    asked = "How much did the Roe campaign spend on ads?"
    assert _difference_only(asked, "money", [diff]) is not None
    # a question asking for the difference itself, or a sentence that also gives a total
    assert _difference_only("By how much did the Doe campaign outspend Roe?", "money", [diff]) is None
    assert _difference_only("How much more did Doe spend than Roe?", "money", [diff]) is None
    both = _scored("Roe spent $5 million, $2 million less than Doe.")
    assert _difference_only(asked, "money", [both]) is None
    # no figure at all is another check's to judge; other asks are not read
    assert _difference_only(asked, "money", [_scored("Roe spent heavily on ads.")]) is None
    assert _difference_only("What did Roe say about ads?", None, [diff]) is None


def test_the_answer_abstains_and_says_what_is_missing() -> None:
    ctx, _ = context(
        "How much did the Roe campaign spend on television ads in Westland?",
        [("gazette", ADS, "2 million more")],
    )
    got = ExtractiveBackend().answer(ctx)
    assert got.abstained and "only a difference" in got.text, got.text
    ok, _ = context(
        "By how much did the Doe campaign outspend the Roe campaign on television ads?",
        [("gazette", ADS, "2 million more")],
    )
    answered = ExtractiveBackend().answer(ok)
    assert not answered.abstained and "$2 million more" in answered.text, answered.text
