"""Dump, for every question the extractive backend answers on cached retrieval, each part's
chosen sentences (the top one first) with its stretch and entities, for the relation signals.

Development data only (relation15): the rows are read to tabulate candidate signals
(``evals/relation_signals.py``) as right (fires on an answered unanswerable question) or wrong
(fires on an answered answerable question whose facts are all found). Check sets go through
the same code for aggregate counts only.

    python evals/relation_dump.py /tmp/c13b/{tune,gold}.pkl --out /tmp/relation15/rows.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.answer.backends import extractive as ex
from assistant.answer.verify import finalize
from assistant.evaluation.metrics import score_question
from assistant.settings import Settings
from evals.abstain_cv import load


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("cache", nargs="+")
    p.add_argument("--out", required=True)
    args = p.parse_args(argv)
    if "heldout" in " ".join(args.cache):
        print("never the held-out half", file=sys.stderr)
        return 2
    settings = Settings()
    be = ex.ExtractiveBackend(settings)
    log: list[tuple[str, list[Any]]] = []
    orig = ex.ExtractiveBackend._pick

    def pick(self: Any, context: Any, part: str, *a: Any, **k: Any) -> Any:
        out = orig(self, context, part, *a, **k)
        rows = []
        for c in out[0][:3]:
            ev, lo, hi = ex._window(context, c)
            jev = ex._joined(context, c.n)
            ents = [
                (jev.at(s, e), lab) for s, e, lab in jev.entities if c.span.start <= s and e <= c.span.end
            ]
            wents = [(ev.at(s, e), lab) for s, e, lab in ev.entities if lo <= s and e <= hi]
            rows.append(
                {
                    "text": c.text,
                    "stretch": ev.at(lo, hi),
                    "prob": c.prob,
                    "ents": ents,
                    "wents": wents,
                    "doc": jev.doc_id,
                    "published": str(jev.published) if jev.published else None,
                }
            )
        log.append((part, rows))
        return out

    ex.ExtractiveBackend._pick = pick  # type: ignore[method-assign]
    with open(args.out, "w") as f:
        for path in args.cache:
            for gold, ctx, texts in load(path):
                log.clear()
                v = finalize(ctx, be.answer(ctx), texts, tuning=settings.answer)
                ans = {
                    "answer": v.text,
                    "abstained": v.abstained,
                    "citations": [c.model_dump() for c in v.citations],
                }
                s = score_question(gold, ans, texts)
                rec = {
                    "set": Path(path).stem,
                    "id": gold["id"],
                    "kind": gold["kind"],
                    "answerable": gold["answerable"],
                    "abstained": v.abstained,
                    "facts_found": bool(s.facts) and all(h is not None for h in s.fact_hits),
                    "question": gold["question"],
                    "text": v.text,
                    "parts": [{"part": pt, "chosen": rows} for pt, rows in log],
                }
                f.write(json.dumps(rec) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
