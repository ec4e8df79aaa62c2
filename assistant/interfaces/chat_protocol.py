"""The OpenAI chat protocol as this project speaks it: request bodies, answer rendering,
completion objects and SSE chunks. Pure data, no web framework, so the HTTP server and the
MCP server render answers the same way.

An answer's text keeps its ``[n]`` markers and gains a ``Sources:`` block, one markdown
list line per citation (title, outlet, date, doc id, quoted words); the same citations
also travel as data in a top-level ``citations`` field, so they survive any client.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.nlp.text import shown_quote
from assistant.types import Answer, Citation, Turn

MODEL_ID = "assistant"
#: Longest question accepted (``/v1/ask``, ``/v1/search`` queries, the last user message of
#: a chat): a longer one is refused with a 400 rather than answered slowly. Embedding the
#: question costs time linear in its length while holding the engine (about 1 s for 1,000
#: characters and 4-6 s for 4,000 on a busy 2-core machine, against 0.07 s for a typical
#: question), so the cap bounds what one request can make everyone else wait.
MAX_QUESTION_CHARS = 1000
#: Most messages accepted in one chat request (only the last few turns are used anyway).
MAX_MESSAGES = 100
_SOURCES_RE = re.compile(r"\n+Sources:\n(?:- \[\d+\].*(?:\n|$))+\s*$")


class ChatRequestError(ValueError):
    """A chat request that holds no usable question; ``code`` names the reason."""

    def __init__(self, message: str, code: str = "no_question"):
        super().__init__(message)
        self.code = code


# -- request bodies ------------------------------------------------------------------------
class Filters(BaseModel):
    """Retrieval options shared by ``/v1/ask`` and chat requests."""

    k: int | None = Field(default=None, ge=1, le=50)
    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    speaker: str | None = None
    backend: str | None = None

    def ask_kwargs(self) -> dict[str, Any]:
        return self.model_dump(include={"k", "since", "until", "outlet", "speaker", "backend"})


class AskRequest(Filters):
    """Body of ``POST /v1/ask``."""

    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS)


class SearchRequest(BaseModel):
    """Body of ``POST /v1/search``."""

    model_config = ConfigDict(extra="forbid")
    query: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS)
    k: int = Field(default=8, ge=1, le=50)
    since: date | None = None
    until: date | None = None
    outlet: str | None = None


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str
    content: str | list[dict[str, Any]] | None = None


class ChatRequest(Filters):
    """Body of ``POST /v1/chat/completions``; OpenAI fields this server does not use are
    ignored. The :class:`Filters` fields may be sent as extras (``extra_body=`` in the
    ``openai`` client)."""

    model_config = ConfigDict(extra="ignore")
    model: str = MODEL_ID
    messages: list[ChatMessage] = Field(min_length=1, max_length=MAX_MESSAGES)
    stream: bool = False
    stream_options: dict[str, Any] | None = None


# -- rendering -----------------------------------------------------------------------------
def render_sources(citations: Sequence[Citation]) -> str:
    """A ``Sources:`` block: one markdown list line per citation, readable as plain text."""
    if not citations:
        return ""
    lines = ["Sources:"]
    for c in citations:
        head = ", ".join(x for x in (c.title, c.outlet, c.published) if x)
        where = f"{head} (doc {c.doc_id})" if head else f"doc {c.doc_id}"
        lines.append(f"- [{c.n}] {where}: {shown_quote(c.quote)}")
    return "\n".join(lines)


def answer_content(answer: Answer) -> str:
    """The answer text with its ``[n]`` markers, then the Sources block."""
    block = render_sources(answer.citations)
    return f"{answer.answer.rstrip()}\n\n{block}" if block else answer.answer


def strip_sources(content: str) -> str:
    """An earlier assistant turn without the Sources block :func:`answer_content` added."""
    return _SOURCES_RE.sub("", content).rstrip()


def message_text(content: str | list[dict[str, Any]] | None) -> str:
    """The text of a message whose content is a string or a list of typed parts."""
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    return "\n".join(str(p.get("text", "")) for p in content if p.get("type") == "text")


def split_conversation(messages: Sequence[ChatMessage]) -> tuple[str, list[Turn]]:
    """The last user message is the question; earlier user/assistant turns are history.

    System, developer and tool messages are dropped; the Sources blocks of earlier answers
    are cut so history holds only what was said.
    """
    last = max((i for i, m in enumerate(messages) if m.role == "user"), default=None)
    if last is None:
        raise ChatRequestError("messages holds no user message.")
    question = message_text(messages[last].content).strip()
    if not question:
        raise ChatRequestError("The last user message is empty.")
    if len(question) > MAX_QUESTION_CHARS:
        raise ChatRequestError(
            f"The question is {len(question)} characters long; the limit is {MAX_QUESTION_CHARS}.",
            "question_too_long",
        )
    history = []
    for m in messages[:last]:
        if m.role not in ("user", "assistant"):
            continue
        text = message_text(m.content)
        text = strip_sources(text) if m.role == "assistant" else text.strip()
        if text:
            role: Literal["user", "assistant"] = "user" if m.role == "user" else "assistant"
            history.append(Turn(role=role, content=text))
    return question, history


# -- responses -----------------------------------------------------------------------------
def citations_json(answer: Answer) -> list[dict[str, Any]]:
    return [c.model_dump(mode="json") for c in answer.citations]


def usage(question: str, content: str) -> dict[str, int]:
    """Whitespace word counts: a rough stand-in for tokens, no tokenizer is involved."""
    p, c = len(question.split()), len(content.split())
    return {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}


def answer_extra(answer: Answer) -> dict[str, Any]:
    """Answer fields a chat client has no slot for, under a top-level ``assistant`` key.

    ``answer`` is the verified text without the Sources block: when a backend streams its
    raw draft, this is what a client should show once the stream ends. ``fallback`` names
    the backend that wrote it when the requested one's answer did not verify.
    """
    return {
        "answer": answer.answer,
        "abstained": answer.abstained,
        "backend": answer.backend,
        "fallback": answer.fallback,
        "timings_ms": answer.timings_ms,
    }


def sse(data: dict[str, Any] | str) -> bytes:
    """One server-sent event."""
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return f"data: {text}\n\n".encode()


class Completion:
    """Builds the objects of one chat completion: whole, or as stream chunks."""

    def __init__(self) -> None:
        self.id = f"chatcmpl-{uuid.uuid4().hex}"
        self.created = int(time.time())

    def _head(self, obj: str) -> dict[str, Any]:
        return {"id": self.id, "object": obj, "created": self.created, "model": MODEL_ID}

    def whole(self, answer: Answer) -> dict[str, Any]:
        content = answer_content(answer)
        message = {"role": "assistant", "content": content}
        return self._head("chat.completion") | {
            "choices": [{"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}],
            "usage": usage(answer.question, content),
            "citations": citations_json(answer),
            "assistant": answer_extra(answer),
        }

    def chunk(self, delta: dict[str, Any], finish: str | None = None, **extra: Any) -> bytes:
        choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
        return sse(self._head("chat.completion.chunk") | {"choices": [choice]} | extra)

    def closing(self, answer: Answer, include_usage: bool) -> list[bytes]:
        """The Sources block, the ``stop`` chunk with the citations, the usage chunk."""
        out = []
        tail = render_sources(answer.citations)
        if tail:
            out.append(self.chunk({"content": f"\n\n{tail}"}))
        out.append(self.chunk({}, "stop", citations=citations_json(answer), assistant=answer_extra(answer)))
        if include_usage:
            body = self._head("chat.completion.chunk") | {
                "choices": [],
                "usage": usage(answer.question, answer_content(answer)),
            }
            out.append(sse(body))
        return out
