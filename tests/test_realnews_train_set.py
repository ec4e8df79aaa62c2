"""The hand-written near misses on realnews_train's half a (evals/realnews_train/nearmiss_a.jsonl):
they load as gold with their own ids, name the form of their probe, mix near misses with
answerable twins, cite only half-a articles, hold their gold strings in the articles they cite and
copy no seven words of an article. The two halves themselves are checked with realnews_fresh's in
tests/test_realnews_halves.py.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from assistant.evaluation.harness import load_gold
from assistant.nlp.text import normalise
from tests.test_realnews_set import KINDS, assert_gold_strings, assert_no_copy

SET_DIR = Path(__file__).resolve().parents[1] / "evals" / "realnews_train"
CORPUS = SET_DIR / "corpus"


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.stem: normalise(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))}


@pytest.fixture(scope="module")
def split() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SET_DIR / "split.json").read_text(encoding="utf-8"))
    return data


def _items(name: str) -> list[dict[str, Any]]:
    lines = (SET_DIR / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


NEARMISS = "nearmiss_a.jsonl"
NEARMISS_FORMS = set("figure date name qualifier unaddressed group reason outcome offtopic".split())


def test_nearmiss_set_parses_as_gold_with_its_own_ids() -> None:
    """The hand-written near misses (evals/realnews_train/nearmiss_a.jsonl) load as gold, their
    ids are ``nm-ra-NNN`` and unique, and every question names the form of its probe."""
    gold = load_gold(SET_DIR / NEARMISS)
    items = _items(NEARMISS)
    assert len(gold) == len(items)
    assert {g.kind for g in gold} <= KINDS
    ids = [str(it["id"]) for it in items]
    assert all(re.fullmatch(r"nm-ra-\d{3}", i) for i in ids), ids
    assert len(set(ids)) == len(ids)
    assert all(it["form"] in NEARMISS_FORMS for it in items)


def test_nearmiss_set_mixes_near_misses_and_answerable_twins() -> None:
    items = _items(NEARMISS)
    unanswerable = [it for it in items if not it["answerable"]]
    answerable = [it for it in items if it["answerable"]]
    assert len(unanswerable) >= 70 and len(answerable) >= 40
    assert {str(it["kind"]) for it in answerable} == {"who_said", "what_said", "when"}
    forms = Counter(str(it["form"]) for it in unanswerable)
    assert set(forms) == NEARMISS_FORMS
    assert max(forms.values()) <= 0.25 * len(unanswerable), forms  # the forms vary, none dominates


def test_nearmiss_set_cites_only_half_a(split: dict[str, Any]) -> None:
    half_a = set(split["a"])
    for it in _items(NEARMISS):
        for src in it["sources"]:
            assert src in half_a, f"{it['id']}: {src} is not a half-a article"


def test_nearmiss_gold_strings_occur_in_cited_articles(texts: dict[str, str]) -> None:
    for it in _items(NEARMISS):
        assert_gold_strings(it, texts)


def test_nearmiss_questions_do_not_copy_seven_words(texts: dict[str, str]) -> None:
    assert_no_copy(_items(NEARMISS), texts)
