"""Pronoun speakers (round ledger24b): a person introduced in the paragraph before a "he said"
whose paragraph names no one before the pronoun, a name after a lower-case description of a
person ("their neighbor Ben Green, 83, knows"), and words quoted in a clause with its own
subject that a new clause after the quote does not take. Invented names; real parser."""

from __future__ import annotations

import pytest

from assistant.nlp.parse import parse_one
from assistant.quotes import extract_quotes


def _speaker(text: str, words: str) -> str | None:
    quotes = extract_quotes("d", text, doc=parse_one(text))
    return next(q for q in quotes if words in q.quote).speaker


_EARLIER = (
    "“The ferry has never paid for itself,” said Tomas Brandt, a professor of economics at the "
    "Harbour Institute.\n\n"
)


#: A paragraph that introduces a newcomer with a description, after someone quoted earlier.
_INTRODUCED = (
    _EARLIER + "Some defenders of the service, like Omar Petrakis, a senior fellow at the Island "
    "Council, also say that the board has failed the east bank.\n\n"
)


def test_pronoun_first_reference_of_its_paragraph_goes_to_the_newcomer() -> None:
    text = _INTRODUCED + "But the benefit of the ferry is “ten times the cost,” he said."
    assert _speaker(text, "ten times the cost") == "Omar Petrakis"


def test_a_name_in_the_paragraph_keeps_the_pronoun_from_the_newcomer() -> None:
    # narration that names someone before the pronoun: the introduction does not carry over
    text = _INTRODUCED + "Brandt disagrees. The ferry is “a luxury,” he said."
    assert _speaker(text, "a luxury") == "Tomas Brandt"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Ana Ruiz avoids the subject with her mother, but their neighbor Ben Green, 83, knows "
            "just what the island needs.",
            "Ben Green",
        ),
        (
            "One man said the board had lied. The other man, his cousin Ben Green, 40, cited the "
            "fares as a danger.",
            "Ben Green",
        ),
    ],
)
def test_name_after_a_description_is_a_subject(sentence: str, speaker: str) -> None:
    text = _EARLIER + sentence + " “It will take a tugboat to fix this board,” he said."
    assert _speaker(text, "tugboat") == speaker


def test_name_after_a_description_that_is_an_object_stays_an_object() -> None:
    # "told their neighbor Ben Green": the name is the verb's object, not a subject
    text = (
        _EARLIER + "The board told their neighbor Ben Green about the cuts on Monday. "
        "“It will take a tugboat to fix this board,” he said."
    )
    assert _speaker(text, "tugboat") != "Ben Green"


def test_new_clause_after_an_embedded_quote_does_not_take_it() -> None:
    text = (
        "Mayor Ana Ruiz spoke on Tuesday. The mayor’s answer was that “the most important "
        "institution on the island is the ferry,” so government should help families pay the fares."
    )
    assert _speaker(text, "most important institution") != "government"


def test_embedded_quote_still_goes_to_its_clause_subject() -> None:
    text = "Mayor Ana Ruiz said on Tuesday that the board was “riding the fence” on the fares."
    assert _speaker(text, "riding the fence") == "Ana Ruiz"
