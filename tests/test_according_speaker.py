"""A question that opens on "According to <name>," asks that person's words when the quote
ledger quotes them (round 32): the context's speaker is theirs, as for "What did <name> say
...". An outlet the ledger does not quote ("According to Politico, ...") is the question's
source: no speaker, and not a speaker the articles fail to quote."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.nlp.questions import according_name
from tests.conftest import index_articles

STORY = (
    "Harbor council weighs bridge repairs\n\n"
    "Council member Joel Benenson said the east bridge had been neglected for years.\n\n"
    '"We listened to the engineers time after time, and they told us it could not wait," '
    "Benenson said on Tuesday.\n\n"
    "Mayor Dana Quill said the repairs would start in May.\n"
)


@pytest.fixture(scope="module")
def harbor(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return index_articles(tmp_path_factory, [("harbor", STORY, "Harbor Ledger", "2026-04-06")])


def test_according_name_reads_a_capitalised_name_only() -> None:
    assert according_name("According to Joel Benenson, whom did the council listen to?") == "Joel Benenson"
    assert according_name("According to the Post, how many came?") is None
    assert according_name("According to Charlotte's police chief, what happened?") is None
    assert according_name("What did Benenson say?") is None


def test_a_named_source_the_ledger_quotes_is_the_asked_speaker(harbor: Any) -> None:
    ctx, _ = harbor.build_context("According to Joel Benenson, whom did the council listen to time after time?")
    assert ctx.speaker == "Joel Benenson"
    ctx, _ = harbor.build_context("According to Politico, when will the repairs start?")
    assert ctx.speaker is None and ctx.unquoted is None
