"""The ranker's recipe chosen by leave-one-set-out cross-validation (``evals/ranker_cv.py``)
and the fitting script's new knobs (``--cached``, ``--hand-weight``, ``--l2``,
``--threshold-rule``), on invented articles: three tiny hand-written sets, each cached as
``evals/abstain_cv.py cache`` caches them, every script run as a subprocess."""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.evaluation.harness import GoldItem
from tests.contexts import context

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = {
    "river": (
        "Millbrook Gazette\n\n"
        "Mayor Jane Roe said on Monday that the town would repair the old river bridge before "
        "the winter storms, calling the work long overdue.\n\n"
        "The council will vote on the school budget next month, the town clerk said.\n"
    ),
    "harvest": (
        "Plains Courier\n\n"
        "Agronomist Priya Natarajan said wheat yields could fall by 30 percent after months "
        "without rain.\n\n"
        "The state agriculture department announced emergency loans for growers on Tuesday.\n"
    ),
    "transit": (
        "Harbor Daily\n\n"
        "Councillor Tom Becker predicted that bus fares would rise within two years despite the "
        "new transit levy.\n\n"
        "The levy takes effect on March 1, the city treasurer said.\n"
    ),
}
SETS = {
    "river": [
        ("What did Jane Roe say about the old river bridge?", True, [["repair"]], "bridge"),
        ("When will the council vote on the school budget?", True, [["next month"]], "budget"),
        ("How many lanes will the repaired river bridge have?", False, [], "bridge"),
        ("What did Jane Roe say about the ferry timetable for the bridge?", False, [], "bridge"),
    ],
    "harvest": [
        ("What did Priya Natarajan predict about wheat yields?", True, [["30 percent"]], "wheat"),
        ("When did the agriculture department announce loans?", True, [["Tuesday"]], "loans"),
        ("How much money do the emergency loans total?", False, [], "loans"),
        ("What did Priya Natarajan say about wheat prices?", False, [], "wheat"),
    ],
    "transit": [
        ("What did Tom Becker predict about bus fares?", True, [["rise within two years"]], "fares"),
        ("When does the transit levy take effect?", True, [["March 1"]], "levy"),
        ("How many buses will the levy buy?", False, [], "levy"),
        ("What did Tom Becker say about the transit levy's start?", False, [], "fares"),
    ],
}


def _needle(doc: str, word: str) -> str:
    text = ARTICLES[doc]
    sentence = next(s for s in text.split("\n\n") if word in s)
    return sentence.strip()


def _caches(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for doc, questions in SETS.items():
        rows = []
        for n, (q, answerable, facts, word) in enumerate(questions):
            kind = "unanswerable" if not answerable else ("when" if q.startswith("When") else "what_said")
            gold = GoldItem(
                id=f"{doc}-{n}",
                question=q,
                answerable=answerable,
                facts=facts,
                sources=[doc] if answerable else [],
                kind=kind,
            )
            ctx, texts = context(q, [(doc, ARTICLES[doc], _needle(doc, word))])
            rows.append((gold.model_dump(mode="json"), ctx, texts))
        path = tmp_path / f"{doc}.pkl"
        path.write_bytes(pickle.dumps(rows))
        out[doc] = path
    return out


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False)


def _import(module: str) -> object:
    for sub in ("evals", "scripts"):
        sys.path.insert(0, str(ROOT / sub))
    try:
        return __import__(module)
    finally:
        del sys.path[:2]


