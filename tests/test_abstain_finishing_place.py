"""A finishing place asked and not told (round 48, on invented text): "Who finished fourth?"
answered with the sentence that says who finished third abstains and names the place; the
place's own word ("a fourth-place finish") or "runner-up" for second answers; "first" is
asked as a winner, which news tells many ways, so it is not checked."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context


def test_the_place_asked() -> None:
    assert asked.finishing_place("Which Republican finished fourth in the Iowa caucuses?") == "fourth"
    assert asked.finishing_place("Who came in third in the Nevada primary?") == "third"
    assert asked.finishing_place("Which mayor placed a distant second?") == "second"
    assert asked.finishing_place("Who came first in the straw poll?") is None
    assert asked.finishing_place("What did Roe say after the second debate?") is None


def test_the_place_told() -> None:
    assert asked.holds_place("Roe finished third in the caucuses.", "third")
    assert asked.holds_place("a strong fourth-place showing", "fourth")
    assert asked.holds_place("Roe was the runner-up with 30 percent.", "second")
    assert not asked.holds_place("Roe finished third in the caucuses.", "fourth")


RACE = (
    "Lakeside Courier\n\n"
    "State Sen. Dana Whitcomb finished third in the Lakeside mayoral primary on Tuesday, behind two "
    "city council members.\n\n"
    "Turnout in the primary was the lowest in a decade, the county clerk said.\n"
)


def test_extractive_abstains_on_another_place_and_answers_the_told_one() -> None:
    items = [("lakeside_courier", RACE, "State Sen. Dana Whitcomb finished third")]
    got = ExtractiveBackend().answer(
        context("Who finished fourth in the Lakeside mayoral primary?", items)[0]
    )
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "finished fourth" in got.text, got.text
    answered = ExtractiveBackend().answer(
        context("Who finished third in the Lakeside mayoral primary?", items)[0]
    )
    assert not answered.abstained and "Dana Whitcomb" in answered.text, answered.text
