"""An answer-level abstention model, measured on cached retrieval (a candidate of abstain7).

For every question the extractive backend *answers*, a few answer-level features: the
ranker probability of the best cited sentence and of the best sentence overall, its
margin over the best sentence of another article, the share of the question's topic terms
(no names, no speech verbs) in the cited sentences and in their passages, the top
sentence's e5 similarity, whether the question asks for a specific thing, how many parts
it has. A logistic regression (``scripts/fit_ranker.fit_logistic``, class-balanced) is
fitted on the answered questions of development caches (label: the question is
unanswerable), the threshold chosen so that false abstention on the fit data stays at or
below ``--max-false``; then every cache given with ``--check`` is scored with it (counts
only: no question text is printed).

    python evals/abstain_model.py --fit /tmp/cv/tune.pkl ... --check /tmp/cv/b.pkl ...

``--cv NAME=CACHE ...`` is the leave-one-set-out form (``evals/ranker_cv.py``'s folds): each
fold is scored with the model fitted on the other folds, every metric before -> after (the
model's abstentions in place of the answers it fires on), and so is each ``--check`` cache.

    python evals/abstain_model.py --cv tune=/tmp/cv/tune.pkl a=/tmp/cv/rta.pkl b=/tmp/cv/rtb.pkl \
        --check /tmp/cv/gold.pkl --max-false 0.04
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answer.backends.extractive import _asked_names, _specific
from assistant.answer.ranker import CUE_TERMS, QUESTION_TERMS, rank
from assistant.engines.lexical import tokenize
from assistant.nlp.questions import question_names, split_question
from assistant.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from abstain_cv import answered, load  # noqa: E402  (evals/abstain_cv.py)
from fit_ranker import fit_logistic  # noqa: E402

FEATURES = (
    "bias",
    "p_cited",
    "p_top",
    "margin",
    "cov_cited",
    "cov_passage",
    "similarity",
    "specific",
    "parts",
)


def features(ctx: Any, citations: list[Any]) -> dict[str, float]:
    names = [n.lower() for n in _asked_names(ctx)]
    cands = rank(ctx, None, names)
    by_pos = {(c.n, c.span.start): c for c in cands}
    cited = [by_pos[(c.n, c.start)] for c in citations if (c.n, c.start) in by_pos]
    top = cands[0]
    sim = top.features.get("similarity", 0.0)
    other = [c.prob for c in cands if ctx.evidence[c.n - 1].doc_id != ctx.evidence[top.n - 1].doc_id]
    name_terms = {t for n in question_names(ctx.question) for t in tokenize(n)}
    terms = set(tokenize(ctx.question)) - CUE_TERMS - QUESTION_TERMS - name_terms
    held = set(tokenize(" ".join(c.text for c in cited)))
    passages = set(tokenize(" ".join(ctx.evidence[c.n - 1].text for c in citations)))
    return {
        "bias": 1.0,
        "p_cited": max((c.prob for c in cited), default=0.0),
        "p_top": top.prob,
        "margin": top.prob - max(other, default=0.0),
        "cov_cited": len(terms & held) / len(terms) if terms else 1.0,
        "cov_passage": len(terms & passages) / len(terms) if terms else 1.0,
        "similarity": sim if math.isfinite(sim) else 0.0,  # no dense score: no similarity
        "specific": float(_specific(ctx.question) is not None),
        "parts": float(len(split_question(ctx.question))),
    }


def rows(path: str) -> list[tuple[str, bool, bool, dict[str, float]]]:
    """(set, answerable, answered, features) for every cached question."""
    cached = load(path)
    out = []
    for (gold, ctx, _), (v, _) in zip(cached, answered(cached, Settings()), strict=True):
        feats = features(ctx, v.citations) if not v.abstained and v.citations else {}
        out.append((Path(path).stem, bool(gold["answerable"]), not v.abstained and bool(v.citations), feats))
    return out


def fit_model(
    fit: list[tuple[str, bool, bool, dict[str, float]]], max_false: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float] | None:
    """(weights, mean, scale, threshold) fitted on ``fit`` rows, or None without answered
    questions of both kinds; the threshold the lowest keeping false abstention <= ``max_false``."""
    ans = [r for r in fit if r[2]]
    x = np.array([[r[3][f] for f in FEATURES] for r in ans]).reshape(len(ans), len(FEATURES))
    y = np.array([0.0 if r[1] else 1.0 for r in ans])
    if not 0 < y.sum() < len(y):
        return None
    mean, scale = x.mean(0), x.std(0) + 1e-9
    mean[0], scale[0] = 0.0, 1.0
    w = fit_logistic((x - mean) / scale, y)
    prob = 1 / (1 + np.exp(-((x - mean) / scale) @ w))
    n_answerable = sum(r[1] for r in fit)
    already = sum(r[1] and not r[2] for r in fit)  # false abstentions before the model
    best = 1.0
    for t in sorted(set(prob), reverse=True):
        extra = int(((prob >= t) & (y == 0)).sum())
        if (already + extra) / n_answerable > max_false:
            break
        best = float(t)
    return w, mean, scale, best


def _fires(model: tuple[np.ndarray, np.ndarray, np.ndarray, float], feats: dict[str, float]) -> bool:
    w, mean, scale, best = model
    v = (np.array([feats[f] for f in FEATURES]) - mean) / scale
    return bool(1 / (1 + np.exp(-(v @ w))) >= best)


def cv(folds: dict[str, str], checks: list[str], max_false: float) -> None:
    """Leave-one-set-out: for each fold, the model fitted on the other folds' rows, the fold
    (and every ``checks`` cache) scored as ``assistant eval`` scores it, with the model's
    abstentions in place of the answers it fires on (fact recall / citation precision /
    abstention / false abstention, before -> after; aggregate numbers only)."""
    from assistant.evaluation.metrics import score_question, summarise

    scored: dict[str, list[tuple[Any, Any, Any, bool, dict[str, float]]]] = {}
    for path in [*folds.values(), *checks]:
        cached = load(path)
        scored[path] = [
            (gold, texts, s, ok, features(ctx, v.citations) if ok else {})
            for (gold, ctx, texts), (v, s) in zip(cached, answered(cached, Settings()), strict=True)
            for ok in [not v.abstained and bool(v.citations)]
        ]
    abstained = {
        "answer": "The articles do not say enough to answer this.",
        "abstained": True,
        "citations": [],
    }
    keys = ("fact_recall", "citation_precision", "abstention_accuracy", "false_abstention")
    for name, path in folds.items():
        fit = [
            (Path(p).stem, bool(g["answerable"]), ok, f)
            for other, p in folds.items()
            if other != name
            for g, _, _, ok, f in scored[p]
        ]
        model = fit_model(fit, max_false)
        for target in [path, *checks]:
            before = [s for _, _, s, _, _ in scored[target]]
            after = [
                score_question(g, abstained, t) if model is not None and ok and _fires(model, f) else s
                for g, t, s, ok, f in scored[target]
            ]
            b, a = summarise(before), summarise(after)
            cells = " ".join(f"{(b[k] or 0):.3f}->{(a[k] or 0):.3f}" for k in keys)
            thr = f"{model[3]:.3f}" if model is not None else "-"
            print(
                f"fold {name:6} threshold {thr} {Path(target).stem:12} fact/citP/abst/false {cells}",
                flush=True,
            )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--fit", nargs="+")
    p.add_argument("--check", nargs="*", default=[])
    p.add_argument(
        "--cv", nargs="+", metavar="NAME=CACHE", help="leave-one-set-out over these caches (--fit unused)"
    )
    p.add_argument("--max-false", type=float, default=0.03)
    args = p.parse_args(argv)
    if args.cv:
        cv(dict(c.split("=", 1) for c in args.cv), args.check, args.max_false)
        return 0
    if not args.fit:
        p.error("give --fit caches (or --cv)")
    fit = [r for path in args.fit for r in rows(path)]
    model = fit_model(fit, args.max_false)
    if model is None:
        print("the fit caches need answered questions of both kinds (answerable and not)", file=sys.stderr)
        return 2
    w, _, _, best = model
    print(
        "weights:", {f: round(float(v), 3) for f, v in zip(FEATURES, w, strict=True)}, f"threshold {best:.3f}"
    )
    for path, tag in [(f, "fit") for f in args.fit] + [(c, "check") for c in args.check]:
        rs = [r for r in (fit if tag == "fit" else rows(path)) if r[0] == Path(path).stem]
        un = [r for r in rs if not r[1]]
        an = [r for r in rs if r[1]]
        ua = sum(not r[2] for r in un)
        fa = sum(not r[2] for r in an)
        gained = sum(r[2] and _fires(model, r[3]) for r in un)
        cost = sum(r[2] and _fires(model, r[3]) for r in an)
        print(
            f"{Path(path).stem:24} [{tag}] unanswerable abstain {ua}->{ua + gained}/{len(un)}"
            f"  false {fa}->{fa + cost}/{len(an)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
