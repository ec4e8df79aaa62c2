"""Multi-part, multi-article questions: split into parts, evidence picked per part.

Invented text only. Splitting is checked on strings; the generated development set
(``evals/realnews/multidoc_auto_tune.jsonl``) is checked to parse as gold and to split into
its two who-said parts.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from assistant.evaluation.harness import load_gold
from assistant.nlp.questions import split_question

REPO = Path(__file__).resolve().parents[1]
GENERATED = REPO / "evals" / "realnews" / "multidoc_auto_tune.jsonl"


def test_a_sentence_end_inside_a_quotation_does_not_end_the_statement() -> None:
    q = 'Who said "The ferry is late. The bus is early", and who said "Nobody rides the tram"?'
    assert split_question(q) == [
        'Who said "The ferry is late. The bus is early"?',
        'who said "Nobody rides the tram"?',
    ]


def test_an_and_who_inside_a_quotation_does_not_split_the_question() -> None:
    q = "Who said “We asked the council and who answered? Nobody.” at the harbour meeting?"
    assert split_question(q) == [q]
    curly = "Who said “Fares rise. Routes shrink”, and who said “Buses run on time”?"
    assert split_question(curly) == ["Who said “Fares rise. Routes shrink”?", "who said “Buses run on time”?"]


def test_quote_free_questions_split_as_before() -> None:
    assert split_question("The mayor gave two interviews. What did she say on radio and on TV?") == [
        "The mayor gave two interviews. What did she say on radio?",
        "The mayor gave two interviews. What did she say on TV?",
    ]
    assert split_question("Ruiz and Becker both spoke on fares. What did each say?") == [
        "Ruiz and Becker both spoke on fares. What did Ruiz say?",
        "Ruiz and Becker both spoke on fares. What did Becker say?",
    ]


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_multidoc", REPO / "evals/realnews/build_multidoc.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_builder_pairs_quotes_of_two_articles_and_two_speakers(tmp_path: Path) -> None:
    rows = [
        {
            "id": "x1",
            "question": 'Who said "fares rise"?',
            "answer": "A said it.",
            "facts": [["Ruiz"]],
            "sources": ["d1"],
            "kind": "who_said",
        },
        {
            "id": "x2",
            "question": 'Who said "routes shrink"?',
            "answer": "B said it.",
            "facts": [["Ruiz"]],
            "sources": ["d2"],
            "kind": "who_said",
        },
        {
            "id": "x3",
            "question": 'Who said "tram is slow"?',
            "answer": "C said it.",
            "facts": [["Becker"]],
            "sources": ["d1"],
            "kind": "who_said",
        },
        {
            "id": "x4",
            "question": 'Who said "buses run"?',
            "answer": "D said it.",
            "facts": [["Okafor"]],
            "sources": ["d3"],
            "kind": "who_said",
        },
    ]
    src, out = tmp_path / "src.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    _builder().main(["--src", str(src), "--out", str(out)])
    got = load_gold(out)
    # x1 skips x2 (same speaker) and x3 (same article) and pairs with x4; x2 pairs with x3
    assert [(g.sources, [f[0] for f in g.facts]) for g in got] == [
        (["d1", "d3"], ["Ruiz", "Okafor"]),
        (["d2", "d1"], ["Ruiz", "Becker"]),
    ]
    assert got[0].question == 'Who said "fares rise", and who said "buses run"?'
    assert all(g.kind == "multi_doc" and g.answerable for g in got)


def test_the_generated_set_parses_as_gold_and_splits_in_two() -> None:
    items = load_gold(GENERATED)
    assert len(items) >= 30
    for g in items:
        assert g.kind == "multi_doc" and len(g.facts) == 2 and len(set(g.sources)) == 2
        assert len(split_question(g.question)) == 2
