"""The qualifiers a question puts on the thing it asks about, and whether an article names
them (``asked.named_qualifiers``, ``asked.carries_qualifier``, ``asked.article_names``); a
role asked by name that a sentence gives only as an unnamed one (``asked.unnamed_role``).
Invented text only."""

from __future__ import annotations

from assistant.answer import asked


def test_a_named_poll_and_a_possessive_owner_are_qualifiers() -> None:
    q = "By how many points did Ruiz lead Okafor in the WXTV North Dakota survey?"
    assert [w for w, _ in asked.named_qualifiers(q, set(), set())] == ["WXTV", "North", "Dakota"]
    owner = asked.named_qualifiers("What did KBLQ's snap survey find about the debate?", set(), set())
    assert owner == [("KBLQ", "KBLQ's snap survey")]


def test_a_capitalised_head_noun_is_not_looked_for() -> None:
    found = asked.named_qualifiers("What did the Harbor Survey find in June?", {"survey"}, set())
    assert found == [("Harbor", "Harbor Survey")]


def test_persons_outlets_and_which_questions_are_left_alone() -> None:
    assert asked.named_qualifiers("What did Ruiz's campaign say?", set(), {"ruiz"}) == []
    assert (
        asked.named_qualifiers("What did the Gazette reporters find?", set(), set(), ["The Daily Gazette"])
        == []
    )
    assert asked.named_qualifiers("Which North Dakota official declined to comment?", set(), set()) == []


def test_a_subject_before_a_speech_verb_is_not_a_qualifier() -> None:
    assert asked.named_qualifiers("What did the Treasury say about the plan?", set(), set()) == []
    counted = asked.named_qualifiers("How many Liberal claims did the site check?", set(), set())
    assert counted == [("Liberal", "Liberal claims")]


def test_an_article_carries_a_qualifier_in_another_form() -> None:
    names = asked.article_names("Officials of the United Nations met in the Canada-U.K.-Chile talks.")
    assert asked.carries_qualifier("UN", names)  # initials of a capitalised run
    assert asked.carries_qualifier("UK", names)  # full stops dropped
    assert asked.carries_qualifier("Chilean", names)  # the same first four letters
    assert not asked.carries_qualifier("WXTV", names)


def test_a_month_is_carried_by_the_publication_month_or_its_abbreviation() -> None:
    assert asked.carries_qualifier("December", ["Saturday"], (2015, 12))
    assert asked.carries_qualifier("December", asked.article_names("On Dec. 3 they met."))
    assert not asked.carries_qualifier("December", ["Saturday"], (2015, 11))


def test_a_role_given_only_unnamed_is_no_name() -> None:
    assert asked.role_asked("What is the name of the tow truck driver who called police?") == "driver"
    assert asked.unnamed_role("Pell said a tow truck driver also called the police.", "driver")
    assert not asked.unnamed_role("A tow truck driver, Lee Vance, called the police.", "driver")
    assert not asked.unnamed_role("The driver called the police.", "driver")
    assert not asked.unnamed_role("Pell called the police.", "driver")


POLL = (
    "Lakeside Courier\n\n"
    "A Harbor Ledger poll released on Monday found Mayor Dana Quill leading her rival by 6 points "
    "in the Maplewood mayoral race.\n\n"
    "The poll surveyed 800 likely voters in Maplewood last week.\n"
)


def test_extractive_abstains_when_the_article_never_names_the_qualifier() -> None:
    from assistant.answer.backends.extractive import ExtractiveBackend
    from tests.contexts import context

    items = [("lakeside_courier", POLL, "Harbor Ledger poll released")]
    asked_other = "What did the WXTV poll find in the Maplewood mayoral race?"
    got = ExtractiveBackend().answer(context(asked_other, items)[0])
    assert got.abstained and "mention no WXTV poll" in got.text, got.text
    named = POLL.replace("A Harbor Ledger poll", "A WXTV poll")
    kept = ExtractiveBackend().answer(
        context(asked_other, [("lakeside_courier", named, "WXTV poll released")])[0]
    )
    assert "mention no" not in kept.text, kept.text
