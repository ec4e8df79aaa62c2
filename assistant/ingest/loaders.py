"""Reading article files: .txt/.md (optional front matter), .json/.jsonl records, .html.

A file that cannot be read is reported with a reason and skipped; the rest go on.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.errors import IngestError

TEXT_EXTS = {".txt", ".md", ".markdown"}
RECORD_EXTS = {".json", ".jsonl", ".ndjson"}
HTML_EXTS = {".html", ".htm"}
SUPPORTED = TEXT_EXTS | RECORD_EXTS | HTML_EXTS
SIDECAR = ".meta.json"
MAX_BYTES = 20 * 1024 * 1024


@dataclass
class RawDoc:
    doc_id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    path: str | None = None


@dataclass
class Failure:
    path: str
    reason: str


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Failure]]:
    """Supported files under ``paths`` (recursive, links followed once, sorted)."""
    found: list[Path] = []
    failures: list[Failure] = []
    seen: set[str] = set()
    for root in paths:
        root = Path(root)
        if not root.exists():
            failures.append(Failure(str(root), "no such file or directory"))
            continue
        if root.is_file():
            found.append(root)
            continue
        for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
            real = os.path.realpath(dirpath)
            if real in seen:  # a symlink loop or a second route to the same folder
                dirnames[:] = []
                continue
            seen.add(real)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                p = Path(dirpath) / name
                if name.startswith(".") or name.endswith(SIDECAR):
                    continue
                if p.suffix.lower() in SUPPORTED:
                    found.append(p)
    return found, failures


def decode(data: bytes, path: Path) -> str:
    """Bytes to text: UTF-8 (BOM allowed) or UTF-16 with a BOM; anything else is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(f"{path}: invalid UTF-16 ({exc.reason})") from None
        return _no_nul(text, path)
    if b"\x00" in data[:8192]:
        raise IngestError(f"{path}: binary file (NUL bytes), not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not valid UTF-8 (byte {exc.start}); re-save it as UTF-8") from None
    return _no_nul(text, path)


def _no_nul(text: str, path: Path) -> str:
    """A NUL anywhere means a binary or corrupt file (and Chroma/SQLite may cut text at it)."""
    at = text.find("\x00")
    if at >= 0:
        raise IngestError(f"{path}: NUL character at offset {at}; binary or corrupt, not an article")
    return text


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a FIFO or a device would block or never end
            raise IngestError(f"{path}: not a regular file (a pipe, socket or device)")
        size = st.st_size
        if size > max_bytes:
            raise IngestError(f"{path}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit")
        return path.read_bytes()
    except PermissionError:
        raise IngestError(f"{path}: permission denied") from None
    except OSError as exc:
        raise IngestError(f"{path}: cannot read ({exc.strerror or exc})") from None


def load_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[RawDoc]:
    """Yield the articles in one file; raise :class:`IngestError` when it is unusable."""
    ext = path.suffix.lower()
    text = decode(_read_bytes(path, max_bytes), path)
    meta: dict[str, Any] = {}
    sidecar = path.with_name(path.stem + SIDECAR)
    if sidecar.exists():
        from assistant.ingest.metadata import read_sidecar

        meta = read_sidecar(sidecar)
    if ext in TEXT_EXTS:
        front, body_at = _front_matter(text)
        yield _make(path.stem, text[body_at:], {**front, **meta}, path)
    elif ext in HTML_EXTS:
        body, html_meta = _html(text, path)
        yield _make(path.stem, body, {**html_meta, **meta}, path)
    elif ext == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise IngestError(f"{path}: malformed JSON (line {exc.lineno}: {exc.msg})") from None
        except RecursionError:
            raise IngestError(f"{path}: malformed JSON (nested too deeply)") from None
        records = data if isinstance(data, list) else [data]
        for i, rec in enumerate(records):
            yield _record(rec, path, i, single=len(records) == 1, base=meta)
    else:  # .jsonl
        lines = text.splitlines()
        n = sum(1 for ln in lines if ln.strip())
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise IngestError(f"{path}: malformed JSON on line {i + 1} ({exc.msg})") from None
            except RecursionError:
                raise IngestError(f"{path}: malformed JSON on line {i + 1} (nested too deeply)") from None
            yield _record(rec, path, i, single=n == 1, base=meta)


def _make(doc_id: str, text: str, meta: dict[str, Any], path: Path) -> RawDoc:
    if not text.strip():
        raise IngestError(f"{path}: empty article (no text)")
    return RawDoc(doc_id=doc_id, text=text, meta=meta, path=str(path))


def _record(rec: Any, path: Path, i: int, single: bool, base: dict[str, Any]) -> RawDoc:
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        raise IngestError(f"{path}: record {i + 1} has no 'text' string field")
    doc_id = str(rec.get("doc_id") or rec.get("id") or (path.stem if single else f"{path.stem}-{i + 1}"))
    meta = {**base, **{k: v for k, v in rec.items() if k not in ("text", "id", "doc_id")}}
    return _make(doc_id, rec["text"], meta, path)


def _front_matter(text: str) -> tuple[dict[str, Any], int]:
    from assistant.ingest.metadata import split_front_matter

    return split_front_matter(text)


def _html(raw: str, path: Path) -> tuple[str, dict[str, Any]]:
    from assistant.ingest.metadata import read_html

    try:
        text, meta = read_html(raw)
    except IngestError as exc:
        msg = str(exc)
        raise IngestError(msg if msg.startswith(str(path)) else f"{path}: {msg}") from None
    except Exception as exc:  # a parser's internal error on a hostile page
        raise IngestError(f"{path}: malformed HTML ({type(exc).__name__})") from None
    return text, meta
