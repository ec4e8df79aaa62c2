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
from assistant.settings import AnswerSettings
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
    # one that holds more of the other part's own words than of this part's gives way too
    mostly = _scored("On Channel Nine's Morning Desk, Brandt called the evening levy fair.", 0.8)
    assert _own_marked_first([mostly, other, evening], own, theirs, 0.3) == [evening, mostly, other]
    # ... but only to a sentence holding more of this part's own words than it does
    thin = _scored("Brandt spent the evening at home.", 0.5, n=2)
    assert _own_marked_first([mostly, other, thin], own, theirs, 0.3) == [mostly, other, thin]
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


def test_a_later_parts_own_ask_is_read_after_the_statement() -> None:
    from assistant.nlp.questions import ask_of, part_ask, split_question

    parts = split_question(
        "Olga Brandt had a busy week. What did she say on the Morning Desk, and which paper "
        "reported the fishing towns' meeting?"
    )
    assert len(parts) == 2
    # split_question keeps the later ask in lower case after the statement
    assert part_ask(parts[0]) == "What did she say on the Morning Desk?"
    assert part_ask(parts[1]) == "which paper reported the fishing towns' meeting?"
    assert ask_of(parts[1]) == parts[1]  # ask_of (questions as asked) is unchanged
    # an abbreviation is no sentence end; an unsplit question is its own ask
    assert part_ask("What did Gov. Brandt say?") == "What did Gov. Brandt say?"


def test_an_own_marked_sentence_under_the_threshold_answers_above_the_floor() -> None:
    own = set(tokenize("Evening Ledger"))
    theirs = set(tokenize("Channel Nine Morning Desk"))
    morning = _scored("On Channel Nine's Morning Desk, Brandt defended the levy.", 0.8)
    low = _scored("The Evening Ledger heard Brandt call it a fair share.", 0.2, n=2)
    floor = AnswerSettings().own_marked_floor * 0.3
    assert _own_marked_first([morning, low], own, theirs, floor) == [low]
    assert _own_marked_first([morning, low], own, theirs, 0.3) == [morning, low]


TOWNS = """Fishing towns plan their answer to the levy

Skippers from the northern towns met in a church hall on Thursday.

Their spokeswoman, Ines Varga, said the towns would hold a ferry boycott in the autumn unless the levy was halved.

The hall was full an hour before the meeting began.
"""


@pytest.fixture(scope="module")
def towns_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [
            ("morning", MORNING, "Harbour Gazette", "2026-03-02"),
            ("towns", TOWNS, "Valley Post", "2026-03-05"),
        ],
    )


def test_a_later_lower_case_part_is_answered_from_its_own_article(towns_index: Any) -> None:
    ans = towns_index.ask(
        "Governor Olga Brandt defended the harbour levy all week. What did she say about it on "
        "Channel Nine's Morning Desk, and what did the fishing towns plan for the autumn?"
    )
    assert not ans.abstained, ans.answer
    assert "counting pennies" in ans.answer
    assert "ferry boycott" in ans.answer


def test_a_part_whose_own_words_no_sentence_holds_takes_another_articles_sentence() -> None:
    """No sentence holds this part's own words ("What office had she held for the state?"
    against "which she represented for eight years in the Senate") and the best holds only
    the other part's ("women"): the best sentence of another article above the abstention
    threshold, holding none of the other part's words, answers this part first."""
    from assistant.types import Context
    from tests.contexts import evidence

    poll = "Brandt won the primary with the support of women (61 percent)."
    profile = "Brandt won the primary in Westland, which she represented for eight years in the Senate."
    ctx = Context(
        question="q",
        evidence=[evidence("poll", poll, "support of women"), evidence("profile", profile, "represented")],
    )
    own, theirs = set(tokenize("office held state")), set(tokenize("share women voters backed"))
    best = Scored(n=1, span=Span(start=0, end=len(poll)), text=poll, features={}, prob=0.84)
    senate = Scored(n=2, span=Span(start=0, end=len(profile)), text=profile, features={}, prob=0.52)
    same_article = Scored(n=1, span=Span(start=0, end=len(poll)), text="Brandt won.", features={}, prob=0.6)
    assert _own_marked_first([best, senate], own, theirs, 0.1, 0.32, ctx) == [senate]
    # under the abstention threshold, or from the best one's own article: the best stays first
    low = Scored(n=2, span=senate.span, text=profile, features={}, prob=0.3)
    assert _own_marked_first([best, low], own, theirs, 0.1, 0.32, ctx)[0] is best
    assert _own_marked_first([best, same_article], own, theirs, 0.1, 0.32, ctx)[0] is best
    # without the abstention threshold (the caller's old shape), nothing moves
    assert _own_marked_first([best, senate], own, theirs, 0.1)[0] is best
