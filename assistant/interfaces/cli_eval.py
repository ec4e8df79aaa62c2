"""``assistant eval``: score a backend against gold fixtures, write reports, enforce gates.

A thin client of :mod:`assistant.evaluation`; heavy modules (the service, Chroma, the
embedder) are imported inside the commands so ``assistant --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from assistant.evaluation.harness import EvalRun
    from assistant.service import Assistant

PROJECT_DIR = Path(__file__).resolve().parents[2]
DEFAULT_QUOTES_GOLD = PROJECT_DIR / "evals" / "quotes_gold.jsonl"
DEFAULT_CORPUS = PROJECT_DIR / "corpus"


def _make_assistant(index_dir: Path | None, backend: str | None) -> Assistant:
    from assistant.service import Assistant

    return Assistant(index_dir=index_dir, backend=backend)


def _make_quotes(corpus: Path, index_dir: Path | None) -> list[Any]:
    """Every quote the service's ledger holds for the (indexed) ``corpus``."""
    assistant = _make_assistant(index_dir, None)
    assistant.index([corpus])  # incremental: unchanged articles are skipped
    return list(assistant.quotes())


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
            Path | None,
            typer.Option(
                help="Gold questions (JSONL, EVAL_SPEC section 2) [default: settings eval.gold, "
                "ASSISTANT_EVAL_GOLD, else evals/gold.jsonl].",
                show_default=False,
            ),
        ] = None,
        corpus: Annotated[
            Path,
            typer.Option(help="Corpus folder the gold questions are about.", envvar="ASSISTANT_CORPUS_DIR"),
        ] = DEFAULT_CORPUS,
        index_dir: Annotated[
            Path | None,
            typer.Option(
                help="Index directory (default: index/ of the checkout, or of the user data folder "
                "when installed).",
                envvar="ASSISTANT_INDEX_DIR",
            ),
        ] = None,
        backend: Annotated[
            str | None,
            typer.Option(help="Answer backend: extractive, openai[:model].", envvar="ASSISTANT_BACKEND"),
        ] = None,
        report: Annotated[
            Path | None,
            typer.Option(
                help="Folder for report.json/.md/.html [default: settings eval.report, "
                "ASSISTANT_EVAL_REPORT, else reports/eval].",
                show_default=False,
            ),
        ] = None,
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
            from assistant.settings import EvalSettings

            defaults = EvalSettings()
            run, paths, gate_failures, deltas = _run(
                gold or defaults.gold,
                corpus,
                index_dir,
                backend,
                report or defaults.report,
                baseline,
                fail_under or [],
                judge,
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
    if not corpus.is_dir():  # before the long part, as the gates are
        raise ConfigError(f"No corpus folder at {corpus}.")
    _err(f"eval: {len(gold)} questions from {gold_path}")
    from assistant.answer.ranker import load_weights
    from assistant.evaluation.run import run_both

    model = load_weights()  # the extractive ranker's fitted weights: recorded with every run
    ranker = {k: model[k] for k in ("weights", "threshold", "fitted") if k in model}
    run, alone = run_both(
        _make_assistant(index_dir, backend),
        gold,
        corpus,
        gold_path=str(gold_path),
        judge=_judge if judge else None,
        extra={"ranker": ranker},
    )
    if alone is not None:
        # The same generation scored without the fallback: the LLM's own verified answers.
        alone_dir = report_dir / "llm-alone"
        write_reports(alone, alone_dir)
        run.meta.extra["llm_alone"] = {
            "overall": alone.overall,
            "by_kind": alone.by_kind,
            "report": str(alone_dir / "report.json"),
        }
    paths = write_reports(run, report_dir, baseline)
    paths["ragas"] = export_ragas(run.records, report_dir / "ragas.jsonl")
    deltas = compare(run, baseline) if baseline else []
    return run, paths, check_gates(run, gates), deltas


def _judge(records: list[Any]) -> float | None:
    """Per-claim faithfulness by the configured OpenAI-compatible model (extra columns)."""
    from assistant.answer.backends.openai_backend import OpenAIBackend
    from assistant.evaluation.ragas import judge_faithfulness
    from assistant.settings import Settings

    llm = OpenAIBackend(Settings())
    mean = judge_faithfulness(records, lambda p: llm.complete([{"role": "user", "content": p}]))
    _err(f"judge: mean per-claim faithfulness {mean if mean is None else round(mean, 3)}")
    return mean
