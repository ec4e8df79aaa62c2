"""Evaluation: gold fixtures, deterministic metrics, runs, reports and regression gates.

``load_gold`` reads a gold JSONL file, ``run_eval`` asks every question through any
``ask`` callable and scores the answers (:mod:`assistant.evaluation.metrics`),
``write_reports`` writes JSON, Markdown and self-contained HTML, ``check_gates`` and
``compare`` turn a run into CI failures and baseline deltas.
"""

from __future__ import annotations

from assistant.evaluation.harness import (
    EvalRun,
    GateFailure,
    GoldItem,
    RunMeta,
    check_gates,
    compare,
    fingerprint_texts,
    load_gold,
    run_eval,
)
from assistant.evaluation.metrics import QuestionScore, score_question, summarise
from assistant.evaluation.report import write_reports

__all__ = [
    "EvalRun",
    "GateFailure",
    "GoldItem",
    "QuestionScore",
    "RunMeta",
    "check_gates",
    "compare",
    "fingerprint_texts",
    "load_gold",
    "run_eval",
    "score_question",
    "summarise",
    "write_reports",
]
