"""Where each missed fact group sits relative to the passages the answer step reads.

The answer step reads the evidence passages and, after each, the article's next sentences
(`Context.following`); never the sentences before a passage, never the rest of an article.
For every answerable question whose answer misses a fact group (abstain_cv caches, the
branch's answer code), each alternative of the group is located in every article of the
context (normalised as the metric normalises) and placed:

* ``read: evidence`` / ``read: following window`` -- inside a passage the answer step reads
  (the evidence, whose sentences are ranked, or only the sentences read past its edge);
* ``before N`` / ``after N`` -- outside every such passage of its article, N sentences
  (`nlp.text.split_sentences` over the whole article) before the nearest passage's first
  sentence or after its last one; ``same para`` when no line break lies between the two;
* ``not in the context``.

A cited article's occurrence is preferred over an uncited one's, a read one over an unread
one, then the nearest. Abstained answers are counted apart.

    python evals/context_place.py /tmp/c/tune.pkl ... [--list]     # --list: development only
    python evals/context_place.py --counts /tmp/c/rt_b.pkl ...    # check sets: counts only
"""

from __future__ import annotations

import bisect
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import abstain_cv as cv  # noqa: E402
from fact_place import _found, _index  # noqa: E402  (sentence index and normalised search)

from assistant.settings import Settings  # noqa: E402

CHECK = cv.CHECK_SETS


def place(ctx: object, texts: dict[str, str], answer: object, group: list[str]) -> tuple[str, str]:
    """(cited / uncited / none, where) of one missed fact group."""
    cited = {c.doc_id for c in answer.citations}  # type: ignore[attr-defined]
    windows: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for e in [*ctx.evidence, *ctx.following.values()]:  # type: ignore[attr-defined]
        windows[e.doc_id].append((e.start, e.end))
    ranked = {(e.doc_id, e.start, e.end) for e in ctx.evidence}  # type: ignore[attr-defined]
    # each following window's sentence starts, to say which sentence past the edge holds it
    past = [(e.doc_id, e.start, e.end, [sp.start for sp in e.sentences]) for e in ctx.following.values()]  # type: ignore[attr-defined]
    best: tuple[tuple[int, int, int], str, str] | None = None
    for doc, spans in windows.items():
        text = texts.get(doc)
        if text is None:
            continue
        for alt in group:
            for off in _found(text, alt):
                if any(s <= off < e for s, e in spans):
                    ev = any(d == doc and s <= off < e for d, s, e in ranked)
                    key = (0 if doc in cited else 1, 0, 0 if ev else 1)
                    k = min(
                        (
                            bisect.bisect_right(st, off)
                            for d, s0, e0, st in past
                            if d == doc and s0 <= off < e0
                        ),
                        default=0,
                    )
                    where = "read: evidence" if ev else f"read: following window, sentence {max(k, 1)}"
                else:
                    i = _index(text, off)
                    near: tuple[int, str, bool] | None = None
                    for s, e in spans:
                        first, last = _index(text, s), _index(text, max(e - 1, s))
                        if i < first:
                            d, side, gap = first - i, "before", text[off:s]
                        else:
                            d, side, gap = i - last, "after", text[e:off]
                        para = "\n" not in gap
                        if near is None or d < near[0]:
                            near = (d, side, para)
                    assert near is not None
                    d = near[0]
                    key = (0 if doc in cited else 1, 1, d)
                    where = f"{near[1]} {d if d < 3 else '3+'} {'same para' if near[2] else 'other para'}"
                if best is None or key < best[0]:
                    best = (key, "cited" if doc in cited else "uncited", where)
    if best is None:
        return "none", "not in the context"
    return best[1], best[2]


def main(argv: list[str]) -> int:
    paths = [a for a in argv if not a.startswith("--")]
    if any("heldout" in p or Path(p).stem == "ho" for p in paths):
        sys.exit("the held-out half is measured once with `assistant eval`, not read here")
    listing = "--list" in argv
    by_set: dict[str, Counter[str]] = defaultdict(Counter)
    total: Counter[str] = Counter()
    for path in paths:
        name = Path(path).stem
        if listing and name in CHECK:
            sys.exit(f"{name} is check data: counts only (drop --list)")
        rows = cv.load(path)
        for gold, ctx, texts, answer, group in cv.missed_facts(rows, Settings()):
            if answer.abstained:
                where = "abstained"
            else:
                art, pos = place(ctx, texts, answer, group)
                where = f"{art}: {pos}"
            by_set[name][where] += 1
            total[where] += 1
            if listing:
                print(f"-- {name} {gold['id']} [{where}] {group}\n   Q: {gold['question']}")
    for name, counts in by_set.items():
        print(f"{name:6} {sum(counts.values())}: {dict(sorted(counts.items()))}")
    print(f"{'all':6} {sum(total.values())}:")
    for where, n in sorted(total.items()):
        print(f"   {n:4}  {where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
