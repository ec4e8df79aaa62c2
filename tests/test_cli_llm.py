"""`assistant ask --backend openai` end to end: real index, real `openai` client, a real
OpenAI-protocol server on loopback (tests/openai_fake.py), streamed to the terminal."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.interfaces.cli import app
from tests.contexts import gold_row
from tests.openai_fake import DEFAULT_MODEL, FakeOpenAIServer

runner = CliRunner()
QUESTION = "Who called Canada's trade deal with China a red flag?"


@pytest.fixture
def llm_env(fake: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch) -> FakeOpenAIServer:
    monkeypatch.setenv("OPENAI_BASE_URL", fake.url)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-cli-secret")
    monkeypatch.setenv("ASSISTANT_LLM_MODEL", DEFAULT_MODEL)
    return fake


def test_streamed_llm_answer_is_verified_and_cited(built_index: Path, llm_env: FakeOpenAIServer) -> None:
    llm_env.enqueue(
        'Jamil Jivani described the deal as a "red flag." [1] He also said '
        '"we will tear up every agreement with Beijing" [1]. See also [9].'
    )
    # the model's own verified answer (it leaves out claims the extractive answer makes, so
    # with the fallback on the extractive answer would be shown: tests/test_llm_fallback.py)
    args = ["ask", QUESTION, "--backend", "openai", "--no-fallback", "--index-dir", str(built_index)]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "Verified answer:" in out  # the raw stream differed from what survived checks
    verified = out.split("Verified answer:")[1]
    assert "red flag" in verified and "tear up" not in verified and "[9]" not in verified
    assert "Sources:" in verified and "002_27e68f677fb628f5" in verified
    prompt = llm_env.chat_requests()[-1].prompt
    assert "<source" in prompt and "Jivani" in prompt


def test_llm_json_reports_verification_and_prompt_hash(built_index: Path, llm_env: FakeOpenAIServer) -> None:
    llm_env.enqueue(
        'Jivani called it a "red flag" [1]. He said it was "a gift to Beijing" [1]. Jivani met Vance [1][42].'
    )
    r = runner.invoke(
        app,
        ["ask", QUESTION, "--backend", "openai", "--json", "--no-fallback", "--index-dir", str(built_index)],
    )
    data = json.loads(r.stdout)
    assert data["backend"] == "openai" and len(data["prompt_hash"]) == 12 and data["fallback"] is None
    v = data["verification"]
    assert v["quotes_failed"] >= 1 and v["citations_stripped"] >= 1
    assert "gift to Beijing" not in data["answer"]
    assert "sk-test-cli-secret" not in r.output


def test_model_flag_selects_the_model(built_index: Path, llm_env: FakeOpenAIServer) -> None:
    r = runner.invoke(
        app,
        [
            "ask",
            QUESTION,
            "--backend",
            "openai",
            "--model",
            "no-such-model",
            "--no-stream",
            "--index-dir",
            str(built_index),
        ],
    )
    assert r.exit_code == 1 and "no-such-model" in r.stderr


def test_llm_errors_are_one_line_exit_1(built_index: Path, llm_env: FakeOpenAIServer) -> None:
    llm_env.fail(401)
    r = runner.invoke(
        app, ["ask", QUESTION, "--backend", "openai", "--no-stream", "--index-dir", str(built_index)]
    )
    assert r.exit_code == 1
    assert "OPENAI_API_KEY" in r.stderr and "sk-test-cli-secret" not in r.stderr
    assert "Traceback" not in r.output


def test_eval_judge_scores_claims_with_the_llm(tmp_path: Path, llm_env: FakeOpenAIServer) -> None:
    from tests.conftest import CORPUS

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(gold_row(id="j1", question=QUESTION, sources=["002_27e68f677fb628f5"])) + "\n")
    for _ in range(10):
        llm_env.enqueue("YES")
    r = runner.invoke(
        app,
        [
            "eval",
            "--gold",
            str(gold),
            "--corpus",
            str(CORPUS),
            "--judge",
            "--index-dir",
            str(tmp_path / "ix"),
            "--report",
            str(tmp_path / "rep"),
            "--json",
        ],
    )
    assert r.exit_code == 0, r.output
    report = json.loads((tmp_path / "rep" / "report.json").read_text())
    assert report["meta"]["extra"]["judge_faithfulness"] == 1.0
    assert report["records"][0]["judge"]["claims"] >= 1


def test_model_name_keeps_its_case_end_to_end(built_index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.answer.backends import get_backend
    from assistant.settings import Settings

    cased = "Qwen/Qwen2.5-7B-Instruct"
    with FakeOpenAIServer(models=(cased,)) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.url)
        backend = get_backend(f"OpenAI:{cased}", Settings())
        assert backend.model == cased  # type: ignore[attr-defined]
        server.enqueue('Jivani called the deal a "red flag." [1]')
        r = runner.invoke(
            app, ["ask", QUESTION, "--backend", f"openai:{cased}", "--json", "--index-dir", str(built_index)]
        )
        assert r.exit_code == 0, r.output
        assert [q.body["model"] for q in server.chat_requests()] == [cased]


def test_unknown_model_is_one_line_listing_the_served_models_before_any_work(
    tmp_path: Path, llm_env: FakeOpenAIServer
) -> None:
    missing = tmp_path / "never-built"
    for model in ("no-such-model", "FAKE-MODEL"):  # names are case-sensitive
        r = runner.invoke(
            app, ["ask", QUESTION, "--backend", "openai", "--model", model, "--index-dir", str(missing)]
        )
        assert r.exit_code == 1
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and model in lines[0]
        assert "fake-model" in lines[0] and "fake-embed" in lines[0]
    assert not llm_env.chat_requests()  # rejected at the first use, before any answer
    assert not missing.exists()  # and before any index was built


def test_unknown_backend_is_rejected_before_any_work(tmp_path: Path) -> None:
    missing = tmp_path / "never-built"
    r = runner.invoke(app, ["ask", QUESTION, "--backend", "gpt5", "--index-dir", str(missing)])
    assert r.exit_code == 1
    assert r.stderr.strip().splitlines() == [
        "error: Unknown backend 'gpt5': choose one of extractive, openai, echo (or openai:<model>)."
    ]
    assert not missing.exists()
    r = runner.invoke(app, ["chat", "--backend", "gpt5", "--index-dir", str(missing)], input="x\n")
    assert r.exit_code == 1 and "Unknown backend 'gpt5'" in r.stderr
