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
