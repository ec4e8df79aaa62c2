"""A figure asked of one side of an event and given only of the other (round 40, on invented
text): "How many people were injured ...?" answered with "... killed four people" abstains
and names both acts; the asked side's own word or a word of its side ("hurt" for
"injured") answers; "the losing candidate" is a modifier, not an act asked."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context


def test_the_contrasted_act_and_its_words() -> None:
    assert asked.act_contrasted(
        "How many people were injured in the fire?", "The fire killed four people."
    ) == (
        "injured",
        "killed",
    )
    assert asked.act_contrasted("How many workers will the mill hire?", "The mill cut 200 jobs.") == (
        "hire",
        "cut",
    )
    assert asked.act_contrasted("How many permits were denied?", "The board approved 40 permits.") == (
        "denied",
        "approved",
    )


def test_the_asked_side_or_both_sides_or_a_modifier_is_no_contrast() -> None:
    # the sentence tells of the asked side too, or by a word of its side
    assert asked.act_contrasted("How many were injured?", "The fire killed four and injured nine.") is None
    assert asked.act_contrasted("How many were injured?", "Four died and nine were hurt.") is None
    # the question asks of both sides
    assert asked.act_contrasted("How many were killed or injured?", "The fire killed four.") is None
    # "the losing candidate" modifies a noun; a quoted word is the speaker's
    assert (
        asked.act_contrasted("How often has the county backed the losing candidate?", "It kept winning.")
        is None
    )
    assert asked.act_contrasted('Who said the plant would "hire" locals?', "The plant cut 200 jobs.") is None


MILL = (
    "Harbor Gazette\n\n"
    "The Dunmore paper mill will cut 240 workers by March, the company said on Monday, as it moves "
    "production to a newer plant.\n\n"
    "The mill has operated on the river since 1921.\n"
)


def test_extractive_abstains_on_the_other_side_and_answers_the_asked_one() -> None:
    items = [("harbor_gazette", MILL, "The Dunmore paper mill will cut")]
    got = ExtractiveBackend().answer(context("How many workers will the Dunmore paper mill hire?", items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "cut, not hire" in got.text, got.text
    answered = ExtractiveBackend().answer(
        context("How many workers will the Dunmore paper mill cut?", items)[0]
    )
    assert not answered.abstained and "240" in answered.text, answered.text
