"""evals/measure.py's list of eval sets: every gold file is there, is loaded as gold, and cites
only articles of the corpus the list pairs it with, so a round's measurement runs each set on
the index its questions were written for; the check sets it names are ``abstain_cv``'s."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from assistant.evaluation.harness import load_gold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evals"))

import abstain_cv  # noqa: E402
import measure  # noqa: E402


@pytest.mark.parametrize("s", measure.SETS, ids=lambda s: s.name)
def test_set_cites_its_own_corpus(s: measure.EvalSet) -> None:
    corpus = ROOT / measure.CORPORA[s.corpus]
    stems = {p.name.split(".")[0] for p in corpus.iterdir() if not p.name.endswith(".meta.json")}
    gold = load_gold(ROOT / s.gold)
    assert gold, s.gold
    cited = {d for item in gold for d in item.sources}
    assert cited, f"{s.gold} cites no article"
    assert cited <= stems, f"{s.gold} cites {sorted(cited - stems)[:3]}, not in {corpus}"


def test_names_are_unique_and_held_out_runs_only_when_asked() -> None:
    names = [s.name for s in measure.SETS]
    assert len(names) == len(set(names))
    assert {s.name for s in measure.SETS if s.held} == {"heldout", "wsho"}
    assert not any(s.held for s in measure._chosen("rc,r8_a"))


def test_every_check_set_is_a_known_set() -> None:
    names = {s.name for s in measure.SETS}
    written = {n for n in abstain_cv.CHECK_SETS if not n.startswith("r9_")}  # devset21's set, once written
    assert written <= names


def test_table_marks_what_moved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = "set\tn\t" + "\t".join(c for c, _ in measure.COLUMNS) + "\n"
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    a.write_text(header + "rc\t10\t0.900" + "\t-" * 8 + "\n")
    b.write_text(header + "rc\t10\t0.800" + "\t-" * 8 + "\n")
    measure.table(a, b)
    row = capsys.readouterr().out.splitlines()[-1]
    assert row.startswith("| rc | 10 | **0.900** (0.800) | - |")


def test_eval_never_runs_two_sets_of_one_corpus_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two ``assistant eval`` processes opening one fresh index clash on its writer lock, so
    ``evaluate`` runs a corpus's sets one after another (and still two corpora at a time)."""
    import threading
    import time

    lock = threading.Lock()
    running: list[str] = []
    overlaps: list[tuple[str, ...]] = []
    started: list[str] = []

    def fake_run(cmd: list[str], log: Path) -> int:
        corpus = cmd[cmd.index("--corpus") + 1]
        with lock:
            running.append(corpus)
            started.append(log.stem)
            overlaps.append(tuple(sorted(running)))
        time.sleep(0.05)
        with lock:
            running.remove(corpus)
        return 3

    monkeypatch.setattr(measure, "_run", fake_run)
    sets = measure._chosen("rt_a,rt_b,r8_a,r8_b")
    measure.evaluate(tmp_path / "ix", tmp_path, sets)
    assert sorted(started) == sorted(s.name for s in sets)
    assert all(len(set(o)) == len(o) for o in overlaps), overlaps
    assert any(len(o) == 2 for o in overlaps), "two corpora should run side by side"
    assert (tmp_path / "summary.tsv").read_text().splitlines()[0].startswith("set\tn\t")


@pytest.mark.parametrize(
    "s", [s for s in measure.SETS if s.name[:-2] in measure._HALVES or s.name == "rc"], ids=lambda s: s.name
)
def test_set_name_is_its_question_ids_prefix(s: measure.EvalSet) -> None:
    """A set's name is the prefix its writer gave the question ids ("rx_a" holds rx-a-001 ...),
    the name every README record and ``abstain_cv.CHECK_SETS`` use for it."""
    prefix = s.name.replace("_", "-") + "-"
    ids = [json.loads(line)["id"] for line in (ROOT / s.gold).read_text().splitlines() if line.strip()]
    assert ids and all(i.startswith(prefix) for i in ids), (s.gold, ids[:2])
