"""A sentence the ledger gives to a description with no name ("the company") is not another
one's words (round 24): news names a body once and goes on with "the company", so "What did
Exxon call the reports?" is answered by "the company wrote ..., calling the reports ...". A
named other speaker still is another's."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.answer.backends.extractive.speakers import _said_by_another
from assistant.answer.ranker import Scored
from tests.contexts import context, quote

LETTER = (
    "Valley Gazette\n\n"
    "Harbor Oil has accused the school's journalists of unfair reporting. Late last month, the "
    "company wrote a letter to the dean, calling the two reports ''inaccurate and deliberately "
    "misleading.''\n"
)


def _sentence(ctx: object, needle: str) -> Scored:
    ev = ctx.evidence[0]  # type: ignore[attr-defined]
    sp = next(s for s in ev.sentences if needle in ev.at(s.start, s.end))
    return Scored(n=1, span=sp, text=ev.at(sp.start, sp.end), features={}, prob=0.9)


def test_a_description_is_not_another_speaker() -> None:
    words = "inaccurate and deliberately misleading."
    described = [quote("letter", LETTER, words, "the company")]
    ctx, _ = context(
        "How did Harbor Oil describe the two reports?", [("letter", LETTER, "calling")], described
    )
    sentence = _sentence(ctx, "calling")
    assert not _said_by_another(sentence, ctx, "Harbor Oil")
    named = [quote("letter", LETTER, words, "Jane Roe")]
    other, _ = context("How did Harbor Oil describe the two reports?", [("letter", LETTER, "calling")], named)
    assert _said_by_another(_sentence(other, "calling"), other, "Harbor Oil")


def test_the_answer_keeps_the_described_ones_words() -> None:
    words = "inaccurate and deliberately misleading."
    ctx, _ = context(
        "How did Harbor Oil describe the two reports in its letter?",
        [("letter", LETTER, "calling")],
        [quote("letter", LETTER, words, "the company")],
    )
    got = ExtractiveBackend().answer(ctx)
    assert not got.abstained and "deliberately misleading" in got.text, got.text
