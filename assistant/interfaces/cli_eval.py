"""``assistant eval``: score a backend against gold fixtures, write reports, enforce gates.

A thin client of :mod:`assistant.evaluation`; heavy modules (the service, Chroma, the
embedder) are imported inside the commands so ``assistant --help`` stays fast.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from assistant.evaluation.harness import EvalRun

PROJECT_DIR = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = PROJECT_DIR / "evals" / "gold.jsonl"
DEFAULT_QUOTES_GOLD = PROJECT_DIR / "evals" / "quotes_gold.jsonl"
DEFAULT_CORPUS = PROJECT_DIR / "corpus"
DEFAULT_REPORT = Path("reports") / "eval"


@dataclass
class EvalTarget:
    """What the eval runs against: an ``ask`` function, article texts, run metadata."""

    ask: Callable[[str], Any]
    texts: Mapping[str, str]
    backend: str | None = None
    embedder: str | None = None
    corpus_fingerprint: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: With an LLM backend and the extractive fallback on: the LLM's own verified answer to
    #: every question asked (by question), from the same generation as the shown one.
    alone: dict[str, Any] | None = None


def fingerprint_dir(path: Path) -> str:
    """Hash of every file's relative name and bytes under ``path`` (articles + sidecars)."""
    h = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    for p in files:
        h.update(str(p.relative_to(path)).encode() + b"\0" + hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:16]


class _StoredTexts(Mapping[str, str]):
    """Article texts fetched from the index on first use (offsets refer to these)."""

    def __init__(self, fetch: Callable[[str], str]) -> None:
        self._fetch = fetch
        self._cache: dict[str, str | None] = {}

    def __getitem__(self, doc_id: str) -> str:
        if doc_id not in self._cache:
            from assistant.errors import AssistantError

            try:
                self._cache[doc_id] = self._fetch(doc_id)
            except AssistantError:
                self._cache[doc_id] = None
        text = self._cache[doc_id]
        if text is None:
            raise KeyError(doc_id)
        return text

    def __iter__(self) -> Iterator[str]:
        return iter([k for k, v in self._cache.items() if v is not None])

    def __len__(self) -> int:
        return sum(v is not None for v in self._cache.values())


def _assistant(index_dir: Path | None, backend: str | None, corpus: Path) -> Any:
    from assistant.service import Assistant

    assistant = Assistant(index_dir=index_dir, backend=backend)
    assistant.index(paths=[corpus])  # incremental: unchanged articles are skipped
    return assistant


def _make_ask(corpus: Path, index_dir: Path | None, backend: str | None) -> EvalTarget:
    """Build the service, make sure ``corpus`` is indexed, and wrap its ``ask``."""
    assistant = _assistant(index_dir, backend, corpus)
    from assistant.errors import AssistantError

    try:
        embedder = assistant.status().get("embedder")
    except AssistantError:  # status is informative only; never fail the eval over it
        embedder = None
    if isinstance(embedder, dict):
        embedder = embedder.get("name")
    alone: dict[str, Any] | None = None
    if getattr(assistant.backend(), "generative", False) and assistant.settings.llm_fallback:
        alone = {}

    def ask(question: str) -> Any:
        shown, own = assistant.ask_both(question)
        if alone is not None:
            alone[question] = own
        return shown

    return EvalTarget(
        ask=ask,
        alone=alone,
        texts=_StoredTexts(lambda d: assistant.article(d).text),
        backend=backend,
        embedder=str(embedder) if embedder else None,
        corpus_fingerprint=fingerprint_dir(corpus),
    )


def _make_quotes(corpus: Path, index_dir: Path | None) -> list[Any]:
    """Every quote the service's ledger holds for the (indexed) ``corpus``."""
    return list(_assistant(index_dir, None, corpus).quotes())


def _score_quotes(gold: Path, quotes: list[Any]) -> dict[str, Any]:
    from assistant.quotes.score import score_quotes

    result: dict[str, Any] = score_quotes(gold, quotes)
    return result


def _print_table(run: EvalRun, deltas: list[Any] | None = None) -> None:
    """The metric table, overall and by kind; with a baseline, an overall delta column
    (current minus baseline, ``!`` marking a regression)."""
    from rich.console import Console
    from rich.table import Table

    from assistant.evaluation.metrics import METRICS
    from assistant.evaluation.report import fmt

    console = Console()
    if not console.is_terminal:  # pipes and CI logs: room for every kind column
        console = Console(width=max(console.width, 120))
    kinds = list(run.by_kind)
    table = Table(title=f"eval · {run.meta.backend or '?'} · {run.meta.questions} questions")
    table.add_column("metric", no_wrap=True)
    table.add_column("overall", justify="right", style="bold", no_wrap=True)
    overall = {d.metric: d for d in deltas or [] if d.scope == "overall"}
    if deltas:
        table.add_column("Δ baseline", justify="right", no_wrap=True)
    for k in kinds:
        table.add_column(k, justify="right", no_wrap=True)
    for m in METRICS:
        shift = [_delta(overall.get(m), m)] if deltas else []
        table.add_row(m, fmt(run.overall.get(m), m), *shift, *[fmt(run.by_kind[k].get(m), m) for k in kinds])
    console.print(table)


