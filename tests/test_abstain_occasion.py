"""A person's words asked at an occasion their article never reports (round 36, on invented
text): "what did X say on / at / during <occasion>" abstains when no text the evidence gives
of the chosen articles holds the occasion's head noun, and answers when the article reports
it. A named occasion ("on Morning Radio"), a time ("on election night") and a noun's own
complement after a topic ("about the vote's effect on markets") are no occasion."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context


def test_the_occasion_and_its_head_noun() -> None:
    assert asked.occasion_asked("What did Dana Quill say on the Sunday talk shows?") == (
        "the Sunday talk shows",
        "show",
    )
    assert asked.occasion_asked("What did Quill say at his news conference the council is overdue for?") == (
        "his news conference",
        "conference",
    )
    assert asked.occasion_asked("What did Quill say at the start of the Harbor debate?") == (
        "the start of the Harbor debate",
        "debate",
    )
    # a particle is no head; an occasion after a topic that ends in a name
    assert asked.occasion_asked("What did Quill say about Roe on her flight back from Ohio?") == (
        "her flight back",
        "flight",
    )


def test_names_times_and_complements_are_no_occasion() -> None:
    assert asked.occasion_asked("What did Quill say on Morning Radio?") is None
    assert asked.occasion_asked("What did Quill say on election night?") is None
    assert asked.occasion_asked("What did Quill say on Tuesday?") is None
    assert asked.occasion_asked("What did Quill say about the vote's effect on local markets?") is None
    assert asked.occasion_asked("Who spoke at the meeting?") is None


TOWN = (
    "Harbor Gazette\n\n"
    'Council member Dana Quill defended the budget on Monday. "We kept every library open '
    'and every pool staffed," Quill said at the council meeting.\n\n'
    "Residents applauded the decision, and the vote passed seven to two.\n"
)


def test_extractive_abstains_when_the_article_never_reports_the_occasion() -> None:
    items = [("harbor_gazette", TOWN, "Council member Dana Quill defended")]
    got = ExtractiveBackend().answer(context("What did Dana Quill say on the Sunday talk shows?", items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "do not speak of the Sunday talk shows" in got.text
    # the occasion the article reports: answered
    answered = ExtractiveBackend().answer(
        context("What did Dana Quill say at the council meeting?", items)[0]
    )
    assert not answered.abstained and "library" in answered.text, answered.text
