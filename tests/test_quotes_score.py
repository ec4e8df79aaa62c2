"""The attribution scorer, and the targets on the bundled corpus."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.quotes.extract import extract_quotes
from assistant.quotes.score import score_quotes, speaker_matches
from assistant.types import Quote

ROOT = Path(__file__).resolve().parents[1]


def _q(doc: str, speaker: str | None, words: str) -> Quote:
    return Quote(doc_id=doc, speaker=speaker, quote=words, start=0, end=len(words))


def test_speaker_matching_rules() -> None:
    assert speaker_matches("Jamil Jivani", "Jamil Jivani")
    assert speaker_matches("Jivani", "Jamil Jivani")  # surname allowed
    assert speaker_matches("the plant\u2019s union", "the plant's union")
    assert speaker_matches("PMO", "Prime Minister's Office", ["PMO"])
    assert not speaker_matches("Usha Vance", "J.D. Vance")
    assert not speaker_matches(None, "Jamil Jivani")
    assert speaker_matches(None, None) and not speaker_matches("X", None)


def test_score_definitions(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    rows = [
        {"doc_id": "d", "quote": "we will win", "speaker": "Ana Ruiz", "aliases": ["Ruiz"], "kind": "direct"},
        {"doc_id": "d", "quote": "taxes will fall", "speaker": "Ben Ode", "aliases": [], "kind": "indirect"},
        {"doc_id": "d", "quote": "the sky is green", "speaker": "Cy Lam", "aliases": [], "kind": "direct"},
        {"doc_id": "d", "quote": "never again", "speaker": None, "aliases": [], "kind": "direct"},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    quotes = [
        _q("d", "Ruiz", "We will win, and \u201cwe will win\u201d again"),  # correct (surname)
        _q("d", "Ana Ruiz", "taxes will fall next year"),  # wrong speaker
        _q("d", None, "Never again."),  # correct null
        _q("d", "Cy Lam", "an unrelated sentence"),  # matches no gold item: not judged
        _q("e", "Cy Lam", "the sky is green"),  # other doc: not judged, gold not found
    ]
    r = score_quotes(gold, quotes)
    assert r["counts"]["gold"] == 4 and r["counts"]["found"] == 3 and r["counts"]["correct"] == 2
    assert r["recall"] == 0.5
    assert r["counts"]["judged"] == 2 and r["precision"] == 0.5
    assert {m["quote"] for m in r["missed"]} == {"taxes will fall", "the sky is green"}
    assert r["wrong"][0]["got"] == "Ana Ruiz"


def test_bundled_corpus_meets_targets() -> None:
    quotes = []
    for f in sorted((ROOT / "corpus").glob("*.txt")):
        quotes.extend(extract_quotes(f.stem, f.read_text(encoding="utf-8")))
    r = score_quotes(ROOT / "evals" / "quotes_gold.jsonl", quotes)
    assert r["counts"]["gold"] >= 60
    assert r["precision"] >= 0.95 and r["recall"] >= 0.90, r
