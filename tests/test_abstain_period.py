"""A figure asked for one period and answered by a sentence giving it for another (round 43,
development near misses), on invented text: the story gives January's jobs count, the
question asks December's."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context

DOC = "lakeside_courier"
STORY = (
    "Lakeside Courier\n\n"
    "The Ruritanian economy added 151,000 jobs in January, the labor ministry said on Friday.\n\n"
    "The ministry did not comment on the harbor strike.\n"
)


def _answer(question: str):
    return ExtractiveBackend().answer(context(question, [(DOC, STORY, "The Ruritanian economy added")])[0])


def test_a_count_given_for_another_month_does_not_answer() -> None:
    got = _answer("How many jobs did the Ruritanian economy add in December 2015?")
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "for January, not December 2015" in got.text, got.text


def test_the_asked_month_answers() -> None:
    got = _answer("How many jobs did the Ruritanian economy add in January?")
    assert not got.abstained and "151,000" in got.text, got.text


def test_a_year_that_names_an_event_is_no_period_asked() -> None:
    # "the 2015 jobs report" names the report; only "in <period>" asks for a figure's period
    got = _answer("How many jobs did the 2015 labor ministry report say the Ruritanian economy added?")
    assert not got.abstained and "151,000" in got.text, got.text
