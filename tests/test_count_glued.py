"""A count set as one wire sets its figures, digits glued to the multiplier ("2.5million
contributions"), a count of children given as one of schoolchildren ("20 elementary school
students") and a count given in the asked verb's noun ("jobs ... 3,000 cuts") hold the count asked
(round 48, on invented text: each had abstained with "the articles do not give the count asked
for")."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context

DRIVE = (
    "Valley Gazette\n\n"
    "Aides said more than 1 million donors made 2.5million contributions to Quill's campaign.\n\n"
    "Quill spoke in Reno on Monday.\n"
)


def test_digits_glued_to_their_multiplier_are_a_number() -> None:
    assert asked.holds_count("donors made 2.5million contributions", "contribution")
    assert asked.holds_count("she raised $112million from 40million donors", "donor")
    assert not asked.holds_count("donors made many contributions", "contribution")


def test_children_are_counted_as_students_or_kids() -> None:
    noun = asked.counted_noun("How many children were hurt in the school fire?")
    assert noun == "children"
    same = asked.same_counted(noun)
    assert any(asked.holds_count("after 20 elementary school students were hurt", s) for s in same)
    assert not any(asked.holds_count("after 20 teachers were hurt", s) for s in same)


def test_how_many_is_answered_by_the_glued_figure() -> None:
    doc = "valley_gazette"
    items = [(doc, DRIVE, "2.5million contributions"), (doc, DRIVE, "Quill spoke")]
    got = ExtractiveBackend().answer(
        context("How many contributions did Quill's campaign receive?", items)[0]
    )
    assert not got.abstained and "2.5million" in got.text, got.text


def test_a_count_asked_by_its_act_is_given_in_the_acts_noun() -> None:
    """ "How many jobs have ferry companies cut?" given as "more than 3,000 cuts" in a sentence
    on jobs: the asked verb's noun counts the asked things (round 48)."""
    part = "How many jobs have ferry companies cut because of low fares?"
    assert asked.counted_act(part) == "cut"
    assert asked.counted_act("How many people watched the harbor debate?") is None
    assert asked.counted_act("How many votes did Dana Quill receive in the roll call?") == "receive"
    doc = "valley_gazette"
    text = "Valley Gazette\n\nFirst on jobs, with more than 3,000 cuts and rising.\n\nQuill spoke in Reno.\n"
    items = [(doc, text, "3,000 cuts"), (doc, text, "Quill spoke")]
    got = ExtractiveBackend().answer(context(part, items)[0])
    assert not got.abstained and "3,000 cuts" in got.text, got.text
