"""A part of a multi-part question ranked also by its own ask, the shared statement left out
(``extractive._ranked_by_own_ask``): the statement's words weigh on every part alike, so
the sentence with the words one part asks for can rank under sentences that echo the
statement. Invented text only; the fitted ranker as shipped.
"""

from __future__ import annotations

from assistant.answer.backends.extractive import _ranked_by_own_ask
from assistant.answer.ranker import rank
from assistant.nlp.questions import part_ask
from assistant.types import Context
from tests.contexts import context, quote

HARBOUR = """Harbour levy divides the coast

The harbour levy drew two rebuttals at the coastal assembly in Port Alder on Tuesday.

Governor Olga Brandt defended the harbour levy at the coastal assembly as a fair price for the breakwater.

Skipper Ines Varga told the assembly the levy was "a tax on every net we haul," and said the fishing towns would not pay it.

The assembly will vote on the levy in the autumn.
"""

STATEMENT = "The harbour levy drew two rebuttals at the coastal assembly."


def _ctx(question: str) -> Context:
    items = [
        ("harbour", HARBOUR, "The harbour levy drew two rebuttals"),
        ("harbour", HARBOUR, "Governor Olga Brandt defended"),
        ("harbour", HARBOUR, "Skipper Ines Varga told"),
        ("harbour", HARBOUR, "The assembly will vote"),
    ]
    quotes = [quote("harbour", HARBOUR, "a tax on every net we haul", "Ines Varga")]
    ctx, _ = context(question, items, quotes)
    return ctx


def test_a_named_ask_lifts_each_sentence_to_its_own_ask_probability() -> None:
    part = f"{STATEMENT} What did Ines Varga tell the fishing towns?"
    question = f"{part[:-1]}, and what did the governor defend?"
    ctx = _ctx(question)
    whole = rank(ctx, part, [])
    alone = {(c.n, c.span.start): c.prob for c in rank(ctx, part_ask(part), [])}
    lifted = _ranked_by_own_ask(ctx, part, [], whole)
    assert sorted((c.n, c.span.start) for c in lifted) == sorted((c.n, c.span.start) for c in whole)
    before = {(c.n, c.span.start): c.prob for c in whole}
    for c in lifted:
        key = (c.n, c.span.start)
        assert c.prob == max(before[key], alone.get(key, 0.0))
    assert [c.prob for c in lifted] == sorted((c.prob for c in lifted), reverse=True)
    # the sentence echoing the statement led; the one with the asked person's words now does
    assert "rebuttals" in whole[0].text
    assert "Varga" in lifted[0].text
    assert lifted[0].prob > before[(lifted[0].n, lifted[0].span.start)]


def test_an_ask_leaning_on_the_statement_is_ranked_as_it_stands() -> None:
    part = "Olga Brandt went to the coastal assembly. What did she defend there?"
    ctx = _ctx(f"{part[:-1]}, and what did the skippers say?")
    whole = rank(ctx, part, [])
    assert _ranked_by_own_ask(ctx, part, [], whole) is whole


def test_a_part_without_a_statement_is_ranked_as_it_stands() -> None:
    part = "What did Ines Varga tell the assembly?"
    ctx = _ctx(f"{part[:-1]}, and what did the governor defend?")
    whole = rank(ctx, part, [])
    assert _ranked_by_own_ask(ctx, part, [], whole) is whole
