"""Measure the extractive answer step on cached retrieval, split into folds.

The abstention checks are answer-step rules; re-running retrieval for every trial costs
minutes a set on this machine. ``cache`` builds each question's context once (the
assistant's own ``build_context`` over an existing index) and pickles it; ``score``
answers every cached question with the current extractive backend, verifies it with the
same ``finalize`` as ``ask`` and scores it with the eval harness's ``score_question``,
overall, by kind and by fold. The folds are the set's questions split by article (the
first source's doc id; a question with no source goes with the question before it, as
the hand-written sets follow the articles read), dealt by the SHA-256 of the doc id, so
a rule developed while reading fold A's failures is checked on fold B's questions.

Development data only: the tuning half, gold.jsonl, the automatic tuning who-said set.
Never the held-out half (it is measured once, with ``assistant eval``).

    python evals/abstain_cv.py cache evals/realnews/tune.jsonl --index-dir IDX --out /tmp/cv/tune.pkl
    python evals/abstain_cv.py score /tmp/cv/tune.pkl [--show abst|false|all] [--dump DIR]

``--dump DIR`` writes each answer (id, kind, fold, abstained, text) to ``DIR/<set>.jsonl``,
so two versions of the answer code can be compared question by question by
``evals/abstain_compare.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.answer.verify import finalize
from assistant.evaluation.harness import load_gold
from assistant.evaluation.metrics import score_question, summarise
from assistant.nlp import text as _text
from assistant.settings import Settings

#: Caches whose questions may not be read (round 21): the check halves (for every later set, half a
#: became development data once its round ended, half b check data; realnews_eighth, devset20's
#: untouched set, was split so in round 21) and both halves of realnews_ninth (devset21's untouched
#: set, r9_a and r9_b), of realnews_tenth (devset23's untouched set, r10_a and r10_b), of
#: realnews_eleventh (devset24's untouched set, r11_a and r11_b) and of realnews_twentysecond
#: (devset35's untouched set, r22_a and r22_b); the place, class and source scripts give them as
#: counts only.
#: realnews_twelfth (r12_a, r12_b) became development data in round 26, when realnews_thirteenth
#: took its place as fresh check data (evals/README, "Round 26"); realnews_thirteenth (r13_a,
#: r13_b) in round 27, when realnews_fourteenth took its place (evals/README, "Round 27");
#: realnews_fourteenth (r14_a, r14_b) in round 28, when realnews_fifteenth took its place
#: (evals/README, "Round 28"); realnews_fifteenth (r15_a, r15_b) in round 29, when
#: realnews_sixteenth took its place (evals/README, "Round 29"); realnews_sixteenth (r16_a, r16_b)
#: in round 30, when realnews_seventeenth took its place (evals/README, "Round 30");
#: realnews_seventeenth (r17_a, r17_b) in round 31, when realnews_eighteenth took its place
#: (evals/README, "Round 31"); realnews_eighteenth (r18_a, r18_b) in round 32, when
#: realnews_nineteenth took its place (evals/README, "Round 32"); realnews_nineteenth (r19_a,
#: r19_b) in round 33, when realnews_twentieth took its place (evals/README, "Round 33");
#: realnews_twentieth (r20_a, r20_b) in round 34, when realnews_twentyfirst took its place
#: (evals/README, "Round 34"); realnews_twentyfirst (r21_a, r21_b) in round 35, when
#: realnews_twentysecond took its place (evals/README, "Round 35"). realnews_twentythird (devset36,
#: round 40): its half a became development data after its baseline, half b (r23_b) is check data.
#: realnews_twentyfourth (devset37, round 47): its half a became development data after its
#: baseline, half b (r24_b) is check data. realnews_twentyfifth (devset38, round 48): likewise,
#: half a development after its baseline, half b (r25_b) check data. realnews_twentysixth
#: (devset39, round 49): likewise, half a development after its baseline, half b (r26_b) check data.
#: realnews_twentyseventh (devset40, round 50): likewise, half a development after its baseline,
#: half b (r27_b) check data.
CHECK_SETS = frozenset(
    {"rt_b", "rc", "rf_b", "nm_fb", "mp_tb", "mp_fb", "rm_b", "rx_b", "rl_b", "re_b", "r5_b", "r6_b",
     "r7_b", "r8_b", "r9_a", "r9_b", "r10_a", "r10_b",
     "r11_a", "r11_b", "r22_a", "r22_b", "r23_b",
     "r24_b", "r25_b", "r26_b", "r27_b"}
)  # fmt: skip

# The verifier and the metric find every quotation in the whole article text, normalising the
# article afresh each time (``nlp.text.normalise_with_map``, ~70% of the answer step's time on
# these caches). Scoring answers the same articles thousands of times, so the tools here keep
# each article's normalised text (a pure function of the text: the same results, looked up).
_text.normalise_with_map = lru_cache(maxsize=512)(_text.normalise_with_map)  # type: ignore[assignment]


def cache(gold_path: str, index_dir: str, out: str) -> None:
    from assistant.service import Assistant

    gold = load_gold(gold_path)
    a = Assistant(index_dir=Path(index_dir), backend="extractive")
    rows = []
    for item in gold:
        ctx, texts = a.build_context(item.question)
        for d in item.sources:
            if d not in texts:
                texts[d] = a.article(d).text
        rows.append((item.model_dump(mode="json"), ctx, texts))
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as f:
        pickle.dump(rows, f)
    print(f"{len(rows)} contexts -> {out}")


def bylines(path: str, index_dir: str, out: str) -> None:
    """A cache made before evidence carried its article's byline (``Evidence.author``), with
    each passage's author filled in from the index it was built on: the same contexts as a
    fresh ``cache`` gives when retrieval is unchanged, without running retrieval again."""
    from assistant.service import Assistant

    a = Assistant(index_dir=Path(index_dir), backend="extractive")
    rows = load(path)
    authors: dict[str, str | None] = {}
    for _, ctx, _ in rows:
        for ev in [*ctx.evidence, *ctx.following.values()]:
            if ev.doc_id not in authors:
                authors[ev.doc_id] = a.article(ev.doc_id).meta.author
            ev.author = authors[ev.doc_id]
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as f:
        pickle.dump(rows, f)
    signed = sum(1 for v in authors.values() if v)
    print(f"{len(rows)} contexts, {signed} of {len(authors)} articles with a byline -> {out}")


def load(path: str) -> list[tuple[dict[str, Any], Any, Any]]:
    """The (gold, context, texts) rows :func:`cache` wrote."""
    with open(path, "rb") as f:
        rows: list[tuple[dict[str, Any], Any, Any]] = pickle.load(f)  # this module's own file
    old = 0
    for _, ctx, _ in rows:
        for ev in [*ctx.evidence, *ctx.following.values()]:
            if "author" not in ev.__dict__:  # pickled before Evidence carried the byline
                ev.__dict__["author"] = None
                old += 1
    if old:
        print(
            f"{path}: made before evidence carried bylines; run `bylines` on it to read them", file=sys.stderr
        )
    return rows


def answered(
    rows: list[tuple[dict[str, Any], Any, Any]], settings: Settings
) -> Iterator[tuple[Any, dict[str, Any]]]:
    """Each cached question answered as ``ask`` answers it (the extractive backend, then
    ``finalize``) and scored as ``assistant eval`` scores it: (verified answer, score)."""
    be = ExtractiveBackend(settings)
    for gold, ctx, texts in rows:
        v = finalize(ctx, be.answer(ctx), texts, tuning=settings.answer)
        ans = {"answer": v.text, "abstained": v.abstained, "citations": [c.model_dump() for c in v.citations]}
        yield v, score_question(gold, ans, texts)


def missed_facts(
    rows: list[tuple[dict[str, Any], Any, Any]], settings: Settings
) -> Iterator[tuple[dict[str, Any], Any, Any, Any, list[str]]]:
    """Each fact group an answerable cached question's answer misses (as :func:`answered`
    answers and scores it): (gold, context, texts, verified answer, the group's strings)."""
    for (gold, ctx, texts), (answer, score) in zip(rows, answered(rows, settings), strict=True):
        if not gold["answerable"]:
            continue
        for group, hit in zip(score.facts, score.fact_hits, strict=True):
            if hit is None:
                yield gold, ctx, texts, answer, group


def print_class_table(table: dict[str, Counter[str]], names: list[str]) -> None:
    """Print a Markdown table of class counts per cache (``table[cls][name]``), the biggest class
    first, with a total column: the classifying scripts' common output."""
    print("| class | " + " | ".join(names) + " | all |")
    print("| --- " * (len(names) + 2) + "|")
    for cls, counts in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"| {cls} | " + " | ".join(str(counts[n]) for n in names) + f" | {sum(counts.values())} |")


