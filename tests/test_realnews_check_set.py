"""The check set (evals/realnews_check/, PolNeAR train articles nobody fits on) is checked as
the other hand-written real-news sets are (the shared checks of tests/test_realnews_set.py): it
parses as gold, every gold string is in the article it cites (corroborated facts in every cited
article, each multi_doc source supplies a fact), no question copies seven words of an article,
the mix is like the tuning set's, its articles are disjoint from realnews_train's, and the corpus
is the builder's rule-chosen PolNeAR train articles, byte for byte, with their sidecars.
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
from tests.test_realnews_halves import assert_polnear_train_copies
from tests.test_realnews_set import KINDS, assert_gold_strings, assert_no_copy

ROOT = Path(__file__).resolve().parents[1]
SET_DIR = ROOT / "evals" / "realnews_check"
CORPUS = SET_DIR / "corpus"
GOLD = SET_DIR / "check.jsonl"
TRAIN_CORPUS = ROOT / "evals" / "realnews_train" / "corpus"
BUILDER = ROOT / "evals" / "realnews_train" / "build_corpus.py"
POLNEAR = Path("/work/shared/polnear")


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.stem: normalise(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))}


@pytest.fixture(scope="module")
def items() -> list[dict[str, Any]]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_corpus_is_polnear_train_byte_for_byte_with_sidecars() -> None:
    assert_polnear_train_copies(CORPUS, at_least=25)


def test_corpus_shares_no_article_with_realnews_train() -> None:
    assert not {p.name for p in CORPUS.glob("*.txt")} & {p.name for p in TRAIN_CORPUS.glob("*.txt")}


def test_stories_record_covers_the_corpus() -> None:
    record = json.loads((SET_DIR / "stories.json").read_text(encoding="utf-8"))
    stems = {p.stem for p in CORPUS.glob("*.txt")}
    assert set(record["articles"]) == stems
    assert {d for docs in record["stories"].values() for d in docs} == stems
    assert all(docs[0] == seed for seed, docs in record["stories"].items())


@pytest.mark.skipif(not (POLNEAR / "metadata.tsv").is_file(), reason="needs the shared PolNeAR copy")
def test_builder_rule_reproduces_the_corpus(tmp_path: Path) -> None:
    args = ["--skip", "150", "--seeds", "20", "--exclude-corpus", str(TRAIN_CORPUS), "--one-set"]
    out = subprocess.run(
        [sys.executable, str(BUILDER), "--polnear", str(POLNEAR), "--out", str(tmp_path), *args],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "all:" in out.stdout
    assert not (tmp_path / "split.json").exists()
    assert (tmp_path / "stories.json").read_bytes() == (SET_DIR / "stories.json").read_bytes()
    built = sorted(p.name for p in (tmp_path / "corpus").iterdir())
    assert built == sorted(p.name for p in CORPUS.iterdir())
    for name in built:
        assert (tmp_path / "corpus" / name).read_bytes() == (CORPUS / name).read_bytes(), name


def test_builder_rejects_a_missing_exclude_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    out = subprocess.run(
        [sys.executable, str(BUILDER), "--out", str(tmp_path), "--exclude-corpus", str(missing)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert out.returncode == 1
    assert str(missing) in out.stderr and "not a folder" in out.stderr


def test_set_parses_as_gold() -> None:
    gold = load_gold(GOLD)
    assert gold
    assert {g.kind for g in gold} <= KINDS


def test_ids_are_numbered_and_unique(items: list[dict[str, Any]]) -> None:
    ids = [str(it["id"]) for it in items]
    assert all(re.fullmatch(r"rc-\d{3}", i) for i in ids), ids
    assert len(set(ids)) == len(ids)


def test_gold_strings_occur_in_cited_articles(items: list[dict[str, Any]], texts: dict[str, str]) -> None:
    for it in items:
        assert_gold_strings(it, texts)


def test_questions_do_not_copy_seven_words(items: list[dict[str, Any]], texts: dict[str, str]) -> None:
    assert_no_copy(items, texts)


def test_mix_is_like_the_tuning_set(items: list[dict[str, Any]]) -> None:
    kinds = Counter(str(it["kind"]) for it in items)
    assert len(items) >= 90
    assert set(kinds) == KINDS
    assert 0.15 <= kinds["unanswerable"] / len(items) <= 0.3
    assert kinds["multi_doc"] >= 4 and kinds["corroborated"] >= 3
    assert len({s for it in items for s in it["sources"]}) >= 20
