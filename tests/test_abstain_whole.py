"""A part of a whole counted (round 40, on invented text): "How many of the <whole> ...?"
abstains when every count the chosen sentences give is the whole's ("The 40 councillors --
teachers, lawyers, ..."), and answers when a sentence counts a part ("12 of the councillors",
"12 councillors ... voted")."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context


def test_the_whole_counted_and_a_part_counted() -> None:
    part = "How many of the harbour councillors are teachers?"
    assert asked.whole_counted_only(
        part, ["The 40 councillors — teachers, lawyers and pilots — meet monthly."]
    ) == ("councillors")
    assert asked.whole_counted_only(part, ["All 40 councillors met on Monday."]) == "councillors"
    assert asked.whole_counted_only(part, ["Twelve of the councillors are teachers."]) is None
    assert asked.whole_counted_only(part, ["The 40 councillors met; 12 councillors are teachers."]) is None
    assert asked.whole_counted_only(part, ["In 2019 the councillors met often."]) is None  # no count
    given = "How many of the 19 donors lived in Brookside?"
    assert asked.whole_counted_only(given, ["Some of the 19 donors lived outside the county."]) == "donors"
    assert asked.whole_counted_only("How many councillors are teachers?", ["The 40 councillors met."]) is None


TOWN = (
    "Harbor Gazette\n\n"
    "The 40 harbour councillors — teachers, lawyers, pilots and shopkeepers — will vote on the "
    "bridge plan in March.\n\n"
    "Twelve of the harbour councillors oppose the bridge plan, all of them pilots.\n"
)


def test_extractive_abstains_when_only_the_whole_is_counted() -> None:
    items = [("harbor_gazette", TOWN, "The 40 harbour councillors")]
    got = ExtractiveBackend().answer(context("How many of the harbour councillors are teachers?", items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "count all the councillors" in got.text
    both = [*items, ("harbor_gazette", TOWN, "Twelve of the harbour")]
    answered = ExtractiveBackend().answer(
        context("How many of the harbour councillors oppose the bridge plan?", both)[0]
    )
    assert not answered.abstained and "Twelve" in answered.text, answered.text
