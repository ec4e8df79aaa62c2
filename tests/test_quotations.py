"""Quotation marks in answers: markers after the closing mark, quoted words verbatim as shown.

The articles here follow two patterns seen in real news (PolNeAR): a quotation the sentence
splitter cuts in two (``"You know what I want to do? I want to wait ..." she said``) and a
quotation that runs on into the next paragraph, which opens with a fresh quotation mark.
"""

from __future__ import annotations

from assistant.answer.backends.extractive import whole_quotation
from assistant.answer.verify import (
    Verified,
    finalize,
    find_quote,
    markers_after_quotes,
    quoted_spans,
)
from assistant.nlp.claims import split_claims
from assistant.nlp.text import quotation_spans, quotes_balanced, split_sentences
from assistant.types import Context, Draft, DraftCitation
from tests.contexts import context, lines_passage

SPLIT = (
    "Harbour council met on Monday to debate the ferry budget.\n"
    'Mayor Lena Ortiz was asked about the ferry. "You know what I want to do about the ferry '
    "budget? I want to wait until the harbour audit is done” before any cut, she said.\n"
    "The council will vote on the ferry budget next month.\n"
)
RUN_ON = (
    "The port authority published its annual review on Friday.\n"
    "“The dredging contract was signed without a tender. Nobody on the board saw the figures "
    "before the vote,” said board member Tomas Reyes. “We are fighting one another over crumbs.\n"
    "“I think there is a better way to pay for the dredging, and the review shows it,” he added.\n"
)


def shown_quotes_hold(answer: Verified, texts: dict[str, str]) -> bool:
    """Every span between quotation marks in the final answer is verbatim in a cited source."""
    cited = [texts[c.doc_id] for c in answer.citations]
    return all(any(find_quote(q, t) for t in cited) for q in quoted_spans(answer.text))


def test_quotation_spans_pair_curly_and_straight_marks() -> None:
    text = 'He said "no [1]" and “it was “bad” news” then “open'
    spans, unclosed, unopened = quotation_spans(text)
    assert [text[a:b] for a, b in spans] == ["no [1]", "it was “bad” news", "bad"]
    assert [text[i] for i in unclosed] == ["“"] and unopened == []
    _, unclosed, unopened = quotation_spans('I want to wait," she said.')
    assert unclosed == [] and len(unopened) == 1
    assert quotes_balanced('"x" and “y”') and not quotes_balanced("a “b")


def test_a_curly_mark_keyed_the_wrong_way_is_read_by_where_it_stands() -> None:
    text = "The fact-checkers rated his remarks “Mostly False.“ Then they moved on."
    spans, unclosed, unopened = quotation_spans(text)
    assert [text[a:b] for a, b in spans] == ["Mostly False."] and not unclosed and not unopened
    text = "”Sorry, Sarah,” the mayor wrote."
    assert [text[a:b] for a, b in quotation_spans(text)[0]] == ["Sorry, Sarah,"]
    # marks that face the way they stand are read as before: nesting, a quotation after a
    # bracket or a dash, a quotation left open, a stray closer
    text = "“He told me “no” twice,” she said (“twice”) —“again”."
    assert [text[a:b] for a, b in quotation_spans(text)[0]] == [
        "He told me “no” twice,",
        "no",
        "twice",
        "again",
    ]
    assert quotation_spans("She said: “We will win.")[1] == [10]
    assert quotation_spans("we will win,” she said.")[2] == [12]
    assert not quotes_balanced("“We will win. “And then")


MIS_KEYED = (
    "The county's fact-checkers studied the sheriff's claim about overtime pay.\n"
    "They found he had used “selective figures” and rated the claim “Mostly False.“\n"
    "The sheriff did not respond.\n"
)


def test_a_source_sentence_with_a_mis_keyed_mark_is_shown_and_verified_as_it_stands() -> None:
    ctx, texts = context("How did they rate the claim?", [("fc", MIS_KEYED, "Mostly False")])
    (ev,) = ctx.evidence
    sent = next(sp for sp in ev.sentences if "Mostly" in MIS_KEYED[sp.start : sp.end])
    span, shown = whole_quotation(ev, sent)
    assert shown == MIS_KEYED[span.start : span.end] and shown.endswith("“Mostly False.“")
    r = finalize(ctx, Draft(text=f"{shown} [1]"), texts)
    assert not r.abstained and r.verification.quotes_failed == 0
    assert r.verification.quotes_checked == 2 and shown_quotes_hold(r, texts)


def test_a_marker_inside_a_quotation_fails_as_shown_and_is_moved_after_it() -> None:
    assert quoted_spans('She said "we will win [1]" today') == ["we will win [1]"]
    assert markers_after_quotes('She said "we will win [1]" today') == 'She said "we will win" [1] today'
    moved = markers_after_quotes("“One thing [2]. Another thing [1],” he said.")
    assert moved == "“One thing. Another thing,” [2][1] he said."


def test_a_quotation_spanning_sentences_is_one_claim() -> None:
    claims = split_claims('Ortiz said "We wait. We see." [1] Then she left. [2]')
    assert claims == ['Ortiz said "We wait. We see." [1]', "Then she left. [2]"]


