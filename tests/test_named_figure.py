"""A figure asked of one the question names: the sentence naming them goes first (whatsaid16).

A poll gives a share for each candidate, sentence by sentence; every one holds a percentage and
they rank alike, so the best-ranked can be another candidate's share. Invented text; the
context is built as retrieval gives it (spaCy's entities, passage scores and e5 similarities
set as the retriever would), ranked by the shipped ranker.
"""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.answer.backends.extractive.order import _named_figure_first
from assistant.answer.backends.extractive.wanted import _has_wanted
from assistant.answer.ranker import Scored, load_weights, rank
from assistant.types import Context
from tests.contexts import context

INTRO_AND_HOLT = (
    "Young voters in Lakeside are warming to Arturo Vance, a new survey by the Lakeside Institute finds. "
    "Around that time, 52 percent said they would vote for Mayor Diane Holt, though that number has "
    "since dropped to 30 percent. Twenty percent said his record made them more likely to back him. "
    "Nine percent said it made no difference to them."
)
VANCE = "Thirty-eight percent would choose Vance as the next governor of the state. That is up from 4 percent in the spring."
POLL = f"Lakeside Courier\n\n{INTRO_AND_HOLT}\n\n{VANCE}\n"
QUESTION = (
    "What share of young voters in the Lakeside Institute survey would pick Vance as the next governor?"
)


def _poll(vance_doc: str = "courier") -> Context:
    """The poll's two paragraphs as two retrieved passages, the one with Holt's share scored and
    matched a little higher (``vance_doc``: the article the second passage is from)."""
    if vance_doc == "courier":
        items = [("courier", POLL, "52 percent"), ("courier", POLL, "Thirty-eight")]
    else:
        items = [
            ("courier", f"Lakeside Courier\n\n{INTRO_AND_HOLT}\n", "52 percent"),
            (vance_doc, VANCE, "Thirty"),
        ]
    ctx = context(QUESTION, items)[0]
    first = ctx.evidence[0]
    second = ctx.evidence[1].model_copy(update={"score": 0.9})
    sims = {}
    for ev, needle, sim in (
        (first, "warming", 0.9),
        (first, "52 percent", 0.9),
        (second, "Thirty-eight", 0.86),
    ):
        sp = next(s for s in ev.sentences if needle in ev.text[s.start - ev.start : s.end - ev.start])
        sims[f"{ev.doc_id}:{sp.start}"] = sim
    return ctx.model_copy(update={"evidence": [first, second], "similarity": sims})


def _fitting(ctx: Context) -> list[Scored]:
    return [c for c in rank(ctx) if _has_wanted(c, "rate", QUESTION, ctx)]


def test_the_named_ones_share_is_shown_first_and_the_other_share_still_follows() -> None:
    ctx = _poll()
    threshold = float(load_weights()["threshold"])
    fitting = _fitting(ctx)
    # as ranked, another candidate's share leads; the asked one's is above the threshold
    assert "Diane Holt" in fitting[0].text and "Vance" in fitting[1].text
    assert fitting[1].prob >= threshold
    got = ExtractiveBackend().answer(ctx)
    assert not got.abstained
    lines = got.text.split("\n")
    assert lines[0].startswith("Thirty-eight percent would choose Vance"), got.text
    assert any("52 percent" in line for line in lines[1:])  # only the order changed


def test_only_the_order_changes_and_nothing_else() -> None:
    ctx = _poll()
    threshold = float(load_weights()["threshold"])
    fitting = _fitting(ctx)
    moved = _named_figure_first(ctx, fitting, "rate", threshold)
    assert moved[0] is fitting[1] and moved[1] is fitting[0]
    assert sorted(id(c) for c in moved) == sorted(id(c) for c in fitting)


def test_a_sentence_under_the_threshold_is_not_moved() -> None:
    ctx = _poll()
    fitting = _fitting(ctx)
    # a threshold between the two: the named one's share no longer passes it
    between = (fitting[0].prob + fitting[1].prob) / 2
    assert _named_figure_first(ctx, fitting, "rate", between) == fitting


def test_another_articles_sentence_is_not_moved() -> None:
    ctx = _poll(vance_doc="gazette")
    threshold = float(load_weights()["threshold"])
    fitting = _fitting(ctx)
    named = [c for c in fitting if "Vance" in c.text and c.prob >= threshold]
    assert named and ctx.evidence[named[0].n - 1].doc_id == "gazette"
    assert _named_figure_first(ctx, fitting, "rate", threshold) == fitting


def test_a_part_asking_no_figure_is_left_as_ranked() -> None:
    ctx = _poll()
    threshold = float(load_weights()["threshold"])
    fitting = _fitting(ctx)
    for wanted in (None, "person", "name", "year"):
        assert _named_figure_first(ctx, fitting, wanted, threshold) == fitting


DEBATE = (
    "Harbor Courier\n\n"
    "“The questions asked tonight show why people distrust the press. Everyone home tonight knows "
    "the moderators will never vote in our primary.”\n\n"
    "Roe’s sharp words at the October 28 Harbor debate crystallized thinking in the party.\n"
)
DEBATE_QUESTION = "On what date was the Harbor debate at which Roe turned on the moderators?"


def test_the_day_of_the_named_event_goes_before_a_day_that_names_none_of_them() -> None:
    """A day asked of a named event ("the Harbor debate"): the best sentence's day ("tonight",
    in a quotation naming none of the question's names) goes after the sentence dating the
    named event; a best sentence naming one of them keeps its place."""
    from dataclasses import replace

    ctx = context(DEBATE_QUESTION, [("courier", DEBATE, "tonight"), ("courier", DEBATE, "October 28")])[0]
    ranked = rank(ctx)
    tonight = replace(next(c for c in ranked if "Everyone home" in c.text), prob=0.9)
    dated = replace(next(c for c in ranked if "October 28" in c.text), prob=0.5)
    moved = _named_figure_first(ctx, [tonight, dated], "day", 0.3)
    assert moved[0] is dated and moved[1] is tonight
    named = replace(tonight, text="Roe said the moderators will never vote in our primary tonight.")
    assert _named_figure_first(ctx, [named, dated], "day", 0.3) == [named, dated]


GROUP_POLL = (
    "Lakeside Courier\n\nIn a Lakeside Courier poll released Monday, 50 percent of respondents chose Holt "
    "while 40 percent chose Vance.\n\nAmong Republicans, 27 percent would vote for Vance, followed "
    "closely by Holt with 22 percent.\n"
)


def test_a_share_asked_of_a_group_takes_the_sentence_naming_the_group_first() -> None:
    question = "In the Lakeside Courier poll, what share of Republicans would vote for Vance?"
    ctx = context(question, [("courier", GROUP_POLL, "In a Lakeside"), ("courier", GROUP_POLL, "Among")])[0]
    ranked = [c for c in rank(ctx) if _has_wanted(c, "rate", question, ctx)]
    everyone = next(c for c in ranked if "respondents" in c.text)
    group = next(c for c in ranked if "Among Republicans" in c.text)
    # both name Vance (and the first the poll too): the group the share is of decides
    fitting = [everyone, group]
    threshold = min(c.prob for c in fitting)
    assert _named_figure_first(ctx, fitting, "rate", threshold, question) == [group, everyone]
    # a share asked of no group leaves the order as ranked
    plain = "In the Lakeside Courier poll, what share would vote for Vance?"
    assert _named_figure_first(ctx, fitting, "rate", threshold, plain) == fitting
