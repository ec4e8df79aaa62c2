"""Which article a question is about: two sentences compared on equal passage footing.

The ranker gives every sentence of a passage that passage's similarity, retrieval score and
rank, so a sentence of the first passage can outrank a sentence of another outlet's lower
passage that matches the question better. ``extractive._on_equal_footing`` scores the other
article's sentence with the best sentence's passage features; when it is clearly ahead
(``AnswerSettings.equal_footing_logit``) and its article covers more of the question's terms,
it leads, and the first article's sentence does not join. Hand-built contexts of invented
text, answered by the real backend with the fitted ranker weights.
"""

from __future__ import annotations

from assistant.answer.backends.extractive import PASSAGE_FEATURES, ExtractiveBackend, _article_coverage
from assistant.answer.ranker import FEATURES, rank
from assistant.settings import AnswerSettings, Settings
from assistant.types import Context, Draft, Evidence, Span

QUESTION = "What did Ortiz say the Elm Street bridge repairs would cost?"


def _passage(doc: str, lines: list[str], score: float, start: int = 0) -> Evidence:
    text = " ".join(lines)
    sents, at = [], start
    for line in lines:
        sents.append(Span(start=at, end=at + len(line)))
        at += len(line) + 1
    return Evidence(doc_id=doc, start=start, end=start + len(text), text=text, sentences=sents, score=score)


def _context(following: dict[int, Evidence] | None = None) -> Context:
    # The first passage: another outlet's article on the same mayor, retrieved first and more
    # similar as a passage, whose sentence names her but not the bridge repairs' cost.
    gazette = _passage(
        "gazette",
        [
            "Mayor Lena Ortiz told reporters on Friday that the city would keep the bridge open to cars.",
            "The council meets again next month.",
        ],
        score=9.0,
    )
    # The second passage: the article the question is about, retrieved lower.
    ledger = _passage(
        "ledger",
        [
            "The Elm Street bridge repairs were approved on Monday.",
            "Ortiz said the repairs to the Elm Street bridge would cost $4.2 million and take eight months.",
        ],
        score=3.0,
    )
    sim = {f"gazette:{s.start}": 0.90 for s in gazette.sentences}
    sim |= {f"ledger:{s.start}": 0.80 for s in ledger.sentences}
    return Context(question=QUESTION, evidence=[gazette, ledger], similarity=sim, following=following or {})


def _answer(ctx: Context, **tuning: float) -> Draft:
    draft = ExtractiveBackend(Settings(answer=AnswerSettings(**tuning))).answer(ctx)
    assert not draft.abstained, draft.text
    return draft


def test_the_ranker_puts_the_first_passage_sentence_first() -> None:
    """The situation the rule is for: the ranker's best sentence is the first passage's."""
    ctx = _context()
    cands = rank(ctx)
    assert cands[0].text.startswith("Mayor Lena Ortiz told reporters")
    assert cands[1].text.startswith("Ortiz said the repairs")
    assert set(PASSAGE_FEATURES) <= set(FEATURES)


def test_the_sentence_ahead_on_equal_footing_leads_alone() -> None:
    draft = _answer(_context())
    assert draft.text.startswith("Ortiz said the repairs to the Elm Street bridge would cost $4.2 million")
    # the first passage's sentence scores higher, but another article does not join one that led
    assert {c.doc_id for c in draft.citations} == {"ledger"}, draft.text


def test_control_a_margin_out_of_reach_keeps_the_rankers_order() -> None:
    draft = _answer(_context(), equal_footing_logit=20.0)
    assert draft.text.startswith("Mayor Lena Ortiz told reporters")
    assert draft.citations[0].doc_id == "gazette"


def test_an_article_covering_no_more_of_the_question_does_not_take_the_lead() -> None:
    """The first article's next sentences (not ranked) hold the question's terms too: the
    second article covers no more of them, so the ranker's order stands."""
    gazette_end = _context().evidence[0].end
    after = _passage(
        "gazette", ["Ortiz said the Elm Street bridge repairs would cost more than planned."], 1.0, gazette_end + 1
    )
    ctx = _context(following={1: after})
    coverage = _article_coverage(ctx, QUESTION)
    assert coverage["gazette"] == coverage["ledger"] == 1.0
    assert _answer(ctx).citations[0].doc_id == "gazette"
    assert _article_coverage(_context(), QUESTION)["gazette"] < 1.0


def test_the_margin_is_a_documented_setting() -> None:
    field = AnswerSettings.model_fields["equal_footing_logit"]
    assert field.description and "passage features" in field.description
    assert AnswerSettings().equal_footing_logit > 0
