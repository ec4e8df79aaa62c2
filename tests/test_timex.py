"""Time expressions: finding, tense-aware resolution, rendering, statement dates, user dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.errors import AssistantError
from assistant.ingest.metadata import read_sidecar, split_front_matter
from assistant.nlp.timex import (
    TimeExpr,
    find_time_expressions,
    format_when,
    parse_user_date,
    statement_date,
    when_or_no_date,
)
from assistant.types import Sentence

FIXTURES = Path(__file__).parent / "fixtures" / "dated"
D = dt.date


def fixture(name: str) -> tuple[str, dt.date | None]:
    """Article text and its sidecar publication date (or None)."""
    path = FIXTURES / name
    return path.read_text(encoding="utf-8"), read_sidecar(path).get("published")


def by_text(exprs: list[TimeExpr], text: str) -> TimeExpr:
    matches = [e for e in exprs if e.text == text]
    assert matches, f"{text!r} not in {[e.text for e in exprs]}"
    return matches[0]


def one(sentence: str, published: dt.date | None, text: str) -> TimeExpr:
    return by_text(find_time_expressions(sentence, published=published), text)


# ----------------------------------------------------------------------------- finding


def test_offsets_are_absolute_and_verbatim() -> None:
    text, published = fixture("harbour_talks.txt")
    exprs = find_time_expressions(text, published=published)
    assert [e.text for e in exprs] == [
        "Tuesday", "next year", "Monday", "last week", "Friday", "the summer", "August",
    ]  # fmt: skip
    for e in exprs:
        assert text[e.start : e.end] == e.text


def test_window_search_keeps_absolute_offsets() -> None:
    text, published = fixture("harbour_talks.txt")
    start = text.index("On Friday")
    exprs = find_time_expressions(text, start, text.index("\n", start), published)
    assert [(e.text, text[e.start : e.end]) for e in exprs] == [("Friday", "Friday")]
    assert exprs[0].prep == "On"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Tuesday",
                "Oct. 1, 2025",
                "Dec. 14",
                "to",
                "Feb. 2",
                "last",
                "week",
                "since",
                "mid-December",
                "in",
                "July",
                "2026",
                "said",
                "will",
                "the",
                "summer",
                ",",
                ".",
                "next",
                "year",
                "May",
                "3",
                "ago",
                "two",
                "-",
                "\n",
                "between",
                "and",
                "1990s",
            ]
        ),  # fmt: skip
        max_size=30,
    ),
    st.one_of(st.none(), st.dates(D(1990, 1, 1), D(2030, 12, 31))),
)
def test_any_word_soup_keeps_the_invariants(words: list[str], published: dt.date | None) -> None:
    text = " ".join(words)
    last_end = 0
    for e in find_time_expressions(text, published=published):
        assert text[e.start : e.end] == e.text
        assert e.start >= last_end  # sorted, no overlaps
        last_end = e.end
        if e.date is None:
            assert e.certainty == "none"
        if e.end_date is not None:
            assert e.date is not None and e.end_date > e.date
        if published is None and e.certainty != "none":
            assert e.certainty == "exact"


def test_month_names_that_are_words_or_names_need_a_cue() -> None:
    exprs = find_time_expressions("May I ask April Smith? March on! She left in May.")
    assert [e.text for e in exprs] == ["May"]
    assert exprs[0].prep == "in"


def test_counts_and_money_are_not_years() -> None:
    assert find_time_expressions("He hired 2000 workers and paid $2025 for 1,999 permits.") == []


# ------------------------------------------------------------------------------- tense


def test_future_weekday_takes_the_coming_day() -> None:
    text, published = fixture("harbour_talks.txt")  # published Monday, Oct. 6, 2025
    e = by_text(find_time_expressions(text, published=published), "Tuesday")
    assert (e.tense, e.date, e.certainty) == ("future", D(2025, 10, 7), "inferred")
    assert format_when(e) == "on Tuesday (Oct. 7, 2025)"


def test_past_weekday_takes_the_past_day() -> None:
    text, published = fixture("harbour_talks.txt")
    exprs = find_time_expressions(text, published=published)
    assert by_text(exprs, "Monday").date == D(2025, 10, 6)  # "said ... Monday": same day
    friday = by_text(exprs, "Friday")  # "On Friday, Quinlan told reporters"
    assert (friday.tense, friday.date) == ("past", D(2025, 10, 3))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The meeting will be held Tuesday.", D(2025, 10, 14)),
        ("The ministers met Tuesday.", D(2025, 10, 7)),
        ("Carney is travelling to Washington on Tuesday.", D(2025, 10, 14)),
        ("Talks planned for Tuesday are off.", D(2025, 10, 14)),
        ("The vote is Tuesday.", D(2025, 10, 7)),  # present: nearest Tuesday
        ("He said last Tuesday that it was over.", D(2025, 10, 7)),
        ("She will decide by next Wednesday.", D(2025, 10, 15)),
    ],
)
def test_weekday_resolution_follows_the_clause(sentence: str, expected: dt.date) -> None:
    published = D(2025, 10, 8)  # a Wednesday
    exprs = [e for e in find_time_expressions(sentence, published=published) if e.date]
    assert exprs[0].date == expected


def test_past_and_future_months_and_seasons() -> None:
    text, published = fixture("harbour_talks.txt")
    exprs = find_time_expressions(text, published=published)
    assert (by_text(exprs, "August").date, by_text(exprs, "August").end_date) == (
        D(2025, 8, 1),
        D(2025, 8, 31),
    )
    summer = by_text(exprs, "the summer")
    assert (summer.prep, summer.date, summer.end_date) == ("over", D(2025, 6, 1), D(2025, 8, 31))
    assert format_when(summer) == "over the summer (summer 2025)"


# ------------------------------------------------------------------- ranges and years


def test_range_across_the_year_boundary() -> None:
    text, published = fixture("union_emails.txt")  # published Feb. 5, 2026
    e = by_text(find_time_expressions(text, published=published), "Dec. 14 to Feb. 2")
    assert (e.kind, e.date, e.end_date) == ("range", D(2025, 12, 14), D(2026, 2, 2))
    assert e.prep == "from"
    assert format_when(e) == "from Dec. 14 to Feb. 2 (Dec. 14, 2025 – Feb. 2, 2026)"


def test_since_and_scheduled_month() -> None:
    text, published = fixture("union_emails.txt")
    exprs = find_time_expressions(text, published=published)
    since = by_text(exprs, "since mid-December")
    assert (since.kind, since.date, since.end_date) == ("since", D(2025, 12, 11), D(2025, 12, 20))
    july = by_text(exprs, "July")  # "scheduled to begin in July" -> the coming July
    assert (july.tense, july.date) == ("future", D(2026, 7, 1))


def test_next_year_and_january_in_december() -> None:
    raw = (FIXTURES / "december_outlook.md").read_text(encoding="utf-8")
    meta, body = split_front_matter(raw)
    exprs = find_time_expressions(raw, body, published=meta["published"])  # Dec. 15, 2025
    assert by_text(exprs, "next year").date == D(2026, 1, 1)
    assert by_text(exprs, "January").date == D(2026, 1, 1)
    week = by_text(exprs, "next week")
    assert (week.date, week.end_date) == (D(2025, 12, 22), D(2025, 12, 28))
    winter = by_text(exprs, "this winter")
    assert (winter.date, winter.end_date) == (D(2025, 12, 1), D(2026, 2, 28))
    assert by_text(exprs, "Dec. 2").date == D(2025, 12, 2)


def test_range_with_a_year_on_one_end_needs_no_anchor() -> None:
    e = one("Audits ran from Nov. 3 to Jan. 20, 2026.", None, "Nov. 3 to Jan. 20, 2026")
    assert (e.date, e.end_date, e.certainty) == (D(2025, 11, 3), D(2026, 1, 20), "exact")
    e = one("Hearings were held Oct. 1-3, 2025.", None, "Oct. 1-3, 2025")
    assert (e.date, e.end_date, e.certainty) == (D(2025, 10, 1), D(2025, 10, 3), "exact")


def test_explicit_forms() -> None:
    assert one("It was signed 5 March 2024.", None, "5 March 2024").date == D(2024, 3, 5)
    assert one("Filed 2025-10-06 in court.", None, "2025-10-06").date == D(2025, 10, 6)
    mid = one("Growth slowed in mid-2025.", None, "mid-2025")
    assert (mid.date, mid.end_date) == (D(2025, 5, 1), D(2025, 8, 31))
    ago = one("He left two weeks ago.", D(2025, 10, 8), "two weeks ago")
    assert ago.date == D(2025, 9, 24)
    fiscal = one("The 2025-26 budget passed.", None, "2025-26")
    assert (fiscal.date, fiscal.end_date) == (D(2025, 1, 1), D(2026, 12, 31))


# ------------------------------------------------------------------ missing dates


def test_no_anchor_resolves_nothing_but_full_dates() -> None:
    text = (FIXTURES / "no_dates.txt").read_text(encoding="utf-8")
    exprs = find_time_expressions(text)
    assert [e.text for e in exprs] == ["Monday", "Thursday", "last week", "next month"]
    assert all(e.date is None and e.certainty == "none" and e.anchor is None for e in exprs)
    assert format_when(exprs[0]) == "Monday"
    assert when_or_no_date(exprs[1]) == "on Thursday (the article gives no date)"
    full = one("The board met on Wednesday, Oct. 1, 2025.", None, "Wednesday, Oct. 1, 2025")
    assert (full.date, full.certainty) == (D(2025, 10, 1), "exact")
    assert format_when(full) == "on Wednesday, Oct. 1, 2025"


# -------------------------------------------------------------------- statement date


def test_statement_date_reads_the_attribution() -> None:
    text, published = fixture("harbour_talks.txt")
    quote = "We have real work to do on the quota file"
    start = text.index(quote)
    said = statement_date(text, start, start + len(quote), published)
    assert said is not None and (said.text, said.date) == ("Monday", D(2025, 10, 6))


def test_statement_date_from_a_fronted_weekday() -> None:
    text, published = fixture("harbour_talks.txt")
    words = "the union would keep its boats in port"
    start = text.index(words)
    said = statement_date(text, start, start + len(words), published)
    assert said is not None and (said.text, said.date) == ("Friday", D(2025, 10, 3))


def test_statement_date_is_none_when_the_text_gives_none() -> None:
    text = 'Officials met Tuesday. "It went well," the minister said.'
    start = text.index("It went")
    assert statement_date(text, start, start + 12, D(2025, 10, 8)) is None


def test_statement_date_skips_future_clauses() -> None:
    text = "Ruiz said the premier will raise the quota Tuesday."
    start = text.index("the premier")
    assert statement_date(text, start, text.index(" Tuesday"), D(2025, 10, 8)) is None


# ------------------------------------------------------------------------ user dates


@pytest.mark.parametrize(
    ("raw", "end", "expected"),
    [
        ("2025-10-07", False, D(2025, 10, 7)),
        ("2025-10", False, D(2025, 10, 1)),
        ("2025-10", True, D(2025, 10, 31)),
        ("2025", True, D(2025, 12, 31)),
        ("Oct 7 2025", False, D(2025, 10, 7)),
        ("October 2025", True, D(2025, 10, 31)),
        ("last week", False, D(2025, 9, 29)),
        ("last week", True, D(2025, 10, 5)),
        ("yesterday", False, D(2025, 10, 7)),
        # dateparser's free text, its period read from what is written
        ("last Tuesday", False, D(2025, 10, 7)),
        ("3 days ago", False, D(2025, 10, 5)),
        ("10/07/2025", False, D(2025, 10, 7)),
        ("Monday, Oct. 6", True, D(2025, 10, 6)),
        ("March", False, D(2025, 3, 1)),
        ("last month", True, D(2025, 9, 30)),
        ("this week", True, D(2025, 10, 12)),
        ("Q3 2025", False, D(2025, 7, 1)),
        ("Q3 2025", True, D(2025, 9, 30)),
        # this module's own phrases where dateparser has none
        ("last spring", False, D(2025, 3, 1)),
        ("in 2025", True, D(2025, 12, 31)),
    ],
)
def test_parse_user_date(raw: str, end: bool, expected: dt.date) -> None:
    assert parse_user_date(raw, end=end, today=D(2025, 10, 8)) == expected


@pytest.mark.parametrize("raw", ["soon", "2025-13-01", "the 7th", "", "Oct 7 2025 and more", "noon"])
def test_parse_user_date_rejects_with_a_clear_message(raw: str) -> None:
    with pytest.raises(AssistantError, match="date"):
        parse_user_date(raw, today=D(2025, 10, 8))


def _sentences(paragraphs: list[list[str]]) -> tuple[str, list[Sentence]]:
    text, out = "", []
    for p, sents in enumerate(paragraphs):
        for s in sents:
            out.append(Sentence(start=len(text), end=len(text) + len(s), paragraph=p))
            text += s + " "
        text += "\n\n"
    return text, out


def test_a_time_that_opens_a_sentence_sets_the_scene_for_the_next_ones() -> None:
    from assistant.nlp.timex import scene_time

    day = dt.date(2024, 3, 8)  # a Friday
    text, sents = _sentences(
        [
            ["The council met twice."],
            ["On Tuesday, the mayor went on the attack."],
            ["“It is a scandal,” she said."],
        ]
    )
    found = scene_time(text, sents, 2, day)
    assert found is not None
    expr, said = found
    assert expr.text == "Tuesday" and expr.date == dt.date(2024, 3, 5) and said == sents[1]
    assert scene_time(text, sents, 1, day) is None  # it has a time of its own
    assert scene_time(text, sents, 0, day) is None  # nothing before


def test_a_time_inside_a_sentence_or_too_far_back_sets_no_scene() -> None:
    from assistant.nlp.timex import scene_time

    day = dt.date(2024, 3, 8)
    inside, sents = _sentences([["The mayor said on Tuesday that the audit was late.", "She left early."]])
    assert scene_time(inside, sents, 1, day) is None
    far, sents = _sentences(
        [["On Tuesday, the mayor spoke.", "She took questions."], ["Aides left.", "She left."]]
    )
    assert scene_time(far, sents, 2, day) is not None  # two sentences back
    assert scene_time(far, sents, 3, day) is None  # three: out of reach


def test_a_possessive_day_keeps_no_preposition_of_the_noun_it_modifies() -> None:
    text = "The mayor hopes to do well in Tuesday’s vote."
    (expr,) = find_time_expressions(text, 0, len(text), dt.date(2024, 3, 4))  # a Monday
    assert expr.prep is None and format_when(expr) == "on Tuesday (March 5, 2024)"
