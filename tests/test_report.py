"""Reports (JSON, Markdown, self-contained HTML) and the RAGAS export / LLM judge."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from assistant.evaluation.harness import EvalRun, GoldItem, run_eval
from assistant.evaluation.ragas import JUDGE_PROMPT, export_ragas, judge_faithfulness
from assistant.evaluation.report import render_html, write_reports

TEXTS = {"d1": "Jamil Jivani called the deal a “red flag.” Talks begin in July. <b>x</b> & co."}
GOLD = [
    GoldItem(
        id="ok",
        question="Who called the deal a red flag?",
        answerable=True,
        answer="Jivani called it a red flag.",
        facts=[["Jivani"], ["red flag"]],
        speaker="Jamil Jivani",
        sources=["d1"],
        kind="who_said",
    ),
    GoldItem(
        id="miss",
        question="When do talks begin?",
        answerable=True,
        answer="In July.",
        facts=[["July"]],
        date_text="July",
        sources=["d1"],
        kind="when",
    ),
    GoldItem(
        id="unans",
        question="What did Trudeau say?",
        answerable=False,
        facts=[],
        sources=[],
        kind="unanswerable",
    ),
]


def _ask(good: bool) -> Any:
    def ask(q: str) -> dict[str, Any]:
        if q.startswith("Who"):
            return {
                "answer": 'Jamil Jivani called it a "red flag" [1]. It is bad.',
                "abstained": False,
                "backend": "scripted",
                "citations": [
                    {
                        "n": 1,
                        "doc_id": "d1",
                        "quote": "Jamil Jivani called the deal",
                        "start": 0,
                        "end": 28,
                    }
                ],
            }
        if q.startswith("When"):
            if good:
                return {
                    "answer": "In July [1].",
                    "abstained": False,
                    "backend": "scripted",
                    "citations": [{"n": 1, "doc_id": "d1", "quote": "Talks begin in July."}],
                }
            return {
                "answer": 'They said "<script>soon</script>" [1]',
                "abstained": False,
                "backend": "scripted",
                "citations": [{"n": 1, "doc_id": "d1", "quote": "<b>x</b> & co."}],
            }
        return {
            "answer": "The articles do not say.",
            "abstained": True,
            "backend": "scripted",
            "citations": [],
        }

    return ask


@pytest.fixture
def runs() -> tuple[EvalRun, EvalRun]:
    baseline = run_eval(GOLD, _ask(True), TEXTS)
    current = run_eval(GOLD, _ask(False), TEXTS)
    return current, baseline


def test_write_reports_writes_three_files(tmp_path: Path, runs: tuple[EvalRun, EvalRun]) -> None:
    current, baseline = runs
    paths = write_reports(current, tmp_path / "out", baseline)
    assert set(paths) == {"json", "md", "html"}
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths.values())
    data = json.loads(paths["json"].read_text())
    assert data["meta"]["backend"] == "scripted"
    assert {"corpus_fingerprint", "git_commit", "embedder", "prompt_hash", "timestamp"} <= set(data["meta"])
    assert data["records"][1]["failures"]
    assert any(d["regression"] and d["metric"] == "fact_recall" for d in data["deltas"])
    # report.json is itself a valid baseline
    assert EvalRun.load(paths["json"]).overall == current.overall


def test_markdown_lists_failures_with_evidence(tmp_path: Path, runs: tuple[EvalRun, EvalRun]) -> None:
    current, baseline = runs
    md = write_reports(current, tmp_path, baseline)["md"].read_text()
    assert "## Failures (1 of 3)" in md
    assert "### miss (when)" in md
    assert "missed facts: July" in md
    assert "unfaithful quotes: <script>soon</script>" in md
    assert "**REGRESSION**" in md
    assert "| fact_recall | 0.500 |" in md


def test_html_is_self_contained_with_charts_and_failures_first(
    tmp_path: Path, runs: tuple[EvalRun, EvalRun]
) -> None:
    current, baseline = runs
    html = write_reports(current, tmp_path, baseline)["html"].read_text()
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<svg") >= 4  # per-kind metric bars and the latency histogram
    assert "latency histogram" in html
    assert not re.search(r"https?://", html)  # no external resources of any kind
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert "&lt;script&gt;soon&lt;/script&gt;" in html  # answer text is escaped
    assert "&lt;b&gt;x&lt;/b&gt; &amp; co." in html
    assert "regression" in html
    failures_at = html.index("Failures (1)")
    assert html.index('id="q-miss"') > failures_at
    assert html.index('id="q-ok"') > html.index('id="q-miss"')  # passes come after failures
    assert "missed facts: July" in html


def test_html_without_baseline_or_latency(runs: tuple[EvalRun, EvalRun]) -> None:
    current, _ = runs
    for r in current.records:
        r.latency_ms = None
    current.overall["latency_p50_ms"] = current.overall["latency_p95_ms"] = None
    html = render_html(current)
    assert "baseline Δ" not in html and "no latencies" in html


def test_ragas_export_rows(tmp_path: Path, runs: tuple[EvalRun, EvalRun]) -> None:
    current, _ = runs
    path = export_ragas(current.records, tmp_path / "r" / "ragas.jsonl")
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(rows) == 3
    assert set(rows[0]) == {"user_input", "retrieved_contexts", "response", "reference"}
    assert rows[0]["user_input"] == "Who called the deal a red flag?"
    assert rows[0]["retrieved_contexts"] == ["Jamil Jivani called the deal"]
    assert rows[0]["reference"] == "Jivani called it a red flag."
    assert rows[2]["retrieved_contexts"] == [] and rows[2]["reference"] == ""


def test_judge_faithfulness_scores_claims_with_injected_completion(
    runs: tuple[EvalRun, EvalRun],
) -> None:
    current, _ = runs
    prompts: list[str] = []

    def complete(prompt: str) -> str:
        prompts.append(prompt)
        return "YES" if "red flag" in prompt.split("Claim:")[1] else "No."

    mean = judge_faithfulness(current.records, complete)
    ok = current.records[0].judge
    assert ok == {"faithfulness": 0.5, "claims": 2, "supported": 1, "unsupported": ["It is bad."]}
    assert current.records[2].judge is None  # abstention: nothing to judge
    assert len(prompts) == 3  # two claims for "ok", one for "miss"
    assert "[1] Jamil Jivani called the deal" in prompts[0]
    assert "[1]" not in prompts[0].split("Claim:")[1]  # markers removed from claims
    assert mean == pytest.approx((0.5 + 0.0) / 2)
    assert set(JUDGE_PROMPT.get_identifiers()) == {"passages", "claim"}
