"""The label of a sentence two ledger records overlap: a report's record that ran on past its
own sentence's end, and the sentence's own quotation. The label is the speaker of the record
that begins in the sentence, not of the one carried into it from the sentence before.
Invented text; the passage and its ledger records are built by hand."""

from __future__ import annotations

from assistant.answer.backends import extractive
from assistant.answer.backends.extractive import Candidate
from assistant.types import Quote
from tests.contexts import lines_passage

TEXT = (
    "Board chairman Owen Dale named Ines Volk to lead the ferry review two days after taking office.\n"
    "''We want a timetable riders can trust,'' Ms. Volk recalled the chairman telling her.\n"
    "The review will report in March.\n"
)


def _record(ev_text: str, start: int, end: int, speaker: str, kind: str = "direct") -> Quote:
    return Quote(speaker=speaker, quote=ev_text[start:end], doc_id="d", start=start, end=end, kind=kind)


def _label(spill: bool, own: bool) -> str | None:
    ev = lines_passage("d", TEXT, 0, ["Ines Volk", "Owen Dale"])
    first, second = ev.sentences[0], ev.sentences[1]
    text = ev.at(0, len(TEXT))
    quotes = []
    if spill:  # the chairman's report, read on into the next sentence
        quotes.append(_record(text, first.start + 10, second.start + 40, "Owen Dale", "indirect"))
    if own:  # the quotation that opens the second sentence, Ms. Volk's
        quotes.append(_record(text, second.start + 2, second.start + 39, "Ines Volk"))
    c = Candidate(1, second, ev.at(second.start, second.end), 1.0, 1.0)
    return extractive.sentence_speaker(c, ev, quotes)


def test_the_record_that_begins_in_the_sentence_gives_its_label() -> None:
    assert _label(spill=True, own=True) == "Ines Volk"


def test_a_record_carried_in_from_before_labels_a_sentence_with_none_of_its_own() -> None:
    assert _label(spill=True, own=False) == "Owen Dale"
    assert _label(spill=False, own=True) == "Ines Volk"
