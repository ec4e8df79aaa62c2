"""A count given as a compound of the number and the counted noun ("a 16-point victory",
"a 15-hour filibuster") holds the count asked (round 27: "By how many points did X win?"
had abstained with "the articles do not give the count asked for")."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context

PRIMARY = (
    "Valley Gazette\n\n"
    "Dana Quill's 16-point victory in Nevada surprised her rivals, the party said.\n\n"
    "Jon Roe spoke for two hours in Reno on Monday.\n"
)


def test_a_number_compounded_with_the_noun_is_a_count_of_it() -> None:
    assert asked.holds_count("Her 16-point victory surprised them.", "point")
    assert asked.holds_count("He gave a two-hour speech.", "hour")
    assert not asked.holds_count("He made a well-pointed remark.", "point")
    assert not asked.holds_count("A high-point of the night.", "point")


def test_by_how_many_points_is_answered_by_the_compound() -> None:
    doc = "valley_gazette"
    items = [(doc, PRIMARY, "16-point victory"), (doc, PRIMARY, "two hours")]
    got = ExtractiveBackend().answer(context("By how many points did Quill win Nevada?", items)[0])
    assert not got.abstained and "16-point" in got.text, got.text


def test_the_size_of_the_counted_body_goes_before_a_count_of_some_of_its_members() -> None:
    """ "How many members sit on the harbor board?": "the 12-member harbor board" gives the
    body's size, "five members of the harbor board" a part of it."""
    from dataclasses import replace

    from assistant.answer.backends.extractive.order import _whole_counted_first
    from assistant.answer.ranker import rank

    question = "How many members sit on the harbor board?"
    assert asked.counts_whole("Half of the 12-member harbor board must approve it.", "member", question)
    assert not asked.counts_whole("Five members of the harbor board objected.", "member", question)
    assert not asked.counts_whole("The 12-member choir sang for the harbor board.", "member", question)
    text = (
        "Valley Gazette\n\n"
        "Five members of the harbor board objected to the ferry plan.\n\n"
        "Half of the 12-member harbor board must approve it before June.\n"
    )
    ctx = context(question, [("gazette", text, "Five members"), ("gazette", text, "12-member")])[0]
    ranked = rank(ctx)
    five = replace(next(c for c in ranked if c.text.startswith("Five")), prob=0.9)
    whole = replace(next(c for c in ranked if "12-member" in c.text), prob=0.6)
    moved = _whole_counted_first([five, whole], question, 0.3)
    assert "12-member" in moved[0].text and moved[0].prob == 0.9 and moved[1] is five
    assert _whole_counted_first([five, replace(whole, prob=0.2)], question, 0.3)[0] is five


def test_a_figure_after_a_colon_counts_the_noun_before_it() -> None:
    # "how many votes Roe got ...: 60.9 million." gives the count after the colon
    assert asked.holds_count(
        "Compare that with how many votes Roe got in the 2012 general election: 60.9 million.", "vote"
    )
    assert asked.holds_count("The final tally of ballots: about 4,200.", "ballot")
    # a word after the colon that is no number, or a noun the words before it do not name
    assert not asked.holds_count("The reason the votes fell is simple: money.", "vote")
    assert not asked.holds_count("The crowd was large: 5,000.", "vote")
