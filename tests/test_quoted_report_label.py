"""The label of a sentence of a quoted report: a block another outlet published, quoted
paragraph by paragraph, names its own speakers ("“Roe said the plan ..."), and the label
an answer shows is theirs, not the speaker the ledger carried to the block from the
narration before it. Invented text; the passage and its ledger records are built by hand."""

from __future__ import annotations

from assistant.answer.backends import extractive
from assistant.answer.backends.extractive import Candidate
from assistant.types import Quote
from tests.contexts import lines_passage

TEXT = (
    "The first account came from former agency chief Omar Lindqvist.\n"
    '"The hearing was closed but state Senator Vera Haddad spoke to reporters afterwards.\n'
    "\"Haddad said Lindqvist's account differed from an earlier briefing he gave the panel.\n"
    '"The account was wrong," Haddad said."\n'
    '"Lindqvist told us he had warned the panel in March.\n'
)


def _labels(cue: str | None) -> list[str | None]:
    ev = lines_passage("report", TEXT, 0, ["Omar Lindqvist", "Vera Haddad"])
    # the ledger gives the quoted block to the agency chief named before it, with no cue of
    # its own (or, for the control, with one)
    quotes = [
        Quote(
            speaker="Omar Lindqvist",
            quote=ev.at(sp.start, sp.end),
            doc_id="report",
            start=sp.start,
            end=sp.end,
            cue=cue,
        )
        for sp in ev.sentences[1:]
    ]
    cands = [Candidate(1, sp, ev.at(sp.start, sp.end), 1.0, 1.0) for sp in ev.sentences[1:]]
    return [extractive.sentence_speaker(c, ev, quotes) for c in cands]


def test_a_quoted_reports_sentence_is_labelled_with_its_own_speaker() -> None:
    narration, reported, own, first_person = _labels(None)
    assert reported == "Vera Haddad"  # "Haddad said ...": hers, by the passage's full name
    assert narration == "Omar Lindqvist"  # no clause of its own: the ledger's stays
    assert own == "Omar Lindqvist"  # words outside the marks: not all quoted, the ledger's stays
    assert first_person == "Omar Lindqvist"  # "told us": a speaker's own words going on


def test_a_ledger_record_with_its_own_cue_keeps_its_speaker() -> None:
    assert _labels("said")[1] == "Omar Lindqvist"
