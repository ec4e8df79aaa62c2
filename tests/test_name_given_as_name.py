"""A name a sentence gives after a naming cue ("a super PAC called Our Principles") answers
"What is the name of ...?" though the tagger labels no entity there (round 30: r16-a-098)."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.entities import find_entities
from tests.contexts import context

ARTICLE = """Donors line up against the front-runner

An anti-Trump super PAC called Our Principles is ramping up its operations. Its donors met on Tuesday.
"""


def test_the_name_after_a_naming_cue_answers_the_name_asked() -> None:
    sentence = "An anti-Trump super PAC called Our Principles is ramping up its operations."
    assert not any("Principles" in sentence[s:e] for s, e, _ in find_entities(sentence))  # untagged
    question = "What is the name of the anti-Trump super PAC that is ramping up its operations?"
    draft = ExtractiveBackend().answer(context(question, [("d1", ARTICLE, "called Our")])[0])
    assert not draft.abstained, draft.text
    assert "Our Principles" in draft.text


def test_the_same_sentence_without_the_name_gives_none() -> None:
    article = ARTICLE.replace("called Our Principles ", "")
    question = "What is the name of the anti-Trump super PAC that is ramping up its operations?"
    draft = ExtractiveBackend().answer(context(question, [("d1", article, "is ramping up")])[0])
    assert draft.abstained, draft.text
