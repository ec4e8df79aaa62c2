"""The one protocol every answer backend implements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, runtime_checkable

from assistant.types import Context, Draft


@runtime_checkable
class AnswerBackend(Protocol):
    """Writes a draft answer from numbered evidence.

    ``[n]`` markers in ``Draft.text`` refer to ``context.evidence[n - 1]``. The shared
    verifier (``assistant.verify``) turns a draft into an :class:`~assistant.types.Answer`:
    it strips unknown markers, checks quoted words against the sources and the speaker
    ledger, and abstains when nothing verified is left.
    """

    name: str

    def answer(self, context: Context) -> Draft: ...

    def stream(self, context: Context) -> Iterator[str]:
        """Yield the draft text as it is written; the last item may be the whole text."""
        ...

    @property
    def prompt_hash(self) -> str | None: ...
