"""A figure asked for is not one the question gives (round 40, on invented text): "What share
did Roe get in the poll that had Lee at 12 percent?" abstains when the only figures the chosen
sentences give are the question's own ("Lee fell to 12 percent"), and answers when they give
another ("Roe won 31 percent ... that had Lee at 12 percent"). A year is no figure, and a number word may be the answer."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context

ASK = "What share of the vote did Roe get in the poll that had Lee at 12 percent?"


def test_only_the_questions_figures() -> None:
    assert asked.only_given_figures(ASK, ["Lee fell to 12 percent in the latest poll."])
    assert asked.only_given_figures(ASK, ["Lee fell to 12 percent in the 2019 poll."])  # a year is no figure
    assert not asked.only_given_figures(ASK, ["Roe rose to 31 percent; Lee fell to 12 percent."])
    assert not asked.only_given_figures(ASK, ["Lee fell to 12 percent, three points behind Roe."])
    assert not asked.only_given_figures(ASK, ["The poll was taken on Monday."])  # no figure at all
    assert not asked.only_given_figures("What share of the vote did Roe get?", ["Lee fell to 12 percent."])


POLL = (
    "Harbor Gazette\n\n"
    "Lee fell to 12 percent in the latest Gazette poll of harbour voters.\n\n"
    "Roe won 31 percent of the vote in the Gazette poll that had Lee at 12 percent.\n"
)


def test_extractive_abstains_on_the_questions_own_figure() -> None:
    lee = [("harbor_gazette", POLL, "Lee fell to 12 percent")]
    got = ExtractiveBackend().answer(context(ASK, lee)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "no figure but the ones the question gives" in got.text
    both = [*lee, ("harbor_gazette", POLL, "Roe won 31 percent")]
    answered = ExtractiveBackend().answer(context(ASK, both)[0])
    assert not answered.abstained and "31 percent" in answered.text, answered.text
