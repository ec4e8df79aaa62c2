"""Gold loading (and the bundled gold file), runs, baseline comparison and gates."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import BackendError, ConfigError
from assistant.evaluation.harness import (
    EvalRun,
    GoldItem,
    check_gates,
    compare,
    fingerprint_texts,
    load_gold,
    parse_gate,
    rescore,
    run_eval,
)
from assistant.nlp.text import normalise
from assistant.types import Answer, Citation
from tests.contexts import gold_row

ROOT = Path(__file__).resolve().parent.parent
CORPUS = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "corpus").glob("*.txt")}

TEXTS = {
    "d1": "Jamil Jivani called the deal a “red flag.” The talks begin in July.",
    "d2": "Poilievre wrote a letter on Monday.",
}
GOLD_LINES = [
    gold_row(id="a", question="Who called the deal a red flag?"),
    {
        "id": "b",
        "question": "When do talks begin?",
        "answerable": True,
        "answer": "July.",
        "facts": [["July"]],
        "speaker": None,
        "date": None,
        "date_text": "July",
        "sources": ["d1"],
        "kind": "when",
    },
    {
        "id": "c",
        "question": "What did Trudeau say?",
        "answerable": False,
        "answer": None,
        "facts": [],
        "speaker": None,
        "date": None,
        "date_text": None,
        "sources": [],
        "kind": "unanswerable",
    },
]


def write_gold(tmp_path: Path, rows: list[Any]) -> Path:
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return p


class ScriptedAsk:
    """Answers from a script and records every question it was asked."""

    def __init__(self, script: dict[str, Any]) -> None:
        self.script = script
        self.history: list[str] = []

    def __call__(self, question: str) -> Any:
        self.history.append(question)
        out = self.script[question]
        if isinstance(out, Exception):
            raise out
        return out


def good_script() -> dict[str, Any]:
    return {
        "Who called the deal a red flag?": Answer(
            question="q",
            answer='Jamil Jivani called it a "red flag" [1].',
            abstained=False,
            backend="scripted",
            prompt_hash="abc123",
            citations=[Citation(n=1, doc_id="d1", quote="Jamil Jivani called the deal", start=0, end=28)],
        ),
        "When do talks begin?": {
            "answer": "In July [1].",
            "abstained": False,
            "backend": "scripted",
            "citations": [{"n": 1, "doc_id": "d1", "quote": "July", "start": 61, "end": 65}],
        },
        "What did Trudeau say?": {
            "answer": "The articles do not say.",
            "abstained": True,
            "backend": "scripted",
            "citations": [],
        },
    }


class FakeClock:
    def __init__(self, step: float) -> None:
        self.t, self.step = 0.0, step

    def __call__(self) -> float:
        self.t += self.step
        return self.t


# ---------------------------------------------------------------- gold loading


def test_load_gold_reads_valid_file(tmp_path: Path) -> None:
    items = load_gold(write_gold(tmp_path, [*GOLD_LINES, ""]))
    assert [i.id for i in items] == ["a", "b", "c"]
    assert items[0].facts == [["Jivani"], ["red flag"]]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "gold.jsonl:2: not valid JSON"),
        (
            {**GOLD_LINES[0], "id": "x", "facts": "Jivani"},
            "gold.jsonl:2: invalid gold record (facts",
        ),
        (
            {k: v for k, v in GOLD_LINES[0].items() if k != "kind"} | {"id": "x"},
            "kind: Field required",
        ),
        ({**GOLD_LINES[0], "id": "x", "date": "next Tuesday"}, "date:"),
        ({**GOLD_LINES[2], "id": "x", "sources": ["d1"]}, "unanswerable question has facts"),
        ({**GOLD_LINES[0], "id": "x", "sources": []}, "needs at least one source"),
        ({**GOLD_LINES[0], "id": "x", "facts": [[]]}, "non-empty alternative"),
        (GOLD_LINES[0], "gold.jsonl:2: duplicate id 'a' (first on line 1)"),
    ],
)
def test_load_gold_errors_name_the_line(tmp_path: Path, bad: Any, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        load_gold(write_gold(tmp_path, [GOLD_LINES[0], bad]))
    assert message in str(err.value)


def test_load_gold_missing_and_empty(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="Cannot read gold file"):
        load_gold(tmp_path / "nope.jsonl")
    with pytest.raises(ConfigError, match="holds no questions"):
        load_gold(write_gold(tmp_path, [""]))


def test_bundled_gold_file_is_valid_and_grounded() -> None:
    items = load_gold(ROOT / "evals" / "gold.jsonl")
    kinds = Counter(i.kind for i in items)
    assert len(items) >= 80
    assert kinds["when"] >= 10 and kinds["unanswerable"] >= 10
    assert {"who_said", "what_said", "multi_doc", "corroborated"} <= set(kinds)
    norm = {d: normalise(t) for d, t in CORPUS.items()}
    for it in items:
        assert set(it.sources) <= set(CORPUS), it.id
        joined = " ".join(norm[s] for s in it.sources)
        for group in it.facts:  # every fact is words of a source
            assert any(normalise(a) in joined for a in group), (it.id, group)
        for s in it.sources:  # every source supports at least one fact
            assert any(normalise(a) in norm[s] for g in it.facts for a in g), (it.id, s)
        if it.date_text:
            assert normalise(it.date_text) in joined, it.id
        if it.speaker:
            assert normalise(it.speaker.split()[-1]) in joined, it.id


# ---------------------------------------------------------------- runs


def test_run_eval_scores_answers_and_records_metadata(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, GOLD_LINES))
    ask = ScriptedAsk(good_script())
    run = run_eval(gold, ask, TEXTS, embedder="fake-embedder", clock=FakeClock(0.010))
    # warm-up asks the first question once more, untimed
    assert ask.history == [g.question for g in [gold[0], *gold]]
    assert run.overall["fact_recall"] == 1.0
    assert run.overall["abstention_accuracy"] == 1.0
    assert run.overall["quote_faithfulness"] == 1.0
    assert run.overall["date_accuracy"] == 1.0
    assert run.overall["latency_p50_ms"] == pytest.approx(10.0)
    assert set(run.by_kind) == {"who_said", "when", "unanswerable"}
    assert run.by_kind["unanswerable"]["fact_recall"] is None
    assert run.failures == []
    m = run.meta
    assert (m.backend, m.embedder, m.prompt_hash, m.questions) == (
        "scripted",
        "fake-embedder",
        "abc123",
        3,
    )
    assert m.corpus_fingerprint == fingerprint_texts(TEXTS)
    assert m.timestamp.endswith("+00:00")
    assert m.git_commit is None or len(m.git_commit) >= 40


def test_run_eval_without_warmup_and_with_backend_error(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, GOLD_LINES))
    script = good_script()
    script["When do talks begin?"] = BackendError("server said 503")
    ask = ScriptedAsk(script)
    run = run_eval(gold, ask, TEXTS, warmup=False)
    assert len(ask.history) == 3
    rec = {r.id: r for r in run.records}["b"]
    assert rec.error == "server said 503"
    assert rec.failures[0] == "error: server said 503"
    assert run.overall["fact_recall"] == 0.5


def test_rescore_scores_other_answers_to_the_same_questions(tmp_path: Path) -> None:
    """One generation seen two ways (issue 17): the answers shown after a fallback and the
    backend's own. Rescoring with the own answers scores exactly what a run asking for
    them scores, keeps the run's latencies and errors, and counts fallbacks per run."""
    gold = load_gold(write_gold(tmp_path, GOLD_LINES))
    shown = good_script()
    shown["Who called the deal a red flag?"] = shown["Who called the deal a red flag?"].model_copy(
        update={"fallback": "extractive"}
    )
    shown["When do talks begin?"] = BackendError("server said 503")
    own = dict(good_script())
    own["Who called the deal a red flag?"] = {"answer": "The articles do not say.", "abstained": True}
    run = run_eval(gold, ScriptedAsk(shown), TEXTS, warmup=False, clock=FakeClock(0.010))
    assert run.meta.extra["fallback_answers"] == 1 and run.overall["fact_recall"] == 0.5
    again = rescore(run, gold, own, TEXTS)
    own["When do talks begin?"] = BackendError("server said 503")
    direct = run_eval(gold, ScriptedAsk(own), TEXTS, warmup=False, clock=FakeClock(0.010))
    assert again.overall == direct.overall and again.by_kind == direct.by_kind
    assert again.overall["fact_recall"] == 0.0 and again.overall["false_abstention"] == 0.5
    assert [r.latency_ms for r in again.records] == [r.latency_ms for r in run.records]
    assert {r.id: r.error for r in again.records}["b"] == "server said 503"
    assert "fallback_answers" not in again.meta.extra
    assert (again.meta.timestamp, again.meta.backend) == (run.meta.timestamp, run.meta.backend)
    with pytest.raises(ValueError, match="in its order"):
        rescore(run, gold[::-1], own, TEXTS)


