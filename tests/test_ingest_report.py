"""What `index` says about each file it does not fully index (issue 13, items 1 and 5).

One line per such file: its path, what happened (skipped, or indexed N of M records) and
why; a run that indexes nothing says why; a PDF is recognised by its first bytes whatever
its name. HTML is read with the declared dependencies, and a missing module is not
disguised as bad HTML.
"""

from __future__ import annotations

import json
import re
import sys
from importlib.metadata import requires
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.engines.store import Store
from assistant.errors import IngestError
from assistant.ingest.loaders import load_file, read_file
from assistant.interfaces.cli import app

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
PDF_REASON = "PDF is not supported: convert it to text or HTML"
BODY = '"The ferry plan is a lifeline," Mayor Ada Quist said on Monday.\n'
HTML = (
    "<html><head><title>Ferry plan backed</title></head><body><article>"
    "<h1>Mayor backs ferry plan</h1><p>" + BODY * 3 + "</p>"
    "<script>var hidden = 'never article text';</script>"
    "<p style='display:none'>Invisible sponsor text.</p></article></body></html>"
)


def _index(*args: str) -> tuple[int, list[str], dict[str, object] | None]:
    result = CliRunner().invoke(app, ["index", *args])
    assert "Traceback" not in result.stderr, result.stderr
    report = json.loads(result.stdout) if result.stdout.strip() else None
    return result.exit_code, result.stderr.strip().splitlines(), report


def test_folder_of_pdfs_says_each_is_a_pdf_and_that_nothing_was_indexed(tmp_path: Path) -> None:
    src = tmp_path / "pdfs"
    src.mkdir()
    (src / "report.pdf").write_bytes(PDF)
    (src / "scan.PDF").write_bytes(PDF)
    (src / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))  # not a document: passed over
    code, lines, _ = _index(str(src), "--index-dir", str(tmp_path / "ix"))
    assert code == 2
    assert f"skipped {src / 'report.pdf'}: {PDF_REASON}" in lines
    assert f"skipped {src / 'scan.PDF'}: {PDF_REASON}" in lines
    assert not any("photo.png" in line for line in lines)
    assert any(line.startswith("Nothing was indexed: all 2 file(s) were skipped") for line in lines)
    assert not any("UTF-8" in line or "JSON" in line for line in lines)


@pytest.mark.parametrize("name", ["article.txt", "records.json", "paper.pdf", "feed.jsonl"])
def test_pdf_named_on_the_command_line_is_a_pdf_whatever_its_name(tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    f.write_bytes(PDF)
    code, lines, _ = _index(str(f), "--index-dir", str(tmp_path / "ix"))
    assert code == 2 and f"skipped {f}: {PDF_REASON}" in lines, lines


def test_empty_folder_says_why_nothing_was_indexed(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "notes.docx.bak").write_text("x")
    code, lines, _ = _index(str(tmp_path / "src"), "--index-dir", str(tmp_path / "ix"))
    assert code == 1
    assert lines[-1].startswith("Nothing was indexed: no article files found (index reads .htm, .html")
    assert "1 file(s) of other types passed over" in lines[-1]


def test_jsonl_with_bad_records_is_partially_indexed_not_skipped(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    f = src / "feed.jsonl"
    f.write_text(
        "\n".join(
            [
                json.dumps({"id": "a1", "text": BODY}),
                "{broken",
                json.dumps({"id": "a3", "text": BODY.replace("Ada", "Bea")}),
                json.dumps({"id": "a4", "title": "no text field"}),
                json.dumps({"id": "a5", "text": BODY.replace("Ada", "Cy")}),
            ]
        )
    )
    code, lines, report = _index(str(src), "--index-dir", str(tmp_path / "ix"), "--json")
    assert code == 2
    mine = [line for line in lines if "feed.jsonl" in line]
    assert mine == [
        f"{f}: indexed 3 of 5 records; line 2: malformed JSON (Expecting property name enclosed "
        "in double quotes) (and 1 more)"
    ]
    assert not any(line.startswith("skipped") for line in lines)
    assert report is not None
    [failure] = report["failures"]  # type: ignore[index]
    assert failure["status"] == "partial" and failure["indexed"] == 3 and failure["records"] == 5
    assert sorted(Store(tmp_path / "ix").article_hashes()) == ["a1", "a3", "a5"]


def test_json_array_with_one_bad_record_keeps_the_others(tmp_path: Path) -> None:
    f = tmp_path / "many.json"
    f.write_text(json.dumps([{"text": BODY}, {"text": 7}, {"text": BODY.replace("Ada", "Bea")}]))
    loaded = read_file(f)
    assert [d.doc_id for d in loaded.docs] == ["many-1", "many-3"]
    assert loaded.records == 3 and loaded.problems == ["record 2: no 'text' string field"]
    with pytest.raises(IngestError, match="record 2: no 'text'"):
        list(load_file(f))  # the strict reader still refuses the file as a whole


def test_html_article_indexes_without_hidden_text(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "ferry.html").write_text(HTML)
    code, lines, report = _index(str(tmp_path / "src"), "--index-dir", str(tmp_path / "ix"), "--json")
    assert code == 0, lines
    art = Store(tmp_path / "ix").articles(["ferry"])["ferry"]
    assert "lifeline" in art.text and "never article text" not in art.text
    assert "Invisible sponsor" not in art.text


def test_html_dependencies_are_declared() -> None:
    """trafilatura -> justext imports lxml.html.clean, a separate package since lxml 6."""
    declared = {
        re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9_.-]+", r).group(0)).lower()  # type: ignore[union-attr]
        for r in requires("assistant") or []
    }
    assert {"lxml", "lxml-html-clean", "trafilatura", "pyyaml", "dateparser"} <= declared
    import lxml_html_clean  # noqa: F401  (installed by `pip install -e .`)


def test_a_missing_module_is_not_reported_as_bad_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "ferry.html"
    f.write_text(HTML)
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` now fails
    with pytest.raises(ImportError):
        read_file(f)


def test_malformed_html_is_still_a_one_line_data_error(tmp_path: Path) -> None:
    f = tmp_path / "deep.html"
    f.write_text("<div>" * 100_000 + "text" + "</div>" * 100_000)
    try:
        loaded = read_file(f)
    except IngestError as exc:
        assert str(exc).startswith(str(f)) and "\n" not in str(exc)
    else:
        assert loaded.docs and loaded.docs[0].text.strip()