def test_every_fold_is_scored_by_models_fitted_without_it(tmp_path: Path) -> None:
    caches = _caches(tmp_path)
    out_json = tmp_path / "cv.json"
    folds = [f"--fold={name}={path}" for name, path in caches.items()]
    done = _run(
        "evals/ranker_cv.py", *folds, "--hand-weights", "1", "--l2", "1", "--rules", "max-false,youden",
        "--json", str(out_json),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    table = json.loads(out_json.read_text())["table"]
    assert set(table) == {"baseline", "R3 l2=1 max-false", "R3 l2=1 youden"}  # no --generated: R3 only
    for row in table.values():
        assert set(row) == set(SETS)
        for m in row.values():
            assert all(0.0 <= m[k] <= 1.0 for k in ("fact", "citP", "abst", "false"))
            assert m["objective"] == pytest.approx(m["fact"] + m["abst"] - m["false"])
    assert "adopted:" in done.stdout
    # the baseline row is the repo's weights: the same numbers abstain_cv.py score prints
    score = _run("evals/abstain_cv.py", "score", str(caches["river"]))
    line = next(x for x in score.stdout.splitlines() if " all " in x)
    assert f"fact={table['baseline']['river']['fact']:.3f}" in line, line


def test_recipes_leave_the_fold_out_and_mix_as_named() -> None:
    cv = _import("ranker_cv")
    r0, r1, r2, r3 = (cv.Recipe(n, 3.0, 1.0, "youden") for n in ("R0", "R1", "R2", "R3"))  # type: ignore[attr-defined]
    others = ["a", "b"]  # the two sets that are not the fold
    assert r0.fit_sets(others) == [[]] and r0.generated()
    assert r1.fit_sets(others) == [["a"], ["b"]] and r1.generated()
    assert r2.fit_sets(others) == [["a", "b"]] and r2.generated()
    assert r3.fit_sets(others) == [["a", "b"]] and not r3.generated()
    assert r0.label == "R0 l2=1 youden" and r2.label == "R2 w=3 l2=1 youden"
    grid = cv.recipes([1.0, 3.0], [1.0], ["max-false"])  # type: ignore[attr-defined]
    assert [r.label for r in grid] == [
        "R0 l2=1 max-false",
        "R1 w=1 l2=1 max-false",
        "R1 w=3 l2=1 max-false",
        "R2 w=1 l2=1 max-false",
        "R2 w=3 l2=1 max-false",
        "R3 l2=1 max-false",
    ]


def _m(fact: float, citp: float, abst: float, false: float) -> dict[str, float]:
    return {"fact": fact, "citP": citp, "abst": abst, "false": false, "objective": fact + abst - false}


def test_the_adoption_rule() -> None:
    cv = _import("ranker_cv")
    base = {f: _m(0.8, 0.95, 0.5, 0.05) for f in "xyz"}
    better = {f: _m(0.82, 0.95, 0.55, 0.04) for f in "xyz"}
    # best on the mean, but worse than the baseline on two folds of three
    one_fold = {"x": _m(0.99, 0.95, 0.9, 0.0), "y": _m(0.8, 0.95, 0.45, 0.05), "z": _m(0.8, 0.95, 0.45, 0.05)}
    less_precise = {f: _m(0.9, 0.93, 0.6, 0.0) for f in "xyz"}
    assert cv.adopt({"baseline": base, "R2 w=1 l2=1 youden": better}) == "R2 w=1 l2=1 youden"  # type: ignore[attr-defined]
    assert cv.adopt({"baseline": base, "R2 w=1 l2=1 youden": one_fold}) is None  # type: ignore[attr-defined]
    assert cv.adopt({"baseline": base, "R2 w=1 l2=1 youden": less_precise}) is None  # type: ignore[attr-defined]
    # R1 (one other set) has no fit on every set: reported, never adopted
    assert cv.adopt({"baseline": base, "R1 w=1 l2=1 youden": better}) is None  # type: ignore[attr-defined]
    assert cv.adopt({"baseline": base, "R0 l2=1 youden": base}) is None  # type: ignore[attr-defined]  # a tie keeps it


def test_threshold_rules_and_weighted_rows() -> None:
    fr = _import("fit_ranker")
    # answerable best probabilities 0.9, 0.8, 0.7, 0.35; unanswerable 0.6, 0.55, 0.3
    best = [(0.9, True, False), (0.8, True, False), (0.7, True, False), (0.35, True, False)]
    best += [(0.6, False, False), (0.55, False, False), (0.3, False, False)]
    t, m = fr.choose_threshold(best, 0.0, "max-false")  # type: ignore[attr-defined]
    assert t == 0.35 and m["false_abstention"] == 0.0 and m["abstention_accuracy"] == pytest.approx(1 / 3)
    t, m = fr.choose_threshold(best, 0.0, "youden")  # type: ignore[attr-defined]
    # 0.7 abstains on every unanswerable one for one answerable of four: J = 3/4, the highest
    assert t == 0.7 and m["abstention_accuracy"] == 1.0 and m["false_abstention"] == pytest.approx(1 / 4)
    with pytest.raises(ValueError, match="threshold rule"):
        fr.choose_threshold(best, 0.0, "median")  # type: ignore[attr-defined]
    # a row of weight 2 fits as two copies of the row
    rng = np.random.default_rng(1)
    x = np.column_stack([np.ones(60), rng.normal(size=60)])
    y = (x[:, 1] + rng.normal(size=60) > 0).astype(float)
    sw = np.where(np.arange(60) < 20, 2.0, 1.0)
    doubled = fr.fit_logistic(np.vstack([x, x[:20]]), np.concatenate([y, y[:20]]))  # type: ignore[attr-defined]
    assert np.allclose(fr.fit_logistic(x, y, sample_weight=sw), doubled, atol=1e-6)  # type: ignore[attr-defined]


def test_fit_script_fits_on_cached_hand_written_sets(tmp_path: Path) -> None:
    caches = _caches(tmp_path)
    out = tmp_path / "w.json"
    done = _run(
        "scripts/fit_ranker.py", "--cached", str(caches["river"]), "--cached", str(caches["harvest"]),
        "--l2", "3", "--threshold-rule", "youden", "--out", str(out),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    model = json.loads(out.read_text())
    fitted = model["fitted"]
    assert fitted["data"] == [
        "river.pkl: 4 hand-written questions river-0..river-3",
        "harvest.pkl: 4 hand-written questions harvest-0..harvest-3",
    ]
    assert fitted["l2"] == 3.0 and fitted["threshold_rule"] == "youden" and fitted["hand_written"] == 8
    assert fitted["questions"] == 8 and fitted["unanswerable"] == 4 and fitted["positives"] > 0
    assert 0.0 <= model["threshold"] <= 1.0
    missing = _run("scripts/fit_ranker.py", "--cached", str(tmp_path / "nope.pkl"))
    assert missing.returncode == 1 and "nope.pkl not found" in missing.stderr


def test_the_held_out_half_is_refused(tmp_path: Path) -> None:
    done = _run("evals/ranker_cv.py", "--fold", f"h={tmp_path / 'heldout.pkl'}")
    assert done.returncode == 2 and "held-out" in done.stderr


def test_the_answers_rule_picks_the_threshold_from_real_answers(tmp_path: Path) -> None:
    caches = _caches(tmp_path)
    out = tmp_path / "w.json"
    args = ["scripts/fit_ranker.py", "--cached", str(caches["river"]), "--cached", str(caches["transit"])]
    done = _run(*args, "--threshold-rule", "answers-youden", "--out", str(out))
    assert done.returncode == 0, done.stderr
    model = json.loads(out.read_text())
    fr = _import("fit_ranker")
    assert model["threshold"] in fr.ANSWER_GRID  # type: ignore[attr-defined]
    rows = [r for c in ("river", "transit") for r in pickle.loads(caches[c].read_bytes())]
    # the fit's abstention numbers are the answers' own at that threshold, as abstain_cv scores them
    m = fr.answer_scores(model, rows)  # type: ignore[attr-defined]
    assert model["fitted"]["abstention_accuracy"] == pytest.approx(m["abst"], abs=1e-4)
    assert model["fitted"]["false_abstention"] == pytest.approx(m["false"], abs=1e-4)
    # and no threshold of the grid has a higher abstention minus false abstention on them
    for t in fr.ANSWER_GRID:  # type: ignore[attr-defined]
        other = fr.answer_scores(model | {"threshold": t}, rows)  # type: ignore[attr-defined]
        assert other["abst"] - other["false"] <= m["abst"] - m["false"] + 1e-9
    wrong = _run(*args, "--gold", str(tmp_path / "g.jsonl"), "--corpus", str(tmp_path), "--threshold-rule",
                 "answers-youden")  # fmt: skip
    assert wrong.returncode == 2 and "give them as --cached" in wrong.stderr


def test_the_answer_level_model_under_the_same_folds(tmp_path: Path) -> None:
    caches = _caches(tmp_path)
    folds = [f"{name}={path}" for name, path in caches.items()]
    done = _run(
        "evals/abstain_model.py", "--cv", *folds, "--check", str(caches["river"]), "--max-false", "0.5"
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 6, done.stdout  # each fold: itself, then the check cache
    for name, line in zip([n for n in SETS for _ in (0, 1)], lines, strict=True):
        assert line.startswith(f"fold {name}"), line
        nums = re.findall(r"(\d\.\d{3})->(\d\.\d{3})", line)
        assert len(nums) == 4, line
        (_, _), (_, _), (ab0, ab1), (fa0, fa1) = nums
        # the model only turns answers into abstentions: neither rate can fall
        assert float(ab1) >= float(ab0) and float(fa1) >= float(fa0), line
    # each set has an answered near miss: every fold's model is fitted and catches one
    assert all(re.search(r"threshold \d\.\d{3}", line) for line in lines), done.stdout
    assert any(float(b) > float(a) for a, b in (re.findall(r"(\d\.\d{3})->(\d\.\d{3})", x)[2] for x in lines))


def test_the_gate_counts_a_question_worth_of_each_metric(tmp_path: Path) -> None:
    cv = _import("ranker_cv")
    rows = [r for c in _caches(tmp_path).values() for r in pickle.loads(c.read_bytes())]
    base = json.loads((ROOT / "assistant" / "answer" / "ranker_weights.json").read_text())
    same = cv.gate(base, base, rows)  # type: ignore[attr-defined]
    assert same["passes"] and same["worse"] == [] and same["before"] == same["after"]
    # a threshold no sentence reaches, nor comes near (a named speaker's own sentence at
    # AnswerSettings.near_threshold of it answers), abstains on every answerable question: false
    # abstention and fact recall are worse by far more than one question
    mute = cv.gate(base, base | {"threshold": 2.0}, rows)  # type: ignore[attr-defined]
    assert not mute["passes"] and {"fact", "false"} <= set(mute["worse"]), mute
    assert mute["after"]["false"] == 1.0


def test_article_folds_keep_an_article_together() -> None:
    fr = _import("fit_ranker")
    rows = [
        ({"question": "q1", "sources": ["river"]}, None, None),
        ({"question": "q2", "sources": []}, None, None),  # a near miss read with the article before
        ({"question": "q3", "sources": ["harvest"]}, None, None),
        ({"question": "q4", "sources": ["river"]}, None, None),
    ]
    folds = fr.article_folds(rows, 4)  # type: ignore[attr-defined]
    assert folds[0] == folds[1] == folds[3] and all(0 <= f < 4 for f in folds)
    assert fr.article_folds(rows, 1) == [0, 0, 0, 0]  # type: ignore[attr-defined]


def test_the_cv_rule_picks_the_threshold_from_out_of_fold_answers(tmp_path: Path) -> None:
    caches = _caches(tmp_path)
    out = tmp_path / "w.json"
    args = ["scripts/fit_ranker.py", *(x for c in caches.values() for x in ("--cached", str(c)))]
    done = _run(*args, "--threshold-rule", "cv-max-false", "--cv-folds", "3", "--max-false-abstention",
                "0.5", "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr
    model = json.loads(out.read_text())
    fr = _import("fit_ranker")
    assert model["threshold"] in fr.CV_GRID  # type: ignore[attr-defined]
    fitted = model["fitted"]
    assert fitted["cv_folds"] == 3 and fitted["threshold_rule"] == "cv-max-false <= 0.5, 3 folds by article"
    # the pooled out-of-fold curve: the chosen row is the best abstention within the bound
    curve = {}
    for line in done.stderr.splitlines():
        m = re.match(r"cv t=(\S+) fact (\S+) / citP (\S+) / abst (\S+) / false (\S+)", line)
        if m:
            curve[float(m[1])] = (float(m[4]), float(m[5]))
    assert sorted(curve) == list(fr.CV_GRID)  # type: ignore[attr-defined]
    abst, false = curve[model["threshold"]]
    assert false <= 0.5 and all(a <= abst + 1e-9 for a, f in curve.values() if f <= 0.5)
    # the weights file records the pooled out-of-fold numbers the threshold was read from
    assert fitted["abstention_accuracy"] == pytest.approx(abst, abs=1e-3)
    assert fitted["false_abstention"] == pytest.approx(false, abs=1e-3)
    wrong = _run(*args, "--gold", str(tmp_path / "g.jsonl"), "--corpus", str(tmp_path), "--threshold-rule",
                 "cv-max-false")  # fmt: skip
    assert wrong.returncode == 2 and "give them as --cached" in wrong.stderr
