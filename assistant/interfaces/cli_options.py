"""Option types shared by ``cli`` and ``cli_serve`` (one definition of ``--index-dir`` and
``--chroma-url``; ``cli_eval`` has its own options)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

IndexDir = Annotated[
    Path | None,
    typer.Option(
        "--index-dir",
        help="Index directory (default: index/ of the checkout, or of the user data folder when installed).",
        envvar="ASSISTANT_INDEX_DIR",
        show_default=False,
    ),
]
ChromaUrl = Annotated[
    str | None,
    typer.Option(
        "--chroma-url",
        help="Use a Chroma server instead of a local directory.",
        envvar="ASSISTANT_CHROMA_URL",
        show_default=False,
    ),
]
