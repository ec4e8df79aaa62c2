"""``evals/multidoc_place.py`` on invented articles indexed on disk (real Chroma, real e5):
a missed fact whose source article the search ranked past the kept share is placed as cut
(its article not in the context), a fact no source gives as such, a question of one part and
one article is not counted, and the tool refuses to list a check cache or read the held-out
half. Each tool runs as a subprocess, as it is run by hand, with ``ASSISTANT_K=1`` so that a
three-article index has a cut."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import index_plain

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = {
    "harbour_news": (
        "Harbour News\n\n"
        "Harbourmaster Ada Quill said on Monday that the new ferry pier would open in April, "
        "calling the old pier a rotten relic.\n"
    ),
    "valley_post": (
        "Valley Post\n\n"
        "Councillor Ben Orr said the ferry pier had cost twice its budget and called the "
        "delay an insult to taxpayers.\n"
    ),
    "hill_gazette": (
        "Hill Gazette\n\n"
        "Organisers said the town's lantern parade moves to the waterfront this summer, "
        "with music on the pier.\n"
    ),
}
ROW = {"answer": "", "speaker": None, "date": None, "date_text": None}
GOLD = [
    # one search, one passage kept: the parade's article is ranked below the harbour's
    {
        "id": "m-1",
        "question": "When will the new ferry pier open?",
        "answerable": True,
        "facts": [["April"], ["lantern parade"]],
        "sources": ["harbour_news", "hill_gazette"],
        "kind": "multi_doc",
    },
    # a fact no article gives
    {
        "id": "m-2",
        "question": "What did Ben Orr say the ferry pier cost?",
        "answerable": True,
        "facts": [["twice its budget"], ["golden gate"]],
        "sources": ["valley_post"],
        "kind": "corroborated",
    },
    # one part, one article: not a multi-article question
    {
        "id": "m-3",
        "question": "What did Ada Quill call the old pier?",
        "answerable": True,
        "facts": [["rotten relic"]],
        "sources": ["harbour_news"],
        "kind": "what_said",
    },
]


def _env() -> dict[str, str]:
    return os.environ | {"ASSISTANT_K": "1"}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False, env=_env()
    )


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    corpus, index_dir = index_plain(tmp_path_factory, ARTICLES)
    gold = corpus.parent / "invented.jsonl"
    gold.write_text("".join(json.dumps(ROW | g) + "\n" for g in GOLD))
    out = corpus.parent / "invented.pkl"
    done = _run("evals/abstain_cv.py", "cache", str(gold), "--index-dir", str(index_dir), "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out, index_dir


def test_a_missed_fact_is_placed_by_where_retrieval_left_it(cache: tuple[Path, Path]) -> None:
    path, index_dir = cache
    done = _run("evals/multidoc_place.py", f"{path}={index_dir}", "--list")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    # two multi-article questions; the parade's article has no passage in m-1's context
    assert re.search(r"invented\s+2 / 1", out), out
    parade = next(line for line in out.splitlines() if "m-1" in line and "lantern parade" in line)
    assert "no passage holds it (article not in the context): cut" in parade
    assert "hill_gazette@" in parade and re.search(r"fused#[2-9]/1 ", parade), parade  # past k = 1
    gate = next(line for line in out.splitlines() if "m-2" in line and "golden gate" in line)
    assert gate.endswith("no source holds it")
    assert "m-3" not in out


def test_a_check_cache_gives_counts_only(cache: tuple[Path, Path], tmp_path: Path) -> None:
    path, index_dir = cache
    check = tmp_path / "rt_b.pkl"
    shutil.copy(path, check)
    listed = _run("evals/multidoc_place.py", f"{check}={index_dir}", "--list")
    assert listed.returncode != 0 and "counts only" in listed.stderr
    counted = _run("evals/multidoc_place.py", f"{check}={index_dir}")
    assert counted.returncode == 0, counted.stderr
    assert "m-1" not in counted.stdout and "lantern" not in counted.stdout
    assert re.search(r"rt_b\s+2 / 1", counted.stdout), counted.stdout
    held = _run("evals/multidoc_place.py", f"{tmp_path / 'heldout.pkl'}={index_dir}")
    assert held.returncode != 0 and "held-out" in held.stderr
