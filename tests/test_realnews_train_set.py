"""The second hand-written real-news set (evals/realnews_train/, PolNeAR train articles) is
checked as the first one is (tests/test_realnews_set.py): it parses as gold, its halves are
disjoint by article and by story, every gold string is in the article it cites (corroborated
facts in every cited article), no question copies seven words of an article, and the corpus is
the builder's rule-chosen PolNeAR train articles, byte for byte, with their sidecars.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from assistant.evaluation.harness import load_gold
from assistant.nlp.text import normalise
from tests.test_realnews_set import KINDS, assert_gold_strings, assert_no_copy

ROOT = Path(__file__).resolve().parents[1]
SET_DIR = ROOT / "evals" / "realnews_train"
CORPUS = SET_DIR / "corpus"
POLNEAR = Path("/work/shared/polnear")
HALVES = {"a.jsonl": "a", "b.jsonl": "b"}


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.stem: normalise(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))}


@pytest.fixture(scope="module")
def split() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SET_DIR / "split.json").read_text(encoding="utf-8"))
    return data


def _items(name: str) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in (SET_DIR / name).read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def test_corpus_is_polnear_train_byte_for_byte_with_sidecars() -> None:
    assert_polnear_train_copies(CORPUS, at_least=30)


def assert_polnear_train_copies(corpus: Path, at_least: int) -> None:
    """``corpus`` holds at least ``at_least`` PolNeAR train articles, byte for byte the shared
    copy's where it is present, each with a sidecar naming title, outlet and publication day."""
    articles = sorted(corpus.glob("*.txt"))
    assert len(articles) >= at_least
    for art in articles:
        meta = json.loads(art.with_name(art.stem + ".meta.json").read_text(encoding="utf-8"))
        assert {"title", "outlet", "published"} <= set(meta), art.name
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["published"]), art.name
        original = POLNEAR / "train" / "text" / art.name
        if original.exists():  # the shared copy is the source; the repo copy must match it byte for byte
            assert art.read_bytes() == original.read_bytes(), art.name


@pytest.mark.skipif(not (POLNEAR / "metadata.tsv").is_file(), reason="needs the shared PolNeAR copy")
def test_builder_rule_reproduces_the_corpus_and_split(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(SET_DIR / "build_corpus.py"), "--polnear", str(POLNEAR), "--out", str(tmp_path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "a:" in out.stdout
    assert (tmp_path / "split.json").read_text(encoding="utf-8") == (SET_DIR / "split.json").read_text(
        encoding="utf-8"
    )
    built = sorted(p.name for p in (tmp_path / "corpus").iterdir())
    assert built == sorted(p.name for p in CORPUS.iterdir())
    for name in built:
        assert (tmp_path / "corpus" / name).read_bytes() == (CORPUS / name).read_bytes(), name


def test_split_halves_are_disjoint_and_hold_whole_stories(split: dict[str, Any]) -> None:
    a, b = set(split["a"]), set(split["b"])
    assert not a & b
    assert a | b == {p.stem for p in CORPUS.glob("*.txt")}
    for seed, docs in split["stories"].items():
        assert docs[0] == seed
        assert set(docs) <= a or set(docs) <= b, f"story {seed} straddles the halves"


@pytest.mark.parametrize("name", sorted(HALVES))
def test_half_parses_as_gold(name: str) -> None:
    gold = load_gold(SET_DIR / name)
    assert gold
    assert {g.kind for g in gold} <= KINDS


@pytest.mark.parametrize("name", sorted(HALVES))
def test_ids_name_their_half(name: str) -> None:
    ids = [str(it["id"]) for it in _items(name)]
    assert all(re.fullmatch(rf"rt-{HALVES[name]}-\d{{3}}", i) for i in ids), ids
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("name", sorted(HALVES))
def test_sources_stay_in_their_half(name: str, split: dict[str, Any]) -> None:
    half = set(split[HALVES[name]])
    for it in _items(name):
        for src in it["sources"]:
            assert src in half, f"{it['id']}: {src} is not a half-{HALVES[name]} article"


@pytest.mark.parametrize("name", sorted(HALVES))
def test_gold_strings_occur_in_cited_articles(name: str, texts: dict[str, str]) -> None:
    for it in _items(name):
        assert_gold_strings(it, texts)


@pytest.mark.parametrize("name", sorted(HALVES))
def test_questions_do_not_copy_seven_words(name: str, texts: dict[str, str]) -> None:
    assert_no_copy(_items(name), texts)


def test_mix_is_like_the_tuning_set() -> None:
    items = [it for name in HALVES for it in _items(name)]
    kinds = Counter(str(it["kind"]) for it in items)
    assert len(items) >= 100
    assert set(kinds) == KINDS
    assert 0.15 <= kinds["unanswerable"] / len(items) <= 0.3
    assert kinds["multi_doc"] >= 5 and kinds["corroborated"] >= 5
    assert all(_items(name) for name in HALVES)


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
