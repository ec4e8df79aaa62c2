"""Where each missed what_said fact is lost, on cached development contexts.

For every answerable what_said question of a cache (``abstain_cv.py cache``) whose answer
misses a fact or the speaker: the answer, and for each missed fact whether its words are in
the cached evidence at all (else retrieval), only past a passage's edge
(``Context.following``), or in the article text outside both; and the ranked candidate
sentences that hold them (rank, ranker probability, article, the ledger's speaker), so a miss
can be put down to retrieval, another sentence picked, a cut quotation or a wrong speaker.

DEVELOPMENT caches only (tune, gold, ``realnews_train`` a, ``realnews_fresh`` a, the
generated and near-miss sets): it prints questions and answers.

    python evals/whatsaid_causes.py /tmp/me/tune.pkl /tmp/me/gold.pkl
    python evals/whatsaid_causes.py --multi /tmp/me/mp_ta.pkl   # multi-part questions too

``--multi`` also tabulates the multi-part and corroborated questions (``multi_doc``,
``corroborated``), whose what-said parts the held-out writer's questions hold; their
missed facts are listed the same way (a part asking for a figure or a name shows too).
"""

from __future__ import annotations

import sys

import abstain_cv as cv  # type: ignore[import-not-found]  # run from the repository root

from assistant.answer.backends.extractive import _asked_names, _ledger_speaker
from assistant.answer.ranker import rank
from assistant.nlp.text import normalise
from assistant.settings import Settings


def causes(path: str, kinds: tuple[str, ...] = ("what_said",)) -> None:
    rows = cv.load(path)
    print("=====", path)
    for (gold, ctx, texts), (v, s) in zip(rows, cv.answered(rows, Settings()), strict=True):
        if gold["kind"] not in kinds or not gold["answerable"]:
            continue
        miss = [g for g, h in zip(gold["facts"], s.fact_hits, strict=True) if h is None]
        if not miss and s.speaker_hit is not False:
            continue
        print(f"\n## {gold['id']} {gold['question']}\n   gold: {gold['answer']}")
        print(f"   missed: {miss} speaker {gold.get('speaker')} hit={s.speaker_hit} abstained={v.abstained}")
        print("   answer:", v.text[:600].replace("\n", " | "))
        cands = rank(ctx, None, [n.lower() for n in _asked_names(ctx)])
        for group in miss:
            alts = [normalise(a) for a in group]
            held = [
                (i, c) for i, c in enumerate(cands, 1) if any(a in normalise(c.text) for a in alts)
            ]
            in_ev = any(any(a in normalise(ev.text) for a in alts) for ev in ctx.evidence)
            past = any(any(a in normalise(ev.text) for a in alts) for ev in ctx.following.values())
            src = any(any(a in normalise(texts.get(d, "")) for a in alts) for d in gold["sources"])
            top = cands[0].prob if cands else 0.0
            print(f"   fact {group}: evidence={in_ev} past-edge={past} source={src} best p={top:.3f}")
            for i, c in held[:3]:
                ev = ctx.evidence[c.n - 1]
                who = _ledger_speaker(c, ev, ctx.quotes)
                print(f"     rank {i} p={c.prob:.3f} [{c.n}] {ev.doc_id[:16]} ledger={who}: {c.text[:200]!r}")


if __name__ == "__main__":
    if any("heldout" in p for p in sys.argv[1:]):
        sys.exit("the held-out half is measured once with `assistant eval`, not read here")
    multi = "--multi" in sys.argv[1:]
    wanted = ("what_said", "multi_doc", "corroborated") if multi else ("what_said",)
    for p in sys.argv[1:]:
        if p != "--multi":
            causes(p, wanted)
