"""A part of a multi-part question whose best sentence is another part's: the sentence marked
as neither part's above the abstention threshold answers it (``_own_marked_first``'s ``bar``),
and a later part whose best was shown for an earlier part takes its own sentence above the
abstention threshold (``_fresh_for_part``), not only one near the shown sentence's score.

Invented text only.
"""

from __future__ import annotations

from assistant.answer.backends.extractive import _own_marked_first
from assistant.answer.backends.extractive.parts import _fresh_for_part
from assistant.answer.ranker import Scored
from assistant.engines.lexical import tokenize
from assistant.types import Span


def _scored(text: str, prob: float, n: int = 1) -> Scored:
    return Scored(n=n, span=Span(start=0, end=len(text)), text=text, features={}, prob=prob)


# "The governor won the harbour vote. What post had she held for the coast, and what share
# of fishermen backed her?" -- each ask's own words
OWN = set(tokenize("post held coast"))
THEIRS = set(tokenize("share fishermen backed"))


def test_a_sentence_marked_as_neither_part_s_answers_when_the_best_is_another_part_s() -> None:
    theirs = _scored("Her win rested on fishermen (58 percent) and ferry crews.", 0.8)
    senate = _scored("Olga Brandt won the vote in the county she served for six years as harbour master.", 0.5, n=2)
    other = _scored("Fishermen backed her by a wide share of the vote.", 0.45, n=3)
    assert _own_marked_first([theirs, senate, other], OWN, THEIRS, 0.1, 0.3) == [senate]
    # under the abstention threshold it does not answer
    assert _own_marked_first([theirs, senate, other], OWN, THEIRS, 0.1, 0.6)[0] is theirs
    # without the bar (the former rule) the best stays first
    assert _own_marked_first([theirs, senate, other], OWN, THEIRS, 0.1)[0] is theirs
    # an own-marked sentence above the floor still comes before a merely unmarked one
    own = _scored("She had held the coast post before the vote.", 0.2, n=4)
    assert _own_marked_first([theirs, senate, own], OWN, THEIRS, 0.1, 0.3)[0] is own


def test_a_shown_best_gives_way_to_the_part_s_own_sentence_above_the_threshold() -> None:
    shown = _scored("The governor won the harbour vote on Tuesday.", 0.9)
    mine = _scored("Fishermen backed her, a union count found.", 0.5, n=2)
    distinct = set(tokenize("share fishermen backed"))
    used = {(shown.n, shown.span.start)}
    # the caller's floor is the abstention threshold: a sentence under 0.8 x the shown one's
    # score still answers the later part when it holds the part's own words
    assert _fresh_for_part(shown, [shown, mine], used, distinct, 0.32) is mine
    assert _fresh_for_part(shown, [shown, mine], used, distinct, 0.6) is None
    # a shown best that holds the part's own words answers it again
    held = _scored("Fishermen backed the governor in the harbour vote.", 0.9)
    assert _fresh_for_part(held, [held, mine], {(held.n, held.span.start)}, distinct, 0.32) is None
