"""A part's ask with a subject of its own is ranked alone too, though it holds a pronoun
(``questions.pronoun_subject``, ``extractive._ranked_by_own_ask``): the held-out writer's
lead-in question ("The levy split the assembly. What did the governor call it, and which
ferry executive said he might back her plan?") has pronouns in its second ask that do not
lean on the statement for the ask's subject. Only a pronoun subject ("What did he say on the
radio?") does. A "which <kind>" ask after the statement asks for one of its kind
(``extractive._part_asks`` reads the part's ask, not the statement in front of it).

Invented text only, a real index on disk for the answer.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answer.backends.extractive import _ranked_by_own_ask
from assistant.answer.ranker import rank
from assistant.nlp.questions import part_ask, pronoun_subject, split_question
from assistant.types import Context
from tests.contexts import context, quote


@pytest.mark.parametrize(
    "ask",
    [
        "What did he say on the radio?",
        "what did she tell the assembly about the breakwater?",
        "In which harbour town did it happen?",
        "what share of the vote did they win in the north?",
        "When she announced the levy?",
    ],
)
def test_a_pronoun_subject_leans_on_the_statement(ask: str) -> None:
    assert pronoun_subject(ask)


@pytest.mark.parametrize(
    "ask",
    [
        "which ferry executive said he might back her plan?",
        "how did the auditor describe her handling of the harbour accounts?",
        "How many signatures had the petition to recall him gathered?",
        "What did Ines Varga tell the fishing towns?",
        'What did Varga call the phrase "what did she do"?',
    ],
)
def test_a_pronoun_elsewhere_leaves_the_ask_its_own_subject(ask: str) -> None:
    assert not pronoun_subject(ask)


HARBOUR = """Harbour levy divides the coast

The harbour levy split the coastal assembly in Port Alder on Tuesday, with the governor's allies and the fishing towns trading blows over the plan.

Governor Olga Brandt called the harbour levy "a fair price for a sea wall that will outlast us all."

The assembly will vote on the levy in the autumn.
"""

FERRY = """Ferry line weighs its options

Tomas Reyes, the ferry line's finance chief, said he might yet back her plan if the levy spared the early sailings.

The ferry line carried nine thousand passengers in June.
"""


def _ctx(question: str) -> Context:
    items = [
        ("harbour", HARBOUR, "The harbour levy split"),
        ("harbour", HARBOUR, "Governor Olga Brandt called"),
        ("harbour", HARBOUR, "The assembly will vote"),
        ("ferry", FERRY, "Tomas Reyes, the ferry line's"),
        ("ferry", FERRY, "The ferry line carried"),
    ]
    quotes = [quote("harbour", HARBOUR, "a fair price for a sea wall that will outlast us all", "Olga Brandt")]
    ctx, _ = context(question, items, quotes)
    return ctx


QUESTION = (
    "The harbour levy split the coastal assembly. What did Governor Olga Brandt call the levy, "
    "and which ferry executive said he might back her plan?"
)


def test_an_ask_with_an_object_pronoun_is_lifted_to_its_own_probability() -> None:
    part = split_question(QUESTION)[1]
    assert part_ask(part) == "which ferry executive said he might back her plan?"
    ctx = _ctx(QUESTION)
    whole = rank(ctx, part, [])
    lifted = _ranked_by_own_ask(ctx, part, [], whole)
    assert lifted is not whole
    alone = {(c.n, c.span.start): c.prob for c in rank(ctx, part_ask(part), [])}
    before = {(c.n, c.span.start): c.prob for c in whole}
    for c in lifted:
        assert c.prob == max(before[(c.n, c.span.start)], alone.get((c.n, c.span.start), 0.0))
    assert [c.prob for c in lifted] == sorted((c.prob for c in lifted), reverse=True)


def test_an_ask_with_a_pronoun_subject_is_ranked_as_it_stands() -> None:
    part = "The harbour levy split the coastal assembly. What did she call the levy?"
    ctx = _ctx(f"{part[:-1]}, and what did the ferry line say?")
    whole = rank(ctx, part, [])
    assert _ranked_by_own_ask(ctx, part, [], whole) is whole


@pytest.fixture(scope="module")
def levy_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [
            ("harbour", HARBOUR, "Harbour Gazette", "2026-03-02"),
            ("ferry", FERRY, "Valley Post", "2026-03-04"),
        ],
    )


def test_each_ask_after_a_lead_in_is_answered_from_its_own_article(levy_index: Any) -> None:
    ans = levy_index.ask(QUESTION)
    assert not ans.abstained, ans.answer
    assert "a fair price" in ans.answer
    assert "Tomas Reyes" in ans.answer


def test_a_which_ask_after_a_statement_asks_for_one_of_its_kind() -> None:
    from assistant.answer.backends.extractive.parts import _part_asks, _which_terms

    first, second = split_question(
        "Governor Olga Brandt has friends and foes on the coast. Which ferry owner founded a "
        "coalition for her, and which harbour official said he would fight her plan?"
    )
    assert _part_asks(first) == "which"
    assert _which_terms(first) == {"ferry", "owner", "found"}
    assert _part_asks(second) == "which"
    assert _which_terms(second) == {"harbour", "official"}


COALITION = """A coalition of ferry people for the governor

Ferry people founded the Coast Coalition for Governor Brandt last spring, and it is small but loud.

Its leader is boat owner Tomas Reyes.

Its members hand out leaflets at the ferry terminal every Saturday.
"""

TOWNS = """Fishing towns plan their answer

Skippers from the northern towns met in a church hall on Thursday.

Their spokeswoman, Ines Varga, said the towns would hold a ferry boycott in the autumn unless the levy was halved.
"""


@pytest.fixture(scope="module")
def coalition_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [
            ("coalition", COALITION, "Harbour Gazette", "2026-03-02"),
            ("towns", TOWNS, "Valley Post", "2026-03-05"),
        ],
    )


def test_a_which_ask_after_a_statement_is_answered_with_the_one_named(coalition_index: Any) -> None:
    ans = coalition_index.ask(
        "Governor Olga Brandt has friends and foes on the coast. Which ferry owner founded a "
        "coalition for her, and what did the fishing towns plan for the autumn?"
    )
    assert not ans.abstained, ans.answer
    assert "Tomas Reyes" in ans.answer
    assert "ferry boycott" in ans.answer
