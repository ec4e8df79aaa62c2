"""A name asked by role ("Who is the judge in the fraud case that Roe criticised?") is
answered by the sentence that names the role's holder beside the role noun ("The case's
judge, Dana Quill"), though sentences telling the act without the name match the question
better (round 27: it had abstained with "the passages on this do not give the name asked
for")."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context

STORY = (
    "Metro Ledger\n\n"
    "Mayor Jon Roe said last week that a judge in the harbor fraud case was biased against him, "
    "and on Tuesday Roe said again that the judge in the harbor fraud case had treated him unfairly "
    "and that he had criticised the judge for good reason.\n\n"
    "The case's judge, Dana Quill, declined to comment, a court clerk said.\n"
)


def test_the_role_holder_named_in_apposition_answers_who_the_role_is() -> None:
    doc = "metro_ledger"
    items = [(doc, STORY, "biased against him"), (doc, STORY, "Dana Quill")]
    got = ExtractiveBackend().answer(
        context("Who is the judge in the harbor fraud case that Roe criticised?", items)[0]
    )
    assert not got.abstained and "Dana Quill" in got.text, got.text
    assert got.text.index("Dana Quill") < got.text.index("["), got.text  # named first


SENATORS = (
    "Capitol Report\n\n"
    "Senator Ada Voss, a North Carolina Republican who backs the harbor plan, warned on Tuesday "
    "that the harbor plan was failing the coastal towns and that its budget had run dry.\n\n"
    '"The towns cannot wait another year," said Sen. Ben Hale, R-S.C. "The harbor plan is failing them."\n'
)


def test_the_role_holder_of_the_asked_place_goes_first() -> None:
    """ "Which South Carolina senator ...?": of two senators named beside their title, the one
    named with the asked state ("Sen. Ben Hale, R-S.C.", an AP abbreviation) answers, not the
    North Carolina one whose sentence matches the question better."""
    from assistant.answer.asked import names_place, names_state

    assert names_state("said Sen. Ben Hale, R-S.C. Then", "south carolina")
    assert names_state("Mission Viejo, Calif.", "california") and names_state("Rep. Roe (D-NY)", "new york")
    assert not names_place("Senator Ada Voss, a North Carolina Republican", "south carolina")
    doc = "capitol_report"
    items = [(doc, SENATORS, "Ada Voss"), (doc, SENATORS, "The towns cannot wait")]
    got = ExtractiveBackend().answer(
        context("Which South Carolina senator warned that the harbor plan was failing the towns?", items)[0]
    )
    assert not got.abstained and "Ben Hale" in got.text, got.text
    assert "Ada Voss" not in got.text.split("[")[0], got.text
