"""Dates in answers to *when* questions: the day a weekday names, the question's ask read.

Invented articles on a real on-disk index (``tests.conftest.index_articles``); the clause
rules of :mod:`assistant.nlp.timex_rules` on invented sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from assistant.answer.asked import wants_day
from assistant.nlp.questions import asks_when
from assistant.nlp.timex import find_time_expressions

D = dt.date

FAIR = """Farmers Press On Over Millbrook Road

Pictures from the harvest fair in Millbrook Tuesday will stay with the farmer Rosa Delgado for years.

Delgado has emailed members of the board since early January. She shared three emails with the Plains Herald dated from Jan. 12 to Feb. 20 in which she offered the county board help with planning the road to her farm.

After the county auditor released a critical report Wednesday describing the handling of the road fund by board chair Tom Reyes, Delgado issued a statement praising the auditor.

There was a council debate on the road Thursday night, but few residents in Millbrook watched it.
"""


@pytest.fixture(scope="module")
def fair(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(tmp_path_factory, [("fair", FAIR, "Plains Herald", "2026-03-06")])  # a Friday


# -- resolution: which Tuesday -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published", "text", "expected"),
    [
        # the weekday ends the subject's noun phrase: "will" says when the pictures stay
        (
            "Pictures from the fair in Millbrook Tuesday will stay with her.",
            D(2026, 3, 6),
            "Tuesday",
            D(2026, 3, 3),
        ),
        ("Delgado will speak Tuesday.", D(2026, 3, 6), "Tuesday", D(2026, 3, 10)),
        # a title's full stop ends no sentence: "showed" is the clause's verb
        (
            "The poll showed Mr. Reyes losing support after the debate on Saturday.",
            D(2026, 3, 5),
            "Saturday",
            D(2026, 2, 28),
        ),
        # a plan in the past ("was planning to") may lie either side of the article's date
        (
            "Ms. Ortiz was planning to hold a dinner for him on Thursday night.",
            D(2026, 3, 6),
            "Thursday night",
            D(2026, 3, 5),
        ),
        # the present progressive: a plan when it governs the day, not across a comma
        ("Delgado is travelling to the capital on Tuesday.", D(2026, 3, 4), "Tuesday", D(2026, 3, 10)),
        (
            "Reyes is edging closer to the post, thanks to his win Tuesday in the primary.",
            D(2026, 3, 5),
            "Tuesday",
            D(2026, 3, 3),
        ),
        (
            "Reyes is raising questions about the noise during Monday's debate.",
            D(2026, 3, 4),
            "Monday",
            D(2026, 3, 2),
        ),
        # "following" alone is a preposition; "the following" a modifier
        ("Following Monday's forum the board met again.", D(2026, 3, 5), "Monday", D(2026, 3, 2)),
        (
            "The board meets Friday and again the following Monday.",
            D(2026, 3, 4),
            "the following Monday",
            D(2026, 3, 9),
        ),
        # "a designated day": a participle, no past verb
        (
            "Reyes and Ortiz back the Harvest Drive, a designated day on Nov. 1 during which volunteers will canvass.",
            D(2026, 9, 20),
            "Nov. 1",
            D(2026, 11, 1),
        ),
    ],
)
def test_which_day_a_clause_means(sentence: str, published: dt.date, text: str, expected: dt.date) -> None:
    (e,) = [x for x in find_time_expressions(sentence, published=published) if x.text == text]
    assert e.date == expected


def test_this_weekend_in_a_past_clause_is_the_one_just_gone_early_in_the_week() -> None:
    said = "This weekend, Delgado complained that the board ignored her."
    (tue,) = find_time_expressions(said, published=D(2026, 3, 3))  # a Tuesday
    assert (tue.date, tue.end_date) == (D(2026, 2, 28), D(2026, 3, 1))
    (fri,) = find_time_expressions("The vote set the stage for a rout this weekend.", published=D(2026, 3, 6))
    assert (fri.date, fri.end_date) == (D(2026, 3, 7), D(2026, 3, 8))  # Friday: the coming one


# -- the question's ask --------------------------------------------------------------------


def test_a_time_noun_asked_makes_a_when_question() -> None:
    assert asks_when("On which night did the two candidates debate?")
    assert asks_when("By what deadline was the veto expected?")
    assert asks_when("Which evening did she arrive?")
    assert not asks_when("Which morning show hosted her?")  # the noun modifies another
    assert wants_day("On which night was the council debate?")
    assert not wants_day("Which night club did he buy?")
    # round 44: the plural asks for days too ("On what dates was the poll conducted?")
    assert wants_day("On what dates was the harbour poll conducted?")
    assert wants_day("On which exact dates will the summit be held?")
    assert not wants_day("What dates back to the war?")


# -- answers on a real index ---------------------------------------------------------------


def test_a_weekday_in_the_subject_is_dated_before_publication(fair: Any) -> None:
    ans = fair.ask("On what date was the harvest fair in Millbrook?")
    assert not ans.abstained, ans.answer
    assert "March 3, 2026" in ans.answer and "March 10" not in ans.answer


def test_since_when_answers_with_the_start(fair: Any) -> None:
    ans = fair.ask(
        "Since when has Delgado been emailing the county board to offer help with planning the road to her farm?"
    )
    first = ans.answer.splitlines()[0]
    assert first.index("since early January") < first.index("Jan. 12 to Feb. 20"), ans.answer


def test_the_day_of_a_report_a_person_only_identifies(fair: Any) -> None:
    ans = fair.ask("On what day did the county auditor release the report that Delgado praised?")
    assert not ans.abstained, ans.answer
    assert "Wednesday (March 4, 2026)" in ans.answer


def test_which_night_gets_the_day_dated(fair: Any) -> None:
    ans = fair.ask("On which night was the council debate on the road?")
    assert "Thursday night (March 5, 2026)" in ans.answer, ans.answer


def test_a_day_dated_in_a_clause_that_names_another_person(tmp_path_factory: pytest.TempPathFactory) -> None:
    from tests.conftest import index_articles

    text = (
        "Clerk Pleads Guilty\n\nThe clerk whose leak showed that Mayor Ana Diaz hid the memo pleaded guilty "
        "Wednesday to theft of records, prosecutors said.\n\nThe clerk, Luis Ortega, faces two years in prison.\n"
    )
    a = index_articles(tmp_path_factory, [("clerk", text, "Valley Post", "2026-03-06")])
    ans = a.ask("On what day did Luis Ortega plead guilty?")
    assert not ans.abstained, ans.answer
    assert "Wednesday (March 4, 2026)" in ans.answer
