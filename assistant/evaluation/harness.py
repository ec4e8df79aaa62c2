"""Run gold questions through any ``ask`` callable and score the answers.

The harness knows nothing about indexes or backends: it is given a function from a
question to an answer (an :class:`~assistant.types.Answer` or a section 3 dict) and the
article texts, so the same code scores the extractive backend, an LLM backend, a remote
``assistant ask --json`` or a scripted fake.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, model_validator

from assistant.errors import AssistantError, ConfigError
from assistant.evaluation.metrics import (
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    METRICS,
    QuestionScore,
    score_question,
    summarise,
)
from assistant.types import Answer

AskFn = Callable[[str], "Answer | dict[str, Any]"]


class GoldItem(BaseModel):
    """One gold question (EVAL_SPEC section 2)."""

    model_config = {"extra": "allow"}

    id: str
    question: str
    answerable: bool
    answer: str | None = None
    facts: list[list[str]]
    speaker: str | None = None
    date: dt.date | None = None  # dt.: a field named ``date`` shadows the type
    date_text: str | None = None
    sources: list[str]
    kind: str

    @model_validator(mode="after")
    def _consistent(self) -> GoldItem:
        if not self.question.strip():
            raise ValueError("question is empty")
        if any(not g or any(not a.strip() for a in g) for g in self.facts):
            raise ValueError("every fact group needs at least one non-empty alternative")
        if self.answerable and not self.sources:
            raise ValueError("an answerable question needs at least one source")
        if not self.answerable and (self.facts or self.sources or self.speaker):
            raise ValueError("an unanswerable question has facts [], sources [], speaker null")
        return self


def load_gold(path: str | Path) -> list[GoldItem]:
    """Read and validate a gold JSONL file; errors name the file and line."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"Cannot read gold file {p}: {exc.strerror or exc}") from None
    items: list[GoldItem] = []
    seen: dict[str, int] = {}
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = GoldItem.model_validate(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{p}:{no}: not valid JSON ({exc.msg})") from None
        except ValidationError as exc:
            errs = "; ".join(
                f"{'.'.join(str(x) for x in e['loc']) or 'record'}: {e['msg']}" for e in exc.errors()
            )
            raise ConfigError(f"{p}:{no}: invalid gold record ({errs})") from None
        if item.id in seen:
            raise ConfigError(f"{p}:{no}: duplicate id {item.id!r} (first on line {seen[item.id]})")
        seen[item.id] = no
        items.append(item)
    if not items:
        raise ConfigError(f"Gold file {p} holds no questions.")
    return items


class RunMeta(BaseModel):
    """What produced a run, recorded with every report."""

    backend: str | None = None
    embedder: str | None = None
    prompt_hash: str | None = None
    corpus_fingerprint: str | None = None
    git_commit: str | None = None
    timestamp: str = ""
    questions: int = 0
    gold_path: str | None = None
    extra: dict[str, Any] = Field(default_factory=dict)


class EvalRun(BaseModel):
    """A scored run: overall metrics, metrics by ``kind``, and every question's record."""

    meta: RunMeta
    overall: dict[str, float | None]
    by_kind: dict[str, dict[str, float | None]]
    records: list[QuestionScore]

    @classmethod
    def load(cls, path: str | Path) -> EvalRun:
        """Read a run back from a ``report.json`` (used as a ``--baseline``)."""
        try:
            return cls.model_validate_json(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"Cannot read baseline {path}: {exc.strerror or exc}") from None
        except ValidationError as exc:
            raise ConfigError(f"{path} is not an eval report.json: {exc.errors()[0]['msg']}") from None

    @property
    def failures(self) -> list[QuestionScore]:
        return [r for r in self.records if r.failures]


def fingerprint_texts(texts: Mapping[str, str]) -> str:
    """A short hash of the doc ids and contents of a corpus (order independent)."""
    h = hashlib.sha256()
    for doc_id in sorted(texts):
        h.update(doc_id.encode() + b"\0" + hashlib.sha256(texts[doc_id].encode()).digest())
    return h.hexdigest()[:16]


def git_commit(cwd: str | Path | None = None) -> str | None:
    """The current git commit (with ``+dirty`` for uncommitted changes), if any."""
    where = Path(cwd) if cwd else Path(__file__).resolve().parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=where, capture_output=True, text=True, timeout=5
        )
        if head.returncode != 0:
            return None
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=where,
            capture_output=True,
            text=True,
            timeout=5,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def _as_dict(answer: Answer | Mapping[str, Any], question: str) -> dict[str, Any]:
    if isinstance(answer, BaseModel):
        return answer.model_dump(mode="json")
    out = dict(answer)
    out.setdefault("question", question)
    out.setdefault("citations", [])
    out.setdefault("abstained", False)
    return out


