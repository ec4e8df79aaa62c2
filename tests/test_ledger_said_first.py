"""A quotation introduced by an inverted cue at the head of the sentence ("Said Comey, “…”",
"Added Roe: “…”") is the named person's: the recogniser takes "Said Comey" for one name, and
the ledger used to list a speaker called "Said Comey" beside James Comey (round 36)."""

from __future__ import annotations

from assistant.nlp.parse import parse_one
from assistant.quotes.extract import extract_quotes

TEXT = (
    "Former FBI Director James Comey testified before the Senate on Thursday.\n\n"
    "Said Comey, \u201cI was fired because of the Russia investigation.\u201d\n\n"
    "Added Comey: \u201cI was honestly concerned he might lie.\u201d\n"
)


def test_a_cue_written_before_the_name_is_not_part_of_the_name() -> None:
    quotes = extract_quotes("d1", TEXT, doc=parse_one(TEXT))
    said = {TEXT[q.start : q.end]: q.speaker for q in quotes}
    assert said["I was fired because of the Russia investigation."] == "James Comey", said
    assert said["I was honestly concerned he might lie."] == "James Comey", said
