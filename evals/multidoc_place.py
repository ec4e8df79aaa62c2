"""Multi-article questions: is the article a missed fact sits in in the context at all?

``--list`` prints questions: development caches only; on a check cache only the counts are
printed. For every multi_doc or corroborated question
(every question of the multipart sets is one) and every question ``split_question`` splits,
each fact group the answer misses is placed: in a passage the answer step reads (evidence or
a following window) of a cited article, or of an uncited article (a gold source or not;
``fact_place.place``), or in no passage of the context (its article in the context or not).
A group in no passage is then looked up in the index the cache was built on: the gold
source's best chunk holding it, its 1-based rank in the fused list of the whole question's
search and of each part's search (as ``build_context`` searches them), in the e5 and BM25
candidate lists, and the stage:

* ``cut``: fused within the first 50 of some search (or in a candidate pool) but past the
  share ``build_context`` keeps (``k`` for the question, ``max(k // 2, 3)`` for a part);
* ``in reach``: within a search's kept share, yet not in the context (displaced);
* ``not retrieved``: in no candidate pool of any search;
* ``chunk``: no single chunk of a source holds the group;
* ``no source holds it``: the group is in no gold source's text (a data question).

Per set it also counts the questions with a gold source that has no passage in the context.

    python evals/multidoc_place.py C/tune.pkl=IX_RN C/gold.pkl=IX_GOLD C/mp_ta.pkl=IX_RT ... [--list]
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import abstain_cv as cv  # noqa: E402
import fact_place as fp  # noqa: E402

from assistant.nlp.questions import split_question  # noqa: E402
from assistant.nlp.text import normalise  # noqa: E402
from assistant.settings import Settings  # noqa: E402

CHECK = cv.CHECK_SETS
KINDS = ("multi_doc", "corroborated")
DEPTH = 50


Ranks = tuple[str, int, dict[tuple[str, int], int], dict[int, int], dict[int, int]]


def _retrieval(a: Any, question: str) -> list[Ranks]:
    """(query, share kept, fused rank, dense rank, BM25 rank) for the question and each part."""
    import numpy as np

    retriever = a.retriever()
    lex = retriever.lexical()
    k = a.settings.k
    parts = split_question(question)
    queries = [(question, k)] + ([(p, max(k // 2, 3)) for p in parts] if len(parts) > 1 else [])
    out = []
    for q, share in queries:
        qvec = retriever.embed_query(q)
        sims = np.asarray(lex.vectors @ np.asarray(qvec, dtype=np.float32))
        dense = {int(p): r for r, p in enumerate(np.argsort(-sims, kind="stable"), start=1)}
        bm25 = {p: r for r, (p, _) in enumerate(lex.search(q, a.settings.retrieval.pool, None), start=1)}
        fused = {(h.doc_id, h.start): r for r, h in enumerate(retriever.search(q, DEPTH, qvec=qvec), start=1)}
        out.append((q, share, fused, dense, bm25))
    return out


def stage(a: Any, gold: dict[str, Any], group: list[str], texts: dict[str, str]) -> str:
    """Where a group that is not in the context was lost by retrieval (see the module doc)."""
    sources = [d for d in gold["sources"] if any(normalise(x) in normalise(texts.get(d, "")) for x in group)]
    if not sources:
        return "no source holds it"
    lex = a.retriever().lexical()
    chunks = [
        p
        for p, m in enumerate(lex.metas)
        if m["doc_id"] in sources and any(normalise(x) in normalise(lex.text(p) or "") for x in group)
    ]
    if not chunks:
        return "chunk"
    pool = a.settings.retrieval.pool
    best: tuple[int, str] | None = None
    for q, share, fused, dense, bm25 in _retrieval(a, gold["question"]):
        for p in chunks:
            m = lex.metas[p]
            fr = fused.get((m["doc_id"], m["start"]))
            dr, lr = dense.get(p), bm25.get(p)
            note = f"{m['doc_id'][:28]}@{m['start']} fused#{fr}/{share} dense#{dr} bm25#{lr} [{q[:50]}]"
            if fr is not None and fr <= share:
                return "in reach (displaced) " + note  # kept share, yet not in the context
            if fr is not None or (dr is not None and dr <= pool) or (lr is not None and lr <= pool):
                rank = fr if fr is not None else DEPTH + min(dr or 10**6, lr or 10**6)
                if best is None or rank < best[0]:
                    best = (rank, note)
    if best is not None:
        return "cut " + best[1]
    return "not retrieved"


def main(argv: list[str]) -> int:
    pairs = [a.split("=", 1) for a in argv if not a.startswith("--")]
    for path, _ in pairs:
        if "heldout" in path or Path(path).stem == "ho":
            sys.exit("the held-out half is measured once with `assistant eval`, not read here")
        if Path(path).stem in CHECK and "--list" in argv:
            sys.exit("check caches: counts only (no --list)")
    from assistant.service import Assistant

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    total: Counter[str] = Counter()
    doc_missing: Counter[str] = Counter()
    questions: Counter[str] = Counter()
    for path, index in pairs:
        name = Path(path).stem
        a = Assistant(index_dir=Path(index), backend="extractive")
        rows = [
            r
            for r in cv.load(path)
            if r[0]["answerable"] and (r[0]["kind"] in KINDS or len(split_question(r[0]["question"])) > 1)
        ]
        questions[name] = len(rows)
        for gold, ctx, _ in rows:
            have = {e.doc_id for e in ctx.evidence}
            if any(d not in have for d in gold["sources"]):
                doc_missing[name] += 1
                if "--list" in argv:
                    gone = [d[:28] for d in gold["sources"] if d not in have]
                    print(f"-- {name} {gold['id']} [{gold['kind']}] a source absent from the context: {gone}")
        for gold, ctx, texts, answer, group in cv.missed_facts(rows, Settings()):
            where = fp.place(gold, ctx, texts, answer, group)[0]
            detail = ""
            read = [normalise(p.text) for p in [*ctx.evidence, *ctx.following.values()]]
            if not any(normalise(x) in t for x in group for t in read):
                # in no passage the answer step reads: where did retrieval lose it?
                detail = stage(a, gold, group, texts)
                head = "cut" if detail.startswith("cut") else detail.split(" [")[0].split(" ")[0]
                head = {"in": "in reach", "not": "not retrieved", "no": "no source holds it"}.get(head, head)
                art = (
                    "article in the context"
                    if any(
                        d in {e.doc_id for e in ctx.evidence}
                        for d in gold["sources"]
                        if any(normalise(x) in normalise(texts.get(d, "")) for x in group)
                    )
                    else "article not in the context"
                )
                where = f"no passage holds it ({art}): {head}"
                if head == "no source holds it":
                    where = "no passage holds it: no source holds it"
                detail = detail.removeprefix(head).strip()
            elif where.startswith(("same", "+", "-")):
                where = "in a passage of a cited article"
            elif where.startswith("another article"):
                where = "in a passage of " + where.replace("another article", "an uncited article")
            if answer.abstained:
                where = "abstained; " + where
            counts[name][where] += 1
            total[where] += 1
            if "--list" in argv:
                print(f"-- {name} {gold['id']} [{gold['kind']}] {group} -> {where} {detail}".rstrip())
                print(f"   Q: {gold['question'][:220]}")
                have = sorted({e.doc_id[:28] for e in ctx.evidence})
                print(f"   sources {[d[:28] for d in gold['sources']]} context {have}")
    print("\nquestions (multi_doc, corroborated or split; answerable) / a gold source not in the context:")
    for name in questions:
        print(f"  {name:6} {questions[name]:3} / {doc_missing[name]}")
    print("\nmissed fact groups by place:")
    for name, c in counts.items():
        print(f"  {name:6} {dict(c.most_common())}")
    print(f"  {'all':6} {sum(total.values())}: {dict(total.most_common())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
