"""The generated near-miss development sets (evals/realnews/build_nearmiss.py): they parse
as gold, never touch the held-out half, and are what they claim to be by construction."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from assistant.evaluation.harness import load_gold
from assistant.nlp.text import normalise

REALNEWS = Path(__file__).resolve().parents[1] / "evals" / "realnews"
CORPUS = REALNEWS / "corpus"
_QUOTED = re.compile(r'^Who said "(.+)"\?$')


def _items(name: str) -> list[dict[str, Any]]:
    lines = (REALNEWS / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.stem: normalise(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))}


@pytest.mark.parametrize("name", ["nearmiss_unanswerable.jsonl", "nearmiss_answerable.jsonl"])
def test_set_parses_as_gold_with_unique_ids(name: str) -> None:
    items = load_gold(REALNEWS / name)
    assert len(items) > 100
    assert len({it.id for it in items}) == len(items)


def test_unanswerable_questions_are_about_what_the_corpus_lacks(texts: dict[str, str]) -> None:
    whole = " ".join(texts.values())
    items = _items("nearmiss_unanswerable.jsonl")
    assert all(not it["answerable"] and not it["sources"] and not it["facts"] for it in items)
    quoted = [m.group(1) for it in items if (m := _QUOTED.match(it["question"]))]
    assert quoted and all(normalise(q) not in whole for q in quoted)


def test_answerable_twins_come_from_the_tuning_half_and_hold_their_words(texts: dict[str, str]) -> None:
    split = json.loads((REALNEWS / "split.json").read_text(encoding="utf-8"))
    tune = set(split["tune"])
    for it in _items("nearmiss_answerable.jsonl"):
        assert it["answerable"] and it["sources"] and set(it["sources"]) <= tune, it["id"]
        m = _QUOTED.match(it["question"])
        if m:
            assert normalise(m.group(1)) in texts[it["sources"][0]], it["id"]
        assert normalise(it["facts"][0][0]) in texts[it["sources"][0]], it["id"]
