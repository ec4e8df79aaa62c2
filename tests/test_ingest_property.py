"""Property: whatever files a folder holds, `index` ends with each of them indexed or
reported in one line, raises nothing, and leaves the store as a clean rebuild would
(issue 13, item 11).

Generated files: text in random encodings (UTF-8, UTF-8 with BOM, UTF-16 with BOM,
Latin-1, CP1252), very long lines, thousands of short lines, control and zero-width
characters, mixed newlines, nested JSON and JSON Lines with bad records, HTML with
scripts and hidden text, empty files, binary files and PDFs. A short run is part of
``make test``; the long one is marked ``slow``.
"""

from __future__ import annotations

import json
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.engines.store import Store
from assistant.ingest.loaders import SUPPORTED
from assistant.ingest.pipeline import IndexReport, run_index


class HashedEmbedder:
    """Signed feature hashing of words: deterministic, and free next to a model."""

    name = "hashed-property-test"
    dim = 32

    def embed_queries(self, texts: Any) -> np.ndarray:
        return self.embed_passages(texts)

    def embed_passages(self, texts: Any) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                h = zlib.crc32(word.encode("utf-8"))
                out[row, h % self.dim] += 1.0 if (h >> 16) & 1 else -1.0
        return out


SENTENCE = st.sampled_from(
    [
        '"We will not back down," Mayor Ada Quist said on Monday.',
        "The council voted 7-2 to fund the ferry, officials said.",
        "Bea Lund, a spokesperson, told reporters the plan was late.",
        "“It is a lifeline,” she said. ‘Really.’",
        "Prices rose 4% in October — the highest in a year.",
        "Zoë Café owner said the façade would be rebuilt.",
    ]
)
ODD = st.sampled_from(["\u200b", "\u200d", "\ufeff", "\x07", "\x1b[0m", "\x0c", "\u2028", "\u00a0", "\t"])
NEWLINE = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"])


@st.composite
def prose(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        s = draw(SENTENCE)
        if draw(st.booleans()):
            at = draw(st.integers(0, len(s)))
            s = s[:at] + draw(ODD) + s[at:]
        parts.append(s + draw(NEWLINE))
    return "".join(parts)


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"]


@st.composite
def text_file(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["plain", "long_line", "short_lines", "front_matter"]))
    if kind == "plain":
        text = draw(prose())
    elif kind == "long_line":
        text = draw(SENTENCE) * draw(st.integers(200, 800)) + "\n"  # 10k-60k characters
    elif kind == "short_lines":
        text = "".join(
            f"Item {i} said: yes.{draw(NEWLINE) if i % 500 == 0 else chr(10)}" for i in range(3000)
        )
    else:
        text = "---\ntitle: " + draw(st.sampled_from(["Ferry plan", "[unclosed", "a: b: c"])) + "\n---\n"
        text += draw(prose())
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace")
    return draw(st.sampled_from([".txt", ".md"])), data


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)


@st.composite
def record(draw: st.DrawFn) -> Any:
    if draw(st.integers(0, 3)) == 0:
        return draw(JSON_VALUE)  # often not an article record at all
    rec: dict[str, Any] = {"text": draw(prose()), "extra": draw(JSON_VALUE)}
    if draw(st.booleans()):
        rec["title"] = draw(st.text(max_size=30))
    return rec


@st.composite
def json_file(draw: st.DrawFn) -> tuple[str, bytes]:
    recs = draw(st.lists(record(), min_size=1, max_size=4))
    if draw(st.booleans()):
        lines = [json.dumps(r) for r in recs]
        if draw(st.booleans()):
            lines.insert(draw(st.integers(0, len(lines))), "{broken")
        return ".jsonl", draw(NEWLINE).join(lines).encode()
    body = json.dumps(recs if len(recs) > 1 else recs[0])
    if draw(st.booleans()):
        body = "[" * 3 + body + "]" * 3  # nested deeper than records go
    return ".json", body.encode()


