"""A week or a weekend is no day (round 13, count13), on invented text: "on what date did X
..." is not answered by a sentence whose time note resolves "last week" or "this weekend" to
a span of days; the same sentence answers when its note resolves to one day."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.types import Evidence, Span
from tests.contexts import context


def test_a_week_or_a_weekend_is_no_day() -> None:
    text = "The mayor spoke last week. The council met this weekend."
    ev = Evidence(
        doc_id="d", start=0, end=len(text), text=text, entities=[(16, 25, "DATE"), (42, 54, "DATE")]
    )
    first, second = Span(start=0, end=26), Span(start=27, end=len(text))
    assert not asked.holds_day(ev, first, "last week (March 2–8, 2026)")
    assert not asked.holds_day(ev, second, "this weekend (March 14–15, 2026)")
    assert not asked.holds_day(ev, first, "last week (Dec. 29, 2025–Jan. 4, 2026)")  # across a year's end
    assert asked.holds_day(ev, first, "on Monday (March 2, 2026)")
    assert asked.holds_day(ev, first, "on 2026-03-02")  # an ISO day is not a range


def test_a_named_day_of_the_year_is_a_day_whatever_its_entity_label() -> None:
    # the recogniser takes "Cinco de Mayo" for an organisation: the name is the day all the same
    text = "The campaign tweeted the picture on Cinco de Mayo. The council met in the spring."
    ev = Evidence(doc_id="d", start=0, end=len(text), text=text, entities=[(36, 49, "ORG")])
    first, second = Span(start=0, end=50), Span(start=51, end=len(text))
    assert asked.holds_day(ev, first, None)
    assert not asked.holds_day(ev, second, None)
    election = "Voters head to the polls on Election Day."
    ev2 = Evidence(doc_id="e", start=0, end=len(election), text=election, entities=[])
    assert asked.holds_day(ev2, Span(start=0, end=len(election)), None)


def test_extractive_does_not_give_a_week_for_a_date() -> None:
    text = (
        "Harbour Ledger\n\n"
        "Last week, the Green Party leader praised the harbour plan at a town meeting.\n\n"
        "Ferries to the islands were cancelled because of the storm.\n"
    )
    doc = "harbour_ledger"
    ctx, _ = context(
        "On what date did the Green Party leader praise the harbour plan?", [(doc, text, "Last week")]
    )
    key = f"{doc}:{ctx.evidence[0].sentences[0].start}"
    week = ctx.model_copy(update={"notes": {key: "last week (March 2–8, 2026)"}})
    got = ExtractiveBackend().answer(week)
    assert got.abstained and "date" in got.text, got.text
    # the twin whose note resolves to one day is answered by the same sentence
    day = ctx.model_copy(update={"notes": {key: "on Monday (March 2, 2026)"}})
    answered = ExtractiveBackend().answer(day)
    assert not answered.abstained and "Last week" in answered.text, answered.text
