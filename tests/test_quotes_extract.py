"""Extraction of direct quotes and reported speech (invented articles, not the corpus)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.quotes.extract import extract_quotes
from assistant.types import Span

ARTICLE = """Harbour City council approves new transit levy

Mayor Rosalind Okafor said Tuesday that the levy would fund 40 new buses by 2028.
"We cannot keep asking riders to wait in the rain," Okafor told reporters at city hall. "This plan fixes that."
Councillor Tomas Brandt, who voted against the measure, warned that small businesses would bear most of the cost.
"It's a tax on every shop owner in the east end," he said.
The city's finance department described the forecast as "conservative."
Okafor added that the first routes would open in the spring.
According to the transit authority, ridership has fallen 12 per cent since 2023.
Residents have mixed views, a spokeswoman for the Harbour City Chamber of Commerce said.
'We were not consulted,' said Brandt. The mayor disputed that.
\u201cEverybody had a chance to speak,\u201d she said.
"""


def _by_text(quotes, needle):  # type: ignore[no-untyped-def]
    hits = [q for q in quotes if needle in q.quote]
    assert hits, f"no quote contains {needle!r}"
    return hits[0]


def test_offsets_are_verbatim() -> None:
    qs = extract_quotes("d", ARTICLE)
    assert qs
    for q in qs:
        assert ARTICLE[q.start : q.end] == q.quote
        if q.attribution_start is not None:
            assert q.attribution_end is not None and q.attribution_start < q.attribution_end


def test_direct_quotes_and_speakers() -> None:
    qs = extract_quotes("d", ARTICLE)
    q = _by_text(qs, "We cannot keep asking riders")
    assert (q.kind, q.speaker, q.role, q.cue) == ("direct", "Rosalind Okafor", "Mayor", "told")
    assert q.quote.endswith("rain")  # trailing comma inside the marks is not part of the words
    # second half of a split quote keeps the speaker
    assert _by_text(qs, "This plan fixes that").speaker == "Rosalind Okafor"
    # pronoun after a named subject; single marks; inverted "said Brandt"
    assert _by_text(qs, "tax on every shop owner").speaker == "Tomas Brandt"
    assert _by_text(qs, "We were not consulted").speaker == "Tomas Brandt"
    # "she" skips the male councillor and finds the mayor (named by description in between)
    assert _by_text(qs, "Everybody had a chance").speaker == "Rosalind Okafor"


def test_reported_speech() -> None:
    qs = extract_quotes("d", ARTICLE)
    q = _by_text(qs, "the levy would fund 40 new buses")
    assert q.kind == "indirect" and q.speaker == "Rosalind Okafor"
    assert q.quote == "the levy would fund 40 new buses by 2028"
    assert _by_text(qs, "small businesses would bear").speaker == "Tomas Brandt"
    assert _by_text(qs, "first routes would open").speaker == "Rosalind Okafor"
    acc = _by_text(qs, "ridership has fallen")
    assert acc.cue == "according to" and acc.speaker == "transit authority"
    post = _by_text(qs, "Residents have mixed views")
    assert post.speaker == "Harbour City Chamber of Commerce" and post.role == "spokeswoman"


def test_scare_quotes_dropped_but_cued_fragments_kept() -> None:
    text = (
        'The senator unveiled the "Iron Shield" plan on Friday.\n'
        'Opponents called the idea "reckless," Senator Ada Lindqvist said.\n'
    )
    qs = extract_quotes("d", text)
    assert not any(q.quote == "Iron Shield" for q in qs)
    assert any("reckless" in q.quote for q in qs)


def test_nested_quote_attributed_to_inner_speaker() -> None:
    text = (
        "Governor Felix Marchetti met Chancellor Ines Wolter on Monday.\n"
        "\u201cThe chancellor asked me to deliver a message: \u2018We will stand with you,\u2019\u201d "
        "Marchetti said.\n"
    )
    qs = extract_quotes("d", text)
    outer = _by_text(qs, "The chancellor asked me")
    inner = [q for q in qs if q.quote == "We will stand with you"]
    assert outer.speaker == "Felix Marchetti"
    assert inner and inner[0].speaker == "Ines Wolter"


def test_unattributable_quote_is_null() -> None:
    text = 'Rain fell all day in the valley.\n"Nobody expected the river to rise this fast," the sign read at the bridge.\n'
    qs = extract_quotes("d", text)
    q = _by_text(qs, "Nobody expected the river")
    assert q.speaker is None


def test_skip_spans_are_ignored() -> None:
    furniture = 'Related: "Five things you need to know about the budget today"\n'
    text = furniture + '"The budget is balanced at last," Finance Minister Ravi Patel said.\n'
    qs = extract_quotes("d", text, skip=[Span(start=0, end=len(furniture))])
    assert [q.speaker for q in qs] == ["Ravi Patel"]


def test_headline_and_multi_paragraph_quote() -> None:
    text = (
        "Union Leader Says Strike Will Continue Until Wages Rise\n\n"
        "Union leader Marta Esposito addressed workers on Sunday.\n"
        "\u201cWe have waited three years for a fair offer,\u201d Esposito said.\n"
        "\u201cWe will wait no longer, and every member knows it.\u201d\n"
    )
    qs = extract_quotes("d", text)
    assert _by_text(qs, "Strike Will Continue").speaker == "Marta Esposito"
    assert _by_text(qs, "We will wait no longer").speaker == "Marta Esposito"


_ALPHABET = st.sampled_from(
    list("abc XYZ.,;:!?'\"\u201c\u201d\u2018\u2019()\u2014-\n") + ["said", "he ", "Jo Doe ", "told "]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_property_offsets_hold_on_arbitrary_text(text: str) -> None:
    for q in extract_quotes("p", text):
        assert text[q.start : q.end] == q.quote
        assert q.quote.strip() == q.quote and q.quote


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_property_never_crashes_on_any_unicode(text: str) -> None:
    for q in extract_quotes("p", text):
        assert text[q.start : q.end] == q.quote