def test_run_eval_bugs_propagate(tmp_path: Path) -> None:
    gold = load_gold(write_gold(tmp_path, GOLD_LINES))
    script = good_script()
    script["Who called the deal a red flag?"] = KeyError("bug")
    with pytest.raises(KeyError):
        run_eval(gold, ScriptedAsk(script), TEXTS)


def test_fingerprint_depends_on_ids_and_content_not_order() -> None:
    a = fingerprint_texts({"x": "1", "y": "2"})
    assert a == fingerprint_texts({"y": "2", "x": "1"})
    assert a != fingerprint_texts({"x": "1", "y": "3"})
    assert a != fingerprint_texts({"x": "1", "z": "2"})


def _run(tmp_path: Path, script: dict[str, Any] | None = None, step: float = 0.01) -> EvalRun:
    gold = load_gold(write_gold(tmp_path, GOLD_LINES))
    return run_eval(gold, ScriptedAsk(script or good_script()), TEXTS, clock=FakeClock(step))


def test_run_round_trips_through_json(tmp_path: Path) -> None:
    run = _run(tmp_path)
    path = tmp_path / "run.json"
    path.write_text(run.model_dump_json())
    again = EvalRun.load(path)
    assert again.overall == run.overall
    assert again.records[0].fact_hits == run.records[0].fact_hits
    (tmp_path / "bad.json").write_text("{}")
    with pytest.raises(ConfigError, match="not an eval report"):
        EvalRun.load(tmp_path / "bad.json")


