""""How long ...?" asks for a length of time or a work's length (round 29): "76 minutes", "a
15-hour filibuster", "a 104-page report", not the day the thing happened ("Thursday night").
When no matching sentence gives a length, the question is read as a "when", as before."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.answer.backends.extractive.wanted import _specific
from tests.contexts import context


def test_a_length_of_time_is_a_number_before_a_unit_a_compound_or_a_start() -> None:
    for text in (
        "The address lasted 76 minutes.",
        "his 15-hour filibuster",
        "the 104-page financial disclosure",
        "After just seven months on the job",
        "two and a half years",
        "for an hour",
        "an hourlong speech",
        "married since 2009",
    ):
        assert asked.holds_duration(text), text
    for text in ("The speech Thursday night was the moment.", "in 2012", "ambassador from 2007 to 2013"):
        assert not asked.holds_duration(text), text


def test_how_long_asks_a_length_not_a_time_ago() -> None:
    assert asked.duration_asked("How long did Roe's speech last?")
    assert _specific("How long did Roe's speech last?") == "duration"
    assert not asked.duration_asked("How long ago did Roe speak?")


SPEECH = (
    "Harbor Courier\n\n"
    "Roe's acceptance speech Thursday night was the moment the harbor crowd had waited for.\n\n"
    "The acceptance speech lasted an extraordinary 76 minutes, with balloons falling at the end.\n"
)


def test_the_length_answers_how_long_rather_than_the_day() -> None:
    items = [("courier", SPEECH, "Thursday night"), ("courier", SPEECH, "76 minutes")]
    got = ExtractiveBackend().answer(context("How long did Roe's acceptance speech last?", items)[0])
    assert not got.abstained and "76 minutes" in got.text, got.text


def test_with_no_length_given_how_long_is_read_as_when() -> None:
    text = "Harbor Courier\n\nRoe's acceptance speech Thursday night was the moment the harbor crowd had waited for.\n"
    got = ExtractiveBackend().answer(
        context("How long did Roe's acceptance speech last?", [("courier", text, "Thursday night")])[0]
    )
    assert "length asked for" not in got.text, got.text
