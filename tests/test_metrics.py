"""Every EVAL_SPEC section 4 metric on hand-built answers, edge cases included."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.evaluation import metrics as M
from assistant.nlp.text import spec_quotations
from tests.contexts import gold_row as gold

TEXTS = {
    "d1": "Jamil Jivani said the China deal is a “red flag.” Officials met on Oct. 7, 2025.",
    "d2": "Carney said Canada–U.S. talks were “encouraging,” adding he was optimistic.",
}


def answer(text: str, cites: list[tuple[str, str]] = (), abstained: bool = False) -> dict[str, Any]:
    citations = []
    for n, (doc, quote) in enumerate(cites, 1):
        start = TEXTS[doc].find(quote)
        citations.append({"n": n, "doc_id": doc, "quote": quote, "start": start, "end": start + len(quote)})
    return {
        "question": "?",
        "answer": text,
        "abstained": abstained,
        "backend": "test",
        "citations": citations,
    }


def score(g: dict[str, Any], a: dict[str, Any], latency: float | None = None) -> M.QuestionScore:
    return M.score_question(g, a, TEXTS, latency_ms=latency)


UNANSWERABLE = gold(
    id="u",
    answerable=False,
    facts=[],
    speaker=None,
    sources=[],
    kind="unanswerable",
    question="What did Trudeau say?",
)


# ---------------------------------------------------------------- facts


def test_fact_recall_and_all_facts_partial_and_alternatives() -> None:
    g = gold(facts=[["Jivani"], ["red flag", "warning sign"], ["genocidal"]])
    s = score(g, answer("JIVANI called it a warning sign [1].", [("d1", "red flag")]))
    assert s.fact_hits == ["Jivani", "warning sign", None]
    assert M.fact_recall([s]) == pytest.approx(2 / 3)
    assert M.all_facts([s]) == 0.0
    full = score(gold(), answer('Jivani: "red flag" [1]', [("d1", "red flag")]))
    assert M.fact_recall([s, full]) == pytest.approx((2 / 3 + 1) / 2)
    assert M.all_facts([s, full]) == 0.5


def test_facts_match_after_normalisation_curly_quotes_and_dashes() -> None:
    g = gold(facts=[["Canada-U.S. talks"], ["doesn't"]])
    s = score(g, answer("Carney said the Canada\u2013U.S. talks \u2014 he doesn\u2019t mind."))
    assert all(h is not None for h in s.fact_hits)


def test_abstention_on_answerable_matches_nothing_even_if_question_is_echoed() -> None:
    a = answer(
        "The articles do not say enough to answer: Who called the China deal a red flag, Jivani?",
        abstained=True,
    )
    s = score(gold(), a)
    assert s.fact_hits == [None, None]
    assert s.speaker_hit is False
    assert M.false_abstention([s]) == 1.0
    assert M.citation_recall([s]) == 0.0
    assert "abstained on an answerable question" in s.failures


def test_citation_markers_do_not_count_as_answer_text() -> None:
    s = score(gold(facts=[["[1]"]]), answer("Nothing here [1]."))
    assert s.fact_hits == [None]


# ---------------------------------------------------------------- speaker and date


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("Jamil Jivani said so.", True),
        ("Jivani said so.", True),
        ("jivani said so.", True),
        ("Jivanis said so.", False),  # whole words only
        ("Jamil said so.", False),  # first name alone is not enough
        ("Someone said so.", False),
    ],
)
def test_speaker_full_name_or_surname(text: str, hit: bool) -> None:
    assert M.names_speaker("Jamil Jivani", text) is hit


def test_speaker_surname_skips_suffix() -> None:
    assert M.names_speaker("Martin Luther King Jr.", "King wrote it.")


def test_speaker_accuracy_only_over_questions_with_a_speaker() -> None:
    with_speaker = score(gold(), answer("Jivani said it."))
    without = score(gold(speaker=None), answer("Nobody."))
    assert without.speaker_hit is None
    assert M.speaker_accuracy([with_speaker, without]) == 1.0
    assert M.speaker_accuracy([without]) is None


@pytest.mark.parametrize(
    "text",
    [
        "On 2025-10-07.",
        "On Oct. 7, 2025.",
        "On October 7, 2025.",
        "On 7 October 2025.",
        "On Oct 7.",
        "on october 7th",
        "On 10/7/2025.",
        "On the 7th of October.",
    ],
)
def test_date_usual_renderings(text: str) -> None:
    assert M.holds_date(text, "2025-10-07", None)


@pytest.mark.parametrize("text", ["On Oct. 17, 2025.", "On Oct. 7, 2024.", "On 2025-10-08.", "In October."])
def test_date_other_days_or_years_do_not_count(text: str) -> None:
    assert not M.holds_date(text, "2025-10-07", None)


def test_date_text_substring_and_accuracy_denominator() -> None:
    g = gold(date_text="Dec. 14 to Feb. 2", kind="when")
    hit = score(g, answer("Emails dated Dec. 14 to Feb. 2 [1]."))
    miss = score(g, answer("Emails dated in winter."))
    none = score(gold(), answer("Jivani."))
    assert (hit.date_hit, miss.date_hit, none.date_hit) == (True, False, None)
    assert M.date_accuracy([hit, miss, none]) == 0.5
    assert M.date_accuracy([none]) is None


# ---------------------------------------------------------------- citations


def test_citation_precision_pooled_over_distinct_docs() -> None:
    both = score(
        gold(),
        answer("Jivani [1][2][3]", [("d1", "red flag"), ("d2", "optimistic"), ("d1", "Jamil Jivani")]),
    )
    assert both.cited_docs == ["d1", "d2"]
    one = score(gold(), answer("Jivani [1]", [("d1", "red flag")]))
    assert M.citation_precision([both]) == 0.5
    assert M.citation_precision([both, one]) == pytest.approx(2 / 3)
    assert M.citation_recall([both, one]) == 1.0


def test_no_citations_edge_cases() -> None:
    s = score(gold(), answer("Jivani said red flag."))
    assert M.citation_precision([s]) is None  # nothing cited: zero denominator
    assert M.citation_recall([s]) == 0.0
    assert M.quote_faithfulness([s]) is None
    assert "no citation of a source document" in s.failures


def test_citations_of_unanswerable_questions_are_not_counted() -> None:
    u = score(UNANSWERABLE, answer("Trudeau said nothing [1]", [("d2", "optimistic")]))
    assert M.citation_precision([u]) is None
    assert M.citation_recall([u]) is None


# ---------------------------------------------------------------- quotes


def test_quote_faithfulness_curly_and_straight_and_citation_quotes() -> None:
    a = answer(
        'Jivani called it a \u201cred flag\u201d and said "China deal is a" [1].',
        [("d1", "Jamil Jivani said the China deal is a “red flag.”")],
    )
    s = score(gold(), a)
    assert [(q.origin, q.found) for q in s.quote_checks] == [
        ("answer", True),
        ("answer", True),
        ("citation", True),
    ]
    assert s.quote_checks[-1].offsets_ok is True
    assert M.quote_faithfulness([s]) == 1.0


def test_quote_faithfulness_invented_quote_and_wrong_document() -> None:
    a = answer('He said "a total disaster" and "encouraging" [1].', [("d1", "red flag")])
    s = score(gold(), a)
    found = {q.span: q.found for q in s.quote_checks}
    # "encouraging" exists only in d2, which the answer does not cite
    assert found == {"a total disaster": False, "encouraging": False, "red flag": True}
    assert M.quote_faithfulness([s]) == pytest.approx(1 / 3)
    assert any(f.startswith("unfaithful quotes") for f in s.failures)


def test_quote_dashes_and_moved_punctuation_match() -> None:
    # the source has an en dash; the source's "encouraging," ends in a comma
    a = answer('He said "Canada-U.S. talks were" and "encouraging." [1]', [("d2", "optimistic")])
    checks = score(gold(sources=["d2"]), a).quote_checks
    assert [q.span for q in checks] == ["Canada-U.S. talks were", "encouraging", "optimistic"]
    assert all(q.found for q in checks)


def test_quoted_spans_rules() -> None:
    assert spec_quotations('"ok" [1] and “hi there” and "a" and \'single\'') == ["hi there"]
    assert spec_quotations('unbalanced "quote here') == []


def test_quoted_answer_without_citations_is_unfaithful_and_question_echo_skipped() -> None:
    s = score(gold(question='Who said "red flag"?'), answer('Someone said "red flag" and "yes sir"'))
    assert [q.span for q in s.quote_checks] == ["yes sir"]
    assert M.quote_faithfulness([s]) == 0.0


def test_citation_quote_in_unknown_doc_is_unfaithful() -> None:
    a = {
        "answer": "x [1]",
        "abstained": False,
        "citations": [{"n": 1, "doc_id": "missing", "quote": "red flag", "start": 0, "end": 8}],
    }
    s = M.score_question(gold(), a, TEXTS)
    assert s.quote_checks[0].found is False and s.quote_checks[0].offsets_ok is None


def test_citation_offsets_checked() -> None:
    a = {
        "answer": "x [1]",
        "abstained": False,
        "citations": [{"n": 1, "doc_id": "d1", "quote": "red flag", "start": 0, "end": 8}],
    }
    check = M.score_question(gold(), a, TEXTS).quote_checks[0]
    assert check.found is True and check.offsets_ok is False


# ---------------------------------------------------------------- abstention, latency


def test_abstention_metrics() -> None:
    good = score(UNANSWERABLE, answer("The articles do not say.", abstained=True))
    bad = score(UNANSWERABLE, answer("Trudeau said hello."))
    ans = score(gold(), answer("Jivani [1]", [("d1", "red flag")]))
    assert M.abstention_accuracy([good, bad, ans]) == 0.5
    assert M.false_abstention([good, bad, ans]) == 0.0
    assert M.false_abstention([good]) is None
    assert M.fact_recall([good]) is None
    assert good.failures == [] and bad.failures == ["answered an unanswerable question"]


def test_percentiles_linear_interpolation() -> None:
    xs = [float(x) for x in range(1, 101)]
    assert M.percentile(xs, 50) == pytest.approx(50.5)
    assert M.percentile(xs, 95) == pytest.approx(95.05)
    assert M.percentile([7.0], 95) == 7.0
    assert M.percentile([], 50) is None


def test_summarise_has_every_metric_and_latency() -> None:
    rows = [
        score(gold(), answer("Jivani [1]", [("d1", "red flag")]), latency=float(ms)) for ms in (10, 20, 30)
    ]
    out = M.summarise(rows)
    assert set(out) == set(M.METRICS)
    assert out["latency_p50_ms"] == 20.0
    assert out["fact_recall"] == 0.5
