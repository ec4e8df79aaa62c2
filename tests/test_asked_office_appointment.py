"""Round 50's asks, on invented text: a place before an office ("the Ohio senator") describes
a person, not a place asked; "Which state party chairman" asks a person; "Whom did the mayor
name as her new harbor manager?" asks the role's holder by name; and an organisation the next
sentence names in apposition after "The charity, the newly formed ..." is named."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context


def test_a_kind_before_two_nouns_ending_in_a_role_asks_a_person() -> None:
    assert asked.typed_ask("Which state party chairman said his state has no such headache?") is None
    assert asked.typed_ask("Which city council member proposed the fare rise?") is None
    # a function word between the kind and a role noun: the kind is asked
    assert asked.typed_ask("Which state did the senator visit first?") is not None
    assert asked.typed_ask("Which city did the mayor's office name?") is not None


def test_a_place_before_an_office_is_no_place_the_question_names() -> None:
    entities = [("Ohio", "GPE"), ("Lakewood", "GPE")]
    assert (
        asked.question_named("How far apart do the Ohio senator and the former Ohio governor live?", entities)
        == {}
    )
    assert asked.question_named("How far apart do Ohio Gov. Ray Roe and his rival live?", entities) == {}
    # a place before people who are not office holders is where they are
    assert asked.question_named("How many Ohio voters backed the plan?", entities) == {"GPE": {"ohio"}}


RIVALS = (
    "Lake Courier\n\n"
    "The Ohio senator and the former Ohio governor have been rivals for a decade.\n\n"
    "They live a ten-minute drive apart, the senator in Shaker Heights and the former governor "
    "in Lakewood.\n"
)


def test_the_distance_between_two_office_holders_of_a_place_is_answered() -> None:
    items = [("lake_courier", RIVALS, "have been rivals"), ("lake_courier", RIVALS, "ten-minute drive apart")]
    question = "How far apart do the Ohio senator and the former Ohio governor live?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert not got.abstained, got.text
    assert "ten-minute drive apart" in got.text


def test_whom_a_person_named_to_a_role_asks_the_holders_name() -> None:
    assert asked.role_asked("Whom did the mayor name as her new harbor manager last week?") == "manager"
    assert asked.role_asked("Who did Roe choose as his running mate?") == "mate"
    assert asked.wants_name("Whom did the mayor appoint as the port's chief engineer?")
    # no appointing verb before "as": not a role's holder asked
    assert asked.role_asked("Who did Roe say would stay on as his deputy?") is None


SHAKEUP = (
    "Harbor Gazette\n\n"
    "The mayor shook up the harbor office on Tuesday, putting two longtime aides in charge as "
    "chief engineer and harbor manager.\n\n"
    "It was unclear what the shakeup meant for Dana Quill, who keeps her title as port director.\n"
)


def test_extractive_abstains_when_no_sentence_names_the_new_holder() -> None:
    items = [("harbor_gazette", SHAKEUP, "putting two longtime aides")]
    question = "Whom did the mayor name as her new harbor manager in the shakeup?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text


def test_extractive_answers_when_a_sentence_names_the_new_holder() -> None:
    named = SHAKEUP.replace(
        "putting two longtime aides in charge as chief engineer and harbor manager",
        "naming longtime aide Lena Ortiz as her new harbor manager",
    )
    items = [("harbor_gazette", named, "naming longtime aide Lena Ortiz")]
    question = "Whom did the mayor name as her new harbor manager in the shakeup?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert not got.abstained, got.text
    assert "Lena Ortiz" in got.text


CHARITY = (
    "River Ledger\n\n"
    "People who know the deal said the mayor's aide Tom Reyes was also steering the work of a newly formed "
    "charity that hired two Washington law firms, Bell Partners and Stone Group. "
    "The charity, the newly formed Harbor Renewal Fund, was run by a board of the mayor's allies.\n"
)


def test_an_organisation_named_in_apposition_in_the_next_sentence_is_named() -> None:
    items = [("river_ledger", CHARITY, "newly formed charity")]
    question = "What was the name of the newly formed charity that hired the two law firms?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert not got.abstained, got.text