def _print_alone(run: EvalRun) -> None:
    """The LLM's own answers' overall numbers, next to the shown ones (one line each)."""
    from assistant.evaluation.metrics import METRICS
    from assistant.evaluation.report import fmt

    alone = run.meta.extra.get("llm_alone")
    if not alone:
        return
    shown = " ".join(f"{m}={fmt(run.overall.get(m), m)}" for m in METRICS)
    own = " ".join(f"{m}={fmt(alone['overall'].get(m), m)}" for m in METRICS)
    fell = run.meta.extra.get("fallback_answers", 0)
    print(f"as shown ({fell} of {run.meta.questions} answers by the extractive fallback): {shown}")
    print(f"the LLM alone (report in {alone['report']}): {own}")


def _delta(d: Any, metric: str) -> str:
    from assistant.evaluation.report import fmt

    if d is None or d.delta is None:
        return "n/a"
    return f"{'+' if d.delta >= 0 else ''}{fmt(d.delta, metric)}{' !' if d.regression else ''}"


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def register(app: typer.Typer) -> None:
    """Add the ``eval`` command group (``assistant eval``, ``assistant eval quotes``)."""
    eval_app = typer.Typer(help="Score answers against gold fixtures; write reports; gate CI.")

    @eval_app.callback(invoke_without_command=True)
    def eval_run(
        ctx: typer.Context,
        gold: Annotated[
            Path,
            typer.Option(help="Gold questions (JSONL, EVAL_SPEC section 2).", envvar="ASSISTANT_EVAL_GOLD"),
        ] = DEFAULT_GOLD,
        corpus: Annotated[
            Path,
            typer.Option(help="Corpus folder the gold questions are about.", envvar="ASSISTANT_CORPUS_DIR"),
        ] = DEFAULT_CORPUS,
        index_dir: Annotated[
            Path | None,
            typer.Option(
                help="Index directory (default: the project's index/).",
                envvar="ASSISTANT_INDEX_DIR",
            ),
        ] = None,
        backend: Annotated[
            str | None,
            typer.Option(help="Answer backend: extractive, openai[:model].", envvar="ASSISTANT_BACKEND"),
        ] = None,
        report: Annotated[
            Path,
            typer.Option(help="Folder for report.json/.md/.html.", envvar="ASSISTANT_EVAL_REPORT"),
        ] = DEFAULT_REPORT,
        baseline: Annotated[
            Path | None,
            typer.Option(help="A previous report.json: show deltas and mark regressions."),
        ] = None,
        fail_under: Annotated[
            list[str] | None,
            typer.Option(
                "--fail-under",
                help="Gate METRIC=VALUE (or KIND.METRIC=VALUE), repeatable. A floor for "
                "quality metrics, a ceiling for false_abstention and latency_*_ms.",
                envvar="ASSISTANT_EVAL_FAIL_UNDER",
            ),
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
        judge: Annotated[
            bool,
            typer.Option(
                "--judge",
                help="Also score per-claim faithfulness with the configured LLM "
                "(OPENAI_BASE_URL / OPENAI_API_KEY / ASSISTANT_LLM_MODEL).",
            ),
        ] = False,
    ) -> None:
        """Run the gold questions, print the metric table, write reports, check gates."""
        if ctx.invoked_subcommand is not None:
            return
        from assistant.errors import AssistantError
        from assistant.evaluation.report import fmt

        try:
            run, paths, gate_failures, deltas = _run(
                gold, corpus, index_dir, backend, report, baseline, fail_under or [], judge
            )
        except AssistantError as exc:
            _err(str(exc))
            raise typer.Exit(1) from None
        if as_json:
            print(
                json.dumps(
                    {
                        "meta": run.meta.model_dump(mode="json"),
                        "overall": run.overall,
                        "by_kind": run.by_kind,
                        "failed": [r.id for r in run.failures],
                        "regressions": [d.model_dump(mode="json") for d in deltas if d.regression],
                        "gates_failed": [str(g) for g in gate_failures],
                        "reports": {k: str(v) for k, v in paths.items()},
                    }
                )
            )
        else:
            _print_table(run, deltas)
            _print_alone(run)
            print(
                f"{len(run.failures)} of {run.meta.questions} questions failed a check; "
                f"reports in {paths['html'].parent}"
            )
            for d in deltas:
                if d.regression:
                    print(
                        f"regression: {d.scope} {d.metric} "
                        f"{fmt(d.baseline, d.metric)} -> {fmt(d.current, d.metric)}"
                    )
        for g in gate_failures:
            _err(f"Gate failed: {g}")
        if gate_failures:
            raise typer.Exit(1)

    @eval_app.command("quotes")
    def eval_quotes(
        gold: Annotated[
            Path,
            typer.Option(help="Quote attribution gold (JSONL).", envvar="ASSISTANT_QUOTES_GOLD"),
        ] = DEFAULT_QUOTES_GOLD,
        corpus: Annotated[
            Path, typer.Option(help="Corpus folder.", envvar="ASSISTANT_CORPUS_DIR")
        ] = DEFAULT_CORPUS,
        index_dir: Annotated[
            Path | None, typer.Option(help="Index directory.", envvar="ASSISTANT_INDEX_DIR")
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    ) -> None:
        """Score the quote ledger's attributions: precision, recall, F1."""
        from assistant.errors import AssistantError, ConfigError

        try:
            if not gold.is_file():
                raise ConfigError(f"No quote gold file at {gold}.")
            result = _score_quotes(gold, _make_quotes(corpus, index_dir))
        except AssistantError as exc:
            _err(str(exc))
            raise typer.Exit(1) from None
        if as_json:
            print(json.dumps(result, default=str))
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(title="quote attribution")
        table.add_column("metric")
        table.add_column("value", justify="right")
        for key in ("precision", "recall", "f1"):
            v = result.get(key)
            table.add_row(key, "n/a" if v is None else f"{float(v):.3f}")
        for key, v in (result.get("counts") or {}).items():
            table.add_row(str(key), str(v))
        Console().print(table)
        for m in list(result.get("mismatches") or [])[:20]:
            print(f"mismatch: {json.dumps(m, default=str)}")

    app.add_typer(eval_app, name="eval")


def _run(
    gold_path: Path,
    corpus: Path,
    index_dir: Path | None,
    backend: str | None,
    report_dir: Path,
    baseline_path: Path | None,
    gates: list[str],
    judge: bool = False,
) -> tuple[Any, dict[str, Path], list[Any], list[Any]]:
    from assistant.errors import ConfigError
    from assistant.evaluation.harness import EvalRun, check_gates, compare, load_gold, parse_gate
    from assistant.evaluation.ragas import export_ragas
    from assistant.evaluation.report import write_reports

    for g in gates:  # fail on a typo before a long run, not after it
        parse_gate(g)
    gold = load_gold(gold_path)
    baseline = EvalRun.load(baseline_path) if baseline_path else None
    if not corpus.is_dir():
        raise ConfigError(f"No corpus folder at {corpus}.")
    _err(f"eval: {len(gold)} questions from {gold_path}")
    target = _make_ask(corpus, index_dir, backend)
    from assistant.evaluation.harness import run_eval

    run = run_eval(
        gold,
        target.ask,
        target.texts,
        backend=target.backend,
        embedder=target.embedder,
        corpus_fingerprint=target.corpus_fingerprint,
        gold_path=str(gold_path),
    )
    run.meta.extra.update(target.extra)
    from assistant.answer.ranker import load_weights

    model = load_weights()  # the extractive ranker's fitted weights: recorded with every run
    run.meta.extra["ranker"] = {k: model[k] for k in ("weights", "threshold", "fitted") if k in model}
    if target.alone is not None:
        # The same generation scored without the fallback: the LLM's own verified answers.
        from assistant.evaluation.harness import rescore

        alone = rescore(run, gold, target.alone, target.texts)
        alone_dir = report_dir / "llm-alone"
        write_reports(alone, alone_dir)
        run.meta.extra["llm_alone"] = {
            "overall": alone.overall,
            "by_kind": alone.by_kind,
            "report": str(alone_dir / "report.json"),
        }
    if judge:
        run.meta.extra["judge_faithfulness"] = _judge(run)
    paths = write_reports(run, report_dir, baseline)
    paths["ragas"] = export_ragas(run.records, report_dir / "ragas.jsonl")
    deltas = compare(run, baseline) if baseline else []
    return run, paths, check_gates(run, gates), deltas


def _judge(run: Any) -> float | None:
    """Per-claim faithfulness by the configured OpenAI-compatible model (extra columns)."""
    from assistant.answer.backends.openai_backend import OpenAIBackend
    from assistant.evaluation.ragas import judge_faithfulness
    from assistant.settings import Settings

    llm = OpenAIBackend(Settings())
    mean = judge_faithfulness(run.records, lambda p: llm.complete([{"role": "user", "content": p}]))
    _err(f"judge: mean per-claim faithfulness {mean if mean is None else round(mean, 3)}")
    return mean
