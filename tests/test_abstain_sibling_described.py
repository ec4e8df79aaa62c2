"""A figure asked of one company and given for another by a description (round 50), on
invented text: "The online retailer reported a profit of $1.10 a share" goes on about the
company the sentence before names, so asked of Chevron it gives Amazon's figure; after a
sentence naming Chevron it is Chevron's and answers."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context

MARKETS = (
    "Market Wire\n\n"
    "Amazon said on Thursday that it sold $30 billion in goods in the quarter. The online "
    "retailer reported a profit of $1.10 a share for the quarter, well above forecasts.\n\n"
    "Chevron shares rose 40 cents in afternoon trading.\n"
)


def test_a_described_companys_figure_is_the_company_named_before() -> None:
    items = [("market_wire", MARKETS, "online retailer reported"), ("market_wire", MARKETS, "Chevron shares")]
    question = "How much profit did Chevron report for the quarter?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "speak of Amazon, not Chevron" in got.text, got.text


def test_a_described_companys_figure_after_the_asked_company_answers() -> None:
    own = MARKETS.replace(
        "Amazon said on Thursday that it sold $30 billion in goods",
        "Chevron said on Thursday that it pumped more oil",
    )
    own = own.replace("The online retailer", "The oil company")
    items = [("market_wire", own, "oil company reported")]
    question = "How much profit did Chevron report for the quarter?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert not got.abstained, got.text
    assert "$1.10 a share" in got.text
