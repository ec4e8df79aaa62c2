"""A place that modifies a noun for a person ("the Ohio businesswoman", "a Texas senator")
says where the person is from, not where an event is: "In which city ...?" is not answered
by it (round 27: "In which city will Trump address the Faith & Freedom Coalition?" was
answered with "the New York businessman has a speech scheduled before ...")."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context

QUESTION = "In which city will Dana Quill address the Harbor Coalition?"


def _answer(sentence: str) -> str:
    text = "Lakeside Courier\n\n" + sentence + "\n"
    got = ExtractiveBackend().answer(context(QUESTION, [("lakeside_courier", text, "Harbor Coalition")])[0])
    return got.text


def test_a_place_describing_the_person_names_no_city_of_the_event() -> None:
    text = _answer(
        "On Friday, the Ohio businesswoman Dana Quill will address a meeting of the Harbor Coalition."
    )
    assert "do not name the city asked for" in text, text


def test_the_city_of_the_event_still_answers() -> None:
    text = _answer("On Friday, Dana Quill will address a meeting of the Harbor Coalition in Dayton.")
    assert "Dayton" in text and "do not name" not in text, text
