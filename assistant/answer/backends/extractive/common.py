"""Shared by every module of the extractive backend: :class:`Candidate` (a sentence the
answer may use) and small helpers on candidates, passages and the question's names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.ranker import (
    CUE_TERMS,
    QUESTION_TERMS,
    Scored,
)
from assistant.engines.lexical import tokenize
from assistant.nlp.questions import ACCORDING as _ACCORDING
from assistant.nlp.questions import (
    question_names,
)
from assistant.nlp.text import normalise
from assistant.types import Context, Evidence, Span

#: A word as the question's and the sentences' words are read: letters, digits, apostrophes,
#: full stops and hyphens ("U.S.", "Trump’s", "fact-checking").
_WORD = re.compile(r"[\w'’.-]+")


@dataclass
class Candidate:
    n: int  # evidence number (1-based)
    span: Span
    text: str
    score: float
    coverage: float


def _content_terms(text: str) -> set[str]:
    """The lexical terms of ``text`` that say what it is about: not the speech cues ("said",
    "told") nor the question's own frame ("according", "article")."""
    return set(tokenize(text)) - CUE_TERMS - QUESTION_TERMS


def _joined(context: Context, n: int) -> Evidence:
    """Evidence passage ``n`` joined with the article's sentences after it (one stretch of
    article text, so quotations and offsets run on across the passage's edge)."""
    ev = context.evidence[n - 1]
    after = context.following.get(n)
    if after is None or after.doc_id != ev.doc_id or after.start != ev.end:
        return ev
    return ev.model_copy(
        update={
            "end": after.end,
            "text": ev.text + after.text,
            "sentences": [*ev.sentences, *after.sentences],
            "entities": [*ev.entities, *after.entities],
        }
    )


def _fresh_entities(
    ev: Evidence, sp: Span, labels: frozenset[str] | set[str], question: str
) -> dict[str, str]:
    """The entities of sentence ``sp`` of ``ev`` with a label in ``labels`` that the question
    does not name (no word of three letters or more of one in the normalised ``question``), as
    normalised text -> label: the names a sentence gives of the kind asked."""
    low = normalise(question)
    return {
        normalise(ev.at(s, e)): label
        for s, e, label in ev.entities
        if label in labels
        and sp.start <= s
        and e <= sp.end
        and not any(w in low for w in normalise(ev.at(s, e)).split() if len(w) > 2)
    }


def _same_article(context: Context, a: Scored, b: Scored) -> bool:
    return context.evidence[a.n - 1].doc_id == context.evidence[b.n - 1].doc_id


def _asked_names(context: Context) -> list[str]:
    """Names the question asks about, without outlets ("According to Reuters, ...")."""
    outlets = {normalise(o) for o in context.outlets}
    q = _ACCORDING.sub("", context.question)
    return [n for n in question_names(q) if normalise(n) not in outlets]


def _overlaps(a: Candidate | Scored, b: Candidate | Scored) -> bool:
    return a.n == b.n and a.span.start < b.span.end and b.span.start < a.span.end


def _same_words(a: Candidate | Scored, b: Candidate | Scored) -> bool:
    na, nb = normalise(a.text), normalise(b.text)
    return na in nb or nb in na
