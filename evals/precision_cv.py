"""Citation precision on cached retrieval, and the other-article bar chosen on development data.

A further sentence of the same question part from another article than the best sentence's
joins the extractive answer only when its ranker probability is at least
``AnswerSettings.other_article_ratio`` of the best sentence's. ``score`` answers every
question of ``evals/abstain_cv.py`` caches (the same backend, ``finalize`` and
``score_question`` as ``assistant eval``) at each ratio and prints aggregate numbers only, with
the cited articles outside ``sources`` counted by where they stand in the answer (the first
citation, or a later one). ``choose`` picks the default from development caches: the largest
ratio of the grid that keeps every set's fact recall at its value for the smallest ratio,
the most precise bar that costs no fact.

Development data only (the tuning half, gold, the generated sets); the ``realnews_train`` check
set is scored with ``score`` (aggregate numbers, nothing chosen on it); never the held-out half.

    python evals/precision_cv.py choose /tmp/cv/tune.pkl /tmp/cv/nearmiss_answerable.pkl \
        /tmp/cv/whosaid_auto_tune.pkl
    python evals/precision_cv.py score --ratios 0.8,0.97 /tmp/cv/rt_a.pkl /tmp/cv/rt_b.pkl
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from abstain_cv import answered, load  # evals/abstain_cv.py: the cached rows and how they are answered

from assistant.evaluation.metrics import summarise
from assistant.settings import Settings

GRID = [0.80, 0.85, 0.90, 0.95, 0.96, 0.97, 0.98, 0.99, 1.00]
_KEYS = {
    "fact": "fact_recall",
    "citP": "citation_precision",
    "citR": "citation_recall",
    "abst": "abstention_accuracy",
    "false": "false_abstention",
}


def run(path: str, ratio: float) -> dict[str, Any]:
    """Aggregate numbers for one cache at one ratio."""
    rows = load(path)
    settings = Settings()
    settings.answer.other_article_ratio = ratio
    scores = []
    out = {"cited": 0, "wrong": 0, "first_wrong": 0, "later_wrong": 0}
    for (gold, _, _), (v, s) in zip(rows, answered(rows, settings), strict=True):
        scores.append(s)
        if gold["answerable"] and not v.abstained:
            docs = list(dict.fromkeys(c.doc_id for c in v.citations))
            bad = [d for d in docs if d not in set(gold["sources"])]
            out["cited"] += len(docs)
            out["wrong"] += len(bad)
            out["first_wrong"] += int(bool(docs) and docs[0] in bad)
            out["later_wrong"] += int(bool(bad) and docs[0] not in bad)
    m = summarise(scores)
    return out | {k: m.get(v) for k, v in _KEYS.items()}


def _line(path: str, ratio: float, r: dict[str, Any]) -> str:
    nums = " ".join(f"{k}={r[k]:.3f}" if r[k] is not None else f"{k}=  -  " for k in _KEYS)
    tail = f"cited={r['cited']} wrong={r['wrong']} (first {r['first_wrong']}, later {r['later_wrong']})"
    return f"{Path(path).stem:22} ratio={ratio:.2f} {nums} {tail}"


def choose(paths: list[str], grid: list[float]) -> float:
    """The largest ratio of ``grid`` keeping every set's fact recall at the smallest ratio's."""
    base: dict[str, float | None] = {}
    best = grid[0]
    for ratio in grid:
        results = {p: run(p, ratio) for p in paths}
        for p, r in results.items():
            print(_line(p, ratio, r), flush=True)
            base.setdefault(p, r["fact"])
        if all((r["fact"] or 0.0) >= (base[p] or 0.0) - 1e-9 for p, r in results.items()):
            best = ratio
    print(f"chosen other_article_ratio: {best:.2f}")
    return best


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    for name in ("score", "choose"):
        s = sub.add_parser(name)
        s.add_argument("cache", nargs="+")
        s.add_argument(
            "--ratios", help="comma-separated ratios (default: 0.80 to 0.95 by 0.05, then to 1.00 by 0.01)"
        )
    args = p.parse_args(argv)
    if any("heldout" in c for c in args.cache):
        print("the held-out half is measured once with `assistant eval`, not here", file=sys.stderr)
        return 2
    grid = [float(x) for x in args.ratios.split(",")] if args.ratios else GRID
    if args.cmd == "choose":
        choose(args.cache, grid)
    else:
        for path in args.cache:
            for ratio in grid:
                print(_line(path, ratio, run(path, ratio)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
