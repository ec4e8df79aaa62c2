"""Multi-part, multi-article questions: split into parts, evidence picked per part.

Invented text only. Splitting is checked on strings; the generated development set
(``evals/realnews/multidoc_auto_tune.jsonl``) is checked to parse as gold and to split into
its two who-said parts.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from assistant.answer.backends.extractive import _part_context
from assistant.evaluation.harness import load_gold
from assistant.nlp.questions import ask_of, asks_when, part_ask, split_question

REPO = Path(__file__).resolve().parents[1]
GENERATED = REPO / "evals" / "realnews" / "multidoc_auto_tune.jsonl"


def test_a_sentence_end_inside_a_quotation_does_not_end_the_statement() -> None:
    q = 'Who said "The ferry is late. The bus is early", and who said "Nobody rides the tram"?'
    assert split_question(q) == [
        'Who said "The ferry is late. The bus is early"?',
        'who said "Nobody rides the tram"?',
    ]


def test_an_and_who_inside_a_quotation_does_not_split_the_question() -> None:
    q = "Who said “We asked the council and who answered? Nobody.” at the harbour meeting?"
    assert split_question(q) == [q]
    curly = "Who said “Fares rise. Routes shrink”, and who said “Buses run on time”?"
    assert split_question(curly) == ["Who said “Fares rise. Routes shrink”?", "who said “Buses run on time”?"]


def test_quote_free_questions_split_as_before() -> None:
    assert split_question("The mayor gave two interviews. What did she say on radio and on TV?") == [
        "The mayor gave two interviews. What did she say on radio?",
        "The mayor gave two interviews. What did she say on TV?",
    ]
    assert split_question("Ruiz and Becker both spoke on fares. What did each say?") == [
        "Ruiz and Becker both spoke on fares. What did Ruiz say?",
        "Ruiz and Becker both spoke on fares. What did Becker say?",
    ]


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_multidoc", REPO / "evals/realnews/build_multidoc.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_builder_pairs_quotes_of_two_articles_and_two_speakers(tmp_path: Path) -> None:
    rows = [
        {
            "id": "x1",
            "question": 'Who said "fares rise"?',
            "answer": "A said it.",
            "facts": [["Ruiz"]],
            "sources": ["d1"],
            "kind": "who_said",
        },
        {
            "id": "x2",
            "question": 'Who said "routes shrink"?',
            "answer": "B said it.",
            "facts": [["Ruiz"]],
            "sources": ["d2"],
            "kind": "who_said",
        },
        {
            "id": "x3",
            "question": 'Who said "tram is slow"?',
            "answer": "C said it.",
            "facts": [["Becker"]],
            "sources": ["d1"],
            "kind": "who_said",
        },
        {
            "id": "x4",
            "question": 'Who said "buses run"?',
            "answer": "D said it.",
            "facts": [["Okafor"]],
            "sources": ["d3"],
            "kind": "who_said",
        },
    ]
    src, out = tmp_path / "src.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    _builder().main(["--src", str(src), "--out", str(out)])
    got = load_gold(out)
    # x1 skips x2 (same speaker) and x3 (same article) and pairs with x4; x2 pairs with x3
    assert [(g.sources, [f[0] for f in g.facts]) for g in got] == [
        (["d1", "d3"], ["Ruiz", "Okafor"]),
        (["d2", "d1"], ["Ruiz", "Becker"]),
    ]
    assert got[0].question == 'Who said "fares rise", and who said "buses run"?'
    assert all(g.kind == "multi_doc" and g.answerable for g in got)


def test_the_generated_set_parses_as_gold_and_splits_in_two() -> None:
    items = load_gold(GENERATED)
    assert len(items) >= 30
    for g in items:
        assert g.kind == "multi_doc" and len(g.facts) == 2 and len(set(g.sources)) == 2
        assert len(split_question(g.question)) == 2


# -- end to end on a real index: each part's own speaker ----------------------------------

FARES = """Transit board votes to raise bus fares

The regional transit board voted on Tuesday to raise the basic bus fare by 25 cents from March.

"Riders deserve honest numbers, and the honest number is that the old fare no longer pays for the buses," board chair Marisol Ruiz said after the vote.

Ruiz said the board would review the fare again next year.
"""

TRAM = """Tram line plan draws fire at neighbourhood meeting

"The tram line is a monument to ourselves that nobody in this neighbourhood will ride," council member Tobias Becker said at a neighbourhood meeting on Wednesday.

The planned tram line would run four kilometres from the station to the stadium.

Construction of the tram line is due to start next year.
"""

GARDEN = """Community garden opens on Elm Street

Volunteers opened a community garden on Elm Street on Saturday with forty raised beds.

