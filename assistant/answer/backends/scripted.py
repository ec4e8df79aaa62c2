"""Deterministic backends for tests and evals: scripted replies and an echo of the evidence.

``ScriptedBackend`` replies from a queue (falling back to echoing) and records every
context it is given; ``EchoBackend`` answers with the best-matching sentence of the top
source, cited ``[1]`` — a floor any real backend should beat. Neither touches a network.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator

from assistant.answer.verify import parse_reply
from assistant.nlp.claims import CANNOT_ANSWER
from assistant.nlp.text import split_sentences, words
from assistant.types import Context, Draft


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _wordset(
    """
    a an the and or but of to in on at by for with from as is are was were be been it
    its this that he she they his her their what who whom which when where why how did
    does do say said says about
    """
)


class EchoBackend:
    """Echoes the top evidence: its sentence sharing most words with the question, [1]."""

    name = "echo"

    def __init__(self) -> None:
        self.calls: list[Context] = []

    @property
    def prompt_hash(self) -> str | None:
        return None

    def answer(self, context: Context) -> Draft:
        self.calls.append(context)
        return Draft(text=echo_text(context), abstained=not context.evidence)

    def stream(self, context: Context) -> Iterator[str]:
        yield from _pieces(self.answer(context).text)


def echo_text(context: Context) -> str:
    """The best sentence of ``context.evidence[0]`` for the question, with ``[1]``."""
    if not context.evidence:
        return f"{CANNOT_ANSWER}: no source was found."
    ev = context.evidence[0]
    wanted = set(words(context.question)) - _STOP
    best, best_score = ev.text.strip(), -1
    for s, e in split_sentences(ev.text):
        sentence = ev.text[s:e]
        score = len(wanted & set(words(sentence)))
        if score > best_score:
            best, best_score = sentence, score
    return f"{best.strip()} [1]"


class ScriptedBackend:
    """Replies from a queue of scripted texts (or drafts); echoes when the queue is empty.

    ``calls`` records every context received, in order, so tests can assert on what the
    answering layer passed (history, evidence, quotes).
    """

    name = "scripted"

    def __init__(self, replies: Iterable[str | Draft] = (), prompt_hash: str | None = None):
        self._queue: deque[str | Draft] = deque(replies)
        self._prompt_hash = prompt_hash
        self.calls: list[Context] = []

    def enqueue(self, *replies: str | Draft) -> None:
        self._queue.extend(replies)

    @property
    def prompt_hash(self) -> str | None:
        return self._prompt_hash

    def answer(self, context: Context) -> Draft:
        self.calls.append(context)
        if not self._queue:
            return Draft(text=echo_text(context), abstained=not context.evidence)
        reply = self._queue.popleft()
        if isinstance(reply, Draft):
            return reply
        return parse_reply(reply)

    def stream(self, context: Context) -> Iterator[str]:
        yield from _pieces(self.answer(context).text)


def _pieces(text: str) -> Iterator[str]:
    """Token-like pieces of ``text`` (each word with its leading white space)."""
    yield from re.findall(r"\s*\S+", text) or [text]
