import json
from pathlib import Path

import pytest

from assistant.errors import IngestError
from assistant.ingest.loaders import discover, load_file


def test_text_markdown_front_matter_and_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline here\nBody text.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "T", "published": "2025-10-07"}))
    (tmp_path / "b.md").write_text("---\ntitle: From front matter\noutlet: Daily\n---\nBody line.\n")
    files, failures = discover([tmp_path])
    assert [f.name for f in files] == ["a.txt", "b.md"] and not failures
    a = next(load_file(files[0]))
    assert a.doc_id == "a" and a.meta["title"] == "T" and a.text == "Headline here\nBody text."
    b = next(load_file(files[1]))
    assert b.text == "Body line.\n" and b.meta == {"title": "From front matter", "outlet": "Daily"}


def test_json_and_jsonl_records(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": "Solo.", "title": "S"}))
    (tmp_path / "many.jsonl").write_text(
        json.dumps({"id": "x1", "text": "First."}) + "\n\n" + json.dumps({"text": "Second."}) + "\n"
    )
    one = list(load_file(tmp_path / "one.json"))
    assert [(d.doc_id, d.meta) for d in one] == [("one", {"title": "S"})]
    many = list(load_file(tmp_path / "many.jsonl"))
    assert [d.doc_id for d in many] == ["x1", "many-3"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bin.txt", b"\x00\x01\x02binary", "binary"),
        ("latin.txt", "caf\xe9".encode("latin-1"), "not valid UTF-8"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("bad.json", b"{not json", "malformed JSON"),
        ("bad.jsonl", b'{"text": "ok"}\n{oops\n', "line 2"),
        ("notext.json", b'{"title": "x"}', "no 'text'"),
    ],
)
def test_bad_files_raise_a_clear_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(IngestError, match=reason):
        list(load_file(p))


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    p = tmp_path / "wide.txt"
    p.write_bytes("Quote “here”.".encode("utf-16"))
    assert next(load_file(p)).text == "Quote “here”."


def test_symlink_loop_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("A.")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    files, failures = discover([tmp_path / "d", tmp_path / "missing"])
    assert [f.name for f in files] == ["a.txt"]
    assert failures and "no such file" in failures[0].reason
