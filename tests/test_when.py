"""When-questions, date filters and the timeline on small dated fixtures (real index)."""

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.interfaces.cli import app
from assistant.service import Assistant

FIXTURES = Path(__file__).parent / "fixtures" / "dated"


@pytest.fixture(scope="module")
def dated_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ix = tmp_path_factory.mktemp("dated") / "index"
    Assistant(index_dir=ix).index([FIXTURES])
    return ix


def test_when_answer_gives_weekday_and_resolved_date(dated_index: Path) -> None:
    a = Assistant(index_dir=dated_index)
    ans = a.ask("When will Lindqvist meet the fisheries minister?")
    assert not ans.abstained
    assert "Tuesday" in ans.answer and "Oct. 7, 2025" in ans.answer  # published Mon Oct. 6
    assert ans.citations[0].doc_id == "harbour_talks"


def test_without_a_date_the_expression_is_kept_and_no_date_invented(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    text = (FIXTURES / "harbour_talks.txt").read_text()
    (corpus / "undated.txt").write_text(text)  # the same words, no sidecar
    a = Assistant(index_dir=tmp_path / "ix")
    a.index([corpus])
    ans = a.ask("When will Lindqvist meet the fisheries minister?")
    assert "Tuesday" in ans.answer and "the article gives no date" in ans.answer
    assert "2025" not in ans.answer


def test_since_until_filter_on_publication_dates(dated_index: Path) -> None:
    a = Assistant(index_dir=dated_index)
    late = a.search("emails offered to work with the minister", k=8, since=date(2026, 1, 1))
    assert {h.doc_id for h in late} == {"union_emails"}
    early = a.search("emails offered to work with the minister", k=8, until=date(2025, 12, 31))
    assert "union_emails" not in {h.doc_id for h in early} and early
    none = a.search("emails", k=8, since=date(2030, 1, 1))
    assert none == []


def test_cli_since_until_and_quotes_with_dates(dated_index: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(
        app,
        ["ask", "What did Whitfield offer?", "--json", "--since", "2026-01", "--index-dir", str(dated_index)],
    )
    assert r.exit_code == 0, r.output
    assert '"union_emails"' in r.stdout
    r = runner.invoke(app, ["quotes", "--speaker", "Ruiz", "--json", "--index-dir", str(dated_index)])
    quotes = __import__("json").loads(r.stdout)
    assert quotes and all(q["speaker"] == "Tomas Ruiz" for q in quotes)
    assert any(q["date_text"] == "Monday" and q["date"] == "2025-10-06" for q in quotes)


def test_timeline_is_ordered_and_cited(dated_index: Path) -> None:
    a = Assistant(index_dir=dated_index)
    entries = a.timeline()
    assert entries
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    for e in entries:
        assert a.article(e.doc_id).text[e.start : e.end] == e.text
    ruiz = a.timeline(speaker="Ruiz")
    assert ruiz and all(e.speaker == "Tomas Ruiz" for e in ruiz)


def test_the_day_a_scene_is_set_on_answers_when_and_quotes_its_sentence(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "ferry_row.txt").write_text(
        "Ferry Row Deepens\n\n"
        "The ferry operator has cut two crossings this winter.\n\n"
        "On Thursday, councillor Maren Alvik went on the offensive.\n\n"
        "“They have abandoned the island,” Alvik said during a call to the radio show Harbour Hour.\n"
    )
    (corpus / "ferry_row.meta.json").write_text('{"title": "Ferry Row Deepens", "published": "2025-11-14"}')
    a = Assistant(index_dir=tmp_path / "ix")
    a.index([corpus])
    ans = a.ask("On what day did Alvik call in to Harbour Hour?")
    assert not ans.abstained, ans.answer
    assert "abandoned the island" in ans.answer and "Thursday (Nov. 13, 2025)" in ans.answer
    assert "“On Thursday, councillor Maren Alvik went on the offensive”" in ans.answer
