"""``assistant eval`` through Typer's CliRunner on a tiny app that registers the group."""

from __future__ import annotations

import json
import re
import sys
import types
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from assistant.errors import AssistantError, IndexMissingError
from assistant.evaluation.run import fingerprint_dir
from assistant.interfaces import cli_eval
from assistant.settings import Settings
from assistant.types import Article, ArticleMeta, EmbedderInfo, IndexReport, Status
from tests.test_harness import GOLD_LINES

TEXT = "Jamil Jivani called the deal a “red flag.” Talks begin in July."
GOLD = GOLD_LINES[:2]  # the who_said and when items of the harness tests

runner = CliRunner()


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for key in list(os.environ):
        if key.startswith("ASSISTANT_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("COLUMNS", "120")


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()

    @app.command()
    def version() -> None:  # a second command so "eval" is a real sub-group
        print("0")

    cli_eval.register(app)
    return app


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "d1.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n")
    return {"corpus": corpus, "gold": gold, "report": tmp_path / "rep"}


class Calls:
    def __init__(self) -> None:
        self.make: list[tuple[Any, ...]] = []
        self.asked: list[str] = []
        self.subjects: list[FakeSubject] = []


class FakeSubject:
    """The part of Assistant an eval run uses, answering from a script over one article."""

    def __init__(self, ask: Any, backend: str) -> None:
        self.ask = ask
        self.settings = Settings(backend=backend)
        self.indexed: list[list[Path]] = []

    def index(self, paths: list[Path]) -> IndexReport:
        self.indexed.append(list(paths))
        return IndexReport(unchanged=["d1"])

    def article(self, doc_id: str) -> Article:
        if doc_id != "d1":
            raise AssistantError(f"No article {doc_id!r} in the index.")
        return Article(meta=ArticleMeta(doc_id="d1"), text=TEXT, content_hash="x")

    def status(self) -> Status:
        return Status(index_dir="/tmp/idx", exists=True, embedder=EmbedderInfo(name="fake", dim=4))

    def backend(self) -> object:
        return object()  # not generative: the eval asks through ``ask`` alone


def patch_target(monkeypatch: pytest.MonkeyPatch, good: bool = True) -> Calls:
    calls = Calls()

    def ask(q: str) -> dict[str, Any]:
        calls.asked.append(q)
        text = (
            "Jamil Jivani called it a red flag [1]."
            if q.startswith("Who")
            else ("In July [1]." if good else "Soon.")
        )
        return {
            "answer": text,
            "abstained": False,
            "backend": "scripted",
            "citations": [{"n": 1, "doc_id": "d1", "quote": TEXT[:41], "start": 0, "end": 41}],
        }

    def make(index_dir: Path | None, backend: str | None) -> FakeSubject:
        subject = FakeSubject(ask, backend or "scripted")
        calls.make.append((index_dir, backend))
        calls.subjects.append(subject)
        return subject

    monkeypatch.setattr(cli_eval, "_make_assistant", make)
    return calls


def args(files: dict[str, Path], *extra: str) -> list[str]:
    return [
        "eval",
        "--gold",
        str(files["gold"]),
        "--corpus",
        str(files["corpus"]),
        "--report",
        str(files["report"]),
        *extra,
    ]


