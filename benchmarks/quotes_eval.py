"""Quote attribution on a synthetic, unseen corpus: precision, recall, misses by cue.

Generates ``n`` articles with :func:`benchmarks.generate.generate_corpus` (ground truth in
``.manifest.json``), runs the production path on each (loader, ingest, quote extraction
with furniture skipped) and matches every gold ``(speaker, quote)``:

* **found**: some extracted quote contains the gold quote after
  :func:`assistant.nlp.text.normalise` (or is contained in it, for gold quotes of 40+ chars
  whose extracted span is at least half as long);
* **judged**: found and a matching extracted quote has a speaker;
* **correct**: judged and the gold speaker's last word (surname, or an organisation's
  last word) occurs in the speaker or aliases of a matching quote (a gold string can
  occur at several places of an article, and the manifest gives no offsets).

Precision = correct / judged, recall = correct / gold. Use one seed as the dev set and a
different seed as the held-out result.

CLI: ``python -m benchmarks.quotes_eval --n 300 --seed 11 [--show 15] [--json]``
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from assistant.ingest.loaders import load_file
from assistant.ingest.pipeline import prepare
from assistant.nlp.text import normalise
from assistant.quotes.extract import extract_quotes
from assistant.types import Quote
from benchmarks.generate import generate_corpus


def _matches(gold: str, quotes: list[tuple[str, Quote]]) -> list[Quote]:
    """The extracted quotes that carry ``gold`` (normalised), tightest first.

    A gold string can occur at several places of an article (the manifest gives no
    offsets), so every extracted quote carrying it is a candidate.
    """
    hits = [
        (len(norm), q)
        for norm, q in quotes
        if gold in norm or (len(gold) >= 40 and norm in gold and len(norm) * 2 >= len(gold))
    ]
    return [q for _, q in sorted(hits, key=lambda t: t[0])]


def _correct(speaker: str, q: Quote) -> bool:
    if not q.speaker:
        return False
    last = normalise(speaker).split()[-1]
    names = normalise(" ".join([q.speaker, *q.aliases])).split()
    return last in names or last in normalise(q.speaker)


def evaluate(corpus_dir: Path, show: int = 15) -> dict[str, Any]:
    """Score extraction on a generated corpus folder (``.manifest.json`` + articles)."""
    manifest = json.loads((corpus_dir / ".manifest.json").read_text(encoding="utf-8"))
    gold_n = found = judged = correct = 0
    misses: Counter[str] = Counter()
    unattributed: Counter[str] = Counter()
    wrong_by_cue: Counter[str] = Counter()
    wrong: list[dict[str, str | None]] = []
    missed: list[dict[str, str]] = []
    unsaid: list[dict[str, str]] = []
    elapsed = 0.0
    for entry in manifest["articles"]:
        art = prepare(next(load_file(corpus_dir / f"{entry['doc_id']}.txt")))
        t0 = time.perf_counter()
        quotes = extract_quotes(art.doc_id, art.text, skip=art.furniture)
        elapsed += time.perf_counter() - t0
        normed = [(normalise(q.quote), q) for q in quotes]
        for g in entry["quotes"]:
            gold_n += 1
            cands = _matches(normalise(g["quote"]), normed)
            if not cands:
                misses[g["cue"]] += 1
                if len(missed) < show:
                    missed.append(
                        {
                            "doc_id": entry["doc_id"],
                            "cue": g["cue"],
                            "speaker": g["speaker"],
                            "quote": g["quote"][:100],
                        }
                    )
                continue
            found += 1
            said = [q for q in cands if q.speaker]
            if not said:
                unattributed[g["cue"]] += 1
                if len(unsaid) < show:
                    unsaid.append(
                        {
                            "doc_id": entry["doc_id"],
                            "cue": g["cue"],
                            "speaker": g["speaker"],
                            "quote": g["quote"][:100],
                        }
                    )
                continue
            judged += 1
            q = next((q for q in said if _correct(g["speaker"], q)), said[0])
            if _correct(g["speaker"], q):
                correct += 1
            else:
                wrong_by_cue[g["cue"]] += 1
                if len(wrong) < show:
                    wrong.append(
                        {
                            "doc_id": entry["doc_id"],
                            "cue": g["cue"],
                            "gold": g["speaker"],
                            "got": q.speaker,
                            "quote": g["quote"][:100],
                        }
                    )
    n_docs = len(manifest["articles"])
    return {
        "articles": n_docs,
        "gold": gold_n,
        "found": found,
        "judged": judged,
        "correct": correct,
        "precision": round(correct / judged, 3) if judged else 0.0,
        "recall": round(correct / gold_n, 3) if gold_n else 0.0,
        "ms_per_article": round(1000 * elapsed / n_docs, 2) if n_docs else 0.0,
        "misses_by_cue": dict(misses.most_common()),
        "unattributed_by_cue": dict(unattributed.most_common()),
        "wrong_by_cue": dict(wrong_by_cue.most_common()),
        "wrong_sample": wrong,
        "missed_sample": missed,
        "unattributed_sample": unsaid,
    }


def main(argv: list[str] | None = None) -> None:
    """CLI entry point: generate a corpus in a temporary folder and print the scores."""
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.quotes_eval", description=__doc__.split("\n\n")[0]
    )
    ap.add_argument("--n", type=int, default=300, help="number of articles")
    ap.add_argument("--seed", type=int, default=11, help="corpus seed")
    ap.add_argument("--show", type=int, default=15, help="sample size of errors to print")
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="quotes_eval_") as tmp:
        generate_corpus(Path(tmp), args.n, args.seed)
        res = evaluate(Path(tmp), args.show)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return
    print(
        f"seed={args.seed} articles={res['articles']} gold={res['gold']} found={res['found']} "
        f"judged={res['judged']} correct={res['correct']}"
    )
    print(f"precision={res['precision']} recall={res['recall']} extract={res['ms_per_article']} ms/article")
    for k in ("misses_by_cue", "unattributed_by_cue", "wrong_by_cue"):
        print(f"{k}: {res[k]}")
    for w in res["wrong_sample"]:
        print(f"  WRONG [{w['cue']}] gold={w['gold']!r} got={w['got']!r} {w['doc_id']}: {w['quote']}")
    for m in res["missed_sample"]:
        print(f"  MISS  [{m['cue']}] {m['speaker']!r} {m['doc_id']}: {m['quote']}")
    for m in res["unattributed_sample"]:
        print(f"  NONE  [{m['cue']}] {m['speaker']!r} {m['doc_id']}: {m['quote']}")


if __name__ == "__main__":
    main()
