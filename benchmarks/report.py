"""Results: save each run as JSON and render the tables of ``BENCHMARKS.md``.

A run is one dict (see :func:`benchmarks.__main__.run_suite`) with ``machine`` and any
of ``ingest``, ``query`` (per size), ``http`` (per size) and ``cli``. :func:`render`
turns it into Markdown tables with each target, the measured number and the ratio;
:func:`update_markdown` replaces the part of ``BENCHMARKS.md`` between the two marker
comments, so the hand-written explanation around the tables survives a rerun.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

START = "<!-- results:start -->"
END = "<!-- results:end -->"

#: Target values from issue 9 (what "met" means in the tables).
TARGETS = {
    "ratio_to_bound": 0.80,
    "ratio_to_stock": 2.0,
    "ask_p50_ms": 100.0,
    "search_p50_ms": 30.0,
    "help_s": 0.3,
    "ask_cold_s": 1.5,
    "rss_mib": 2048.0,
}


def save(result: dict[str, Any], results_dir: Path, name: str = "run") -> Path:
    """Write ``result`` as ``<results_dir>/<name>-<UTC timestamp>.json``; return the path."""
    results_dir.mkdir(parents=True, exist_ok=True)
    path = results_dir / f"{name}-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}.json"
    path.write_text(json.dumps(result, indent=1, default=str) + "\n", encoding="utf-8")
    return path


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _load(v: Any) -> str:
    if isinstance(v, list) and v and isinstance(v[0], list):
        return " → ".join(f"{x[0]:.1f}" for x in v if x)
    return f"{v[0]:.1f}" if isinstance(v, list) and v else "?"


def _mib(n: float) -> str:
    return f"{n / 2**20:.0f} MiB"


def render(result: dict[str, Any]) -> str:
    """Markdown tables for one run (every target with its number and ratio)."""
    m = result.get("machine", {})
    lines = [
        f"Run of {result.get('when', '?')} on {m.get('cpu_model', '?')}, "
        f"{m.get('cores_usable', '?')} usable cores, {m.get('ram_gib', '?')} GiB RAM, "
        f"Python {m.get('python', '?')}; load average (1 min) at start "
        f"{_load(m.get('loadavg_1_5_15'))}. Command: `{result.get('command', '?')}`.",
        "",
    ]
    ing = result.get("ingest")
    if ing:
        lines += [
            f"### Ingest ({ing['articles']} articles, {ing['chunks']} chunks, "
            f"median of {ing['repeats']} interleaved rounds; load {_load(ing['loadavg'])})",
            "",
            "| measure | value | target | ratio | status |",
            "|---|---|---|---|---|",
            f"| assistant ingest | {ing['assistant_articles_per_s']:.2f} articles/s, "
            f"{ing['assistant_chunks_per_s']:.1f} chunks/s | | | |",
            f"| embedder bound (same {ing['embedded_texts']} texts, "
            f"{ing['mean_chars']:.0f} chars avg) | {ing['bound_texts_per_s']:.1f} texts/s | | | |",
            f"| ingest / bound | {ing['ratio_to_bound']:.0%} | >= 80% | "
            f"{ing['ratio_to_bound'] / TARGETS['ratio_to_bound']:.2f}x of target | "
            f"{_met(ing['ratio_to_bound'] >= TARGETS['ratio_to_bound'])} |",
        ]
        if "ratio_to_stock" in ing:
            lines += [
                f"| stock llama-index ({ing['stock_chunks']} chunks) | "
                f"{ing['stock_articles_per_s']:.2f} articles/s | | | |",
                f"| assistant / stock | {ing['ratio_to_stock']:.2f}x | >= 2x | "
                f"{ing['ratio_to_stock'] / TARGETS['ratio_to_stock']:.2f}x of target | "
                f"{_met(ing['ratio_to_stock'] >= TARGETS['ratio_to_stock'])} |",
            ]
        lines += [
            f"| re-index, nothing changed | {ing['reindex_unchanged_s']:.2f} s | | | |",
            f"| index on disk | {_mib(ing['index_bytes'])} "
            + (f"(stock: {_mib(ing['stock_index_bytes'])})" if "stock_index_bytes" in ing else "")
            + " | | | |",
            f"| peak RSS during ingest | {ing['peak_rss_mib']:.0f} MiB | | | |",
            "",
        ]
    queries = result.get("query", {})
    https = result.get("http", {})
    if queries:
        lines += [
            "### Query latency (warm, extractive backend; targets: search p50 <= 30 ms, "
            "ask p50 <= 100 ms, RSS <= 2 GiB)",
            "",
            "| size | path | search p50 / p95 | search target | ask p50 / p95 | ask target | "
            "peak RSS | index on disk | load |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for size, q in queries.items():
            rows = [
                (
                    f"{size} ({q['articles']} art., {q['chunks']} chunks, {q.get('passages', '?')} passages)",
                    "in-process",
                    q,
                    f"{q['peak_rss_mib']:.0f} MiB ({_met(q['peak_rss_mib'] <= TARGETS['rss_mib'])})",
                    _mib(q["index_bytes"]),
                )
            ]
            if size in https:
                h = https[size]
                rows.append((size, f"HTTP ({h['requests']} req.)", h, "", ""))
            for label, path, r, rss, disk in rows:
                sp, ap = r["search"]["p50_ms"], r["ask"]["p50_ms"]
                lines.append(
                    f"| {label} | {path} | {sp:.0f} / {r['search']['p95_ms']:.0f} ms | "
                    f"{sp / TARGETS['search_p50_ms']:.2f}x, "
                    f"{_met(sp <= TARGETS['search_p50_ms'])} | "
                    f"{ap:.0f} / {r['ask']['p95_ms']:.0f} ms | {ap / TARGETS['ask_p50_ms']:.2f}x, "
                    f"{_met(ap <= TARGETS['ask_p50_ms'])} | {rss} | {disk} | "
                    f"{_load(r.get('loadavg'))} |"
                )
        lines.append("")
    cli = result.get("cli")
    if cli:
        hv, av = cli["help"]["median_s"], cli["ask_cold"]["median_s"]
        lines += [
            f"### CLI wall time (fresh process each, median of {len(cli['help']['runs_s'])})",
            "",
            "| command | median | target | ratio | status | load |",
            "|---|---|---|---|---|---|",
            f"| `python -c pass` (floor) | {cli['python_floor_s']:.2f} s | | | | |",
            f"| `assistant --help` | {hv:.2f} s | <= 0.3 s | {hv / TARGETS['help_s']:.2f}x | "
            f"{_met(hv <= TARGETS['help_s'])} | {_load(cli['help']['loadavg'])} |",
            f"| cold `assistant ask --json` ({cli.get('size', '?')} index) | {av:.2f} s | "
            f"<= 1.5 s | {av / TARGETS['ask_cold_s']:.2f}x | {_met(av <= TARGETS['ask_cold_s'])} | "
            f"{_load(cli['ask_cold']['loadavg'])} |",
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


def update_markdown(md_path: Path, tables: str) -> None:
    """Put ``tables`` between the markers of ``md_path`` (appending them if absent)."""
    block = f"{START}\n{tables}{END}"
    text = md_path.read_text(encoding="utf-8") if md_path.exists() else "# Benchmarks\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    md_path.write_text(text, encoding="utf-8")


def merge(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Several saved runs as one: later runs win per part, ``query``/``http`` merge by size."""
    out: dict[str, Any] = {}
    for run in runs:
        for key, value in run.items():
            if key in ("query", "http", "builds") and isinstance(value, dict):
                out.setdefault(key, {}).update(value)
            else:
                out[key] = value
    if len(runs) > 1:
        out["command"] = " ; ".join(str(r.get("command", "?")) for r in runs)
        out["when"] = " and ".join(str(r.get("when", "?")) for r in runs)
    return out


def main(argv: list[str] | None = None) -> None:
    """CLI: ``python -m benchmarks.report RUN.json [RUN.json ...] [--markdown BENCHMARKS.md]``."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m benchmarks.report")
    ap.add_argument("runs", nargs="+", type=Path, help="saved runs (benchmarks/results/*.json)")
    ap.add_argument("--markdown", type=Path, default=None, help="update this file's tables")
    ap.add_argument("--each", action="store_true", help="one section per run, not merged")
    args = ap.parse_args(argv)
    runs = [json.loads(p.read_text(encoding="utf-8")) for p in args.runs]
    tables = "\n".join(render(r) for r in runs) if args.each else render(merge(runs))
    print(tables)
    if args.markdown:
        update_markdown(args.markdown, tables)


if __name__ == "__main__":
    main()