def test_eval_prints_table_and_writes_reports(
    app: typer.Typer, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = patch_target(monkeypatch)
    result = runner.invoke(app, args(files, "--index-dir", "/tmp/idx", "--backend", "extractive"))
    assert result.exit_code == 0, result.output
    assert calls.make == [(Path("/tmp/idx"), "extractive")]
    assert calls.subjects[0].indexed == [[files["corpus"]]]
    assert calls.asked == [GOLD[0]["question"], GOLD[0]["question"], GOLD[1]["question"]]
    out = result.stdout
    assert "fact_recall" in out and "who_said" in out and "when" in out
    assert re.search(r"fact_recall +│ +1\.000 +│ +1\.000 +│ +1\.000 +│", out)  # one line
    assert "0 of 2 questions failed a check" in out
    for name in ("report.json", "report.md", "report.html", "ragas.jsonl"):
        assert (files["report"] / name).is_file()
    data = json.loads((files["report"] / "report.json").read_text())
    assert data["meta"]["embedder"] == "fake"
    assert data["meta"]["corpus_fingerprint"] == fingerprint_dir(files["corpus"])


def test_eval_json_output_is_one_object(
    app: typer.Typer, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    patch_target(monkeypatch, good=False)
    result = runner.invoke(app, args(files, "--json"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["overall"]["fact_recall"] == 0.5
    assert data["by_kind"]["when"]["date_accuracy"] == 0.0
    assert data["failed"] == ["b"]
    assert data["gates_failed"] == []
    assert Path(data["reports"]["html"]).is_file()


def test_gate_failure_exits_1_naming_metric_value_and_gate(
    app: typer.Typer, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    patch_target(monkeypatch, good=False)
    result = runner.invoke(
        app, args(files, "--fail-under", "fact_recall=0.8", "--fail-under", "citation_recall=0.9")
    )
    assert result.exit_code == 1
    assert "Gate failed: fact_recall = 0.500, gate: at least 0.8" in result.stderr
    assert "citation_recall" not in result.stderr
    assert (files["report"] / "report.html").is_file()  # reports are written anyway


def test_gates_from_environment(
    app: typer.Typer, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    patch_target(monkeypatch)
    monkeypatch.setenv("ASSISTANT_EVAL_FAIL_UNDER", "fact_recall=0.9 false_abstention=0")
    assert runner.invoke(app, args(files)).exit_code == 0


def test_bad_gate_fails_before_running(
    app: typer.Typer, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = patch_target(monkeypatch)
    result = runner.invoke(app, args(files, "--fail-under", "recall=0.8"))
    assert result.exit_code == 1
    assert "Bad gate 'recall=0.8'" in result.stderr
    assert calls.make == []


def test_baseline_regressions_reported(
    app: typer.Typer, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    patch_target(monkeypatch, good=True)
    assert runner.invoke(app, args(files)).exit_code == 0
    baseline = tmp_path / "baseline.json"
    baseline.write_text((files["report"] / "report.json").read_text())
    patch_target(monkeypatch, good=False)
    result = runner.invoke(app, args(files, "--baseline", str(baseline)))
    assert result.exit_code == 0
    assert "regression: overall fact_recall 1.000 -> 0.500" in result.stdout
    assert "Δ baseline" in result.stdout  # the deltas are on screen, not only in the reports
    row = next(line for line in result.stdout.splitlines() if line.strip("│ ").startswith("fact_recall "))
    assert "-0.500 !" in row
    assert "REGRESSION" in (files["report"] / "report.md").read_text()


def test_assistant_errors_exit_1_with_message(
    app: typer.Typer, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: Any) -> Any:
        raise IndexMissingError("No index at /x: run `assistant index` first.")

    monkeypatch.setattr(cli_eval, "_make_assistant", broken)
    result = runner.invoke(app, args(files))
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("No index at /x: run `assistant index` first.")
    missing = runner.invoke(app, ["eval", "--gold", str(files["corpus"] / "nope.jsonl")])
    assert missing.exit_code == 1 and "Cannot read gold file" in missing.stderr


def test_eval_help_lists_options_and_subcommand(app: typer.Typer) -> None:
    result = runner.invoke(app, ["eval", "--help"])
    assert result.exit_code == 0
    for opt in (
        "--gold",
        "--corpus",
        "--index-dir",
        "--backend",
        "--report",
        "--baseline",
        "--fail-under",
        "--json",
        "quotes",
    ):
        assert opt in result.stdout


def test_eval_quotes(app: typer.Typer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    gold = tmp_path / "quotes_gold.jsonl"
    gold.write_text('{"x": 1}\n')
    seen: dict[str, Any] = {}

    def score_quotes(path: Path, quotes: list[Any]) -> dict[str, Any]:
        seen["args"] = (path, quotes)
        return {
            "precision": 0.75,
            "recall": 0.5,
            "f1": 0.6,
            "counts": {"gold": 4, "found": 3},
            "mismatches": [{"quote": "q", "expected": "A", "got": "B"}],
        }

    module = types.ModuleType("assistant.quotes.score")
    module.score_quotes = score_quotes  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "assistant.quotes", types.ModuleType("assistant.quotes"))
    monkeypatch.setitem(sys.modules, "assistant.quotes.score", module)
    monkeypatch.setattr(cli_eval, "_make_quotes", lambda corpus, index_dir: ["Q1", "Q2"])

    result = runner.invoke(app, ["eval", "quotes", "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["f1"] == 0.6
    assert seen["args"] == (gold, ["Q1", "Q2"])

    table = runner.invoke(app, ["eval", "quotes", "--gold", str(gold)])
    assert "precision" in table.stdout and "0.750" in table.stdout and "mismatch:" in table.stdout

    missing = runner.invoke(app, ["eval", "quotes", "--gold", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 1 and "No quote gold file" in missing.stderr


def test_fingerprint_dir_covers_names_and_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    first = fingerprint_dir(tmp_path)
    (tmp_path / "a.meta.json").write_text("{}")
    second = fingerprint_dir(tmp_path)
    (tmp_path / "a.txt").write_text("y")
    assert len({first, second, fingerprint_dir(tmp_path)}) == 3
