"""The text test of whose words a sentence gives (``asked.attributes_to``): reported speech
beyond the speech-verb lexicon, on invented text."""

from __future__ import annotations

from assistant.answer.asked import attributes_to
from assistant.nlp.text import split_sentences
from assistant.types import Evidence, Span


def _gives(text: str, name: str) -> bool:
    """Does the text test give the passage's last sentence to ``name``?"""
    sents = [Span(start=a, end=b) for a, b in split_sentences(text, 0, len(text))]
    ev = Evidence(doc_id="d", start=0, end=len(text), text=text, sentences=sents)
    return attributes_to(ev, sents[-1], name)


def test_a_stated_stance_is_the_persons_reported_speech() -> None:
    assert _gives("Ann Holt criticized the county's loan plan on Monday.", "Ann Holt")
    assert _gives("Holt, who chairs the mill board, defended her record.", "Ann Holt")
    assert _gives("Ann Holt spoke about the flooding at the town hall.", "Ann Holt")
    assert _gives("Ann Holt took aim at the county board.", "Ann Holt")
    assert _gives("Ann Holt pushed back against the plan.", "Ann Holt")
    # the stance is another's, or the word is a noun or a passive
    assert not _gives("Tom Reyes criticized the plan after meeting Ann Holt.", "Ann Holt")
    assert not _gives("Ann Holt trails by five points in the latest poll.", "Ann Holt")
    assert not _gives("Ann Holt faces questions over the loans.", "Ann Holt")
    assert not _gives("Ann Holt is expected to win the seat.", "Ann Holt")
    assert not _gives("Ann Holt took a seat near the front.", "Ann Holt")


def test_a_headline_or_transcript_speaker_before_a_colon() -> None:
    assert _gives("Holt: The mill will reopen in May.", "Ann Holt")
    assert _gives("EXCLUSIVE – Ann Holt: Do not trust the county's figures.", "Ann Holt")
    assert _gives("HOLT: I think the board waited too long.", "Ann Holt")
    # the name after the colon is what the headline is about, not its speaker
    assert not _gives("Poll: Holt leads the race for the county seat.", "Ann Holt")
    assert not _gives("Reyes: Holt has the figures wrong.", "Ann Holt")


def test_according_to_a_statement_from_the_person() -> None:
    assert _gives("The mill lost money, according to a statement from Ann Holt.", "Ann Holt")
    assert _gives("The mill lost money, according to an interview with Holt.", "Ann Holt")
    assert not _gives("The mill lost money, according to a count of Holt's votes.", "Ann Holt")
    assert not _gives("The mill lost money, according to a statement from Tom Reyes.", "Ann Holt")


def test_an_insertion_runs_past_an_abbreviation_and_stops_at_the_verb() -> None:
    long = "Ann Holt, a former adviser to Gov. Tom Reyes and a longtime friend of the family, said the loans would fail."
    assert _gives(long, "Ann Holt")
    assert _gives("Ann Holt, a veteran D.C. lobbyist, says the loans would fail.", "Ann Holt")
    # the words after the verb are what was said, not another insertion hiding it
    owner = "Ann Holt, who has owned the valley's largest mill for three decades and more, said Mr. Reyes, the treasurer, erred."
    assert _gives(owner, "Ann Holt")
    # a coordinated name is still not the verb's subject
    both = "Ann Holt, a former adviser to Gov. Tom Reyes of the valley county, and Ed Moss said the loans would fail."
    assert not _gives(both, "Ann Holt")


def test_the_agent_of_a_passive_speech_verb() -> None:
    assert _gives("The loan plan was sharply criticized by Ann Holt.", "Ann Holt")
    assert _gives("The mill will close, as reported by the Valley Ledger.", "Valley Ledger")
    # the one who asks gives no view; a passive of no speech verb gives none either
    assert not _gives("The first question of the night was asked by Ann Holt.", "Ann Holt")
    assert not _gives("The loan plan was drawn up by Ann Holt.", "Ann Holt")


def test_the_persons_possessive_before_a_noun_for_something_said() -> None:
    """ "Holt's aside that ..." gives Holt's words ([speech_nouns], round 34)."""
    assert _gives("Then came Ann Holt's aside that the mill workers were ''well paid''.", "Ann Holt")
    assert _gives("Holt's latest tweet called the county plan a ''disaster''.", "Ann Holt")
    # a possessive before a noun for no speech, or another's remark about her
    assert not _gives("Holt's mill closed on Monday after the ''final shift''.", "Ann Holt")
    assert not _gives("Tom Reyes's remark about Holt drew ''jeers''.", "Ann Holt")


def test_a_body_named_by_its_owner_and_head_is_the_body() -> None:
    # "Ruritania's central bank" is the Bank of Ruritania; its finance minister is someone else
    text = "Ruritania's central bank ended its meeting on Friday by announcing it would buy more bonds."
    assert _gives(text, "Bank of Ruritania")
    assert not _gives("Ruritania's finance minister announced more bond buying.", "Bank of Ruritania")
