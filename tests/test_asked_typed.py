"""The asked-for thing, typed and checked in the chosen evidence (invented text): a near
miss abstains with a line saying what is missing, its answerable twin still answers."""

from __future__ import annotations

import pytest

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from assistant.types import Quote
from tests.contexts import context

DOC = "millbrook_gazette"


def _answer(question: str, text: str, needle: str, quotes: list[Quote] | None = None) -> tuple[bool, str]:
    ctx, _ = context(question, [(DOC, text, needle)], quotes=quotes)
    got = ExtractiveBackend().answer(ctx)
    return got.abstained, got.text


def test_the_question_forms_are_typed() -> None:
    assert asked.asks_org("Which party is the moderator registered with?")
    assert asked.asks_org("For which newspaper does she write?")
    assert not asked.asks_org("What did the party say about taxes?")
    assert asked.asks_place("Where did the mayor hold the rally?")
    assert asked.asks_place("In which state was the rally held?")
    assert not asked.asks_place("Who spoke at the rally?")
    assert asked.asks_year("In what year did she join the council?")
    assert asked.role_head("What is the name of the 911 caller who phoned police?") == "caller"
    assert asked.role_head("Who was the officer who fired?") == "officer"
    assert asked.role_head("Who was the President of Ruritania?") is None
    assert asked.quoted_words('Who said "we will rebuild the old bridge"?') == ["rebuild", "old", "bridge"]
    assert asked.about_terms("What did Jane Roe say about the school budget?", {"jane", "roe"}) == {
        "school",
        "budget",
    }


MODERATOR = (
    "Millbrook Gazette\n\n"
    "Jane Roe, the veteran moderator of the Millbrook debate, said the candidates would face "
    "questions on taxes and schools at the town hall on Thursday.\n"
)
MODERATOR_TWIN = (
    "Millbrook Gazette\n\n"
    "Jane Roe, the veteran moderator of the Millbrook debate, is registered with the Green Party, "
    "county records show.\n"
)


def test_which_party_needs_an_organisation_the_question_does_not_name() -> None:
    q = "Which party is Jane Roe, the moderator of the Millbrook debate, registered with?"
    abstained, text = _answer(q, MODERATOR, "veteran moderator")
    assert abstained and text.startswith(CANNOT_ANSWER) and "organisation" in text, text
    abstained, text = _answer(q, MODERATOR_TWIN, "veteran moderator")
    assert not abstained and "Green Party" in text, text


CALLER = (
    "Millbrook Gazette\n\n"
    "A 911 caller told the dispatcher that the driver seemed confused and unwell, Officer "
    "Tom Baker said on Friday.\n"
)
CALLER_TWIN = (
    "Millbrook Gazette\n\n"
    "The 911 caller, Maria Lopez, told the dispatcher that the driver seemed confused and "
    "unwell, police said on Friday.\n"
)


def test_a_name_for_a_role_must_stand_with_the_role() -> None:
    q = "What is the name of the 911 caller who told the dispatcher the driver seemed confused?"
    abstained, text = _answer(q, CALLER, "911 caller")
    assert abstained and "the name asked for" in text, text
    abstained, text = _answer(q, CALLER_TWIN, "911 caller")
    assert not abstained and "Maria Lopez" in text, text


BRIDGE = (
    "Millbrook Gazette\n\n"
    "Mayor Jane Roe said on Monday that the town would repair the old river bridge before "
    "the winter storms, calling the work long overdue.\n"
)
BRIDGE_TWIN = (
    "Millbrook Gazette\n\n"
    "Mayor Jane Roe said on Monday that the school budget would grow by a tenth next year, "
    "calling the increase long overdue.\n"
)


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("What did Jane Roe say about the school budget?", "do not speak of the school budget"),
        ('Who said "the school budget would grow by a tenth"?', "do not hold the words quoted"),
    ],
)
def test_the_topic_and_the_quoted_words_must_be_in_the_evidence(question: str, missing: str) -> None:
    abstained, text = _answer(question, BRIDGE, "river bridge")
    assert abstained and missing in text, text
    abstained, text = _answer(question, BRIDGE_TWIN, "school budget")
    assert not abstained and "school budget would grow" in text, text


COUNCIL = (
    "Millbrook Gazette\n\n"
    "Mayor Jane Roe opened the council meeting on Monday.\n\n"
    '"The school budget cannot grow while the bridge is falling down," said Tom Baker, the '
    "council treasurer.\n"
)


def test_another_speakers_words_are_not_the_asked_persons() -> None:
    """The ledger gives the sentence to Tom Baker: it does not say what Jane Roe said."""
    words = "The school budget cannot grow while the bridge is falling down,"
    from tests.contexts import quote

    q = [quote(DOC, COUNCIL, words, "Tom Baker")]
    items = [(DOC, COUNCIL, "cannot grow"), (DOC, COUNCIL, "opened the council")]
    got = ExtractiveBackend().answer(context("What did Jane Roe say about the school budget?", items, q)[0])
    assert got.abstained and "quote others, not Jane Roe" in got.text, got.text
    got = ExtractiveBackend().answer(context("What did Tom Baker say about the school budget?", items, q)[0])
    assert not got.abstained and "cannot grow" in got.text, got.text
