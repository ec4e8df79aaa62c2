"""Where a missed fact that sits in another, uncited article of the context is lost.

Development caches only (it prints questions). For every answerable question whose answer
misses a fact group that ``evals/fact_place.py`` places in another article of the context
that is a gold source, each part of the question (as the answer step splits it) is ranked as
``_pick`` ranks it (the ranker for the part, then ``_ranked_by_own_ask``), and the first
candidate holding the fact is reported: its rank, probability, the part's best probability,
whether it is in the best's article, its ledger speaker, and the first bar of ``_pick`` it
fails (threshold, ``second_ratio``, ``other_article_ratio``, ``max_sentences``).

    python evals/multisource_place.py /tmp/c/gold.pkl /tmp/c/mp_ta.pkl [--multi]

``--multi`` keeps multi_doc and corroborated questions and those ``split_question`` splits.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import abstain_cv as cv  # noqa: E402
import fact_place as fp  # noqa: E402

from assistant.answer import asked  # noqa: E402
from assistant.answer.backends.extractive import (  # noqa: E402
    _asked_names,
    _ledger_speaker,
    _named_asked,
    _part_context,
    _quoted_one_named,
    _ranked_by_own_ask,
)
from assistant.answer.ranker import load_weights, rank  # noqa: E402
from assistant.nlp.questions import split_question  # noqa: E402
from assistant.nlp.text import normalise  # noqa: E402
from assistant.settings import Settings  # noqa: E402


def main(argv: list[str]) -> int:
    paths = [a for a in argv if not a.startswith("--")]
    if any("heldout" in p or Path(p).stem in cv.CHECK_SETS | {"ho"} for p in paths):
        sys.exit("development caches only")
    t = Settings().answer
    threshold = float(load_weights()["threshold"])
    tally: Counter[str] = Counter()
    for path in paths:
        rows = cv.load(path)
        for gold, ctx, texts, answer, group in cv.missed_facts(rows, Settings()):
            if answer.abstained or fp.place(gold, ctx, texts, answer, group)[0] != "another article (gold source)":
                continue
            if "--multi" in argv and not (
                gold["kind"] in ("multi_doc", "corroborated") or len(split_question(gold["question"])) > 1
            ):
                continue  # --multi: multi-article and multi-part questions only
            cited = {c.doc_id for c in answer.citations}
            parts = asked.fill_subject(asked.fill_counted(split_question(ctx.question)))
            names = [n.lower() for n in _asked_names(ctx)]
            alts = [normalise(a) for a in group]
            print(f"\n## {Path(path).stem} {gold['id']} {group}  Q: {gold['question'][:200]}")
            print(f"   cited {sorted(d[:20] for d in cited)} sources {[d[:20] for d in gold['sources']]}")
            found = []
            for i, part in enumerate(parts):
                pctx = _part_context(ctx, part) if len(parts) > 1 else ctx
                cands = rank(pctx, part if part != pctx.question else None, names)
                if part != pctx.question:
                    cands = _ranked_by_own_ask(pctx, part, names, cands)
                person = _named_asked(pctx, part) or _quoted_one_named(pctx, part)
                best = cands[0] if cands else None
                for r, c in enumerate(cands, 1):
                    if not any(a in normalise(c.text) for a in alts):
                        continue
                    ev = pctx.evidence[c.n - 1]
                    bev = pctx.evidence[best.n - 1] if best else None
                    who = _ledger_speaker(c, ev, pctx.quotes)
                    mine = bool(
                        person and who and any(k in normalise(who) for k in asked.name_keys(person))
                    )
                    if c.prob < threshold:
                        bar = "under threshold" + (
                            " (>=0.3x)" if c.prob >= t.own_marked_floor * threshold else ""
                        )
                    elif best is not None and c.prob < t.second_ratio * best.prob:
                        bar = "second_ratio"
                    elif bev is not None and ev.doc_id != bev.doc_id:
                        bar = "other_article_ratio"
                    else:
                        bar = "passes bars (max_sentences / filters)"
                    found.append((c.prob, bar, mine))
                    print(
                        f"   part {i + 1}/{len(parts)} person={person!r}: rank {r} p={c.prob:.3f} "
                        f"best={best.prob if best else 0:.3f} "
                        f"doc_cited={ev.doc_id in cited} "
                        f"best_doc={bev.doc_id == ev.doc_id if bev else None} "
                        f"ledger={who!r} asked_person's={mine} -> {bar}\n     {c.text[:160]!r}"
                    )
                    break
                else:
                    print(f"   part {i + 1}/{len(parts)}: no ranked candidate holds it")
            # the part where the fact's sentence ranks highest is the part it answers
            top = max(found) if found else (0.0, "no ranked candidate holds it", False)
            kind = "multi-part" if len(parts) > 1 else "single"
            tally[f"{kind}: {top[1]}{', the asked person' + chr(39) + 's words' if top[2] else ''}"] += 1
            print("   A:", answer.text[:300].replace("\n", " | "))
    print(f"\n{sum(tally.values())} groups")
    for k, n in tally.most_common():
        print(f"  {n:3}  {k}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
