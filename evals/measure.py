"""Every eval set in one place: fresh indexes, fresh runs, answer caches and one table.

Each round's numbers came from shell scripts kept outside the repository; when the machine was
replaced they were gone, and with them the list of which gold file goes with which corpus. This
module is that list (``SETS``) and the four steps a round's measurement takes:

    python evals/measure.py index  --ix DIR                      # one fresh index per corpus
    python evals/measure.py eval   --ix DIR --out REP [--held]   # `assistant eval` on each set
    python evals/measure.py cache  --ix DIR --out CDIR            # abstain_cv caches (not held-out)
    python evals/measure.py score  CDIR --out TSV                 # answer the caches, one row a set
    python evals/measure.py table  A.tsv [B.tsv]                  # the metric table, B's where moved

``eval`` runs the CLI as a subprocess, exactly as CI's real-news gate does, two sets at a time,
and writes ``REP/summary.tsv``. The held-out half and its who-said set run only with ``--held``
(they are measured once a round, after the merges) and report counts by kind, never questions.
``--sets`` limits any step to named sets (``--sets r8_a,r8_b``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # abstain_cv, a sibling script
COLUMNS = (
    ("fact", "fact_recall"),
    ("all", "all_facts"),
    ("spk", "speaker_accuracy"),
    ("date", "date_accuracy"),
    ("citP", "citation_precision"),
    ("citR", "citation_recall"),
    ("faith", "quote_faithfulness"),
    ("abst", "abstention_accuracy"),
    ("false", "false_abstention"),
)


@dataclass(frozen=True)
class EvalSet:
    name: str
    gold: str  # relative to the repository
    corpus: str  # key of CORPORA
    fresh: bool = True  # run by ``eval``; False: only cached (the near-miss and multipart sets)
    held: bool = False  # the held-out half: measured once a round, with --held


CORPORA = {
    "bundled": "corpus",
    "rn": "evals/realnews/corpus",
    "rt": "evals/realnews_train/corpus",
    "rc": "evals/realnews_check/corpus",
    "rf": "evals/realnews_fresh/corpus",
    "rm": "evals/realnews_more/corpus",
    "rx": "evals/realnews_next/corpus",
    "rl": "evals/realnews_last/corpus",
    "re": "evals/realnews_extra/corpus",
    "r5": "evals/realnews_fifth/corpus",
    "r6": "evals/realnews_sixth/corpus",
    "r7": "evals/realnews_seventh/corpus",
    "r8": "evals/realnews_eighth/corpus",
    "r9": "evals/realnews_ninth/corpus",
    "r10": "evals/realnews_tenth/corpus",
    "r11": "evals/realnews_eleventh/corpus",
    "r12": "evals/realnews_twelfth/corpus",
    "r13": "evals/realnews_thirteenth/corpus",
    "r14": "evals/realnews_fourteenth/corpus",
    "r15": "evals/realnews_fifteenth/corpus",
    "r16": "evals/realnews_sixteenth/corpus",
    "r17": "evals/realnews_seventeenth/corpus",
    "r18": "evals/realnews_eighteenth/corpus",
    "r19": "evals/realnews_nineteenth/corpus",
    "r20": "evals/realnews_twentieth/corpus",
    "r21": "evals/realnews_twentyfirst/corpus",
    "r22": "evals/realnews_twentysecond/corpus",
    "r23": "evals/realnews_twentythird/corpus",
    "r24": "evals/realnews_twentyfourth/corpus",
    "r25": "evals/realnews_twentyfifth/corpus",
    "r26": "evals/realnews_twentysixth/corpus",
    "r27": "evals/realnews_twentyseventh/corpus",
}

_HALVES = {
    "rt": "realnews_train",
    "rf": "realnews_fresh",
    "rm": "realnews_more",
    "rx": "realnews_next",
    "rl": "realnews_last",
    "re": "realnews_extra",
    "r5": "realnews_fifth",
    "r6": "realnews_sixth",
    "r7": "realnews_seventh",
    "r8": "realnews_eighth",
    "r9": "realnews_ninth",
    "r10": "realnews_tenth",
    "r11": "realnews_eleventh",
    "r12": "realnews_twelfth",
    "r13": "realnews_thirteenth",
    "r14": "realnews_fourteenth",
    "r15": "realnews_fifteenth",
    "r16": "realnews_sixteenth",
    "r17": "realnews_seventeenth",
    "r18": "realnews_eighteenth",
    "r19": "realnews_nineteenth",
    "r20": "realnews_twentieth",
    "r21": "realnews_twentyfirst",
    "r22": "realnews_twentysecond",
    "r23": "realnews_twentythird",
    "r24": "realnews_twentyfourth",
    "r25": "realnews_twentyfifth",
    "r26": "realnews_twentysixth",
    "r27": "realnews_twentyseventh",
}

SETS: tuple[EvalSet, ...] = (
    EvalSet("heldout", "evals/realnews/heldout.jsonl", "rn", held=True),
    EvalSet("wsho", "evals/realnews/whosaid_auto_heldout.jsonl", "rn", held=True),
    EvalSet("gold", "evals/gold.jsonl", "bundled"),
    EvalSet("tune", "evals/realnews/tune.jsonl", "rn"),
    EvalSet("rc", "evals/realnews_check/check.jsonl", "rc"),
    *(EvalSet(f"{c}_{h}", f"evals/{d}/{h}.jsonl", c) for c, d in _HALVES.items() for h in "ab"),
    EvalSet("nm_a", "evals/realnews_train/nearmiss_a.jsonl", "rt", fresh=False),
    EvalSet("nm_fa", "evals/realnews_fresh/nearmiss_a.jsonl", "rf", fresh=False),
    EvalSet("nm_fb", "evals/realnews_fresh/nearmiss_b.jsonl", "rf", fresh=False),
    EvalSet("mp_ta", "evals/realnews_train/multipart_a.jsonl", "rt", fresh=False),
    EvalSet("mp_tb", "evals/realnews_train/multipart_b.jsonl", "rt", fresh=False),
    EvalSet("mp_fa", "evals/realnews_fresh/multipart_a.jsonl", "rf", fresh=False),
    EvalSet("mp_fb", "evals/realnews_fresh/multipart_b.jsonl", "rf", fresh=False),
)


def _chosen(names: str | None, sets: tuple[EvalSet, ...] = SETS) -> list[EvalSet]:
    if not names:
        return list(sets)
    known = {s.name: s for s in sets}
    wanted = [n.strip() for n in names.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise SystemExit(f"unknown set(s) {', '.join(unknown)}; known: {', '.join(known)}")
    return [known[n] for n in wanted]


def _assistant() -> str:
    exe = Path(sys.executable).with_name("assistant")
    return str(exe) if exe.exists() else "assistant"


def _run(cmd: list[str], log: Path) -> int:
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as f:
        return subprocess.run(cmd, cwd=ROOT, stdout=f, stderr=subprocess.STDOUT, check=False).returncode


def index(ix: Path, corpora: list[str]) -> None:
    def one(key: str) -> str:
        rc = _run(
            [_assistant(), "index", CORPORA[key], "--index-dir", str(ix / f"ix_{key}"), "--json"],
            ix / f"{key}.log",
        )
        return f"{key}: {'ok' if rc == 0 else f'failed (rc {rc}, see {ix / key}.log)'}"

    with ThreadPoolExecutor(2) as pool:
        for line in pool.map(one, corpora):
            print(line, flush=True)


def _row(name: str, overall: dict[str, float | None], n: int) -> str:
    vals = ["-" if overall.get(key) is None else f"{overall[key]:.3f}" for _, key in COLUMNS]
    return "\t".join([name, str(n), *vals])


def evaluate(ix: Path, out: Path, sets: list[EvalSet]) -> None:
    """Two corpora at a time; the sets of one corpus run one after another in one worker, as
    two processes opening one not-yet-opened index would clash on its writer lock."""

    def one(s: EvalSet) -> int:
        rep = out / s.name
        cmd = [_assistant(), "eval", "--gold", s.gold, "--corpus", CORPORA[s.corpus]]
        cmd += ["--index-dir", str(ix / f"ix_{s.corpus}"), "--report", str(rep)]
        return _run(cmd, out / f"{s.name}.log")

    by_corpus: dict[str, list[EvalSet]] = {}
    for s in sets:
        by_corpus.setdefault(s.corpus, []).append(s)
    rcs: dict[str, int] = {}
    with ThreadPoolExecutor(2) as pool:
        for group in pool.map(lambda g: [(s, one(s)) for s in g], by_corpus.values()):
            rcs.update((s.name, rc) for s, rc in group)
    rows = []
    for s in sets:
        rc = rcs[s.name]
        if rc != 0:
            print(f"{s.name}: eval failed (rc {rc}); see {out / s.name}.log", file=sys.stderr)
            continue
        run = json.loads((out / s.name / "report.json").read_text())
        rows.append(_row(s.name, run["overall"], run["meta"]["questions"]))
        print(rows[-1], flush=True)
        if s.held:  # counts by kind only: the held-out questions are not read
            for kind, m in sorted(run["by_kind"].items()):
                rows.append(_row(f"{s.name}:{kind}", m, -1))
    header = "\t".join(["set", "n", *(c for c, _ in COLUMNS)])
    (out / "summary.tsv").write_text(header + "\n" + "\n".join(rows) + "\n")
    print(f"-> {out / 'summary.tsv'}")


def cache(ix: Path, out: Path, sets: list[EvalSet]) -> None:
    import abstain_cv

    for s in sets:
        if not s.held:
            abstain_cv.cache(str(ROOT / s.gold), str(ix / f"ix_{s.corpus}"), str(out / f"{s.name}.pkl"))


def score(cdir: Path, out: Path | None, names: str | None) -> None:
    import abstain_cv

    from assistant.evaluation.metrics import summarise
    from assistant.settings import Settings

    paths = sorted(cdir.glob("*.pkl"))
    if names:
        paths = [cdir / f"{s.name}.pkl" for s in _chosen(names)]
    rows = []
    for p in paths:
        pkl = abstain_cv.load(str(p))
        scores = [s for _, s in abstain_cv.answered(pkl, Settings())]
        rows.append(_row(p.stem, summarise(scores), len(scores)))
        print(rows[-1], flush=True)
    if out:
        out.write_text("\t".join(["set", "n", *(c for c, _ in COLUMNS)]) + "\n" + "\n".join(rows) + "\n")


def _read(path: Path) -> dict[str, list[str]]:
    lines = path.read_text().splitlines()[1:]
    return {ln.split("\t")[0]: ln.split("\t")[1:] for ln in lines if ln.strip()}


def table(a: Path, b: Path | None) -> None:
    """Markdown: A's row for each set, with B's value in brackets where it differs."""
    rows_a, rows_b = _read(a), (_read(b) if b else {})
    print("| set | n | " + " | ".join(c for c, _ in COLUMNS) + " |")
    print("| --- " * (len(COLUMNS) + 2) + "|")
    for name, vals in rows_a.items():
        other = rows_b.get(name)
        cells = [v if not other or other[i] == v else f"**{v}** ({other[i]})" for i, v in enumerate(vals)]
        print(f"| {name} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("index")
    i.add_argument("--ix", type=Path, required=True)
    i.add_argument("--corpora", help="comma-separated keys of CORPORA (default: all)")
    e = sub.add_parser("eval")
    e.add_argument("--ix", type=Path, required=True)
    e.add_argument("--out", type=Path, required=True)
    e.add_argument("--held", action="store_true", help="also the held-out half (once a round)")
    e.add_argument("--sets")
    c = sub.add_parser("cache")
    c.add_argument("--ix", type=Path, required=True)
    c.add_argument("--out", type=Path, required=True)
    c.add_argument("--sets")
    s = sub.add_parser("score")
    s.add_argument("cdir", type=Path)
    s.add_argument("--out", type=Path)
    s.add_argument("--sets")
    t = sub.add_parser("table")
    t.add_argument("a", type=Path)
    t.add_argument("b", type=Path, nargs="?")
    args = p.parse_args(argv)
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    if args.cmd == "index":
        keys = args.corpora.split(",") if args.corpora else list(CORPORA)
        index(args.ix, keys)
    elif args.cmd == "eval":
        chosen = [s for s in _chosen(args.sets) if s.fresh and (args.held or not s.held)]
        evaluate(args.ix, args.out, chosen)
    elif args.cmd == "cache":
        cache(args.ix, args.out, [s for s in _chosen(args.sets) if not s.held])
    elif args.cmd == "score":
        score(args.cdir, args.out, args.sets)
    else:
        table(args.a, args.b)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
