"""A question asking what a named person said is answered with that person's quoted words.

News often leads with a sentence that announces a person's view ("Quill explained why she
opposes ...") and quotes the words a sentence or a paragraph later, where they rank high but
below the share of the best sentence a further sentence needs. Unit checks on a context built
by hand (invented text, fixed ranker probabilities, a ledger of invented quotes).
"""

from __future__ import annotations

from assistant.answer.backends.extractive import _asked_persons_words
from assistant.answer.ranker import Scored
from assistant.types import Context, Evidence, Quote, Span

ARTICLE = (
    "Looking ahead to the council vote, Mara Quill explained why she opposes the stadium plan.\n"
    "The plan would move the team to the old rail yard by 2029.\n"
    "In contrast, Quill described the plan as “a blank cheque for the owners” and “a bad deal for renters.”\n"
    "“We can do better,” said Tomas Brandt, the team's manager."
)
THRESHOLD = 0.3


def _context(question: str) -> tuple[Context, list[Scored]]:
    lines = ARTICLE.split("\n")
    sents, at = [], 0
    for line in lines:
        sents.append(Span(start=at, end=at + len(line)))
        at += len(line) + 1
    ev = Evidence(doc_id="stadium", start=0, end=len(ARTICLE), text=ARTICLE, sentences=sents)

    def quote(k: int, speaker: str) -> Quote:
        return Quote(
            speaker=speaker, quote=lines[k], doc_id="stadium", start=sents[k].start, end=sents[k].end
        )

    ctx = Context(question=question, evidence=[ev], quotes=[quote(2, "Mara Quill"), quote(3, "Tomas Brandt")])
    probs = [0.95, 0.5, 0.7, 0.6]  # the quotation ranks below 0.8 of the announcement
    ranked = [
        Scored(n=1, span=sp, text=line, features={}, prob=p)
        for sp, line, p in zip(sents, lines, probs, strict=True)
    ]
    ranked.sort(key=lambda c: -c.prob)
    return ctx, ranked


def test_the_asked_persons_quotation_joins_an_answer_that_only_announces_their_view() -> None:
    q = "How did Mara Quill describe the stadium plan?"
    ctx, ranked = _context(q)
    got = _asked_persons_words(ctx, q, None, ranked, [ranked[0]], set(), THRESHOLD)
    assert got is not None
    assert "a blank cheque for the owners" in got.text


def test_nothing_joins_when_the_answer_already_holds_that_quotation() -> None:
    q = "How did Mara Quill describe the stadium plan?"
    ctx, ranked = _context(q)
    assert _asked_persons_words(ctx, q, None, ranked, ranked[:2], set(), THRESHOLD) is None
    # nor when an earlier part of the question showed it
    shown = {(ranked[1].n, ranked[1].span.start)}
    assert _asked_persons_words(ctx, q, None, ranked, [ranked[0]], shown, THRESHOLD) is None


def test_another_persons_quotation_or_one_below_the_threshold_does_not_join() -> None:
    q = "What did Tomas Brandt say about the stadium plan?"
    ctx, ranked = _context(q)
    got = _asked_persons_words(ctx, q, None, ranked, [ranked[0]], set(), THRESHOLD)
    assert got is not None and got.text.startswith("“We can do better,”")  # Brandt's, not Quill's
    # the same sentence under the abstention threshold is no answer
    assert _asked_persons_words(ctx, q, None, ranked, [ranked[0]], set(), 0.65) is None


def test_a_question_asking_who_spoke_gets_no_quotation_added() -> None:
    q = "Who said Mara Quill opposes the stadium plan?"
    ctx, ranked = _context(q)
    assert _asked_persons_words(ctx, q, "person", ranked, [ranked[0]], set(), THRESHOLD) is None


def test_a_question_on_what_the_named_person_did_gets_their_quotation() -> None:
    # "Why did X ...?" does not read as asking for X's words, but the one person it names
    # whom the ledger quotes answers it with their quotation
    q = "Why did Mara Quill vote against the stadium plan?"
    ctx, ranked = _context(q)
    got = _asked_persons_words(ctx, q, None, ranked, [ranked[0]], set(), THRESHOLD)
    assert got is not None
    assert "a blank cheque for the owners" in got.text
    # the surname alone names her too: the last name of one speaker the ledger quotes
    q = "Why did Quill vote against the stadium plan?"
    ctx, ranked = _context(q)
    got = _asked_persons_words(ctx, q, None, ranked, [ranked[0]], set(), THRESHOLD)
    assert got is not None and "a blank cheque for the owners" in got.text
    # the same without a name the ledger quotes: nothing joins
    q = "Why did Lind vote against the stadium plan?"
    ctx, ranked = _context(q)
    assert _asked_persons_words(ctx, q, None, ranked, [ranked[0]], set(), THRESHOLD) is None
    q = "Why did Anna Lind vote against the stadium plan?"
    ctx, ranked = _context(q)
    assert _asked_persons_words(ctx, q, None, ranked, [ranked[0]], set(), THRESHOLD) is None


def test_a_question_asking_which_when_or_a_thing_gets_no_quotation_of_a_person_it_names() -> None:
    for q in (
        "Which rail yard did Mara Quill want the team kept out of?",
        "When did Mara Quill vote against the stadium plan?",
    ):
        ctx, ranked = _context(q)
        assert _asked_persons_words(ctx, q, None, ranked, [ranked[0]], set(), THRESHOLD) is None
    q = "How many seats did Mara Quill count against the stadium plan?"
    ctx, ranked = _context(q)
    assert _asked_persons_words(ctx, q, "number", ranked, [ranked[0]], set(), THRESHOLD) is None


def test_a_question_naming_two_quoted_people_gets_neither_ones_quotation() -> None:
    q = "Why did Mara Quill and Tomas Brandt disagree over the stadium plan?"
    ctx, ranked = _context(q)
    assert _asked_persons_words(ctx, q, None, ranked, [ranked[0]], set(), THRESHOLD) is None


def test_a_two_word_quotation_of_the_asked_person_joins() -> None:
    """ "How did X dismiss ...?" is answered by X's words, often two of them ("calling it a
    “paperwork error”"): a quotation of two words is theirs too (a one-word one is a scare
    quote or a title)."""
    text = (
        "Entering the debate, Quill faced criticism for unreported loans.\n"
        "Quill belittled the loans, calling them a “paperwork error” in a radio interview."
    )
    lines = text.split("\n")
    sents = [Span(start=0, end=len(lines[0])), Span(start=len(lines[0]) + 1, end=len(text))]
    ev = Evidence(doc_id="loans", start=0, end=len(text), text=text, sentences=sents)
    said = Quote(speaker="Mara Quill", quote=lines[1], doc_id="loans", start=sents[1].start, end=sents[1].end)
    q = "How did Mara Quill dismiss the issue of the loans?"
    ctx = Context(question=q, evidence=[ev], quotes=[said])
    ranked = [
        Scored(n=1, span=sp, text=ln, features={}, prob=p)
        for sp, ln, p in zip(sents, lines, (0.9, 0.6), strict=True)
    ]
    got = _asked_persons_words(ctx, q, None, ranked, [ranked[0]], set(), THRESHOLD)
    assert got is not None and "paperwork error" in got.text
