"""The LLM tier's selection rule measured with scripted models on cached retrieval.

No strong model is installable here, so the rule that decides whether the LLM's verified
answer or the extractive one is shown (``service.needs_fallback``) is measured with
scripted chat models, for MEASUREMENT ONLY (never a backend the product ships):

* ``oracle``: a strong model. It answers from the retrieved context by writing each
  evidence sentence that holds a gold fact (the fewest sentences that hold every fact the
  context holds, best-ranked source first), led by the speaker's name when the article
  names the gold speaker, and abstains when the question is unanswerable or the context
  holds none of its facts. It reads gold, which is what makes it an oracle.
* ``wrong``: a plausible but wrong model. It writes the ranker's best evidence sentence that
  holds no gold fact (a sentence with a quotation first: the words of someone, a near miss),
  led by the name of the person the question asks about, and answers every unanswerable
  question that way too.
* ``echo``: the product's own floor backend (``EchoBackend``: the top source's sentence
  sharing most words with the question).
* ``replies:FILE``: the replies a real model gave on the same contexts (``draft`` below
  writes them), parsed as the OpenAI backend parses a reply.

Each cached question (``evals/abstain_cv.py cache``) goes the way ``Assistant._run`` takes
it: the extractive answer is drafted and verified first, its sentences become the
context's ``leads``, the model drafts from that context, its draft is verified with the
same ``finalize``, and the rule picks. Every view is scored with the harness's
``score_question``: extractive alone, the LLM alone, main's rule (round 15: the LLM stands
only when it holds the extractive first claim whole) and the implemented rule
(``service.needs_fallback`` as it is on this branch).

    python evals/llm_oracle.py score /tmp/llm16/c/rm_a.pkl --model oracle --model wrong
    OPENAI_BASE_URL=http://127.0.0.1:8116/v1 OPENAI_API_KEY=none ASSISTANT_LLM_MODEL=smollm2 \\
      python evals/llm_oracle.py draft /tmp/llm16/c/rm_a.pkl --out /tmp/llm16/smol/rm_a.jsonl
    python evals/llm_oracle.py score /tmp/llm16/c/rm_a.pkl --model replies:/tmp/llm16/smol/rm_a.jsonl

``--show`` prints, per question where the two rules pick differently, both answers and
whether each was right (DEVELOPMENT sets only; on a check set print the tables alone).
``--counts`` prints, per rule branch of the implemented rule, how often the LLM's answer it
let stand was better, worse or the same as the extractive one (aggregate, any set).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from abstain_cv import load

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.answer.backends.scripted import EchoBackend
from assistant.answer.verify import Verified, finalize, parse_reply, quoted_spans
from assistant.errors import AssistantError
from assistant.evaluation.metrics import QuestionScore, fact_hits, score_question, summarise
from assistant.evaluation.report import CHART_METRICS
from assistant.nlp.claims import CANNOT_ANSWER
from assistant.nlp.text import normalise, quotes_balanced
from assistant.service import fallback_reason
from assistant.settings import Settings
from assistant.types import Context, Draft

Row = tuple[dict[str, Any], Context, dict[str, str]]
Model = Callable[[dict[str, Any], Context, Draft], Draft]  # (gold, context, extractive draft)


def prepared(
    rows: list[Row], settings: Settings
) -> Iterator[tuple[dict[str, Any], Context, dict[str, str], Draft, Verified]]:
    """Each cached question as ``Assistant._run`` prepares it for a generative backend:
    (gold, context with the extractive answer's sentences as ``leads``, texts, the
    extractive draft, the verified extractive answer)."""
    be = ExtractiveBackend(settings)
    for gold, ctx, texts in rows:
        lead = be.answer(ctx)
        offline = finalize(ctx, lead, texts, tuning=settings.answer)
        if not offline.abstained:
            ctx = ctx.model_copy(update={"leads": lead.citations})
        yield gold, ctx, texts, lead, offline


def _sentences(ctx: Context) -> Iterator[tuple[int, str]]:
    """(source number, sentence text) of every evidence sentence, sources in rank order."""
    for n, ev in enumerate(ctx.evidence, 1):
        for s in ev.sentences:
            if s.start in ev.headline:
                continue
            text = ev.at(s.start, s.end).strip()
            if text:
                yield n, text


def _shown(sentence: str) -> str:
    """A sentence as a model would copy it: its quotation marks dropped when they do not
    pair within it (a quotation running on past the sentence)."""
    return sentence if quotes_balanced(sentence) else re.sub('["“”]', "", sentence)


def _led(who: str | None, sentence: str) -> str:
    return f"{who}: {sentence}" if who and who.split()[-1].lower() not in sentence.lower() else sentence


def _in_sources(name: str | None, ctx: Context, texts: dict[str, str]) -> str | None:
    if not name:
        return None
    last = name.split()[-1].lower()
    return name if any(last in texts.get(ev.doc_id, ev.text).lower() for ev in ctx.evidence) else None


def oracle(texts: dict[str, str], leads: bool = False) -> Model:
    """The strong model; with ``leads`` it keeps the extractive answer (the prompt's
    ``<lead>`` sentences) when that holds a fact, and adds a sentence for each fact it lacks."""

    def model(gold: dict[str, Any], ctx: Context, lead: Draft) -> Draft:
        groups = [list(g) for g in gold.get("facts") or []]
        if not gold.get("answerable", True) or not groups:
            return Draft(text=f"{CANNOT_ANSWER} this.", abstained=True)
        sents = [(n, s, fact_hits(groups, s)) for n, s in _sentences(ctx)]
        kept = [] if not leads or lead.abstained else fact_hits(groups, lead.text)
        todo, picked = {i for i in range(len(groups)) if not (kept and kept[i])}, []
        while todo:
            best = max(sents, key=lambda x: len({i for i, h in enumerate(x[2]) if h} & todo), default=None)
            got = {i for i, h in enumerate(best[2]) if h} & todo if best else set()
            if not got or best is None:
                break
            picked.append(best)
            todo -= got
        head = lead.text if any(kept) else ""
        if not picked and not head:
            return Draft(text=f"{CANNOT_ANSWER} this.", abstained=True)
        who = _in_sources(gold.get("speaker"), ctx, texts)
        return Draft(text=" ".join([head, *(f"{_led(who, _shown(s))} [{n}]" for n, s, _ in picked)]).strip())

    return model


def wrong(settings: Settings, leads: bool = False) -> Model:
    """The plausible but wrong model; with ``leads`` it keeps the extractive answer and adds
    its wrong sentence after it."""
    ranker = ExtractiveBackend(settings)

    def model(gold: dict[str, Any], ctx: Context, lead: Draft) -> Draft:
        groups = [list(g) for g in gold.get("facts") or []]
        cands = [c for c in ranker.candidates(ctx) if not any(fact_hits(groups, c.text))] if groups else []
        if not groups:
            cands = ranker.candidates(ctx)
        if not cands:
            return Draft(text=f"{CANNOT_ANSWER} this.", abstained=True)
        quoting = [c for c in cands if re.search('["“”]', c.text)]
        c = (quoting or cands)[0]
        who = gold.get("speaker") or ctx.speaker or ctx.unquoted
        head = lead.text if leads and not lead.abstained else ""
        return Draft(text=f"{head} {_led(who, _shown(c.text.strip()))} [{c.n}]".strip())

    return model


def echo() -> Model:
    be = EchoBackend()
    return lambda gold, ctx, lead: be.answer(ctx)


def replies(path: Path) -> Model:
    got = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        got[r["id"]] = r

    def model(gold: dict[str, Any], ctx: Context, lead: Draft) -> Draft:
        r = got[gold["id"]]
        if r.get("error"):
            return Draft(text=f"{CANNOT_ANSWER}: the model failed.", abstained=True)
        if r.get("reply") is None:
            return Draft(text=f"{CANNOT_ANSWER}: nothing relevant was found.", abstained=True)
        return parse_reply(r["reply"])

    return model


def _main_rule(llm: Verified, offline: Verified) -> bool:
    """Main's rule (round 15, ed7eda9), frozen here: does the extractive answer replace the
    LLM's? (the LLM stands only when it holds the extractive answer's first claim)"""
    if offline.abstained:
        return not llm.abstained
    if llm.abstained:
        return True
    beside = any(not any(_overlap(a, b) for b in offline.citations) for a in llm.citations)
    return beside or not _main_holds_first(llm, offline)


_FIRST = re.compile(r"(?:\s*\[\d+(?:\s*,\s*\d+)*\])+")


def _main_holds_first(llm: Verified, offline: Verified) -> bool:
    """Main's ``service.holds_first_claim`` (ed7eda9): the first run of markers ends the
    first claim; its sentences cited, its quotations whole, its lead's name named."""
    m = _FIRST.search(offline.text)
    if m is None:
        return False
    ns = {int(n) for n in re.findall(r"\d+", m.group(0))}
    lead = [c for c in offline.citations if c.n in ns]
    if not lead or not all(any(_overlap(a, b) for a in llm.citations) for b in lead):
        return False
    claim = offline.text[: m.start()]
    said = normalise(llm.text)
    quotes = [normalise(q).strip(" .,") for q in quoted_spans(claim)]
    quotes += [normalise(q) for q in re.findall(r"''(.+?)''", claim)]
    who = re.match(r"^([^:\[\]]{2,60}): ", claim)
    named = who is None or re.search(rf"\b{re.escape(normalise(who.group(1)).split()[-1])}\b", said)
    return all(q in said for q in quotes) and bool(named)


