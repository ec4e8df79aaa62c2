"""The year or the month of an act asked (round 49, on invented sentences): "In what year did
Lee Boyd die?" is answered by the sentence that holds the act's verb ("who died at sea in
1981"), scoring a little under the threshold, before the one that matches the question best
with another event's year ("In 1977, ... asked his brother Lee Boyd to be the best man")."""

from __future__ import annotations

from assistant.answer.backends.extractive.order import _act_year_first
from assistant.answer.ranker import Scored
from assistant.types import Span

BEST_MAN = "In 1977, the ferryman Sam Boyd asked his brother Lee Boyd to be the best man at his wedding."
DIED = "Sam Boyd seldom speaks of his brother Lee, who died at sea in 1981."
SAILED = "Lee Boyd sailed for the north pier in 1979."
OTHER = "The harbor master died at sea in 1979, a year after he hired Lee Boyd."


def _scored(text: str, prob: float, start: int) -> Scored:
    return Scored(
        n=1, span=Span(start=start, end=start + len(text)), text=text, features={}, prob=prob, kinds={"time"}
    )


def test_the_sentence_holding_the_act_goes_first_scored_as_the_best() -> None:
    fitting = [_scored(BEST_MAN, 0.72, 0), _scored(SAILED, 0.4, 200), _scored(DIED, 0.28, 100)]
    got = _act_year_first(fitting, "In what year did Lee Boyd die?", floor=0.25)
    assert [c.text for c in got] == [DIED, BEST_MAN, SAILED]
    assert got[0].prob == 0.72  # judged as the best one was


def test_under_the_floor_or_already_first_nothing_moves() -> None:
    fitting = [_scored(BEST_MAN, 0.72, 0), _scored(DIED, 0.2, 100)]
    assert _act_year_first(fitting, "In what year did Lee Boyd die?", floor=0.25) == fitting
    first = [_scored(DIED, 0.5, 100), _scored(BEST_MAN, 0.45, 0)]
    assert _act_year_first(first, "In what year did Lee Boyd die?", floor=0.25) == first
    # the act told of another doer: the asked one's name only after the verb
    other = [_scored(BEST_MAN, 0.72, 0), _scored(OTHER, 0.5, 300)]
    assert _act_year_first(other, "In what year did Lee Boyd die?", floor=0.25) == other
    # no verb after the named subject: nothing to hold
    assert _act_year_first(fitting, "In what year was the ferry strike?", floor=0.1) == fitting
