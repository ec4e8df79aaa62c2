"""What a question names must be in the chosen evidence (invented text): the words it
quotes, the asked person's own words. A near miss abstains with a line saying what is
missing; its answerable twin still answers."""

from __future__ import annotations

import pytest

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.types import Quote
from tests.contexts import context

DOC = "millbrook_gazette"


def _answer(question: str, text: str, needle: str, quotes: list[Quote] | None = None) -> tuple[bool, str]:
    ctx, _ = context(question, [(DOC, text, needle)], quotes=quotes)
    got = ExtractiveBackend().answer(ctx)
    return got.abstained, got.text


def test_the_quoted_words_are_read_from_the_question() -> None:
    assert asked.quoted_words('Who said "we will rebuild the old bridge"?') == ["rebuild", "old", "bridge"]
    assert asked.quoted_words('Who called it a "red flag"?') == []  # a short quotation is a phrase


BRIDGE = (
    "Millbrook Gazette\n\n"
    "Mayor Jane Roe said on Monday that the town would repair the old river bridge before "
    "the winter storms, calling the work long overdue.\n"
)
BRIDGE_TWIN = (
    "Millbrook Gazette\n\n"
    "Mayor Jane Roe said on Monday that the school budget would grow by a tenth next year, "
    "calling the increase long overdue.\n"
)


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ('Who said "the school budget would grow by a tenth"?', "do not hold the words quoted"),
    ],
)
def test_the_quoted_words_must_be_in_the_evidence(question: str, missing: str) -> None:
    abstained, text = _answer(question, BRIDGE, "river bridge")
    assert abstained and missing in text, text
    abstained, text = _answer(question, BRIDGE_TWIN, "school budget")
    assert not abstained and "school budget would grow" in text, text


COUNCIL = (
    "Millbrook Gazette\n\n"
    "Mayor Jane Roe opened the council meeting on Monday.\n\n"
    '"The school budget cannot grow while the bridge is falling down," said Tom Baker, the '
    "council treasurer.\n"
)
# the same meeting, where the mayor also speaks (on another matter)
COUNCIL_SPOKE = (
    "Millbrook Gazette\n\n"
    "Mayor Jane Roe opened the council meeting on Monday, saying the harbour would reopen in May.\n\n"
    '"The school budget cannot grow while the bridge is falling down," said Tom Baker, the '
    "council treasurer.\n"
)


def test_another_speakers_words_are_shown_as_theirs() -> None:
    """The ledger gives the sentence to Tom Baker. Asked what Jane Roe said, the answer shows
    his words as his (the text names him) when she speaks in the article; it does not abstain
    for the ledger's reading, which on real news carries a speaker over from an earlier
    sentence ("She has proposed ..."). Where she speaks nowhere in it, the answer would give
    only his words: it abstains (:func:`extractive._speaker_silent`)."""
    words = "The school budget cannot grow while the bridge is falling down,"
    from tests.contexts import quote

    for text, silent in ((COUNCIL_SPOKE, False), (COUNCIL, True)):
        q = [quote(DOC, text, words, "Tom Baker")]
        items = [(DOC, text, "cannot grow"), (DOC, text, "opened the council")]
        ctx = context("What did Jane Roe say about the school budget?", items, q)[0]
        got = ExtractiveBackend().answer(ctx.model_copy(update={"speaker": "Jane Roe"}))
        if silent:
            assert got.abstained and "do not quote Jane Roe" in got.text, got.text
        else:
            assert not got.abstained and "said Tom Baker" in got.text, got.text
            assert "Jane Roe:" not in got.text, got.text
        got = ExtractiveBackend().answer(
            context("What did Tom Baker say about the school budget?", items, q)[0]
        )
        assert not got.abstained and "cannot grow" in got.text, got.text


RALLY = (
    "Millbrook Gazette\n\n"
    "About 5,000 people filled the harbour square for the rally on Sunday, organisers said.\n"
)


def test_a_measurement_given_as_a_bare_figure_answers() -> None:
    """ "How big was the crowd" is given as a head count, not in a unit of size: with no
    sentence holding a unit, a figure answers (the answer used to abstain, saying the
    articles do not give the measurement)."""
    abstained, text = _answer("How big was the crowd at the harbour rally?", RALLY, "5,000 people")
    assert not abstained and "5,000" in text, text
    abstained, text = _answer("How big was the crowd at the harbour rally?", BRIDGE, "river bridge")
    assert abstained, text


TOUR = (
    "Millbrook Gazette\n\n"
    "Old hands say the 14-town circuit, known here as the full Harbour Loop after a former "
    "mayor, pays off in votes.\n"
)


def test_a_people_asked_about_is_not_one_person_the_ledger_must_quote() -> None:
    """ "What do Millbrookers call the circuit?": the plural "do" asks what a people is known
    to call it, answered by any sentence; the ledger quoting no "Millbrookers" does not
    withhold it. A person asked about ("What does Jane Roe call ...?") still needs her words."""
    from assistant.answer.backends.extractive.speakers import _a_people

    q = "What do Millbrookers call the 14-town circuit?"
    assert _a_people(q, "Millbrookers") and not _a_people("What does Jane Roe call it?", "Jane Roe")
    ctx = context(q, [(DOC, TOUR, "known here as")], [])[0]
    got = ExtractiveBackend().answer(ctx.model_copy(update={"unquoted": "Millbrookers"}))
    assert not got.abstained and "full Harbour Loop" in got.text, got.text


GIFTS = (
    "Millbrook Gazette\n\n"
    "Asked whether the gifts came from his father's own pocket, the younger Roe hesitated.\n\n"
    '"Who knows at this point," Tom Roe responded.\n'
)


def test_words_the_question_quotes_single_out_their_speaker() -> None:
    """ "Who replied 'Who knows at this point' when asked about Roe's gifts?": the sentence
    quoting those words answers, though its speaker (Tom Roe) shares the surname the
    question names for another (his father); without the quotation, a speaker the question
    names is not the "who" asked for."""
    from tests.contexts import quote

    q = [quote(DOC, GIFTS, "Who knows at this point,", "Tom Roe")]
    items = [(DOC, GIFTS, "Who knows"), (DOC, GIFTS, "Asked whether")]
    ctx = context("Who replied 'Who knows at this point' when asked about Roe's gifts?", items, q)[0]
    got = ExtractiveBackend().answer(ctx)
    assert not got.abstained and "Tom Roe responded" in got.text, got.text
