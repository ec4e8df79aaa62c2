"""A time yet to come asked, only the past told (round 15, relation15), on invented text:
"when will X and Y hold their next meeting?" is not answered by the sentence telling of the
meeting they held; the same question is answered when the article tells what is planned,
and a future inside the words or view asked for ("what does X think will happen") is no
time asked."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context


def test_a_future_word_in_the_ask_asks_for_a_time_to_come() -> None:
    assert asked.future_asked("On what date will the mayor and the governor hold their next meeting?")
    assert asked.future_asked("When is the ferry inquiry scheduled to report?")
    assert asked.future_asked(
        "The mayor met the governor. When is their next meeting?"
    )  # the ask, not the statement


def test_a_future_inside_the_words_or_view_asked_is_no_time_asked() -> None:
    assert not asked.future_asked("What does the mayor think will happen to the ferry fares?")
    assert not asked.future_asked("Does the mayor expect the council to approve the plan next year?")
    assert not asked.future_asked("Who said the bridge will close?")
    assert not asked.future_asked("What did the mayor do the next day?")  # a past auxiliary first
    assert not asked.future_asked("On what date did the mayor meet the governor?")
    # a future word in the statement before the ask is not the ask's
    assert not asked.future_asked("The council will vote soon. What did the mayor say about the plan?")


def test_the_noun_will_asks_no_time_to_come() -> None:
    # after a possessive or a determiner "will" is a testament or a wish, not the modal verb
    assert not asked.future_asked("What happened to the ferryman's children in their grandfather's will?")
    assert not asked.future_asked("What did the mayor leave in his will?")
    assert asked.future_asked("What will the mayor's office announce?")
    assert not asked.tells_future("His children were largely cut out of the patriarch's will.")
    assert asked.tells_future("The mayor's office will announce it in June.")
    assert not asked.future_asked("According to the mayor, whose will should the council reflect?")
    assert not asked.tells_future("The council should reflect the will of the harbor towns.")


def test_a_sentence_tells_the_future_by_will_a_plan_or_a_time_ahead() -> None:
    assert asked.tells_future("The two will meet again in June.")
    assert asked.tells_future("They'll meet again in June.")
    assert asked.tells_future("A second meeting is planned for the spring.")
    assert asked.tells_future("The report is expected by the end of the year.")
    assert not asked.tells_future("The two met for an hour a week ago at the harbor office.")
    # a passive infinitive: a thing still to be done
    assert asked.tells_future("The old name is being taken down, to be replaced by ''Harbor Point.''")
    assert not asked.tells_future("The old name came down and was replaced by ''Harbor Point.''")
    assert asked.tells_future("The new name is to be decided by a vote.")
    assert not asked.tells_future("The mayor hoped to be reelected in the spring.")


HARBOR = (
    "Harbor Gazette\n\n"
    "On Monday, May 4, Mayor Dana Quill sat down with Governor Lee Marsh for an hour at the "
    "harbor office, a week after the two clashed over ferry fares.\n\n"
    "Residents waited outside in the rain.\n"
)


def test_extractive_abstains_when_the_meeting_told_is_the_past_one() -> None:
    doc = "harbor_gazette"
    items = [(doc, HARBOR, "Mayor Dana Quill sat down")]
    question = "On what date will Dana Quill and Lee Marsh hold their next meeting?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "not what is yet to come" in got.text


def test_extractive_answers_when_the_article_tells_the_meeting_to_come() -> None:
    doc = "harbor_gazette"
    planned = HARBOR.replace(
        "Residents waited outside in the rain.",
        "Quill and Marsh will meet again on Friday, June 5, at the ferry terminal.",
    )
    items = [(doc, planned, "Quill and Marsh will meet again")]
    question = "On what date will Dana Quill and Lee Marsh hold their next meeting?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert not got.abstained, got.text
    assert "June 5" in got.text, got.text
    # the past meeting asked in the past tense is answered by the sentence the future ask refused
    past = ExtractiveBackend().answer(
        context(
            "Where did Dana Quill sit down with Lee Marsh?", [(doc, HARBOR, "Mayor Dana Quill sat down")]
        )[0]
    )
    assert not past.abstained and "harbor office" in past.text, past.text


def test_the_present_asked_is_not_answered_by_a_plan() -> None:
    assert asked.present_asked("How much does the port board currently spend on the ferries each year?")
    assert not asked.present_asked("How much did the port board spend on the ferries?")
    story = (
        "Harbor Gazette\n\n"
        "Mayor Dana Quill will propose spending $2 million a year on the ferries, according to an aide.\n\n"
        "Residents waited outside in the rain.\n"
    )
    items = [("harbor_gazette", story, "Mayor Dana Quill will propose")]
    question = "How much does the port board currently spend on the ferries each year?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and "not what is now" in got.text, got.text
    told = story.replace("will propose spending", "said the board spends")
    items = [("harbor_gazette", told, "Mayor Dana Quill said")]
    answered = ExtractiveBackend().answer(context(question, items)[0])
    assert not answered.abstained and "$2 million" in answered.text, answered.text
