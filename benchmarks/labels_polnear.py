"""The speaker labels answers show, scored against PolNeAR's annotators (issue 16).

An extractive answer leads each shown sentence with its speaker ("Jane Roe: ..."), decided
by :func:`assistant.answer.backends.extractive.sentence_speaker`; a sentence that goes on
with the same speaker's words (:func:`..._speaker_goes_on`) carries the head sentence's
label. This scores those labels, sentence by sentence, on PolNeAR (the corpus and its
gold readers: :mod:`benchmarks.quotes_polnear`).

Every article goes through the real ingest steps (``prepare`` -> ``chunk_article`` ->
spaCy parse -> entities -> ``article_quotes``: the stored quotes ``ask`` hands the answer
step) and every chunk becomes the passage ``ask`` would build for it
(:func:`assistant.service.passage_evidence`). Each sentence of each passage (the
headline's excepted: never an answer) is then labelled by the answer step's own function.
Nothing of the labelling is re-implemented here.

Gold: the attributions whose Content overlaps the sentence by at least
``min(20 characters, half the sentence, the whole Content)``. A label is

* **right** when one of them has a named Source (head-word rule of quotes_polnear) and the
  label passes quotes_polnear's correctness rule (the gold surname is a word of the label,
  or the label's last word is a word of the Source; or, for a direct quote, the Content
  itself says "Roe said" outside its marks);
* **wrong: unattributed** when no annotator attributes any of the sentence (narration,
  an op-ed author's own argument);
* **wrong: other source** when the overlapping attributions all have named Sources and
  none is the label's person;
* **unjudged** when the overlapping attributions that could be the label's person have a
  pronoun or description Source ("he said", "a spokesman"): the antecedent is not
  annotated.

Label precision = right / (right + wrong). Label recall = sentences at least half inside a
named-source gold Content that get a right label / all such sentences. Wrong labels are
also counted by the step that made them (the ledger record, the sentence's own clause,
the person before a pronoun's words, the person before an opening "He"/"She", the head
sentence's label carried on).

The peer: textacy 0.13 ``direct_quotations`` (run as in quotes_polnear), a sentence
labelled with the speaker of the textacy quote that overlaps it most.

CLI: ``python -m benchmarks.labels_polnear --split train --limit 200 [--systems
answer,textacy] [--show wrong:unattributed --shown 20] [--json]``
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks.quotes_polnear import (
    DEFAULT_ROOT,
    Article,
    Gold,
    Pred,
    _inner_speaker,
    _overlap,
    _parses,
    annotate_heads,
    load_split,
    speaker_matches,
    textacy_system,
)


@dataclass
class Label:
    """One labelled (or unlabelled) sentence of an article."""

    doc: str
    start: int
    end: int
    speaker: str | None
    #: which step gave the label: ledger, clause, pronoun_before, opening_pronoun, goes_on
    step: str | None = None
    head: tuple[int, int] | None = None  # for a continuation: the head sentence


@dataclass
class Tally:
    counts: Counter[str] = field(default_factory=Counter)
    by_step: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def _step(c: Any, ev: Any, quotes: list[Any]) -> str | None:
    """Which step of :func:`sentence_speaker` names the sentence's speaker (diagnosis only:
    the label itself is the function's)."""
    from assistant.answer.backends import extractive as ex

    for q in quotes:
        if q.doc_id == ev.doc_id and q.speaker and q.start < c.span.end and c.span.start < q.end:
            return f"ledger_{q.kind}"
    if ex._clause_name(c.text) is not None:
        return "clause"
    if ex._PRONOUN_SAID.search(c.text) and ex._person_before(c, ev) is not None:
        return "pronoun_before"
    if ex._pronoun_subject(c, ev) is not None:
        return "opening_pronoun"
    return None


