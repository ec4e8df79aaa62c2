"""The shared verifier: markers, verbatim quotes, speakers, supporting sentences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.answer.verify import (
    attributions,
    finalize,
    find_quote,
    ledger_speaker_check,
    parse_reply,
    same_person,
)
from assistant.nlp.claims import CANNOT_ANSWER, split_claims
from assistant.nlp.text import (
    find_verbatim,
    normalise,
    spec_pairs_whole,
    spec_quotations,
    split_sentences,
)
from assistant.types import Draft, DraftCitation
from tests.contexts import article, context, quote

DOC = "002_27e68f677fb628f5"
TEXT = article(DOC)


def jivani(question: str = "What did Jivani say about China?"):  # type: ignore[no-untyped-def]
    ledger = [
        quote(DOC, TEXT, "red flag", "Jamil Jivani"),
        quote(DOC, TEXT, "we were calling a genocidal state", "Jamil Jivani"),
    ]
    return context(
        question,
        [(DOC, TEXT, 'described the deal as a "red flag."'), (DOC, TEXT, "genocidal state")],
        quotes=ledger,
    )


def run(text: str, **kw):  # type: ignore[no-untyped-def]
    ctx, texts = jivani()
    return finalize(ctx, Draft(text=text), texts, **kw)


def test_verified_quote_is_kept_and_cited_to_its_sentence() -> None:
    r = run("Jivani described the deal as a “red flag.” [1]")
    assert not r.abstained and r.verification.quotes_checked == 1
    assert r.verification.quotes_failed == 0
    (c,) = r.citations
    assert TEXT[c.start : c.end] == c.quote
    assert c.quote.startswith("Jivani warned") and c.quote.endswith('"red flag."')


def test_invented_quote_drops_its_sentence_only() -> None:
    r = run('Jivani called it a "red flag" [1]. He said "China is our best friend" [1].')
    assert r.verification.quotes_checked == 2 and r.verification.quotes_failed == 1
    assert "best friend" not in r.text and "red flag" in r.text


def test_quote_must_be_in_the_cited_source() -> None:
    other = "001_45f8ca74606231d5"
    ctx, texts = context(
        "q", [(DOC, TEXT, "genocidal state"), (other, article(other), article(other)[200:260])]
    )
    r = finalize(ctx, Draft(text='Jivani mentioned a "genocidal state" [2].'), texts)
    assert r.verification.quotes_failed == 1 and r.abstained


def test_ellipsis_and_normalisation() -> None:
    # Curly quotes, a dash variant and an elided middle still verify.
    assert find_quote("Part of what I’m trying to do ... is signal", TEXT)
    assert find_quote("multi-partisan committee", TEXT)  # the article has a non-breaking hyphen
    assert find_quote("part of what i'm trying to do … we invented this", TEXT) is None


def faithful_as_scored(answer: str) -> bool:
    """Every span EVAL_SPEC's faithfulness metric reads as quoted is whole in the article."""
    return all(find_verbatim(span, TEXT) is not None for span in spec_quotations(answer))


def test_accepted_quotes_are_shown_in_the_sources_characters() -> None:
    # A mark the source does not have is dropped; the source's hyphen replaces the model's.
    r = run('Jivani called the deal a "\'red flag\'" and wants a "multi-partisan committee." [1]')
    assert not r.abstained and r.verification.quotes_failed == 0
    assert '"red flag"' in r.text and '"multi\u2011partisan committee"' in r.text
    assert faithful_as_scored(r.text)
    # Punctuation the source does have inside the marks is kept.
    r = run('Jivani said "we were calling a genocidal state," and more [1].')
    assert '"we were calling a genocidal state,"' in r.text and faithful_as_scored(r.text)


def test_an_elided_quote_is_shown_as_separately_quoted_pieces() -> None:
    r = run("Jivani said “Part of what I’m trying to do ... is signal” [1].")
    assert not r.abstained and "” … “" in r.text
    assert len(spec_quotations(r.text)) == 2 and faithful_as_scored(r.text)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_every_accepted_quote_is_whole_in_its_source(data) -> None:  # type: ignore[no-untyped-def]
    words = data.draw(st.sampled_from(SENTENCES)).split()
    i = data.draw(st.integers(0, max(0, len(words) - 4)))
    piece = " ".join(words[i : i + 4])
    lead, tail = (
        data.draw(st.sampled_from(["", "'", "‘", ","])),
        data.draw(st.sampled_from(["", ".", ",'", "’", "!"])),
    )
    r = run(f'Jivani said "{lead}{piece}{tail}" [1].')
    assert r.abstained or faithful_as_scored(r.text)


