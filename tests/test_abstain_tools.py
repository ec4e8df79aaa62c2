"""The abstention measuring tools on invented text: ``abstain_cv.py score --dump`` writes
each answer, ``abstain_compare.py`` counts what changed between two versions by the reason
given, ``abstain_model.py`` fits an answer-level model and scores a check cache. Each runs
as a subprocess, as it is run by hand."""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from assistant.evaluation.harness import GoldItem
from tests.contexts import context

ROOT = Path(__file__).resolve().parent.parent
DOC = "millbrook_gazette"
TEXT = (
    "Millbrook Gazette\n\n"
    "Mayor Jane Roe said on Monday that the town would repair the old river bridge before "
    "the winter storms, calling the work long overdue.\n\n"
    "The council will vote on the school budget next month, the town clerk said.\n"
)
QUESTIONS = [
    ("q-1", "What did Jane Roe say about the old river bridge?", True, [["repair"]], [DOC], "what_said"),
    ("q-2", "How many lanes will the repaired river bridge have?", False, [], [], "unanswerable"),
    ("q-3", 'Who said "the ferry will run every hour from the harbour"?', False, [], [], "unanswerable"),
    ("q-4", "When will the council vote on the school budget?", True, [["next month"]], [DOC], "when"),
    ("q-5", "What did Jane Roe say about the ferry timetable for the bridge?", False, [], [], "unanswerable"),
]


def _cache(tmp_path: Path) -> Path:
    rows = []
    for qid, q, answerable, facts, sources, kind in QUESTIONS:
        gold = GoldItem(id=qid, question=q, answerable=answerable, facts=facts, sources=sources, kind=kind)
        needle = "school budget" if "budget" in q else "river bridge"
        ctx, texts = context(q, [(DOC, TEXT, needle)])
        rows.append((gold.model_dump(mode="json"), ctx, texts))
    path = tmp_path / "invented.pkl"
    path.write_bytes(pickle.dumps(rows))
    return path


def _run(*args: str) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_dump_then_compare_counts_by_reason(tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    out = _run("evals/abstain_cv.py", "score", str(cache), "--dump", str(tmp_path / "before"))
    assert re.search(r"invented\s+all\s+n=  5", out), out
    records = [json.loads(x) for x in (tmp_path / "before" / "invented.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == ["q-1", "q-2", "q-3", "q-4", "q-5"]
    assert {r["fold"] for r in records} <= {"A", "B"}
    by_id = {r["id"]: r for r in records}
    assert not by_id["q-1"]["abstained"] and "repair the old river bridge" in by_id["q-1"]["text"]
    assert by_id["q-3"]["abstained"] and "do not hold the words quoted" in by_id["q-3"]["text"]
    assert by_id["q-2"]["abstained"] and "the count asked for" in by_id["q-2"]["text"]
    assert not by_id["q-4"]["abstained"] and not by_id["q-5"]["abstained"]  # q-5: a near miss answered

    # an "after" version that abstains on the near miss q-5 and on the answerable q-4
    after = tmp_path / "after"
    after.mkdir()
    why = "The articles do not say enough to answer this: the articles do not speak of Millbrook Harbour."
    changed = [r | {"abstained": True, "text": why} if r["id"] in ("q-4", "q-5") else r for r in records]
    (after / "invented.jsonl").write_text("".join(json.dumps(r) + "\n" for r in changed))
    out = _run("evals/abstain_compare.py", str(tmp_path / "before"), str(after))
    assert "all: unans 2->3/3 false 0->1/2" in out, out
    assert "gained: the articles do not speak of <name> x1" in out, out
    assert "cost: the articles do not speak of <name> x1" in out, out


def test_the_answer_level_model_fits_and_scores_a_check_cache(tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    check = tmp_path / "check" / cache.name
    check.parent.mkdir()
    check.write_bytes(cache.read_bytes())
    out = _run("evals/abstain_model.py", "--fit", str(cache), "--check", str(check), "--max-false", "0.5")
    assert re.search(r"'p_top': -?\d", out) and re.search(r"threshold \d\.\d{3}", out), out
    lines = [x for x in out.splitlines() if x.startswith("invented")]
    assert len(lines) == 2 and "[fit]" in lines[0] and "[check]" in lines[1], out
    for line in lines:
        m = re.search(r"abstain (\d+)->(\d+)/3  false (\d+)->(\d+)/2", line)
        assert m is not None, line
        assert int(m.group(2)) >= int(m.group(1)) and int(m.group(4)) >= int(m.group(3))


def test_an_old_cache_reads_bylines_from_its_index(tmp_path: Path, tmp_path_factory: Any) -> None:
    """A cache pickled before evidence carried the article's byline scores with none (and
    says so); ``bylines`` fills each passage's author in from the index it was built on."""
    from tests.conftest import index_articles

    a = index_articles(
        tmp_path_factory, [(DOC, TEXT, "Millbrook Gazette", "2026-03-02")], {DOC: "Nora Vance"}
    )
    q = "What did Jane Roe say about the old river bridge?"
    gold = GoldItem(
        id="q-1", question=q, answerable=True, facts=[["repair"]], sources=[DOC], kind="what_said"
    )
    ctx, texts = context(q, [(DOC, TEXT, "river bridge")])
    for ev in [*ctx.evidence, *ctx.following.values()]:
        del ev.__dict__["author"]  # as pickled before Evidence had the field
    old = tmp_path / "old.pkl"
    old.write_bytes(pickle.dumps([(gold.model_dump(mode="json"), ctx, texts)]))
    done = subprocess.run(
        [sys.executable, "evals/abstain_cv.py", "score", str(old)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "run `bylines` on it" in done.stderr, done.stderr
    new = tmp_path / "new.pkl"
    out = _run("evals/abstain_cv.py", "bylines", str(old), "--index-dir", str(a.index_dir), "--out", str(new))
    assert "1 of 1 articles with a byline" in out, out
    rows = pickle.loads(new.read_bytes())
    assert [ev.author for ev in rows[0][1].evidence] == ["Nora Vance"]
