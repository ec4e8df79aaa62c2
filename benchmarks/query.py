"""Query latency: retrieval only (``Assistant.search``) and the full extractive ``ask``.

Indexes for the latency runs are built by :func:`build_index`. With ``passages="real"``
every chunk is embedded by the project's embedder, as ``assistant index`` does. On a
2-core machine that is 40-50 chunks/s at best, so a 10k-article index (about 200k
chunks) takes over an hour; ``passages="hashed"`` builds the *same* index (same
articles, chunks, BM25, quotes, Chroma collections, HNSW graph size and dimension)
with passage vectors from a feature-hashing projection of the chunk's words, and
records the real embedder's name, so queries are embedded by the real model.

Query *latency* depends on the number and dimension of the vectors, not on what they
mean, so the hashed index measures latency faithfully; its answers are not meaningful
for quality. :func:`main` can measure both kinds at the same small size to check that.

CLI: ``python -m benchmarks.query --corpus benchmarks/data/1k --index /tmp/q1k --passages hashed``
"""

from __future__ import annotations

import argparse
import json
import time
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.common import (
    dir_size_bytes,
    latency_summary,
    machine_info,
    peak_rss_mib,
    reset_peak_rss,
)


class HashedPassageEmbedder:
    """Real query vectors, cost-free passage vectors (for building large latency indexes).

    Passages become L2-normalised signed feature-hashing projections of their lower-cased
    words; the index records the wrapped embedder's ``name`` and ``dim``, so the index is
    opened and queried with the real model afterwards.
    """

    def __init__(self, real: Any):
        self.real = real
        self.name: str = real.name
        self.dim: int = real.dim

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self.real.embed_queries(texts), dtype=np.float32)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                h = zlib.crc32(word.encode("utf-8"))
                out[row, h % self.dim] += 1.0 if (h >> 16) & 1 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out /= np.maximum(norms, 1e-12)
        out[norms[:, 0] == 0] = 1.0 / np.sqrt(self.dim)
        return out


def build_index(corpus: Path, index_dir: Path, passages: str = "real") -> dict[str, Any]:
    """Index ``corpus`` into ``index_dir`` (``passages``: ``real`` or ``hashed``).

    ``real`` goes through ``Assistant.index``; ``hashed`` runs the same ingest with
    :class:`HashedPassageEmbedder` and then builds the lexical index the same way.
    """
    from assistant.service import Assistant

    if passages not in ("real", "hashed"):
        raise ValueError("passages must be 'real' or 'hashed'")
    reset_peak_rss()
    t0 = time.perf_counter()
    if passages == "hashed":
        a = Assistant(index_dir=index_dir, embedder=HashedPassageEmbedder(Assistant().embedder()))
    else:
        a = Assistant(index_dir=index_dir)
    report = a.index([corpus], rebuild=True)
    seconds = time.perf_counter() - t0
    return {
        "passages": passages,
        "articles": len(report.added) + len(report.updated),
        "chunks": report.chunks_written,
        "quotes": report.quotes_written,
        "failures": len(report.failures),
        "seconds": seconds,
        "index_bytes": dir_size_bytes(index_dir),
        "peak_rss_mib": peak_rss_mib(),
    }


def measure_queries(
    index_dir: Path, questions: Sequence[str], repeats: int = 1, k: int = 8
) -> dict[str, Any]:
    """Warm in-process latency of ``search`` and ``ask`` over ``questions``.

    One fresh :class:`Assistant` opens the index; its first search and first ask (model
    load, BM25 load, first Chroma read) are timed separately as ``first_*_s`` and are not
    part of the percentiles. Each question is asked ``repeats`` times.
    """
    from assistant.service import Assistant

    if not questions:
        raise ValueError("measure_queries needs at least one question")
    reset_peak_rss()
    a = Assistant(index_dir=index_dir)
    t0 = time.perf_counter()
    a.search(questions[0], k)
    first_search = time.perf_counter() - t0
    t0 = time.perf_counter()
    a.ask(questions[0], k)
    first_ask = time.perf_counter() - t0
    search_s: list[float] = []
    ask_s: list[float] = []
    abstained = 0
    for _ in range(repeats):
        for q in questions:
            t0 = time.perf_counter()
            a.search(q, k)
            search_s.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            ans = a.ask(q, k)
            ask_s.append(time.perf_counter() - t0)
            abstained += ans.abstained
    status = a.status()
    return {
        "articles": status.articles,
        "chunks": status.chunks,
        "questions": len(questions),
        "repeats": repeats,
        "first_search_s": first_search,
        "first_ask_s": first_ask,
        "search": latency_summary(search_s),
        "ask": latency_summary(ask_s),
        "abstain_rate": abstained / len(ask_s),
        "peak_rss_mib": peak_rss_mib(),
        "index_bytes": dir_size_bytes(index_dir),
    }


def main(argv: list[str] | None = None) -> None:
    """CLI: build (unless ``--reuse``) an index of a corpus and time queries on it."""
    from benchmarks.generate import sample_queries

    ap = argparse.ArgumentParser(prog="python -m benchmarks.query")
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--passages", choices=("real", "hashed"), default="real")
    ap.add_argument("--reuse", action="store_true", help="keep an existing index")
    ap.add_argument("--queries", type=int, default=50)
    ap.add_argument("--repeats", type=int, default=1)
    args = ap.parse_args(argv)
    out: dict[str, Any] = {"machine": machine_info()}
    if not (args.reuse and (args.index / "chroma").exists()):
        out["build"] = build_index(args.corpus, args.index, args.passages)
    questions = [q for q, _ in sample_queries(args.corpus, args.queries)]
    out["query"] = measure_queries(args.index, questions, args.repeats)
    out["machine_after"] = machine_info()["loadavg_1_5_15"]
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
