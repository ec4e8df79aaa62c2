"""The offline extractive backend (the default): deterministic, no network, no key.

It picks the evidence sentences that answer the question and writes a short answer
from them: the speaker's name (from the quote ledger, else the sentence's own
attribution) and the source's words verbatim, each with its ``[n]`` marker. When the
evidence does not cover the question, it abstains with the fixed sentinel.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.answer.guard import looks_like_instruction, neutralise_markers
from assistant.engines.lexical import tokenize
from assistant.nlp.claims import CANNOT_ANSWER
from assistant.nlp.questions import full_names, has_number, question_names, wants_number
from assistant.nlp.text import normalise
from assistant.settings import Settings
from assistant.types import Context, Draft, DraftCitation, Evidence, Quote, Span

#: Speech verbs say *that* someone spoke, not *what about*: they do not count as topic.
_CUE_TERMS = {
    tokenize(w)[0]
    for w in "say said says tell told call called describe described state stated mention "
    "mentioned comment commented remark remarked".split()
}
_QUESTION_TERMS = {tokenize(w)[0] for w in "accord article articles report reported".split()}

MIN_COVERAGE = 0.15  # share of the question's weighted terms a sentence must hold
SECOND_RATIO = 0.8  # a further sentence joins when it scores this close to the best
MAX_SENTENCES = 3

_SAID_AFTER = re.compile(
    r"[,.!?\"”’]\s*(?:(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?\s*"
    r"\b(said|says|wrote|writes|added|told|warned|argued|claimed|stated)\b"
)
_NAME_SAID = re.compile(
    r"\b((?:[A-Z][\w.'’-]+\s+){0,3}[A-Z][\w'’-]+)(?:,[^,]{1,60},)?\s+"
    r"(?:said|says|wrote|writes|told|warned|argued|claimed|stated|added|called|described|urged)\b"
)
_SAID_NAME = re.compile(r"\b(?:said|says|wrote|writes|added)\s+((?:[A-Z][\w.'’-]+\s+){0,3}[A-Z][\w'’-]+)")
_NOT_NAMES = {"He", "She", "They", "It", "This", "That", "The", "But", "And", "In", "On"}


_WHO = re.compile(r"\s*(?:who|whom|whose|which)\b", re.IGNORECASE)
_CAPWORD = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z][\w'’-]+")


@dataclass
class Candidate:
    n: int  # evidence number (1-based)
    span: Span
    text: str
    score: float
    coverage: float


class ExtractiveBackend:
    name = "extractive"

    def __init__(self, settings: Settings | None = None):
        self.settings = settings

    @property
    def prompt_hash(self) -> str | None:
        return None

    def stream(self, context: Context) -> Iterator[str]:
        yield self.answer(context).text

    # -- scoring -----------------------------------------------------------------------
    def _weights(self, context: Context) -> dict[str, float]:
        terms = [t for t in tokenize(context.question) if t not in _CUE_TERMS | _QUESTION_TERMS]
        return {t: context.term_weights.get(t, 1.0) for t in terms}

    def candidates(self, context: Context) -> list[Candidate]:
        weights = self._weights(context)
        total = sum(weights.values()) or 1.0
        names = [n.lower() for n in question_names(context.question)]
        speakers = [
            x.lower() for x in ([context.speaker] if context.speaker else []) + context.speaker_aliases
        ] or names
        wants_entity = bool(_WHO.match(context.question))
        question_caps = set(_CAPWORD.findall(context.question))
        out: list[Candidate] = []
        for n, ev in enumerate(context.evidence, start=1):
            rank_score = 1.0 / (1.0 + 0.12 * (n - 1))
            for sp in ev.sentences or [Span(start=ev.start, end=ev.end)]:
                text = ev.text[sp.start - ev.start : sp.end - ev.start]
                if looks_like_instruction(text):
                    continue  # text addressed to a model is a source, never an answer
                toks = set(tokenize(text))
                coverage = sum(w for t, w in weights.items() if t in toks) / total
                low = text.lower()
                name_hit = sum(1 for nm in names if nm in low) / max(len(names), 1)
                score = 0.6 * coverage + 0.25 * rank_score + 0.15 * name_hit
                if f"{ev.doc_id}:{sp.start}" in context.notes:
                    score += 0.15  # a when-question: sentences that say when
                if speakers and _spoken_by(context.quotes, ev.doc_id, sp, speakers):
                    score += 0.2  # the words of the person the question asks about
                if wants_entity:
                    # "who/which ...": sentences naming someone the question does not
                    fresh = {w for w in _CAPWORD.findall(text[1:])} - question_caps
                    score += 0.05 * min(len(fresh), 3)
                if wants_number(context.question) and not has_number(text):
                    score -= 0.3  # "how many" wants a number
                out.append(Candidate(n, sp, text, score, coverage))
        out.sort(key=lambda c: -c.score)
        return out

    # -- answering ---------------------------------------------------------------------
    def answer(self, context: Context) -> Draft:
        if not context.evidence:
            return Draft(text=f"{CANNOT_ANSWER} anything about this.", abstained=True)
        if context.unquoted:
            return Draft(
                text=f"{CANNOT_ANSWER} what {context.unquoted} said: the articles quote no one by that name.",
                abstained=True,
            )
        missing = _missing_names(context)
        if missing:
            return Draft(text=f"{CANNOT_ANSWER} anything about {', '.join(missing)}.", abstained=True)
        cands = self.candidates(context)
        best = cands[0] if cands else None
        if (
            best is None
            or max(c.coverage for c in cands[:5]) < MIN_COVERAGE
            or (wants_number(context.question) and not has_number(best.text))
        ):
            return Draft(text=f"{CANNOT_ANSWER} enough to answer this.", abstained=True)
        chosen = [best]
        for c in cands[1:]:
            if len(chosen) >= MAX_SENTENCES or c.score < SECOND_RATIO * best.score:
                break
            if c.coverage < MIN_COVERAGE or any(_overlaps(c, x) or _same_words(c, x) for x in chosen):
                continue
            chosen.append(c)
        parts: list[str] = []
        cites: list[DraftCitation] = []
        for i, c in enumerate(chosen):
            ev = context.evidence[c.n - 1]
            speaker = _speaker_for(c, ev, context.quotes)
            marker = len(cites) + 1
            lead = f"{speaker}: " if speaker and speaker.lower() not in c.text.lower()[:80] else ""
            note = context.notes.get(f"{ev.doc_id}:{c.span.start}")
            body = neutralise_markers(c.text)  # an article's own "[1]" is not a marker
            parts.append(f"{lead}{body} [{c.n}]{f' — {note}.' if note else ''}")
            cites.append(DraftCitation(n=c.n, doc_id=ev.doc_id, start=c.span.start, end=c.span.end))
            del i, marker
        return Draft(text="\n".join(parts), citations=cites)


def _spoken_by(quotes: list[Quote], doc_id: str, sp: Span, names: list[str]) -> bool:
    for q in quotes:
        if q.doc_id == doc_id and q.speaker and q.start < sp.end and sp.start < q.end:
            speaker = q.speaker.lower()
            if any(n in speaker for n in names):
                return True
    return False


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.n == b.n and a.span.start < b.span.end and b.span.start < a.span.end


def _same_words(a: Candidate, b: Candidate) -> bool:
    na, nb = normalise(a.text), normalise(b.text)
    return na in nb or nb in na


def _missing_names(context: Context) -> list[str]:
    """Full names (two or more capitalised words) that no evidence mentions.

    A lone capitalised word ("Beijing", "Chinese") is often a paraphrase of what the
    text says ("China"), so only a multi-word name missing entirely is a reason to
    abstain; a missing person asked about by a lone surname is caught by the ledger.
    """
    corpus = " ".join(normalise(e.text) for e in context.evidence)
    corpus += " " + " ".join(normalise(q.speaker or "") for q in context.quotes)
    missing = []
    for full in full_names(context.question):
        parts = [normalise(p).strip(".'") for p in full.split()]
        if not any(len(p) >= 3 and p[:5] in corpus for p in parts[1:]):
            missing.append(full)
    return missing


def _speaker_for(c: Candidate, ev: Evidence, quotes: list[Quote]) -> str | None:
    """The ledger's speaker for this sentence, else a name in its own attribution clause."""
    for q in quotes:
        if q.doc_id == ev.doc_id and q.speaker and q.start < c.span.end and c.span.start < q.end:
            return q.speaker
    for rx in (_NAME_SAID, _SAID_NAME):
        for m in rx.finditer(c.text):
            name = m.group(1).strip()
            first = name.split()[0]
            if first not in _NOT_NAMES:
                return name
    return None
