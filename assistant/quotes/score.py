"""Attribution precision and recall of extracted quotes against a gold JSONL file.

Gold lines: ``{"doc_id", "quote", "speaker" (str or null), "aliases": [...], "kind"}``
where ``quote`` is a distinctive verbatim substring of the article.

Definitions (all text compared after :func:`assistant.nlp.text.normalise`):

* A gold item is **found** when an extracted quote of the same doc contains its ``quote``.
* It is **correct** when one of those containing quotes has a matching speaker: equal,
  case-insensitively and ignoring a leading article ("the", "a", "one"), to the gold
  ``speaker`` or any alias, or a one-word speaker equal to the last word of one of them
  (a surname). For a gold ``null`` speaker the extracted speaker must be null.
* **recall** = correct gold items / gold items.
* **precision** (attribution precision) = correct / extracted quotes that have a non-null
  speaker and contain at least one gold ``quote``; such an extracted quote is judged
  against the longest gold ``quote`` it contains (the most specific label).
* **f1** is their harmonic mean.

Run on the bundled corpus: ``python -m assistant.quotes.score evals/quotes_gold.jsonl corpus``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from assistant.nlp import alternation
from assistant.nlp.text import normalise
from assistant.types import Quote

_LEAD = re.compile(rf"^(?:{alternation('quote_lead_determiners')})\s+")


def _norm_name(name: str) -> str:
    return _LEAD.sub("", normalise(name).replace(".", "").strip())


def speaker_matches(pred: str | None, gold: str | None, aliases: Iterable[str] = ()) -> bool:
    """Whether an extracted speaker agrees with a gold speaker (see module docstring)."""
    if gold is None:
        return pred is None
    if pred is None:
        return False
    p = _norm_name(pred)
    names = {_norm_name(n) for n in [gold, *aliases] if n}
    if p in names:
        return True
    return len(p.split()) == 1 and any(n.split() and n.split()[-1] == p for n in names)


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold items of a JSONL file (blank lines ignored)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def score_quotes(gold_path: str | Path, quotes: list[Quote]) -> dict[str, Any]:
    """Score ``quotes`` against the gold file; returns metrics, counts and mismatches."""
    gold = load_gold(gold_path)
    by_doc: dict[str, list[tuple[Quote, str]]] = defaultdict(list)
    for q in quotes:
        by_doc[q.doc_id].append((q, normalise(q.quote)))
    gold_by_doc: dict[str, list[tuple[dict[str, Any], str]]] = defaultdict(list)
    for g in gold:
        gold_by_doc[g["doc_id"]].append((g, normalise(g["quote"])))

    found = correct = 0
    missed: list[dict[str, Any]] = []
    for g in gold:
        gq = normalise(g["quote"])
        cands = [q for q, nq in by_doc.get(g["doc_id"], []) if gq in nq]
        if cands:
            found += 1
        ok = any(speaker_matches(q.speaker, g.get("speaker"), g.get("aliases", ())) for q in cands)
        if ok:
            correct += 1
        else:
            missed.append(
                {
                    "doc_id": g["doc_id"],
                    "quote": g["quote"],
                    "gold": g.get("speaker"),
                    "found": bool(cands),
                    "got": [q.speaker for q in cands],
                }
            )

    judged = right = 0
    wrong: list[dict[str, Any]] = []
    for doc, items in by_doc.items():
        for q, nq in items:
            if q.speaker is None:
                continue
            inside = [(g, gq) for g, gq in gold_by_doc.get(doc, []) if gq and gq in nq]
            if not inside:
                continue
            g = max(inside, key=lambda t: len(t[1]))[0]
            judged += 1
            if speaker_matches(q.speaker, g.get("speaker"), g.get("aliases", ())):
                right += 1
            else:
                wrong.append(
                    {"doc_id": doc, "quote": q.quote[:120], "got": q.speaker, "gold": g.get("speaker")}
                )

    precision = right / judged if judged else 0.0
    recall = correct / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "counts": {
            "gold": len(gold),
            "found": found,
            "correct": correct,
            "extracted": len(quotes),
            "judged": judged,
            "judged_correct": right,
        },
        "missed": missed,
        "wrong": wrong,
    }


def main(argv: list[str] | None = None) -> int:
    """``python -m assistant.quotes.score GOLD CORPUS_DIR``: extract, score, print JSON."""
    from assistant.quotes.extract import extract_quotes

    args = sys.argv[1:] if argv is None else argv
    gold_path = args[0] if args else "evals/quotes_gold.jsonl"
    corpus = Path(args[1] if len(args) > 1 else "corpus")
    quotes: list[Quote] = []
    for f in sorted(corpus.glob("*.txt")):
        quotes.extend(extract_quotes(f.stem, f.read_text(encoding="utf-8")))
    print(json.dumps(score_quotes(gold_path, quotes), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