"We had more sign-ups than beds within a day," organiser Priya Nair said.
"""


@pytest.fixture(scope="module")
def transit_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [
            ("fares", FARES, "Metro Ledger", "2026-03-03"),
            ("tram", TRAM, "Eastside News", "2026-03-05"),
            ("garden", GARDEN, "Eastside News", "2026-03-07"),
        ],
    )


def test_a_later_part_asking_for_another_persons_words_gets_that_persons_words(transit_index: Any) -> None:
    question = "What did Ruiz say about the bus fare, and what did Becker say about the tram line?"
    ctx, _ = transit_index.build_context(question)
    # the question as a whole is resolved to its first speaker ...
    assert ctx.speaker and "Ruiz" in ctx.speaker
    # ... a later part asks for its own
    part = split_question(question)[1]
    assert _part_context(ctx, part).speaker == "Becker"
    assert _part_context(ctx, split_question(question)[0]) is ctx
    ans = transit_index.ask(question)
    assert not ans.abstained, ans.answer
    assert "honest number" in ans.answer and "monument to ourselves" in ans.answer
    cited = {c.doc_id for c in ans.citations}
    assert cited == {"fares", "tram"}


def test_ask_of_drops_the_statement_before_the_question_but_not_a_quoted_sentence_end() -> None:
    assert ask_of("Ruiz and Becker both spoke. What did Becker say?") == "What did Becker say?"
    assert ask_of('Who said "Fares rise. Routes shrink"?') == 'Who said "Fares rise. Routes shrink"?'


def test_two_people_asked_one_by_one_give_one_part_each() -> None:
    assert split_question("What did Ruiz and Tom Becker each say about fares?") == [
        "What did Ruiz say about fares?",
        "What did Tom Becker say about fares?",
    ]
    assert split_question("How did Ruiz and Becker differ on the fare increase?") == [
        "How did Ruiz differ on the fare increase?",
        "How did Becker differ on the fare increase?",
    ]
    # in a part of a longer question too
    assert split_question("How far did Ruiz and Becker each walk, and who drove the bus?") == [
        "How far did Ruiz walk?",
        "How far did Becker walk?",
        "who drove the bus?",
    ]
    # a joint statement is an answer: the question stays whole
    assert split_question("What did Ruiz and Becker say about fares?") == [
        "What did Ruiz and Becker say about fares?"
    ]
    # "Both" opens the statement; it is not a name
    assert split_question("Both Ruiz and Becker spoke about fares. What did each of them say?") == [
        "Both Ruiz and Becker spoke about fares. What did Ruiz say?",
        "Both Ruiz and Becker spoke about fares. What did Becker say?",
    ]


def test_a_list_of_asks_splits_at_its_commas() -> None:
    assert split_question("Who organised the rally, how many attended, and where was it held?") == [
        "Who organised the rally?",
        "how many attended?",
        "where was it held?",
    ]
    # the last ask left elliptical takes the clause of the ask before it
    assert split_question("How long did the strike last, who ended it, and on what date?") == [
        "How long did the strike last?",
        "who ended it?",
        "On what date ended it?",
    ]
    assert split_question(
        "Which councillors backed the levy, and which of them later changed their vote?"
    ) == [
        "Which councillors backed the levy?",
        "which of them later changed their vote?",
    ]


def test_a_hedged_amount_after_and_opens_a_part() -> None:
    # "roughly", "up to" ([estimate_words]) may stand between "and" (or its preposition) and
    # "how many/much"
    assert split_question(
        "On the race: what was the average donation, and by roughly how much did turnout fall?"
    ) == [
        "On the race: what was the average donation?",
        "On the race: by roughly how much did turnout fall?",
    ]
    assert split_question("How many riders did the line carry, and up to how many may it lose?") == [
        "How many riders did the line carry?",
        "up to how many may it lose?",
    ]


def test_a_comma_before_a_relative_clause_or_an_aside_is_not_a_list_comma() -> None:
    for q in [
        "What did the senator, who resigned in May, say about the bus plan?",
        "What did Ruiz say about the depot, which closed last year?",
        "What did Ruiz call the levy, what she called a tax on riders, before the vote?",
    ]:
        assert split_question(q) == [q], q
    # "when" opens a clause here ("in May, when ..."), not an ask
    assert split_question("What did Ruiz say in May, when the fares rose, and who answered her?") == [
        "What did Ruiz say in May, when the fares rose?",
        "who answered her?",
    ]


def test_an_ask_fronted_by_a_preposition_is_a_part_when_it_has_a_clause_or_ends_the_question() -> None:
    assert split_question("When was the driver charged, and with what offence?") == [
        "When was the driver charged?",
        "With what offence was the driver charged?",
    ]
    assert split_question("How much did the fare rise, and by how much did ridership fall?") == [
        "How much did the fare rise?",
        "by how much did ridership fall?",
    ]
    # the fronted ask may name its thing in several words ("in which Ohio town", "in how many
    # bus depots") before its clause
    assert split_question(
        "Which mayor is Ruiz challenging, and in which Ohio river town did she hold a rally?"
    ) == [
        "Which mayor is Ruiz challenging?",
        "in which Ohio river town did she hold a rally?",
    ]
    assert split_question("Who closed the line, and in how many bus depots were fares cut?") == [
        "Who closed the line?",
        "in how many bus depots were fares cut?",
    ]
    # two asks of one clause stay one question per ask of that clause
    assert split_question("On what day, and on which show, did Ruiz speak?") == [
        "On what day did Ruiz speak?",
        "On which show did Ruiz speak?",
    ]


def test_asks_when_reads_the_time_asks_and_nothing_else() -> None:
    for q in [
        "When did the mayor resign?",
        "On what day was the vote?",
        "How long did the talks last?",
        "Which year did she join?",
        "what time does it open",
    ]:
        assert asks_when(q), q
    for q in ["Who spoke at the rally?", "What did the whenever-ready group say?", "How many voted?"]:
        assert not asks_when(q), q


def test_a_topic_before_a_colon_stands_before_every_part_but_not_in_each_parts_search() -> None:
    q = "On the levy: how much did Ruiz say it would raise, and which council member voted against her?"
    assert split_question(q) == [
        "On the levy: how much did Ruiz say it would raise?",
        "On the levy: which council member voted against her?",
    ]
    # each part's own search: the whole question's search already holds the topic's words
    assert split_question(q, topic=False) == [
        "how much did Ruiz say it would raise?",
        "which council member voted against her?",
    ]
    # the ask of a part is what follows the topic, as it is what follows a statement
    assert part_ask("On the levy: which council member voted against her?") == (
        "which council member voted against her?"
    )
    # a question of one ask keeps its words as written
    assert split_question("On the levy: what did Ruiz say?") == ["On the levy: what did Ruiz say?"]
