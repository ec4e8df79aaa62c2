"""Where the facts of multi-part questions are lost, as counts only (safe on check sets).

For each answerable question that :func:`split_question` splits and whose eval record
misses a fact, is the missing fact's text in the retrieved evidence, only in the sentences
just past a passage's edge (``Context.following``), or not retrieved at all? Prints one
line of counts, never a question or a record, so it may run on ``realnews_train``.

    python evals/multipart_misses.py --index-dir IX --gold evals/realnews_train/a.jsonl \\
        --report /tmp/rep_rt_a   # the report directory of `assistant eval` on that index
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.nlp.questions import split_question
from assistant.service import Assistant


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index-dir", required=True, type=Path)
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--report", required=True, type=Path, help="directory holding report.json")
    args = ap.parse_args()
    records = {r["id"]: r for r in json.loads((args.report / "report.json").read_text())["records"]}
    assistant = Assistant(index_dir=args.index_dir)
    split = missing = in_evidence = past_edge = unretrieved = 0
    for line in args.gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        if not gold.get("answerable", True) or len(split_question(gold["question"])) < 2:
            continue
        split += 1
        rec = records[gold["id"]]
        lost = [f for f in rec["facts"] if not any(alt in rec["fact_hits"] for alt in f)]
        if not lost:
            continue
        missing += 1
        ctx, _ = assistant.build_context(gold["question"])
        for fact in lost:
            alts = [a.lower() for a in fact]
            if any(a in e.text.lower() for a in alts for e in ctx.evidence):
                in_evidence += 1
            elif any(a in e.text.lower() for a in alts for e in ctx.following.values()):
                past_edge += 1
            else:
                unretrieved += 1
    print(
        f"{args.gold}: answerable split {split}, missing a fact {missing}; missed facts in evidence "
        f"{in_evidence}, past a passage's edge {past_edge}, not retrieved {unretrieved}"
    )


if __name__ == "__main__":
    main()
