"""A size asked of what someone said ("How big did Quill say the sea wall would be?") is
answered by that person's own words, which need hold no unit ("as big as it needs to be"),
and not by another sentence's bare figure; a "who" question with the same words asks for a
person, and keeps its answer."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context, quote

TOWN_HALL = (
    "Harbor Gazette\n\n"
    "Mayor Dana Quill took questions about the harbor at a town hall on Monday night.\n\n"
    "She also spoke about the planned sea wall, saying it will be “as big as it needs to be.”\n\n"
    "The town hall lasted two hours and drew about 300 residents to the school gym.\n"
)


def _items() -> list[tuple[str, str, str]]:
    return [
        ("gazette", TOWN_HALL, "took questions"),
        ("gazette", TOWN_HALL, "planned sea wall"),
        ("gazette", TOWN_HALL, "lasted two hours"),
    ]


def test_the_asked_persons_own_words_answer_a_size_asked_of_what_they_said() -> None:
    words = quote("gazette", TOWN_HALL, "as big as it needs to be.", "Dana Quill")
    ctx = context("How big did Quill say the sea wall would be?", _items(), [words])[0]
    got = ExtractiveBackend().answer(ctx)
    assert not got.abstained and "as big as it needs to be" in got.text, got.text
    assert "300 residents" not in got.text, got.text


def test_a_who_question_asks_for_a_person_not_for_words() -> None:
    from assistant.answer.backends.extractive.backend import _own_words_answer
    from assistant.answer.ranker import rank

    words = quote("gazette", TOWN_HALL, "as big as it needs to be.", "Dana Quill")
    ctx = context("How big did Quill say the sea wall would be?", _items(), [words])[0]
    best = rank(ctx, None, ["quill"])[0]
    assert "as big as" in best.text
    assert _own_words_answer(best, ctx.question, 0.3)
    assert not _own_words_answer(best, "Who asked Quill how big the sea wall would be?", 0.3)
    assert not _own_words_answer(best, ctx.question, best.prob + 0.01)  # under the threshold
