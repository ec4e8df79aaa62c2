"""Why the chosen sentence won: each answered answerable question's missed fact, by the step
of the extractive answer that lost it, with the ranker's features that put it under the best.

`context_place.py` says where a missed fact lies in the context; `whatsaid_causes.py` prints
the ranked candidates holding it. This script puts each miss in one answer-step class, from
the same ranking the answer step reads (`ranker.rank` on the cached context) and the answer's
citations, the first match winning:

* ``abstained`` (the refusal is the cause: abstain helpers' classes);
* ``not ranked: <place>`` -- no candidate sentence holds the fact: ``context_place.place``
  says where it is (``not in the context``: retrieval; ``read: following window``,
  ``before N``, ``after N``: context building);
* ``ranked, cited`` -- a cited sentence holds it (the span shown cut it, or the fact spans
  two sentences);
* ``under the threshold`` -- its best candidate ranks under the fitted abstention threshold;
* ``another article`` -- above the threshold, in another article than the best chosen
  sentence's (``other_article_ratio`` keeps it out), with ``>= / < second_ratio x best``;
* ``same article, < second_ratio x best`` -- the bar a further sentence needs;
* ``same article, >= second_ratio x best, not chosen`` -- a check of the answer step
  dropped it, or the sentence budget (``max_sentences``) left no room.

For the ``< second_ratio`` and ``another article`` classes, ``--why`` also prints the three
ranker features whose fitted logit contributions (weight x standardised value, as
``ranker.probability`` adds them) put the fact's sentence furthest under the best chosen one.

DEVELOPMENT caches only (it prints questions and answers); a check set is refused.

    python evals/whatsaid_choice.py /tmp/me/c/r7_a.pkl /tmp/me/c/r6_a.pkl [--kinds what_said,who_said] [--why]
"""

from __future__ import annotations

import math
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import abstain_cv as cv  # noqa: E402
from context_place import place  # noqa: E402

from assistant.answer.backends.extractive import _asked_names, _ledger_speaker  # noqa: E402
from assistant.answer.ranker import FEATURES, load_weights, rank  # noqa: E402
from assistant.nlp.text import normalise  # noqa: E402
from assistant.settings import Settings  # noqa: E402


def contributions(features: dict[str, float], model: dict[str, Any]) -> dict[str, float]:
    """Each feature's term of the ranker's logit (``ranker.probability``'s sum, term by term)."""
    out: dict[str, float] = {}
    for name in FEATURES:
        x = features[name]
        if math.isnan(x):
            out[name] = 0.0
            continue
        if name != "bias":
            x = (x - model["mean"].get(name, 0.0)) / (model["scale"].get(name, 1.0) or 1.0)
        out[name] = model["weights"][name] * x
    return out


def _shown(ctx: Any, cited: list[tuple[str, int, int]], c: Any) -> bool:
    """Does the answer cite candidate ``c`` (a citation of its article starting it)?"""
    doc = ctx.evidence[c.n - 1].doc_id
    return any(d == doc and a <= c.span.start < b for d, a, b in cited)


def classify(path: str, kinds: tuple[str, ...], why: bool, table: dict[str, Counter[str]]) -> None:
    name = Path(path).stem
    settings = Settings()
    model = load_weights()
    threshold = float(model["threshold"])
    ratio = settings.answer.second_ratio
    rows = cv.load(path)
    for (gold, ctx, texts), (v, s) in zip(rows, cv.answered(rows, settings), strict=True):
        if gold["kind"] not in kinds or not gold["answerable"]:
            continue
        miss = [g for g, h in zip(s.facts, s.fact_hits, strict=True) if h is None]
        if not miss:
            continue
        if v.abstained:
            table["abstained"][name] += 1
            print(f"-- {name} {gold['id']} [abstained] {gold['question']}")
            continue
        cands = rank(ctx, None, [n.lower() for n in _asked_names(ctx)])
        cited = [(c.doc_id, c.start, c.end) for c in v.citations]

        chosen = [c for c in cands if _shown(ctx, cited, c)]
        best = chosen[0] if chosen else None
        for group in miss:
            alts = [normalise(a) for a in group]
            held = [(i, c) for i, c in enumerate(cands, 1) if any(a in normalise(c.text) for a in alts)]
            detail = ""
            if not held:
                art, where = place(ctx, texts, v, group)
                cls = f"not ranked: {where if art == 'none' else art + ', ' + where}"
            else:
                i, c = held[0]
                top = best.prob if best else cands[0].prob
                other = best is not None and ctx.evidence[c.n - 1].doc_id != ctx.evidence[best.n - 1].doc_id
                if _shown(ctx, cited, c):
                    cls = "ranked, cited"
                elif c.prob < threshold:
                    cls = "under the threshold"
                elif other:
                    cls = f"another article, {'>=' if c.prob >= ratio * top else '<'} second_ratio x best"
                elif c.prob < ratio * top:
                    cls = "same article, < second_ratio x best"
                else:
                    cls = "same article, >= second_ratio x best, not chosen"
                who = _ledger_speaker(c, ctx.evidence[c.n - 1], ctx.quotes)
                detail = f"\n   fact: rank {i} p={c.prob:.3f} (best chosen p={top:.3f}) ledger={who}: "
                detail += repr(c.text[:160])
                lost_to_best = cls.startswith("another") or cls.startswith("same article, <")
                if why and best is not None and lost_to_best:
                    a, b = contributions(c.features, model), contributions(best.features, model)
                    lost = sorted(((k, a[k] - b[k]) for k in FEATURES), key=lambda kv: kv[1])[:3]
                    detail += "\n   lost on: " + ", ".join(
                        f"{k} {d:+.2f} ({c.features[k]:.2f} vs {best.features[k]:.2f})" for k, d in lost
                    )
            table[cls][name] += 1
            print(f"-- {name} {gold['id']} [{cls}] {group}\n   Q: {gold['question']}{detail}")


def main(argv: list[str]) -> int:
    paths = [a for a in argv if a.endswith(".pkl")]
    if any("heldout" in p or Path(p).stem in cv.CHECK_SETS | {"ho"} for p in paths):
        sys.exit("development caches only")
    kinds = ("what_said",)
    for a in argv:
        if a.startswith("--kinds="):
            kinds = tuple(a.split("=", 1)[1].split(","))
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for p in paths:
        classify(p, kinds, "--why" in argv, table)
    names = [Path(p).stem for p in paths]
    print()
    cv.print_class_table(table, names)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
