"""A role spoken of only in an indefinite phrase (round 33), on invented text: "Which Gazette
reporter posted ...?" is not answered by "a post from a Gazette reporter who works for editor
Sam Boyd": the article says a reporter posted it without saying who, so the other name there
(Boyd) is someone else. The same question is answered when the phrase names its holder, before
it, after it or as its predicate, and a predicate ("who is not a reporter") speaks of no holder."""

from __future__ import annotations

import pytest

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.answer.backends.extractive.checks import _role_left_unnamed
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context, evidence

DOC = "harbor_gazette"
QUESTION = "Which Gazette reporter posted that Mayor Dana Quill was leaving office?"
UNNAMED = (
    "Harbor Gazette\n\n"
    "The ferry company on Monday night picked up on a post from a Gazette reporter who works for "
    "editor Sam Boyd that appeared to suggest Mayor Dana Quill was leaving office.\n\n"
    "Ferries were moved to the north dock while the pier is closed.\n"
)


def test_a_role_in_an_indefinite_phrase_leaves_the_question_unanswered() -> None:
    got = ExtractiveBackend().answer(context(QUESTION, [(DOC, UNNAMED, "picked up on a post")])[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "do not name the reporter asked for" in got.text, got.text


@pytest.mark.parametrize(
    "phrase",
    [
        "a post from a Gazette reporter, Ana Ruiz, who works for editor Sam Boyd that",
        "a post from Ana Ruiz, a Gazette reporter who works for editor Sam Boyd, that",
    ],
)
def test_a_phrase_that_names_its_holder_answers(phrase: str) -> None:
    named = UNNAMED.replace("a post from a Gazette reporter who works for editor Sam Boyd that", phrase)
    got = ExtractiveBackend().answer(context(QUESTION, [(DOC, named, "picked up on a post")])[0])
    assert not got.abstained and "Ana Ruiz" in got.text, got.text


def _stretch(text: str, role: str = "reporter") -> bool:
    """:func:`_role_left_unnamed` on the first sentence of the text's first body paragraph."""
    ev = evidence(DOC, text, text.split("\n\n")[1][:30])
    return _role_left_unnamed(ev, ev.sentences[0].start, ev.sentences[0].end, role)


def test_which_phrases_leave_the_holder_unnamed() -> None:
    assert _stretch("Gazette\n\nThe tip came from a Gazette reporter who works for editor Sam Boyd.\n")
    assert _stretch("Gazette\n\nAccording to a reporter, the pier will stay closed.\n")
    assert _stretch("Gazette\n\nThe crowd booed when one of the Gazette reporters took the call.\n")
    # named after the phrase, by its predicate, or before it
    assert not _stretch("Gazette\n\nOne reporter involved in the story was Ana Ruiz.\n")
    assert not _stretch("Gazette\n\nThe tip came from a reporter named Ana Ruiz.\n")
    assert not _stretch("Gazette\n\nThe tip came from a reporter for the Gazette, Ana Ruiz.\n")
    assert not _stretch("Gazette\n\nAna Ruiz (Gazette), a reporter, took the call.\n")
    assert not _stretch("Gazette\n\nThe tip came from Ana Ruiz, 34, a night editor and a reporter.\n")
    # a phrase that may name its holder, a predicate, or no role at all
    assert not _stretch("Gazette\n\nGazette reporter Ana Ruiz took the call.\n")
    assert not _stretch("Gazette\n\nThe call came from Sam Boyd, who is not a reporter.\n")
    assert not _stretch("Gazette\n\nHe told a crowd that the reporter took the call.\n")
    assert not _stretch("Gazette\n\nThe pier will stay closed.\n")


def test_a_name_asked_of_a_role_spoken_of_only_indefinitely_is_not_given() -> None:
    """ "What is the name of the <role> who ...?" (:func:`asked.role_asked`): a sentence that
    holds the role only as "a former staffer" does not say who; a next sentence that names
    one by a definite description ("The aide, Ana Ruiz, ...") does."""
    text = (
        "Harbor Gazette\n\n"
        "Last month a former harbor staffer announced plans to sue the port board, saying editor "
        "Sam Boyd had pushed him out.\n\n"
        "Ferries were moved to the north dock while the pier is closed.\n"
    )
    question = "What is the name of the former harbor staffer who planned to sue the port board?"
    got = ExtractiveBackend().answer(context(question, [(DOC, text, "announced plans to sue")])[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert _stretch(text, "staffer")
    named = text.replace(
        "pushed him out.\n",
        "pushed him out. The aide, Ana Ruiz, said on Tuesday that the suit would be filed soon.\n",
    )
    assert not _stretch(named, "staffer")


def test_a_further_sentence_naming_someone_else_does_not_name_the_role() -> None:
    """The best sentence speaks of the role only unnamed ("asked a Gazette reporter to ..."); a
    further chosen sentence naming another person without the role noun (Mayor Quill's own
    words) is someone else's, not the reporter's."""
    text = (
        "Harbor Gazette\n\n"
        "On Friday the ferry company asked a Gazette reporter to post that the pier was closing.\n\n"
        "Mayor Dana Quill said the ferry company had no reason to post that the pier was closing.\n"
    )
    question = "Which Gazette reporter did the ferry company ask to post that the pier was closing?"
    items = [(DOC, text, "On Friday the ferry company"), (DOC, text, "Mayor Dana Quill said")]
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and "do not name the reporter asked for" in got.text, got.text
    named = text.replace("asked a Gazette reporter to", "asked Gazette reporter Ana Ruiz to")
    items = [(DOC, named, "On Friday the ferry company"), (DOC, named, "Mayor Dana Quill said")]
    answered = ExtractiveBackend().answer(context(question, items)[0])
    assert not answered.abstained and "Ana Ruiz" in answered.text, answered.text
