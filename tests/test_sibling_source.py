"""The sibling-name checks (``checks._same_named``, ``checks._place_elsewhere``) on two of news's
ways to name: a surname the tagger labelled a body in the answer's sentence ("Gowdy" ORG, with
"Trey Gowdy" PERSON elsewhere) is a person, no sibling organisation of the question's; and the
source a question cites ("..., according to USA Today?") says who reports, not whom the figure
is about (round 32, realnews_eighteenth). Entities are set by hand: the tagger's mistakes are
the point."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive.checks import _place_elsewhere, _same_named
from assistant.answer.ranker import rank
from assistant.types import Context, Evidence, Span


def _passage(text: str, entities: list[tuple[str, str]]) -> Evidence:
    """``text`` as one passage, a sentence a line, each entity at the last place its words are."""
    ents = []
    for name, label in entities:
        i = text.rfind(name)
        ents.append((i, i + len(name), label))
    sents, at = [], 0
    for line in text.split("\n"):
        sents.append(Span(start=at, end=at + len(line)))
        at += len(line) + 1
    return Evidence(
        doc_id="ledger", start=0, end=len(text), text=text, sentences=sents, entities=ents, score=1.0
    )  # type: ignore[call-arg]




def test_without_source_drops_the_cited_outlet() -> None:
    assert asked.without_source("How much had Roe spent, according to USA Today?") == "How much had Roe spent?"
    assert asked.without_source("According to the Post, how many came?") == "how many came?"
    assert asked.without_source("How many did Roe win?") == "How many did Roe win?"


def test_a_surname_tagged_as_a_body_is_no_sibling_of_the_asked_body() -> None:
    text = (
        "Trey Gowdy chairs the Harbor Committee.\n"
        "Gowdy said the panel has conducted a total of 75 witness interviews since its creation."
    )
    ev = _passage(text, [("Trey Gowdy", "PERSON"), ("Harbor Committee", "ORG"), ("Gowdy", "ORG")])
    question = "How many witness interviews has the Harbor Committee conducted since its creation?"
    context = Context(question=question, evidence=[ev], quotes=[], history=[])
    entities = [(ev.at(s, e), label) for s, e, label in ev.entities]
    fitting = rank(context, None)
    assert "75" in fitting[0].text
    # no other sentence is left to the ranker (a threshold above all): the check alone decides
    assert _same_named(context, question, "count", fitting, 1.0, entities) is None


def test_the_cited_outlet_is_no_place_the_figure_is_about() -> None:
    text = "In New Hampshire, the groups planned $20 million of the $27 million in ads for December."
    ev = _passage(text, [("New Hampshire", "GPE")])
    entities = [("New Hampshire", "GPE"), ("USA", "GPE")]  # the evidence elsewhere tags "USA" a place
    question = "How much advertising had the groups planned for December, according to USA Today?"
    context = Context(question=question, evidence=[ev], quotes=[], history=[])
    fitting = rank(context, None)
    assert _place_elsewhere(context, question, "money", fitting, 0.0, entities) is None
    # the same question naming the place as its subject is asked of another place
    other = "How much advertising had the groups planned for December in the USA?"
    context = Context(question=other, evidence=[ev], quotes=[], history=[])
    got = _place_elsewhere(context, other, "money", rank(context, None), 0.0, entities)
    assert got is not None and "New Hampshire" in got, got


def test_a_person_tagged_as_a_place_in_the_question_is_no_place_a_sentence_replaces() -> None:
    text = (
        "Rhea Singer has long backed harbour candidates.\n"
        "The fund manager wrote a $500,000 check to a PAC backing Tom Faso in New York's Hudson Valley."
    )
    # the tagger gave "Singer" a place's label once, and "Rhea Singer" a person's elsewhere
    ev = _passage(text, [("Rhea Singer", "PERSON"), ("Tom Faso", "PERSON"), ("New York's", "GPE")])
    entities = [("Rhea Singer", "PERSON"), ("Singer", "GPE"), ("Tom Faso", "PERSON"), ("New York's", "GPE")]
    question = "How much did Rhea Singer give to the PAC backing Tom Faso?"
    context = Context(question=question, evidence=[ev], quotes=[], history=[])
    fitting = [c for c in rank(context, None) if "$500,000" in c.text]
    assert _same_named(context, question, "money", fitting, 1.0, entities) is None
