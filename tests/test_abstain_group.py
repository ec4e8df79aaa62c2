"""A group's words asked and answered by narration that mentions the group (round 12,
group12), on invented text: the passage says what the volunteers did, never what they said."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context

SILENT = (
    "Lakeside Courier\n\n"
    "At the flood shelter on Tuesday, the river volunteers handed out blankets and sorted "
    "donated food while the water kept rising along Mill Street.\n\n"
    "Mayor Tessa Brandt said the shelter would stay open through the weekend.\n"
)
SPOKEN = (
    "Lakeside Courier\n\n"
    "At the flood shelter on Tuesday, the river volunteers said the donated food would last "
    "only two more days while the water kept rising along Mill Street.\n"
)


def test_group_asked_is_a_plural_or_collective_head_without_a_name() -> None:
    assert asked.group_asked("What did the river volunteers who sorted food say about it?") == "volunteers"
    assert asked.group_asked("What did the 12 regional clinics say after the vote?") == "clinics"
    assert asked.group_asked("What did Norland's government say about the treaty?") == "government"
    assert asked.group_asked("What did the announcement before the rallies tell the crowd?") is None
    # a person's name, a singular role, the articles themselves: no group
    assert asked.group_asked("What did Tessa Brandt say about the shelter?") is None
    assert asked.group_asked("What did the spokeswoman say about the shelter?") is None
    assert asked.group_asked("What did the articles expect the mayor to say?") is None
    assert asked.group_asked("What did the others say?") is None


def test_group_speaks_reads_the_noun_as_a_speaker_only() -> None:
    assert asked.group_speaks(
        "The volunteers, tired after a long night, said the food ran out.", "volunteers", 12
    )
    assert asked.group_speaks("A volunteer from the north side told reporters it was cold.", "volunteers", 12)
    assert asked.group_speaks("The shelter is full, according to the volunteers.", "volunteers", 12)
    assert not asked.group_speaks("The volunteers handed out blankets.", "volunteers", 12)


def test_they_right_after_the_group_as_subject_gives_the_group_words() -> None:
    """ "Volunteers objected to ... . They also said ...": "they" is the group the sentence
    before opens on; another subject there, or no speech verb, gives the group nothing."""
    said = "Volunteers objected to the move to the school gym. They also said that the food would run out."
    assert asked.group_speaks_as_they(said, "volunteers")
    assert not asked.group_speaks_as_they(said.replace("Volunteers", "Officials"), "volunteers")
    assert not asked.group_speaks_as_they(said.replace("also said that", "also handed out"), "volunteers")


def test_extractive_abstains_when_no_sentence_gives_the_group_words() -> None:
    doc = "lakeside_courier"
    items = [(doc, SILENT, "the river volunteers handed out"), (doc, SILENT, "Mayor Tessa Brandt")]
    question = "What did the river volunteers at the flood shelter say about the donated food on Tuesday?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "do not give the volunteers' words" in got.text, got.text


def test_a_sentence_giving_the_group_words_answers() -> None:
    doc = "lakeside_courier"
    items = [(doc, SPOKEN, "the river volunteers said")]
    question = "What did the river volunteers at the flood shelter say about the donated food on Tuesday?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert not got.abstained and "two more days" in got.text, got.text
