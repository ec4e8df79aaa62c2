"""Compare two ``abstain_cv.py score --dump`` folders question by question.

For every set present in both: unanswerable questions that abstain before -> after, and
answerable ones that abstain (false abstention), overall and by fold, and the questions an
abstention was gained or lost on, counted by the reason the answer gives (the text after
"enough to answer this:", a capitalised name at its end shown as <name>).

    python evals/abstain_compare.py BEFORE_DIR AFTER_DIR
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path


def _load(path: Path) -> dict[str, dict[str, object]]:
    return {r["id"]: r for r in map(json.loads, path.read_text().splitlines())}


def _reason(text: str) -> str:
    m = re.search(r"(?:to answer this|anything about [^:]*):\s*(.*?)\.?$", text.splitlines()[0])
    reason = m.group(1) if m else text[:40]
    return re.sub(r"\b(of|not|quote)\s+[A-Z][\w.'’ -]*$", r"\1 <name>", reason)


def compare(before: Path, after: Path) -> None:
    for b in sorted(before.glob("*.jsonl")):
        a = after / b.name
        if not a.exists():
            continue
        old, new = _load(b), _load(a)
        line = [f"{b.stem:24}"]
        for fold in ("all", "A", "B"):
            ids = [i for i in old if fold == "all" or old[i]["fold"] == fold]
            un = [i for i in ids if not old[i]["answerable"]]
            an = [i for i in ids if old[i]["answerable"]]
            ua, ub = sum(bool(old[i]["abstained"]) for i in un), sum(bool(new[i]["abstained"]) for i in un)
            fa, fb = sum(bool(old[i]["abstained"]) for i in an), sum(bool(new[i]["abstained"]) for i in an)
            line.append(f"{fold}: unans {ua}->{ub}/{len(un)} false {fa}->{fb}/{len(an)}")
        print(" | ".join(line))
        gained = Counter(
            _reason(str(new[i]["text"]))
            for i in old
            if not old[i]["answerable"] and not old[i]["abstained"] and new[i]["abstained"]
        )
        cost = Counter(
            _reason(str(new[i]["text"]))
            for i in old
            if old[i]["answerable"] and not old[i]["abstained"] and new[i]["abstained"]
        )
        for name, c in (("gained", gained), ("cost", cost)):
            if c:
                print(f"{'':24}   {name}: " + "; ".join(f"{k} x{v}" for k, v in c.most_common()))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    args = p.parse_args(argv)
    compare(args.before, args.after)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
