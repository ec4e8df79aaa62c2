"""The findings of a named poll, survey or editorial (round 40, on invented text): "What did the
<Name> poll find ...?" abstains when no passage of the evidence names the source, or when the
chosen sentences give the findings of another named one; it answers when the chosen sentences
name it, or name no source while the story names it elsewhere ("The poll, released by ...")."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context


def test_the_named_source_and_its_words() -> None:
    assert asked.source_named("What did the Harbor Gazette poll find about the bridge?") == (
        "Harbor Gazette",
        ["harbor", "gazette"],
    )
    assert asked.source_named("What did WHBR's instant poll show?") == ("WHBR", ["whbr"])
    assert asked.source_named("What did the Dunmore Institute of Polling's April survey find?") == (
        "Dunmore Institute of Polling",
        ["dunmore", "institute", "polling"],
    )
    assert asked.source_named("What did the Gazette/Quill survey find?") == (
        "Gazette/Quill",
        ["gazette", "quill"],
    )
    # a figure the named source gives
    assert asked.source_named("By how many points did the Quill poll show the mayor leading?") == (
        "Quill",
        ["quill"],
    )
    assert asked.source_named("How many of the Gazette poll's respondents backed the bridge?") == (
        "Gazette",
        ["gazette"],
    )


def test_unnamed_sources_and_other_asks_are_none() -> None:
    assert asked.source_named("What did the poll find about the bridge?") is None
    assert asked.source_named("What did Quill say the poll found?") is None
    assert asked.source_named("Who did the Harbor Gazette poll find ahead?") is None


def test_another_sources_findings_are_read() -> None:
    said = "A Harbor Gazette/Dunmore College poll released this week found 61 percent support the bridge."
    assert asked.sources_in(said) == ["Harbor Gazette/Dunmore College"]
    assert asked.sources_in("The poll, released on Monday, found 61 percent support.") == []


TOWN = (
    "Harbor Gazette\n\n"
    "A Harbor Gazette poll released on Monday found 61 percent of residents support the new "
    "bridge, against 30 percent who oppose it.\n\n"
    "The council will vote on the bridge's funding in March, and the mayor has said she backs it.\n"
)


def test_extractive_abstains_when_no_passage_names_the_source() -> None:
    items = [("harbor_gazette", TOWN, "A Harbor Gazette poll released")]
    got = ExtractiveBackend().answer(context("What did the KXLT poll find about the new bridge?", items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "do not name KXLT" in got.text
    answered = ExtractiveBackend().answer(
        context("What did the Harbor Gazette poll find about the new bridge?", items)[0]
    )
    assert not answered.abstained and "61 percent" in answered.text, answered.text


def test_extractive_abstains_on_another_named_sources_findings() -> None:
    """The story names a KXLT poll elsewhere; the sentence that answers gives the Gazette's."""
    other = TOWN + "\nA KXLT poll last year asked about the ferry, not the bridge.\n"
    items = [
        ("harbor_gazette", other, "A Harbor Gazette poll released"),
        ("harbor_gazette", other, "A KXLT poll"),
    ]
    got = ExtractiveBackend().answer(
        context("What did the KXLT poll find about support for the new bridge?", items)[0]
    )
    assert got.abstained and "findings of Harbor Gazette, not of KXLT" in got.text, got.text


def test_a_source_named_in_another_passage_lets_the_finding_stand() -> None:
    story = (
        "Harbor Gazette\n\n"
        "The Harbor Gazette surveyed 600 residents by phone last week.\n\n"
        "The poll found 61 percent support the new bridge, against 30 percent who oppose it.\n"
    )
    items = [("harbor_gazette", story, "The poll found"), ("harbor_gazette", story, "surveyed 600")]
    got = ExtractiveBackend().answer(
        context("What did the Harbor Gazette poll find about the new bridge?", items)[0]
    )
    assert not got.abstained and "61 percent" in got.text, got.text


def test_a_source_asked_by_its_initials_is_named() -> None:
    """ "the HG poll" is the Harbor Gazette's (as "the AP survey" is the Associated Press's)."""
    items = [("harbor_gazette", TOWN, "A Harbor Gazette poll released")]
    got = ExtractiveBackend().answer(context("What did the HG poll find about the new bridge?", items)[0])
    assert not got.abstained and "61 percent" in got.text, got.text
    # the article before the spelled-out name is no word of it ("An Associated Press survey")
    assert asked.initials_in("How many residents did the HG poll count?", "a harbor gazette")


def test_a_figure_of_another_named_source_is_refused() -> None:
    race = (
        "Harbor Gazette\n\n"
        "A Harbor Gazette poll released on Monday shows Mayor Dana Quill with a 12-point lead over "
        "her challenger, Lee Marsh.\n\n"
        "A KXLT poll last month asked residents about the ferry.\n"
    )
    items = [
        ("harbor_gazette", race, "A Harbor Gazette poll released"),
        ("harbor_gazette", race, "A KXLT poll"),
    ]
    question = "By how many points did the KXLT poll show Dana Quill leading Lee Marsh?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and "findings of Harbor Gazette, not of KXLT" in got.text, got.text
    question = "By how many points did the Harbor Gazette poll show Dana Quill leading Lee Marsh?"
    answered = ExtractiveBackend().answer(context(question, items)[0])
    assert not answered.abstained and "12-point lead" in answered.text, answered.text
