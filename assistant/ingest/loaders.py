"""Reading article files: .txt/.md (optional front matter), .json/.jsonl records, .html.

A file that cannot be read is reported with a reason and skipped; the rest go on. A
record file (.json array, .jsonl) whose bad records are skipped keeps its good ones, and
is reported as indexed in part (:class:`Failure` with ``indexed`` > 0). An article's words
in mojibake ("GÃ¼len") are decoded as it is read, in its text and its metadata's strings
(:mod:`assistant.ingest.mojibake`).

Document formats that are not articles in a supported encoding (PDF, Word, RTF, ZIP
containers) are recognised by their first bytes (``SIGNATURES``), so a PDF is reported as
a PDF, not as text in a wrong encoding or malformed JSON. Five fixed signatures do not
justify a libmagic dependency.
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
from assistant.ingest.mojibake import repair
from assistant.types import Failure

TEXT_EXTS = {".txt", ".md", ".markdown"}
RECORD_EXTS = {".json", ".jsonl", ".ndjson"}
HTML_EXTS = {".html", ".htm"}
SUPPORTED = TEXT_EXTS | RECORD_EXTS | HTML_EXTS
SIDECAR = ".meta.json"
MAX_BYTES = 20 * 1024 * 1024

_CONVERT = "convert it to text or HTML"
#: Leading bytes of document formats people drop next to their articles.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", f"PDF is not supported: {_CONVERT}"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", f"a legacy Office document (.doc) is not supported: {_CONVERT}"),
    (b"PK\x03\x04", f"a ZIP container (.docx, .odt, .epub, .zip) is not supported: {_CONVERT}"),
    (b"{\\rtf", f"RTF is not supported: {_CONVERT}"),
)


def sniff(head: bytes) -> str | None:
    """Why a file starting with ``head`` is not an article we read (None: no known format)."""
    for magic, reason in SIGNATURES:
        if head.startswith(magic):
            return reason
    return None


@dataclass
class RawDoc:
    doc_id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    path: str | None = None


@dataclass
class Loaded:
    """The articles of one file, and the records of it that could not be used."""

    docs: list[RawDoc]
    records: int
    problems: list[str]  # one reason per bad record, without the path


def discover(paths: Iterable[Path], ignored: list[Path] | None = None) -> tuple[list[Path], list[Failure]]:
    """Supported files under ``paths`` (recursive, links followed once, sorted).

    Inside folders, files of other types are passed over (appended to ``ignored``), but a
    document format a user may expect to be read (PDF, Word, RTF) is reported.
    """
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
                    continue
                reason = _sniff_file(p)
                if reason is not None:
                    failures.append(Failure(str(p), f"{p}: {reason}"))
                elif ignored is not None:
                    ignored.append(p)
    return found, failures


def _sniff_file(path: Path) -> str | None:
    try:
        if not path.is_file():
            return None
        with path.open("rb") as fh:
            return sniff(fh.read(16))
    except OSError:
        return None  # unreadable and not an article type: passed over like any other


def decode(data: bytes, path: Path) -> str:
    """Bytes to text: UTF-8 (BOM allowed) or UTF-16 with a BOM; anything else is refused."""
    known = sniff(data[:16])
    if known is not None:
        raise IngestError(f"{path}: {known}")
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
    """Yield the articles in one file; raise :class:`IngestError` when it is unusable
    or any of its records is bad (:func:`read_file` keeps the good records instead)."""
    loaded = read_file(path, max_bytes)
    if loaded.problems:
        raise IngestError(f"{path}: {loaded.problems[0]}")
    yield from loaded.docs


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Loaded:
    """The articles in one file and the reasons its bad records were skipped.

    Raises :class:`IngestError` when the file as a whole is unusable.
    """
    ext = path.suffix.lower()
    text = decode(_read_bytes(path, max_bytes), path)
    if ext not in SUPPORTED:
        kinds = ", ".join(sorted(SUPPORTED))
        raise IngestError(f"{path}: {ext or 'a file without an extension'} is not a supported type ({kinds})")
    meta: dict[str, Any] = {}
    sidecar = path.with_name(path.stem + SIDECAR)
    if sidecar.exists():
        from assistant.ingest.metadata import read_sidecar

        meta = read_sidecar(sidecar)
    if ext in TEXT_EXTS:
        front, body_at = _front_matter(text)
        return Loaded([_make(path.stem, text[body_at:], {**front, **meta}, path)], 1, [])
    if ext in HTML_EXTS:
        body, html_meta = _html(text, path)
        return Loaded([_make(path.stem, body, {**html_meta, **meta}, path)], 1, [])
    if ext == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise IngestError(f"{path}: malformed JSON (line {exc.lineno}: {exc.msg})") from None
        except RecursionError:
            raise IngestError(f"{path}: malformed JSON (nested too deeply)") from None
        items = data if isinstance(data, list) else [data]
        numbered = [(i, f"record {i + 1}", rec) for i, rec in enumerate(items)]
        return _records(numbered, path, meta)
    # .jsonl / .ndjson: one record per line; a bad line is skipped, the others kept
    parsed: list[tuple[int, str, Any]] = []
    problems: list[str] = []
    for i, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        try:
            parsed.append((i, f"line {i + 1}", json.loads(line)))
        except json.JSONDecodeError as exc:
            problems.append(f"line {i + 1}: malformed JSON ({exc.msg})")
        except RecursionError:
            problems.append(f"line {i + 1}: malformed JSON (nested too deeply)")
    loaded = _records(parsed, path, meta, extra=len(problems))
    loaded.problems[:0] = problems
    return loaded


def _records(
    numbered: list[tuple[int, str, Any]], path: Path, base: dict[str, Any], extra: int = 0
) -> Loaded:
    """Articles from parsed records; ``extra`` lines of the file did not even parse."""
    single = len(numbered) + extra == 1
    docs: list[RawDoc] = []
    problems: list[str] = []
    for i, where, rec in numbered:
        try:
            docs.append(_record(rec, path, i, where, single=single, base=base))
        except IngestError as exc:
            msg = str(exc)
            problems.append(msg[len(str(path)) + 2 :] if msg.startswith(f"{path}: ") else msg)
    return Loaded(docs, len(numbered) + extra, problems)


def _make(doc_id: str, text: str, meta: dict[str, Any], path: Path) -> RawDoc:
    if not text.strip():
        raise IngestError(f"{path}: empty article (no text)")
    meta = {k: repair(v) if isinstance(v, str) else v for k, v in meta.items()}  # a title, a byline
    return RawDoc(doc_id=doc_id, text=repair(text), meta=meta, path=str(path))


def _record(rec: Any, path: Path, i: int, where: str, single: bool, base: dict[str, Any]) -> RawDoc:
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        raise IngestError(f"{path}: {where}: no 'text' string field")
    doc_id = str(rec.get("doc_id") or rec.get("id") or (path.stem if single else f"{path.stem}-{i + 1}"))
    meta = {**base, **{k: v for k, v in rec.items() if k not in ("text", "id", "doc_id")}}
    return _make(doc_id, rec["text"], meta, path)


def _front_matter(text: str) -> tuple[dict[str, Any], int]:
    from assistant.ingest.metadata import split_front_matter

    return split_front_matter(text)


def _html(raw: str, path: Path) -> tuple[str, dict[str, Any]]:
    from lxml import etree

    from assistant.ingest.metadata import read_html

    try:
        text, meta = read_html(raw)
    except IngestError as exc:
        msg = str(exc)
        raise IngestError(msg if msg.startswith(str(path)) else f"{path}: {msg}") from None
    except (etree.LxmlError, ValueError, RecursionError) as exc:
        # the parsers' own errors on a hostile page (bad markup, nesting too deep); a
        # missing module or a bug in our code is not caught and keeps its traceback
        raise IngestError(f"{path}: malformed HTML ({type(exc).__name__}: {exc})") from None
    return text, meta
