"""A share asked of one poll group, answered by the whole sample's and another group's
(round 43, a development near miss), on invented text."""

from __future__ import annotations

from tests.contexts import refused_then_answered

STORY = (
    "Harbor Gazette\n\n"
    "In the Harbor Gazette poll, 29 percent of residents (and 43 percent of Republicans) said the "
    "ferry levy should be repealed.\n"
)


def test_a_siblings_share_does_not_answer_the_asked_groups_until_given() -> None:
    refused_then_answered(
        "In the Harbor Gazette poll, what share of Democrats said the ferry levy should be repealed?",
        "harbor_gazette",
        STORY,
        "In the Harbor Gazette poll",
        "share of Republicans, not of Democrats",
        ("43 percent of Republicans", "43 percent of Democrats"),
        "43 percent of Democrats",
    )
