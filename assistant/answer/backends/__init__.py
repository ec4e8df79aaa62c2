"""Answer backends, selected by one string (``extractive``, ``openai``, ...)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from assistant.answer.backends.base import AnswerBackend
    from assistant.settings import Settings

BACKENDS = ("extractive", "openai", "echo")


def get_backend(name: str, settings: Settings) -> AnswerBackend:
    """Resolve a backend name to an instance; the only place that knows them all.

    The kind before ``:`` is matched case-insensitively; the model after it is kept as
    written (``openai:SmolLM2-135M``), since model names are case-sensitive on servers.
    """
    kind, _, model = name.strip().partition(":")
    key = kind.lower()
    if key == "extractive" and not model:
        from assistant.answer.backends.extractive import ExtractiveBackend

        return ExtractiveBackend(settings)
    if key == "openai" or (key == "llm" and not model):
        from assistant.answer.backends.openai_backend import OpenAIBackend

        return OpenAIBackend(settings, model=model or None)
    if key == "echo" and not model:  # a scripted stand-in for an LLM: tests and eval baselines
        from assistant.answer.backends.scripted import EchoBackend

        return EchoBackend()
    raise ConfigError(f"Unknown backend {name!r}: choose one of {', '.join(BACKENDS)} (or openai:<model>).")
