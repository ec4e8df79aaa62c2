"""Each part of a multi-part question gets the thing it asks for (a figure, a title, a named
one of the kind asked), from the part's candidates or the next sentences of its best one.

Invented text only, a real index on disk. Each question below is answered without the
asked-for thing by the single-question picking alone (the title, the survey's figure are
in other sentences than the best one for the part).
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answer.backends.extractive import _part_asks, _part_holds, _which_terms, backend
from assistant.answer.ranker import Scored
from assistant.types import Span

FERRY = """Harbour authority releases ferry safety film

The harbour authority released a safety film on Monday that features two retired captains, Olga Brandt and Samuel Okafor, talking to young sailors about rough crossings.

The film, released after a year of work, is called Quiet Water after a line from an old sailing song.

Harbour master Lena Vogt said the film would be shown on every ferry from June.
"""

POLL = """Mayor's race tightens in Valley Post survey

According to a Valley Post survey, the two candidates for mayor are in a dead heat.

Mayor Dana Whitfield has 44 percent and challenger Ravi Menon 43 percent among likely voters.

The survey was taken over five days last week.

Menon said the town's budget needs a fresh look.
"""

BUDGET = """Council passes budget

The town council approved a budget of 12 million dollars on Thursday after a long debate.

Council member Ida Sorensen said the budget protects the libraries and the pools.
"""

RACE = """Whitfield holds on in mayor's race

Whitfield leads Menon by about 6 points in the Harbour Gazette average of recent surveys.

The new survey by the Valley Institute showed Whitfield leading Menon among likely voters, 46 percent to 44 percent.

The institute's survey in March found Whitfield with a lead of 48 percent to 41 percent.
"""


@pytest.fixture(scope="module")
def town_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [
            ("ferry", FERRY, "Harbour Gazette", "2026-03-02"),
            ("poll", POLL, "Valley Post", "2026-03-04"),
            ("budget", BUDGET, "Valley Post", "2026-03-06"),
            ("race", RACE, "Harbour Gazette", "2026-03-08"),
        ],
    )


def test_a_which_part_gets_the_sentence_that_names_one_of_the_kind(town_index: Any) -> None:
    ans = town_index.ask(
        "Which safety film features Olga Brandt and Samuel Okafor, and what did Lena Vogt say about "
        "where it would be shown?"
    )
    assert not ans.abstained, ans.answer
    assert "Quiet Water" in ans.answer  # the next sentence names the film
    assert "every ferry" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"ferry"}


def test_a_title_part_gets_the_sentence_that_gives_the_title(town_index: Any) -> None:
    ans = town_index.ask(
        "What is the title of the harbour authority's safety film, and what did Menon say about the budget?"
    )
    assert "Quiet Water" in ans.answer, ans.answer
    assert "fresh look" in ans.answer


def test_a_figure_part_gets_the_next_sentence_of_a_finding_without_figures(town_index: Any) -> None:
    ans = town_index.ask(
        "What share did Whitfield have in the Valley Post survey, and how much was the budget the council "
        "approved?"
    )
    assert "The articles do not say" not in ans.answer, ans.answer
    assert "44 percent" in ans.answer
    assert "12 million dollars" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"poll", "budget"}


def test_a_lead_part_gets_the_sentence_with_its_points(town_index: Any) -> None:
    ans = town_index.ask(
        "How large was Whitfield's lead in the Harbour Gazette average, and what did the Valley Institute "
        "survey show?"
    )
    assert "The articles do not say" not in ans.answer, ans.answer
    assert "6 points" in ans.answer
    assert "46 percent to 44 percent" in ans.answer


def test_a_one_part_question_is_left_to_the_single_question_picking(
    town_index: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = backend._part_thing  # looked up where the backend calls it

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(backend, "_part_thing", spy)
    town_index.ask("What is the title of the harbour authority's safety film?")
    assert calls == []
    town_index.ask("What is the title of the harbour authority's safety film, and what did Menon say?")
    assert len(calls) == 2


def test_what_a_part_asks_for() -> None:
    assert _part_asks("What is the title of the new ad?") == "title"
    assert _part_asks("What is the new ad called?") == "title"
    assert _part_asks("Which ministers travelled with the premier?") == "which"
    assert _part_asks("how many voters does the hamlet have?") == "count"
    assert _part_asks("What did the mayor say about the budget?") is None
    # the kind is the lower-case words after "which"; a capitalised word is a name
    assert _which_terms("Which Valley Post reporter asked first?") == {"reporter"}


def test_a_lead_is_measured_in_points() -> None:
    def sentence(text: str) -> Scored:
        return Scored(1, Span(start=0, end=len(text)), text, {}, kinds={"number"})

    part = "How large was the mayor's lead in the survey average?"
    assert _part_asks(part) == "measure"
    ctx: Any = None  # the figure is read from the sentence's text alone
    assert _part_holds(sentence("The mayor leads by about 6 points in the average."), "measure", part, ctx)
    assert not _part_holds(sentence("The mayor leads comfortably in the average."), "measure", part, ctx)


def test_a_sentence_past_the_passage_edge_is_read_on_its_own_text() -> None:
    """The single-question checks and the part checks read a day or a name of a sentence
    past a passage's edge (``Context.following``) on one passage: the passage joined with
    the sentences after it, where that sentence's entities are."""
    from assistant.answer.backends.extractive import _has_wanted
    from assistant.types import Context, Evidence

    first = "The ferry board met to discuss the new timetable. "
    after = "Captain Olga Brandt will sail the first crossing on Friday."
    day = after.index("Friday") + len(first)
    name = after.index("Olga Brandt") + len(first)
    ev = Evidence(doc_id="f", start=0, end=len(first), text=first, sentences=[Span(start=0, end=len(first))])
    nxt = Evidence(
        doc_id="f",
        start=len(first),
        end=len(first) + len(after),
        text=after,
        sentences=[Span(start=len(first), end=len(first) + len(after))],
        entities=[(day, day + len("Friday"), "DATE"), (name, name + len("Olga Brandt"), "PERSON")],
    )
    ctx = Context(question="On what day will the first crossing sail?", evidence=[ev], following={1: nxt})
    past = Scored(1, Span(start=nxt.start, end=nxt.end), after, {}, kinds={"time", "person"})
    part = "On what day will the first crossing sail?"
    assert _has_wanted(past, "day", part, ctx) and _part_holds(past, "day", part, ctx)
    who = "Who will sail the first crossing?"
    assert _has_wanted(past, "name", who, ctx) and _part_holds(past, "name", who, ctx)
    # the passage itself names neither: the sentence before the edge holds no day
    inside = Scored(1, Span(start=0, end=len(first)), first, {}, kinds=set())
    assert not _has_wanted(inside, "day", part, ctx)
