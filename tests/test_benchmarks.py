"""Benchmarks: corpus generator, timing helpers, embedder bound, stock llama-index pipeline.

Small runs only; the stock pipeline test runs end to end on 10 tiny articles with the
real embedder and Chroma on disk, under a guard that fails any non-loopback connection.
"""

from __future__ import annotations

import json
import os
import re
import socket
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from benchmarks import common
from benchmarks.embedder_bound import measure_embedder_bound
from benchmarks.generate import build_article, generate_corpus, main, sample_queries

_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Clear ASSISTANT_* settings, force hub-offline, and refuse non-loopback connections."""
    for key in list(os.environ):
        if key.startswith("ASSISTANT_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    attempts: list[Any] = []
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        if self.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in _LOOPBACK:
            attempts.append(address)
            raise OSError(f"network disabled in tests: {address!r}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    return attempts


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# -- generator --------------------------------------------------------------------------


def test_same_seed_gives_byte_identical_corpus(tmp_path: Path) -> None:
    a = generate_corpus(tmp_path / "a", 20, seed=7)
    generate_corpus(tmp_path / "b", 20, seed=7)
    generate_corpus(tmp_path / "c", 20, seed=8)
    assert len(a) == 20 and all(p.suffix == ".txt" for p in a)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert len(_files(tmp_path / "a")) == 41  # 20 articles, 20 sidecars, manifest
    texts_a = {p.read_text(encoding="utf-8") for p in a}
    texts_c = {p.read_text(encoding="utf-8") for p in (tmp_path / "c").glob("*.txt")}
    assert not texts_a & texts_c


def test_smaller_corpus_is_a_prefix_and_stale_files_are_removed(tmp_path: Path) -> None:
    big = generate_corpus(tmp_path / "big", 20, seed=1)
    out = tmp_path / "small"
    generate_corpus(out, 20, seed=1)
    small = generate_corpus(out, 5, seed=1)
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in big[:5]]
    assert sorted(p.name for p in out.glob("*.txt")) == sorted(p.name for p in small)
    assert len(list(out.glob("*.meta.json"))) == 5


def test_articles_have_news_structure(tmp_path: Path) -> None:
    paths = generate_corpus(tmp_path, 40, seed=0)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    joined = "\n".join(texts)
    for furniture in ("Listen to this article", "Related Articles", "Trending", "Photo"):
        assert furniture in joined, furniture
    assert re.search(r"^Estimated \d+ minutes$", joined, re.M)
    assert "“" in joined and '"' in joined  # curly and straight styles both occur
    assert re.search(r"“[^”]+,” \w+ said\. “", joined)  # split quote
    assert re.search(r"\b(She|He) (also )?\w+", joined)  # pronoun references
    assert re.search(r"\bposted on X\b|\bIn a post on X\b", joined)
    assert re.search(r"\bin a statement\b", joined, re.I)
    assert re.search(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|last week)\b", joined)
    sizes = [len(t.encode("utf-8")) for t in texts]
    assert 2800 <= sum(sizes) / len(sizes) <= 5500
    for text in texts:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        assert len(lines) >= 9
        for ln in lines:
            assert ln.count("“") == ln.count("”"), ln
            assert ln.count('"') % 2 == 0, ln


def test_sidecars_are_valid_and_match_the_text(tmp_path: Path) -> None:
    for path in generate_corpus(tmp_path, 20, seed=2):
        meta = json.loads(path.with_suffix("").with_suffix(".meta.json").read_text("utf-8"))
        assert set(meta) == {"title", "outlet", "author", "published"}
        date.fromisoformat(meta["published"])
        text = path.read_text(encoding="utf-8")
        straight = meta["title"].replace("’", "'")
        assert meta["title"] in text or straight in text
    bare = tmp_path / "bare"
    generate_corpus(bare, 3, seed=2, sidecars=False)
    assert not list(bare.glob("*.meta.json"))


def test_manifest_ground_truth_is_verbatim(tmp_path: Path) -> None:
    generate_corpus(tmp_path, 20, seed=4)
    manifest = json.loads((tmp_path / ".manifest.json").read_text(encoding="utf-8"))
    assert manifest["n"] == 20 and manifest["seed"] == 4
    kinds, cues = set(), set()
    for art in manifest["articles"]:
        text = (tmp_path / f"{art['doc_id']}.txt").read_text(encoding="utf-8")
        assert 1 <= len(art["quotes"]) <= 6
        for q in art["quotes"]:
            assert q["quote"] in text
            assert q["speaker"] in art["speakers"]
            assert q["speaker"].split()[-1] in text
            kinds.add(q["kind"])
            cues.add(q["cue"])
        for ev in art["events"]:
            assert ev["date_text"] in text
            if ev["date"]:
                assert ev["date"] <= art["published"]
    assert {"direct", "reported", "org"} <= kinds
    assert {"full", "surname", "pronoun", "description"} <= cues


def test_first_mention_names_role_then_surname(tmp_path: Path) -> None:
    art = build_article(0, 11)
    speaker = art["quotes"][0]["speaker"]
    first = art["text"].index(speaker)
    surname = speaker.split()[-1]
    assert re.search(rf"\b{re.escape(surname)}\b", art["text"][first + len(speaker) :])


def test_sample_queries_point_at_their_article(tmp_path: Path) -> None:
    generate_corpus(tmp_path, 20, seed=5)
    pairs = sample_queries(tmp_path, 10)
    assert len(pairs) == 10 and pairs == sample_queries(tmp_path, 10)
    for question, doc_id in pairs:
        assert question.endswith("?") and (tmp_path / f"{doc_id}.txt").exists()


def test_cli_writes_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--n", "3", "--seed", "0", "--out", str(tmp_path / "cli")])
    assert "wrote 3 articles" in capsys.readouterr().out
    assert len(list((tmp_path / "cli").glob("*.txt"))) == 3


# -- helpers ----------------------------------------------------------------------------


def test_percentiles_and_summary() -> None:
    assert common.percentile([1, 2, 3, 4], 50) == 2.5
    assert common.percentile([5.0], 95) == 5.0
    assert common.percentile(list(range(101)), 95) == 95.0
    with pytest.raises(ValueError):
        common.percentile([], 50)
    s = common.latency_summary([0.010, 0.020, 0.030])
    assert s["p50_ms"] == pytest.approx(20.0) and s["max_ms"] == pytest.approx(30.0)
    m = common.median_time(lambda: sum(range(1000)), repeats=3)
    assert len(m["runs_s"]) == 3 and m["median_s"] > 0


def test_rss_size_and_machine(tmp_path: Path) -> None:
    common.reset_peak_rss()
    assert common.peak_rss_mib() > 1 and common.current_rss_mib() > 1
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "f").write_bytes(b"x" * 1234)
    (tmp_path / "g").write_bytes(b"y" * 10)
    assert common.dir_size_bytes(tmp_path) == 1244
    info = common.machine_info()
    assert info["cores_logical"] >= 1 and info["python"].count(".") == 2
    assert info["cpu_model"]


# -- embedder bound and stock pipeline (real embedder, real Chroma) ---------------------


def test_embedder_bound_on_real_embedder() -> None:
    texts = [f"Minister number {i} said the tariffs would hurt exporters." for i in range(3)]
    r = measure_embedder_bound(texts, batch_size=2, repeats=2)
    assert r["texts"] == 3 and r["repeats"] == 2 and len(r["runs_s"]) == 2
    assert r["texts_per_s"] > 0 and r["chars_per_s"] > r["texts_per_s"]
    with pytest.raises(ValueError):
        measure_embedder_bound([])


def _tiny_corpus(folder: Path, n: int = 10) -> list[tuple[str, str]]:
    """``n`` short generated articles (their first lines) and one exact-quote query each."""
    folder.mkdir()
    pairs = []
    for i in range(n):
        art = build_article(9, i)
        lines = [ln for ln in art["text"].splitlines() if ln.strip()]
        keep = "\n".join(lines[:12])[:300]
        facts = [q for q in art["quotes"] if q["quote"] in keep and len(q["quote"]) > 25]
        if not facts:
            keep = keep + "\n" + art["quotes"][0]["quote"] + "."
            facts = art["quotes"][:1]
        (folder / f"{art['doc_id']}.txt").write_text(keep + "\n", encoding="utf-8")
        pairs.append((f"Who said that {facts[0]['quote']}?", art["doc_id"]))
    return pairs


def test_stock_pipeline_end_to_end_offline(tmp_path: Path, _offline: list[Any]) -> None:
    from benchmarks.stock import run_stock, stock_chunks

    pairs = _tiny_corpus(tmp_path / "corpus")
    r = run_stock(
        tmp_path / "corpus",
        [q for q, _ in pairs],
        tmp_path / "work",
        expected=[d for _, d in pairs],
    )
    assert r["articles"] == 10 and r["chunks"] >= 10
    assert r["chunks"] == len(stock_chunks(tmp_path / "corpus"))
    assert r["articles_per_s"] > 0 and r["chunks_per_s"] >= r["articles_per_s"]
    assert r["retrieval"]["n"] == 10 and 0 < r["retrieval"]["p50_ms"] <= r["retrieval"]["p95_ms"]
    assert r["hit_rate"] >= 0.7  # exact-quote questions must find their own article
    assert r["index_bytes"] > 10_000 and r["peak_rss_mib"] > 50
    assert _offline == []  # nothing tried to reach the network
