"""A "How <adjective> ...?" ask is answered by an equative of its adjective ("as tall as it
needs to be"): a measure given by comparison, with no figure, as a speaker's words often give
it. Before, only a figure with a unit of the kind counted, so the speaker's own sentence
(ranked first) was passed over for another sentence holding some figure and unit.

Invented text only, a real index on disk for the end-to-end case.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answer import asked
from assistant.answer.backends.extractive.wanted import _has_wanted
from assistant.answer.ranker import Scored
from assistant.types import Span

HARBOUR = """Voss promises sea wall at packed town meeting

Mayor Ada Voss told a packed town meeting on Tuesday that the town would build a sea wall along the harbour front.

She also spoke about the planned sea wall, saying it will be “as tall as it needs to be.”

The last question of the evening came from a young fisherman, who said he had driven to the meeting from Port Ellery, about 40 miles away.

Voss said the council would vote on the wall's budget in May.
"""


def _scored(text: str) -> Scored:
    return Scored(n=1, span=Span(start=0, end=len(text)), text=text, features={})


def test_an_equative_of_the_asked_adjective_answers_the_how_ask() -> None:
    q = "How tall did Voss say the sea wall would be?"
    assert asked.holds_equative("saying it will be “as tall as it needs to be.”", q)
    assert asked.holds_equative("It will be As Tall As the old lighthouse.", q)  # any case
    assert _has_wanted(_scored("saying it will be “as tall as it needs to be.”"), "measure", q)
    # controls: another adjective's equative, no equative, and the old figure reading kept
    assert not asked.holds_equative("It will be as wide as the road.", q)
    assert not asked.holds_equative("It will be tall.", q)
    assert _has_wanted(_scored("The wall will be 12 feet high."), "measure", "How high will the wall be?")


def test_an_ask_that_only_mentions_how_tall_is_no_measure_ask() -> None:
    # "Who asked ... how tall ...?" asks for a person: the reply's equative is no answer
    assert not asked.holds_equative("as tall as it needs to be", "Who asked Voss how tall the wall would be?")
    # a statement before the ask is left aside: the ask itself opens with "How tall"
    assert asked.holds_equative(
        "as tall as it needs to be", "Voss spoke at the meeting. How tall did she say the wall would be?"
    )


@pytest.fixture(scope="module")
def harbour_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(tmp_path_factory, [("harbour", HARBOUR, "Harbour Gazette", "2026-03-03")])


def test_the_speakers_equative_is_the_answer(harbour_index: Any) -> None:
    ans = harbour_index.ask("How tall did Voss say the sea wall would be?")
    assert not ans.abstained, ans.answer
    # the speaker's own sentence first (main: passed over for the fisherman's "40 miles")
    assert "as tall as it needs to be" in ans.answer.splitlines()[0], ans.answer
