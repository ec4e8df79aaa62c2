"""Each part of a multi-part question names its own venue, outlet or occasion ("What did
Roe say on the Morning Desk and on the Evening Ledger?"): a sentence marked with another
part's own words is that part's answer, not this one's.

Invented text only, a real index on disk for the answer.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answer.backends.extractive import _own_marked_first
from assistant.answer.ranker import Scored
from assistant.engines.lexical import tokenize
from assistant.types import Span

MORNING = """Brandt defends levy on Morning Desk

On this weekend's broadcast of Channel Nine's "Morning Desk," Governor Olga Brandt said the harbour levy was only meant to pay for the new breakwater and that critics of the levy were "counting pennies while the sea wall crumbles."

The levy would add two dollars to every ferry ticket.
"""

EVENING = """Fishing towns count the cost of the harbour levy

Governor Olga Brandt said on the weekend's "Evening Ledger" that the harbour levy was "a fair share, not a punishment" for the fishing towns.

Boat owners in the northern towns say the rain kept them ashore for most of July.

The towns will meet again in the autumn.
"""


@pytest.fixture(scope="module")
def shows_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [
            ("morning", MORNING, "Harbour Gazette", "2026-03-02"),
            ("evening", EVENING, "Valley Post", "2026-03-03"),
        ],
    )


def _scored(text: str, prob: float, n: int = 1) -> Scored:
    return Scored(n=n, span=Span(start=0, end=len(text)), text=text, features={}, prob=prob)


def test_a_sentence_marked_with_another_parts_venue_gives_way() -> None:
    own = set(tokenize("Evening Ledger"))
    theirs = set(tokenize("Channel Nine Morning Desk"))
    morning = _scored("On Channel Nine's Morning Desk, Brandt defended the levy.", 0.8)
    other = _scored("Brandt spoke about the weather in the north.", 0.6)
    evening = _scored('"It is a fair share," Brandt said on the Evening Ledger.', 0.5, n=2)
    low = _scored("The Evening Ledger is a radio show.", 0.1, n=3)
    assert _own_marked_first([morning, other, evening], own, theirs, 0.3) == [evening, other]
    # under the abstention threshold the own-marked sentence does not answer
    assert _own_marked_first([morning, other, low], own, theirs, 0.3) == [morning, other, low]
    # a best sentence that holds this part's own words too, or neither part's, stays first
    both = _scored("Brandt was on the Morning Desk and the Evening Ledger.", 0.8)
    assert _own_marked_first([both, evening], own, theirs, 0.3)[0] is both
    # a best sentence marked as no part's stays first
    assert _own_marked_first([other, evening], own, theirs, 0.3)[0] is other
    # a one-part question has no other part's words
    assert _own_marked_first([morning, evening], own, set(), 0.3)[0] is morning


def test_each_venue_part_is_answered_from_its_own_article(shows_index: Any) -> None:
    ans = shows_index.ask(
        "Olga Brandt went on two weekend shows. What did she say about the levy on "
        "Channel Nine's Morning Desk and on the Evening Ledger?"
    )
    assert not ans.abstained, ans.answer
    assert "counting pennies" in ans.answer
    assert "fair share" in ans.answer
