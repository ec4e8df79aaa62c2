"""How many missed what_said facts the asked person's other sentences of a cited article hold.

For every answerable what_said question of a cache (``abstain_cv.py cache``; with
``--multi`` also the ``multi_doc`` and ``corroborated`` questions, part by part) whose
answer misses a fact (the answer without ``AnswerSettings.further_words``, whatsaid14's
mechanism, so the ceiling is the one that mechanism was measured against): the asked person
of each part (the answer step's own readers,
``_named_asked`` else ``_quoted_one_named``; the gold speaker only as an oracle column),
that person's sentences (quote-ledger speaker) in the articles the answer already cites,
in ranker order for the part, without the sentences the answer shows; and the rank among
them of the first one holding the missed fact. Also whether the fact is in the evidence at
all, past a passage's edge, or only in the article text. Then: how many missed facts 1, 2,
3 extra sentences of the person would recover, and the answer length (words) the extra
sentences would add, over every answered question of the set of the kinds read.

DEVELOPMENT caches only: it prints questions and answers.

    python evals/whatsaid_ceiling.py /tmp/me/tune.pkl /tmp/me/gold.pkl
    python evals/whatsaid_ceiling.py --multi /tmp/me/mp_ta.pkl
"""

from __future__ import annotations

import statistics
import sys
from collections import Counter
from typing import Any

import abstain_cv as cv  # type: ignore[import-not-found]  # run from the repository root

from assistant.answer import asked
from assistant.answer.backends.extractive import (
    _asked_names,
    _ledger_speaker,
    _named_asked,
    _part_context,
    _quoted_one_named,
    _quotes_words,
    _ranked_by_own_ask,
)
from assistant.answer.ranker import Scored, rank
from assistant.nlp.questions import split_question
from assistant.nlp.text import normalise
from assistant.settings import AnswerSettings, Settings

#: The answers as they were before the person's further words joined them (whatsaid14).
_WITHOUT = Settings(answer=AnswerSettings(further_words=0))


def persons_sentences(
    ctx: Any, part: str, names: list[str], person: str, cited: set[str], shown: Any
) -> list[Scored]:
    """The person's ledger sentences in the cited articles, in ranker order for ``part``,
    each once, without the sentences the answer shows."""
    cands = rank(ctx, part if part != ctx.question else None, names)
    if part != ctx.question:
        cands = _ranked_by_own_ask(ctx, part, names, cands)
    keys = asked.name_keys(person)
    out: list[Scored] = []
    seen: set[tuple[str, int]] = set()
    for c in cands:
        ev = ctx.evidence[c.n - 1]
        if ev.doc_id not in cited or (ev.doc_id, c.span.start) in seen:
            continue
        if any(d == ev.doc_id and s < c.span.end and c.span.start < e for d, s, e in shown):
            continue
        who = _ledger_speaker(c, ev, ctx.quotes)
        if who is None or not keys or not any(k in normalise(who) for k in keys):
            continue
        seen.add((ev.doc_id, c.span.start))
        out.append(c)
    return out


def ceiling(path: str, kinds: tuple[str, ...]) -> dict[str, Any]:
    rows = cv.load(path)
    print("=====", path)
    tally: Counter[str] = Counter()
    lengths: list[int] = []
    added: dict[int, list[int]] = {1: [], 2: [], 3: []}
    for (gold, ctx, texts), (v, s) in zip(rows, cv.answered(rows, _WITHOUT), strict=True):
        if gold["kind"] not in kinds:
            continue
        words = len(v.text.split())
        if not v.abstained:
            lengths.append(words)
        cited = {c.doc_id for c in v.citations}
        shown = [(c.doc_id, c.start, c.end) for c in v.citations]
        names = [n.lower() for n in _asked_names(ctx)]
        parts = split_question(ctx.question)
        lists: list[tuple[str, str, list[Scored]]] = []
        for part in parts:
            pctx = _part_context(ctx, part) if len(parts) > 1 else ctx
            person = _named_asked(pctx, part) or _quoted_one_named(pctx, part)
            if person:
                lists.append(("reader", person, persons_sentences(pctx, part, names, person, cited, shown)))
            elif gold.get("speaker"):
                who = gold["speaker"]
                lists.append(("oracle", who, persons_sentences(pctx, part, names, who, cited, shown)))
        if not v.abstained:
            for n in (1, 2, 3):
                quoted = [c for h, _, ls in lists if h == "reader" for c in ls[:n] if _quotes_words(c.text)]
                extra = sum(len(c.text.split()) for c in quoted)
                added[n].append(words + extra)
        if not gold["answerable"]:
            continue
        miss = [g for g, h in zip(gold["facts"], s.fact_hits, strict=True) if h is None]
        if not miss:
            continue
        print(f"\n## {gold['id']} {gold['question'][:160]}")
        print(f"   answer ({words} words, abstained={v.abstained}) cites {sorted(d[:16] for d in cited)}")
        for how, person, ls in lists:
            print(f"   {how} person {person!r}: {len(ls)} sentences in cited articles")
        for group in miss:
            tally["missed"] += 1
            alts = [normalise(a) for a in group]

            def holds(t: str, alts: list[str] = alts) -> bool:
                return any(a in normalise(t) for a in alts)

            in_ev = any(holds(ev.text) for ev in ctx.evidence)
            past = any(holds(ev.text) for ev in ctx.following.values())
            src = any(holds(texts.get(d, "")) for d in gold["sources"])
            where = "evidence" if in_ev else "past-edge" if past else "article" if src else "nowhere"
            best: tuple[int, str, str, float, bool] | None = None
            for how, _person, ls in lists:
                for i, c in enumerate(ls, 1):
                    if holds(c.text):
                        if best is None or i < best[0]:
                            best = (i, how, c.text[:140], c.prob, _quotes_words(c.text))
                        break
            if v.abstained:
                tally["abstained"] += 1
                verdict = "abstained"
            elif best is None:
                verdict = f"not a person's sentence of a cited article ({where})"
                tally[f"not there: {where}"] += 1
            else:
                verdict = f"{best[1]} rank {best[0]} p={best[3]:.3f} quotes={best[4]}: {best[2]!r}"
                tally[f"{best[1]} rank {min(best[0], 4) if best[0] < 4 else '4+'}"] += 1
            print(f"   fact {group}: {where}; {verdict}")
    med = statistics.median(lengths) if lengths else 0
    print(f"\n   {tally}")
    print(f"   answered {len(lengths)}: median words {med}", end="")
    for n in (1, 2, 3):
        if added[n]:
            q = sorted(added[n])
            print(f"; +{n}: median {statistics.median(q)} p90 {q[int(0.9 * (len(q) - 1))]}", end="")
    if lengths:
        q = sorted(lengths)
        print(f"; p90 now {q[int(0.9 * (len(q) - 1))]}")
    return dict(tally)


if __name__ == "__main__":
    if any("heldout" in p for p in sys.argv[1:]):
        sys.exit("the held-out half is measured once with `assistant eval`, not read here")
    multi = "--multi" in sys.argv[1:]
    wanted = ("what_said", "multi_doc", "corroborated") if multi else ("what_said",)
    total: Counter[str] = Counter()
    for p in sys.argv[1:]:
        if p != "--multi":
            total.update(ceiling(p, wanted))
    print("\nALL", dict(total))
