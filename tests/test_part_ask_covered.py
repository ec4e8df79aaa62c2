"""A part of a multi-part question takes one more sentence of its best one's article when
that sentence holds a word of the part's own ask that none of its chosen sentences holds
(``parts._ask_covered``): the part's best often echoes the statement shared by every part,
far above the sentence that names what the ask itself names. Invented text only.
"""

from __future__ import annotations

from assistant.answer.backends.extractive.parts import _ask_covered
from assistant.answer.ranker import Scored
from assistant.types import Span

PART = "The harbour levy drew two rebuttals at the assembly. What did the skippers say about the breakwater?"


def _scored(text: str, prob: float, n: int = 1, start: int = 0) -> Scored:
    return Scored(n=n, span=Span(start=start, end=start + len(text)), text=text, features={}, prob=prob)


BEST = _scored("The harbour levy drew two rebuttals at the assembly on Tuesday, the skippers said.", 0.9)


def test_a_sentence_with_an_ask_word_the_chosen_lack_joins_the_part() -> None:
    wall = _scored("The breakwater would cost the fishing towns their quay, one skipper said.", 0.4, start=200)
    later = _scored("A second breakwater was planned for the north pier.", 0.35, start=400)
    assert _ask_covered(PART, [BEST], [wall, later]) is wall  # the best-ranked one holding it


def test_the_statement_s_words_are_not_the_ask_s() -> None:
    # "assembly" and "levy" are the statement's: a sentence holding only them adds nothing asked
    echo = _scored("The assembly will vote on the levy in the autumn.", 0.5, start=200)
    assert _ask_covered(PART, [BEST], [echo]) is None


def test_nothing_joins_when_the_chosen_sentences_hold_every_ask_word() -> None:
    full = _scored("The skippers said the breakwater was a waste of the harbour's money.", 0.9)
    wall = _scored("The breakwater would cost the fishing towns their quay.", 0.4, start=200)
    assert _ask_covered(PART, [full], [wall]) is None


def test_a_sentence_overlapping_a_chosen_one_is_passed_over() -> None:
    inside = _scored("the skippers said about the breakwater", 0.5, start=10)
    wall = _scored("The breakwater would cost the fishing towns their quay.", 0.4, start=200)
    assert _ask_covered(PART, [BEST], [inside, wall]) is wall
    assert _ask_covered(PART, [BEST], []) is None
