"""The LLM answer backend: any OpenAI-compatible chat model, prompts from files.

The model sees numbered sources delimited as data (``<source n=...>`` elements whose text
is escaped so it cannot close its element, and whose own ``[n]`` are written with
full-width brackets so they cannot pass for source numbers), the ledger quotes of
those sources and the sentences the extractive backend would answer with (``<lead>``);
the conversation history is passed as chat messages; replies are capped at
``llm_max_tokens``. The reply is a draft: the shared verifier
(:mod:`assistant.answer.verify`) checks every ``[n]``, quote and speaker afterwards.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from assistant.answer.guard import neutralise_markers
from assistant.answer.prompts import PromptSet
from assistant.answer.verify import parse_reply
from assistant.engines import openai_client
from assistant.nlp.claims import CANNOT_ANSWER
from assistant.types import Context, Draft, Evidence, Quote, Turn

if TYPE_CHECKING:
    from assistant.settings import Settings

#: Prompts whose contents shape an answer (their hash is ``prompt_hash``).
ANSWER_PROMPTS = ("system", "answer")


def escape_data(text: str) -> str:
    """Escape ``&``, ``<`` and ``>`` so article text cannot open or close an element."""
    return html.escape(text, quote=False)


def source_data(text: str) -> str:
    """Article text as prompt data: escaped, and its ``[n]`` neutralised (``［n］``).

    NFKC normalisation maps the full-width brackets back, so a quote the model copies
    from such text still verifies verbatim.
    """
    return escape_data(neutralise_markers(text))


def _attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def render_sources(evidence: list[Evidence]) -> str:
    """Numbered ``<source>`` elements: doc id, title, outlet, date as attributes."""
    blocks = []
    for n, ev in enumerate(evidence, 1):
        attrs = [f'n="{n}"', f'doc_id="{_attr(ev.doc_id)}"']
        if ev.title:
            attrs.append(f'title="{_attr(ev.title)}"')
        if ev.outlet:
            attrs.append(f'outlet="{_attr(ev.outlet)}"')
        attrs.append(f'published="{ev.published.isoformat() if ev.published else "unknown"}"')
        blocks.append(f"<source {' '.join(attrs)}>\n{source_data(ev.text.strip())}\n</source>")
    return "\n".join(blocks) if blocks else "(no sources)"


def _source_of(quote: Quote, evidence: list[Evidence]) -> int | None:
    """The number of the source holding ``quote`` (overlapping span first, then doc)."""
    same_doc = [n for n, ev in enumerate(evidence, 1) if ev.doc_id == quote.doc_id]
    for n in same_doc:
        ev = evidence[n - 1]
        if quote.start < ev.end and ev.start < quote.end:
            return n
    return same_doc[0] if same_doc else None


def render_quotes(quotes: list[Quote], evidence: list[Evidence]) -> str:
    """Ledger quotes of the given sources as ``<quote>`` elements (speaker, words)."""
    lines = []
    for q in quotes:
        n = _source_of(q, evidence)
        if n is None:
            continue
        speaker = q.speaker or "unknown"
        attrs = f'source="{n}" speaker="{_attr(speaker)}" doc_id="{_attr(q.doc_id)}"'
        if q.date_text:
            attrs += f' when="{_attr(q.date_text)}"'
        lines.append(f"<quote {attrs}>{source_data(q.quote.strip())}</quote>")
    return "\n".join(lines) if lines else "(none)"


def render_leads(context: Context) -> str:
    """The sentences the extractive backend answers with, as ``<lead source="n">``
    elements (escaped like sources), or ``(none)``."""
    lines = []
    for c in context.leads:
        if not 1 <= c.n <= len(context.evidence):
            continue
        ev = context.evidence[c.n - 1]
        text = ev.text[max(c.start - ev.start, 0) : max(c.end - ev.start, 0)].strip()
        if text:
            lines.append(f'<lead source="{c.n}">{source_data(text)}</lead>')
    return "\n".join(lines) if lines else "(none)"


def history_messages(history: list[Turn]) -> list[dict[str, str]]:
    return [{"role": t.role, "content": t.content} for t in history if t.content.strip()]


class OpenAIBackend:
    """Answers with an OpenAI-compatible chat model (OpenAI, vLLM, Ollama, llama.cpp)."""

    name = "openai"
    #: A model writes the draft: the service puts the extractive answer's sentences in the
    #: prompt and falls back to that answer when the model's does not verify.
    generative = True

    def __init__(
        self,
        settings: Settings | None = None,
        model: str | None = None,
        *,
        client: Any = None,
        prompts: PromptSet | None = None,
        temperature: float = 0.0,
    ) -> None:
        if settings is None:
            from assistant.settings import Settings

            settings = Settings()
        self.settings = settings
        self.model = model or settings.llm_model
        self.temperature = temperature
        self.prompts = prompts or PromptSet.load()
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        self._client = client or openai_client.make_client(
            base_url=settings.openai_base_url,
            api_key=key,
            timeout=settings.llm_timeout,
            max_retries=settings.llm_max_retries,
        )
        #: The full text of the last reply (after ``answer`` or a finished ``stream``).
        self.last_text: str | None = None
        self._model_checked = False

    def check_model(self) -> None:
        """Before the first request: is the model one the server offers? (once)"""
        if not self._model_checked:
            openai_client.check_model(self._client, self.model)
            self._model_checked = True

    @property
    def prompt_hash(self) -> str | None:
        return self.prompts.hash(ANSWER_PROMPTS)

    def messages(self, context: Context) -> list[dict[str, str]]:
        """The chat messages for ``context``: system, history, then the sourced question."""
        system = self.prompts["system"].render(sentinel=CANNOT_ANSWER)
        user = self.prompts["answer"].render(
            question=context.question.strip(),
            sources=render_sources(context.evidence),
            quotes=render_quotes(context.quotes, context.evidence),
            leads=render_leads(context),
        )
        return [
            {"role": "system", "content": system},
            *history_messages(context.history),
            {"role": "user", "content": user},
        ]

    def complete(self, messages: list[dict[str, str]]) -> str:
        """One non-streaming completion (also used to condense chat follow-ups)."""
        self.check_model()
        return openai_client.complete(
            self._client,
            self.model,
            messages,
            temperature=self.temperature,
            max_tokens=self.settings.llm_max_tokens,
        )

    def answer(self, context: Context) -> Draft:
        if not context.evidence:
            return Draft(text=f"{CANNOT_ANSWER}: nothing relevant was found.", abstained=True)
        self.last_text = self.complete(self.messages(context))
        return parse_reply(self.last_text)

    def stream(self, context: Context) -> Iterator[str]:
        """Yield tokens as the server sends them; ``last_text`` holds the whole reply."""
        self.last_text = None
        if not context.evidence:
            text = f"{CANNOT_ANSWER}: nothing relevant was found."
            self.last_text = text
            yield text
            return
        parts: list[str] = []
        self.check_model()
        for piece in openai_client.stream(
            self._client,
            self.model,
            self.messages(context),
            temperature=self.temperature,
            max_tokens=self.settings.llm_max_tokens,
        ):
            parts.append(piece)
            yield piece
        self.last_text = "".join(parts)

    def condense(self, history: list[Turn], question: str) -> str:
        """Rewrite a chat follow-up into a standalone question with the condense prompt."""
        lines = [f"{t.role}: {' '.join(t.content.split())}" for t in history[-8:]]
        prompt = self.prompts["condense"].render(
            history=escape_data("\n".join(lines)), question=question.strip()
        )
        return self.complete([{"role": "user", "content": prompt}]).strip()
