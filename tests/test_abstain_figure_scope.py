"""A figure of the right noun given for something else (round 13, count13), on invented text:
a gap to another figure for a total ("71 seats short"), a figure over every place
("nationwide", "on average") for one named place, and the word "rate" read as a word."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context

GAP = (
    "Harbour Ledger\n\n"
    "With the count nearly done, the Green Party is 12 seats short of a majority in the "
    "assembly, the electoral office said on Friday.\n\n"
    "Ferries to the islands were cancelled on Friday because of the storm.\n"
)

SCOPE = (
    "Valley Herald\n\n"
    "Turnout was low in the spring. A survey released this week found 41 percent of young "
    "voters nationwide plan to vote for the Green Party in the autumn.\n\n"
    "Voters in Vermont will choose a new governor next month.\n"
)


def test_a_gap_is_not_the_count_unless_the_question_asks_a_gap() -> None:
    assert not asked.holds_count("The party is 12 seats short of a majority.", "seat", total=True)
    assert not asked.holds_count("She finished 300 votes behind the mayor.", "vote", total=True)
    assert asked.holds_count("The party is 12 seats short of a majority.", "seat")  # no total asked
    assert asked.holds_count("The party won 12 seats on Friday.", "seat", total=True)
    assert asked.holds_count("The party won 12 seats, more than any rival.", "seat", total=True)
    assert asked.holds_count("The governor sent 300 more troops.", "troop", total=True)  # more troops, sent
    assert asked.asks_difference("How many seats does the Green Party still need for a majority?")
    assert asked.asks_difference("By how many votes did the mayor lead?")
    assert not asked.asks_difference("How many seats are up for election in the assembly?")


def test_extractive_does_not_give_a_gap_for_a_total() -> None:
    doc = "harbour_ledger"
    items = [(doc, GAP, "12 seats short"), (doc, GAP, "Ferries to the islands")]
    got = ExtractiveBackend().answer(context("How many seats does the assembly have?", items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    # the twin that asks the gap is answered by it
    twin = "How many seats is the Green Party short of a majority?"
    answered = ExtractiveBackend().answer(context(twin, items)[0])
    assert not answered.abstained and "12 seats short" in answered.text, answered.text


def test_extractive_abstains_on_a_figure_over_every_place_for_one_named_place() -> None:
    doc = "valley_herald"
    items = [(doc, SCOPE, "41 percent"), (doc, SCOPE, "Voters in Vermont")]
    question = "What share of young voters in Vermont plan to vote for the Green Party?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "nationwide" in got.text and "not for Vermont" in got.text, got.text
    # asked with no place, the same figure answers
    twin = "What share of young voters plan to vote for the Green Party?"
    answered = ExtractiveBackend().answer(context(twin, items)[0])
    assert not answered.abstained and "41 percent" in answered.text, answered.text


def test_a_rate_is_the_word_not_its_letters() -> None:
    text = (
        "Valley Herald\n\n"
        "The Green Party's message has not reached the broader electorate, its leader said.\n\n"
        "Voters in Vermont will choose a new governor next month.\n"
    )
    doc = "valley_herald"
    items = [(doc, text, "broader electorate"), (doc, text, "Voters in Vermont")]
    got = ExtractiveBackend().answer(context("What share of voters back the Green Party?", items)[0])
    assert got.abstained, got.text  # "electorate" holds the letters of "rate", not a rate


def test_a_week_or_a_weekend_is_no_day() -> None:
    from assistant.types import Evidence, Span

    text = "The mayor spoke last week. The council met this weekend."
    ev = Evidence(doc_id="d", start=0, end=len(text), text=text, entities=[(16, 25, "DATE"), (42, 54, "DATE")])
    first, second = Span(start=0, end=26), Span(start=27, end=len(text))
    assert not asked.holds_day(ev, first, "last week (March 2–8, 2026)")
    assert not asked.holds_day(ev, second, "this weekend (March 14–15, 2026)")
    assert not asked.holds_day(ev, first, "last week (Dec. 29, 2025–Jan. 4, 2026)")  # across a year's end
    assert asked.holds_day(ev, first, "on Monday (March 2, 2026)")
    assert asked.holds_day(ev, first, "on 2026-03-02")  # an ISO day is not a range


def test_extractive_does_not_give_a_week_for_a_date() -> None:
    text = (
        "Harbour Ledger\n\n"
        "Last week, the Green Party leader praised the harbour plan at a town meeting.\n\n"
        "Ferries to the islands were cancelled because of the storm.\n"
    )
    doc = "harbour_ledger"
    ctx, _ = context("On what date did the Green Party leader praise the harbour plan?", [(doc, text, "Last week")])
    ctx = ctx.model_copy(update={"notes": {f"{doc}:{ctx.evidence[0].sentences[0].start}": "last week (March 2–8, 2026)"}})
    got = ExtractiveBackend().answer(ctx)
    assert got.abstained and "date" in got.text, got.text
    # the twin whose note resolves to one day is answered by the same sentence
    key = f"{doc}:{ctx.evidence[0].sentences[0].start}"
    day = ctx.model_copy(update={"notes": {key: "on Monday (March 2, 2026)"}})
    answered = ExtractiveBackend().answer(day)
    assert not answered.abstained and "Last week" in answered.text, answered.text
