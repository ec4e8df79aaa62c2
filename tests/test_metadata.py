"""Article metadata: sidecars, front matter, HTML, and what the text states."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from assistant.errors import IngestError
from assistant.ingest.metadata import (
    build_meta,
    canonical_outlet,
    read_html,
    read_sidecar,
    sidecar_path,
    split_front_matter,
)

FIXTURES = Path(__file__).parent / "fixtures" / "dated"
D = dt.date


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


# ------------------------------------------------------------------------------ sidecars


def test_sidecar_fields_and_iso_datetime() -> None:
    meta = read_sidecar(FIXTURES / "union_emails.meta.json")
    assert meta == {
        "title": "Critic says her emails went unanswered",
        "outlet": "Valley Courier",
        "published": D(2026, 2, 5),
    }


def test_sidecar_found_from_the_article_path() -> None:
    article = FIXTURES / "harbour_talks.txt"
    assert sidecar_path(article) == FIXTURES / "harbour_talks.meta.json"
    assert read_sidecar(article)["author"] == "Pat Moreau"
    assert read_sidecar(FIXTURES / "no_dates.txt") == {}


def test_sidecar_aliases_and_author_lists(tmp_path: Path) -> None:
    path = tmp_path / "a.meta.json"
    path.write_text(json.dumps({"headline": "H", "date": "2025-01-02", "authors": ["A B", "C D"],
                                "site_name": "Example News", "tags": ["x"]}))  # fmt: skip
    assert read_sidecar(path) == {
        "title": "H", "published": D(2025, 1, 2), "author": "A B, C D", "outlet": "Example News",
    }  # fmt: skip


def test_malformed_sidecar_names_file_and_place(tmp_path: Path) -> None:
    path = tmp_path / "broken.meta.json"
    path.write_text('{"title": "x",\n "published": }')
    with pytest.raises(IngestError, match=r"broken\.meta\.json: metadata sidecar is malformed JSON \(line 2"):
        read_sidecar(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [('["a list"]', "must be a JSON object"), ('{"published": "last Tuesday"}', "not a date"),
     ('{"title": {"nested": 1}}', "must be text")],
)  # fmt: skip
def test_unusable_sidecars_raise_ingest_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "x.meta.json"
    path.write_text(content)
    with pytest.raises(IngestError, match=message):
        read_sidecar(path)


# --------------------------------------------------------------------------- front matter


def test_front_matter_metadata_and_body_offset() -> None:
    raw = read("december_outlook.md")
    meta, body = split_front_matter(raw)
    assert meta == {
        "title": "What the port expects in the new year",
        "outlet": "Harbour Review",
        "author": "Lee Park, Sam Ortiz",
        "published": D(2025, 12, 15),
    }
    assert raw[body:].startswith("Port director Ines Falk said")


@pytest.mark.parametrize(
    "raw",
    ["No front matter here.\n", "---\nnot: closed\nbody text\n", "--- a rule ---\ntext\n"],
)
def test_text_without_front_matter_is_untouched(raw: str) -> None:
    assert split_front_matter(raw) == ({}, 0)


def test_front_matter_with_a_bad_date_raises() -> None:
    with pytest.raises(IngestError, match="front matter: published"):
        split_front_matter("---\npublished: someday\n---\nBody.\n")


def test_front_matter_nested_yaml_uses_pyyaml_when_present() -> None:
    pytest.importorskip("yaml")
    raw = "---\ntitle: T\nseo:\n  keywords: [a, b]\n---\nBody.\n"
    meta, body = split_front_matter(raw)
    assert meta == {"title": "T"} and raw[body:] == "Body.\n"


# ---------------------------------------------------------------------------------- HTML


def test_html_text_excludes_hidden_content_and_keeps_metadata() -> None:
    text, meta = read_html(read("hidden_text.html"))
    for secret in ("SCRIPT_SECRET", "DISPLAY_NONE", "ARIA_HIDDEN", "HIDDEN_ATTR", "SR_ONLY"):
        assert secret not in text
    assert "returned to work on Tuesday" in text
    assert "members will vote on the deal next week" in text
    assert meta == {
        "title": "Port strike ends after two days",
        "author": "Lee Park",
        "outlet": "Harbour Review",
        "published": D(2025, 11, 4),
    }
    article = build_meta("port", text, meta)
    assert article.published_source == "stated"


def test_html_without_text_is_an_ingest_error() -> None:
    with pytest.raises(IngestError, match="no article text"):
        read_html("<html><body><script>x()</script></body></html>")


# ------------------------------------------------------------------ from the text itself


def test_given_metadata_wins_and_is_stated() -> None:
    text = read("caption_dated.txt")
    meta = build_meta("c", text, {"outlet": "Given Outlet", "published": "2025-10-05"}, path="p")
    assert (meta.outlet, meta.published, meta.published_source) == (
        "Given Outlet",
        D(2025, 10, 5),
        "stated",
    )
    assert meta.title == "Harbour workers rally outside the legislature" and meta.path == "p"


def test_publication_date_inferred_from_the_latest_past_full_date() -> None:
    meta = build_meta("c", read("caption_dated.txt"))
    # Oct. 1 (a caption) counts; Nov. 30 is a future event ("will open"), not evidence.
    assert (meta.published, meta.published_source) == (D(2025, 10, 1), "inferred")


def test_published_line_in_the_text_is_used_but_still_inferred() -> None:
    text = "Budget passes\nPublished: Oct. 9, 2025\n\nThe vote on Oct. 12, 2025 was close.\n"
    meta = build_meta("b", text)
    assert (meta.published, meta.published_source) == (D(2025, 10, 9), "inferred")


def test_no_dates_anywhere() -> None:
    meta = build_meta("n", read("no_dates.txt"))
    assert (meta.published, meta.published_source) == (None, "none")


def test_header_outlet_title_and_byline() -> None:
    meta = build_meta("n", read("no_dates.txt"))
    assert meta.outlet == "Riverside Daily News"
    assert meta.title == "Council delays vote on the new bridge"
    assert meta.author == "Jane Roe"


def test_wire_credit_and_photo_credit_in_capitals() -> None:
    meta = build_meta("c", read("caption_dated.txt"))
    # "THE NORTHERN PRESS/Ines Falk" (photo, 1) + "The Northern Press obtained" (role, 1)
    assert meta.outlet == "The Northern Press"


def test_dateline_gives_the_author_and_a_wire_dateline_the_outlet() -> None:
    person = build_meta("d", "Ottawa (Rajeev Sharma): The MP said he met officials.\n")
    assert (person.author, person.outlet) == ("Rajeev Sharma", None)
    wire = build_meta("w", "OTTAWA (Reuters) - The minister resigned on Monday.\n")
    assert (wire.author, wire.outlet) == (None, "Reuters")


def test_a_single_interviewer_mention_is_not_enough() -> None:
    text = "The minister spoke in the House.\nShe told CBC News the bill would pass.\n"
    assert build_meta("i", text).outlet is None
    text += "A spokesperson said in a statement to CBC News that talks continue.\n"
    assert build_meta("i", text).outlet == "CBC News"


def test_header_outlet_beats_an_interviewer() -> None:
    text = (
        "Metro Star\nPolitics\n\nMP says talks went well\n\n"
        "In an exclusive interview with Semafor, the MP said talks went well.\n"
        "He told Semafor he would return.\n"
    )
    meta = build_meta("h", text)
    assert (meta.outlet, meta.title) == ("Metro Star", "MP says talks went well")


def test_page_furniture_is_never_the_title() -> None:
    text = "Listen to this article\nEstimated 4 minutes\nThe MP is in Washington this week.\n"
    assert build_meta("f", text).title is None
    text = "Breaking coverage live\nMP visits Washington again\nThe MP is in Washington.\n"
    furniture = [(0, len("Breaking coverage live"))]
    assert build_meta("f", text, furniture_lines=furniture).title == "MP visits Washington again"


def test_canonical_outlet_names() -> None:
    assert canonical_outlet("THE CANADIAN PRESS") == "The Canadian Press"
    assert canonical_outlet("CBC") == "CBC News"
    assert canonical_outlet("Canadian Press") == "The Canadian Press"
    assert canonical_outlet("THE GLOBE AND MAIL") == "The Globe and Mail"
    # a possessive, straight, curly or after a plural's s, is no part of the name
    assert canonical_outlet("The Harbor Times’") == canonical_outlet("The Harbor Times's") == "The Harbor Times"
