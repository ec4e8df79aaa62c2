"""A share asked of one poll group, answered by the whole sample's and another group's
(round 43, a development near miss), on invented text."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context

DOC = "harbor_gazette"
STORY = (
    "Harbor Gazette\n\n"
    "In the Harbor Gazette poll, 29 percent of residents (and 43 percent of Republicans) said the "
    "ferry levy should be repealed.\n"
)


def _answer(question: str, story: str = STORY):
    return ExtractiveBackend().answer(context(question, [(DOC, story, "In the Harbor Gazette poll")])[0])


def test_a_siblings_share_does_not_answer_the_asked_groups() -> None:
    got = _answer(
        "In the Harbor Gazette poll, what share of Democrats said the ferry levy should be repealed?"
    )
    assert got.abstained and "share of Republicans, not of Democrats" in got.text, got.text


def test_the_asked_groups_share_answers() -> None:
    told = STORY.replace("43 percent of Republicans", "43 percent of Democrats")
    got = _answer(
        "In the Harbor Gazette poll, what share of Democrats said the ferry levy should be repealed?", told
    )
    assert not got.abstained and "43 percent of Democrats" in got.text, got.text