def answer_labels(arts: Sequence[Article], goes_on: bool = True) -> list[list[Label]]:
    """The label the answer step shows for every sentence of each article (module
    docstring), and with ``goes_on`` the labels of the sentences shown as a labelled
    sentence's speaker going on."""
    from assistant.answer.backends.extractive import (
        _speaker_goes_on,
        sentence_speaker,
        whole_quotation,
    )
    from assistant.answer.ranker import Scored
    from assistant.ingest.ledger_index import article_quotes
    from assistant.ingest.loaders import RawDoc
    from assistant.ingest.pipeline import chunk_article, prepare
    from assistant.nlp.entities import doc_entities
    from assistant.service import _following, passage_evidence
    from assistant.settings import AnswerSettings
    from assistant.types import Context

    tuning = AnswerSettings()
    out: list[list[Label]] = []
    for art, doc in zip(arts, _parses(arts), strict=True):
        article = prepare(RawDoc(art.doc_id, art.text))
        article.entities = doc_entities(doc)
        quotes = article_quotes(article, doc)
        evidence = [passage_evidence(article, ch.start, ch.end) for ch in chunk_article(article)]
        context = Context(
            question="",
            evidence=evidence,
            quotes=quotes,
            following=_following(evidence, {article.doc_id: article}),
        )
        labels: list[Label] = []
        for n, (ev, ch) in enumerate(zip(evidence, chunk_article(article), strict=True), start=1):
            for sp in ev.sentences:
                if not ch.start <= sp.start < ch.end or sp.start in ev.headline:
                    continue  # a sentence read past the chunk's edge is its own chunk's
                c = Scored(n, sp, ev.at(sp.start, sp.end), {})
                who = sentence_speaker(c, ev, quotes)
                labels.append(Label(art.doc_id, sp.start, sp.end, who, _step(c, ev, quotes) if who else None))
                if not goes_on or who is None:
                    continue
                span, _ = whole_quotation(ev, sp, tuning)
                more = _speaker_goes_on(context, c, span, [(ev.doc_id, span)], tuning)
                if more is not None:
                    nspan, _ = more
                    labels.append(
                        Label(art.doc_id, nspan.start, nspan.end, who, "goes_on", head=(sp.start, sp.end))
                    )
        out.append(labels)
    return out


def textacy_labels(arts: Sequence[Article]) -> list[list[Label]]:
    """The answer step's sentences (:func:`answer_labels`), each labelled with the speaker
    of the textacy direct quotation that overlaps it most (none: no label)."""
    preds = textacy_system()(arts)
    out = []
    for ps, labs in zip(preds, answer_labels(arts, goes_on=False), strict=True):
        labels = []
        for lab in labs:
            best = max(ps, key=lambda p: _overlap((p.start, p.end), [(lab.start, lab.end)]), default=None)
            hit = best is not None and _overlap((best.start, best.end), [(lab.start, lab.end)]) > 0
            who = best.speaker if hit and best is not None else None
            labels.append(Label(lab.doc, lab.start, lab.end, who, "textacy" if who else None))
        out.append(labels)
    return out


def _covering(art: Article, a: int, b: int) -> list[Gold]:
    """The gold attributions whose Content overlaps sentence ``[a, b)`` enough (module
    docstring)."""
    out = []
    for g in art.gold:
        size = sum(e - s for s, e in g.content)
        if _overlap((a, b), g.content) >= min(20, (b - a) / 2, size):
            out.append(g)
    return out


def _right(art: Article, g: Gold, who: str) -> bool:
    pred = Pred(0, 0, "direct", who)
    content = " ".join(art.text[s:e] for s, e in g.content)
    return speaker_matches(g.source_text, pred) or (g.direct and _inner_speaker(content, pred))


def judge(art: Article, lab: Label) -> str:
    """``right``, ``wrong:unattributed``, ``wrong:other_source`` or ``unjudged``."""
    assert lab.speaker is not None
    golds = _covering(art, lab.start, lab.end)
    if any(g.head_kind == "named" and _right(art, g, lab.speaker) for g in golds):
        return "right"
    if not golds:
        return "wrong:unattributed"
    if all(g.head_kind == "named" for g in golds):
        return "wrong:other_source"
    return "unjudged"


