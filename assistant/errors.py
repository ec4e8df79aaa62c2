"""One exception family for everything a user can act on.

The CLI and the servers catch :class:`AssistantError` only; anything else is a bug and
propagates with its traceback.
"""

from __future__ import annotations


class AssistantError(Exception):
    """An error with a message a user can act on."""


class ConfigError(AssistantError):
    """Bad or missing configuration (flags, environment, config file)."""


class IndexMissingError(AssistantError):
    """The index does not exist or holds no articles."""


class EmbedderMismatchError(AssistantError):
    """The index was built with another embedder than the one configured."""


class IndexBusyError(AssistantError):
    """Another process holds the index's writer lock."""


class BackendError(AssistantError):
    """The answer backend failed (network, authentication, unknown model...)."""


class IngestError(AssistantError):
    """A single input file could not be read; the rest of the run goes on."""


class BusyError(AssistantError):
    """Another thread held the :class:`~assistant.service.Assistant` longer than the wait allowed."""
