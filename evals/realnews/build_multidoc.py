"""Build a generated multi-article set from the automatic who-said tuning set.

Hand-written multi_doc questions are few (7 on the tuning half), so a rule for multi-part,
multi-article questions is checked here too: two questions of ``whosaid_auto_tune.jsonl``
whose quotes come from two *different* articles and two *different* speakers are joined into
one question ``Who said "<quote A>", and who said "<quote B>"?`` (``kind: multi_doc``), with
both speakers' surnames as facts (one fact per part) and both articles as sources. The
pairing is deterministic: the questions in file order, each question paired with the next
unused one that differs in article and speaker; every question is used at most once.

Development data only: built from the tuning who-said set (never the held-out one).

    python evals/realnews/build_multidoc.py [--src whosaid_auto_tune.jsonl] [--out multidoc_auto_tune.jsonl]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _quote(question: str) -> str:
    """The quoted words of ``Who said "<words>"?``."""
    start = question.index('"') + 1
    return question[start : question.rindex('"')]


def pairs(items: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Each question with the next unused one from another article and another speaker."""
    used: set[int] = set()
    out = []
    for i, a in enumerate(items):
        if i in used:
            continue
        for j in range(i + 1, len(items)):
            b = items[j]
            if j in used or b["sources"][0] == a["sources"][0] or b["facts"] == a["facts"]:
                continue
            used.update((i, j))
            out.append((a, b))
            break
    return out


def joined(a: dict[str, Any], b: dict[str, Any], k: int) -> dict[str, Any]:
    qa, qb = _quote(a["question"]), _quote(b["question"])
    return {
        "id": f"rn-amd-{k:03d}",
        "question": f'Who said "{qa}", and who said "{qb}"?',
        "answerable": True,
        "answer": f"{a['answer']} {b['answer']}",
        "facts": [a["facts"][0], b["facts"][0]],
        "speaker": None,
        "date": None,
        "date_text": None,
        "sources": [a["sources"][0], b["sources"][0]],
        "kind": "multi_doc",
    }


_WH = ("who ", "what ", "when ", "which ", "how ", "where ", "why ")


def joinable(item: dict[str, Any]) -> bool:
    """An answerable one-article question that opens with a question word and is one part
    (``split_question`` leaves it whole), so joining two gives exactly two parts."""
    from assistant.nlp.questions import split_question

    q = item["question"]
    return (
        item.get("answerable", False)
        and len(item.get("sources") or []) == 1
        and q.lower().startswith(_WH)
        and q.endswith("?")
        and len(split_question(q)) == 1
    )


def joined_pair(a: dict[str, Any], b: dict[str, Any], k: int) -> dict[str, Any]:
    """``<question A>, and <question b>?``: both questions' facts, both articles."""
    qb = b["question"]
    return {
        "id": f"rn-jmd-{k:03d}",
        "question": f"{a['question'][:-1]}, and {qb[:1].lower()}{qb[1:]}",
        "answerable": True,
        "answer": f"{a['answer']} {b['answer']}",
        "facts": [*a["facts"], *b["facts"]],
        "speaker": None,
        "date": None,
        "date_text": None,
        "sources": [a["sources"][0], b["sources"][0]],
        "kind": "multi_doc",
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", default=str(HERE / "whosaid_auto_tune.jsonl"))
    ap.add_argument("--out", default=str(HERE / "multidoc_auto_tune.jsonl"))
    ap.add_argument(
        "--questions",
        action="store_true",
        help="join any one-part questions of --src (the tuning half) instead of who-said quotes",
    )
    args = ap.parse_args(argv)
    items = [json.loads(line) for line in Path(args.src).read_text(encoding="utf-8").splitlines() if line]
    if args.questions:
        items = [it for it in items if joinable(it)]
        rows = [joined_pair(a, b, k) for k, (a, b) in enumerate(pairs(items), start=1)]
    else:
        rows = [joined(a, b, k) for k, (a, b) in enumerate(pairs(items), start=1)]
    Path(args.out).write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    print(f"{len(rows)} questions -> {args.out}")


if __name__ == "__main__":
    main()
