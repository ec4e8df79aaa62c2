"""Answer backends, selected by one string (``extractive``, ``openai``, ...)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from assistant.answer.backends.base import AnswerBackend
    from assistant.settings import Settings

BACKENDS = ("extractive", "openai", "echo")


def get_backend(name: str, settings: Settings) -> AnswerBackend:
    """Resolve a backend name to an instance; the only place that knows them all."""
    key = name.strip().lower()
    if key == "extractive":
        from assistant.answer.backends.extractive import ExtractiveBackend

        return ExtractiveBackend(settings)
    if key in ("openai", "llm") or key.startswith("openai:"):
        from assistant.answer.backends.openai_backend import OpenAIBackend

        model = key.split(":", 1)[1] if ":" in key else None
        return OpenAIBackend(settings, model=model)
    if key == "echo":  # a scripted stand-in for an LLM: tests and eval baselines
        from assistant.answer.backends.scripted import EchoBackend

        return EchoBackend()
    raise ConfigError(f"Unknown backend {name!r}: choose one of {', '.join(BACKENDS)}.")
