"""Deterministic eval metrics (EVAL_SPEC section 4), pure functions over plain data.

A gold record is a mapping with the section 2 fields; an answer is a mapping with the
section 3 fields (``answer``, ``abstained``, ``citations`` with ``doc_id`` and ``quote``).
:func:`score_question` turns one pair into a :class:`QuestionScore`; the aggregate
functions (:func:`fact_recall`, ...) turn a list of scores into one number.

Edge cases, decided once here:

* All text matching is done on :func:`assistant.nlp.text.normalise`\\d text (NFKC, curly quotes
  straightened, every dash to ``-``, white space collapsed, lower case), with ``[n]``
  citation markers removed from the answer first.
* Facts, speaker and date are matched in the answer text only (not in citation quotes).
  An abstained answer matches none of them: abstention messages echo the question, and
  the question often names the very speaker or fact being asked for.
* Speaker: the full name or the surname (last name token, ignoring Jr./Sr./II/III) as a
  whole word.
* Date: the gold ``date_text`` as a substring, or the ISO ``date`` in a usual rendering
  (``2025-10-07``, ``Oct. 7, 2025``, ``October 7``, ``7 October 2025``, ``10/7/2025``,
  ordinals such as ``Oct 7th``). A rendering that states a different year does not count.
* Citations count distinct doc ids per question. ``citation_precision`` is pooled over
  answerable questions (sum of cited docs in ``sources`` / sum of cited docs); questions
  citing nothing add nothing to it. ``citation_recall`` counts every answerable question
  (no citation = a miss).
* Quoted spans: text between double quotation marks (straight ``"..."`` or curly
  ``“...”``; single quotes are ignored because they collide with apostrophes) with at
  least 3 non-space characters, plus every citation ``quote``. An answer span counts as
  faithful when found in any article the answer cites (none cited: unfaithful); a
  citation quote when found in its own ``doc_id``'s text. Spans that the question itself
  quotes are skipped (echoing the question is no claim about a source).
* Any ratio whose denominator is zero is ``None`` (not measured), never 0 or 1.
* Percentiles use linear interpolation between closest ranks (NumPy's default).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from pydantic import BaseModel, Field, computed_field

from assistant.nlp import months
from assistant.nlp.text import find_verbatim, normalise, spec_quotations

#: Metrics where a higher value is better; the rest (:data:`LOWER_IS_BETTER`) are costs.
HIGHER_IS_BETTER = (
    "fact_recall",
    "all_facts",
    "speaker_accuracy",
    "date_accuracy",
    "citation_precision",
    "citation_recall",
    "quote_faithfulness",
    "abstention_accuracy",
)
LOWER_IS_BETTER = ("false_abstention", "latency_p50_ms", "latency_p95_ms")
METRICS = HIGHER_IS_BETTER + LOWER_IS_BETTER

_MARKER = re.compile(r"\[\d+(?:\s*,\s*\d+)*\]")
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


class QuoteCheck(BaseModel):
    """One quoted span and whether it was found verbatim in the article(s) it cites."""

    span: str
    origin: str  # "answer" or "citation"
    doc_ids: list[str]
    found: bool
    offsets_ok: bool | None = None  # citation only: text[start:end] == quote


class QuestionScore(BaseModel):
    """Everything measured about one question, kept as evidence for the reports."""

    id: str
    kind: str
    question: str
    answerable: bool
    reference: str | None = None
    facts: list[list[str]] = Field(default_factory=list)
    fact_hits: list[str | None] = Field(default_factory=list)
    speaker: str | None = None
    speaker_hit: bool | None = None
    date: str | None = None
    date_text: str | None = None
    date_hit: bool | None = None
    sources: list[str] = Field(default_factory=list)
    answer: str = ""
    abstained: bool = False
    backend: str | None = None
    #: The answer's ``fallback``: the backend whose verified answer replaced this one's.
    fallback: str | None = None
    prompt_hash: str | None = None
    citations: list[dict[str, Any]] = Field(default_factory=list)
    cited_docs: list[str] = Field(default_factory=list)
    cited_in_sources: list[str] = Field(default_factory=list)
    quote_checks: list[QuoteCheck] = Field(default_factory=list)
    verification: dict[str, Any] | None = None
    latency_ms: float | None = None
    error: str | None = None
    judge: dict[str, Any] | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def facts_satisfied(self) -> int:
        return sum(h is not None for h in self.fact_hits)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def failures(self) -> list[str]:
        """Why this question counts as failed (empty when it passed every check)."""
        out: list[str] = []
        if self.error:
            out.append(f"error: {self.error}")
        if not self.answerable:
            if not self.abstained:
                out.append("answered an unanswerable question")
            return out
        if self.abstained:  # every other check fails too; saying so again is noise
            out.append("abstained on an answerable question")
            return out
        missed = [g for g, h in zip(self.facts, self.fact_hits, strict=True) if h is None]
        if missed:
            out.append("missed facts: " + "; ".join(" | ".join(g) for g in missed))
        if self.speaker_hit is False:
            out.append(f"speaker not named: {self.speaker}")
        if self.date_hit is False:
            out.append(f"date not given: {self.date_text or self.date}")
        if not set(self.cited_docs) & set(self.sources):
            out.append("no citation of a source document")
        stray = sorted(set(self.cited_docs) - set(self.sources))
        if stray:
            out.append("cited outside sources: " + ", ".join(stray))
        bad = [q.span for q in self.quote_checks if not q.found]
        if bad:
            out.append("unfaithful quotes: " + " / ".join(bad))
        return out


def clean_answer(text: str) -> str:
    """Answer text without ``[n]`` markers, normalised."""
    return normalise(_MARKER.sub(" ", text))


def fact_hits(facts: Sequence[Sequence[str]], answer: str) -> list[str | None]:
    """For each fact group, the first alternative found in ``answer`` (else ``None``)."""
    text = clean_answer(answer)
    hits: list[str | None] = []
    for group in facts:
        hits.append(next((alt for alt in group if normalise(alt) and normalise(alt) in text), None))
    return hits


def _word_in(needle: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text) is not None


def names_speaker(speaker: str, answer: str) -> bool:
    """True when ``answer`` names ``speaker`` by full name or surname (whole words)."""
    text = clean_answer(answer)
    full = normalise(speaker)
    if not full:
        return False
    tokens = [t for t in full.split() if t not in _SUFFIXES] or full.split()
    return _word_in(full, text) or _word_in(tokens[-1], text)


_MONTHS = tuple((m.name.lower(), *(a.lower() for a in m.abbrevs)) for m in months())


def date_patterns(d: date) -> list[re.Pattern[str]]:
    """Regexes (over normalised text) for the usual renderings of ``d``.

    Patterns with an optional year capture it in group ``year`` so a caller can reject
    a rendering that states another year.
    """
    mon = "(?:" + "|".join(_MONTHS[d.month - 1]) + r")\.?"
    day = rf"0?{d.day}(?:st|nd|rd|th)?(?!\d)"
    year = r"(?:,? (?P<year>\d{4}))?"
    return [
        re.compile(rf"(?<!\d){d.isoformat()}(?!\d)"),
        re.compile(rf"(?<!\d)0?{d.month}/0?{d.day}/{d.year}(?!\d)"),
        re.compile(rf"(?<!\d){d.year}/0?{d.month}/0?{d.day}(?!\d)"),
        re.compile(rf"(?<!\w){mon} {day}{year}"),
        re.compile(rf"(?<!\d){day} (?:of )?{mon}(?!\w){year}"),
    ]


def holds_date(answer: str, date_iso: str | None, date_text: str | None) -> bool:
    """True when ``answer`` holds ``date_text`` or ``date_iso`` in a usual rendering."""
    text = clean_answer(answer)
    if date_text and normalise(date_text) and normalise(date_text) in text:
        return True
    if not date_iso:
        return False
    d = date.fromisoformat(date_iso)
    for pat in date_patterns(d):
        for m in pat.finditer(text):
            y = m.groupdict().get("year")
            if y is None or int(y) == d.year:
                return True
    return False


def quote_checks(answer: Mapping[str, Any], texts: Mapping[str, str], question: str = "") -> list[QuoteCheck]:
    """Check every quoted span of ``answer`` against the article texts it cites."""
    citations = list(answer.get("citations") or [])
    cited = sorted({str(c["doc_id"]) for c in citations})
    asked = {normalise(s) for s in spec_quotations(question)}
    checks: list[QuoteCheck] = []
    for span in spec_quotations(str(answer.get("answer") or "")):
        if normalise(span) in asked:
            continue
        found = any(d in texts and find_verbatim(span, texts[d]) is not None for d in cited)
        checks.append(QuoteCheck(span=span, origin="answer", doc_ids=cited, found=found))
    for c in citations:
        doc, quote = str(c["doc_id"]), str(c.get("quote") or "")
        if not normalise(quote):
            continue
        text = texts.get(doc)
        found = text is not None and find_verbatim(quote, text) is not None
        offsets_ok = None
        if text is not None and c.get("start") is not None and c.get("end") is not None:
            offsets_ok = text[int(c["start"]) : int(c["end"])] == quote
        checks.append(
            QuoteCheck(span=quote, origin="citation", doc_ids=[doc], found=found, offsets_ok=offsets_ok)
        )
    return checks


def score_question(
    gold: Mapping[str, Any],
    answer: Mapping[str, Any],
    texts: Mapping[str, str],
    latency_ms: float | None = None,
    error: str | None = None,
) -> QuestionScore:
    """Score one answer (section 3 shape) against one gold record (section 2 shape)."""
    text = str(answer.get("answer") or "")
    abstained = bool(answer.get("abstained", False))
    facts = [list(g) for g in gold.get("facts") or []]
    hits: list[str | None] = [None] * len(facts) if abstained else fact_hits(facts, text)
    speaker = gold.get("speaker")
    date_iso = gold.get("date")
    date_iso = date_iso.isoformat() if isinstance(date_iso, date) else date_iso
    date_text = gold.get("date_text")
    speaker_hit = None if not speaker else (not abstained and names_speaker(speaker, text))
    date_hit = None
    if date_iso or date_text:
        date_hit = not abstained and holds_date(text, date_iso, date_text)
    citations = [dict(c) for c in answer.get("citations") or []]
    cited = sorted({str(c["doc_id"]) for c in citations})
    sources = list(gold.get("sources") or [])
    verification = answer.get("verification")
    if isinstance(verification, BaseModel):
        verification = verification.model_dump()
    return QuestionScore(
        id=str(gold["id"]),
        kind=str(gold.get("kind") or "unknown"),
        question=str(gold["question"]),
        answerable=bool(gold.get("answerable", True)),
        reference=gold.get("answer"),
        facts=facts,
        fact_hits=hits,
        speaker=speaker,
        speaker_hit=speaker_hit,
        date=date_iso,
        date_text=date_text,
        date_hit=date_hit,
        sources=sources,
        answer=text,
        abstained=abstained,
        backend=answer.get("backend"),
        fallback=answer.get("fallback"),
        prompt_hash=answer.get("prompt_hash"),
        citations=citations,
        cited_docs=cited,
        cited_in_sources=[d for d in cited if d in sources],
        quote_checks=quote_checks(answer, texts, str(gold["question"])),
        verification=verification,
        latency_ms=latency_ms,
        error=error,
    )


def _ratio(num: float, den: float) -> float | None:
    return None if den == 0 else num / den


def _answerable(scores: Sequence[QuestionScore]) -> list[QuestionScore]:
    return [s for s in scores if s.answerable]


def fact_recall(scores: Sequence[QuestionScore]) -> float | None:
    """Mean over answerable questions with facts of satisfied groups / all groups."""
    per = [s.facts_satisfied / len(s.facts) for s in _answerable(scores) if s.facts]
    return _ratio(sum(per), len(per))


def all_facts(scores: Sequence[QuestionScore]) -> float | None:
    """Share of answerable questions (with facts) where every fact group is satisfied."""
    qs = [s for s in _answerable(scores) if s.facts]
    return _ratio(sum(s.facts_satisfied == len(s.facts) for s in qs), len(qs))


def speaker_accuracy(scores: Sequence[QuestionScore]) -> float | None:
    qs = [s for s in scores if s.speaker_hit is not None]
    return _ratio(sum(bool(s.speaker_hit) for s in qs), len(qs))


def date_accuracy(scores: Sequence[QuestionScore]) -> float | None:
    qs = [s for s in scores if s.date_hit is not None]
    return _ratio(sum(bool(s.date_hit) for s in qs), len(qs))


def citation_precision(scores: Sequence[QuestionScore]) -> float | None:
    qs = _answerable(scores)
    return _ratio(sum(len(s.cited_in_sources) for s in qs), sum(len(s.cited_docs) for s in qs))


def citation_recall(scores: Sequence[QuestionScore]) -> float | None:
    qs = _answerable(scores)
    return _ratio(sum(bool(s.cited_in_sources) for s in qs), len(qs))


def quote_faithfulness(scores: Sequence[QuestionScore]) -> float | None:
    checks = [c for s in scores for c in s.quote_checks]
    return _ratio(sum(c.found for c in checks), len(checks))


def abstention_accuracy(scores: Sequence[QuestionScore]) -> float | None:
    qs = [s for s in scores if not s.answerable]
    return _ratio(sum(s.abstained for s in qs), len(qs))


def false_abstention(scores: Sequence[QuestionScore]) -> float | None:
    qs = _answerable(scores)
    return _ratio(sum(s.abstained for s in qs), len(qs))


def percentile(values: Sequence[float], p: float) -> float | None:
    """The ``p``-th percentile (0-100), linear interpolation; ``None`` for no values."""
    if not values:
        return None
    xs = sorted(values)
    pos = (len(xs) - 1) * p / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def summarise(scores: Sequence[QuestionScore]) -> dict[str, float | None]:
    """Every section 4 metric over ``scores`` (latency from each score's ``latency_ms``)."""
    lat = [s.latency_ms for s in scores if s.latency_ms is not None]
    return {
        "fact_recall": fact_recall(scores),
        "all_facts": all_facts(scores),
        "speaker_accuracy": speaker_accuracy(scores),
        "date_accuracy": date_accuracy(scores),
        "citation_precision": citation_precision(scores),
        "citation_recall": citation_recall(scores),
        "quote_faithfulness": quote_faithfulness(scores),
        "abstention_accuracy": abstention_accuracy(scores),
        "false_abstention": false_abstention(scores),
        "latency_p50_ms": percentile(lat, 50),
        "latency_p95_ms": percentile(lat, 95),
    }
