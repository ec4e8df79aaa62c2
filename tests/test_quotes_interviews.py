"""A question-and-answer interview: a paragraph opened by "A:" is the interviewee's answer,
the interviewee the first person the headline or the lead names in full (round 37). Invented
interviews, parsed by spaCy as the index parses them; the whole text goes to the extractor."""

from __future__ import annotations

from assistant.nlp.parse import parse_one
from assistant.quotes import extract_quotes
from assistant.quotes.interviews import interview_answers

INTERVIEW = """Harbour chief Owen Dale on the night ferry.

Owen Dale has run the harbour board for six years. He spoke with the Valley Gazette this week. Questions and answers have been edited for length.

Q: Why end the night ferry now?

A: Because it runs half empty after nine. We cannot keep paying for an empty boat.

QThe workers of the east bank say they have no other way home.

A: We will run a bus instead, and it will stop at every pier.
"""

NOT_ONE = """Ferry service to end in March.

A: The board has moved its vote to Friday.

A: An earlier version gave the wrong date for the vote.

The board votes on the plan next month.
"""


def _answers(text: str) -> dict[str, str | None]:
    return {q.quote[:20]: q.speaker for q in interview_answers("d", text, parse_one(text))}


def test_each_answer_is_the_interviewees() -> None:
    assert _answers(INTERVIEW) == {
        "Because it runs half": "Owen Dale",
        "We will run a bus in": "Owen Dale",
    }
    # the ledger holds them: "What did Owen Dale say about the night ferry?" finds his words
    ledger = extract_quotes("d", INTERVIEW, doc=parse_one(INTERVIEW))
    assert any(q.speaker == "Owen Dale" and q.quote.startswith("Because it runs") for q in ledger)


def test_answer_labels_without_questions_or_a_parse_are_no_interview() -> None:
    assert _answers(NOT_ONE) == {}
    assert interview_answers("d", INTERVIEW, None) == []


def test_an_answer_is_shown_as_the_interviewees_words_without_its_label() -> None:
    from assistant.answer.backends.extractive import ExtractiveBackend
    from tests.contexts import context

    ledger = extract_quotes("gazette", INTERVIEW, doc=parse_one(INTERVIEW))
    question = "What did Owen Dale say about the night ferry running half empty after nine?"
    ctx, _ = context(question, [("gazette", INTERVIEW, "A: Because it runs")], quotes=ledger)
    got = ExtractiveBackend().answer(ctx)
    assert not got.abstained and "Owen Dale: Because it runs half empty" in got.text, got.text
    assert "A:" not in got.text, got.text
