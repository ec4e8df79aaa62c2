"""`ask` while `index` writes (separate processes): a consistent answer or a clear
"busy" message, never a traceback."""

from __future__ import annotations

import json
import random
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from tests.crashlib import cli, make_corpus, mutate, run_index, start_index, start_reader

#: Answerable before and after the update below (both editions discuss the topic).
QUESTION = "Who said they will not stop asking about rural broadband?"


def _wait_for_commit(index_dir: Path, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
    """Until the writer has created its store (so a reader does not auto-build one)."""
    t0 = time.monotonic()
    while not (index_dir / "chroma" / "chroma.sqlite3").exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() - t0 < timeout
        time.sleep(0.2)


def _wait(cond: Callable[[], bool], proc: subprocess.Popen[bytes], timeout: float = 180) -> None:
    t0 = time.monotonic()
    while not cond():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() - t0 < timeout, "timed out"
        time.sleep(0.2)


def test_ask_during_first_build_says_busy_or_answers(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 20, seed=5, paragraphs=2)
    ix = tmp_path / "index"
    writer = start_index(corpus.root, ix, batch=4)
    try:
        _wait_for_commit(ix, writer)
        outs = []
        while writer.poll() is None and len(outs) < 3:
            outs.append(cli("ask", QUESTION, "--json", "--index-dir", str(ix), index_dir=ix))
    finally:
        _, err = writer.communicate(timeout=600)
    assert writer.returncode == 0, err.decode()
    assert outs, "the index run ended before any ask"
    for p in outs:
        assert "Traceback" not in p.stderr, p.stderr
        if p.returncode == 0:
            data = json.loads(p.stdout)
            assert data["answer"]
        else:
            assert p.returncode == 1
            assert "being written by pid" in p.stderr, p.stderr  # the busy message


def test_reader_loop_during_updates_never_tracebacks(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 20, seed=5, paragraphs=2)
    ix = tmp_path / "index"
    assert run_index(corpus.root, ix, batch=4).returncode == 0
    mutate(corpus, random.Random(1), 1.0, edition=1, seed=5, paragraphs=2)  # every article
    stop, log = tmp_path / "stop", tmp_path / "reader.jsonl"
    reader = start_reader(ix, QUESTION, stop, log)

    def results() -> list[dict[str, object]]:
        return [json.loads(x) for x in log.read_text().splitlines()] if log.exists() else []

    _wait(lambda: len(results()) >= 1, reader)
    writer = start_index(corpus.root, ix, batch=4)
    # a cold CLI reader too
    asks = [cli("ask", QUESTION, "--json", "--index-dir", str(ix), index_dir=ix)]
    _, werr = writer.communicate(timeout=600)
    done = time.time()
    _wait(lambda: sum(1 for r in results() if r["t"] > done) >= 2, reader)
    stop.touch()
    _, err = reader.communicate(timeout=120)
    assert writer.returncode == 0, werr.decode()
    assert reader.returncode == 0, err.decode()
    got = results()
    assert len(got) >= 3, got
    tracebacks = [r["traceback"] for r in got if "traceback" in r]
    assert not tracebacks, tracebacks[0]
    for r in got:
        assert r["ok"] or "being written" in str(r["error"]), r
        assert not r.get("not_verbatim"), r
    after = [r for r in got if float(str(r["t"])) > done]
    assert all(r["ok"] and not r["abstained"] for r in after), after  # sees the new state
    for p in asks:
        assert "Traceback" not in p.stderr, p.stderr
        assert p.returncode == 0 or "being written" in p.stderr, p.stderr
