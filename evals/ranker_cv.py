"""Leave-one-set-out cross-validation of the ranker's fitting recipe (issue 16, round 9).

The ranker (``assistant/answer/ranker.py``) and its abstention threshold are fitted by
``scripts/fit_ranker.py`` on generated PolNeAR-train questions plus hand-written real-news
questions. Which hand-written sets, how much weight they get against the generated ones, the
ridge penalty and the rule that picks the threshold are the recipe; this script chooses it
by cross-validation instead of by eye.

Folds are whole hand-written sets on disjoint articles (``--fold NAME=CACHE``, each an
``evals/abstain_cv.py cache`` pickle). For each fold and each recipe the model is fitted
without the fold's questions and the fold is answered and scored exactly as ``assistant
eval`` scores it (``abstain_cv.answered``: the extractive backend, ``finalize``,
``score_question``). Recipes:

* ``R0`` generated questions only;
* ``R1`` generated + ONE of the other sets (the shape of the recipe before round 9; both
  choices are fitted and their scores averaged);
* ``R2`` generated + both other sets;
* ``R3`` both other sets only (no generated questions);

each under every hand-written weight (``--hand-weights``; R0 and R3 have no mix to weigh),
ridge penalty (``--l2``) and threshold rule (``--rules``, ``fit_ranker.THRESHOLD_RULES``).
``--baseline`` (the weights file in the repo) is scored on the same folds.

Adoption rule (stated before the run, applied by :func:`adopt`): among the recipes that have
a final fit on all sets (R0, R2, R3), the best CV mean of fact recall + abstention accuracy -
false abstention, with CV-mean citation precision not more than 0.01 below the baseline's,
and not worse than the baseline on that objective on at least two folds. None: keep the
baseline. With ``--gate CACHE`` (gold.jsonl's, in no fit) the adopted recipe is then fitted on
every set (``--final-out`` writes it) and must not be worse than the baseline on the gate by
more than one question's worth on any metric (:func:`gate`); it is reported, and a failure
means the baseline is kept. Prints aggregate numbers only (no question is shown), and refuses
the held-out half.

    python evals/ranker_cv.py --polnear ../shared/polnear/train --articles 30 \\
        --generated /tmp/p9/gen_contexts.pkl \\
        --fold tune=/tmp/cv/tune.pkl --fold a=/tmp/cv/rta.pkl --fold b=/tmp/cv/rtb.pkl \\
        --json /tmp/cv/ranker_cv.json
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from statistics import mean
from typing import Any

from abstain_cv import load  # evals/abstain_cv.py: the cached rows

from assistant.answer import ranker

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from fit_ranker import (  # noqa: E402
    THRESHOLD_RULES,
    Featurized,
    answer_scores,
    cached_items,
    fit,
    polnear_items,
)

METRICS = ("fact", "citP", "abst", "false")
FINAL = ("R0", "R2", "R3")  # recipes with a fit on every set at the end


def scores(model: dict[str, Any], rows: list[Any]) -> dict[str, float]:
    """The four metrics of one cached set answered with ``model``, and the objective."""
    out = answer_scores(model, rows)
    out["objective"] = out["fact"] + out["abst"] - out["false"]
    return out


@dataclass(frozen=True)
class Recipe:
    name: str  # R0..R3
    hand_weight: float
    l2: float
    rule: str

    @property
    def label(self) -> str:
        w = "" if self.name in ("R0", "R3") else f" w={self.hand_weight:g}"
        return f"{self.name}{w} l2={self.l2:g} {self.rule}"

    def fit_sets(self, others: list[str]) -> list[list[str]]:
        """The hand-written sets of each fit for a fold whose other sets are ``others``."""
        if self.name == "R0":
            return [[]]
        if self.name == "R1":
            return [[o] for o in others]
        return [others]

    def generated(self) -> bool:
        return self.name != "R3"


def recipes(
    hand_weights: list[float],
    l2s: list[float],
    rules: list[str],
    names: tuple[str, ...] = ("R0", "R1", "R2", "R3"),
) -> list[Recipe]:
    out = []
    for name in names:
        ws = hand_weights if name in ("R1", "R2") else [1.0]
        rs = [r for r in rules if name != "R0" or not r.startswith("answers-")]  # R0: none hand-written
        out.extend(Recipe(name, w, l2, rule) for w, l2, rule in product(ws, l2s, rs))
    return out


def cross_validate(
    generated: Featurized | None,
    folds: dict[str, tuple[Featurized, list[Any]]],
    grid: list[Recipe],
    baseline: dict[str, Any] | None,
    max_false: float = 0.04,
) -> dict[str, dict[str, dict[str, float]]]:
    """{recipe label: {fold: metrics}} (and "baseline" when given); each fold scored with
    models fitted without it."""
    table: dict[str, dict[str, dict[str, float]]] = {}
    if baseline is not None:
        table["baseline"] = {f: scores(baseline, rows) for f, (_, rows) in folds.items()}
        _print("baseline", table["baseline"])
    for r in grid:
        row: dict[str, dict[str, float]] = {}
        for fold, (_, rows) in folds.items():
            others = [o for o in folds if o != fold]
            runs = []
            for sets in r.fit_sets(others):
                parts = ([generated] if r.generated() and generated is not None else []) + [
                    folds[s][0] for s in sets
                ]
                if not parts:
                    continue
                model = fit(
                    Featurized.join(parts),
                    hand_weight=r.hand_weight,
                    l2=r.l2,
                    rule=r.rule,
                    max_false=max_false,
                    answer_rows=[x for s in sets for x in folds[s][1]],
                )
                runs.append(scores(model, rows) | {"threshold": model["threshold"]})
            row[fold] = {k: mean(x[k] for x in runs) for k in runs[0]}
        table[r.label] = row
        _print(r.label, row)
    return table


def _print(label: str, row: dict[str, dict[str, float]]) -> None:
    cells = "  ".join(
        f"{fold}: "
        + " / ".join(f"{m[k]:.3f}" for k in METRICS)
        + (f" t={m['threshold']:.2f}" if "threshold" in m else "")
        for fold, m in row.items()
    )
    obj = mean(m["objective"] for m in row.values())
    print(f"{label:34} {cells}  mean obj {obj:.3f}", flush=True)


def adopt(table: dict[str, dict[str, dict[str, float]]], slack: float = 0.01) -> str | None:
    """The recipe the adoption rule picks (module docstring), or None (keep the baseline)."""
    base = table["baseline"]
    base_citp = mean(m["citP"] for m in base.values())
    best: tuple[float, str] | None = None
    for label, row in table.items():
        if label == "baseline" or label.split()[0] not in FINAL:
            continue
        if mean(m["citP"] for m in row.values()) < base_citp - slack:
            continue
        if sum(row[f]["objective"] >= base[f]["objective"] - 1e-9 for f in base) < 2:
            continue
        objective = mean(m["objective"] for m in row.values())
        if best is None or objective > best[0] + 1e-9:  # a tie keeps the earlier recipe of the grid
            best = (objective, label)
    if best is None or best[0] <= mean(m["objective"] for m in base.values()) + 1e-9:
        return None
    return best[1]


def gate(baseline: dict[str, Any], final: dict[str, Any], rows: list[Any]) -> dict[str, Any]:
    """Baseline and final fit on ``rows``, and whether no metric is worse by more than one
    question's worth (1 / unanswerable questions for abstention, 1 / answerable ones else)."""
    n_un = sum(1 for g, _, _ in rows if not g["answerable"])
    n_ans = len(rows) - n_un
    before, after = scores(baseline, rows), scores(final, rows)
    worse = []
    for k in METRICS:
        step = 1 / max(n_un if k == "abst" else n_ans, 1)
        drop = after[k] - before[k] if k == "false" else before[k] - after[k]
        if drop > step + 1e-9:
            worse.append(k)
    return {"before": before, "after": after, "worse": worse, "passes": not worse}


