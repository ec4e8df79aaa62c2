"""Asked what X said, the chosen sentences are all another person's words (round 43,
development near misses), on invented text with the ledger's records given: X speaks in the
article, but on another matter, so the article-wide test of X's silence does not fire."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context, quote

DOC = "harbor_gazette"
STORY = (
    "Harbor Gazette\n\n"
    '"The ferry vote split the council down the middle, and the mayor now has to decide whether '
    'to keep going," said Tom Baker, a councillor who backed the plan.\n\n'
    '"We will rebuild the north pier by spring," Mayor Ada Quill said at the dedication on Monday.\n'
)


QUOTES = [
    quote(DOC, STORY, "The ferry vote split the council down the middle", "Tom Baker"),
    quote(DOC, STORY, "We will rebuild the north pier by spring", "Ada Quill"),
]


def test_anothers_words_do_not_answer_what_x_said() -> None:
    question = "What did Ada Quill say to the council after the ferry vote split it?"
    items = [(DOC, STORY, "The ferry vote split"), (DOC, STORY, "We will rebuild")]
    ctx, _ = context(question, items, QUOTES)
    got = ExtractiveBackend().answer(ctx)
    assert got.abstained and "give Tom Baker's words, not Ada Quill's" in got.text, got.text


def test_xs_own_words_answer() -> None:
    ctx, _ = context(
        "What did Ada Quill say about the north pier?", [(DOC, STORY, "We will rebuild")], QUOTES
    )
    got = ExtractiveBackend().answer(ctx)
    assert not got.abstained and "north pier by spring" in got.text, got.text
