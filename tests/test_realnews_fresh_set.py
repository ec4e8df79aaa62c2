"""The fresh hand-written set (evals/realnews_fresh/, PolNeAR train articles nobody had used)
shares no article with an earlier real-news corpus; its halves, questions and corpus are checked
with realnews_train's in tests/test_realnews_halves.py. Its hand-written near misses
(``nearmiss_a.jsonl`` on half a, ``nearmiss_b.jsonl`` on half b) load as gold with ids naming
their half, name the form of their probe, mix near misses with answerable twins, cite only their
own half's articles, hold their gold strings in the articles they cite and copy no seven words
of an article.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from assistant.evaluation.harness import load_gold
from assistant.nlp.text import normalise
from tests.test_realnews_set import KINDS, assert_gold_strings, assert_no_copy

EVALS = Path(__file__).resolve().parents[1] / "evals"
SET_DIR = EVALS / "realnews_fresh"
CORPUS = SET_DIR / "corpus"
EARLIER = [
    EVALS / "realnews" / "corpus",
    EVALS / "realnews_train" / "corpus",
    EVALS / "realnews_check" / "corpus",
]
HALVES = ["a", "b"]
NEARMISS_FORMS = set("figure date name qualifier unaddressed group reason outcome offtopic".split())


@pytest.mark.parametrize("earlier", EARLIER, ids=lambda p: p.parent.name)
def test_corpus_shares_no_article_with_an_earlier_real_news_corpus(earlier: Path) -> None:
    assert {p.name for p in earlier.glob("*.txt")}
    assert not {p.name for p in CORPUS.glob("*.txt")} & {p.name for p in earlier.glob("*.txt")}


@cache
def _texts() -> dict[str, str]:
    return {p.stem: normalise(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))}


def _nearmiss(half: str) -> Path:
    return SET_DIR / f"nearmiss_{half}.jsonl"


def _items(half: str) -> list[dict[str, Any]]:
    lines = _nearmiss(half).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("half", HALVES)
def test_nearmiss_set_parses_as_gold_with_its_own_ids(half: str) -> None:
    gold = load_gold(_nearmiss(half))
    items = _items(half)
    assert len(gold) == len(items)
    assert {g.kind for g in gold} <= KINDS
    ids = [str(it["id"]) for it in items]
    assert all(re.fullmatch(rf"nm-f{half}-\d{{3}}", i) for i in ids), ids
    assert len(set(ids)) == len(ids)
    assert all(it["form"] in NEARMISS_FORMS for it in items)


@pytest.mark.parametrize("half", HALVES)
def test_nearmiss_set_mixes_near_misses_and_answerable_twins(half: str) -> None:
    items = _items(half)
    unanswerable = [it for it in items if not it["answerable"]]
    answerable = [it for it in items if it["answerable"]]
    assert len(unanswerable) >= 35 and len(answerable) >= 20
    assert {str(it["kind"]) for it in answerable} == {"who_said", "what_said", "when"}
    forms = Counter(str(it["form"]) for it in unanswerable)
    assert set(forms) == NEARMISS_FORMS
    assert max(forms.values()) <= 0.25 * len(unanswerable), forms  # the forms vary, none dominates


@pytest.mark.parametrize("half", HALVES)
def test_nearmiss_set_cites_only_its_own_half(half: str) -> None:
    split: dict[str, Any] = json.loads((SET_DIR / "split.json").read_text(encoding="utf-8"))
    own = set(split[half])
    cited = {src for it in _items(half) for src in it["sources"]}
    assert cited, half
    assert cited <= own, f"half {half} cites {sorted(cited - own)}"


@pytest.mark.parametrize("half", HALVES)
def test_nearmiss_gold_strings_occur_in_cited_articles(half: str) -> None:
    for it in _items(half):
        assert_gold_strings(it, _texts())


@pytest.mark.parametrize("half", HALVES)
def test_nearmiss_questions_do_not_copy_seven_words(half: str) -> None:
    assert_no_copy(_items(half), _texts())
