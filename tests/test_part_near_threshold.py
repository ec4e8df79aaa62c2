"""One part of several is answered by its best sentence just under the abstention threshold
when that sentence holds the specific thing the part asks for (round 30: r16-b-128); a whole
question too when it asks for a named thing of a kind (round 34), never for a figure."""

from __future__ import annotations

from dataclasses import replace

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.answer.ranker import load_weights, rank
from tests.contexts import context

ARTICLE = """Clinton sweeps three states

Clinton won Pennsylvania, Maryland and Delaware on Tuesday night. Only Connecticut remained uncalled as votes were counted by 9:30 p.m. Turnout was high across the region.
"""

QUESTION = "On the primaries: which state was still uncalled at 9:30 p.m., and whom did Clinton thank?"
PART = "On the primaries: which state was still uncalled at 9:30 p.m.?"


def _sentences() -> tuple[object, dict[str, object]]:
    ctx, _ = context(QUESTION, [("d1", ARTICLE, "Only Connecticut")])
    by_start = {c.text.split()[0] + " " + c.text.split()[1]: c for c in rank(ctx, PART)}
    return ctx, by_start


def test_a_part_near_the_threshold_is_answered_when_it_names_the_kind_asked() -> None:
    ctx, sents = _sentences()
    threshold = float(load_weights()["threshold"])
    be = ExtractiveBackend()
    near = replace(sents["Only Connecticut"], prob=0.9 * threshold)
    assert be._part_near(ctx, PART, None, near, threshold)  # type: ignore[arg-type]
    # too far under the threshold, or a sentence naming no state
    assert not be._part_near(ctx, PART, None, replace(near, prob=0.5 * threshold), threshold)  # type: ignore[arg-type]
    plain = replace(sents["Turnout was"], prob=0.9 * threshold)
    assert not be._part_near(ctx, PART, None, plain, threshold)  # type: ignore[arg-type]


def test_a_whole_question_near_the_threshold_is_answered_only_for_a_named_thing_of_a_kind() -> None:
    whole = "Which state was still uncalled at 9:30 p.m.?"
    ctx, _ = context(whole, [("d1", ARTICLE, "Only Connecticut")])
    sents = {c.text.split()[0] + " " + c.text.split()[1]: c for c in rank(ctx)}
    threshold = float(load_weights()["threshold"])
    be = ExtractiveBackend()
    near = replace(sents["Only Connecticut"], prob=0.9 * threshold)
    assert be._part_near(ctx, whole, None, near, threshold)  # type: ignore[arg-type]
    # a figure asked by the whole question stays refused under the threshold
    assert not be._part_near(ctx, whole, "number", near, threshold)  # type: ignore[arg-type]
    assert not be._part_near(ctx, whole, "rate", near, threshold)  # type: ignore[arg-type]
    plain = replace(sents["Turnout was"], prob=0.9 * threshold)
    assert not be._part_near(ctx, whole, None, plain, threshold)  # type: ignore[arg-type]


DAY = """Quill wins the harbor seat

Mayor Dana Quill conceded the harbor seat on Thursday after the recount. Turnout was high across the region.
"""


def test_a_whole_question_near_the_threshold_is_answered_for_a_day() -> None:
    whole = "On what day did Dana Quill concede the harbor seat?"
    ctx, _ = context(whole, [("d2", DAY, "conceded the harbor seat")])
    sents = {c.text.split()[0] + " " + c.text.split()[1]: c for c in rank(ctx)}
    threshold = float(load_weights()["threshold"])
    be = ExtractiveBackend()
    near = replace(sents["Mayor Dana"], prob=0.9 * threshold)
    assert be._part_near(ctx, whole, "day", near, threshold)  # type: ignore[arg-type]
    plain = replace(sents["Turnout was"], prob=0.9 * threshold)
    assert not be._part_near(ctx, whole, "day", plain, threshold)  # type: ignore[arg-type]
