"""A figure asked of a named person and given for another one (issue 16, sibling10), on
invented text: the clause holding the figure is about another person (named, or by a
pronoun bound to the person named before it), and the cases that must still answer --
the figure's clause about the asked person by name or by pronoun, a pronoun of nobody
named, a name asked (its answer is another person)."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context

KNOWN = {"quill", "marsh", "fenwick"}


def _figure(
    question: str, sentence: str, names: list[str], figure: str, before: str | None = None
) -> tuple[str, str] | None:
    entities = [(sentence.index(n), n) for n in names]
    persons = asked.question_persons(question, KNOWN)
    return asked.other_persons_figure(
        question, persons, KNOWN, sentence, entities, [sentence.index(figure)], before
    )


def test_a_clause_about_another_person_by_a_pronoun_bound_to_the_name_before_it() -> None:
    question = "How many school visits has Dana Quill made this spring?"
    sentence = "Marsh, who says she has made 40 school visits this spring, still trails in the polls."
    assert _figure(question, sentence, ["Marsh"], "40") == ("Quill", "Marsh")
    # the same clause with the asked person's name: it answers
    same = "Quill, who says she has made 40 school visits this spring, still trails in the polls."
    assert _figure(question, same, ["Quill"], "40") is None


def test_the_figure_clause_decides_not_the_whole_sentence() -> None:
    question = "How much has Rhea Fenwick given to Quill's campaign?"
    sentence = "Fenwick, who backed Marsh's bid in 2019 with $2 million, is a Quill volunteer."
    assert asked.question_persons(question, KNOWN) == {"fenwick", "quill"}
    assert _figure(question, sentence, ["Fenwick", "Marsh's", "Quill"], "$2 million") == ("Fenwick", "Marsh")
    # the figure's clause names the asked person: no sibling
    own = "Fenwick, who gave $2 million to Quill's campaign, also backed Marsh in 2019."
    assert _figure(question, own, ["Fenwick", "Quill's", "Marsh"], "$2 million") is None


def test_a_figures_comma_ends_no_clause() -> None:
    # "$204,202": the thousands' comma is inside the figure, so its clause runs on to the name
    question = "How much has Quill raised from hedge fund executives?"
    sentence = "Records show the $204,202 that Marsh has raised from hedge fund executives is the most."
    assert _figure(question, sentence, ["Marsh"], "$204,202") == ("Quill", "Marsh")
    at_time = "At 3:30 Marsh said the $204,202 raised from hedge funds was the most."
    assert _figure(question, at_time, ["Marsh"], "$204,202") == ("Quill", "Marsh")


def test_a_pronoun_of_nobody_named_here_or_bound_to_the_asked_person_leaves_it_alone() -> None:
    question = "How many school visits has Dana Quill made this spring?"
    sentence = "She has made 40 school visits this spring, Marsh noted."
    # "She" opens the sentence: the person the sentences before are about decides
    assert _figure(question, sentence, ["Marsh"], "40", before="Dana Quill") is None
    assert _figure(question, sentence, ["Marsh"], "40", before=None) is None
    assert _figure(question, sentence, ["Marsh"], "40", before="Lee Marsh") == ("Quill", "Marsh")
    # a clause naming no one is no evidence of a sibling
    plain = "Forty school visits were made this spring, the district said."
    assert _figure(question, plain, [], "Forty") is None


def test_a_clause_opened_by_he_or_she_is_about_the_sentences_opening_subject() -> None:
    question = "How much did Quill say she raised in the week after the debate?"
    sentence = "Quill has attacked Marsh all week because it pays: She said the campaign raised $90,000."
    assert _figure(question, sentence, ["Quill", "Marsh"], "$90,000") is None
    # the sentence opens on the other one: the clause is about Marsh
    other = "Marsh has attacked Quill all week because it pays: She said the campaign raised $90,000."
    assert _figure(question, other, ["Marsh", "Quill"], "$90,000") == ("Quill", "Marsh")


def test_a_sentence_end_inside_a_quotation_ends_the_figure_clause() -> None:
    """A quotation kept whole runs over several sentences: the figure's sentence names no one,
    and the person named in the next sentence is not whom the figure is about."""
    question = "How many school visits did Dana Quill say were cancelled?"
    quote = "“The board knew all along. 40 school visits were cancelled. Mr. Marsh should resign.”"
    assert _figure(question, quote, ["Marsh"], "40") is None
    # a title's dot ends no clause: the figure's clause still names Marsh
    title = "“The board knew all along. Mr. Marsh cancelled 40 school visits.”"
    assert _figure(question, title, ["Marsh"], "40") == ("Quill", "Marsh")


DISTRICT = (
    "Lakeside Courier\n\n"
    "Council member Dana Quill spoke at the school board meeting on Monday about the budget.\n\n"
    "Lee Marsh, who says he has made 40 school visits this spring, is running against her.\n"
)


def test_extractive_abstains_when_the_count_is_another_persons_and_says_whose() -> None:
    doc = "lakeside_courier"
    items = [(doc, DISTRICT, "Lee Marsh, who says"), (doc, DISTRICT, "Dana Quill spoke")]
    question = "How many school visits has Dana Quill made this spring?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "speak of Lee Marsh, not Quill" in got.text
    asked_right = "How many school visits has Lee Marsh made this spring?"
    answered = ExtractiveBackend().answer(context(asked_right, items)[0])
    assert not answered.abstained and "40 school visits" in answered.text


def test_a_name_asked_is_not_checked_for_another_person() -> None:
    doc = "lakeside_courier"
    items = [(doc, DISTRICT, "Lee Marsh, who says"), (doc, DISTRICT, "Dana Quill spoke")]
    question = "Who is the candidate running against Dana Quill?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert not got.abstained and "Marsh" in got.text, got.text
