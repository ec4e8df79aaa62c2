"""Which answer to show, the LLM's or the extractive one: selection rules re-scored offline.

One ``assistant eval --backend openai`` run (fallback on) writes the answers as shown
(``REPORT/report.json``) and the LLM's own verified answers (``REPORT/llm-alone/report.json``);
one ``assistant eval`` run of the extractive backend on the same index and code writes the
extractive answers (``EXTRACTIVE/report.json``), which are the answers the fallback shows.
Every rule here picks, per question, the LLM's record or the extractive one, and the picked
records are summarised with the harness's own metrics. No model is asked again.

    python evals/llm_rules.py /tmp/llm15/rm_a /tmp/llm15/rm_a_ex [--show]

``--show`` lists, per question, which rules changed the pick (DEVELOPMENT sets only; on a
check set print the aggregate table alone).

The rules compare citations as the service's ``needs_fallback`` does (same document,
overlapping character spans); the extractive answer's "first line" is the citations its
first claim's ``[n]`` markers name (claims are joined with spaces, each closed by its
markers).
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.answer.verify import Verified, quoted_spans
from assistant.evaluation.metrics import QuestionScore, summarise
from assistant.evaluation.report import CHART_METRICS
from assistant.nlp.text import normalise
from assistant.service import needs_fallback
from assistant.types import Citation, Verification

Rec = QuestionScore
Rule = Callable[[Rec, Rec, Rec], bool]  # (as shown, LLM alone, extractive) -> show the LLM's?

MARK = re.compile(r"\[(\d+)\]")
FIRST = re.compile(r"((?:\s*\[\d+\])+)")  # the first claim's run of markers


def _load(path: Path) -> list[Rec]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [QuestionScore.model_validate(r) for r in data["records"]]


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["doc_id"] == b["doc_id"] and a["start"] < b["end"] and b["start"] < a["end"])


def _covers(llm: Rec, cites: list[dict[str, Any]]) -> bool:
    return bool(cites) and all(any(_overlaps(a, b) for a in llm.citations) for b in cites)


def first_line(ex: Rec) -> list[dict[str, Any]]:
    """The citations the extractive answer's first line rests on (its ``[n]`` markers)."""
    m = FIRST.search(ex.answer)
    ns = {int(n) for n in MARK.findall(m.group(1))} if m else set()
    return [c for c in ex.citations if c.get("n") in ns]


def _current(shown: Rec, llm: Rec, ex: Rec) -> bool:
    return shown.fallback is None


def _ex_abst(shown: Rec, llm: Rec, ex: Rec) -> bool:
    """Any extractive abstention outranks an LLM answer; otherwise the current rule."""
    return not ex.abstained and _current(shown, llm, ex)


def _first(shown: Rec, llm: Rec, ex: Rec) -> bool:
    """The LLM stands when it answered and cites every sentence of the extractive first line."""
    if ex.abstained:
        return False
    return not llm.abstained and _covers(llm, first_line(ex))


def _all(shown: Rec, llm: Rec, ex: Rec) -> bool:
    """The LLM stands when it cites every sentence the extractive answer cites."""
    if ex.abstained:
        return False
    return not llm.abstained and _covers(llm, ex.citations)


def _more(shown: Rec, llm: Rec, ex: Rec) -> bool:
    """The LLM stands when it cites the extractive first line and a sentence it lacks."""
    if not _first(shown, llm, ex):
        return False
    return any(not any(_overlaps(a, b) for b in ex.citations) for a in llm.citations)


def first_claim_text(ex: Rec) -> str:
    """The extractive answer's first claim: its text up to its first run of markers."""
    m = FIRST.search(ex.answer)
    return ex.answer[: m.start()] if m else ""


def _first_quoted(shown: Rec, llm: Rec, ex: Rec) -> bool:
    """As ``first``, and the LLM's answer shows every quotation of the extractive first
    claim whole (a claim of the LLM's that cites the sentence but quotes part of it holds
    less of what was said)."""
    if not _first(shown, llm, ex):
        return False
    said = normalise(llm.answer)
    return all(normalise(q).strip(" .,") in said for q in quoted_spans(first_claim_text(ex)))


SPEAKER = re.compile(r"^([^:\[\]]{2,60}): ")