def test_llm_draft_with_marker_inside_a_split_quotation_is_repaired_and_verified() -> None:
    ctx, texts = context("What does Ortiz want to do about the ferry budget?", [("d", SPLIT, "You know")])
    draft = (
        'Ortiz said "You know what I want to do about the ferry budget [1]? I want to wait until '
        'the harbour audit is done" before any cut.'
    )
    got = finalize(ctx, Draft(text=draft), texts)
    assert not got.abstained
    assert got.text.endswith('the harbour audit is done" [1] before any cut.')
    assert got.verification.quotes_checked == 1 and got.verification.quotes_failed == 0
    assert shown_quotes_hold(got, texts)


def test_an_uncited_quote_gets_its_marker_after_the_closing_mark() -> None:
    ctx, texts = context("What does Ortiz want?", [("d", SPLIT, "You know")])
    draft = 'Ortiz said "I want to wait until the harbour audit is done."'
    got = finalize(ctx, Draft(text=draft), texts)
    # shown in the source's characters: its "done” before" has no full stop to keep
    assert got.text == 'Ortiz said "I want to wait until the harbour audit is done" [1]'


def test_a_quotation_never_closed_is_not_shown() -> None:
    ctx, texts = context("What does Ortiz want?", [("d", SPLIT, "You know")])
    draft = 'Ortiz said "I want to wait until the harbour audit is done. [1]'
    got = finalize(ctx, Draft(text=draft), texts)
    assert got.abstained and got.verification.quotes_failed == 1


def test_extractive_shows_a_split_quotation_whole_with_the_marker_after_it() -> None:
    sents = [SPLIT[a:b] for a, b in split_sentences(SPLIT)]
    assert '"You know what I want to do about the ferry budget?' in sents  # the splitter cuts it
    ctx, texts = context("What does Ortiz want to do about the ferry budget?", [("d", SPLIT, "You know")])
    ev = ctx.evidence[0]
    first = next(sp for sp in ev.sentences if SPLIT[sp.start : sp.end].startswith('"You know'))
    span, shown = whole_quotation(ev, first)
    assert shown == SPLIT[span.start : span.end]  # widened to the source's own closing mark
    assert shown.startswith('"You know what I want') and "audit is done” before any cut" in shown
    draft = Draft(
        text=f"{shown} [1]", citations=[DraftCitation(n=1, doc_id="d", start=span.start, end=span.end)]
    )
    got = finalize(ctx, draft, texts)
    assert not got.abstained and quotes_balanced(got.text)
    assert got.verification.quotes_checked == 1 and got.verification.quotes_failed == 0
    assert shown_quotes_hold(got, texts)


def _reyes_shows_whole_quotation(
    ctx: Context, texts: dict[str, str], text: str, opening: str
) -> tuple[str, Verified]:
    """The quotation whose last sentence starts with ``opening``, shown whole in an answer
    ``Reyes said: … [1]`` citing it, and that answer finalised."""
    ev = ctx.evidence[0]
    last = next(sp for sp in ev.sentences if text[sp.start : sp.end].startswith(opening))
    span, shown = whole_quotation(ev, last)
    draft = Draft(
        text=f"Reyes said: {shown} [1]",
        citations=[DraftCitation(n=1, doc_id="d", start=span.start, end=span.end)],
    )
    return shown, finalize(ctx, draft, texts)


def test_extractive_closes_a_quotation_that_runs_into_the_next_paragraph() -> None:
    ctx, texts = context("What did Reyes say about fighting over crumbs?", [("d", RUN_ON, "over crumbs")])
    shown, got = _reyes_shows_whole_quotation(ctx, texts, RUN_ON, "“We are fighting")
    assert shown == "“We are fighting one another over crumbs.”"  # the closing mark added
    assert not got.abstained and "“We are fighting one another over crumbs.” [1]" in got.text
    assert quotes_balanced(got.text) and shown_quotes_hold(got, texts)


def test_a_quotation_over_two_paragraphs_is_shown_as_two_whole_quotations() -> None:
    # News quotes over paragraphs by opening each one and closing only the last; read mark by
    # mark the first paragraph never closes, and its claims used to be dropped unpaired.
    text = (
        "Councillor Ana Pires spoke after the ferry vote.\n"
        "“Nobody asked the islanders about the timetable.\n"
        "“We will take the ferry budget to the courts,” Pires said."
    )
    ev = lines_passage("d", text, 0, ["Ana Pires"])
    ctx = Context(question="What did Pires say about the ferry budget?", evidence=[ev], quotes=[])
    span, shown = whole_quotation(ev, ev.sentences[1])
    assert (span.start, span.end) == (ev.sentences[1].start, ev.sentences[2].end)
    assert shown == (
        "“Nobody asked the islanders about the timetable.”\n"
        "“We will take the ferry budget to the courts,” Pires said."
    )
    draft = Draft(
        text=f"Ana Pires: {shown} [1]",
        citations=[DraftCitation(n=1, doc_id="d", start=span.start, end=span.end)],
    )
    got = finalize(ctx, draft, {"d": text})
    assert not got.abstained and got.verification.quotes_failed == 0
    assert "about the timetable.”" in got.text and "to the courts,” Pires said." in got.text
    assert shown_quotes_hold(got, {"d": text})


