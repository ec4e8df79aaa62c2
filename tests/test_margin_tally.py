"""A margin asked of a vote is given as its tally ("the court's 5-to-4 decision", "a 52-48
vote", "the Senate voted 68 to 31"), as a contest's is given in points or shares (round 48, on
invented text: "By what margin did the court rule?" had abstained with "the articles do not give
the figure asked for"). A bare pair of numbers ("the score was 5-4", "the 2015-16 season") is
no tally."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context

RULING = (
    "Valley Gazette\n\n"
    "Opposition to the bill grew after the state high court's 5-to-4 decision last year striking "
    "down the ferry tax.\n\n"
    "The ferry carries 3,000 riders a day, the harbor board said.\n"
)


def test_a_vote_tally_gives_the_margin() -> None:
    part = "By what margin did the court strike down the tax?"
    stem = asked.named_quantity(part)
    assert stem == "margin"
    assert asked.holds_quantity("the court's 5-to-4 decision", stem, part)
    assert asked.holds_quantity("after a 52-48 vote in the Senate", stem, part)
    assert asked.holds_quantity("the Senate voted 68 to 31 to confirm", stem, part)
    assert not asked.holds_quantity("the score was 5-4 in the ninth", stem, part)
    assert not asked.holds_quantity("during the 2015-16 season", stem, part)
    # a score asked ("By what score ...?") is given as each side's count of things
    score = "By what score did Quill sweep the county convention?"
    assert asked.named_quantity(score) == "score"
    assert asked.holds_quantity("swept by Quill 34 delegates to zero", "score", score)
    assert not asked.holds_quantity("Quill won 34 delegates on Saturday", "score", score)


def test_by_what_margin_is_answered_by_the_tally() -> None:
    doc = "valley_gazette"
    items = [(doc, RULING, "5-to-4 decision"), (doc, RULING, "3,000 riders")]
    got = ExtractiveBackend().answer(
        context("By what margin did the state high court strike down the ferry tax?", items)[0]
    )
    assert not got.abstained and "5-to-4" in got.text, got.text


def test_by_what_vote_asks_the_margin() -> None:
    """ "By what vote ...?" asks the tally as "By what margin" does: the sentence telling of the
    ruling without its tally does not answer it."""
    assert asked.named_quantity("By what vote did the court strike down the tax?") == "margin"
    doc = "valley_gazette"
    items = [(doc, RULING, "5-to-4 decision"), (doc, RULING, "3,000 riders")]
    got = ExtractiveBackend().answer(
        context("By what vote did the state high court strike down the ferry tax?", items)[0]
    )
    assert not got.abstained and "5-to-4" in got.text, got.text
    untold = RULING.replace("court's 5-to-4 decision", "court's decision")
    items = [(doc, untold, "court's decision"), (doc, untold, "3,000 riders")]
    refused = ExtractiveBackend().answer(
        context("By what vote did the state high court strike down the ferry tax?", items)[0]
    )
    assert refused.abstained, refused.text
