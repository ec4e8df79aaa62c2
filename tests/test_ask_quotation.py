"""A question that paraphrases what a named person said is answered with that person's
quotation whose quoted words hold what the chosen sentences leave out of the ask.

The ranker scores whole sentences, so a sentence naming the person and the topic ("Quill
said she met officials in the capital") outranks the quotation that carries the asked
word ("... is signal that the town stands together"), often an article away and under the
abstention threshold. Unit checks on a context built by hand (invented text, fixed ranker
probabilities, a ledger of invented quotes).
"""

from __future__ import annotations

from assistant.answer.backends.extractive import (
    _quotation_on_the_ask,
    _their_epithet,
    _their_next_words,
    _with_their_quotation,
)
from assistant.answer.ranker import Scored
from assistant.types import Context, Evidence, Quote, Span

VISIT = (
    "Mayor Mara Quill said she held talks with senior officials during a visit to Lisbon.\n"
    "“We had productive meetings,” Quill said.\n"
    "“Part of what I am doing here is to signal that the valley stands together,” she said.\n"
    "“The signal from the valley is clear,” said Tomas Brandt, the council's clerk."
)
PROBS = [0.9, 0.6, 0.1, 0.5]  # the quotation on the ask ranks far down, under the threshold


def _context(question: str) -> tuple[Context, list[Scored]]:
    lines = VISIT.split("\n")
    sents, at = [], 0
    for line in lines:
        sents.append(Span(start=at, end=at + len(line)))
        at += len(line) + 1
    ev = Evidence(doc_id="visit", start=0, end=len(VISIT), text=VISIT, sentences=sents)
    speakers = ["Mara Quill", "Mara Quill", "Mara Quill", "Tomas Brandt"]
    quotes = [
        Quote(speaker=who, quote=line, doc_id="visit", start=sp.start, end=sp.end)
        for who, line, sp in zip(speakers, lines, sents, strict=True)
    ]
    ctx = Context(question=question, evidence=[ev], quotes=quotes, speaker="Mara Quill")
    ranked = [
        Scored(n=1, span=sp, text=line, features={}, prob=p)
        for sp, line, p in zip(sents, lines, PROBS, strict=True)
    ]
    ranked.sort(key=lambda c: -c.prob)
    return ctx, ranked


def test_the_persons_quotation_holding_the_asked_word_joins_whatever_its_rank() -> None:
    q = "What did Mara Quill say her trip was meant to signal?"
    ctx, ranked = _context(q)
    got = _quotation_on_the_ask(ctx, q, None, ranked, [ranked[0]], set())
    assert got is not None
    assert "signal that the valley stands together" in got.text  # hers, not the clerk's "signal"


def test_nothing_joins_when_a_chosen_sentence_already_holds_the_asked_words() -> None:
    q = "What did Mara Quill say about her talks with officials?"
    ctx, ranked = _context(q)
    # "talks" and "officials" are in the first sentence: nothing of the ask is left out
    assert _quotation_on_the_ask(ctx, q, None, ranked, [ranked[0]], set()) is None


def test_no_quotation_for_who_or_for_words_only_a_place_name_shares() -> None:
    q = "Who said Mara Quill's trip was meant to signal unity?"
    ctx, ranked = _context(q)
    assert _quotation_on_the_ask(ctx, q, "person", ranked, [ranked[0]], set()) is None
    q = "What did Mara Quill say about the Valley?"  # a capitalised word is the setting, not the ask
    ctx, ranked = _context(q)
    assert _quotation_on_the_ask(ctx, q, None, ranked, [ranked[1]], set()) is None


def test_with_no_room_the_quotation_takes_the_place_of_another_speakers_words() -> None:
    q = "What did Mara Quill say her trip was meant to signal?"
    ctx, ranked = _context(q)
    said = _quotation_on_the_ask(ctx, q, None, ranked, ranked[:1], set())
    assert said is not None
    chosen = [ranked[0], ranked[1], ranked[2]]  # the mayor's two sentences and the clerk's
    assert [c.text for c in chosen][2].startswith("“The signal from the valley")
    got = _with_their_quotation(ctx, q, chosen, said, 3)
    assert [c.text for c in got] == [ranked[0].text, ranked[1].text, said.text]
    # when every chosen sentence is hers, nothing is pushed out
    own = [ranked[0], ranked[1]]
    assert _with_their_quotation(ctx, q, own, said, 2) == own
    assert _with_their_quotation(ctx, q, own, said, 3) == [*own, said]


PLAN = (
    "Mara Quill wrote to the council about the stadium plan on Monday.\n"
    "“This plan fails every family in the valley and every renter in it,” Quill wrote.\n"
    "Quill has called the plan “a blank cheque” for the owners.\n"
    "Tomas Brandt called it “a fair deal.”"
)


