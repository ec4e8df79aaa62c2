"""Near misses that ask for a specific thing of a named one (issue 16, abstain10), on
invented text: the figure given for another organisation or place, an amount of money
asked with a verb of giving, a sentence holding the thing that matches far worse than the
best one, and a shortfall asked as "how far from clinching"."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context

POLLS = (
    "Lakeside Courier\n\n"
    "Mayor Dana Quill leads her rival by 6 points in Maplewood, according to a Harbor Ledger poll "
    "released on Monday.\n\n"
    "A poll by the Granite Weekly in Stoneford showed the race tied, the paper said.\n"
)


def test_other_named_finds_another_organisation_or_place_of_the_same_kind() -> None:
    question = "By how many points does Quill lead in the Granite Weekly poll in Stoneford?"
    sentence = "Quill leads her rival by 6 points in Maplewood, according to a Harbor Ledger poll."
    everything = [
        ("Granite Weekly", "ORG"),
        ("Stoneford", "GPE"),
        ("Harbor Ledger", "ORG"),
        ("Quill", "PERSON"),
    ]
    named = asked.question_named(question, everything)
    assert named == {"ORG": {"granite weekly"}, "GPE": {"stoneford"}}  # no person: see NAMED_LABELS
    own = [("Quill", "PERSON"), ("Maplewood", "GPE"), ("Harbor Ledger", "ORG")]
    assert asked.other_named(question, named, sentence, own) == ("Stoneford", "Maplewood")
    # the sentence names the asked place: no sibling there, whatever else it names
    same = "In Stoneford, Quill leads by 6 points, according to a Harbor Ledger poll."
    got = asked.other_named(
        question, {"GPE": {"stoneford"}}, same, [("Stoneford", "GPE"), ("Harbor Ledger", "ORG")]
    )
    assert got is None
    # another kind of name only (an organisation for a place asked): not a sibling
    assert (
        asked.other_named(
            question, {"GPE": {"stoneford"}}, "A Harbor Ledger poll.", [("Harbor Ledger", "ORG")]
        )
        is None
    )
    # a name only as the question writes it capitalised: "the state's budget" names no "State"
    assert asked.question_named("How big is the state's budget?", [("State", "ORG")]) == {}
    assert asked.question_named("How big is the State budget?", [("State", "ORG")]) == {"ORG": {"state"}}
    assert asked.entity_key("Jeb Bush", "PERSON") == "bush"
    assert asked.entity_key("the State Department's", "ORG") == "state department"


def test_a_name_the_question_gives_by_its_initials_is_no_sibling() -> None:
    """ "the HL count" names the Harbor Ledger, and "the DNC" the Democratic National
    Committee (round 40: two development answers had abstained on such a pair)."""
    question = "How many votes did Quill have in the HL count?"
    named = {"ORG": {"hl"}}
    sentence = "Quill had 4,100 votes in the Harbor Ledger count."
    assert asked.initials_in(question, "harbor ledger")
    assert asked.other_named(question, named, sentence, [("Harbor Ledger", "ORG")]) is None
    assert asked.initials_in("What share of the DNC's income ...?", "the democratic national committee")
    # another body's initials, or a one-word name: a sibling still
    assert asked.other_named(question, named, "The Granite Weekly count.", [("Granite Weekly", "ORG")]) == (
        "HL",
        "Granite Weekly",
    )
    assert not asked.initials_in("How many in the H count?", "harbor")


def test_extractive_abstains_when_the_figure_is_for_another_place_and_says_which() -> None:
    doc = "lakeside_courier"
    items = [(doc, POLLS, "leads her rival"), (doc, POLLS, "Granite Weekly")]
    question = "By how many points does Quill lead in Stoneford?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    # spaCy may take the paper's name for a place too: either sibling is named
    assert "the count speak of" in got.text and "not Stoneford" in got.text
    asked_right = "By how many points does Quill lead in Maplewood?"
    answered = ExtractiveBackend().answer(context(asked_right, items)[0])
    assert not answered.abstained and "6 points" in answered.text


def test_money_asked_by_a_verb_of_giving() -> None:
    assert asked.money_asked("How much did Jane Roe donate to the mayor's campaign?")
    assert asked.money_asked("How much has the foundation given to the shelter?")
    assert not asked.money_asked("How much did the bridge weigh?")
    assert not asked.money_asked("What did Jane Roe give the mayor?")  # no "how much"


DONORS = (
    "Riverton Herald\n\n"
    "Jane Roe, a retired banker, said on Monday that she was supporting Mayor Dana Quill's "
    "campaign for a second term.\n\n"
    "A volunteer at the Quill campaign's office urged residents to chip in $5 for yard signs.\n"
)


def test_extractive_abstains_when_the_amount_is_not_the_one_asked() -> None:
    doc = "riverton_herald"
    items = [(doc, DONORS, "retired banker"), (doc, DONORS, "chip in")]
    question = "How much did Jane Roe donate to Dana Quill's campaign?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "the amount" in got.text


def test_how_far_from_clinching_is_a_shortfall_not_a_distance() -> None:
    assert asked.measure_asked("How far was the senator from clinching the nomination?") is None
    assert asked.measure_asked("How far did the runners go on Sunday?") == "measure"
    text = (
        "Capital Post\n\n"
        "Counting her pledged support, the senator is 71 delegates short of the 1,200 needed to "
        "clinch the nomination, the party said.\n"
    )
    ctx, _ = context(
        "How far was the senator from clinching the nomination?", [("capital_post", text, "short")]
    )
    got = ExtractiveBackend().answer(ctx)
    assert not got.abstained and "71 delegates" in got.text, got.text


def test_a_name_the_question_holds_as_an_adjective_is_its_own() -> None:
    # "congressional Democrats" holds Congress: a sentence on Congress is about the question's
    question = "About how many congressional Democrats joined the House protest?"
    sentence = "About 200 Democrats in Congress joined the sit-in."
    own = [("Congress", "ORG")]
    assert asked.other_named(question, {"ORG": {"house"}}, sentence, own) is None
    # another body the question never names is a sibling still
    assert asked.other_named(question, {"ORG": {"house"}}, "The Senate joined.", [("Senate", "ORG")]) == (
        "House",
        "Senate",
    )
