"""A part of a multi-part question may hold one more sentence of its best one's article
(``parts._part_room``): the part is answered by one article of the story, whose best
sentences often repeat the shared statement or the part's subject before the one that gives
what the part asks. A single question and another article's sentence keep the usual room.
Invented text only.
"""

from __future__ import annotations

from assistant.answer.backends.extractive.parts import _part_room
from assistant.answer.ranker import Scored
from assistant.types import Context
from tests.contexts import context

HARBOUR = """Harbour levy divides the coast

The harbour levy drew two rebuttals at the coastal assembly in Port Alder on Tuesday.

Skipper Ines Varga told the assembly the levy was "a tax on every net we haul."
"""

QUAY = """Quay repairs begin in Port Alder

Governor Olga Brandt said the quay repairs would start in the spring.
"""

STATEMENT = "The harbour levy drew two rebuttals at the coastal assembly."
PART = f"{STATEMENT} What did Ines Varga tell the assembly?"
QUESTION = f"{PART[:-1]}, and when will the quay repairs start?"


def _ctx(question: str) -> Context:
    items = [
        ("harbour", HARBOUR, "The harbour levy drew two rebuttals"),
        ("harbour", HARBOUR, "Skipper Ines Varga told"),
        ("quay", QUAY, "Governor Olga Brandt said"),
    ]
    ctx, _ = context(question, items)
    return ctx


def _first(ctx: Context, n: int) -> Scored:
    ev = ctx.evidence[n - 1]
    sp = ev.sentences[0]
    return Scored(n=n, span=sp, text=ev.at(sp.start, sp.end), features={}, prob=0.5)


def test_a_part_holds_one_more_sentence_of_its_best_one_s_article() -> None:
    ctx = _ctx(QUESTION)
    best, same = _first(ctx, 1), _first(ctx, 2)  # two passages of the harbour article
    assert _part_room(ctx, PART, best, same, 3) == 4


def test_another_article_s_sentence_keeps_the_usual_room() -> None:
    ctx = _ctx(QUESTION)
    best, other = _first(ctx, 1), _first(ctx, 3)
    assert _part_room(ctx, PART, best, other, 3) == 3


def test_a_single_question_keeps_the_usual_room() -> None:
    single = "What did Ines Varga tell the assembly?"
    ctx = _ctx(single)
    best, same = _first(ctx, 1), _first(ctx, 2)
    assert _part_room(ctx, single, best, same, 3) == 3