def _floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",")]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--fold", action="append", required=True, help="NAME=CACHE (evals/abstain_cv.py cache)")
    p.add_argument("--polnear", type=Path, help="PolNeAR train folder the generated questions come from")
    p.add_argument("--articles", type=int, default=30)
    p.add_argument("--seed", type=int, default=16)
    p.add_argument(
        "--generated", type=Path, help="fit_ranker.py --contexts pickle of the generated questions"
    )
    p.add_argument("--baseline", type=Path, default=ranker.WEIGHTS_PATH, help="weights to beat")
    p.add_argument("--hand-weights", type=_floats, default=[1.0, 3.0, 10.0])
    p.add_argument("--l2", type=_floats, default=[1.0, 10.0, 100.0])
    p.add_argument("--rules", type=lambda t: t.split(","), default=["max-false", "answers-max-false"])
    p.add_argument("--recipes", type=lambda t: tuple(t.split(",")), default=("R0", "R1", "R2", "R3"))
    p.add_argument("--max-false-abstention", type=float, default=0.04)
    p.add_argument("--json", type=Path, help="write the table here")
    p.add_argument(
        "--gate",
        type=Path,
        help="a cache in no fit (gold.jsonl's): the adopted recipe's final fit on every set must not be "
        "worse than the baseline on it by more than one question's worth on any metric",
    )
    p.add_argument(
        "--final-out", type=Path, help="write the adopted recipe's final fit here (a weights file)"
    )
    args = p.parse_args(argv)
    folds_arg = dict(f.split("=", 1) for f in args.fold)
    if any("heldout" in v for v in folds_arg.values()):
        print("the held-out half is measured once with `assistant eval`, not here", file=sys.stderr)
        return 2
    for name, path in folds_arg.items():
        if not Path(path).is_file():
            print(f"error: --fold {name}={path}: no such cache", file=sys.stderr)
            return 1
    bad = [r for r in args.rules if r not in THRESHOLD_RULES]
    if bad:
        print(f"error: --rules {','.join(bad)}: use {','.join(THRESHOLD_RULES)}", file=sys.stderr)
        return 1
    generated = None
    if args.generated is not None:
        if args.polnear is None:
            p.error("--generated needs --polnear (the generated questions are made again from it)")
        with tempfile.TemporaryDirectory() as tmp:
            items, _ = polnear_items(args.polnear, args.articles, args.seed, Path(tmp))
        with args.generated.open("rb") as f:
            cached: dict[str, Any] = pickle.load(f)  # fit_ranker.py --contexts's own file
        n = len(items)
        if cached.get("questions", [])[:n] != [it.question for it in items]:
            print(f"error: {args.generated}: not the contexts of these generated questions", file=sys.stderr)
            return 1
        generated = Featurized.of(list(zip(items, cached["contexts"][:n], strict=True)))
    folds = {name: (Featurized.of(cached_items(Path(path))), load(path)) for name, path in folds_arg.items()}
    baseline = json.loads(args.baseline.read_text(encoding="utf-8"))
    grid = [
        r
        for r in recipes(args.hand_weights, args.l2, args.rules, args.recipes)
        if generated or not r.generated()
    ]
    table = cross_validate(generated, folds, grid, baseline, args.max_false_abstention)
    chosen = adopt(table)
    print(f"adopted: {chosen or 'none (keep the baseline)'}")
    verdict: dict[str, Any] = {}
    if chosen is not None and (args.gate or args.final_out):
        r = next(r for r in grid if r.label == chosen)
        parts = ([generated] if r.generated() and generated is not None else []) + [
            f for f, _ in folds.values()
        ]
        final = fit(
            Featurized.join(parts),
            hand_weight=r.hand_weight,
            l2=r.l2,
            rule=r.rule,
            max_false=args.max_false_abstention,
            answer_rows=[x for _, rows in folds.values() for x in rows],
        )
        final.pop("stats")
        if args.final_out:
            args.final_out.write_text(json.dumps(final, indent=2) + "\n", encoding="utf-8")
        if args.gate:
            verdict = gate(baseline, final, load(str(args.gate)))
            nums = "  ".join(f"{k} {verdict['before'][k]:.3f}->{verdict['after'][k]:.3f}" for k in METRICS)
            result = (
                "passes" if verdict["passes"] else f"FAILS ({', '.join(verdict['worse'])}): keep the baseline"
            )
            print(f"gate {args.gate.name}: final fit threshold {final['threshold']:.3f}  {nums}  {result}")
    if args.json:
        out = {"table": table, "adopted": chosen, "gate": verdict}
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
