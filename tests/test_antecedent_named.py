"""A "who" answer whose sentence describes its subject ("The influential delegate ... warned")
takes the sentence before it that names the person (round 30: r16-b-010)."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context

ARTICLE = """Delegates brace for a floor fight

The party's rules committee meets next week in Harbor City.

“They want a mechanism that hands the nomination to somebody else,” Morton Voss, the committeeman from Ruritania, told reporters.

The influential delegate and veteran activist, who backs Lane, warned of a “ferocious” battle ahead if the leadership steers the nomination to Quill.

Organizers expect 2,400 delegates at the convention.
"""

QUESTION = "Which committeeman from Ruritania warned of a ferocious fight if the leadership steers the nomination to Quill?"


def _answer(article: str) -> str:
    items = [("d1", article, "warned of a"), ("d1", article, "They want a mechanism")]
    draft = ExtractiveBackend().answer(context(QUESTION, items)[0])
    assert not draft.abstained, draft.text
    return draft.text


def test_the_sentence_naming_the_described_person_joins_the_answer() -> None:
    text = _answer(ARTICLE)
    assert "Morton Voss" in text and "ferocious" in text
    assert text.index("Morton Voss") < text.index("ferocious")


def test_a_description_of_no_person_takes_no_sentence_before_it() -> None:
    # "The committee" describes a body: the answer is the sentence alone
    text = _answer(ARTICLE.replace("The influential delegate and veteran activist", "The committee"))
    assert "Morton Voss" not in text


GROUP = """Two drop out after the caucuses

Former governor Mike Hollis and former senator Dana Pruitt won less than one percent each.

Both were suspending their campaigns last night after drawing negligible support in the caucuses.
"""


def test_a_group_back_reference_takes_the_sentence_naming_the_group() -> None:
    question = "Which two candidates were suspending their campaigns after the caucuses?"
    items = [("d1", GROUP, "Both were"), ("d1", GROUP, "Former governor")]
    draft = ExtractiveBackend().answer(context(question, items)[0])
    assert not draft.abstained, draft.text
    assert "Mike Hollis" in draft.text and "Dana Pruitt" in draft.text
    assert draft.text.index("Hollis") < draft.text.index("suspending")


LIST = """Bush weighs the pledge

Bush campaign officials looked into what the consequences would be if their candidate declined to back the nominee. They determined that, due to party rules, Bush would fall off the ballot in South Carolina, Kentucky and Utah.
"""


def test_a_plural_ask_takes_the_next_sentence_that_lists_the_names() -> None:
    question = "In which states did Bush's campaign find he would drop off the ballot if he refused to back the nominee?"
    items = [("d1", LIST, "Bush campaign officials")]
    ctx = context(question, items)[0]
    from assistant.answer.backends.extractive.runs import _list_that_follows, _plural_ask
    from assistant.answer.ranker import rank

    assert _plural_ask(question) and not _plural_ask("In which state was the debate held?")
    told = next(c for c in rank(ctx, question) if c.text.startswith("Bush campaign officials"))
    listed = _list_that_follows(ctx, told, [], question)
    assert listed is not None and "South Carolina, Kentucky and Utah" in listed.text
    # a sentence that names them itself takes nothing after it
    named = next(c for c in rank(ctx, question) if c.text.startswith("They determined"))
    assert _list_that_follows(ctx, named, [], question) is None


DAY_AND_PLACE = """Lane courts the north

Senator Ada Lane may have her best chance upstate, where she is pushing an offensive on river dredging.

Tuesday, the Vermont senator opened a Millbrook rally blasting Quill for backing the dredging contracts abroad.
"""


def test_a_fronted_day_and_a_place_modifying_the_description_still_take_the_sentence_before() -> None:
    # "Tuesday, the Ruritania senator ...": a day before the subject, a place in the description
    question = "Who attacked Quill at a Millbrook rally for backing the dredging contracts abroad?"
    items = [("d1", DAY_AND_PLACE, "Tuesday, the"), ("d1", DAY_AND_PLACE, "Senator Ada Lane")]
    draft = ExtractiveBackend().answer(context(question, items)[0])
    assert not draft.abstained, draft.text
    assert "Ada Lane" in draft.text and draft.text.index("Ada Lane") < draft.text.index("Millbrook")


OFFICE = """Senators split on the ferry bill

Republicans tied the bill to the budget and, in Sen. Hal Brenner's case, to the harbour's safety. His office put out a statement saying the ferries “cannot be inspected in time for the summer.”
"""


def test_a_possessive_subject_takes_the_sentence_naming_whose_it_is() -> None:
    question = "Which senator's office said the ferries cannot be inspected in time for the summer?"
    from assistant.nlp.parse import parse_one
    from assistant.quotes import extract_quotes

    items = [("d1", OFFICE, "Republicans tied")]
    quotes = extract_quotes("d1", OFFICE, doc=parse_one(OFFICE))
    assert [q.speaker for q in quotes] == [
        "His office"
    ]  # the ledger's speaker: whose, the sentence before says
    draft = ExtractiveBackend().answer(context(question, items, quotes=quotes)[0])
    assert not draft.abstained, draft.text
    assert "Hal Brenner" in draft.text, draft.text
