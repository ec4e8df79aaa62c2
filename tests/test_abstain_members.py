"""A plural asked by "Which ...?" and spoken of only with a quantifier that names none of its
members (round 43, development near misses), on invented text."""

from __future__ import annotations

from assistant.answer import asked
from tests.contexts import refused_then_answered

STORY = (
    "Harbor Gazette\n\nMayor Ada Quill said several ferry lines would lose their harbor permits next year.\n"
)


def test_which_plural_is_the_head_noun() -> None:
    assert asked.which_plural("Which ferry lines will lose their permits?") == "lines"
    assert asked.which_plural("Which years of Quill's tax returns were audited?") == "years"
    assert asked.which_plural("Which Ruritanian leaders did Quill advise?") == "leaders"
    assert asked.which_plural("Which class did Quill teach?") is None
    assert asked.which_plural("Which ferry line will lose its permit?") is None


def test_members_left_unnamed_do_not_answer_which_until_listed() -> None:
    refused_then_answered(
        "Which ferry lines did Mayor Ada Quill say would lose their harbor permits next year?",
        "harbor_gazette",
        STORY,
        "Mayor Ada Quill said",
        "speak of lines without saying which",
        ("several ferry lines", "several ferry lines, including Bluewater and Tidal,"),
        "Bluewater",
    )