# ---------------------------------------------------------------- compare and gates


def worse_script() -> dict[str, Any]:
    script = good_script()
    script["When do talks begin?"] = {"answer": "Soon.", "abstained": False, "citations": []}
    script["What did Trudeau say?"] = {"answer": "He said hi.", "abstained": False, "citations": []}
    return script


def test_compare_marks_regressions_both_directions(tmp_path: Path) -> None:
    base = _run(tmp_path)
    worse = _run(tmp_path, worse_script(), step=0.1)
    deltas = {(d.scope, d.metric): d for d in compare(worse, base)}
    fr = deltas[("overall", "fact_recall")]
    assert fr.delta == pytest.approx(-0.5) and fr.regression
    assert deltas[("overall", "abstention_accuracy")].regression
    assert deltas[("overall", "latency_p50_ms")].regression  # 10x slower
    assert not deltas[("overall", "speaker_accuracy")].regression
    assert deltas[("when", "date_accuracy")].regression
    assert not deltas[("when", "latency_p50_ms")].regression  # latency: judged overall only
    assert not any(d.regression for d in compare(base, base))
    better = {(d.scope, d.metric): d for d in compare(base, worse)}
    assert not better[("overall", "fact_recall")].regression
    assert not better[("overall", "latency_p95_ms")].regression


def test_compare_treats_small_latency_noise_as_no_regression(tmp_path: Path) -> None:
    base = _run(tmp_path, step=0.100)
    noisy = _run(tmp_path, step=0.110)
    d = {(x.scope, x.metric): x for x in compare(noisy, base)}[("overall", "latency_p50_ms")]
    assert d.delta == pytest.approx(10.0) and not d.regression


def test_check_gates_floors_and_ceilings(tmp_path: Path) -> None:
    run = _run(tmp_path, worse_script())
    assert run.overall["fact_recall"] == 0.5
    fails = check_gates(
        run, ["fact_recall=0.4", "citation_recall=0.5", "false_abstention=0", "latency_p95_ms=1000"]
    )
    assert fails == []
    fails = check_gates(
        run,
        [
            "fact_recall=0.6",
            "latency_p95_ms=5",
            "when.date_accuracy=0.5",
            "multi_doc.fact_recall=0.1",
        ],
    )
    assert [(f.scope, f.metric) for f in fails] == [
        ("overall", "fact_recall"),
        ("overall", "latency_p95_ms"),
        ("when", "date_accuracy"),
        ("multi_doc", "fact_recall"),
    ]
    assert str(fails[0]) == "fact_recall = 0.500, gate: at least 0.6"
    assert str(fails[1]) == "latency_p95_ms = 10.000, gate: at most 5"
    assert str(fails[3]) == "fact_recall [multi_doc] = not measured, gate: at least 0.1"


@pytest.mark.parametrize("spec", ["fact_recall", "fact_recal=0.5", "fact_recall=high", "=1"])
def test_bad_gates_are_config_errors(spec: str) -> None:
    with pytest.raises(ConfigError, match="Bad gate"):
        parse_gate(spec)


def test_gold_item_extra_fields_allowed() -> None:
    item = GoldItem.model_validate({**GOLD_LINES[0], "notes": "new optional field"})
    assert item.model_dump()["notes"] == "new optional field"
