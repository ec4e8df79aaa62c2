"""One :class:`Assistant` called from many threads (real index on disk, real engines):
lazy engine loading, asks, ledger reads and an index run interleave safely."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from assistant.errors import BusyError
from assistant.service import Assistant
from assistant.settings import Settings
from tests.conftest import CORPUS

QUESTIONS = [
    "Who called Canada's trade deal with China a red flag?",
    "What did the premier say about the tariffs?",
    "Who said the deal was a step forward?",
    "When was the agreement announced?",
]


def _key(a: Assistant, q: str) -> tuple[str, list[tuple[str, int, int]]]:
    ans = a.ask(q)
    return ans.answer, [(c.doc_id, c.start, c.end) for c in ans.citations]


def test_concurrent_asks_from_cold_match_sequential(index_copy: Path) -> None:
    expected = {q: _key(Assistant(index_dir=index_copy), q) for q in QUESTIONS}
    cold = Assistant(index_dir=index_copy)  # nothing loaded: the threads race the lazy init
    work = QUESTIONS * 3
    with ThreadPoolExecutor(max_workers=6) as pool:
        got = list(pool.map(lambda q: (q, _key(cold, q)), work))
    assert len(got) == len(work)
    for q, key in got:
        assert key == expected[q]


def test_index_run_while_threads_read(index_copy: Path) -> None:
    a = Assistant(index_dir=index_copy)
    counts: list[int] = []
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for _ in range(3):
                counts.append(len(a.speakers()))
                assert a.ask(QUESTIONS[0]).citations
        except BaseException as exc:  # handed to the main thread's assertion
            errors.append(exc)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for t in readers:
        t.start()
    report = a.index([CORPUS])  # the write path, under the same lock
    for t in readers:
        t.join()
    assert not errors, errors
    assert len(report.unchanged) == 5
    assert counts and len(set(counts)) == 1


def test_a_call_waiting_past_queue_timeout_is_busy(index_copy: Path) -> None:
    a = Assistant(index_dir=index_copy, settings=Settings(queue_timeout=0.05))
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with a.hold():
            held.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    held.wait(10)
    try:
        with pytest.raises(BusyError, match="busy"):
            a.status()
    finally:
        release.set()
        t.join()
    assert a.status().articles == 5
