"""A "when" ask about a named person's words: the best sentence tells the occasion of the
words without a day; the sentence of the same article quoting them with a day dates them
(round 31: r17-a-094). Invented article, context built as retrieval gives it."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.parse import parse_one
from assistant.quotes import extract_quotes
from tests.contexts import context

ARTICLE = """Campaign tells party the candidate will change

HOLLOWAY BEACH, Fla. - Mr. Varga's comments, which included a slide presentation, came during a happy-hour reception at the beachside hotel resort here.

They were made behind closed doors, which were guarded by security.

''That's what's important for you to understand: That he gets it, and that the part he's been playing is evolving,'' Mr. Varga said Thursday night, suggesting the candidate would soon change course.
"""

QUESTION = "On which night did Varga speak to the party members at the beachside resort?"


def test_the_quote_dated_by_its_attribution_answers_when_the_occasion_has_no_day() -> None:
    items = [("d1", ARTICLE, "Mr. Varga's comments"), ("d1", ARTICLE, "''That's what")]
    quotes = extract_quotes("d1", ARTICLE, doc=parse_one(ARTICLE))
    draft = ExtractiveBackend().answer(context(QUESTION, items, quotes=quotes)[0])
    assert not draft.abstained, draft.text
    assert "Thursday night" in draft.text, draft.text


def test_an_occasion_naming_nothing_said_is_not_dated_so() -> None:
    from assistant.answer.backends.extractive.speakers import _dated_words_of_asked
    from assistant.answer.ranker import load_weights, rank

    threshold = float(load_weights()["threshold"])
    for text, dated in ((ARTICLE, True), (ARTICLE.replace("comments", "visit"), False)):
        items = [("d1", text, "Mr. Varga's"), ("d1", text, "''That's what")]
        ctx = context(QUESTION, items, quotes=extract_quotes("d1", text, doc=parse_one(text)))[0]
        cands = rank(ctx, None, ["varga"])
        assert cands[0].prob >= threshold and "Mr. Varga's" in cands[0].text
        got = _dated_words_of_asked(ctx, QUESTION, cands, threshold, 200)
        # "Mr. Varga's visit ... came during a reception" tells of no words of his
        assert (got is not None and "Thursday night" in got.text) is dated, text
