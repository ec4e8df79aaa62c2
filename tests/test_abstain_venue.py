"""A person's words asked to or at a named outlet, show or place their article never names
(round 39, on invented text): "what did X tell <Name>" and "what did X say on / at / during
<Name>" abstain when no word of the name is in any text the evidence gives of the chosen
articles, and answer when the article names it. "say <Name> should ..." names a clause's
subject, a day is a time, and "the Harbor debate" is a common noun's occasion."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context


def test_the_named_venue_and_its_words() -> None:
    assert asked.venue_named("What did Dana Quill tell WHBR about the budget?") == ("WHBR", ["whbr"])
    assert asked.venue_named("What did Quill tell the Harbor Gazette's Night Desk about it?") == (
        "Harbor Gazette's Night Desk",
        ["harbor", "gazette", "night", "desk"],
    )
    assert asked.venue_named("What did Quill say about Roe on Meet the Voters?") == (
        "Meet the Voters",
        ["meet", "voters"],
    )
    assert asked.venue_named("What did Quill say at Dunmore College?") == (
        "Dunmore College",
        ["dunmore", "college"],
    )


def test_subjects_times_and_common_nouns_are_no_venue() -> None:
    assert asked.venue_named("What did Quill say Democrats should not be acting like?") is None
    assert asked.venue_named("What did Quill say on Tuesday?") is None
    assert asked.venue_named("What did Quill say during the Harbor debate?") is None
    assert asked.venue_named("What did Quill say about the vote's effect on Medicare?") is None
    assert asked.venue_named("What did Quill tell reporters?") is None


TOWN = (
    "Harbor Gazette\n\n"
    'Council member Dana Quill defended the budget on Monday. "We kept every library open '
    'and every pool staffed," Quill told WHBR radio.\n\n'
    "Residents applauded the decision, and the vote passed seven to two.\n"
)


def test_extractive_abstains_when_the_article_never_names_the_venue() -> None:
    items = [("harbor_gazette", TOWN, "Council member Dana Quill defended")]
    got = ExtractiveBackend().answer(context("What did Dana Quill tell KXLT about the budget?", items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "do not speak of KXLT" in got.text
    # the outlet the article names: answered
    answered = ExtractiveBackend().answer(
        context("What did Dana Quill tell WHBR about the budget?", items)[0]
    )
    assert not answered.abstained and "library" in answered.text, answered.text


def test_a_venue_told_by_its_verb_is_named() -> None:
    """ "On Twitter" is named by "tweeted" ([venue_forms])."""
    tweet = TOWN.replace("Quill told WHBR radio.", "Quill tweeted on Monday.")
    items = [("harbor_gazette", tweet, "Council member Dana Quill defended")]
    got = ExtractiveBackend().answer(
        context("What did Dana Quill say on Twitter about the budget?", items)[0]
    )
    assert not got.abstained and "library" in got.text, got.text
