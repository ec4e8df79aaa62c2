"""The real-news eval sets (evals/realnews/): they parse, the halves are disjoint by article,
and every gold string is in the article it cites.

Checks, per question: it loads as an EVAL_SPEC gold record; its sources are articles of the
corpus and all belong to the half its file is named after; every fact group has an alternative
in a cited article (for ``corroborated``: in *every* cited article, since the point is that each
outlet carries it; for ``multi_doc``: every cited article supplies at least one fact); the speaker
(full name or surname) and ``date_text`` occur in a cited article; unanswerable questions carry no
facts, speaker or sources; and no hand-written question copies seven or more consecutive words of
any article.
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

ROOT = Path(__file__).resolve().parents[1]
REALNEWS = ROOT / "evals" / "realnews"
CORPUS = REALNEWS / "corpus"
POLNEAR = Path("/work/shared/polnear")
HANDWRITTEN = {"tune.jsonl": "tune", "heldout.jsonl": "heldout"}
AUTO = {"whosaid_auto_tune.jsonl": "tune", "whosaid_auto_heldout.jsonl": "heldout"}
SETS = {**HANDWRITTEN, **AUTO}
KINDS = {"who_said", "what_said", "when", "multi_doc", "corroborated", "unanswerable"}
_SUFFIX = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.stem: normalise(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))}


@pytest.fixture(scope="module")
def split() -> dict[str, str]:
    data = json.loads((REALNEWS / "split.json").read_text(encoding="utf-8"))
    return {doc: half for half, docs in data.items() for doc in docs}


def _items(name: str) -> list[dict[str, Any]]:
    return [
        json.loads(line)
        for line in (REALNEWS / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _surname(name: str) -> str:
    toks = [t for t in name.split() if t.lower() not in _SUFFIX]
    return toks[-1]


def _found(needle: str, text: str) -> bool:
    return normalise(needle) in text


def test_corpus_is_the_polnear_dev_split_with_sidecars() -> None:
    articles = sorted(CORPUS.glob("*.txt"))
    assert len(articles) == 84
    for art in articles:
        meta = json.loads(art.with_name(art.stem + ".meta.json").read_text(encoding="utf-8"))
        assert {"title", "outlet", "published"} <= set(meta), art.name
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["published"]), art.name
        original = POLNEAR / "dev" / "text" / art.name
        if original.exists():  # the shared copy is the source; the repo copy must match it byte for byte
            assert art.read_bytes() == original.read_bytes(), art.name


def test_split_covers_every_article_once_and_is_reproducible(split: dict[str, str]) -> None:
    assert set(split) == {p.stem for p in CORPUS.glob("*.txt")}
    data = json.loads((REALNEWS / "split.json").read_text(encoding="utf-8"))
    assert not set(data["tune"]) & set(data["heldout"])
    out = subprocess.run(
        [sys.executable, "-c", "import json, split; print(json.dumps(split.make_split(split.doc_ids())))"],
        cwd=REALNEWS, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert json.loads(out.stdout) == data


@pytest.mark.parametrize("name", sorted(SETS))
def test_set_parses_as_gold(name: str) -> None:
    gold = load_gold(REALNEWS / name)
    assert gold
    assert {g.kind for g in gold} <= KINDS


def test_ids_are_unique_across_sets() -> None:
    ids = Counter(str(it["id"]) for name in SETS for it in _items(name))
    assert [i for i, n in ids.items() if n > 1] == []


@pytest.mark.parametrize("name", sorted(SETS))
def test_sources_stay_in_their_half(name: str, split: dict[str, str]) -> None:
    half = SETS[name]
    for it in _items(name):
        for src in it["sources"]:
            assert split.get(src) == half, f"{it['id']}: {src} is not a {half} article"


def assert_gold_strings(it: dict[str, Any], texts: dict[str, str]) -> None:
    """Every gold string of one question occurs where it must (see the module docstring)."""
    qid, sources = it["id"], it["sources"]
    assert isinstance(sources, list)
    if not it["answerable"]:
        assert (
            it["kind"] == "unanswerable" and sources == [] and it["facts"] == [] and it["speaker"] is None
        ), qid
        return
    assert sources and it["facts"], qid
    docs = [texts[s] for s in sources]
    for group in it["facts"]:
        holders = [any(_found(alt, d) for alt in group) for d in docs]
        if it["kind"] == "corroborated":
            assert all(holders), f"{qid}: fact {group} missing from a corroborating source"
        else:
            assert any(holders), f"{qid}: fact {group} in no cited article"
    if it["kind"] == "multi_doc":
        assert len(sources) >= 2, qid
        for s, d in zip(sources, docs, strict=True):
            assert any(_found(a, d) for g in it["facts"] for a in g), f"{qid}: {s} supplies no fact"
    if it["kind"] == "corroborated":
        assert len(sources) >= 2, qid
    speaker = it["speaker"]
    if speaker:
        assert any(_found(str(speaker), d) or _found(_surname(str(speaker)), d) for d in docs), qid
    if it["date_text"]:
        assert any(_found(str(it["date_text"]), d) for d in docs), f"{qid}: date_text not in source"
    if it["date"]:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(it["date"])), qid


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_strings_occur_in_cited_articles(name: str, texts: dict[str, str]) -> None:
    for it in _items(name):
        assert_gold_strings(it, texts)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", normalise(text))


def seven_word_grams(texts: dict[str, str]) -> set[tuple[str, ...]]:
    """Every run of seven words in the articles."""
    grams: set[tuple[str, ...]] = set()
    for text in texts.values():
        w = _words(text)
        grams.update(tuple(w[i : i + 7]) for i in range(len(w) - 6))
    return grams


def copied_runs(question: str, grams: set[tuple[str, ...]]) -> list[str]:
    """The seven-word runs of ``question`` that some article holds."""
    w = _words(question)
    return [" ".join(w[i : i + 7]) for i in range(len(w) - 6) if tuple(w[i : i + 7]) in grams]


def assert_no_copy(items: list[dict[str, Any]], texts: dict[str, str]) -> None:
    """No question of ``items`` holds seven consecutive words of an article."""
    grams = seven_word_grams(texts)
    for it in items:
        copied = copied_runs(str(it["question"]), grams)
        assert not copied, f"{it['id']} copies the article: {copied[0]!r}"


@pytest.mark.parametrize("name", sorted(HANDWRITTEN))
def test_questions_do_not_copy_seven_words(name: str, texts: dict[str, str]) -> None:
    assert_no_copy(_items(name), texts)


def test_handwritten_mix() -> None:
    items = [it for name in HANDWRITTEN for it in _items(name)]
    kinds = Counter(str(it["kind"]) for it in items)
    assert len(items) >= 120
    assert set(kinds) == KINDS
    assert 0.15 <= kinds["unanswerable"] / len(items) <= 0.3
    cited = {s for it in items for s in it["sources"]}
    assert len(cited) >= 25