def _first_named(shown: Rec, llm: Rec, ex: Rec) -> bool:
    """As ``first, its quotations whole``, and the LLM's answer names the speaker the
    extractive first claim names (its ``Name: `` lead)."""
    if not _first_quoted(shown, llm, ex):
        return False
    m = SPEAKER.match(first_claim_text(ex))
    said = normalise(llm.answer)
    quotes = re.findall(r"''(.+?)''", first_claim_text(ex))
    return (m is None or normalise(m.group(1)) in said) and all(normalise(q) in said for q in quotes)


def _verified(r: Rec) -> Verified:
    cites = [Citation.model_validate(c) for c in r.citations]
    return Verified(r.answer, cites, r.abstained, Verification())


def _implemented(shown: Rec, llm: Rec, ex: Rec) -> bool:
    """``service.needs_fallback`` itself on the two records."""
    return not needs_fallback(_verified(llm), _verified(ex))


def _first_keep_abst(shown: Rec, llm: Rec, ex: Rec) -> bool:
    """As ``first``, but an extractive abstention only on what the evidence lacks wins
    (the current rule's treatment of abstentions)."""
    if ex.abstained:
        return _current(shown, llm, ex)
    return _first(shown, llm, ex)


RULES: dict[str, Rule] = {
    "as shown (current: any shared citation)": _current,
    "extractive abstention outranks": _ex_abst,
    "LLM cites every first-line sentence": _first,
    "LLM cites every extractive sentence": _all,
    "first line + a sentence extractive lacks": _more,
    "first line, abstentions as current": _first_keep_abst,
    "first line, its quotations whole": _first_quoted,
    "first line, quotations whole, speaker named": _first_named,
    "implemented (service.needs_fallback)": _implemented,
}

#: The quality metrics every eval report charts, in its order.
COLS = CHART_METRICS


def _fmt(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("llm_report", type=Path)
    ap.add_argument("extractive_report", type=Path)
    ap.add_argument("--show", action="store_true", help="per-question picks (development sets only)")
    a = ap.parse_args()
    shown = _load(a.llm_report / "report.json")
    alone = _load(a.llm_report / "llm-alone" / "report.json")
    ex = _load(a.extractive_report / "report.json")
    if not [r.id for r in shown] == [r.id for r in alone] == [r.id for r in ex]:
        raise SystemExit("the three reports are not of the same questions in the same order")
    # the fallback shows exactly the extractive run's answer (same index, same code)
    same = sum(s.answer == e.answer for s, e in zip(shown, ex, strict=True) if s.fallback)
    print(f"fallback answers equal to the extractive run's: {same} of {sum(bool(s.fallback) for s in shown)}")
    rows = [("the LLM alone", alone, 0), ("extractive alone", ex, len(ex))]
    picks: dict[str, list[bool]] = {}
    for name, rule in RULES.items():
        pick = [rule(s, lm, e) for s, lm, e in zip(shown, alone, ex, strict=True)]
        picks[name] = pick
        recs = [lm if p else e for p, lm, e in zip(pick, alone, ex, strict=True)]
        rows.append((name, recs, sum(not p for p in pick)))
    print("| view (extractive answers shown) | " + " | ".join(COLS) + " |")
    print("| --- " * (len(COLS) + 1) + "|")
    for name, recs, n_ex in rows:
        s = summarise(recs)
        print(f"| {name} ({n_ex}) | " + " | ".join(_fmt(s[c]) for c in COLS) + " |")
    if a.show:
        for i, (s, lm, e) in enumerate(zip(shown, alone, ex, strict=True)):
            row = {n: p[i] for n, p in picks.items()}
            if len(set(row.values())) > 1 or row[next(iter(RULES))]:
                print(
                    f"\n{s.id} answerable={s.answerable} facts LLM={lm.facts_satisfied}"
                    f" ex={e.facts_satisfied} abst LLM={lm.abstained} ex={e.abstained}"
                )
                print("  LLM picked by:", [n for n, p in row.items() if p])
                print("  LLM:", lm.answer[:300].replace("\n", " / "))
                print("  EX :", e.answer[:300].replace("\n", " / "))


if __name__ == "__main__":
    main()
