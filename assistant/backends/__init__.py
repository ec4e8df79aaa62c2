"""Answer backends, selected by one string (``extractive``, ``openai``, ...)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from assistant.backends.base import AnswerBackend
    from assistant.settings import Settings

BACKENDS = ("extractive", "openai", "echo")


def get_backend(name: str, settings: Settings) -> AnswerBackend:
    """Resolve a backend name to an instance; the only place that knows them all."""
    kind, _, model = name.strip().partition(":")
    key = kind.strip().lower()  # the backend's kind is case-blind; a model name is not
    if key == "extractive" and not model:
        from assistant.backends.extractive import ExtractiveBackend

        return ExtractiveBackend(settings)
    if key in ("openai", "llm"):
        from assistant.backends.openai_backend import OpenAIBackend

        return OpenAIBackend(settings, model=model.strip() or None)
    if key == "echo" and not model:  # a scripted stand-in for an LLM: tests and eval baselines
        from assistant.backends.scripted import EchoBackend

        return EchoBackend()
    raise ConfigError(f"Unknown backend {name!r}: choose one of {', '.join(BACKENDS)} (or openai:<model>).")
