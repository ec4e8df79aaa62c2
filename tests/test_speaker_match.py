"""Is the person a "What did X say" question asks about the speaker of the answer's
sentences? Invented text, a real index on disk.

An answer none of whose sentences is X's, cited from articles where X never speaks, gives
another person's words or words that only mention X: it abstains ("the articles do not
quote X on this"). X is the main clause's subject, not a name in a "when B mocked ..."
clause. An opinion column's byline is the speaker of its argued views, which carry no
quotation marks and no speech verb: without a closing author line the ledger never quotes
its author, and the answer does not say it does not; with one ("Nora Vance is a columnist
..."), the ledger gives her the column's sentences and no byline is needed.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answer.backends.extractive import ExtractiveBackend

MOCKED = """Baker mocks the bridge plan

MILLBROOK — Councillor Tom Baker mocked the river bridge plan on Monday, calling it "a bridge to nowhere that the town will be paying for until 2050."

Mayor Jane Roe had presented the plan to the council last week, with a budget of four million dollars.

The council will vote on the bridge plan in June.
"""

ANSWERED = """Roe answers Baker on the bridge plan

MILLBROOK — Councillor Tom Baker mocked the river bridge plan on Monday, calling it "a bridge to nowhere."

"The bridge will carry the school buses by next winter, and Councillor Baker knows it," Mayor Jane Roe said in reply on Tuesday.

The council will vote on the bridge plan in June.
"""

# the ledger knows Jane Roe from another story: the question's speaker resolves to her
PARADE = """Parade keeps its old route

"The spring parade will follow the old route along the harbour," Mayor Jane Roe said on Friday.
"""

COLUMN = """How the ferry levy can still pass

The spring vote on the ferry levy looks lost for the harbour council, but it is not.

To win over the island families, the council will have to pair the ferry levy with free night buses for students and a cap on ticket prices.

Nora Vance is a columnist for the Harbour Gazette.
"""
#: The same column closing on a past-tense line, no bio line ("<Name> is a/an/the ..."): only the
#: byline (metadata) makes the writer the speaker.
COLUMN_BODY = COLUMN.replace("Nora Vance is a columnist", "Nora Vance was a columnist")


def _index(
    tmp_path_factory: pytest.TempPathFactory, articles: list[tuple[str, str]], authors: dict[str, str]
) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory, [(stem, text, "Harbour Gazette", "2026-04-02") for stem, text in articles], authors
    )


@pytest.fixture(scope="module")
def mocked(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _index(tmp_path_factory, [("mocked", MOCKED), ("parade", PARADE)], {})


@pytest.fixture(scope="module")
def answered(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _index(tmp_path_factory, [("answered", ANSWERED), ("parade", PARADE)], {})


@pytest.fixture(scope="module")
def column(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _index(tmp_path_factory, [("column", COLUMN_BODY)], {"column": "Nora Vance"})


@pytest.fixture(scope="module")
def unsigned(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _index(tmp_path_factory, [("column", COLUMN_BODY)], {})


@pytest.fixture(scope="module")
def closing(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _index(tmp_path_factory, [("column", COLUMN)], {})


def _answer(index: Any, question: str) -> Any:
    ctx, _ = index.build_context(question)
    return ExtractiveBackend().answer(ctx)


WHEN_MOCKED = "What did Jane Roe say when Tom Baker mocked the river bridge plan?"


def test_the_mocker_words_are_not_the_asked_persons(mocked: Any) -> None:
    ctx, _ = mocked.build_context(WHEN_MOCKED)
    assert ctx.speaker == "Jane Roe" and ctx.unquoted is None  # X, not the "when" clause's Baker
    got = ExtractiveBackend().answer(ctx)
    assert got.abstained, got.text
    assert "do not quote Jane Roe" in got.text, got.text


def test_the_asked_persons_reply_answers(answered: Any) -> None:
    got = _answer(answered, WHEN_MOCKED)
    assert not got.abstained, got.text
    assert "school buses" in got.text, got.text


def test_the_mocker_asked_is_answered_by_his_words(mocked: Any) -> None:
    got = _answer(mocked, "What did Tom Baker say about the river bridge plan?")
    assert not got.abstained, got.text
    assert "bridge to nowhere" in got.text, got.text


def test_a_columns_byline_speaks_its_views(column: Any, unsigned: Any) -> None:
    question = "What did Vance say the harbour council will have to pair the ferry levy with?"
    ctx, _ = column.build_context(question)
    assert ctx.unquoted == "Vance"  # the ledger never quotes the columnist
    assert {ev.author for ev in ctx.evidence} == {"Nora Vance"}
    got = ExtractiveBackend().answer(ctx)
    assert not got.abstained, got.text
    assert "free night buses" in got.text, got.text
    got = _answer(unsigned, question)
    assert got.abstained and "do not quote Vance" in got.text, got.text


def test_a_columns_closing_author_line_speaks_its_views(closing: Any) -> None:
    """No byline, but the column ends on its writer's bio line: the ledger gives her the
    column's sentences (:mod:`assistant.quotes.columns`), so the answer names her."""
    question = "What did Vance say the harbour council will have to pair the ferry levy with?"
    ctx, _ = closing.build_context(question)
    assert ctx.speaker == "Nora Vance" and ctx.unquoted is None
    got = ExtractiveBackend().answer(ctx)
    assert not got.abstained, got.text
    assert "free night buses" in got.text and "Nora Vance" in got.text, got.text


TWO_REPORTS = """Council stands by the bridge plan

MILLBROOK — The town council said on Monday that the bridge plan is on budget; Councillor Tom Baker took to Twitter to call the plan "a bridge to nowhere" on Monday.

Mayor Jane Roe had presented the plan to the council last week, with a budget of four million dollars.
"""


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _index(tmp_path_factory, [("two", TWO_REPORTS), ("parade", PARADE)], {})


def test_a_second_speaker_in_the_sentence_answers(two_reports: Any) -> None:
    """A sentence reports two people; the ledger gives it the first one's (the council's
    denial). The asked one, the subject of the sentence's second speech verb outside the
    council's words, is its speaker too: the ledger's first speaker does not veto him (round
    41). Asked about the mayor, named nowhere as a speaker, it still abstains."""
    got = _answer(two_reports, "What did Tom Baker call the bridge plan on Twitter?")
    assert not got.abstained, got.text
    assert "bridge to nowhere" in got.text, got.text
    got = _answer(two_reports, "What did Jane Roe call the bridge plan on Twitter?")
    assert got.abstained, got.text


def test_a_comma_with_clause_is_the_writers_narration() -> None:
    """The ledger reads a record of the council's words on through ", with Tom Baker taking to
    Twitter ..."; the name after a comma's "with" (and up to three capitalised words) stands
    outside those words, so Baker's own speech verb makes the sentence his as well."""
    from assistant.answer.backends.extractive.speakers import _narrated_with

    text = "The council has denied it, with Councillor Tom Baker taking to Twitter"
    assert _narrated_with(text[: text.index("Baker")])
    assert _narrated_with("The council has denied it, with ")
    assert not _narrated_with("The council said it would meet with ")
    assert not _narrated_with("The council said that Councillor Tom ")
