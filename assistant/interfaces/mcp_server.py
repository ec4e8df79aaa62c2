"""An MCP server (official ``mcp`` SDK 2.x, ``MCPServer``) over :class:`Assistant`.

Tools: ``ask``, ``search``, ``quotes``, ``speakers``. Every result is structured JSON
(``structuredContent``, with an output schema) and carries its citations: ``ask`` returns
the ``ask --json`` object and shows the answer with its Sources block as text; search hits
and quotes carry doc id and character offsets into the stored article text.

The SDK runs synchronous tools in worker threads; the :class:`Assistant` is thread-safe
(one lock of its own). Run it with ``assistant mcp`` (stdio); logs go to stderr.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated, TypeVar

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import CallToolResult, TextContent
from pydantic import BaseModel, Field

from assistant.errors import AssistantError
from assistant.nlp.timex import parse_user_date
from assistant.types import Answer, Quote, SearchHit, Speaker

if TYPE_CHECKING:
    from assistant.service import Assistant

T = TypeVar("T")

INSTRUCTIONS = (
    "Answers who said what, and when, from an index of news articles. Every claim in an "
    "answer carries a [n] marker that refers to a citation: a verbatim quote of the source "
    "article with its doc id, title, outlet and date. Quote those citations when you relay "
    "the answer. If `abstained` is true the articles do not support an answer."
)


class SearchResult(BaseModel):
    """Passages ranked for a query; ``start``/``end`` are offsets in the article text."""

    hits: list[SearchHit]


class QuotesResult(BaseModel):
    """Quotes from the ledger; each names its article (``doc_id``) and offsets."""

    quotes: list[Quote]


class SpeakersResult(BaseModel):
    """People quoted in the index, with how often."""

    speakers: list[Speaker]


#: The date forms ``since`` and ``until`` take, as the tools describe them.
_DATES = "a date (YYYY-MM-DD, 'Oct 7 2025', 'last week')"


def _date(value: str | None, name: str) -> date | None:
    """A ``since``/``until`` argument as the CLI reads it (ISO, "Oct 7 2025", "last week"):
    a period's first day for ``since``, its last for ``until``."""
    if not value:
        return None
    try:
        return parse_user_date(value, end=name == "until")
    except AssistantError as exc:
        raise ToolError(f"Bad {name}: {exc}") from None


def create_mcp_server(assistant: Assistant) -> MCPServer:
    """The MCP server with its four tools bound to ``assistant``."""
    from assistant import __version__
    from assistant.interfaces.chat_protocol import answer_content

    server: MCPServer = MCPServer(
        name="assistant",
        title="Who said what, and when",
        instructions=INSTRUCTIONS,
        version=__version__,
        log_level="WARNING",
    )

    def call(fn: Callable[[], T]) -> T:
        try:
            return fn()
        except AssistantError as exc:
            raise ToolError(str(exc)) from None

    @server.tool()
    def ask(
        question: Annotated[str, Field(description="The question, in plain words.")],
        since: Annotated[str | None, Field(description=f"Only articles published on/after {_DATES}.")] = None,
        until: Annotated[str | None, Field(description=f"Only articles published by {_DATES}.")] = None,
        speaker: Annotated[str | None, Field(description="The person whose words are wanted.")] = None,
    ) -> Annotated[CallToolResult, Answer]:
        """Answer a question from the news index with verbatim, cited quotes.

        Returns the answer with [n] markers and its citations (doc id, title, outlet,
        date, quote, offsets)."""
        s, u = _date(since, "since"), _date(until, "until")
        answer = call(lambda: assistant.ask(question, since=s, until=u, speaker=speaker))
        return CallToolResult(
            content=[TextContent(type="text", text=answer_content(answer))],
            structured_content=answer.model_dump(mode="json"),
        )

    @server.tool()
    def search(
        query: Annotated[str, Field(description="What to look for.")],
        k: Annotated[int, Field(ge=1, le=50, description="How many passages.")] = 8,
    ) -> SearchResult:
        """Find the passages of the indexed articles that best match a query."""
        return SearchResult(hits=call(lambda: assistant.search(query, k)))

    @server.tool()
    def quotes(
        speaker: Annotated[str | None, Field(description="Only quotes by this person.")] = None,
        about: Annotated[str | None, Field(description="Only quotes on this topic.")] = None,
    ) -> QuotesResult:
        """Quotes from the ledger: who said what, with the article and offsets of each."""
        fn = assistant.quotes
        return QuotesResult(quotes=call(lambda: fn(speaker=speaker, about=about)))

    @server.tool()
    def speakers() -> SpeakersResult:
        """The people quoted in the indexed articles."""
        fn = assistant.speakers
        return SpeakersResult(speakers=call(fn))

    return server
