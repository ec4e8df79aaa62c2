"""Plain data types shared by every layer (no engine imports here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
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
    kind: Literal["direct", "indirect", "authored"] = "direct"
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
    #: The article's byline (an opinion column's author is the speaker of its argued views).
    author: str | None = None
    published: dt.date | None = None
    score: float = 0.0
    sentences: list[Span] = Field(default_factory=list)
    #: Named entities inside ``[start, end)``: ``(start, end, label)``, article offsets.
    entities: list[tuple[int, int, str]] = Field(default_factory=list)
    #: Starts of the sentences that are the article's headline (never an answer).
    headline: list[int] = Field(default_factory=list)
    #: Starts of the sentences of the article's first body paragraph (the lead).
    lead: list[int] = Field(default_factory=list)

    def at(self, start: int, end: int) -> str:
        """The text of article offsets ``[start, end)`` inside this passage (an entity, a
        sentence)."""
        return self.text[start - self.start : end - self.start]


class Turn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class DraftCitation(BaseModel):
    """A backend's own precise span for marker ``n`` (optional; else derived)."""

    n: int
    doc_id: str
    start: int
    end: int


#: How many sentences past a passage's end :attr:`Context.following` carries.
FOLLOWING_SENTENCES = 2


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
    #: The question's lexical tokens that no indexed article mentions, not even inflected
    #: (:meth:`LexicalIndex.mentions`): "australia" in "What is the capital of Australia?"
    #: asked of articles that never name it.
    unmentioned: list[str] = Field(default_factory=list)

    #: The article's next sentences after evidence passage ``n`` (at most
    #: :data:`FOLLOWING_SENTENCES`, no furniture), as a passage starting where ``n`` ends:
    #: news introduces a speaker or a finding, then gives the words or figures in the next
    #: sentence, often past the passage's edge. Not evidence of its own (never ranked).
    following: dict[int, Evidence] = Field(default_factory=dict)

    #: The sentences the extractive backend answers with (``n`` numbers ``evidence``):
    #: an LLM backend shows them in its prompt as the likely answer.
    leads: list[DraftCitation] = Field(default_factory=list)


class Draft(BaseModel):
    """A backend's answer before verification: ``[n]`` refers to ``Context.evidence``."""

    text: str
    abstained: bool = False
    citations: list[DraftCitation] = Field(default_factory=list)
    #: The abstention rests on what the question asks for (a name, a figure, a day, a
    #: person's words on it) being in none of the evidence, not on how well sentences score.
    absent: bool = False
    #: Lines of ``text`` (split at newlines) that only continue an earlier line, by the index
    #: of the line they continue: the verifier keeps such a line only with its head.
    follows: dict[int, int] = Field(default_factory=dict)


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


# -- what the facade returns (besides Answer / SearchHit / Quote / Article) ------------------
class Speaker(BaseModel):
    """One speaker across the corpus (a ledger entry)."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    quote_count: int = 0
    doc_ids: list[str] = Field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """The JSON form of ``assistant speakers --json``, ``/v1/speakers`` and MCP ``speakers``."""
        return self.model_dump(mode="json")


class TimelineEntry(BaseModel):
    """A dated statement (a ledger quote) or event (a sentence with a resolved date), cited."""

    date: dt.date
    #: The time expression as the text says it ("on Friday"), when the date comes from one.
    when: str | None = None
    #: ``said`` (the statement's own date), ``published`` (the article's), or the certainty
    #: of an event's resolved time expression.
    basis: str
    kind: Literal["statement", "event"]
    speaker: str | None = None
    text: str
    doc_id: str
    start: int
    end: int
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_source: str = "none"

    def to_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json")


class EmbedderInfo(BaseModel):
    """The embedder an index was built with."""

    name: str | None = None
    dim: int | None = None


class Status(BaseModel):
    """Where the index is and what it holds (``assistant status``, ``/v1/status``)."""

    index_dir: str
    chroma_url: str | None = None
    exists: bool = False
    articles: int = 0
    chunks: int = 0
    quotes: int | None = None
    embedder: EmbedderInfo | None = None
    last_indexed: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The JSON form; an index not built yet has no quote count, embedder or date."""
        data = self.model_dump(mode="json")
        if not self.exists:
            for key in ("quotes", "embedder", "last_indexed"):
                data.pop(key)
        return data


class Source(BaseModel):
    """What a citation shows of its article besides the quote."""

    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_source: str = "none"


class Sources(BaseModel):
    """The articles a list of quotes or citations comes from, by doc id."""

    articles: dict[str, Source] = Field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        """``{doc_id: {title, outlet, published, published_source}}`` (the Sources block)."""
        return {d: s.model_dump(mode="json") for d, s in self.articles.items()}


@dataclass
class Failure:
    """A file that is not fully indexed: skipped (``indexed`` 0) or indexed in part."""

    path: str
    reason: str  # why; a file-level reason starts with the path
    indexed: int = 0  # records of the file that are in the index after the run
    records: int = 0  # records the file holds (0 when the file itself could not be read)

    @property
    def partial(self) -> bool:
        return self.indexed > 0

    def line(self) -> str:
        """One line: the path, what happened and why."""
        why = self.reason
        if why.startswith(self.path):
            why = why[len(self.path) :].lstrip(":").strip()
        if self.partial:
            return f"{self.path}: indexed {self.indexed} of {self.records} records; {why}"
        return f"skipped {self.path}: {why}"


@dataclass
class IndexReport:
    """What one ``index`` run did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    chunks_written: int = 0
    quotes_written: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    files: int = 0  # files of a supported type found
    ignored: list[str] = field(default_factory=list)  # other files passed over in folders
    #: The file kinds the run reads (".txt", ...), named when nothing was found.
    supported: tuple[str, ...] = ()

    def empty_reason(self) -> str | None:
        """Why nothing is in the index after this run (None when something is)."""
        if self.added or self.updated or self.unchanged:
            return None
        if self.failures:
            return f"nothing was indexed: all {len(self.failures)} file(s) were skipped (reasons above)"
        kinds = ", ".join(sorted(self.supported))
        other = f"; {len(self.ignored)} file(s) of other types passed over" if self.ignored else ""
        return f"nothing was indexed: no article files found (index reads {kinds}){other}"

    def to_dict(self) -> dict[str, object]:
        """The JSON form of ``assistant index --json``."""
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "removed": len(self.removed),
            "chunks_written": self.chunks_written,
            "quotes_written": self.quotes_written,
            "duplicates": [{"doc_id": d, "duplicate_of": o} for d, o in self.duplicates],
            "seconds": round(self.seconds, 3),
            "failures": [
                {
                    "path": f.path,
                    "reason": f.reason,
                    "status": "partial" if f.partial else "skipped",
                    "indexed": f.indexed,
                    "records": f.records,
                }
                for f in self.failures
            ],
        }