def run_eval(
    gold: Sequence[GoldItem],
    ask: AskFn,
    texts: Mapping[str, str],
    *,
    warmup: bool = True,
    backend: str | None = None,
    embedder: str | None = None,
    prompt_hash: str | None = None,
    corpus_fingerprint: str | None = None,
    gold_path: str | None = None,
    clock: Callable[[], float] = time.perf_counter,
) -> EvalRun:
    """Ask every gold question once and score it.

    With ``warmup`` the first question is asked once untimed so model loading and caches
    do not count as latency. An :class:`AssistantError` on one question is recorded on
    its record (the question then fails every check) and the run goes on; any other
    exception is a bug and propagates. ``backend`` and ``prompt_hash`` default to what
    the answers report; ``corpus_fingerprint`` to a hash of ``texts``.
    """
    if warmup and gold:
        with contextlib.suppress(AssistantError):  # a failing question is scored below
            ask(gold[0].question)
    records: list[QuestionScore] = []
    for item in gold:
        started = clock()
        error = None
        try:
            answer = _as_dict(ask(item.question), item.question)
        except AssistantError as exc:
            error = str(exc) or type(exc).__name__
            answer = _no_answer(item)
        elapsed = (clock() - started) * 1000.0
        gold_dict = item.model_dump(mode="json")
        records.append(score_question(gold_dict, answer, texts, latency_ms=elapsed, error=error))
    return _summed(
        records,
        texts,
        backend=backend,
        embedder=embedder,
        prompt_hash=prompt_hash,
        corpus_fingerprint=corpus_fingerprint,
        gold_path=gold_path,
    )


def rescore(
    run: EvalRun,
    gold: Sequence[GoldItem],
    answers: Mapping[str, Answer | Mapping[str, Any]],
    texts: Mapping[str, str],
) -> EvalRun:
    """``run``'s questions scored again with other answers to them (``answers`` by
    question): the same generation seen another way, e.g. an LLM's own verified answers
    where ``run`` scored the answers shown after the extractive fallback. Latencies and
    errors are ``run``'s (no question is asked again); ``meta`` is ``run``'s but for the
    fallback count. A question missing from ``answers`` is a bug (KeyError)."""
    if [r.id for r in run.records] != [g.id for g in gold]:
        raise ValueError("rescore needs the gold items of the run, in its order")
    records = [
        score_question(
            item.model_dump(mode="json"),
            _as_dict(answers[item.question], item.question) if rec.error is None else _no_answer(item),
            texts,
            latency_ms=rec.latency_ms,
            error=rec.error,
        )
        for item, rec in zip(gold, run.records, strict=True)
    ]
    out = _summed(records, texts, **run.meta.model_dump(include=_META_KEEP))
    out.meta.timestamp, out.meta.git_commit = run.meta.timestamp, run.meta.git_commit
    kept = {k: v for k, v in run.meta.extra.items() if k != "fallback_answers"}
    out.meta.extra = {**kept, **out.meta.extra}
    return out


def _no_answer(item: GoldItem) -> dict[str, Any]:
    """The record of a question whose ask raised (it then fails every check)."""
    return {"question": item.question, "answer": "", "abstained": False, "citations": []}


_META_KEEP = {"backend", "embedder", "prompt_hash", "corpus_fingerprint", "gold_path"}


def _summed(
    records: list[QuestionScore],
    texts: Mapping[str, str],
    *,
    backend: str | None,
    embedder: str | None,
    prompt_hash: str | None,
    corpus_fingerprint: str | None,
    gold_path: str | None,
) -> EvalRun:
    kinds = sorted({r.kind for r in records})
    meta = RunMeta(
        backend=backend or _common(r.backend for r in records),
        embedder=embedder,
        prompt_hash=prompt_hash or _common(r.prompt_hash for r in records),
        corpus_fingerprint=corpus_fingerprint or fingerprint_texts(texts),
        git_commit=git_commit(),
        timestamp=datetime.now(UTC).isoformat(timespec="seconds"),
        questions=len(records),
        gold_path=gold_path,
    )
    fallbacks = sum(r.fallback is not None for r in records)
    if fallbacks:  # how many shown answers another backend wrote (issue 17)
        meta.extra["fallback_answers"] = fallbacks
    return EvalRun(
        meta=meta,
        overall=summarise(records),
        by_kind={k: summarise([r for r in records if r.kind == k]) for k in kinds},
        records=records,
    )


