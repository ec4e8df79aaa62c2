"""A count asked of a capitalised plural ("How many Iowans ...") given as a count of people
("a quarter-of-a-million people"), on invented text (issue 16, multipart25): news names the
people of a place or a party by their place or party in the question's words and as "people"
or "residents" in the figure, and writes an amount as one hyphenated word ending in its
number word. A count of another thing still does not answer, nor a lower-case counted noun."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context

QUESTION = "How many Ridgelanders did Mayor Quill say her volunteers would have visited by Friday?"


def test_a_hyphenated_amount_is_a_number() -> None:
    assert asked.holds_count("They reached a quarter-of-a-million voters.", "voter")
    assert asked.holds_count("Half-a-dozen aides quit.", "aide")
    assert not asked.holds_count("A well-known aide quit.", "aide")


def test_a_word_of_a_small_group_is_a_count() -> None:
    """ "a trio of governors" counts governors, "a handful of aides" aides (round 40)."""
    assert asked.holds_count("The stumble emboldened a trio of governors.", "governor")
    assert asked.holds_count("Only a handful of aides stayed.", "aide")
    assert not asked.holds_count("The governors formed a trio.", "aide")


def test_a_number_counts_the_first_plural_after_it() -> None:
    """ "two outsider candidates left attendees" counts candidates, not attendees (round 40);
    "hundreds of emails", "workers and retirees" go on to the noun after them."""
    assert not asked.holds_count("The two outsider candidates left attendees amused.", "attendee")
    assert asked.holds_count("Some 40,000 workers and retirees marched.", "retiree")
    assert asked.holds_count("She received hundreds of angry emails.", "email")


def test_a_capitalised_plural_is_counted_as_people() -> None:
    assert asked.counts_named_people(QUESTION)
    assert not asked.counts_named_people("How many volunteers did Quill send?")
    assert asked.holds_people_count("we will have knocked on the doors of 300,000 people")
    assert not asked.holds_people_count("we will have knocked on 300,000 doors")


def test_the_count_of_people_answers_the_count_of_the_named_ones() -> None:
    text = (
        "Ridgeland Courier\n\n"
        '"By the time our drive in Ridgeland ends on Friday, our volunteers will have visited '
        'a quarter-of-a-million people at their homes," Mayor Dana Quill said on Tuesday.\n'
    )
    got = ExtractiveBackend().answer(context(QUESTION, [("courier", text, "By the time")])[0])
    assert not got.abstained and "quarter-of-a-million" in got.text, got.text
    # the same sentence counting homes, not people: no count of the ones asked
    homes = text.replace("a quarter-of-a-million people at their homes", "a quarter-of-a-million homes")
    got = ExtractiveBackend().answer(context(QUESTION, [("courier", homes, "By the time")])[0])
    assert got.abstained, got.text


RALLY = (
    "Valley Gazette\n\n"
    "Mayor Dana Quill spoke on Tuesday, her third stop in 12 days.\n\n"
    "In Ridgeland, Quill's speech prompted cheers across a crowd of about 6,000.\n"
)


def test_people_counted_by_what_they_did_are_a_crowd_not_any_number() -> None:
    """ "How many people cheered Quill?" counts people by their act: "a crowd of about 6,000"
    gives it, "12 days" does not; a participle ("people injured in the storm") leaves the
    counted ones to any figure, as "how many people" alone does."""
    assert asked.counted_noun("About how many people cheered Quill in Ridgeland?") == "people"
    assert asked.counted_noun("How many people injured in the storm were treated?") is None
    assert asked.counted_noun("How many people were hurt?") is None
    assert asked.holds_count("cheers across a crowd of about 6,000 in the square", "crowd")
    assert asked.people_act("How many people protested the ruling?") == "protest"
    assert asked.holds_act_count("About 300 protesters marched.", "protest")
    assert not asked.holds_act_count("The listing drew 1,000 views.", "view")  # views, not viewers
    doc = "valley_gazette"
    items = [(doc, RALLY, "third stop in 12 days"), (doc, RALLY, "crowd of about 6,000")]
    got = ExtractiveBackend().answer(context("About how many people cheered Quill in Ridgeland?", items)[0])
    assert not got.abstained and "6,000" in got.text, got.text
    stop = [(doc, RALLY, "third stop in 12 days")]
    got = ExtractiveBackend().answer(
        context("How many people attended Quill's speech in Ridgeland?", stop)[0]
    )
    assert got.abstained, got.text


STORM = (
    "Valley Gazette\n\n"
    "A storm struck Ridgeland on Tuesday, the third in 12 days, Mayor Dana Quill said.\n\n"
    "Quill said the storm had torn roofs from homes along the river.\n"
)


def test_how_many_people_asks_a_count_of_people_not_any_number() -> None:
    """ "How many people were killed in the storm?" is answered by a number beside a noun that
    counts people, beside the verb or a word made from it, or after "the number of": "the
    third in 12 days" counts days, so the answer abstains."""
    assert asked.people_counted("How many people were killed in the storm?") == ("kill",)
    assert "kill" in (asked.people_counted("How many people did the storm kill?") or ())
    assert asked.people_counted("How many homes did the storm destroy?") is None
    for text in (
        "The storm killed 14 people.",
        "Fourteen were killed.",
        "The storm took 14 lives.",
        "The number of killed in Ridgeland stands at 14.",
    ):
        assert asked.holds_people_figure(text, ("kill",)), text
    # "the number of people <doing> ... to 65 million": a people noun after "the number of"
    grows = "The number of people taking the ferry is projected to swell to 65 million by 2030."
    assert asked.holds_people_figure(grows, ("project",))
    assert not asked.holds_people_figure("The number of ferries sailing is expected to grow to 65.", ("project",))
    for text in ("The storm killed livestock for 12 days.", "It shaped eight years of their lives."):
        assert not asked.holds_people_figure(text, ("kill",)), text
    question = "How many people were killed in the storm in Ridgeland?"
    got = ExtractiveBackend().answer(context(question, [("gazette", STORM, "A storm struck")])[0])
    assert got.abstained, got.text
    counted = STORM.replace("the third in 12 days", "killing 14 people")
    got = ExtractiveBackend().answer(context(question, [("gazette", counted, "A storm struck")])[0])
    assert not got.abstained and "14 people" in got.text, got.text


def test_a_number_counts_the_plural_right_after_it_not_a_later_noun() -> None:
    """Round 37: "hundreds of emails from Ridgelanders" counts emails, "76 minutes, with
    balloons" minutes; "90 members of Young Ridgelanders" still counts the Ridgelanders."""
    assert not asked.holds_count("He received hundreds of emails from Ridgelanders.", "ridgelander")
    assert not asked.holds_count("It lasted 76 minutes, with balloons falling.", "balloon")
    assert asked.holds_count("It was signed by 90 members of Young Ridgelanders.", "ridgelander")
    assert asked.holds_count("He met 300 Ridgelanders at the pier.", "ridgelander")
