"""A name asked of a role and answered by a sentence that names someone in another role (round
12, nearmiss12), on invented text: the passage names the campaign manager, the question asks
for the spokeswoman's name."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context

STORY = (
    "Lakeside Courier\n\n"
    "Robert Fenwick, the Quill campaign manager, disputed the account of the scuffle with the "
    "reporter at the rally on Tuesday.\n\n"
    "The campaign spokeswoman, Maria Delgado, called the account false.\n"
)


def test_role_asked_is_the_head_noun_before_its_post_modifier() -> None:
    assert asked.role_asked("What is the name of the campaign spokeswoman who disputed it?") == "spokeswoman"
    assert asked.role_asked("Who is the head of the Harbor Fund, the group behind the ad?") == "head"
    assert asked.role_asked("Who is the suspected gunman in the mall shooting?") == "gunman"
    assert asked.role_asked("Name the officer.") == "officer"
    # a possessive name for "the"; a clause without "that" after the head noun (its subject's
    # name, then its verb)
    assert asked.role_asked("What is the name of Quill's campaign manager?") == "manager"
    assert asked.role_asked("What was the name of the satellite Ruritania launched last year?") == "satellite"
    assert asked.role_asked("What is the name of the super PAC that ran the ad?") is None
    # a capitalised last word is a name, not a role; no name ask, no role
    assert asked.role_asked("Who is the Lakeside Fund?") is None
    assert asked.role_asked("What did the spokeswoman say?") is None


def test_names_role_allows_another_form_of_the_noun() -> None:
    assert asked.names_role("Maria Delgado, a spokesperson, said so.", "spokeswoman")
    assert asked.names_role("Two spokeswomen declined to comment.", "spokeswoman")
    assert not asked.names_role("Campaign manager Robert Fenwick said so.", "spokeswoman")


def test_extractive_abstains_when_the_named_one_holds_another_role() -> None:
    doc = "lakeside_courier"
    items = [(doc, STORY, "Robert Fenwick, the Quill")]
    question = (
        "What is the name of the Quill campaign spokeswoman who disputed the account of the scuffle "
        "with the reporter at the rally?"
    )
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "do not say who the spokeswoman is" in got.text, got.text


def test_a_sentence_naming_the_role_answers() -> None:
    doc = "lakeside_courier"
    items = [(doc, STORY, "Maria Delgado"), (doc, STORY, "Robert Fenwick, the Quill")]
    question = "What is the name of the Quill campaign spokeswoman who called the account false?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert not got.abstained and "Delgado" in got.text, got.text


def test_a_thing_asked_for_by_name_is_not_named_by_an_indefinite_phrase() -> None:
    doc = "lakeside_courier"
    story = (
        "Lakeside Courier\n\n"
        "Ruritania launched a weather satellite into orbit on Tuesday, Mayor Ada Voss said.\n"
    )
    question = "What was the name of the weather satellite Ruritania launched on Tuesday?"
    got = ExtractiveBackend().answer(context(question, [(doc, story, "Ruritania launched")])[0])
    assert got.abstained and "do not name the satellite" in got.text, got.text
