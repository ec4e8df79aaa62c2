"""Which reported-speech attributions the ledger misses on a PolNeAR split, grouped by cue.

PolNeAR annotates every attribution, not only speech: beliefs ("Trump believes …"), plans
and feelings as well as "X said …" without quotation marks. Every gold **reported** Content
(no double quotation mark) whose Source is named by the head-word rule of
:mod:`benchmarks.quotes_polnear` is given a **status**: ``right``, ``wrong`` (found, another
speaker), ``no speaker`` (found, no speaker) or ``not detected`` (no predicted ``indirect``
record overlaps it), and a **cue class** from the gold Cue's words:

* ``according to``; ``speech: <lemma>`` when a word of the Cue is a speech verb of
  :func:`assistant.nlp.speech_verbs`; ``other: <lemma>`` for any other verb (``believe``,
  ``want``, …); ``noun`` when the Cue has no verb (``in a statement``, ``'s view``);
* ``where``: the Source ``before`` the Content in one sentence, ``after`` it, ``inside`` it,
  or ``apart`` (another sentence);
* ``that``: the Content opens with "that" or the Cue ends with it.

On **train** (the development split) ``--show CLASS`` prints the misses of a cue class with
their text (``--show all``: every miss); on **dev** only the counts are printed, never text.

CLI: ``python -m benchmarks.quotes_polnear_reported --split train [--limit N] [--show 'speech: say']``
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.quotes_polnear import (
    DEFAULT_ROOT,
    Article,
    Gold,
    _best,
    _parses,
    _spans,
    annotate_heads,
    ledger_system,
    load_split,
    speaker_matches,
)


def _cues(root: Path, split: str, doc_id: str) -> dict[tuple[tuple[int, int], ...], tuple[int, int]]:
    """The gold Cue span of each Attribution, by its Content spans (the first ``.ann``)."""
    base = root / split / "attributions"
    ann = sorted(base.glob(f"{doc_id}_*.ann"))[0]
    spans: dict[str, list[tuple[int, int]]] = {}
    out: dict[tuple[tuple[int, int], ...], tuple[int, int]] = {}
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            spans[parts[0]] = _spans(parts[1].partition(" ")[2])
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            if roles.get("Content") in spans and roles.get("Cue") in spans:
                cue = spans[roles["Cue"]]
                out[tuple(spans[roles["Content"]])] = (cue[0][0], cue[-1][1])
    return out


def cue_class(doc: Any, cue: tuple[int, int] | None, text: str) -> str:
    if cue is None:
        return "no cue"
    words = text[cue[0] : cue[1]]
    if re.search(r"\baccording\b", words, re.I):
        return "according to"
    from assistant.nlp import speech_verbs

    lemmas = frozenset(speech_verbs())
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    toks = list(span) if span is not None else []
    for t in toks:
        if t.lemma_.lower() in lemmas and t.pos_ in ("VERB", "AUX"):
            return f"speech: {t.lemma_.lower()}"
    for t in toks:
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() not in ("be", "have", "do", "will", "would"):
            return f"other: {t.lemma_.lower()}"
    for t in toks:
        if t.lemma_.lower() in lemmas:
            return f"speech-noun: {t.lemma_.lower()}"
    return "noun"


def _where(text: str, g: Gold) -> str:
    cs, ce = g.content[0][0], g.content[-1][1]
    ss, se = g.source[0][0], g.source[-1][1]
    if cs <= ss and se <= ce:
        return "inside"
    lo, hi = (se, cs) if se <= cs else (ce, ss)
    if "\n" in text[lo:hi] or re.search(r"[.!?][”\"’]?\s+[A-Z“\"]", text[lo:hi]):
        return "apart"
    return "before" if se <= cs else "after"


def run(split: str, limit: int | None, show: str | None) -> dict[str, Any]:
    arts: list[Article] = load_split(split, limit=limit)
    docs = _parses(arts)
    annotate_heads(arts, docs)
    preds = ledger_system()(arts)
    rows: list[dict[str, str]] = []
    for art, ps, doc in zip(arts, preds, docs, strict=True):
        cues = _cues(DEFAULT_ROOT, split, art.doc_id)
        indirect = [p for p in ps if p.kind == "indirect"]
        for g in art.gold:
            if g.direct or g.head_kind != "named":
                continue
            best = _best(indirect, g)
            if best is None:
                status = "not detected"
            elif not best.speaker:
                status = "no speaker"
            else:
                status = "right" if speaker_matches(g.source_text, best) else "wrong"
            cue = cues.get(tuple(g.content))
            cs = g.content[0][0]
            content = art.text[cs : g.content[-1][1]]
            row = {
                "doc": art.doc_id,
                "status": status,
                "cue": cue_class(doc, cue, art.text),
                "where": _where(art.text, g),
                "that": str(
                    content.lower().startswith("that ")
                    or (cue is not None and art.text[cue[0] : cue[1]].lower().endswith(" that"))
                ),
            }
            rows.append(row)
            if show and split == "train" and status != "right" and show in ("all", row["cue"]):
                lo = min(cs, g.source[0][0] if g.source else cs)
                hi = max(g.content[-1][1], g.source[-1][1] if g.source else cs)
                print(
                    json.dumps(
                        {
                            **row,
                            "gold": g.source_text,
                            "cue_text": art.text[cue[0] : cue[1]] if cue else None,
                            "pred": best.speaker if best else None,
                            "pred_text": art.text[best.start : best.end][:80] if best else None,
                            "content": content[:100],
                            "ctx": art.text[max(0, lo - 60) : hi + 40].replace("\n", " ¶ "),
                        },
                        ensure_ascii=False,
                    )
                )
    return {"rows": rows}


def table(rows: list[dict[str, str]], top: int = 40) -> str:
    statuses = ["right", "wrong", "no speaker", "not detected"]
    out = ["| cue | " + " | ".join(statuses) + " | all |", "|---|" + "---|" * (len(statuses) + 1)]
    by = Counter(r["cue"] for r in rows)
    for cue, n in by.most_common(top):
        cells = [sum(1 for r in rows if r["cue"] == cue and r["status"] == s) for s in statuses]
        out.append(f"| {cue} | " + " | ".join(map(str, cells)) + f" | {n} |")
    cells = [sum(1 for r in rows if r["status"] == s) for s in statuses]
    out.append("| **all** | " + " | ".join(map(str, cells)) + f" | {len(rows)} |")
    for key in ("where", "that"):
        out.append("")
        out.append(f"| {key} | " + " | ".join(statuses) + " |")
        out.append("|---|" + "---|" * len(statuses))
        for v, _n in Counter(r[key] for r in rows).most_common():
            cells = [sum(1 for r in rows if r[key] == v and r["status"] == s) for s in statuses]
            out.append(f"| {v} | " + " | ".join(map(str, cells)) + " |")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.quotes_polnear_reported", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", default=None, help="print the misses of this cue class with text (train only)")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args(argv)
    res = run(args.split, args.limit, args.show if args.split == "train" else None)
    print(table(res["rows"], args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