def _common(values: Any) -> str | None:
    """The single non-null value, or all distinct ones joined by ``,``."""
    seen = sorted({v for v in values if v})
    return ",".join(seen) if seen else None


class Delta(BaseModel):
    metric: str
    scope: str  # "overall" or a kind
    current: float | None
    baseline: float | None
    delta: float | None
    regression: bool


#: Latency is noisy: a latency metric regresses only when it grows by more than this share.
LATENCY_TOLERANCE = 0.25


def compare(run: EvalRun, baseline: EvalRun, tolerance: float = 1e-9) -> list[Delta]:
    """Metric deltas (current - baseline), overall and by kind, with regressions marked.

    A quality metric regresses when it moves the wrong way by more than ``tolerance``
    (they are deterministic, so any drop is real); a latency metric when it grows by
    more than :data:`LATENCY_TOLERANCE` of its baseline, judged overall only (a kind's
    handful of questions makes its percentiles noise). A metric measured in the
    baseline but not now (``None``) is a regression too.
    """
    out: list[Delta] = []
    scopes: list[tuple[str, Mapping[str, float | None], Mapping[str, float | None]]] = [
        ("overall", run.overall, baseline.overall)
    ]
    for kind in sorted(set(run.by_kind) | set(baseline.by_kind)):
        scopes.append((kind, run.by_kind.get(kind, {}), baseline.by_kind.get(kind, {})))
    for scope, cur, base in scopes:
        for m in METRICS:
            c, b = cur.get(m), base.get(m)
            if c is None and b is None:
                continue
            delta = None if c is None or b is None else c - b
            if delta is None:
                regression = c is None
            elif m.startswith("latency"):  # per-kind samples are too small to judge
                regression = scope == "overall" and delta > LATENCY_TOLERANCE * max(b or 0, 1)
            elif m in LOWER_IS_BETTER:
                regression = delta > tolerance
            else:
                regression = delta < -tolerance
            out.append(
                Delta(metric=m, scope=scope, current=c, baseline=b, delta=delta, regression=regression)
            )
    return out


class GateFailure(BaseModel):
    metric: str
    scope: str
    value: float | None
    gate: float
    direction: Literal["at least", "at most"]

    def __str__(self) -> str:
        shown = "not measured" if self.value is None else f"{self.value:.3f}"
        where = "" if self.scope == "overall" else f" [{self.scope}]"
        return f"{self.metric}{where} = {shown}, gate: {self.direction} {self.gate:g}"


def parse_gate(spec: str) -> tuple[str, str, float]:
    """``METRIC=VALUE`` or ``KIND.METRIC=VALUE`` -> ``(scope, metric, value)``."""
    name, sep, raw = spec.partition("=")
    name = name.strip()
    scope, _, metric = name.rpartition(".") if "." in name else ("overall", "", name)
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not sep or value != value or metric not in METRICS:
        raise ConfigError(
            f"Bad gate {spec!r}: use METRIC=VALUE (or KIND.METRIC=VALUE) with METRIC one of "
            + ", ".join(METRICS)
        )
    return scope, metric, value


def check_gates(run: EvalRun, gates: Sequence[str]) -> list[GateFailure]:
    """Gates that ``run`` fails.

    For a higher-is-better metric a gate is a floor (``fact_recall=0.8``: at least 0.8);
    for a lower-is-better one (``false_abstention``, ``latency_p50_ms``,
    ``latency_p95_ms``) it is a ceiling (at most). A gated metric that was not measured
    (``None``, such as a kind missing from the run) fails its gate.
    """
    failures: list[GateFailure] = []
    for spec in gates:
        scope, metric, gate = parse_gate(spec)
        values = run.overall if scope == "overall" else run.by_kind.get(scope, {})
        value = values.get(metric)
        at_most = metric in LOWER_IS_BETTER
        ok = value is not None and (value <= gate if at_most else value >= gate)
        if not ok:
            failures.append(
                GateFailure(
                    metric=metric,
                    scope=scope,
                    value=value,
                    gate=gate,
                    direction="at most" if at_most else "at least",
                )
            )
    return failures


__all__ = [
    "HIGHER_IS_BETTER",
    "LOWER_IS_BETTER",
    "EvalRun",
    "GateFailure",
    "GoldItem",
    "RunMeta",
    "check_gates",
    "compare",
    "fingerprint_texts",
    "load_gold",
    "run_eval",
]