def _folds(rows: list[tuple[dict[str, Any], Any, Any]]) -> list[str]:
    out: list[str] = []
    last: str | None = None
    for gold, _, _ in rows:
        src = gold.get("sources") or []
        key = src[0] if src else None
        if key is not None:
            last = "AB"[hashlib.sha256(key.encode()).digest()[0] % 2]
        fold = last or "AB"[hashlib.sha256(gold["question"].encode()).digest()[0] % 2]
        out.append(fold)
    return out


def _fmt(m: dict[str, float | None]) -> str:
    keys = {"fact": "fact_recall", "citP": "citation_precision", "abst": "abstention_accuracy"}
    keys["false"] = "false_abstention"
    keys["spk"] = "speaker_accuracy"
    return " ".join(f"{k}={m[v]:.3f}" if m.get(v) is not None else f"{k}=  -  " for k, v in keys.items())


def score(path: str, show: str | None, dump: str | None = None) -> None:
    rows = load(path)
    scores, folds = [], _folds(rows)
    records = []
    for (gold, _, _), fold, (v, s) in zip(rows, folds, answered(rows, Settings()), strict=True):
        scores.append(s)
        records.append(
            {"id": gold["id"], "kind": gold["kind"], "answerable": gold["answerable"], "fold": fold}
            | {"abstained": v.abstained, "text": v.text}
        )
        wrong_abst = gold["answerable"] and v.abstained
        missed = not gold["answerable"] and not v.abstained
        if show == "all" or (show == "abst" and missed) or (show == "false" and wrong_abst):
            print(f"-- {gold['id']} [{gold['kind']}] {gold['question']}\n   {v.text[:300]}")
    print(f"{Path(path).stem:24} all  n={len(scores):3} {_fmt(summarise(scores))}")
    by: dict[str, list[Any]] = defaultdict(list)
    for s, fold in zip(scores, folds, strict=True):
        by[f"fold {fold}"].append(s)
    for s, (gold, _, _) in zip(scores, rows, strict=True):
        by[gold["kind"]].append(s)
    for k in sorted(by):
        print(f"{'':24} {k:14} n={len(by[k]):3} {_fmt(summarise(by[k]))}")
    if dump:
        out = Path(dump) / f"{Path(path).stem}.jsonl"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(json.dumps(r) + "\n" for r in records))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("cache")
    c.add_argument("gold")
    c.add_argument("--index-dir", required=True)
    c.add_argument("--out", required=True)
    b = sub.add_parser("bylines")
    b.add_argument("cache")
    b.add_argument("--index-dir", required=True)
    b.add_argument("--out", required=True)
    s = sub.add_parser("score")
    s.add_argument("cache", nargs="+")
    s.add_argument("--show", choices=["abst", "false", "all"])
    s.add_argument("--dump", help="folder for one <set>.jsonl per cache: each answer's id, kind, fold, text")
    args = p.parse_args(argv)
    if "heldout" in (
        args.gold if args.cmd == "cache" else args.cache if args.cmd == "bylines" else " ".join(args.cache)
    ):
        print("the held-out half is measured once with `assistant eval`, not here", file=sys.stderr)
        return 2
    if args.cmd == "cache":
        cache(args.gold, args.index_dir, args.out)
    elif args.cmd == "bylines":
        bylines(args.cache, args.index_dir, args.out)
    else:
        for path in args.cache:
            score(path, args.show, args.dump)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
