"""Context recall: how much of the gold answer reaches the answer step at all.

An answer can only cite what ``Assistant.build_context`` hands it (hybrid retrieval, the
asked speaker's reserved passages, the sentence after a passage that introduces a
speaker, and the ``following`` window). This measures that context against the gold
facts, per answerable question, by kind:

* ``fact``: share of fact groups with an alternative in some passage of the context (any
  article; evidence and following passages, normalised as the metrics normalise).
* ``src``: the same, counting only passages of the question's gold ``sources``.
* ``sent``: the same, inside one citable sentence of a gold source (a ``sentences`` span
  of an evidence or following passage): the unit an answer cites.
* ``all``: share of questions with every fact group in a gold source's passages.
* ``doc``: share of questions with any passage of a gold source (the ceiling of
  ``citation_recall``).

``explain`` (development sets only: it prints questions) says, for each fact group missing
from the gold sources' passages, where retrieval lost it: the best chunk of a gold source
holding the fact, its rank in the dense list, the BM25 list and the fused list, and the
stage (``chunk``: no single chunk holds it; ``candidates``: in neither candidate pool;
``fusion``: a candidate, but fused below ``k``; ``reserved``: fused within ``k`` but
displaced by the asked speaker's reserved passages or the multi-part searches).

    python evals/context_recall.py run evals/realnews/tune.jsonl --index-dir IDX
    python evals/context_recall.py score /tmp/cv/tune.pkl ...   # abstain_cv.py cache files
    python evals/context_recall.py explain evals/realnews/tune.jsonl --index-dir IDX
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.evaluation.harness import load_gold
from assistant.nlp.text import normalise
from assistant.types import Context, Evidence

KEYS = ("fact", "src", "sent", "all", "doc")


@dataclass(frozen=True)
class Recall:
    """One answerable question's context against its gold facts."""

    kind: str
    groups: int
    fact: int  # fact groups found in any passage
    src: int  # ... in a gold source's passage
    sent: int  # ... inside one citable sentence of a gold source
    doc: bool  # some passage is from a gold source


def passages(ctx: Context) -> list[Evidence]:
    """Every passage the answer step reads: the evidence, then each one's following window."""
    return list(ctx.evidence) + list(ctx.following.values())


def _has(group: Sequence[str], texts: Iterable[str]) -> bool:
    alts = [a for a in (normalise(x) for x in group) if a]
    return any(a in t for t in texts for a in alts)


def recall(gold: dict[str, Any], ctx: Context) -> Recall:
    """``gold`` (an EVAL_SPEC record, answerable) against the context built for it."""
    sources = set(gold.get("sources") or [])
    ps = passages(ctx)
    every = [normalise(p.text) for p in ps]
    own = [normalise(p.text) for p in ps if p.doc_id in sources]
    sents = [normalise(p.at(s.start, s.end)) for p in ps if p.doc_id in sources for s in p.sentences]
    groups = gold.get("facts") or []
    return Recall(
        kind=gold["kind"],
        groups=len(groups),
        fact=sum(_has(g, every) for g in groups),
        src=sum(_has(g, own) for g in groups),
        sent=sum(_has(g, sents) for g in groups),
        doc=any(p.doc_id in sources for p in ps),
    )


def summarise(rows: Sequence[Recall]) -> dict[str, float | None]:
    """Means over questions (a fact share per question, as ``fact_recall`` averages)."""
    with_facts = [r for r in rows if r.groups]
    if not rows:
        return dict.fromkeys(KEYS)

    def mean(vals: list[float]) -> float | None:
        return sum(vals) / len(vals) if vals else None

    return {
        "fact": mean([r.fact / r.groups for r in with_facts]),
        "src": mean([r.src / r.groups for r in with_facts]),
        "sent": mean([r.sent / r.groups for r in with_facts]),
        "all": mean([float(r.src == r.groups) for r in with_facts]),
        "doc": mean([float(r.doc) for r in rows]),
    }


def report(name: str, rows: Sequence[Recall]) -> None:
    def fmt(m: dict[str, float | None]) -> str:
        return " ".join(f"{k}={v:.3f}" if v is not None else f"{k}=  -  " for k, v in m.items())

    print(f"{name:24} all            n={len(rows):3} {fmt(summarise(rows))}")
    by: dict[str, list[Recall]] = defaultdict(list)
    for r in rows:
        by[r.kind].append(r)
    for kind in sorted(by):
        print(f"{'':24} {kind:14} n={len(by[kind]):3} {fmt(summarise(by[kind]))}")


