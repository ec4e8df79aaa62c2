"""assistant: who said what, and when, with every claim cited to its source's exact words.

The library is the product; the CLI, the HTTP server and the MCP server are thin clients
of :class:`assistant.service.Assistant`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Assistant", "AssistantError", "__version__"]

if TYPE_CHECKING:
    from assistant.errors import AssistantError
    from assistant.service import Assistant


def __getattr__(name: str) -> Any:
    # Lazy, so `import assistant` (and `assistant --help`) stays fast.
    if name == "Assistant":
        from assistant.service import Assistant

        return Assistant
    if name == "AssistantError":
        from assistant.errors import AssistantError

        return AssistantError
    raise AttributeError(name)