def _plan(question: str, speaker: str | None = "Mara Quill") -> tuple[Context, list[Scored]]:
    lines = PLAN.split("\n")
    sents, at = [], 0
    for line in lines:
        sents.append(Span(start=at, end=at + len(line)))
        at += len(line) + 1
    ev = Evidence(doc_id="plan", start=0, end=len(PLAN), text=PLAN, sentences=sents)
    speakers = ["Mara Quill", "Mara Quill", "Mara Quill", "Tomas Brandt"]
    quotes = [
        Quote(speaker=who, quote=line, doc_id="plan", start=sp.start, end=sp.end)
        for who, line, sp in zip(speakers, lines, sents, strict=True)
    ]
    ctx = Context(question=question, evidence=[ev], quotes=quotes, speaker=speaker)
    probs = [0.9, 0.7, 0.05, 0.5]
    ranked = [
        Scored(n=1, span=sp, text=line, features={}, prob=p)
        for sp, line, p in zip(sents, lines, probs, strict=True)
    ]
    ranked.sort(key=lambda c: -c.prob)
    return ctx, ranked


def test_how_someone_described_a_thing_is_answered_with_their_short_quoted_phrase() -> None:
    q = "How did Mara Quill characterise the stadium plan?"
    ctx, ranked = _plan(q)
    got = _their_epithet(ctx, q, None, ranked, ranked[:2], set())
    assert got is not None and "“a blank cheque”" in got.text  # hers, not Brandt's “a fair deal”
    # a verb that is not a speech verb: the person is the question's name the ledger quotes
    q = "What label did Mara Quill give the stadium plan?"
    ctx, ranked = _plan(q, speaker=None)
    got = _their_epithet(ctx, q, None, ranked, ranked[:1], set())
    assert got is not None and "“a blank cheque”" in got.text
    # with no room it takes the place of Brandt's words, never of hers
    hers = [c for c in ranked if "Quill" in c.text and c is not got]
    brandts = next(c for c in ranked if "Brandt" in c.text)
    assert _with_their_quotation(ctx, q, [*hers, brandts], got, 3) == [*hers, got]
    assert _with_their_quotation(ctx, q, hers, got, 2) == hers


def test_no_epithet_when_one_of_theirs_is_shown_or_the_question_asks_otherwise() -> None:
    q = "How did Mara Quill describe the stadium plan?"
    ctx, ranked = _plan(q)
    shown = [ranked[0], next(c for c in ranked if "blank cheque" in c.text)]
    assert _their_epithet(ctx, q, None, ranked, shown, set()) is None
    for q in (
        "What did Mara Quill say about the stadium plan?",  # not asked for a label
        "Which councillor's meeting on the stadium plan was called off?",  # "called off"; which
    ):
        ctx, ranked = _plan(q)
        assert _their_epithet(ctx, q, None, ranked, ranked[:1], set()) is None


SHOW = (
    "Mara Quill then appeared on the morning show and began by saying she would “never” judge the plan.\n"
    "She then defended her letter, saying, “I stand by every word of it and I would send it again.”\n"
    "“It was a reckless letter from start to finish,” Tomas Brandt said."
)


def _show(question: str, order: tuple[int, int, int] = (0, 1, 2)) -> tuple[Context, list[Scored]]:
    lines = [SHOW.split("\n")[k] for k in order]
    text = "\n".join(lines)
    sents, at = [], 0
    for line in lines:
        sents.append(Span(start=at, end=at + len(line)))
        at += len(line) + 1
    ev = Evidence(doc_id="show", start=0, end=len(text), text=text, sentences=sents)
    ledger = {SHOW.split("\n")[0]: "Mara Quill", SHOW.split("\n")[2]: "Tomas Brandt"}  # "She ..." unread
    quotes = [
        Quote(speaker=ledger[line], quote=line, doc_id="show", start=sp.start, end=sp.end)
        for line, sp in zip(lines, sents, strict=True)
        if line in ledger
    ]
    ctx = Context(question=question, evidence=[ev], quotes=quotes, speaker="Mara Quill")
    ranked = [
        Scored(n=1, span=sp, text=line, features={}, prob=p)
        for sp, line, p in zip(sents, lines, (0.9, 0.2, 0.5), strict=True)
    ]
    ranked.sort(key=lambda c: -c.prob)
    return ctx, ranked


def test_the_persons_words_after_a_sentence_that_quotes_a_word_of_theirs_at_most() -> None:
    q = "Did Mara Quill back away from her letter on the morning show?"
    ctx, ranked = _show(q)
    got = _their_next_words(ctx, q, None, ranked, [ranked[0]], set())
    assert got is not None and got.text.startswith("She then defended her letter")


def test_no_next_words_when_another_speaks_first_or_a_specific_thing_is_asked() -> None:
    q = "Did Mara Quill back away from her letter on the morning show?"
    ctx, ranked = _show(q, order=(0, 2, 1))  # the clerk's words come right after hers
    assert _their_next_words(ctx, q, None, ranked, [ranked[0]], set()) is None
    q = "When did Mara Quill appear on the morning show?"
    ctx, ranked = _show(q)
    assert _their_next_words(ctx, q, "time", ranked, [ranked[0]], set()) is None