def _overlap(a: Any, b: Any) -> bool:
    return bool(a.doc_id == b.doc_id and a.start < b.end and b.start < a.end)


def _record(gold: dict[str, Any], v: Verified, texts: dict[str, str]) -> QuestionScore:
    ans = {"answer": v.text, "abstained": v.abstained, "citations": [c.model_dump() for c in v.citations]}
    return score_question(gold, ans, texts)


def _better(a: QuestionScore, b: QuestionScore) -> int:
    """+1 when record ``a`` scores better than ``b`` on this question, -1 worse, 0 same
    (answerable: facts held, then speaker; unanswerable: abstained)."""
    if not a.answerable:
        return int(a.abstained) - int(b.abstained)
    fa, fb = sum(h is not None for h in a.fact_hits), sum(h is not None for h in b.fact_hits)
    if fa != fb:
        return 1 if fa > fb else -1
    if a.abstained != b.abstained:
        return 1 if b.abstained else -1
    sa, sb = bool(a.speaker_hit), bool(b.speaker_hit)
    if sa != sb:
        return 1 if sa else -1
    pa = len(a.cited_in_sources) / max(len(a.cited_docs), 1)
    pb = len(b.cited_in_sources) / max(len(b.cited_docs), 1)
    return (pa > pb) - (pa < pb)


