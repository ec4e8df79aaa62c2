"""An organisation's words asked for ("What did Harbor Ferries say about ...?") when the
ledger knows the one asked by its spokesman's name: a sentence naming the organisation as
the one that spoke ("Harbor Ferries contended in its letter, written by ...") is the asked
one's words, not another speaker's, and answers before a sentence that does not name it."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context, quote

FERRIES = (
    "Harbor Gazette\n\n"
    "Harbor Ferries contended in its letter, written by Dana Quill, a vice president, that the "
    "council's fare study carried a bias against the ferry industry.\n\n"
    "The council had paid for the fare study with money from two harbor foundations, and "
    "published it in March.\n\n"
    "Lee Marsh, a spokesman for Harbor Ferries, said on Tuesday that the company stood by its letter.\n"
)


def test_the_organisation_named_as_the_one_that_spoke_answers_for_it() -> None:
    ledger = [
        quote("ferries", FERRIES, "that the council's fare study carried a bias", "Dana Quill"),
        quote("ferries", FERRIES, "that the company stood by its letter", "Lee Marsh"),
    ]
    items = [
        ("ferries", FERRIES, "contended in its letter"),
        ("ferries", FERRIES, "had paid for the fare study"),
        ("ferries", FERRIES, "stood by its letter"),
    ]
    ctx = context(
        "What did Harbor Ferries say about the foundations that paid for the fare study?", items, ledger
    )[0]
    ctx = ctx.model_copy(update={"speaker": "Lee Marsh"})  # the ledger's name for the one asked
    got = ExtractiveBackend().answer(ctx)
    assert not got.abstained and "bias against the ferry industry" in got.text, got.text