def test_unknown_markers_are_stripped_and_counted() -> None:
    r = run('Jivani described the deal as a "red flag" [7]. He spoke of a "genocidal state" [2, 9].')
    assert r.verification.citations_stripped == 2
    assert "[7]" not in r.text and "9]" not in r.text
    # The first claim's quote is found in the sources, so it gets a real marker.
    assert r.text.count("[1]") == 1 and r.text.count("[2]") == 1


def test_uncited_verified_quote_gets_the_source_that_holds_it() -> None:
    r = run('Jivani spoke of "a genocidal state".')
    assert r.text.endswith("[1].") and not r.abstained
    assert "genocidal state" in r.citations[0].quote


def test_speaker_mismatch_from_the_ledger() -> None:
    r = run('Marco Rubio described the deal as a "red flag" [1]. Jivani said "red flag" [1].')
    assert r.verification.speaker_mismatches == 1
    assert "Rubio" not in r.text and "Jivani" in r.text


def test_speaker_after_the_quote_and_surname_only() -> None:
    assert attributions('"We were calling a genocidal state," Jivani said [2].') == [
        ("Jivani", "We were calling a genocidal state,")
    ]
    r = run('"We were calling a genocidal state," Vance said [2].')
    assert r.verification.speaker_mismatches == 1 and r.abstained
    ok = run('"We were calling a genocidal state," Conservative MP Jivani said [2].')
    assert ok.verification.speaker_mismatches == 0 and not ok.abstained


def test_given_speaker_check_is_used() -> None:
    calls: list[tuple[str, str]] = []

    def check(speaker: str, said: str) -> bool:
        calls.append((speaker, said))
        return speaker != "Jamil Jivani"

    r = run('Jamil Jivani said it was a "red flag" [1].', speaker_check=check)
    assert calls == [("Jamil Jivani", "red flag")] and not r.abstained
    r = run('Usha Vance said it was a "red flag" [1].', speaker_check=check)
    assert r.verification.speaker_mismatches == 1 and r.abstained


def test_unattributed_words_are_not_judged() -> None:
    check = ledger_speaker_check([quote(DOC, TEXT, "extensive", None)])
    assert check("Anyone", "extensive") is False
    assert check("Anyone", "words the ledger never saw") is False


MP_POST = (
    "Jane Roe flew to the capital on Monday for a week of meetings.\n"
    "In a post on social media, the Valley MP said she had “productive meetings” with trade officials.\n"
    "In a statement announcing the visit, the Farmers Union called Roe a “champion” of growers.\n"
)


def test_an_attribution_copied_from_the_article_is_the_articles_own() -> None:
    # the ledger names the MP; the sentence, copied whole, calls her "the Valley MP"
    ledger = [quote("mp", MP_POST, "productive meetings", "Jane Roe")]
    ctx, texts = context("What did Roe say?", [("mp", MP_POST, "productive meetings")], quotes=ledger)
    copied = "In a post on social media, the Valley MP said she had “productive meetings” with trade officials. [1]"
    r = finalize(ctx, Draft(text=copied), texts)
    assert not r.abstained and r.verification.speaker_mismatches == 0
    # the same words put in another speaker's mouth are still caught
    r = finalize(
        ctx, Draft(text="Tom Birch said she had “productive meetings” with trade officials [1]."), texts
    )
    assert r.abstained and r.verification.speaker_mismatches == 1
    assert attributions(copied, [MP_POST]) == [] and attributions(copied) == [
        ("Valley MP", "productive meetings")
    ]


def test_a_ledger_speaker_that_is_no_name_is_no_evidence() -> None:
    # the ledger read "statement" as the speaker of "In a statement announcing ..., X called"
    check = ledger_speaker_check([quote("mp", MP_POST, "champion", "statement")])
    assert check("Farmers Union", "champion") is False
    assert ledger_speaker_check([quote("mp", MP_POST, "champion", "Jane Roe")])("Farmers Union", "champion")