def score(arts: Sequence[Article], labels: Sequence[Sequence[Label]], keep: int = 0) -> dict[str, Any]:
    tally = Tally()
    recall_total = recall_right = 0
    for art, labs in zip(arts, labels, strict=True):
        heads = [x for x in labs if x.step != "goes_on"]
        for lab in labs:
            if lab.speaker is None:
                continue
            verdict = judge(art, lab)
            part = "continuation" if lab.step == "goes_on" else "head"
            tally.counts[f"{part}:{verdict}"] += 1
            tally.by_step[(lab.step or "?", verdict)] += 1
            if keep and len(tally.examples.setdefault(verdict, [])) < keep:
                golds = _covering(art, lab.start, lab.end)
                tally.examples[verdict].append(
                    {
                        "doc": art.doc_id,
                        "label": lab.speaker,
                        "step": lab.step,
                        "gold": [g.source_text for g in golds],
                        "sentence": art.text[lab.start : lab.end][:240],
                        "before": art.text[max(0, lab.start - 200) : lab.start].replace("\n", " ¶ "),
                    }
                )
        # recall: sentences at least half inside a named-source Content
        for lab in heads:
            named = [
                g
                for g in art.gold
                if g.head_kind == "named"
                and _overlap((lab.start, lab.end), g.content) * 2 >= lab.end - lab.start
            ]
            if not named:
                continue
            recall_total += 1
            recall_right += lab.speaker is not None and any(_right(art, g, lab.speaker) for g in named)
    res: dict[str, Any] = {"articles": len(arts)}
    for part in ("head", "continuation", "all"):
        pre = (f"{part}:",) if part != "all" else ("head:", "continuation:")
        c = Counter({k.split(":", 1)[1]: v for k, v in tally.counts.items() if k.startswith(pre)})
        if part == "all":
            c = Counter()
            for k, v in tally.counts.items():
                c[k.split(":", 1)[1]] += v
        right = c["right"]
        wrong = c["wrong:unattributed"] + c["wrong:other_source"]
        res[part] = {
            "labelled": sum(c.values()),
            "right": right,
            "wrong_unattributed": c["wrong:unattributed"],
            "wrong_other_source": c["wrong:other_source"],
            "unjudged": c["unjudged"],
            "precision": round(right / (right + wrong), 3) if right + wrong else 0.0,
        }
    res["recall"] = {
        "right": recall_right,
        "n": recall_total,
        "recall": round(recall_right / recall_total, 3) if recall_total else 0.0,
    }
    res["wrong_by_step"] = {
        f"{step} {verdict}": n for (step, verdict), n in sorted(tally.by_step.items()) if verdict != "right"
    }
    res["right_by_step"] = {
        step: n for (step, verdict), n in sorted(tally.by_step.items()) if verdict == "right"
    }
    res["_examples"] = tally.examples
    return res


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.labels_polnear", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--root", default=str(DEFAULT_ROOT))
    ap.add_argument("--systems", default="answer,textacy")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", default="", help="print examples of this verdict (e.g. wrong:unattributed)")
    ap.add_argument("--shown", type=int, default=15)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from pathlib import Path

    arts = load_split(args.split, Path(args.root), args.limit)
    annotate_heads(arts, _parses(arts))
    systems = {"answer": answer_labels, "textacy": textacy_labels}
    results: dict[str, Any] = {"split": args.split, "systems": {}}
    for name in [s.strip() for s in args.systems.split(",") if s.strip()]:
        if name not in systems:
            print(f"error: unknown system {name!r}; choose from {', '.join(systems)}", file=sys.stderr)
            return 2
        res = score(arts, systems[name](arts), keep=args.shown if args.show else 0)
        examples = res.pop("_examples")
        if args.show:
            for ex in examples.get(args.show, []):
                print(json.dumps(ex, ensure_ascii=False), file=sys.stderr)
        results["systems"][name] = res
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"PolNeAR {args.split}: {len(arts)} articles")
    for name, r in results["systems"].items():
        h, c, a, rc = r["head"], r["continuation"], r["all"], r["recall"]
        print(
            f"{name:8s} label P {a['precision']:.3f} (right {a['right']}, wrong {a['wrong_unattributed']} "
            f"unattributed + {a['wrong_other_source']} other source, {a['unjudged']} unjudged) | "
            f"head P {h['precision']:.3f} | continuation P {c['precision']:.3f} (n={c['labelled']}) | "
            f"recall {rc['recall']:.3f} ({rc['right']}/{rc['n']})"
        )
        print(f"         wrong by step: {r['wrong_by_step']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
