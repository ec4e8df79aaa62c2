"""``python -m benchmarks``: the whole suite, or parts of it, on generated corpora.

Examples::

    python -m benchmarks                                  # make bench: 1k, every part
    python -m benchmarks --parts query,http --sizes 1k,10k --queries 40
    python -m benchmarks --parts ingest --ingest-size 200 --repeats 3
    python -m benchmarks --parts cli --sizes 1k --no-markdown

Corpora (``benchmarks/data/<size>``) are generated on first use, deterministically
(``benchmarks.generate``, seed 0); query indexes are kept in
``benchmarks/data/index-<size>-<passages>`` and reused while they hold the corpus.
Every run is saved to ``benchmarks/results/`` as JSON, and the tables in
``BENCHMARKS.md`` are replaced by this run's (unless ``--no-markdown``).
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.common import machine_info

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
PARTS = ("ingest", "query", "http", "cli")


def parse_size(text: str) -> int:
    """``"1k"`` -> 1000, ``"2.5k"`` -> 2500, ``"300"`` -> 300."""
    t = text.strip().lower()
    n = float(t[:-1]) * 1000 if t.endswith("k") else float(t)
    if n < 1 or n != int(n):
        raise argparse.ArgumentTypeError(f"bad size {text!r}")
    return int(n)


def corpus(size: str, data: Path = DATA) -> Path:
    """The generated corpus for ``size`` (written on first use, seed 0)."""
    from benchmarks.generate import generate_corpus

    n = parse_size(size)
    out = data / size
    manifest = out / ".manifest.json"
    try:
        ok = json.loads(manifest.read_text(encoding="utf-8"))["n"] == n
    except (OSError, ValueError, KeyError):
        ok = False
    if not ok:
        generate_corpus(out, n, seed=0)
    return out


def query_index(size: str, passages: str, data: Path = DATA) -> tuple[Path, dict[str, Any] | None]:
    """An index of the ``size`` corpus, reused when it already holds every article."""
    from assistant.errors import AssistantError
    from assistant.service import Assistant
    from benchmarks.query import build_index

    src = corpus(size, data)
    index = data / f"index-{size}-{passages}"
    try:
        if (index / "chroma").exists() and (Assistant(index_dir=index).status().articles == parse_size(size)):
            return index, None
    except AssistantError:
        pass
    return index, build_index(src, index, passages)


def run_suite(args: argparse.Namespace) -> dict[str, Any]:
    """Run the selected parts; return one result dict (see :mod:`benchmarks.report`)."""
    from benchmarks.generate import sample_queries

    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    bad = set(parts) - set(PARTS)
    if bad:
        raise SystemExit(f"unknown part(s) {sorted(bad)}; choose from {PARTS}")
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    data = Path(args.data)
    result: dict[str, Any] = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "command": "python -m benchmarks " + shlex.join(getattr(args, "argv", sys.argv[1:])),
        "machine": machine_info(),
    }

    def log(msg: str) -> None:
        print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

    if "ingest" in parts:
        from benchmarks.ingest import measure_ingest

        src = corpus(args.ingest_size, data)
        log(f"ingest: {src} x{args.repeats} (assistant, bound, stock interleaved)")
        result["ingest"] = measure_ingest(src, args.repeats, stock=not args.no_stock)
    for size in sizes if {"query", "http", "cli"} & set(parts) else []:
        index, build = query_index(size, args.passages, data)
        if build:
            log(f"built {index}: {build['seconds']:.0f} s")
            result.setdefault("builds", {})[size] = build
        questions = [q for q, _ in sample_queries(corpus(size, data), args.queries)]
        if "query" in parts:
            from benchmarks.query import measure_queries

            log(f"query {size}: {len(questions)} questions x{args.repeats}")
            q = measure_queries(index, questions, args.repeats)
            q["passages"] = args.passages
            q["loadavg"] = machine_info()["loadavg_1_5_15"]
            result.setdefault("query", {})[size] = q
        if "http" in parts:
            from benchmarks.http import measure_http

            log(f"http {size}: {args.requests} requests of each kind")
            result.setdefault("http", {})[size] = measure_http(index, questions, args.requests)
        if "cli" in parts and "cli" not in result:
            from benchmarks.cli_wall import measure_cli

            log(f"cli on the {size} index")
            result["cli"] = measure_cli(index, questions[0], args.cli_repeats)
            result["cli"]["size"] = size
    return result


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--parts", default=",".join(PARTS), help="comma list of " + ", ".join(PARTS))
    ap.add_argument("--sizes", default="1k", help="corpus sizes for query/http/cli, e.g. 1k,10k")
    ap.add_argument("--ingest-size", default="200", help="articles for the ingest benchmark")
    ap.add_argument("--repeats", type=int, default=3, help="ingest rounds; passes over queries")
    ap.add_argument("--queries", type=int, default=40, help="questions per query benchmark")
    ap.add_argument("--requests", type=int, default=40, help="HTTP requests of each kind")
    ap.add_argument("--cli-repeats", type=int, default=5)
    ap.add_argument(
        "--passages",
        choices=("hashed", "real"),
        default="hashed",
        help="how query indexes embed passages (see benchmarks/query.py)",
    )
    ap.add_argument("--no-stock", action="store_true", help="skip the stock llama-index pipeline")
    ap.add_argument("--data", default=str(DATA), help="where corpora and indexes live")
    ap.add_argument("--results", default=str(HERE / "results"))
    ap.add_argument("--markdown", default=str(HERE.parent / "BENCHMARKS.md"))
    ap.add_argument("--no-markdown", action="store_true", help="do not touch BENCHMARKS.md")
    return ap


def main(argv: list[str] | None = None) -> dict[str, Any]:
    from benchmarks.report import render, save, update_markdown

    args = build_parser().parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    result = run_suite(args)
    path = save(result, Path(args.results))
    tables = render(result)
    print(tables)
    print(f"saved {path}", file=sys.stderr)
    if not args.no_markdown:
        update_markdown(Path(args.markdown), tables)
    return result


if __name__ == "__main__":
    main()
