"""Deterministic verification shared by every backend.

A draft's ``[n]`` markers refer to the numbered evidence. Here unknown markers are
stripped, every quoted span is checked verbatim (after EVAL_SPEC normalisation) against
the sources its sentence cites, failing sentences are dropped, and citations are
renumbered in order of first use and pointed at the exact supporting sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.backends.base import CANNOT_ANSWER
from assistant.text import find_verbatim, normalise, words
from assistant.types import Citation, Context, Draft, Evidence, Span, Verification

MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
QUOTED = re.compile(r"\"([^\"]{3,}?)\"|“([^”]{3,}?)”")
_SENTENCE_END = re.compile(
    r"[.!?][\"”’)\]]*(?:\s*\[\d+(?:\s*,\s*\d+)*\])*(\s+)(?=[A-Z\"“‘(])"
)

#: A speaker check: given a speaker name and words, is the attribution a mismatch?
SpeakerCheck = Callable[[str, str], bool]


@dataclass
class Verified:
    text: str
    citations: list[Citation]
    abstained: bool
    verification: Verification


def split_claims(text: str) -> list[str]:
    """Split answer text into sentences (claims), keeping markers with their sentence."""
    parts: list[str] = []
    for block in text.split("\n"):
        if not block.strip():
            continue
        last = 0
        for m in _SENTENCE_END.finditer(block):
            parts.append(block[last : m.start(1)].strip())
            last = m.end(1)
        parts.append(block[last:].strip())
    return [p for p in parts if p]


def quoted_spans(text: str) -> list[str]:
    return [a or b for a, b in QUOTED.findall(MARKER.sub("", text))]


def _markers(claim: str) -> list[int]:
    return [int(x) for m in MARKER.finditer(claim) for x in m.group(1).split(",")]


def _best_sentence(ev: Evidence, article_text: str, claim: str) -> Span:
    """The sentence of ``ev`` that supports ``claim`` best (quote containment, then overlap)."""
    spans = ev.sentences or [Span(start=ev.start, end=ev.end)]
    for q in quoted_spans(claim):
        for sp in spans:
            if find_verbatim(q, article_text[sp.start : sp.end]):
                return sp
    claim_words = set(words(MARKER.sub("", claim))) - _STOP
    best, best_score = spans[0], -1.0
    for sp in spans:
        sw = set(words(article_text[sp.start : sp.end])) - _STOP
        score = len(claim_words & sw) / (1 + len(sw) ** 0.5)
        if score > best_score:
            best, best_score = sp, score
    return best


def finalize(
    context: Context,
    draft: Draft,
    texts: dict[str, str],
    speaker_check: SpeakerCheck | None = None,
) -> Verified:
    """Turn a backend's draft into verified answer text and citations.

    ``texts`` maps doc id to the article text as stored; citation quotes are cut from it.
    """
    v = Verification()
    evidence = context.evidence
    own = {c.n: c for c in draft.citations}
    if draft.abstained:
        return Verified(_abstain_text(draft.text, context.question), [], True, v)

    kept: list[str] = []
    for claim in split_claims(draft.text):
        refs = _markers(claim)
        bad = [n for n in refs if not 1 <= n <= len(evidence)]
        if bad:
            v.citations_stripped += len(bad)
            claim = MARKER.sub(lambda m: _keep_known(m, len(evidence)), claim).strip()
            refs = [n for n in refs if 1 <= n <= len(evidence)]
        cited_docs = {evidence[n - 1].doc_id for n in refs} or {e.doc_id for e in evidence}
        ok = True
        for q in quoted_spans(claim):
            v.quotes_checked += 1
            if not any(d in texts and find_verbatim(q, texts[d]) for d in cited_docs):
                v.quotes_failed += 1
                ok = False
        if ok and speaker_check is not None:
            for speaker, said in _attributions(claim):
                if speaker_check(speaker, said):
                    v.speaker_mismatches += 1
                    ok = False
        if ok:
            kept.append(claim)

    citations: list[Citation] = []
    renumber: dict[int, int] = {}
    for claim in kept:
        for n in _markers(claim):
            if n in renumber:
                continue
            ev = evidence[n - 1]
            text = texts.get(ev.doc_id, "")
            if n in own:
                span = Span(start=own[n].start, end=own[n].end)
            else:
                span = _best_sentence(ev, text, claim)
            renumber[n] = len(renumber) + 1
            citations.append(
                Citation(
                    n=renumber[n],
                    doc_id=ev.doc_id,
                    title=ev.title,
                    outlet=ev.outlet,
                    published=ev.published.isoformat() if ev.published else None,
                    quote=text[span.start : span.end],
                    start=span.start,
                    end=span.end,
                )
            )

    def _renum(m: re.Match[str]) -> str:
        nums = [renumber[int(x)] for x in m.group(1).split(",") if int(x) in renumber]
        return "".join(f"[{n}]" for n in nums)

    body = " ".join(MARKER.sub(_renum, c) for c in kept).strip()
    if not citations or not body:
        return Verified(_abstain_text("", context.question), [], True, v)
    return Verified(body, citations, False, v)


def _keep_known(m: re.Match[str], size: int) -> str:
    nums = [x.strip() for x in m.group(1).split(",") if 1 <= int(x) <= size]
    return f"[{', '.join(nums)}]" if nums else ""


_ATTRIB = re.compile(
    r"([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s+(?:said|says|wrote|writes|told|warned|argued)"
    r"[^\"“]{0,40}[\"“]([^\"”]{3,})[\"”]"
)


def _attributions(claim: str) -> list[tuple[str, str]]:
    """``(speaker, quoted words)`` pairs written as "A said ... "words"" in a claim."""
    return [(m.group(1), m.group(2)) for m in _ATTRIB.finditer(MARKER.sub("", claim))]


def _abstain_text(text: str, question: str) -> str:
    if text.strip().startswith(CANNOT_ANSWER):
        return text.strip()
    topic = question.strip().rstrip("?.! ")
    return f"{CANNOT_ANSWER} enough to answer: {topic}."


_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been
    being it its this that these those he she they them his her their we our you your i
    me my not no do does did has have had will would can could should may might about
    into over after before than then there here what who whom whose which when where why
    how said says say""".split()
)


def is_abstention(text: str) -> bool:
    return normalise(text).startswith(normalise(CANNOT_ANSWER))
