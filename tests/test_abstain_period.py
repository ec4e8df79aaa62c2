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


REFUGEES = (
    "Lakeside Courier\n\n"
    "The ministry said Ruritania was prepared to admit 85,000 refugees in fiscal 2016, up from 70,000.\n\n"
    "Ruritania admits 200,000 refugees, the headline says.\n"
)


def test_a_fiscal_year_is_a_period_asked_and_a_further_sentence_without_one_gives_none() -> None:
    # the best sentence gives fiscal 2016's count; the further one names no period, so it gives
    # no count for the asked year either
    items = [(DOC, REFUGEES, "The ministry said Ruritania"), (DOC, REFUGEES, "Ruritania admits 200,000")]
    got = ExtractiveBackend().answer(
        context("How many refugees did Ruritania admit in fiscal 2015?", items)[0]
    )
    assert got.abstained and "for 2016, not fiscal 2015" in got.text, got.text
    answered = ExtractiveBackend().answer(
        context("How many refugees was Ruritania prepared to admit in fiscal 2016?", items)[0]
    )
    assert not answered.abstained and "85,000" in answered.text, answered.text
