"""An outlet named in a question by its short form ("per the HuffPost piece") is the outlet,
not a name the articles must mention (round 30: two development questions abstained "the
articles never mention it")."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.questions import outlet_named
from tests.contexts import context

OUTLETS = ["The Huffington Post", "The Washington Post", "The New York Times", "Politico", "USA Today"]

PIECE = """Rubio's third place is no win

Politicos call it the expectations game: set the bar low, then step over it and claim a victory.

The senator finished third in Iowa on Monday.
"""


def test_short_forms_name_the_outlet() -> None:
    for name in ("HuffPost", "WaPo", "NYT", "N.Y.T.", "Washington Post", "The Washington Post", "Politico"):
        assert outlet_named(name, OUTLETS), name


def test_a_place_or_a_piece_of_an_outlet_name_is_not_the_outlet() -> None:
    for name in ("Washington", "New York", "Post", "Huffington", "Hillary Clinton", "USA", "NY"):
        assert not outlet_named(name, OUTLETS), name


def test_a_question_naming_the_outlet_by_its_short_form_is_answered() -> None:
    question = "What do politicos call setting expectations low, per the HuffPost piece?"
    ctx, _ = context(question, [("hp1", PIECE, "expectations game")])
    # as the index reports it: no article's text holds the short form
    ctx = ctx.model_copy(update={"outlets": OUTLETS, "unmentioned": ["huffpost"]})
    draft = ExtractiveBackend().answer(ctx)
    assert not draft.abstained, draft.text
    assert "expectations game" in draft.text
    # the same question naming something no article mentions still abstains
    other = ctx.model_copy(
        update={"question": question.replace("HuffPost", "Quibble"), "unmentioned": ["quibble"]}
    )
    assert ExtractiveBackend().answer(other).abstained
