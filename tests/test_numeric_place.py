"""A figure the tagger labels a place ("64%-27%" as GPE) names no place (round 34): the
sentence giving the asked share is not read as another place's."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context

POLL = (
    "Harbor Ledger\n\n"
    "Clinton led Sanders more than 2-1 in a Harbor Ledger South Carolina poll Jan. 17-23. "
    "Her 64%-27% advantage over Sanders among likely Democratic primary voters was largely "
    "because of backing from 74% of African-American likely voters, compared with 17% for "
    "Sanders.\n"
)


def test_a_share_beside_a_figure_tagged_as_a_place_is_answered() -> None:
    items = [("harbor_ledger", POLL, "Her 64%-27% advantage")]
    question = "What share of African-American likely voters backed Clinton in the South Carolina poll?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert not got.abstained, got.text
    assert "74%" in got.text, got.text
