"""Direct quotes attributed on spaCy's parse (assistant.quotes.parsed): the plain patterns
of news that the rules missed, speaker lines, colons, pronouns, and the offsets contract.
Names are invented; the patterns are general English news."""

from __future__ import annotations

import pytest

from assistant.nlp.parse import parse_one
from assistant.quotes import extract_quotes
from assistant.types import Quote


def _quotes(text: str) -> list[Quote]:
    quotes = extract_quotes("d", text, doc=parse_one(text))
    for q in quotes:
        assert text[q.start : q.end] == q.quote
    return quotes


def _speaker_of(text: str, words: str) -> str | None:
    q = next(q for q in _quotes(text) if words in q.quote)
    return q.speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Jane Roe runs the state budget office.\n\n“We will not cut school funding this year,” Ms. Roe said.",
            "school funding",
            "Jane Roe",
        ),
        (
            "Senator John E. Doe, Republican of Iowa, said “the farm bill is dead for this session.”",
            "farm bill",
            "John E. Doe",
        ),
        (
            "Maria Roe said in a statement supplied to the press: “The board acted within its powers and "
            "will keep doing so.”",
            "board acted",
            "Maria Roe",
        ),
        (
            "Paul Doe, the state’s attorney general, made clear the ramifications: “Anyone who breaks "
            "this law will be prosecuted.”",
            "breaks this law",
            "Paul Doe",
        ),
        (
            "Ann Quill, a professor of economics at a state university, said: “Tariffs of this size "
            "raise prices for everyone.”",
            "Tariffs of this size",
            "Ann Quill",
        ),
        (
            "The mayor defended the plan on Tuesday.\n\nSTATE ATTORNEY GENERAL JANE ROE, IN A STATEMENT:\n\n"
            "“This settlement returns every dollar to the families who were harmed.”",
            "returns every dollar",
            "Jane Roe",
        ),
        (
            "Governor Tom Brandt spoke for an hour in Des Moines.\n\n“We are going to win this state by a "
            "lot,” he said to loud applause.",
            "win this state",
            "Tom Brandt",
        ),
        (
            "Governor Tom Brandt says the tax plan is “a gift to the middle class” and will pass.",
            "gift to the middle class",
            "Tom Brandt",
        ),
    ],
)
def test_speaker_on_the_parse(text: str, words: str, speaker: str) -> None:
    assert _speaker_of(text, words) == speaker


def test_colon_paragraph_introduces_the_next_quote_paragraph() -> None:
    text = (
        "Lena Ortiz answered the critics in a long post on Sunday:\n\n"
        "“Nobody on this council has ever taken a dollar from a developer, and nobody will.”"
    )
    assert _speaker_of(text, "Nobody on this council") == "Lena Ortiz"


def test_no_cue_no_speaker() -> None:
    text = "The crowd chanted for an hour.\n\n“Four more years, four more years, four more years!”"
    assert _speaker_of(text, "Four more years") is None


def test_headline_dateline_is_not_a_speaker() -> None:
    text = "LONDON (Reuters) - Ana Ruiz said the deal was “a very good one for both sides.”"
    assert _speaker_of(text, "very good one") == "Ana Ruiz"


def test_reported_speech_speaker_from_the_parse() -> None:
    text = "Donald Pike leads the party.\n\nPike says on his website that the vote was rigged from the start."
    q = next(q for q in _quotes(text) if q.kind == "indirect")
    assert q.speaker == "Donald Pike" and "vote was rigged" in q.quote


def test_parse_must_be_of_the_same_text() -> None:
    with pytest.raises(ValueError, match="another text"):
        extract_quotes("d", "He said “yes.”", doc=parse_one("She said “no.”"))


def test_empty_clause_before_a_cue_does_not_crash_the_rules() -> None:
    from assistant.quotes.attribution import subject_at_start

    assert subject_at_start("") is None and subject_at_start("   ") is None
