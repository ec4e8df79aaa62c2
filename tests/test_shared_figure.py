"""A figure asked of one place that the article gives only for a list of places together
(round 33), on invented text: "How many delegates does Eastmark award?" is not answered by "150
delegates are at stake in Tuesday's contests in Eastmark, Westmark, Northmark and Southmark";
the same question is answered when a sentence gives Eastmark's own figure."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context

DOC = "harbor_gazette"
QUESTION = "How many delegates does Michigan award in Tuesday's primary?"
LISTED = (
    "Harbor Gazette\n\n"
    "There are 150 delegates at stake in Tuesday night's contests in Michigan, Mississippi, "
    "Idaho, and Hawaii.\n\n"
    "Ferries were moved to the north dock while the pier is closed.\n"
)


def test_a_figure_for_a_list_of_places_is_no_figure_of_one_of_them() -> None:
    got = ExtractiveBackend().answer(context(QUESTION, [(DOC, LISTED, "150 delegates")])[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "together, not for Michigan" in got.text, got.text


def test_the_place_own_figure_answers() -> None:
    own = LISTED.replace(
        "Ferries were moved to the north dock while the pier is closed.",
        "Michigan awards 59 delegates in Tuesday's primary, the most of the four states.",
    )
    got = ExtractiveBackend().answer(context(QUESTION, [(DOC, own, "Michigan awards")])[0])
    assert not got.abstained and "59 delegates" in got.text, got.text


def test_a_figure_asked_of_two_listed_places_together_is_not_refused() -> None:
    """Round 35: the list's total answers a question that names two of its places (before,
    it was refused as "not for Michigan")."""
    both = "How many delegates do Michigan and Mississippi award between them on Tuesday?"
    got = ExtractiveBackend().answer(context(both, [(DOC, LISTED, "150 delegates")])[0])
    assert not got.abstained and "150 delegates" in got.text, got.text
