"""The LLM backend on a gold set, one question at a time, kept as it goes; scored afterwards.

``assistant eval --backend openai`` writes its reports when the last question is done. With
SmolLM2 on one thread of a loaded machine a question takes one to two minutes (reading a
2,000-token prompt), so a full set may not finish in the time there is. This script asks
the questions in a spread order (every ``stride``-th first, then the next offset, ...;
with ``--sample`` only the first pass), so whatever finishes is an even sample of the set,
and appends one JSON line per question: the answer shown, the model's own verified answer
(``Assistant.ask_both``), the extractive answer, the model's raw reply and whether the
model itself declined. ``score`` then scores the questions done four ways with the eval
harness (EVAL_SPEC metrics):

* ``shown``: as shown, the fallback replacing a declining model too (the default);
* ``shown_keep_decline``: as shown with ``ASSISTANT_LLM_FALLBACK_ON_DECLINE=false`` (a model's
  own abstention stands; only drafts that did not verify are replaced), derived from the
  same generation;
* ``llm_alone``: the model's own verified answers (``--no-fallback``);
* ``extractive``: the extractive backend alone.

Usage (the model server and ``OPENAI_BASE_URL`` / ``ASSISTANT_LLM_MODEL`` as in evals/README)::

    python evals/llm_sample.py ask OUT.jsonl --gold evals/gold.jsonl --corpus corpus \\
        --index-dir /tmp/ix --stride 10 --sample
    python evals/llm_sample.py score OUT.jsonl --gold evals/gold.jsonl --index-dir /tmp/ix
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from assistant.answer.verify import parse_reply
from assistant.evaluation.harness import load_gold, run_eval
from assistant.evaluation.run import StoredTexts
from assistant.service import Assistant
from assistant.settings import Settings

VIEWS = ("shown", "shown_keep_decline", "llm_alone", "extractive")


def ask(out: Path, gold_path: Path, corpus: Path, index_dir: Path, stride: int, sample: bool) -> None:
    gold = load_gold(gold_path)
    done = {json.loads(x)["id"] for x in out.read_text().splitlines()} if out.exists() else set()
    order = sorted(range(len(gold)), key=lambda i: (i % stride, i))
    if sample:
        order = [i for i in order if i % stride == 0]
    a = Assistant(index_dir=index_dir, backend="openai", settings=Settings())
    a.index([corpus])
    backend = a.backend()
    for i in order:
        item = gold[i]
        if item.id in done:
            continue
        t0 = time.perf_counter()
        shown, own = a.ask_both(item.question)
        raw = getattr(backend, "last_text", None)
        offline = a.ask(item.question, backend="extractive")
        rec = {
            "id": item.id,
            "kind": item.kind,
            "question": item.question,
            "seconds": round(time.perf_counter() - t0, 1),
            "raw": raw,
            "declined": parse_reply(raw).abstained if raw is not None else None,
            "shown": shown.model_dump(mode="json"),
            "own": own.model_dump(mode="json"),
            "extractive": offline.model_dump(mode="json"),
        }
        with out.open("a", encoding="utf-8") as f:
            f.write(json.dumps(rec) + "\n")
        print(i, item.kind, rec["seconds"], shown.fallback or "", flush=True)


def view(rec: dict[str, Any], name: str) -> dict[str, Any]:
    """One question's answer as ``name`` shows it."""
    if name == "shown_keep_decline":
        return dict(rec["own"] if rec["declined"] else rec["shown"])
    return dict(rec[{"shown": "shown", "llm_alone": "own", "extractive": "extractive"}[name]])


def score(out: Path, gold_path: Path, index_dir: Path) -> dict[str, Any]:
    recs = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    gold = [g for g in load_gold(gold_path) if g.id in recs]
    a = Assistant(index_dir=index_dir, settings=Settings())
    texts = StoredTexts(lambda d: a.article(d).text)
    result: dict[str, Any] = {"questions": len(gold), "by_kind_n": {}}
    for g in gold:
        result["by_kind_n"][g.kind] = result["by_kind_n"].get(g.kind, 0) + 1
    for name in VIEWS:
        answers = {recs[g.id]["question"]: view(recs[g.id], name) for g in gold}
        run = run_eval(gold, lambda q, answers=answers: answers[q], texts, warmup=False)  # type: ignore[misc]
        result[name] = {k: v for k, v in run.overall.items() if not k.startswith("latency")}
        result[name]["unanswerable"] = run.by_kind.get("unanswerable")
    rs = list(recs.values())
    result["fallback_answers"] = sum(r["shown"]["fallback"] == "extractive" for r in rs)
    result["declined"] = sum(bool(r["declined"]) for r in rs)
    result["declined_where_extractive_answered"] = {
        kind: sum(bool(r["declined"]) and not r["extractive"]["abstained"] for r in rs if r["kind"] == kind)
        for kind in sorted({r["kind"] for r in rs})
    }
    result["seconds_p50"] = sorted(r.get("seconds", r.get("secs")) for r in rs)[len(rs) // 2] if rs else None
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("command", choices=["ask", "score"])
    p.add_argument("out", type=Path)
    p.add_argument("--gold", type=Path, required=True)
    p.add_argument("--corpus", type=Path, default=Path("corpus"))
    p.add_argument("--index-dir", type=Path, required=True)
    p.add_argument("--stride", type=int, default=6)
    p.add_argument("--sample", action="store_true", help="only every stride-th question")
    args = p.parse_args(argv)
    if args.command == "ask":
        ask(args.out, args.gold, args.corpus, args.index_dir, args.stride, args.sample)
    else:
        if not args.out.exists():
            print(f"error: no answers file at {args.out}", file=sys.stderr)
            return 1
        print(json.dumps(score(args.out, args.gold, args.index_dir), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