def _fmt(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def score(path: str, model_name: str, settings: Settings, show: bool, counts: Counter[str]) -> None:
    rows: list[Row] = load(path)
    views: dict[str, list[QuestionScore]] = {"extractive alone": [], "the LLM alone": []}
    views |= {"as shown, main's rule": [], "as shown, implemented": []}
    n_llm = Counter[str]()
    for gold, ctx, texts, lead, offline in prepared(rows, settings):
        if model_name.startswith("oracle"):
            model = oracle(texts, leads=model_name.endswith("+leads"))
        elif model_name.startswith("wrong"):
            model = wrong(settings, leads=model_name.endswith("+leads"))
        elif model_name == "echo":
            model = echo()
        else:
            model = replies(Path(model_name.split(":", 1)[1]))
        own = finalize(ctx, model(gold, ctx, lead), texts, tuning=settings.answer)
        ex, alone = _record(gold, offline, texts), _record(gold, own, texts)
        old = _main_rule(own, offline)
        why = fallback_reason(own, offline)
        views["extractive alone"].append(ex)
        views["the LLM alone"].append(alone)
        views["as shown, main's rule"].append(ex if old else alone)
        views["as shown, implemented"].append(ex if why else alone)
        n_llm["as shown, main's rule"] += not old
        n_llm["as shown, implemented"] += why is None
        n_llm["the LLM alone"] += 1
        if (why is None) == old:  # the two rules pick differently: was the LLM's answer better?
            verdict = {1: "better", -1: "worse", 0: "the same"}[_better(alone, ex)]
            who = "this rule only" if why is None else "main's rule only"
            counts[f"{model_name.split(':')[0]}: the LLM's answer shown by {who}, {verdict}"] += 1
        if show and ((why is None) != (not old) or (why is None and _better(alone, ex) < 0)):
            print(
                f"\n{gold['id']} answerable={gold['answerable']} main: {'EX' if old else 'LLM'}"
                f" new: {'LLM' if why is None else why} LLM vs EX: {_better(alone, ex)}"
            )
            print(f"  Q  : {gold['question']}")
            print(f"  LLM: facts={sum(h is not None for h in alone.fact_hits)} {own.text[:300]!r}")
            print(f"  EX : facts={sum(h is not None for h in ex.fact_hits)} {offline.text[:300]!r}")
    print(f"\n{Path(path).stem} / model {model_name.split(':')[0]} ({len(rows)} questions)")
    print("| view (LLM answers shown) | " + " | ".join(CHART_METRICS) + " |")
    print("| --- " * (len(CHART_METRICS) + 1) + "|")
    for name, recs in views.items():
        s = summarise(recs)
        print(f"| {name} ({n_llm[name]}) | " + " | ".join(_fmt(s[c]) for c in CHART_METRICS) + " |")


def draft(path: str, out: Path, settings: Settings) -> None:
    """Ask the configured OpenAI-compatible model once per cached question (the prompt the
    service builds, ``leads`` included) and append its raw reply to ``out`` (resumable)."""
    from assistant.answer.backends.openai_backend import OpenAIBackend

    done = set()
    if out.exists():
        done = {
            json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines() if line.strip()
        }
    out.parent.mkdir(parents=True, exist_ok=True)
    be = OpenAIBackend(settings)
    rows: list[Row] = load(path)
    for gold, ctx, _, _, _ in prepared(rows, settings):
        if gold["id"] in done:
            continue
        t0 = time.perf_counter()
        rec: dict[str, Any] = {"id": gold["id"], "reply": None}
        if ctx.evidence:
            try:
                rec["reply"] = be.complete(be.messages(ctx))
            except AssistantError as exc:  # a server that went away or timed out
                rec["error"] = str(exc)
        rec["seconds"] = round(time.perf_counter() - t0, 1)
        with out.open("a", encoding="utf-8") as f:
            f.write(json.dumps(rec) + "\n")
        print(f"{gold['id']} {rec['seconds']}s", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draft")
    d.add_argument("cache")
    d.add_argument("--out", required=True, type=Path)
    s = sub.add_parser("score")
    s.add_argument("cache", nargs="+")
    s.add_argument(
        "--model", action="append", default=[], help="oracle[+leads] | wrong[+leads] | echo | replies:FILE"
    )
    s.add_argument("--show", action="store_true", help="questions the rules pick differently (dev sets only)")
    s.add_argument("--counts", action="store_true", help="how often a newly allowed LLM answer was better")
    a = p.parse_args(argv)
    if "heldout" in (a.cache if a.cmd == "draft" else " ".join(a.cache)):
        print("the held-out half is measured once with `assistant eval`, not here", file=sys.stderr)
        return 2
    settings = Settings()
    if a.cmd == "draft":
        draft(a.cache, a.out, settings)
        return 0
    counts: Counter[str] = Counter()
    for path in a.cache:
        for m in a.model or ["oracle", "wrong"]:
            if (
                m.startswith("replies:")
                and not Path(m.split(":", 1)[1].replace("SET", Path(path).stem)).exists()
            ):
                continue
            score(path, m.replace("SET", Path(path).stem), settings, a.show, counts)
    if a.counts:
        for k, v in sorted(counts.items()):
            print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
