"""Room left in an extractive answer (round 39, ``AnswerSettings.further_ratio``): after every
check and follow-on sentence, the best sentence's article's next-ranked sentences above the
threshold, at least ``further_ratio`` of the best one's probability, fill up to
``max_sentences``; another article's sentence never does."""

from __future__ import annotations

import pytest

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.settings import Settings
from tests.contexts import context

QUESTION = "What did Mayor Dana Quill say about the ferry budget?"
TEXT = (
    "Harbor Gazette\n\n"
    "Mayor Dana Quill said on Monday that the ferry budget would grow by $4 million next year. "
    "The ferry service lost money last year.\n"
)


def _answer(further_ratio: float, items: list[tuple[str, str, str]]) -> str:
    s = Settings()
    s.answer.further_ratio = further_ratio
    return ExtractiveBackend(s).answer(context(QUESTION, items)[0]).text


def test_a_further_sentence_of_the_same_article_fills_the_room() -> None:
    items = [("harbor_gazette", TEXT, "Mayor Dana Quill said")]
    assert "lost money" in _answer(Settings().answer.further_ratio, items)
    assert "lost money" not in _answer(1.0, items)  # the share of the best one it needs


def test_another_articles_sentence_does_not_fill_the_room() -> None:
    best, other = TEXT.split("The ferry service")
    items = [
        ("harbor_gazette", best, "Mayor Dana Quill said"),
        ("coast_ledger", "Coast Ledger\n\nThe ferry service" + other, "The ferry service"),
    ]
    assert "lost money" not in _answer(0.0, items)


def test_the_share_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_ANSWER_FURTHER_RATIO", "0.9")
    assert Settings().answer.further_ratio == 0.9
