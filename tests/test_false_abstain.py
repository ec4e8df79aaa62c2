"""Abstention checks that fired on answerable questions, repaired (issue 16, falseabst15),
on invented text: a day asked of an event the question names by its place is the day of the
sentence that holds that place, though it names a venue where the question names the
subject; a place before a person's name describes the person; a count named by its
modifiers with another head noun; a name given by its dotted initials. And (falseabst16) a
named person's own sentence scored just under the fitted threshold answers "what did X say"."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend, _names_a_person
from assistant.answer.backends.extractive.checks import _speaks_near
from assistant.answer.ranker import Scored
from assistant.nlp.claims import CANNOT_ANSWER
from assistant.settings import AnswerSettings
from assistant.types import Context, Quote
from tests.contexts import context, evidence, quote

SPEECH = (
    "Lakeside Courier\n\n"
    "\u201cThis is a fight we must win, and our plan has three parts,\u201d Mayor Dana Quill said on "
    "Tuesday during a speech at the Harbor Institute in Maplewood.\n\n"
    "Police say the Riverton Syndicate runs the port's smuggling trade.\n"
)


def test_holds_named_reads_the_sentence_names_of_the_question() -> None:
    named = {"GPE": {"maplewood"}, "ORG": {"riverton syndicate"}}
    assert asked.holds_named(named, [("Maplewood City", "GPE"), ("Harbor Institute", "ORG")], set())
    assert not asked.holds_named(named, [("Harbor Institute", "ORG")], set())
    # a name of another label does not count, nor a person's surname tagged as a place
    assert not asked.holds_named(named, [("Maplewood", "ORG")], set())
    assert not asked.holds_named({"ORG": {"quill"}}, [("Quill", "ORG")], {"quill"})


def test_the_day_of_the_asked_speech_is_given_though_it_names_a_venue() -> None:
    doc = "lakeside_courier"
    items = [(doc, SPEECH, "during a speech"), (doc, SPEECH, "Riverton Syndicate")]
    question = (
        "On what day did Quill lay out her plan against the Riverton Syndicate in her Maplewood speech?"
    )
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert not got.abstained and "Tuesday" in got.text, got.text
    # the speech asked is in another town and the sentence holds none of the question's
    # names: the day is another event's
    other = "On what day did Quill lay out her plan against the Riverton Syndicate in her Stoneford speech?"
    town = "Stoneford Weekly\n\nVoters in Stoneford go to the polls in May, the town clerk said.\n"
    items = [*items, (doc + "_2", town, "Voters in")]
    refused = ExtractiveBackend().answer(context(other, items)[0])
    assert refused.abstained and refused.text.startswith(CANNOT_ANSWER), refused.text
    assert "speak of" in refused.text and "not Stoneford" in refused.text, refused.text


PRIMARY = (
    "Valley Gazette\n\n"
    "Nevada Republicans voted on Tuesday. Dana Quill won by a wide margin in the state over Ohio "
    "winner Jon Roe, 41 to 17 percent, the party said.\n\n"
    "Quill now leads the race for delegates, though polls in Ohio still favor Jon Roe.\n"
)


def test_a_place_describing_a_person_is_not_where_the_figure_is() -> None:
    doc = "valley_gazette"
    items = [(doc, PRIMARY, "wide margin"), (doc, PRIMARY, "race for delegates")]
    ctx = context("By what margin did Quill beat Jon Roe in Nevada?", items)[0]
    ev = ctx.evidence[0]
    places = [(s, e) for s, e, label in ev.entities if label == "GPE" and ev.at(s, e) == "Ohio"]
    assert places, ev.entities
    # "Ohio winner Jon Roe": the place describes him
    assert _names_a_person(ev, *places[0])
    got = ExtractiveBackend().answer(ctx)
    # the sentence gives the margin of the asked vote (the state of the sentence before)
    assert not got.abstained and "41 to 17" in got.text, got.text
    # a place across a function word from the name is where, not whom
    where = context("Who won?", [(doc, "Valley Gazette\n\nQuill won in Ohio over Jon Roe.\n", "won")])[0]
    ev = where.evidence[0]
    ohio = [(s, e) for s, e, label in ev.entities if ev.at(s, e) == "Ohio"]
    assert ohio and not _names_a_person(ev, *ohio[0])


def test_a_count_named_by_its_modifiers_with_another_head_noun() -> None:
    question = "How many new factory jobs did the March report show?"
    assert asked.counted_noun(question) == "job"
    mods = asked.counted_modifiers(question)
    assert mods == {"new", "factory"}
    assert asked.holds_count("The report showed 12,000 new factory positions.", "job", mods)
    # the modifiers must follow the number: a count of other things is not the one asked
    assert not asked.holds_count("The report showed 12,000 new hires at factory sites.", "job", mods)
    # nor across a comma ("By 2030, new factory ..."), and a name is no modifier
    assert not asked.holds_count("By 2030, new factory rules apply.", "job", mods)
    assert asked.counted_modifiers("How many Ohio jobs did the plant add?") == frozenset()
    report = (
        "Harbor Ledger\n\n"
        "The March report beat forecasts, with 12,000 new factory positions, the labor office said.\n"
    )
    got = ExtractiveBackend().answer(context(question, [("harbor_ledger", report, "beat forecasts")])[0])
    assert not got.abstained and "12,000" in got.text, got.text


def test_a_name_given_by_its_dotted_initials_is_mentioned() -> None:
    rally = (
        "Lakeside Courier\n\n"
        "A protester was led out of a rally in Millbrook, N.C., on Friday, and Jon Roe, the "
        "organizer, said the crowd had been calm.\n"
    )
    items = [("lakeside_courier", rally, "led out")]
    question = "What did the organizer of the North Carolina rally say about the crowd?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert "do not mention" not in got.text, got.text
    # bare capitals are not the initials, and a name the text lacks is still missing
    bare = rally.replace("N.C.", "NC")
    missing = ExtractiveBackend().answer(context(question, [("lakeside_courier", bare, "led out")])[0])
    assert missing.abstained and "North Carolina" in missing.text, missing.text


POLICE = (
    "Harbor Ledger\n\n"
    "By contrast, Rome's pledge last month to add almost 3,000 officers to its border police by "
    "2030 was welcomed by its neighbors.\n\n"
    "Officials in Italy and Spain met on Monday to discuss the border.\n"
)


def test_a_capital_names_its_country_for_the_sibling_checks() -> None:
    items = [("harbor_ledger", POLICE, "Rome's pledge"), ("harbor_ledger", POLICE, "Officials in")]
    got = ExtractiveBackend().answer(
        context("How many officers has Italy pledged to add to its border police?", items)[0]
    )
    assert not got.abstained and "3,000" in got.text, got.text
    assert asked.names_place("Rome's pledge", "italy") and not asked.names_place("Rome's pledge", "spain")
    # the capital of another country is still another place
    other = ExtractiveBackend().answer(
        context("How many officers has Spain pledged to add to its border police?", items)[0]
    )
    assert other.abstained and "not Spain" in other.text, other.text


def test_a_share_given_as_a_fraction_of_the_whole_asked() -> None:
    question = "What share of the delegates does Jon Roe want to drop?"
    assert asked.share_of(question) == ("delegate",)
    assert asked.holds_fraction_of("He wants to drop half the party's delegates.", ("delegate",))
    assert asked.holds_fraction_of("He backs cutting a third of the delegates.", ("delegate",))
    # an ordinal is no share, nor a fraction of another whole
    assert not asked.holds_fraction_of("At the third delegates' meeting he spoke.", ("delegate",))
    assert not asked.holds_fraction_of("Half the voters stayed home; delegates met.", ("delegate",))
    # after an owner the whole is the owned noun phrase, which the sentence may give with "its"
    owned = asked.share_of("What share of the league's yearly budget comes from Roe's donors?")
    assert owned == ("yearly", "budget")
    assert asked.holds_fraction_of("Roe's donors now give a fifth of its yearly budget.", owned)
    assert not asked.holds_fraction_of("A fifth of the league's players left.", owned)
    text = (
        "Valley Gazette\n\n"
        "\u201cThe rules need to change,\u201d said Jon Roe, a party elder, who wants to drop half "
        "the party\u2019s delegates before the next convention.\n"
    )
    got = ExtractiveBackend().answer(context(question, [("valley_gazette", text, "rules need")])[0])
    assert not got.abstained and "half" in got.text, got.text


CLIP = (
    "Valley Gazette\n\n"
    "Stage actor and comedian Jon Roe wanted to know, so he dubbed himself over footage of Mayor "
    "Dana Quill talking about the harbor on local television.\n\n"
    "The clip spread quickly online on Friday.\n\n"
    "\u201cWhat if the mayor had singing lessons?\u201d the 51-year-old asked in the clip\u2019s caption.\n"
)


def test_an_age_given_by_an_epithet_is_the_named_subjects() -> None:
    items = [
        ("valley_gazette", CLIP, "Stage actor"),
        ("valley_gazette", CLIP, "spread quickly"),
        ("valley_gazette", CLIP, "singing lessons"),
    ]
    question = "How old is Jon Roe, the comedian who dubbed the mayor's talk?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert not got.abstained and "51-year-old" in got.text, got.text
    # the epithet beside another person's name is that person's age, not the subject's
    other = CLIP.replace("the 51-year-old asked", "the 51-year-old Ann Doe asked")
    items = [(d, other, needle) for d, _, needle in items]
    refused = ExtractiveBackend().answer(context(question, items)[0])
    assert refused.abstained, refused.text


COLUMN = (
    "Harbor Ledger\n\n"
    "To win the harbor wards, the mayor will have to keep stressing the ferry bill that young "
    "families embrace, and the dock repairs that older voters want.\n\n"
    "The council meets again in the spring.\n"
)


def _near_context(question: str, author: str, quotes: list[Quote] | None = None) -> Context:
    ev = evidence(
        "harbor_ledger", COLUMN, "ferry bill", author=author, title="Column", outlet="Harbor Ledger"
    )
    return Context(question=question, evidence=[ev], quotes=quotes or [])


def _scored(ctx: Context, share: float) -> Scored:
    ev = ctx.evidence[0]
    sp = next(s for s in ev.sentences if "ferry bill" in ev.at(s.start, s.end))
    return Scored(n=1, span=sp, text=ev.at(sp.start, sp.end), features={}, prob=share * THRESHOLD)


THRESHOLD = 0.3


def test_the_asked_columnists_own_sentence_just_under_the_threshold_answers() -> None:
    """A paraphrased "what did X say" question scores X's own sentence just under the fitted
    threshold: X's column (the byline) makes it X's words, so it answers (falseabst16)."""
    question = "What measure did Vance say the mayor should stress to win young families?"
    ctx = _near_context(question, "Nora Vance")
    tuning = AnswerSettings()
    assert _speaks_near(ctx, question, None, _scored(ctx, 0.9), THRESHOLD, tuning)
    # far under the threshold, the ranker's refusal stands
    assert not _speaks_near(ctx, question, None, _scored(ctx, tuning.near_threshold - 0.1), THRESHOLD, tuning)
    # a specific thing asked (a figure) keeps its own checks
    assert not _speaks_near(ctx, question, "count", _scored(ctx, 0.9), THRESHOLD, tuning)
    # someone else's column is not Vance's words
    other = _near_context(question, "Omar Reyes")
    assert not _speaks_near(other, question, None, _scored(other, 0.9), THRESHOLD, tuning)
    # nor are words the quote ledger gives to another person, in Vance's column
    words = quote("harbor_ledger", COLUMN, "keep stressing the ferry bill", "Omar Reyes")
    ledgered = _near_context(question, "Nora Vance", [words])
    assert not _speaks_near(ledgered, question, None, _scored(ledgered, 0.9), THRESHOLD, tuning)


def test_the_asked_persons_sentence_on_another_topic_does_not_answer() -> None:
    """A topic named after "about" must be in the sentence: X's words on something else are
    no answer to "what did X say about Z", however close to the threshold."""
    asked_topic = "What did Vance say about the stadium tax?"
    ctx = _near_context(asked_topic, "Nora Vance")
    assert not _speaks_near(ctx, asked_topic, None, _scored(ctx, 0.9), THRESHOLD, AnswerSettings())
    on_it = "What did Vance say about the ferry bill?"
    ctx = _near_context(on_it, "Nora Vance")
    assert _speaks_near(ctx, on_it, None, _scored(ctx, 0.9), THRESHOLD, AnswerSettings())


def test_a_later_part_asking_a_named_persons_words_has_a_lower_bar() -> None:
    """One part of a multi-part question ("Harbor news. Which ward ..., and what measure did
    Vance say ...?"): the other part's answer already says the articles are on it, so X's own
    sentence answers X's part down to ``own_marked_floor`` of the threshold, where a question
    of one part keeps ``near_threshold``. The later part's lower-case ask still names X."""
    whole = "Harbor news. Which ward votes first, and what measure did Vance say the mayor should stress?"
    part = "Harbor news. what measure did Vance say the mayor should stress?"
    tuning = AnswerSettings()
    share = (tuning.own_marked_floor + tuning.near_threshold) / 2
    ctx = _near_context(whole, "Nora Vance")
    assert _speaks_near(ctx, part, None, _scored(ctx, share), THRESHOLD, tuning)
    assert not _speaks_near(ctx, part, None, _scored(ctx, tuning.own_marked_floor - 0.1), THRESHOLD, tuning)
    alone = "What measure did Vance say the mayor should stress?"
    single = _near_context(alone, "Nora Vance")
    assert not _speaks_near(single, alone, None, _scored(single, share), THRESHOLD, tuning)


TERMINAL = (
    "Harbor Ledger\n\n"
    "The motorcade reached the harbor early {when}, with two council members and a film crew in tow. "
    "Mayor Dana Quill said the ferry terminal would close for repairs by spring.\n\n"
    "The council meets again in the spring.\n"
)


def test_a_day_asked_is_given_by_the_sentence_before_the_best_one() -> None:
    """The sentence that answers "on what day did Quill say ..." names no day; the one
    before it dates the visit it tells (falseabst16): both are shown, the dated one first,
    instead of "the passages on this do not give the date"."""
    question = "On what day did Quill say the ferry terminal would close for repairs?"
    dated = TERMINAL.format(when="on Monday")
    got = ExtractiveBackend().answer(context(question, [("harbor_ledger", dated, "ferry terminal")])[0])
    assert not got.abstained, got.text
    lines = got.text.splitlines()
    assert "on Monday" in lines[0] and "would close for repairs" in lines[1], got.text
    # the sentence before gives no day: the refusal stands
    undated = TERMINAL.format(when="in the rain")
    refused = ExtractiveBackend().answer(context(question, [("harbor_ledger", undated, "ferry terminal")])[0])
    assert refused.abstained and "do not give the date" in refused.text, refused.text


PRIMARY_WIN = (
    "Valley Gazette\n\n"
    "Dana Quill won the county primary by 12 points on Tuesday after a late surge among rural voters.\n\n"
    "Roe said he would not seek a recount.\n"
)


def test_a_margin_given_in_points_without_the_word() -> None:
    """ "By what margin did X win" is answered by "won ... by 12 points" (falseabst16); a
    poll's margin of error is not a lead's points, and its refusal stands."""
    assert asked.holds_quantity("She won by 12 points.", "margin", "By what margin did she win?")
    assert asked.holds_quantity("It was a 5-point lead.", "margin")
    assert not asked.holds_quantity("She won by 12 points.", "margin", "What was the margin of error?")
    items = [("valley_gazette", PRIMARY_WIN, "county primary")]
    got = ExtractiveBackend().answer(context("By what margin did Quill win the county primary?", items)[0])
    assert not got.abstained and "12 points" in got.text, got.text
    poll = context("What was the margin of error in the county primary poll?", items)[0]
    refused = ExtractiveBackend().answer(poll)
    assert refused.abstained and "do not give the figure" in refused.text, refused.text


def test_a_margin_given_as_the_two_sides_shares() -> None:
    """ "By what margin did the poll find X beating Y" is answered by "would beat Y 46 to 40
    percent": news gives a contest's margin as both sides' shares."""
    question = "By what margin did the poll find Quill beating Roe?"
    for text in (
        "Quill would beat Roe 46 to 40 percent.",
        "Quill leads Roe 52%-38%.",
        "Quill has 49 percent to 45 percent.",
    ):
        assert asked.holds_quantity(text, "margin", question), text
    # a range of ages, or shares with no contest asked (the margin of error), is none
    assert not asked.holds_quantity("Voters aged 18 to 29 backed Quill.", "margin", question)
    assert not asked.holds_quantity(
        "Quill 46 to 40 percent.", "margin", "What was the poll's margin of error?"
    )


def test_a_score_given_as_a_rating_or_a_grade() -> None:
    """ "What score did the league give Quill?" is answered by "a 100% rating on its
    scorecard" ([quantity_names]); a number with neither name is no score."""
    assert asked.holds_quantity("Quill earned a 100% rating on the league's scorecard.", "score")
    assert asked.holds_quantity("The league gave Quill an A grade, 92 of 100.", "score")
    assert not asked.holds_quantity("Quill won 100 votes in the league.", "score")
