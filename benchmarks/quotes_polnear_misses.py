"""Which kinds of attribution miss dominate a PolNeAR split: the ledger's missed named-source
direct quotes, grouped automatically.

Every gold direct quote with a named Source (the head-word rule of
:mod:`benchmarks.quotes_polnear`) that the ledger does not attribute right is put in one
**status** (``no speaker``: found, no speaker; ``wrong``: found, another speaker; ``not
detected``) and given features computed from the text, the gold spans and spaCy's parse:

* ``where``: where the gold Source stands relative to the Content: ``inside`` the Content's
  span, the ``same sentence`` (no paragraph break between them), the ``same paragraph``, the
  ``previous paragraph``, ``earlier`` or ``after``;
* ``multi-para``: the Content spans a paragraph break;
* ``cue-in-para``: the quote's first paragraph holds a speech verb outside quotation marks;
* ``colon``: the text before the opening mark ends in a colon (or the paragraph before does);
* ``bare-para``: the quote's paragraph opens with a quotation mark;
* ``label``: the entity label spaCy gives the gold Source's last capitalised word (PERSON,
  ORG, …, ``-`` when none);
* ``caps``: the Source is written in capitals (a headline run-in);
* ``pred``: for a wrong speaker, whether the predicted speaker is named in the quote's
  paragraph, and whether the gold surname is;
* ``fix:*``: what a candidate mechanism would give: ``fix:prev-para`` (the last record of
  the previous paragraph has the right speaker), ``fix:other-piece`` (another predicted
  direct quote inside the same gold Content has the right speaker), ``fix:lone-person`` (the
  gold surname is the only PERSON surname named in the quote's paragraph outside marks).

On **train** (the development split) ``--show`` prints every miss with its text; on **dev**
(the report split) only the per-group counts are printed, never text.

CLI: ``python -m benchmarks.quotes_polnear_misses --split train [--show] [--dump FILE]``
(``--dump``: every named-source direct quote with its status, one JSON line each, train only;
for comparing runs quote by quote).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any

from assistant.nlp.text import normalise
from benchmarks.quotes_polnear import (
    OUTSIDE_MARKS,
    Article,
    Gold,
    Pred,
    _best,
    _inner_speaker,
    _parses,
    _words,
    annotate_heads,
    ledger_system,
    load_split,
    speaker_matches,
)

_MARK_OPEN = '“"‘'


def _lexicon() -> frozenset[str]:
    from assistant.nlp import speech_verbs

    return frozenset(v.lemma for v in speech_verbs().values())


def _surname(source: str) -> str:
    caps = [w for w in re.findall(r"[\w.\-]+", source.split(",")[0]) if w[:1].isupper()]
    return normalise(caps[-1]).strip(".") if caps else ""


def _para_of(text: str, i: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, i) + 1
    e = text.find("\n", i)
    return s, (len(text) if e < 0 else e)


def _outside_marks(s: str) -> str:
    return OUTSIDE_MARKS.sub(" ", s)


def _right(art: Article, g: Gold, p: Pred | None) -> bool:
    if p is None or not p.speaker:
        return False
    content = " ".join(art.text[a:b] for a, b in g.content)
    return speaker_matches(g.source_text, p) or _inner_speaker(content, p)


def features(art: Article, g: Gold, best: Pred | None, preds: Sequence[Pred], doc: Any) -> dict[str, str]:
    from assistant.quotes.attribution import CUE_RE, cue_lemma

    text = art.text
    cs, ce = g.content[0][0], g.content[-1][1]
    ss, se = g.source[0][0], g.source[-1][1]
    ps, pe = _para_of(text, cs)
    if best is None:
        status = "not detected"
    elif not best.speaker:
        status = "no speaker"
    else:
        status = "wrong"
    if cs <= ss and se <= ce:
        where = "inside"
    elif se <= cs and "\n" not in text[se:cs]:
        where = "same sentence" if not re.search(r"[.!?][”\"’]?\s", text[se:cs]) else "same paragraph"
    elif ss >= ce and "\n" not in text[ce:ss]:
        where = "same sentence" if not re.search(r"[.!?][”\"’]?\s", text[ce:ss]) else "same paragraph"
    elif se <= cs:
        pps, _ = _para_of(text, max(0, ps - 2))
        where = "previous paragraph" if ss >= pps and ps > 0 else "earlier"
    else:
        where = "after"
    para_out = _outside_marks(text[ps:pe])
    cue = any(cue_lemma(c.group(1), para_out[: c.start()]) for c in CUE_RE.finditer(para_out))
    lead = text[ps:cs].rstrip(_MARK_OPEN + " ")
    prev_line = text[:ps].rstrip()
    colon = lead.endswith(":") or (not lead.strip() and prev_line.endswith(":"))
    bare = text[ps:cs].strip()[:1] in tuple(_MARK_OPEN) or not text[ps:cs].strip()
    sur = _surname(g.source_text)
    label = "-"
    span = doc.char_span(ss, se, alignment_mode="expand")
    if span is not None:
        for t in reversed(span):
            if t.text[:1].isupper():
                label = t.ent_type_ or "-"
                break
    caps = bool(re.search(r"[A-Z]{2,}", g.source_text)) and g.source_text.upper() == g.source_text
    # the words between the Content and a Source that follows it, and the word after it
    gap = "-"
    nxt = "-"
    if ss >= ce and "\n" not in text[ce:ss]:
        between = text[ce:ss]
        if not re.search(r"\w", between):
            gap = "marks/punct " + re.sub(r"\s+", "_", between.strip())
        elif re.search(r"[—–]|\s-\s", between) and len(between.split()) <= 2:
            gap = "dash"
        else:
            n_words = min(len(re.findall(r"[\w’]+", between)), 3)
            gap = f"{n_words}+ words"
        after = [t for t in doc if t.idx >= se and not t.is_space][:1]
        if after:
            t = after[0]
            if t.lemma_.lower() in _lexicon():
                nxt = "speech verb"
            elif t.pos_ in ("VERB", "AUX"):
                nxt = "other verb"
            else:
                nxt = t.pos_ + (f" {t.text}" if t.is_punct else "")
        sent_break = any(
            t.is_sent_start for t in doc if ce <= t.idx < ss and not t.is_space and not t.is_punct
        )
        nxt += " / parse sentence break" if sent_break else ""
    f = {
        "status": status,
        "source-after gap": gap,
        "source-after next word": nxt,
        "where": where,
        "multi-para": str("\n" in text[cs:ce]),
        "cue-in-para": str(cue),
        "colon": str(colon),
        "bare-para": str(bare),
        "label": label,
        "caps": str(caps),
    }
    if status == "wrong" and best is not None and best.speaker:
        plast = normalise(best.speaker).split()[-1]
        f["pred-in-para"] = str(plast in _words(text[ps:pe]))
        f["gold-in-para"] = str(sur in _words(para_out))
        f["pred shares a word with gold"] = str(bool(_words(best.speaker) & _words(g.source_text)))
        f["pred = a name in gold source's sentence"] = str(
            any(
                plast in _words(e.text)
                for e in doc.ents
                if e.label_ == "PERSON" and ss - 300 <= e.start_char < se
            )
        )
        f["gold source words"] = str(min(len(g.source_text.split()), 4))
    # what candidate mechanisms would give
    prev_para = _para_of(text, max(0, ps - 2))
    last_prev = max(
        (p for p in preds if prev_para[0] <= p.start < prev_para[1]), key=lambda p: p.end, default=None
    )
    f["fix:prev-para"] = str(_right(art, g, last_prev))
    others = [
        p
        for p in preds
        if p.kind == "direct" and p is not best and any(p.start < b and a < p.end for a, b in g.content)
    ]
    f["fix:other-piece"] = str(any(_right(art, g, p) for p in others))
    persons = {
        normalise(e.text).split()[-1]
        for e in doc.ents
        if e.label_ == "PERSON" and ps <= e.start_char < pe and e.text in para_out
    }
    f["fix:lone-person"] = str(persons == {sur})
    # the signature rule on the quote's line: no dash and words after the closing mark, a
    # signature whose name is rejected, or one it reads
    close = text.find("”", ce, pe)
    close = ce + 1 if close < 0 or close > ce + 3 else close + 1
    sig = "no dash"
    m = re.match(r"[ \t]*(?:[–—―]+|-+(?=\S)|\s-+\s)", text[close:pe])
    if m is not None:
        from assistant.quotes.parsed import ParsedArticle

        h = ParsedArticle(doc, []).signed_inline(close, pe)
        sig = "reads a name" if h is not None else "dash, name rejected"
        if h is None:
            rest = text[close + m.end() : pe]
            sig += " (" + ",".join(sorted({c for c in rest if not c.isalnum() and not c.isspace()})) + ")"
    f["fix:signature"] = sig
    return f


def run(split: str, show: bool, dump: str | None) -> dict[str, Any]:
    arts = load_split(split)
    docs = _parses(arts)
    annotate_heads(arts, docs)
    preds = ledger_system()(arts)
    rows: list[dict[str, str]] = []
    total = 0
    dumped: list[dict[str, Any]] = []
    for art, ps, doc in zip(arts, preds, docs, strict=True):
        directs = [p for p in ps if p.kind == "direct"]
        indirect = [p for p in ps if p.kind == "indirect"]
        for g in art.gold:
            if not g.direct or g.head_kind != "named":
                continue
            total += 1
            best = _best(directs, g) or _best(indirect, g)
            ok = _right(art, g, best)
            if dump:
                dumped.append(
                    {
                        "doc": art.doc_id,
                        "content": g.content,
                        "ok": ok,
                        "judged": bool(best and best.speaker),
                        "speaker": best.speaker if best else None,
                    }
                )
            if ok:
                continue
            f = features(art, g, best, ps, doc)
            rows.append({**f, "doc": art.doc_id})
            if show:
                cs, ce = g.content[0][0], g.content[-1][1]
                ctx = art.text[max(0, cs - 200) : ce + 150].replace("\n", " ¶ ")
                print(
                    json.dumps(
                        {
                            "doc": art.doc_id,
                            "gold": g.source_text,
                            "pred": best.speaker if best else None,
                            **f,
                            "ctx": ctx,
                        },
                        ensure_ascii=False,
                    )
                )
    if dump:
        with open(dump, "w", encoding="utf-8") as fh:
            for d in dumped:
                fh.write(json.dumps(d) + "\n")
    return {"total": total, "rows": rows}


def tables(total: int, rows: list[dict[str, str]]) -> str:
    out = [f"named-source direct quotes: {total}; missed: {len(rows)}"]
    keys = [k for k in dict.fromkeys(k for r in rows for k in r) if k not in ("status", "doc")]
    statuses = ["no speaker", "wrong", "not detected"]
    out.append("| feature = value | " + " | ".join(statuses) + " | all |")
    out.append("|---|" + "---|" * (len(statuses) + 1))
    for k in keys:
        vals = Counter(r[k] for r in rows if k in r)
        for v, _n in vals.most_common():
            cells = [sum(1 for r in rows if r["status"] == s and r.get(k) == v) for s in statuses]
            out.append(f"| {k} = {v} | " + " | ".join(map(str, cells)) + f" | {sum(cells)} |")
    st = Counter(r["status"] for r in rows)
    docs = [len({r["doc"] for r in rows if r["status"] == s}) for s in statuses]
    out.append(
        "| articles holding them | " + " | ".join(map(str, docs)) + f" | {len({r['doc'] for r in rows})} |"
    )
    out.append("| **status total** | " + " | ".join(str(st[s]) for s in statuses) + f" | {len(rows)} |")
    out.append("")
    out.append("largest combinations (status, where, bare-para, cue-in-para, source-after gap / next word):")
    combo_keys = ("status", "where", "bare-para", "cue-in-para", "source-after gap", "source-after next word")

    def combination(r: dict[str, str]) -> tuple[str, ...]:
        return tuple(r[k] for k in combo_keys)

    combo = Counter(combination(r) for r in rows)
    for c, n in combo.most_common(12):
        arts = {r["doc"] for r in rows if combination(r) == c}
        out.append(f"  {n:3d} ({len(arts)} articles)  " + " | ".join(c))
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.quotes_polnear_misses", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--show", action="store_true", help="print every miss with its text (train only)")
    ap.add_argument("--dump", default=None, help="write every named-source quote's status (train only)")
    args = ap.parse_args(argv)
    if args.split == "dev" and (args.show or args.dump):
        print(
            "error: dev is the report split: only its counts are printed (drop --show/--dump)",
            file=sys.stderr,
        )
        return 2
    res = run(args.split, args.show, args.dump)
    print(f"PolNeAR {args.split}")
    print(tables(res["total"], res["rows"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