def test_same_person() -> None:
    assert same_person("Conservative MP Jivani", ["Jamil Jivani"])
    assert same_person("Mr. Jivani's", ["Jamil Jivani"])
    assert not same_person("Marco Rubio", ["Jamil Jivani"])


def test_citation_points_at_the_supporting_sentence() -> None:
    ctx, texts = jivani()
    ev = ctx.evidence[0]
    second = ev.sentences[1]
    claim = "He said the pact raises economic and strategic concerns about job losses [1]."
    r = finalize(ctx, Draft(text=claim), texts)
    assert (r.citations[0].start, r.citations[0].end) == (second.start, second.end)


def test_two_claims_on_one_source_get_their_own_sentences() -> None:
    r = run(
        'Jivani described the deal as a "red flag" [1]. '
        "He said the pact raises economic and strategic concerns [1]."
    )
    assert [c.n for c in r.citations] == [1, 2]
    assert r.citations[0].start != r.citations[1].start
    assert r.text.endswith("[2].")


def test_shared_sentence_is_cited_once() -> None:
    r = run('Jivani used the words "red flag" [1]. He called the deal a "red flag" [1].')
    assert len(r.citations) == 1 and r.text.count("[1]") == 2


def test_draft_citation_span_is_respected() -> None:
    ctx, texts = jivani()
    span = ctx.evidence[0].sentences[0]
    draft = Draft(
        text="Jivani warned about the China agreement [1].",
        citations=[DraftCitation(n=1, doc_id=DOC, start=span.start, end=span.end)],
    )
    (c,) = finalize(ctx, draft, texts).citations
    assert (c.start, c.end) == (span.start, span.end)


def test_missing_article_falls_back_to_the_passage_offsets() -> None:
    ctx, _ = jivani()
    r = finalize(ctx, Draft(text='Jivani spoke of a "genocidal state" [2].'), {})
    (c,) = r.citations
    assert TEXT[c.start : c.end] == c.quote and "genocidal" in c.quote


def test_nothing_verified_abstains() -> None:
    r = run('Jivani said "tariffs are wonderful" [1].')
    assert r.abstained and r.text.startswith(CANNOT_ANSWER) and r.citations == []
    assert r.verification.quotes_failed == 1


def test_abstained_draft_and_parse_reply() -> None:
    assert parse_reply(f"  {CANNOT_ANSWER} who won.").abstained
    assert parse_reply(f'"{CANNOT_ANSWER.lower()}."').abstained
    assert parse_reply("").abstained
    assert not parse_reply("Jivani spoke [1].").abstained
    ctx, texts = jivani()
    r = finalize(ctx, Draft(text=f"{CANNOT_ANSWER} that.", abstained=True), texts)
    assert r.abstained and r.text == f"{CANNOT_ANSWER} that."


def test_split_claims_keeps_trailing_markers() -> None:
    assert split_claims('He said "x." [1] Then "y" [2]. Done.') == [
        'He said "x." [1]',
        'Then "y" [2].',
        "Done.",
    ]


SENTENCES = [TEXT[s:e] for s, e in split_sentences(TEXT) if len(TEXT[s:e]) > 30]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(SENTENCES), st.data())
def test_any_verbatim_slice_verifies_and_an_altered_one_fails(sentence: str, data) -> None:  # type: ignore[no-untyped-def]
    words = sentence.split()
    i = data.draw(st.integers(0, max(0, len(words) - 3)))
    piece = " ".join(words[i : i + 3])
    assert find_quote(piece, TEXT) is not None
    altered = piece + " zqxj"
    assert normalise(altered) not in normalise(TEXT)
    assert find_quote(altered, TEXT) is None


def test_abbreviations_do_not_split_claims() -> None:
    from assistant.nlp.claims import split_claims

    text = "“We have work,” Canada-U.S. Trade Minister Dominic LeBlanc said. [1] Mr. Ford agreed. [2]"
    assert split_claims(text) == [
        "“We have work,” Canada-U.S. Trade Minister Dominic LeBlanc said. [1]",
        "Mr. Ford agreed. [2]",
    ]


