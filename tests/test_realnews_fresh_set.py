"""The fresh hand-written set (evals/realnews_fresh/, PolNeAR train articles nobody had used) is
checked as the other hand-written real-news sets are (the shared checks of
tests/test_realnews_set.py): both halves parse as gold, every cited article is in the corpus and
in the question's own half, every gold string is in the article it cites (corroborated facts in
every cited article, each multi_doc source supplies a fact), no question copies seven words of an
article, the mix is like the tuning set's, no article is shared with an earlier real-news corpus,
and the corpus and ``split.json`` are the builder's rule-chosen articles, byte for byte.
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
from tests.test_realnews_train_set import assert_polnear_train_copies

ROOT = Path(__file__).resolve().parents[1]
EVALS = ROOT / "evals"
SET_DIR = EVALS / "realnews_fresh"
CORPUS = SET_DIR / "corpus"
EARLIER = [
    EVALS / "realnews" / "corpus",
    EVALS / "realnews_train" / "corpus",
    EVALS / "realnews_check" / "corpus",
]
BUILDER = EVALS / "realnews_train" / "build_corpus.py"
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
    lines = (SET_DIR / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_corpus_is_polnear_train_byte_for_byte_with_sidecars() -> None:
    assert_polnear_train_copies(CORPUS, at_least=24)


@pytest.mark.parametrize("earlier", EARLIER, ids=lambda p: p.parent.name)
def test_corpus_shares_no_article_with_an_earlier_real_news_corpus(earlier: Path) -> None:
    assert {p.name for p in earlier.glob("*.txt")}
    assert not {p.name for p in CORPUS.glob("*.txt")} & {p.name for p in earlier.glob("*.txt")}


def test_split_halves_are_disjoint_and_hold_whole_stories(split: dict[str, Any]) -> None:
    a, b = set(split["a"]), set(split["b"])
    assert not a & b
    assert a | b == {p.stem for p in CORPUS.glob("*.txt")}
    for seed, docs in split["stories"].items():
        assert docs[0] == seed
        assert set(docs) <= a or set(docs) <= b, f"story {seed} straddles the halves"


@pytest.mark.skipif(not (POLNEAR / "metadata.tsv").is_file(), reason="needs the shared PolNeAR copy")
def test_builder_rule_reproduces_the_corpus_and_split(tmp_path: Path) -> None:
    args = ["--skip", "170", "--seeds", "20"]
    for earlier in EARLIER[1:]:
        args += ["--exclude-corpus", str(earlier)]
    out = subprocess.run(
        [sys.executable, str(BUILDER), "--polnear", str(POLNEAR), "--out", str(tmp_path), *args],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "a:" in out.stdout and "b:" in out.stdout
    assert (tmp_path / "split.json").read_bytes() == (SET_DIR / "split.json").read_bytes()
    built = sorted(p.name for p in (tmp_path / "corpus").iterdir())
    assert built == sorted(p.name for p in CORPUS.iterdir())
    for name in built:
        assert (tmp_path / "corpus" / name).read_bytes() == (CORPUS / name).read_bytes(), name


@pytest.mark.parametrize("name", sorted(HALVES))
def test_half_parses_as_gold(name: str) -> None:
    gold = load_gold(SET_DIR / name)
    assert len(gold) == len(_items(name))
    assert {g.kind for g in gold} <= KINDS


@pytest.mark.parametrize("name", sorted(HALVES))
def test_ids_name_their_half(name: str) -> None:
    ids = [str(it["id"]) for it in _items(name)]
    assert all(re.fullmatch(rf"rf-{HALVES[name]}-\d{{3}}", i) for i in ids), ids
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("name", sorted(HALVES))
def test_sources_are_corpus_articles_of_their_half(
    name: str, split: dict[str, Any], texts: dict[str, str]
) -> None:
    half = set(split[HALVES[name]])
    for it in _items(name):
        for src in it["sources"]:
            assert src in texts, f"{it['id']}: {src} is not in the corpus"
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
    assert len(items) >= 140
    assert set(kinds) == KINDS
    assert 0.15 <= kinds["unanswerable"] / len(items) <= 0.3
    assert kinds["multi_doc"] >= 8 and kinds["corroborated"] >= 4
    assert len({s for it in items for s in it["sources"]}) >= 24
    for name in HALVES:
        assert {str(it["kind"]) for it in _items(name)} == KINDS, name
