"""Where each missed fact group of an answer sits relative to the answer's cited sentences.

Development sets only (abstain_cv caches): for every answerable question whose answer misses
a fact group, each alternative of the group is located in the article text (normalised as the
metric normalises, `nlp.text.normalise_with_map`), and its sentence index
(`nlp.text.split_sentences` over the whole article, so across passage edges) is compared with
the cited sentences': the next sentence (+1), +2, the one before (-1), -2, the same article
further away, another article of the context (a gold source or not), not in the context, or
the answer abstained. The nearest occurrence in a cited article counts; "(past passage)" marks
a fact outside every retrieved passage and its following window.

    python evals/fact_place.py /tmp/c/tune.pkl /tmp/c/gold.pkl [--list]

``--list`` prints each missed group with its question and answer (development data only).
"""

from __future__ import annotations

import bisect
import sys
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import abstain_cv as cv  # noqa: E402

from assistant.nlp.text import normalise, normalise_with_map, split_sentences  # noqa: E402
from assistant.settings import Settings  # noqa: E402


@lru_cache(maxsize=256)
def _sentences(text: str) -> tuple[int, ...]:
    return tuple(s for s, _ in split_sentences(text))


def _index(text: str, offset: int) -> int:
    return max(bisect.bisect_right(_sentences(text), offset) - 1, 0)


def _found(text: str, alt: str) -> list[int]:
    """Article offsets of every occurrence of ``alt`` (both normalised)."""
    norm, where = normalise_with_map(text)
    needle = normalise(alt)
    out, at = [], norm.find(needle) if needle else -1
    while at >= 0:
        out.append(where[at])
        at = norm.find(needle, at + 1)
    return out


def place(gold: dict, ctx: object, texts: dict[str, str], answer: object, group: list[str]) -> tuple[str, int | None]:
    """Where one missed fact group is, and its sentence distance from the nearest cited one."""
    cites = [(c.doc_id, c.start, c.end) for c in answer.citations]  # type: ignore[attr-defined]
    windows = [(e.doc_id, e.start, e.end) for e in ctx.evidence]  # type: ignore[attr-defined]
    windows += [(e.doc_id, e.start, e.end) for e in ctx.following.values()]  # type: ignore[attr-defined]
    best: tuple[int, int, bool] | None = None
    for doc, start, end in cites:
        text = texts[doc]
        first, last = _index(text, start), _index(text, max(end - 1, start))
        for alt in group:
            for off in _found(text, alt):
                i = _index(text, off)
                dist = 0 if first <= i <= last else (i - last if i > last else i - first)
                if best is None or abs(dist) < abs(best[0]):
                    seen = any(d == doc and s <= off < e for d, s, e in windows)
                    best = (dist, off, seen)
    if best is not None:
        where = {0: "same sentence", 1: "+1", 2: "+2", -1: "-1", -2: "-2"}.get(best[0], "same article, 3+ away")
        return where + ("" if best[2] else " (past passage)"), best[0]
    in_context = {e.doc_id for e in ctx.evidence}  # type: ignore[attr-defined]
    for doc in sorted(in_context, key=lambda d: d not in gold["sources"]):
        if any(_found(texts[doc], alt) for alt in group):
            return ("another article (gold source)" if doc in gold["sources"] else "another article"), None
    return "not in the context", None


def main(argv: list[str]) -> int:
    paths = [a for a in argv if not a.startswith("--")]
    if any("heldout" in p or "ho" == Path(p).stem for p in paths):
        sys.exit("the held-out half is measured once with `assistant eval`, not read here")
    total: Counter[str] = Counter()
    by_set: dict[str, Counter[str]] = defaultdict(Counter)
    for path in paths:
        name = Path(path).stem
        rows = cv.load(path)
        for gold, ctx, texts, answer, group in cv.missed_facts(rows, Settings()):
            where = "abstained" if answer.abstained else place(gold, ctx, texts, answer, group)[0]
            by_set[name][where] += 1
            total[where] += 1
            if "--list" in argv:
                print(f"-- {name} {gold['id']} [{where}] {group}\n   Q: {gold['question']}\n   A: {answer.text[:400]}")
    for name, counts in by_set.items():
        print(f"{name:8} {dict(counts.most_common())}")
    print(f"{'all':8} {sum(total.values())} groups: {dict(total.most_common())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
