"""Plain data types shared by every layer (no engine imports here)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field


class ArticleMeta(BaseModel):
    """What is known about an article besides its text."""

    doc_id: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_source: Literal["stated", "inferred", "none"] = "none"
    url: str | None = None
    path: str | None = None
    #: A syndicated copy: the doc id of the article this one nearly duplicates.
    duplicate_of: str | None = None


class Span(BaseModel):
    """A half-open character range ``[start, end)`` of an article's stored text."""

    start: int
    end: int


class Sentence(Span):
    paragraph: int
    furniture: bool = False


class Article(BaseModel):
    """An article exactly as stored: ``text`` is never altered, offsets refer to it."""

    meta: ArticleMeta
    text: str
    content_hash: str
    sentences: list[Sentence] = Field(default_factory=list)
    furniture: list[Span] = Field(default_factory=list)
    #: Named entities found at index time: ``(start, end, spaCy label)`` into ``text``.
    entities: list[tuple[int, int, str]] = Field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.meta.doc_id


class Chunk(BaseModel):
    """A window of consecutive sentences inside one paragraph."""

    id: str
    doc_id: str
    start: int
    end: int
    text: str
    sentence_spans: list[Span]


class Quote(BaseModel):
    """A quotation or a piece of reported speech, attributed when the text allows it."""

    speaker: str | None = None
    speaker_id: str | None = None
    aliases: list[str] = Field(default_factory=list)
    role: str | None = None
    quote: str
    doc_id: str
    start: int
    end: int
    cue: str | None = None
    kind: Literal["direct", "indirect"] = "direct"
    corroborated_by: list[str] = Field(default_factory=list)
    date_text: str | None = None
    date: dt.date | None = None
    attribution_start: int | None = None
    attribution_end: int | None = None


class Evidence(BaseModel):
    """One numbered source handed to an answer backend; ``text == article[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    score: float = 0.0
    sentences: list[Span] = Field(default_factory=list)
    #: Named entities inside ``[start, end)``: ``(start, end, label)``, article offsets.
    entities: list[tuple[int, int, str]] = Field(default_factory=list)
    #: Starts of the sentences that are the article's headline (never an answer).
    headline: list[int] = Field(default_factory=list)
    #: Starts of the sentences of the article's first body paragraph (the lead).
    lead: list[int] = Field(default_factory=list)


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class DraftCitation(BaseModel):
    """A backend's own precise span for marker ``n`` (optional; else derived)."""

    n: int
    doc_id: str
    start: int
    end: int


class Context(BaseModel):
    """Everything a backend may use to answer: sources numbered from 1, in order."""

    question: str
    evidence: list[Evidence]
    quotes: list[Quote] = Field(default_factory=list)
    history: list[Turn] = Field(default_factory=list)
    #: Weight (IDF over the whole index) of each question term, keyed by lexical token.
    term_weights: dict[str, float] = Field(default_factory=dict)
    #: Time expressions found in each evidence sentence, keyed by "doc_id:start".
    notes: dict[str, str] = Field(default_factory=dict)
    #: The ledger speaker whose words the question asks about, with every alias.
    speaker: str | None = None
    speaker_aliases: list[str] = Field(default_factory=list)
    #: A person the question asks about whom the ledger never quotes.
    unquoted: str | None = None
    #: e5 cosine of the question to each evidence sentence's chunk, keyed by "doc_id:start".
    similarity: dict[str, float] = Field(default_factory=dict)
    #: Outlet names of the indexed articles (a name in the question may be an outlet).
    outlets: list[str] = Field(default_factory=list)

    #: The sentences the extractive backend answers with (``n`` numbers ``evidence``):
    #: an LLM backend shows them in its prompt as the likely answer.
    leads: list[DraftCitation] = Field(default_factory=list)


class Draft(BaseModel):
    """A backend's answer before verification: ``[n]`` refers to ``Context.evidence``."""

    text: str
    abstained: bool = False
    citations: list[DraftCitation] = Field(default_factory=list)


class Citation(BaseModel):
    n: int
    doc_id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    quote: str
    start: int
    end: int


class Verification(BaseModel):
    quotes_checked: int = 0
    quotes_failed: int = 0
    citations_stripped: int = 0
    speaker_mismatches: int = 0


class Answer(BaseModel):
    """The ``assistant ask --json`` object (EVAL_SPEC section 3)."""

    question: str
    answer: str
    abstained: bool
    backend: str
    citations: list[Citation]
    timings_ms: dict[str, float] = Field(default_factory=dict)
    prompt_hash: str | None = None
    verification: Verification | None = None
    #: Set when ``backend``'s own answer did not survive verification and the verified
    #: answer of this backend (``"extractive"``) is returned instead.
    fallback: str | None = None


class SearchHit(BaseModel):
    doc_id: str
    start: int
    end: int
    text: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    score: float
    dense: float | None = None
    lexical: float | None = None
