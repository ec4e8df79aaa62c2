"""The ``serve`` and ``mcp`` commands, registered on the main Typer app by :func:`register`.

Both build the index first when there is none (messages on stderr), warm the engines, then
serve. ``mcp`` keeps stdout for the protocol alone: everything before the transport takes
over the file descriptors is diverted to stderr too.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.interfaces.cli_options import ChromaUrl, IndexDir

if TYPE_CHECKING:
    from assistant.service import Assistant

Backend = Annotated[
    str | None,
    typer.Option(
        "--backend",
        help="extractive (default) or openai.",
        envvar="ASSISTANT_BACKEND",
        show_default=False,
    ),
]


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def prepare(index_dir: Path | None, backend: str | None, chroma_url: str | None) -> Assistant:
    """An Assistant with its index built (if missing) and engines loaded; logs to stderr."""
    from assistant.service import Assistant

    a = Assistant(index_dir=index_dir, backend=backend, chroma_url=chroma_url, notify=_err)
    a.warm()  # an unknown backend or model stops the start, before any indexing
    return a


@contextlib.contextmanager
def stdout_to_stderr() -> Iterator[None]:
    """Point file descriptor 1 (and ``sys.stdout``) at stderr for the duration.

    Catches stray prints from libraries, including C code, while the index is built.
    """
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        os.dup2(2, 1)
        with contextlib.redirect_stdout(sys.stderr):
            yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def register(app: typer.Typer) -> None:
    """Add ``serve`` and ``mcp`` to ``app``."""

    @app.command()
    def serve(
        host: Annotated[
            str, typer.Option("--host", help="Interface to bind (loopback by default).")
        ] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
        api_key: Annotated[
            str | None,
            typer.Option(
                "--api-key",
                help="Require 'Authorization: Bearer KEY' on every route but /healthz.",
                envvar="ASSISTANT_API_KEY",
                show_default=False,
            ),
        ] = None,
        index_dir: IndexDir = None,
        backend: Backend = None,
        chroma_url: ChromaUrl = None,
        max_concurrency: Annotated[
            int | None,
            typer.Option(
                "--max-concurrency",
                help="Requests admitted at once; more get 503 (default: settings serve.max_concurrency, 8).",
                show_default=False,
            ),
        ] = None,
    ) -> None:
        """Serve an OpenAI-compatible API (/v1/chat/completions, /v1/ask) with uvicorn."""
        import uvicorn

        from assistant.errors import AssistantError
        from assistant.interfaces.server import create_app

        if not _is_loopback(host) and not api_key:
            _err(
                f"warning: serving on {host} without --api-key: anyone who can reach it can query the index."
            )
        try:
            a = prepare(index_dir, backend, chroma_url)
        except AssistantError as exc:
            _err(f"error: {exc}")
            raise typer.Exit(1) from None
        limits = a.settings.serve
        app_ = create_app(
            a,
            api_key=api_key,
            max_body=limits.max_body,
            max_concurrency=limits.max_concurrency if max_concurrency is None else max_concurrency,
        )
        _err(
            f"Serving {a.settings.chroma_url or a.index_dir} on http://{host}:{port}/v1 "
            f"(model 'assistant'{', API key required' if api_key else ''})."
        )
        uvicorn.run(app_, host=host, port=port, log_level="info", server_header=False)

    @app.command()
    def mcp(
        index_dir: IndexDir = None,
        backend: Backend = None,
        chroma_url: ChromaUrl = None,
    ) -> None:
        """Serve the tools ask, search, quotes, speakers over MCP (stdio)."""
        from assistant.errors import AssistantError

        with stdout_to_stderr():
            try:
                a = prepare(index_dir, backend, chroma_url)
            except AssistantError as exc:
                _err(f"error: {exc}")
                raise typer.Exit(1) from None
            from assistant.interfaces.mcp_server import create_mcp_server

            server = create_mcp_server(a)
        server.run("stdio")
