"""Article metadata: given (sidecar, front matter) or detected from the text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from assistant.errors import IngestError
from assistant.furniture import Layout
from assistant.types import ArticleMeta

_FIELDS = ("title", "outlet", "author", "published", "url")


def read_sidecar(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IngestError(f"{path}: unreadable metadata sidecar ({exc})") from None
    if not isinstance(data, dict):
        raise IngestError(f"{path}: metadata sidecar must be a JSON object")
    return data


def build_meta(
    doc_id: str,
    text: str,
    given: dict[str, Any] | None = None,
    path: str | None = None,
    layout: Layout | None = None,
) -> ArticleMeta:
    """Given metadata wins; otherwise the headline and outlet header found in the text."""
    given = {k: v for k, v in (given or {}).items() if k in _FIELDS and v not in (None, "")}
    meta = ArticleMeta(doc_id=doc_id, path=path)
    if "published" in given:
        try:
            meta.published = date.fromisoformat(str(given.pop("published"))[:10])
            meta.published_source = "stated"
        except ValueError:
            raise IngestError(f"{path or doc_id}: 'published' is not an ISO date") from None
    for key, value in given.items():
        setattr(meta, key, str(value))
    if layout is not None:
        if meta.title is None and layout.title is not None:
            meta.title = text[layout.title[0] : layout.title[1]].strip()
        if meta.outlet is None and layout.header:
            s, e = layout.header[0]
            meta.outlet = text[s:e].strip()
    return meta
