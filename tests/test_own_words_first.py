"""Asked what a named person said, a sentence the text gives to them goes before one that only
mentions them, when both score about alike above the threshold and the mention holds no one's
words. Unit checks on a context built by hand (invented text, fixed ranker probabilities, a
ledger of invented quotes)."""

from __future__ import annotations

from assistant.answer.backends.extractive.speakers import _own_words_first
from assistant.answer.ranker import Scored
from assistant.settings import AnswerSettings
from assistant.types import Context, Quote
from tests.contexts import lines_passage

THRESHOLD = 0.3
TUNING = AnswerSettings()


def _ranked(lines: list[str], probs: list[float], quoted: dict[int, str]) -> tuple[Context, list[Scored]]:
    text = "\n".join(lines)
    ev = lines_passage("port", text, 0, [])
    sents = ev.sentences
    quotes = [
        Quote(speaker=who, quote=lines[k], doc_id="port", start=sents[k].start, end=sents[k].end)
        for k, who in quoted.items()
    ]
    ctx = Context(question="What did Mara Quill say?", evidence=[ev], quotes=quotes)
    ranked = [
        Scored(n=1, span=sp, text=ln, features={}, prob=p)
        for sp, ln, p in zip(sents, lines, probs, strict=True)
    ]
    return ctx, sorted(ranked, key=lambda c: -c.prob)


def test_the_asked_persons_own_sentence_goes_before_a_mention_of_them() -> None:
    ctx, ranked = _ranked(
        [
            "The port authority asked the auditor to review Mara Quill's harbour plan on Monday.",
            "Quill told the council that the plan would pay for itself within a decade.",
        ],
        [0.99, 0.97],
        {1: "Mara Quill"},
    )
    got = _own_words_first(ctx, ranked, "Mara Quill", THRESHOLD, TUNING)
    assert got[0].text.startswith("Quill told the council")
    assert len(got) == 2


def test_a_best_sentence_holding_words_or_a_far_lower_own_sentence_stays_put() -> None:
    lines = [
        "“The harbour needs dredging first,” the auditor wrote about Mara Quill's plan.",
        "Quill told the council that the plan would pay for itself within a decade.",
    ]
    ctx, ranked = _ranked(lines, [0.99, 0.97], {1: "Mara Quill"})
    assert _own_words_first(ctx, ranked, "Mara Quill", THRESHOLD, TUNING)[0].text == lines[0]
    plain = ["The port authority asked the auditor to review Mara Quill's harbour plan.", lines[1]]
    ctx, ranked = _ranked(plain, [0.99, 0.5], {1: "Mara Quill"})  # under second_ratio of the best
    assert _own_words_first(ctx, ranked, "Mara Quill", THRESHOLD, TUNING)[0].text == plain[0]
    ctx, ranked = _ranked(plain, [0.35, 0.29], {1: "Mara Quill"})  # under the threshold
    assert _own_words_first(ctx, ranked, "Mara Quill", THRESHOLD, TUNING)[0].text == plain[0]