def test_a_quoted_block_whose_last_paragraph_quotes_a_speaker_is_shown_whole() -> None:
    # An article quoting another outlet's paragraphs opens each with a straight mark and
    # closes only the last; the last paragraph opens with the mark of the words it quotes
    # itself, so its closing straight mark has no opener there (falseabst16).
    text = (
        "As the Valley Post reported:\n"
        '"At the harbour office today, reporters asked Director Ana Pires about the ferry.\n'
        "\u201cI won't discuss it while the audit runs,\u201d Pires said.\"\n"
        "The audit ends in May."
    )
    ev = lines_passage("d", text, 0, ["Ana Pires"])
    ctx = Context(question="Why did Pires say she would not discuss the ferry?", evidence=[ev], quotes=[])
    span, shown = whole_quotation(ev, ev.sentences[1])
    assert (span.start, span.end) == (ev.sentences[1].start, ev.sentences[2].end)
    assert shown == (
        '"At the harbour office today, reporters asked Director Ana Pires about the ferry."\n'
        "\u201cI won't discuss it while the audit runs,\u201d Pires said."
    )
    draft = Draft(
        text=f"{shown} [1]",
        citations=[DraftCitation(n=1, doc_id="d", start=span.start, end=span.end)],
    )
    got = finalize(ctx, draft, {"d": text})
    assert not got.abstained and got.verification.quotes_failed == 0, got.text
    assert "while the audit runs,\u201d Pires said." in got.text
    assert shown_quotes_hold(got, {"d": text})


# -- quotation marks typed as two apostrophes (archive text) ------------------------------------
TYPEWRITER = (
    "The harbour board met on Monday.\n"
    "''The dredging contract was signed without a tender. Nobody saw the figures,'' said board "
    "member Tomas Reyes. ''We are fighting one another over crumbs.\n"
    "``I think there is a better way to pay for the dredging,'' he added.\n"
)


def test_quotation_spans_read_two_apostrophes_and_two_backticks_by_position() -> None:
    text = "He said ''no one can credibly state it,'' and left; ``why,'' she asked."
    spans, unclosed, unopened = quotation_spans(text)
    assert [text[a:b] for a, b in spans] == ["no one can credibly state it,", "why,"]
    assert not unclosed and not unopened
    # an apostrophe, a possessive s' or a contraction is no mark; a pair between words neither
    text = "The workers' ''fair share'' isn't rock''n''roll."
    assert [text[a:b] for a, b in quotation_spans(text)[0]] == ["fair share"]
    # a pair left open or a stray closing pair: offsets of the mark's first character
    assert quotation_spans("She said: ''We will win.")[1] == [10]
    assert quotation_spans("we will win,'' she said.")[2] == [12]
    # mixed with curly marks, and a single quote nested at the end of a closing run
    text = "“A,” then ''B said, 'no,''' and “C”."
    assert [text[a:b] for a, b in quotation_spans(text)[0]] == ["A,", "B said, 'no,'", "C"]


def test_a_typewriter_quotation_spanning_sentences_is_one_claim_and_verifies_as_shown() -> None:
    claims = split_claims("Reyes said ''We wait. We see.'' [1] Then he left. [2]")
    assert claims == ["Reyes said ''We wait. We see.'' [1]", "Then he left. [2]"]
    assert quoted_spans("She said ''we will win [1]'' today") == ["we will win [1]"]
    assert markers_after_quotes("She said ''we will win [1]'' today") == "She said ''we will win'' [1] today"
    ctx, texts = context("What did Reyes say about crumbs?", [("d", TYPEWRITER, "over crumbs")])
    shown, got = _reyes_shows_whole_quotation(ctx, texts, TYPEWRITER, "''We are fighting")
    assert shown == "''We are fighting one another over crumbs.''"  # the closing pair added
    assert not got.abstained and "''We are fighting one another over crumbs.'' [1]" in got.text
    assert got.verification.quotes_checked >= 1 and got.verification.quotes_failed == 0
    assert quotes_balanced(got.text) and shown_quotes_hold(got, texts)
    # words the source does not say, shown between typewriter marks, fail
    bad = finalize(ctx, Draft(text="Reyes said ''we are winning the fight over crumbs'' [1]"), texts)
    assert bad.verification.quotes_failed == 1


def test_the_speaker_check_reads_an_attribution_around_typewriter_marks() -> None:
    from assistant.answer.verify import attributions

    assert attributions("''We will win the vote,'' Jane Roe said. [1]") == [
        ("Jane Roe", "We will win the vote,")
    ]
    assert attributions("Jane Roe said ''we will win the vote'' [1]") == [
        ("Jane Roe", "we will win the vote")
    ]
    # the article's own sentence is its statement, not the answer's reading of it
    src = "''We will win the vote,'' Jane Roe said on Monday."
    assert attributions("''We will win the vote,'' Jane Roe said", [src]) == []
