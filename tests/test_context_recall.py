"""``evals/context_recall.py`` on invented articles indexed on disk (real Chroma, real e5):
a fact in the gold source's passages counts for ``src`` and ``sent``, a fact only another
article gives counts for ``fact`` alone, a fact no article gives for nothing; ``run`` over
the index and ``score`` over an ``abstain_cv.py cache`` file agree. Each tool runs as a
subprocess, as it is run by hand."""

from __future__ import annotations

import json
import re
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
        "calling the old pier a rotten relic.\n\n"
        "The ferry company plans two extra crossings a day, a spokesman said.\n"
    ),
    "valley_post": (
        "Valley Post\n\n"
        "Councillor Ben Orr said the ferry pier had cost twice its budget and called the "
        "delay an insult to taxpayers.\n\n"
        "The valley library reopens next week after a flood, its director said.\n"
    ),
}
GOLD = [
    # one fact in the source (Harbour News), one only in another article, one in no article
    {
        "id": "c-1",
        "question": "What did Ada Quill say about the ferry pier?",
        "answerable": True,
        "facts": [["rotten relic"], ["insult to taxpayers"], ["golden gate"]],
        "sources": ["harbour_news"],
        "kind": "what_said",
    },
    {
        "id": "c-2",
        "question": "When does the valley library reopen?",
        "answerable": True,
        "facts": [["next week"]],
        "sources": ["valley_post"],
        "kind": "when",
    },
    {"id": "c-3", "question": "Who painted the lighthouse?", "answerable": False, "kind": "unanswerable"},
]


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    corpus, index_dir = index_plain(tmp_path_factory, ARTICLES)
    gold = corpus.parent / "invented.jsonl"
    rows = [
        g | {"answer": "", "speaker": None, "date": None, "date_text": None} | {"facts": g.get("facts", [])}
        for g in GOLD
    ]
    gold.write_text("".join(json.dumps(r | {"sources": r.get("sources", [])}) + "\n" for r in rows))
    return gold, index_dir


def _run(*args: str) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _line(out: str, label: str) -> dict[str, float]:
    m = re.search(rf"{label}\s+n=\s*(\d+) (.*)", out)
    assert m, out
    vals = dict(kv.split("=") for kv in m.group(2).split())
    return {"n": float(m.group(1))} | {k: float(v) for k, v in vals.items()}


def test_context_recall_over_an_index_and_over_a_cache(setup: tuple[Path, Path], tmp_path: Path) -> None:
    gold, index_dir = setup
    out = _run("evals/context_recall.py", "run", str(gold), "--index-dir", str(index_dir))
    said, when, every = _line(out, "what_said"), _line(out, "when"), _line(out, "all      ")
    # both articles are in a two-article context: "insult" counts anywhere, not in the source
    assert said == {"n": 1, "fact": 0.667, "src": 0.333, "sent": 0.333, "all": 0.0, "doc": 1.0}
    assert when == {"n": 1, "fact": 1.0, "src": 1.0, "sent": 1.0, "all": 1.0, "doc": 1.0}
    assert every["n"] == 2  # the unanswerable question is not measured
    cache = tmp_path / "invented.pkl"
    _run("evals/abstain_cv.py", "cache", str(gold), "--index-dir", str(index_dir), "--out", str(cache))
    assert _run("evals/context_recall.py", "score", str(cache)) == out


def test_explain_names_the_stage_of_a_missing_fact(setup: tuple[Path, Path]) -> None:
    gold, index_dir = setup
    out = _run("evals/context_recall.py", "explain", str(gold), "--index-dir", str(index_dir))
    # "insult to taxpayers" is in no chunk of the source; "golden gate" in none at all
    assert "missing ['insult to taxpayers']: chunk" in out
    assert "missing ['golden gate']: chunk" in out
    assert "stages: {'chunk': 2}" in out


def test_the_held_out_half_is_refused() -> None:
    done = subprocess.run(
        [sys.executable, "evals/context_recall.py", "score", "heldout.pkl"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "held-out" in done.stderr
