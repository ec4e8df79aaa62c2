"""The ledger's parse skips page furniture and the dateline (invented articles on a real
index): spaCy is given the text with its caption and dateline blanked, offsets kept (on the
bundled corpus a caption's credit "PressPhoto" became the subject of the next paragraph's
"pressing", and the dateline's "Washington" the lead's speaker; which parse goes wrong
depends on the names, so the tests check what the parser is given); and a role given by an
appositive runs through an abbreviation's full stops ("an expert on Canada-U.S. relations")."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.ledger_index import parse_text
from assistant.ingest.metadata import dateline_span
from assistant.quotes.people import Registry
from assistant.service import Assistant
from tests.conftest import index_plain

CAPTION = (
    "Harbour vote splits the council\n\n"
    "Mayor Ines Kalder walks to the council chamber in Norvale on Monday. THE NORVALE "
    "HERALD/Tom Reyes Click here to view gallery Photo: The Norvale HeraldPhoto: The Norvale Herald\n\n"
    "Opposition Leader Aldo Brenn is offering Mayor Ines Kalder his support ahead of the vote "
    "but is also pressing the mayor to publish the harbour contracts.\n\n"
    "\u201cThe people of Norvale deserve to see every page,\u201d Brenn said.\n"
)
DATELINE = (
    "Eastport (Mara Quist): Councillor Theo Vance said he met shipping executives during a "
    "visit to Eastport, describing the trip as an effort to repair strained harbour relations.\n\n"
    "Vance said more meetings would follow.\n\n"
    "Lena Ostrova, an expert on Norvale-U.S. relations and the head of the Harbour Forum, said "
    "the talks could take months.\n"
)


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    _, index_dir = index_plain(tmp_path_factory, {"norvale_herald": CAPTION, "eastport_wire": DATELINE})
    return Assistant(index_dir=Path(index_dir))


def test_the_dateline_is_found_and_blanked_for_the_parse() -> None:
    span = dateline_span(DATELINE)
    assert span is not None and DATELINE[span[0] : span[1]] == "Eastport (Mara Quist):"
    assert dateline_span(CAPTION) is None
    # a place in capitals and a dash, with a state or an agency or neither
    for opening in ("NORVALE \u2014 ", "EASTPORT, Maine \u2014 ", "NORVALE (AP) \u2013 "):
        text = "Harbour vote\n\n" + opening + "Councillor Theo Vance said the vote was close.\n"
        span = dateline_span(text)
        assert span is not None and text[span[0] : span[1]].strip() == opening.strip(), opening
    assert dateline_span("Harbour vote\n\nNATO \u2014 the alliance \u2014 met today.\n") is None


def test_the_ledger_parses_the_text_without_its_caption_and_dateline(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What spaCy parses at index time is the blanked text: no caption credit can become
    the subject of the next paragraph's verb, no dateline place the lead's speaker."""
    import assistant.ingest.pipeline as pipeline

    seen: dict[str, str] = {}
    real = pipeline.article_quotes

    def spy(article, doc=None, tuning=None):  # type: ignore[no-untyped-def]
        seen[article.doc_id] = doc.text
        return real(article, doc, tuning)

    monkeypatch.setattr(pipeline, "article_quotes", spy)
    index_plain(tmp_path_factory, {"norvale_herald": CAPTION, "eastport_wire": DATELINE})
    assert "Photo" not in seen["norvale_herald"] and "HERALD/Tom Reyes" not in seen["norvale_herald"]
    assert "pressing the mayor" in seen["norvale_herald"]
    assert not seen["eastport_wire"].lstrip().startswith("Eastport")
    assert "Mara Quist" not in seen["eastport_wire"] and "Councillor Theo Vance said" in seen["eastport_wire"]


def test_speakers_are_the_articles_people(news: Assistant) -> None:
    names = {s.name for s in news.speakers()}
    assert not any("Herald" in n or "Photo" in n for n in names), names
    assert "Eastport" not in names and "Mara Quist" not in names, names
    pressing = [q for q in news.quotes() if "publish the harbour contracts" in q.quote]
    assert pressing and all(q.speaker == "Aldo Brenn" for q in pressing), pressing


def test_the_parse_keeps_every_offset(news: Assistant) -> None:
    art = news.article("norvale_herald")
    blanked = parse_text(art)
    assert len(blanked) == len(art.text) and "Photo" not in blanked and "Brenn" in blanked
    assert [i for i, c in enumerate(blanked) if c == "\n"] == [i for i, c in enumerate(art.text) if c == "\n"]


def test_a_role_runs_through_an_abbreviation() -> None:
    roles = {p.name: p.roles for p in Registry(DATELINE).people}
    assert roles["Lena Ostrova"] == ["expert on Norvale-U.S. relations and the head of the Harbour Forum"]
    lone = Registry("Ada Moss, the U.S. envoy to Norvale, said it. Ed Fay, the head of Plan B. He left.")
    roles = {p.name: p.roles for p in lone.people}
    assert roles["Ada Moss"] == ["U.S. envoy to Norvale"] and roles["Ed Fay"] == ["head of Plan B"]
