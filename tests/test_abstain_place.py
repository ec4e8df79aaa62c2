"""A figure asked of a named place and given for another one a sentence or two before (round
11, abstain11), on invented text: the passage's figure names no place itself, the sentence
before says where, and it is not the place asked."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context

RESULTS = (
    "Lakeside Courier\n\n"
    "Polls closed in Ohio on Tuesday night after a quiet day. Mayor Dana Quill won 4,200 "
    "votes there, the county clerk said.\n\n"
    "Voters in Iowa will go to the polls next month.\n"
)


def test_names_place_allows_the_forms_news_varies_a_place_by() -> None:
    assert asked.names_place("The vote in Stoneford was close.", "stoneford")
    assert asked.names_place("British lawmakers debated the bill.", "britain")
    assert asked.names_place("The U.S. embassy said so.", "us")
    assert asked.names_place("The United States said so.", "us")
    # another name of the country ([country_names]): the petition to ban him from "the United
    # Kingdom" is the one asked of as Britain's
    assert asked.names_place("A petition to ban him from the United Kingdom grew.", "britain")
    assert not asked.names_place("A petition to ban him from France grew.", "britain")
    assert not asked.names_place("The vote in Maplewood was close.", "stoneford")
    assert not asked.names_place("Polls closed early.", "new jersey")


def test_extractive_abstains_when_the_sentence_before_puts_the_figure_elsewhere() -> None:
    doc = "lakeside_courier"
    items = [(doc, RESULTS, "4,200 votes"), (doc, RESULTS, "Voters in Iowa")]
    question = "How many votes did Quill win in Iowa?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "speak of Ohio, not Iowa" in got.text, got.text
    # the twin that asks of the place the sentence before names is answered from it
    twin = "How many votes did Quill win in Ohio?"
    answered = ExtractiveBackend().answer(context(twin, items)[0])
    assert not answered.abstained and "4,200 votes" in answered.text, answered.text


def test_a_figure_whose_stretch_names_no_place_is_left_to_the_ranker() -> None:
    text = (
        "Lakeside Courier\n\n"
        "The count went on late into the night. Mayor Dana Quill won 4,200 votes, the county "
        "clerk said.\n\n"
        "Voters in Iowa will go to the polls next month.\n"
    )
    doc = "lakeside_courier"
    items = [(doc, text, "4,200 votes"), (doc, text, "Voters in Iowa")]
    got = ExtractiveBackend().answer(context("How many votes did Quill win in Iowa?", items)[0])
    # no other place near the figure: nothing says it is another place's (abstains only on a sibling)
    assert "speak of" not in got.text, got.text


def test_a_place_of_someone_s_origin_or_home_is_not_where_the_figure_is() -> None:
    """ "The Stoneford-born Mr. Quill" and "Senator Ada Voss of Maplewood" say where people
    come from: the figure beside them is still the one asked of the place the passage is about."""
    text = (
        "Lakeside Courier\n\n"
        "Mayor Dana Quill won the Iowa caucus on Tuesday night. The Stoneford-born Mr. Quill was "
        "poised to take most of the 40 delegates at stake, adding to his lead over Senator Ada "
        "Voss of Maplewood.\n"
    )
    doc = "lakeside_courier"
    items = [(doc, text, "40 delegates at stake")]
    got = ExtractiveBackend().answer(
        context("How many delegates were at stake in the Iowa caucus?", items)[0]
    )
    assert not got.abstained and "40 delegates" in got.text, got.text


def test_a_place_that_names_people_is_not_where_their_day_is() -> None:
    """ "The Chicago parents' suit" names parents by the place they are tied to: the sentence
    dating the suit filed in Columbus answers, since its article names Chicago. An article that
    never names Chicago is about other people, and the sibling check still abstains."""
    text = (
        "Lakeside Courier\n\n"
        "The parents of two Chicago victims sued the state over the shooting. The suit was filed "
        "in Columbus on Monday, their lawyer said.\n"
    )
    doc = "lakeside_courier"
    got = ExtractiveBackend().answer(
        context("On what day was the Chicago parents' suit filed?", [(doc, text, "The suit was filed")])[0]
    )
    assert not got.abstained and "Monday" in got.text, got.text
    other = "Lakeside Courier\n\nThe suit was filed in Columbus on Monday, the court's clerk said.\n"
    elsewhere = "Valley Herald\n\nMourners gathered in Chicago after the shooting.\n"
    items = [(doc, other, "The suit was filed"), ("valley_herald", elsewhere, "Mourners")]
    got = ExtractiveBackend().answer(context("On what day was the Chicago parents' suit filed?", items)[0])
    assert got.abstained and "speak of Columbus, not Chicago" in got.text, got.text