def from_index(gold_path: str, index_dir: str) -> list[tuple[dict[str, Any], Context]]:
    """Each gold question's context, built by the assistant over ``index_dir`` (read only)."""
    from assistant.service import Assistant

    a = Assistant(index_dir=Path(index_dir), backend="extractive")
    return [
        (item.model_dump(mode="json"), a.build_context(item.question)[0]) for item in load_gold(gold_path)
    ]


def from_cache(path: str) -> list[tuple[dict[str, Any], Context]]:
    """The (gold, context) pairs of an ``abstain_cv.py cache`` file."""
    with open(path, "rb") as f:
        rows: list[tuple[dict[str, Any], Context, Any]] = pickle.load(f)  # abstain_cv's own file
    return [(g, ctx) for g, ctx, _ in rows]


def measure(pairs: Sequence[tuple[dict[str, Any], Context]]) -> list[Recall]:
    return [recall(g, ctx) for g, ctx in pairs if g.get("answerable")]


def explain(gold_path: str, index_dir: str) -> Counter[str]:
    """Print where each fact group missing from the gold sources' passages was lost; the
    count of each stage."""
    from assistant.service import Assistant

    a = Assistant(index_dir=Path(index_dir), backend="extractive")
    k = a.settings.k
    retriever = a.retriever()
    lex = retriever.lexical()
    assert lex.vectors is not None, "an index whose lexical index keeps the chunk vectors"
    stages: Counter[str] = Counter()
    for item in load_gold(gold_path):
        g = item.model_dump(mode="json")
        if not g["answerable"]:
            continue
        ctx, _ = a.build_context(item.question)
        sources = set(g["sources"])
        own = [normalise(p.text) for p in passages(ctx) if p.doc_id in sources]
        missing = [grp for grp in g["facts"] if not _has(grp, own)]
        if not missing:
            continue
        qvec = retriever.embed_query(item.question)
        sims = np.asarray(lex.vectors @ np.asarray(qvec, dtype=np.float32))
        dense_rank = {int(p): r for r, p in enumerate(np.argsort(-sims, kind="stable"), start=1)}
        lex_rank = {p: r for r, (p, _) in enumerate(lex.search(item.question, len(lex.ids), None), start=1)}
        fused = retriever.search(item.question, 200, qvec=qvec)
        fused_rank = {(h.doc_id, h.start): r for r, h in enumerate(fused, start=1)}
        print(f"-- {g['id']} [{g['kind']}] {g['question']}")
        print(f"   context: {[(p.doc_id[:24], p.start) for p in ctx.evidence]}  speaker={ctx.speaker}")
        for grp in missing:
            chunks = [
                p
                for p, m in enumerate(lex.metas)
                if m["doc_id"] in sources and _has(grp, [normalise(lex.text(p) or "")])
            ]
            if not chunks:
                stage, where = "chunk", ""
            else:
                best = min(
                    chunks,
                    key=lambda p: fused_rank.get((lex.metas[p]["doc_id"], lex.metas[p]["start"]), 10**6),
                )
                m = lex.metas[best]
                fr = fused_rank.get((m["doc_id"], m["start"]))
                dr, lr = dense_rank.get(best), lex_rank.get(best)
                pool = a.settings.retrieval.pool
                if fr is not None and fr <= k:
                    stage = "reserved"
                elif (dr is not None and dr <= pool) or (lr is not None and lr <= pool):
                    stage = "fusion"
                else:
                    stage = "candidates"
                where = f" chunk {m['doc_id'][:24]}@{m['start']} dense#{dr} bm25#{lr} fused#{fr}"
            stages[stage] += 1
            print(f"   missing {grp}: {stage}{where}")
    return stages


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="build each context over an index and measure it")
    r.add_argument("gold", nargs="+")
    r.add_argument("--index-dir", required=True)
    s = sub.add_parser("score", help="measure the contexts of abstain_cv.py cache files")
    s.add_argument("cache", nargs="+")
    e = sub.add_parser("explain", help="development sets only: where each missing fact was lost")
    e.add_argument("gold")
    e.add_argument("--index-dir", required=True)
    args = p.parse_args(argv)
    named = " ".join(
        args.cache if args.cmd == "score" else [args.gold] if args.cmd == "explain" else args.gold
    )
    if "heldout" in named:
        print("the held-out half is measured once with `assistant eval`, not here", file=sys.stderr)
        return 2
    if args.cmd == "run":
        for path in args.gold:
            report(Path(path).stem, measure(from_index(path, args.index_dir)))
    elif args.cmd == "score":
        for path in args.cache:
            report(Path(path).stem, measure(from_cache(path)))
    else:
        stages = explain(args.gold, args.index_dir)
        print("stages:", dict(stages.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
