"""A role-holder asked by "Which <role> ..." (round 16, abstain16), on invented text: "Which
harbor inspector is leading the inquiry?" is not answered by a sentence that speaks of the
inspectors and their inquiry without naming one; the same question is answered when the article
names her, and a "which" ask of no person's role is left alone."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context


def test_which_with_a_role_noun_asks_for_a_person() -> None:
    assert asked.role_which("Which harbor official is leading the inquiry?") == "official"
    assert asked.role_which("Which two senators voted against the ferry bill?") == "senator"
    assert asked.role_which("Which Tribune columnists praised the plan?") == "columnist"
    assert asked.role_which("Which witnesses saw the crash?") == "witness"
    # round 34: a judge of a high court and one of a body's members are roles too
    assert asked.role_which("Which two high court justices backed the ruling?") == "justice"
    assert asked.role_which("Which member of the harbor board proposed the fare rise?") == "member"
    # a relative asked of by kin ("Which of the mayor's sons ...") is a person to name too
    assert asked.role_which("Which of the mayor's sons runs the ferry line?") == "son"
    # round 38: one of an event's speakers, and a party's member by its noun
    assert asked.role_which("Which warm-up speaker named the mayor at the rally?") == "speaker"
    assert asked.role_which("Which two Democrats are in the county runoff?") == "democrat"


def test_which_of_no_role_or_a_possessive_is_no_role_ask() -> None:
    assert asked.role_which("Which bridge did the council close?") is None
    assert asked.role_which("In which town did the ferry sink?") is None
    assert asked.role_which("Which group of voters backed the mayor?") is None
    assert asked.role_which("Which mayor's plan did the council adopt?") is None  # the plan asked
    assert asked.role_which("Which protester accused city officials of lying?") == "protester"
    # "accused" is the verb: the role noun after it is its object, not the asked head
    assert asked.role_which("Which marcher accused city officials of lying?") is None


HARBOR = (
    "Harbor Gazette\n\n"
    "Port officials said on Tuesday that harbor officials are investigating the collapse of "
    "the old ferry pier, and that the inquiry would take several weeks.\n\n"
    "Ferries were moved to the north dock while the pier is closed.\n"
)


def test_extractive_abstains_when_no_sentence_names_the_role_holder() -> None:
    doc = "harbor_gazette"
    items = [(doc, HARBOR, "harbor officials are investigating")]
    question = "Which harbor official is leading the inquiry into the ferry pier collapse?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "do not name the official asked for" in got.text, got.text


def test_extractive_answers_when_the_article_names_the_role_holder() -> None:
    doc = "harbor_gazette"
    named = HARBOR.replace(
        "harbor officials are investigating",
        "harbor official Dana Quill is leading the inquiry into",
    )
    items = [(doc, named, "Dana Quill is leading")]
    question = "Which harbor official is leading the inquiry into the ferry pier collapse?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert not got.abstained, got.text
    assert "Dana Quill" in got.text, got.text
    # the same unnamed sentence still answers a question that asks for no person
    what = ExtractiveBackend().answer(
        context(
            "What are harbor officials investigating?", [(doc, HARBOR, "harbor officials are investigating")]
        )[0]
    )
    assert not what.abstained and "ferry pier" in what.text, what.text


def test_a_surname_alone_or_a_name_before_who_names_the_role_holder() -> None:
    """The holder is named by surname alone (tagged or not), or by a name "who" goes on from:
    the answer stands, whatever label the tagger gave the bare name."""
    doc = "harbor_gazette"
    question = "Which harbor official endorsed the ferry plan on a call with reporters?"
    by_who = HARBOR.replace(
        "Ferries were moved to the north dock while the pier is closed.",
        "The plan has won over Quillfeather, who endorsed the ferry plan on a call with reporters.",
    )
    got = ExtractiveBackend().answer(context(question, [(doc, by_who, "endorsed the ferry plan")])[0])
    assert not got.abstained and "Quillfeather" in got.text, got.text
    by_surname = HARBOR.replace(
        "Ferries were moved to the north dock while the pier is closed.",
        "Harbor official Dana Quill spoke first. Later Quill endorsed the ferry plan on a call with reporters.",
    )
    got = ExtractiveBackend().answer(context(question, [(doc, by_surname, "endorsed the ferry plan")])[0])
    assert not got.abstained and "Quill" in got.text, got.text


def test_who_asked_by_an_act_is_read_but_not_a_speech_or_a_stance() -> None:
    assert asked.who_act("Who organized the harbor cleanup on Saturday?") == "organized"
    assert asked.who_act("Whom did Mayor Quill appoint as harbor master?") == "appoint"
    assert asked.who_act("Who said the pier was unsafe?") is None
    assert asked.who_act("Who called the ferry plan a red flag?") is None
    assert asked.who_act("Who warned that the pier would collapse?") is None
    assert asked.who_act("Who is the harbor master?") is None
    # a work's author ("wrote the speech"), an act to come or going on
    assert asked.who_act("Who wrote Mayor Quill's harbor speech?") == "wrote"
    assert asked.who_act("Who wrote that the pier was unsafe?") is None
    assert asked.who_act("Who will take over the harbor board?") == "take"
    assert asked.who_act("Who was to moderate the harbor debate?") == "moderate"
    assert asked.who_act("Who is running against Mayor Quill?") == "running"
    assert asked.who_act("Who will say it?") is None


def test_extractive_abstains_when_no_sentence_names_the_works_author() -> None:
    doc = "harbor_gazette"
    story = (
        "Harbor Gazette\n\n"
        "Mayor Ada Quill gave her harbor speech on Thursday night to a crowd of 3,000 at the pier.\n"
    )
    got = ExtractiveBackend().answer(
        context("Who wrote Mayor Quill's harbor speech?", [(doc, story, "Mayor Ada Quill gave")])[0]
    )
    assert got.abstained and "do not name the one asked for" in got.text, got.text


CLEANUP = (
    "Harbor Gazette\n\n"
    "Hundreds of volunteers cleared the old ferry pier of debris on Saturday, and the harbor "
    "cleanup was organized in under a week.\n\n"
    "Ferries were moved to the north dock while the pier is closed.\n"
)


def test_extractive_abstains_when_no_sentence_names_who_did_the_act() -> None:
    doc = "harbor_gazette"
    question = "Who organized the harbor cleanup at the ferry pier?"
    got = ExtractiveBackend().answer(context(question, [(doc, CLEANUP, "harbor cleanup was organized")])[0])
    assert got.abstained and "do not name the one asked for" in got.text, got.text
    # a body named as the doer answers it
    named = CLEANUP.replace(
        "the harbor cleanup was organized", "the harbor cleanup was organized by Greenwater Trust"
    )
    got = ExtractiveBackend().answer(context(question, [(doc, named, "harbor cleanup was organized")])[0])
    assert not got.abstained and "Greenwater Trust" in got.text, got.text


def test_passages_never_tagged_are_not_judged_for_a_name() -> None:
    """With no entity anywhere in the evidence (a context built without the tagger), who is
    named is unknown: the check does not abstain on it."""
    ctx = context(
        "Who organized the harbor cleanup at the ferry pier?", [("harbor_gazette", CLEANUP, "harbor cleanup")]
    )[0]
    assert not any(ev.entities for ev in ctx.evidence) or ExtractiveBackend().answer(ctx).abstained
    for ev in ctx.evidence:
        ev.entities = []
    got = ExtractiveBackend().answer(ctx)
    assert "do not name the one asked for" not in got.text, got.text


SUIT = (
    "Valley Gazette\n\n"
    "Longtime harbor foe files ferry pier claim for the families.\n\n"
    "The two families filed the claim over the ferry pier collapse in county court on Monday.\n\n"
    "The families are represented in the ferry pier claim by attorney Lee Marsh, a harbor foe.\n"
)
SUIT_ITEMS = [
    ("valley_gazette", SUIT, "Longtime harbor foe"),
    ("valley_gazette", SUIT, "filed the claim"),
    ("valley_gazette", SUIT, "represented in"),
]
SUIT_QUESTION = "Which lawyer, a longtime harbor foe, represents the families in their ferry pier claim?"


def test_a_which_role_ask_takes_the_sentence_naming_the_role_holder() -> None:
    """ "Which lawyer ...?" is answered by "represented by attorney Lee Marsh" ([same_roles])
    when the best sentences name no one."""
    assert asked.names_role("represented by attorney Lee Marsh", "lawyer")
    assert asked.names_role("The families' attorneys declined to comment.", "lawyers")
    assert not asked.names_role("represented by attorney Lee Marsh", "spokesman")
    got = ExtractiveBackend().answer(context(SUIT_QUESTION, SUIT_ITEMS)[0])
    assert not got.abstained and "Lee Marsh" in got.text, got.text


def test_the_role_holders_sentence_is_found_when_the_chosen_name_no_one() -> None:
    from assistant.answer.backends.extractive.checks import _role_named_one
    from assistant.answer.ranker import rank

    ctx = context(SUIT_QUESTION, SUIT_ITEMS)[0]
    ranked = rank(ctx, None, [])
    headline = [c for c in ranked if c.text.startswith("Longtime")]
    got = _role_named_one(ctx, SUIT_QUESTION, headline, ranked, 0.3, 0.5)
    assert got is not None and "Lee Marsh" in got.text
    # a chosen sentence that names the role holder already answers: nothing to add
    assert _role_named_one(ctx, SUIT_QUESTION, [got], ranked, 0.3, 0.5) is None
    # no role asked: nothing to add
    assert _role_named_one(ctx, "What claim did the families file?", headline, ranked, 0.3, 0.5) is None


def test_the_role_holders_sentence_under_the_threshold_answers_within_the_wanted_ratio() -> None:
    """The role's holder is the thing a "Which <role>" part asks for: a sentence naming them
    beside the role noun answers under the threshold when it has at least the wanted ratio of
    the chosen sentence's probability, as the best sentence holding an asked-for thing does;
    not when the chosen sentence is itself under the threshold."""
    from dataclasses import replace

    from assistant.answer.backends.extractive.checks import _role_named_one
    from assistant.answer.ranker import rank

    ctx = context(SUIT_QUESTION, SUIT_ITEMS)[0]
    ranked = rank(ctx, None, [])
    head = replace(next(c for c in ranked if c.text.startswith("Longtime")), prob=0.4)
    marsh = next(c for c in ranked if "Lee Marsh" in c.text)
    got = _role_named_one(ctx, SUIT_QUESTION, [head], [head, replace(marsh, prob=0.25)], 0.3, 0.5)
    assert got is not None and "Lee Marsh" in got.text
    assert _role_named_one(ctx, SUIT_QUESTION, [head], [head, replace(marsh, prob=0.15)], 0.3, 0.5) is None
    low = replace(head, prob=0.28)
    assert _role_named_one(ctx, SUIT_QUESTION, [low], [low, replace(marsh, prob=0.25)], 0.3, 0.5) is None


def test_which_of_a_plural_role_asks_for_its_holders() -> None:
    """A partitive "Which of Roe's co-defendants / of the investors ..." asks for role holders
    as "Which co-defendants" does; defendants and investors are people by their part."""
    assert asked.role_which("Which of Marlow's co-defendants were released on bail?") == "co-defendant"
    assert asked.role_which("Which of the senators voted against the ferry bill?") == "senator"
    assert asked.role_which("Which investors bought the harbor bonds?") == "investor"
    assert asked.role_which("Which of the two bridges did the council close?") is None


COURT = (
    "Harbor Gazette\n\n"
    "Dock owner Ellis Marlow stayed in jail on Friday while three of his nine co-defendants were "
    "released on bail after a hearing on the ferry fraud case.\n\n"
    "The trial is set to begin in the spring.\n"
)


def test_extractive_abstains_on_which_of_when_no_holder_is_named() -> None:
    doc = "harbor_gazette"
    items = [(doc, COURT, "three of his nine co-defendants were released")]
    question = "Which of Marlow's co-defendants were released on bail?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "do not name the co-defendant asked for" in got.text, got.text
    named = COURT.replace("three of his nine co-defendants were", "his co-defendant, Rita Vane, was")
    got = ExtractiveBackend().answer(context(question, [(doc, named, "Rita Vane, was released")])[0])
    assert not got.abstained and "Rita Vane" in got.text, got.text


PRIMARY = (
    "Valley Gazette\n\n"
    "Voters in Ruritania and Stoneford went to the polls on Tuesday in the harbor district "
    "primary, where Mayor Dana Quill and Tom Reyes had campaigned for weeks.\n\n"
    "Turnout was high across the district.\n"
)


def test_who_won_is_answered_only_beside_a_form_of_winning() -> None:
    """ "Who won ...?" ([outcome_acts], round 34): a sentence naming the contest's people
    without saying who won does not answer; one that says someone won, by any form of it
    ("from winning", "the winner"), does."""
    question = "Who won the harbor district primary in Ruritania?"
    items = [("valley_gazette", PRIMARY, "Voters in Ruritania")]
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and "do not name the one asked for" in got.text, got.text
    won = PRIMARY.replace(
        "Turnout was high across the district.", "Tom Reyes was declared the winner of the primary."
    )
    got = ExtractiveBackend().answer(context(question, [("valley_gazette", won, "declared the winner")])[0])
    assert not got.abstained and "Reyes" in got.text, got.text


FORUM = (
    "Valley Gazette\n\n"
    "Mayor Dana Quill and Tom Reyes traded barbs on Tuesday at the harbor district forum, "
    "hosted by the Ruritania Chamber of Commerce.\n\n"
    "Turnout was high across the district.\n"
)


def test_who_moderated_is_answered_only_beside_a_form_of_moderating() -> None:
    """ "Who moderated / interviewed / chairs ...?" ([outcome_acts], round 39): a sentence naming
    the event's people and host without saying who moderated it does not answer; one that
    names a moderator, by any form of the act ("moderated by", "the moderator"), does."""
    question = "Who moderated the harbor district forum?"
    items = [("valley_gazette", FORUM, "Mayor Dana Quill and Tom Reyes traded barbs")]
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and "do not name the one asked for" in got.text, got.text
    named = FORUM.replace(
        "Turnout was high across the district.",
        "Lena Marsh, the moderator, cut both off as the harbor district forum ran late.",
    )
    got = ExtractiveBackend().answer(
        context(question, [("valley_gazette", named, "Lena Marsh, the moderator")])[0]
    )
    assert not got.abstained and "Lena Marsh" in got.text, got.text
