"""A share won by a named person (round 38): "What share of the vote did Roe win?" is not
answered by a sentence giving a group's share that names neither Roe nor anyone a pronoun
or a definite description could stand for."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.types import Draft
from tests.contexts import context


def _answer(question: str, items: list[tuple[str, str, str]]) -> Draft:
    return ExtractiveBackend().answer(context(question, items)[0])


def test_the_subject_of_a_share_won_is_read_from_the_ask() -> None:
    assert asked.share_winner("What share of the vote did Liz Voss win in the primary?") == "Liz Voss"
    assert asked.share_winner("What percentage of the harbor vote did Ruiz get?") == "Ruiz"
    # a share someone speaks of is not theirs: no winner
    assert asked.share_winner("What share of riders did Ruiz say pay full fare?") is None


def test_a_share_is_the_asked_persons_when_the_sentence_may_be_about_them() -> None:
    keys = {"voss", "ruiz"}
    assert asked.figure_of_asked({"voss"}, keys, "Voss took 41 percent of the vote.", None)
    assert asked.figure_of_asked({"voss"}, keys, "She took 41 percent of the vote.", "Ada Voss")
    assert asked.figure_of_asked({"voss"}, keys, "The harbor senator took 41 percent.", None)
    assert not asked.figure_of_asked(
        {"voss"}, keys, "Independent voters make up 14 percent of the county's electorate.", None
    )
    assert not asked.figure_of_asked({"voss"}, keys, "Ruiz said he took 41 percent.", None)


def test_a_groups_share_does_not_answer_a_share_a_named_person_won() -> None:
    text = (
        "Harbor Notes\n\n"
        "Ada Voss and Tom Ruiz met voters in Port Ellis on Monday before the county primary. "
        "Independent voters make up 14 percent of the county primary's electorate, the "
        "county clerk said.\n"
    )
    question = "What share of the county primary vote did Ada Voss win?"
    got = _answer(question, [("harbor_notes", text, "primary")])
    assert got.abstained and "give none of Voss's" in got.text, got.text
    won = text.replace("Independent voters make up", "Voss won")
    got = _answer(question, [("harbor_notes", won, "primary")])
    assert not got.abstained and "14 percent" in got.text, got.text


def test_a_groups_part_of_the_electorate_is_no_share_won() -> None:
    """[composition_verbs] (round 39): "voters made up 45 percent of the electorate, and they
    scorned Mr. Voss" names Voss, but the percentage is the voters' part of the whole."""
    assert asked.only_composition(
        "Late deciders made up 45 percent of the electorate, and they scorned Voss."
    )
    assert asked.only_composition(
        "Independents, who make up approximately 14 percent of voters, stayed home."
    )
    assert not asked.only_composition("Late deciders made up 45 percent of voters, and Voss won 41 percent.")
    assert not asked.only_composition("Voss won 41 percent of the vote.")
    assert not asked.only_composition("Voss won the primary.")
    text = (
        "Harbor Notes\n\n"
        "In the county primary, late-deciding voters made up 45 percent of the electorate, "
        "and they uniformly scorned Ada Voss.\n"
    )
    question = "What share of the county primary vote did Ada Voss win?"
    got = _answer(question, [("harbor_notes", text, "primary")])
    assert got.abstained and "give none of Voss's" in got.text, got.text