NESTED = (
    "The mayor described the night the pumps failed.\n\n"
    "He said, “We have had no clean water for a month.” Residents queued at the depot "
    "for bottled water, and the council met until midnight.\n"
)


def test_a_claim_that_would_shift_the_metrics_pairing_is_dropped() -> None:
    # The model wraps a source sentence that holds its own quotation in straight marks:
    # each quotation is verbatim, but EVAL_SPEC pairs marks left to right over the whole
    # answer, skips the empty ``”"`` pair, and would read the words *between* the claims
    # as quoted. Such a claim is dropped; the other claim stands, read as the metric reads it.
    ctx, texts = context("What did the mayor say?", [("nested", NESTED, "no clean water")])
    draft = (
        'The mayor recalled: "He said, “We have had no clean water for a month.”" [1] '
        'Residents "queued at the depot for bottled water" [1].'
    )
    r = finalize(ctx, Draft(text=draft), texts)
    assert not r.abstained and "He said" not in r.text and "queued at the depot" in r.text
    assert r.verification.quotes_failed == 1
    assert all(find_verbatim(s, NESTED) is not None for s in spec_quotations(r.text))


def test_spec_pairing_must_consume_every_mark() -> None:
    assert spec_pairs_whole('He said "we act" [1] and “we win.” [2]')
    assert not spec_pairs_whole('She said "He said, “We act.”" [1]')  # the empty ”" pair
    assert not spec_pairs_whole('an unclosed "mark')
    assert spec_pairs_whole('one "pair" per line\nand "another" here')


STRESS = (
    "The mayor described the night the pumps failed.\n\n"
    "He said, “We have had no clean water for a month.” Residents queued at the depot, and "
    '"it is a "crisis" now," one said. The council called it "a failure of planning."\n'
)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_joined_answer_reads_as_its_claims_do(data) -> None:  # type: ignore[no-untyped-def]
    # Any two quoted windows of a paragraph that holds quotations of its own, in straight
    # or curly marks: what the verifier keeps, the metric reads whole in the source.
    para = STRESS.split("\n\n")[1].split()
    claims = []
    for _ in range(2):
        i = data.draw(st.integers(0, len(para) - 3))
        window = " ".join(para[i : i + data.draw(st.integers(3, 10))])
        left, right = data.draw(st.sampled_from([('"', '"'), ("“", "”")]))
        claims.append(f"A resident said {left}{window}{right} [1].")
    ctx, texts = context("What did residents say?", [("stress", STRESS, "no clean water")])
    r = finalize(ctx, Draft(text=" ".join(claims)), texts)
    assert r.abstained or all(find_verbatim(s, STRESS) is not None for s in spec_quotations(r.text))


def test_a_quoted_word_keeps_the_case_of_the_sentence_not_the_headline() -> None:
    text = "Mayor Calls Budget ‘A Mistake’\n\nThe mayor called the budget a “mistake” on Monday."
    ctx, texts = context("What did the mayor call the budget?", [("doc-a", text, "on Monday")])
    r = finalize(ctx, Draft(text="The mayor called the budget a “mistake” on Monday. [1]"), texts)
    assert not r.abstained and "“mistake”" in r.text and "Mistake" not in r.text


def test_a_continuation_stands_only_with_the_line_it_continues() -> None:
    """``Draft.follows``: a speaker's next words are kept only with the sentence that gave them
    to the speaker; without a head that verifies, the answer does not stand on them alone."""
    ctx, texts = jivani()
    bad_head = 'Jivani said "China is our best friend" [1].'  # invented: fails verification
    head = "Jivani described the deal as a “red flag.” [1]"
    goes_on = 'Jivani said "we were calling a genocidal state" [2].'
    r = finalize(ctx, Draft(text=f"{bad_head}\n{goes_on}", follows={1: 0}), texts)
    assert r.abstained and "genocidal" not in r.text, r.text
    r = finalize(ctx, Draft(text=f"{bad_head}\n{goes_on}"), texts)  # not tied: it stands alone
    assert not r.abstained and "genocidal" in r.text, r.text
    r = finalize(ctx, Draft(text=f"{head}\n{goes_on}", follows={1: 0}), texts)
    assert not r.abstained and "red flag" in r.text and "genocidal" in r.text, r.text
