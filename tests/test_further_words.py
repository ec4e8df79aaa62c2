"""A question asking what a named person said gets one more of their quotations from the
article the answer cites, when the answer does not yet show their words on the topic.

A question that paraphrases what someone said shares few words with the quotation it
paraphrases: the sentence announcing the person's view ranks first and their words far down.
Invented text only; a real index on disk for the answers, a hand-built context for the
unit checks of :func:`_persons_other_words`.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answer.backends.extractive import ExtractiveBackend, _persons_other_words
from assistant.answer.ranker import Scored
from assistant.settings import AnswerSettings, Settings
from assistant.types import Context, Evidence, Quote, Span

GAZETTE = """Quill makes her case on the ferry levy

HARBOURTON — Councillor Mara Quill spoke at length on Tuesday about the ferry levy and the harbour budget, in a meeting that ran past midnight.

The council will vote on the levy next month.

"Ticket prices will climb twice before the summer is out, and the families on the islands will pay for it," Quill said.

"We have argued about this budget for three years and nothing has changed," Quill added.

The harbour master did not attend the meeting.
"""

# another outlet carries the same quoted words: the sentence the answer adds is shown alone
POST = """Islands brace for ferry levy vote

Island residents packed the hall on Wednesday.

Councillor Mara Quill warned: "Ticket prices will climb twice before the summer is out, and the families on the islands will pay for it."

"We have argued about this budget for three years and nothing has changed," Quill told residents.

The vote is set for next month.
"""

MEETING = "What did Mara Quill say at Tuesday's meeting on the ferry levy?"


@pytest.fixture(scope="module")
def levy_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [
            ("gazette", GAZETTE, "Harbour Gazette", "2026-03-02"),
            ("post", POST, "Valley Post", "2026-03-04"),
        ],
    )


def _answer(levy_index: Any, question: str, further: int) -> Any:
    ctx, _ = levy_index.build_context(question)
    backend = ExtractiveBackend(Settings(answer=AnswerSettings(further_words=further)))
    return backend.answer(ctx)


def test_the_persons_further_quotation_joins_from_the_article_already_cited(levy_index: Any) -> None:
    without = _answer(levy_index, MEETING, 0)
    with_one = _answer(levy_index, MEETING, 1)
    assert not with_one.abstained
    assert "argued about this budget" not in without.text
    assert "argued about this budget" in with_one.text
    assert with_one.text.startswith(without.text)  # added after the answer's own sentences
    # the cited articles do not change: the other outlet's copy of the words is not cited
    assert {c.doc_id for c in with_one.citations} == {c.doc_id for c in without.citations} == {"gazette"}
    # and so through ``ask`` (verification keeps the added quotation)
    ans = levy_index.ask(MEETING)
    assert "argued about this budget" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"gazette"}


def test_nothing_joins_when_their_words_on_the_topic_are_shown(levy_index: Any) -> None:
    q = "What did Mara Quill say about ticket prices for the island families?"
    ans = _answer(levy_index, q, 1)
    assert "Ticket prices will climb" in ans.text
    assert "argued about this budget" not in ans.text


def test_nothing_joins_for_someone_the_question_does_not_name(levy_index: Any) -> None:
    q = "What did the harbour master say at Tuesday's meeting on the ferry levy?"
    assert "argued about this budget" not in _answer(levy_index, q, 1).text


ARTICLE = (
    "Mara Quill spoke about the stadium plan on Monday.\n"
    "“The owners should pay for their own roof,” Quill said.\n"
    "“We will not sign a blank cheque,” Quill added.\n"
    "“It is a good deal for the city,” said Tomas Brandt."
)
OTHER = "“Renters come first,” Quill told the radio station."


def _context(question: str) -> tuple[Context, list[Scored]]:
    def passage(doc: str, text: str) -> tuple[Evidence, list[Span]]:
        sents, at = [], 0
        for line in text.split("\n"):
            sents.append(Span(start=at, end=at + len(line)))
            at += len(line) + 1
        return Evidence(doc_id=doc, start=0, end=len(text), text=text, sentences=sents), sents

    ev, sents = passage("stadium", ARTICLE)
    radio, rs = passage("radio", OTHER)
    lines = ARTICLE.split("\n")
    speakers = [None, "Mara Quill", "Mara Quill", "Tomas Brandt"]
    quotes = [
        Quote(speaker=who, quote=lines[k], doc_id="stadium", start=sents[k].start, end=sents[k].end)
        for k, who in enumerate(speakers)
        if who
    ]
    quotes.append(Quote(speaker="Mara Quill", quote=OTHER, doc_id="radio", start=0, end=rs[0].end))
    ctx = Context(question=question, evidence=[ev, radio], quotes=quotes)
    ranked = [
        Scored(n=1, span=sents[0], text=lines[0], features={}, prob=0.9),
        Scored(n=2, span=rs[0], text=OTHER, features={}, prob=0.5),  # another article
        Scored(n=1, span=sents[3], text=lines[3], features={}, prob=0.4),  # another speaker
        Scored(n=1, span=sents[2], text=lines[2], features={}, prob=0.1),
        Scored(n=1, span=sents[1], text=lines[1], features={}, prob=0.05),
    ]
    return ctx, ranked


def test_their_quotations_of_the_cited_article_in_ranker_order_up_to_the_cap() -> None:
    q = "How did Mara Quill describe the stadium plan?"
    ctx, ranked = _context(q)
    one = _persons_other_words(ctx, q, None, ranked, [ranked[0]], set(), 1)
    assert [c.text for c in one] == ["“We will not sign a blank cheque,” Quill added."]
    assert one[0].further
    two = _persons_other_words(ctx, q, None, ranked, [ranked[0]], set(), 2)
    # never the radio article's quotation (not cited), never Brandt's
    assert [c.text[:12] for c in two] == ["“We will not", "“The owners "]
    assert _persons_other_words(ctx, q, None, ranked, [ranked[0]], set(), 0) == []
    # a sentence an earlier part showed is not shown again
    shown = {(ranked[3].n, ranked[3].span.start)}
    assert [c.text[:12] for c in _persons_other_words(ctx, q, None, ranked, [ranked[0]], shown, 1)] == [
        "“The owners "
    ]


def test_none_when_their_quotation_on_the_topic_is_chosen_or_a_person_is_asked() -> None:
    q = "What did Mara Quill say the owners should pay for?"
    ctx, ranked = _context(q)
    assert _persons_other_words(ctx, q, None, ranked, [ranked[0], ranked[4]], set(), 1) == []
    q = "Who described the stadium plan as a blank cheque?"
    ctx, ranked = _context(q)
    assert _persons_other_words(ctx, q, "person", ranked, [ranked[0]], set(), 1) == []
    # a specific thing asked (a time) is not their words
    q = "When did Mara Quill describe the stadium plan?"
    ctx, ranked = _context(q)
    assert _persons_other_words(ctx, q, "time", ranked, [ranked[0]], set(), 1) == []
    assert _persons_other_words(ctx, q, None, ranked, [ranked[0]], set(), 1) != []
