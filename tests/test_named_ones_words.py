"""A day a person the question names gives in their own words is theirs: another name in
those words ("some of Canada's shippers") is no sibling who replaces them, whatever label
the tagger gave the person's name (round 27: "On what date did Giles say he went back to
civilian life?" abstained with "the passages that give the date speak of America, not
Giles", spaCy having tagged "Giles" a place)."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context, quote

STORY = (
    "Harbor Times\n\n"
    "Quill, the former port chief, wants her old job back, Quill told reporters in Halifax.\n\n"
    "\u201cOn the day I went back to civilian life, March 3, the port was busy and some of "
    "Canada's shippers were happy,\u201d she wrote in an email.\n"
)
WORDS = "On the day I went back to civilian life, March 3, the port was busy and some of Canada's shippers were happy,"


def _asked(speaker: str | None) -> str:
    doc = "harbor_times"
    ctx, _ = context(
        "On what date did Quill say she went back to civilian life?",
        [(doc, STORY, "former port chief"), (doc, STORY, "civilian life")],
        quotes=[quote(doc, STORY, WORDS, speaker)],
    )
    first = ctx.evidence[0]
    at = first.text.index("Quill")
    # the tagger's slip the repair is about: the question's name read as a place
    first.entities = [(first.start + at, first.start + at + 5, "GPE"), *first.entities]
    got = ExtractiveBackend().answer(ctx)
    return got.text


def test_a_day_in_the_named_ones_own_words_is_theirs() -> None:
    text = _asked("Dana Quill")
    assert "March 3" in text and "speak of" not in text, text


def test_another_speakers_words_naming_a_sibling_are_still_refused() -> None:
    text = _asked("Jon Roe")
    assert "speak of Canada, not Quill" in text, text