@st.composite
def html_file(draw: st.DrawFn) -> tuple[str, bytes]:
    hidden = draw(st.sampled_from(["", "<p style='display:none'>HIDDEN</p>", "<div hidden>HIDDEN</div>"]))
    script = draw(st.sampled_from(["", "<script>document.write('HIDDEN')</script>", "<style>p{}</style>"]))
    paras = "".join(f"<p>{draw(prose())}</p>" for _ in range(draw(st.integers(0, 4))))
    page = (
        f"<html><head><title>T</title>{script}</head><body><article>{paras}{hidden}</article></body></html>"
    )
    if draw(st.booleans()):
        page = page[: draw(st.integers(0, len(page)))]  # truncated markup
    return ".html", page.encode()


@st.composite
def junk_file(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["empty", "binary", "pdf", "blank"]))
    ext = draw(st.sampled_from([".txt", ".json", ".jsonl", ".html", ".pdf"]))
    data = {
        "empty": b"",
        "binary": draw(st.binary(min_size=1, max_size=300)),
        "pdf": b"%PDF-1.4\n" + draw(st.binary(max_size=100)),
        "blank": b" \n\t\r\n",
    }[kind]
    return ext, data


ANY_FILE = st.one_of(text_file(), json_file(), html_file(), junk_file())


def _index(src: Path, ix: Path) -> tuple[IndexReport, Store]:
    store = Store(ix, create=True)
    return run_index(store, HashedEmbedder(), [src]), store


def _counts(store: Store) -> tuple[int, int, int]:
    return store.count_articles(), store.count_chunks(), store.count_quotes()


def check_corpus(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        names = []
        for i, (ext, data) in enumerate(files):
            name = f"f{i}{ext}"
            (src / name).write_bytes(data)
            names.append(name)
        report, store = _index(src, Path(tmp) / "ix")
        reported = {Path(f.path).name: f for f in report.failures}
        committed = store.article_metas()
        from_file: dict[str, int] = {}
        for meta in committed.values():
            from_file[Path(meta["path"]).name] = from_file.get(Path(meta["path"]).name, 0) + 1
        for name in names:
            if Path(name).suffix not in SUPPORTED:  # a .pdf etc. in a folder
                assert name in reported or name not in from_file
                continue
            f = reported.get(name)
            assert name in from_file or f is not None, f"{name}: neither indexed nor reported"
            if f is not None:
                line = f.line()
                assert "\n" not in line and "\r" not in line and name in line, line
                assert f.indexed == from_file.get(name, 0), (line, from_file.get(name))
                assert line.startswith("skipped ") == (f.indexed == 0), line
        texts = store.article_texts(list(committed))
        assert all("HIDDEN" not in t for t in texts.values())
        # the same files again: nothing changes; a clean rebuild: the same counts
        again = run_index(store, HashedEmbedder(), [src])
        assert not again.added and not again.updated and len(again.unchanged) == len(committed)
        _, clean = _index(src, Path(tmp) / "clean")
        assert _counts(store) == _counts(clean)
        assert sorted(store.article_hashes().items()) == sorted(clean.article_hashes().items())


CORPUS = st.lists(ANY_FILE, min_size=1, max_size=5)
SETTINGS: Callable[[int], Any] = lambda n: settings(  # noqa: E731
    max_examples=n,
    deadline=None,
    derandomize=n < 20,  # the short run is the same every time; the long one explores
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SETTINGS(6)
@given(files=CORPUS)
def test_any_folder_indexes_or_reports_each_file(files: list[tuple[str, bytes]]) -> None:
    check_corpus(files)


@pytest.mark.slow
@SETTINGS(150)
@given(files=st.lists(ANY_FILE, min_size=1, max_size=12))
def test_any_folder_indexes_or_reports_each_file_long(files: list[tuple[str, bytes]]) -> None:
    check_corpus(files)
