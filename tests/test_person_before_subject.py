"""The person a "he" or "him" goes on about is the sentence's subject, not a name a
preposition leads ("But like Quill, Marsh holds ..."; round 30: r16-a-040)."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context

ARTICLE = """Marsh is no moderate

But like Donna Quill, Tom Marsh holds several positions well outside the mainstream of American opinion. He believes, for example, that the estate tax should be abolished. Only 25 percent of Americans agree with him.
"""


def test_the_figure_of_the_subject_named_after_a_preposition_is_answered() -> None:
    question = "What share of Americans agree with Marsh that the estate tax should be abolished?"
    draft = ExtractiveBackend().answer(context(question, [("d1", ARTICLE, "Only 25 percent")])[0])
    assert not draft.abstained, draft.text
    assert "25 percent" in draft.text


def test_the_figure_of_the_one_a_preposition_leads_is_still_not_the_asked_ones() -> None:
    # the same sentences with Quill the subject: the share is Quill's, not Marsh's
    article = ARTICLE.replace(
        "But like Donna Quill, Tom Marsh holds", "But like Tom Marsh, Donna Quill holds"
    )
    question = "What share of Americans agree with Marsh that the estate tax should be abolished?"
    draft = ExtractiveBackend().answer(context(question, [("d1", article, "Only 25 percent")])[0])
    assert draft.abstained, draft.text
