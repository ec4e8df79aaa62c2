"""An answer shows a sentence once, though two evidence passages of one article hold it.

The extractive answer reads a later part's next sentence past its passage's edge (the
joined passage); when another passage of the same article was the evidence the earlier
part cited for that very sentence, the two carry different evidence numbers. Shown
sentences are therefore compared by article and offsets, not by evidence number.

Invented text only, a real index on disk.
"""

from __future__ import annotations

from typing import Any

import pytest

FEES = """Governor lashes out at rival over fishing pact

Last week Governor Olga Brandt again lashed out online, calling Mayor Samuel Okafor "a deckhand" and threatening new fees on the town's boats.

Brandt warned of a 40 percent fee on every boat if the town signs the fishing pact with the northern islands, officials said.

Okafor said the town would not be rushed into anything.
"""


@pytest.fixture(scope="module")
def fees_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(tmp_path_factory, [("fees", FEES, "Valley Post", "2026-03-04")])


def test_a_sentence_is_shown_once_though_two_passages_hold_it(fees_index: Any) -> None:
    # the later part's best is the sentence the earlier part showed first, so its article's
    # next sentence is added, read past that passage's edge: the sentence the earlier part
    # showed from the next passage
    ans = fees_index.ask(
        "What did Olga Brandt threaten over the fishing pact, and what did she call Okafor online?"
    )
    assert not ans.abstained, ans.answer
    assert "deckhand" in ans.answer
    assert ans.answer.count("40 percent fee") == 1, ans.answer
