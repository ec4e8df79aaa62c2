"""A later part of a multi-part question that leans on the part before: its "he"/"she"
subject, a reply it asks for ("..., and how did Roe answer?"), and a sentence that answers
both parts while the earlier part's own thing is in another sentence.

Invented text only, a real index on disk for the answers.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answer import asked
from assistant.answer.backends.extractive import _part_asks

HARBOUR = """Mayor and councillor trade words over harbour briefing

Mayor Dana Whitfield said on Monday that councillor Ravi Menon had been briefed on the harbour dredging plan by the port director, Lena Vogt.

Whitfield said the council keeps in close contact with the port through its own officials.

Menon said he had offered to help the mayor's office with the plan but felt he was ignored.

Responding to this, Menon said: "I have traded letters with Vogt, but I have not yet met her in person."

The dredging plan would deepen the harbour channel by two metres.
"""

FINES = """Governor lashes out at rival over fishing pact

Last week Governor Olga Brandt again lashed out online, calling Mayor Samuel Okafor "a deckhand" and threatening new fees on the town's boats.

Brandt warned of a 40 percent fee on every boat if the town signs the fishing pact with the northern islands, officials said.

Okafor said the town would not be rushed into anything.
"""

TOLLS = """Premier lashes out at mayor over bridge deal

Last week Premier Hugo Lindqvist again lashed out online, calling Mayor Ada Parkes "a ferryman" and threatening new tolls on the city's trucks.

Parkes said the city would not be rushed into anything.
"""

BRIDGE = """Bridge deal worries truckers

Premier Hugo Lindqvist warned of a 30 percent toll on every truck if the city signs the bridge deal with the river towns.

Truckers met on Friday to discuss the deal.
"""


@pytest.fixture(scope="module")
def coast_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [
            ("harbour", HARBOUR, "Harbour Gazette", "2026-03-02"),
            ("fines", FINES, "Valley Post", "2026-03-04"),
            ("tolls", TOLLS, "Valley Post", "2026-03-05"),
            ("bridge", BRIDGE, "Island Courier", "2026-03-06"),
        ],
    )


def test_a_later_parts_pronoun_subject_is_the_named_subject_before_it() -> None:
    parts = ["What did Olga Brandt threaten over the pact?", "what did she call Okafor online?"]
    assert asked.fill_subject(parts) == [parts[0], "what did Olga Brandt call Okafor online?"]
    # a possessive is no subject, and a part led by a statement keeps its own pronoun
    assert (
        asked.fill_subject(["What is Brandt's tie to the mayor?", "did she meet him?"])[1]
        == "did she meet him?"
    )
    led = [
        "Brandt spoke twice. What did she say on Monday?",
        "Brandt spoke twice. What did she say on Friday?",
    ]
    assert asked.fill_subject(led) == led


def test_a_reply_asked_of_a_named_one() -> None:
    assert asked.response_asked("how did Ravi Menon answer?") == "Ravi Menon"
    assert asked.response_asked("and how has Menon responded to it?") == "Menon"
    assert asked.response_asked("how did Menon respond to the dredging plan?") is None  # its own object
    assert _part_asks("how did Menon reply?") == "response"
    assert asked.reports_response("Responding to this, Menon said he had written.", "Ravi Menon")
    assert not asked.reports_response("Menon said he had written.", "Ravi Menon")
    assert not asked.reports_response("In response, Whitfield said nothing.", "Ravi Menon")


def test_an_earlier_part_gets_its_own_sentence_beside_one_both_share(coast_index: Any) -> None:
    ans = coast_index.ask(
        "What did Hugo Lindqvist threaten over the bridge deal, and what did he call Parkes online?"
    )
    assert not ans.abstained, ans.answer
    assert "ferryman" in ans.answer  # the shared sentence answers the later part
    assert "30 percent" in ans.answer  # the earlier part's own sentence gives the threat's size


def test_a_later_parts_they_is_the_two_people_of_the_part_before() -> None:
    parts = ["What is Roe's friendship with the deputy mayor?", "did they meet during the visit?"]
    assert asked.fill_subject(parts)[1] == "did Roe and the deputy mayor meet during the visit?"


def test_a_yes_no_part_asks_about_its_verb() -> None:
    assert asked.yes_no_verb("did Roe and the deputy mayor meet during the visit?") == "meet"
    assert asked.yes_no_verb("Did the senator vote for it?") == "vote"
    assert asked.yes_no_verb("What did Roe say?") is None
    assert _part_asks("did Roe and Doe meet during the visit?") == "predicate"
    assert asked.holds_verb("Roe said he met with Doe and his wife on Friday.", "meet")  # irregular past
    assert asked.holds_verb("The two are meeting on Friday.", "meet")
    assert not asked.holds_verb("Roe hopes for a talk with Doe.", "meet")
