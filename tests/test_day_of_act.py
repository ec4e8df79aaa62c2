"""A day asked of an act ("On which day did Roe endorse Quill?") is answered by the sentence
that dates the act by any form of its verb ("received the endorsement of Gov. Dana Roe on
Friday"), though sentences telling of the act without a day match the question better
(round 48, on invented text: it had refused with "the passages on this do not give the date
asked for")."""

from __future__ import annotations

from dataclasses import replace

from assistant.answer.backends.extractive.order import _act_dated_first
from assistant.answer.ranker import rank
from tests.contexts import context

TEXT = (
    "Valley Gazette\n\n"
    "Roe praised Quill for showing courage on the ferry tax.\n\n"
    "Quill, who needs a win in the primary, received the endorsement of Gov. Dana Roe on Friday.\n\n"
    "The ferry board meets on Tuesday.\n"
)
QUESTION = "On which day did Roe endorse Quill?"


def test_the_sentence_dating_the_asked_act_goes_first_at_the_best_score() -> None:
    items = [
        ("gazette", TEXT, "Roe praised"),
        ("gazette", TEXT, "endorsement"),
        ("gazette", TEXT, "board meets"),
    ]
    ctx = context(QUESTION, items)[0]
    ranked = rank(ctx)
    endorsed = replace(next(c for c in ranked if "endorsement" in c.text), prob=0.4)
    board = replace(next(c for c in ranked if "board meets" in c.text), prob=0.5)
    moved = _act_dated_first([board, endorsed], QUESTION, 0.3, top=0.95)
    assert "endorsement" in moved[0].text and moved[0].prob == 0.95 and moved[1] is board
    # below the threshold it is not lifted; nor for a question whose verb no sentence holds
    assert _act_dated_first([board, replace(endorsed, prob=0.2)], QUESTION, 0.3, top=0.95)[0] is board
    assert _act_dated_first([board, endorsed], "On which day did Roe resign?", 0.3, top=0.95)[0] is board
