"""A question about a name no indexed article mentions abstains ("What is the capital of
Australia?" asked of articles that never say it), on a real index of invented articles: the
lexical index knows a name by its head as well (a demonym, an inflection), and a name the
articles lack beside one they have does not abstain on this ground."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant
from tests.conftest import index_plain

HARBOUR = (
    "Norvale Harbour Gazette\n\n"
    "Mayor Ines Kalder said on Tuesday that the harbour wall will be rebuilt before the "
    "winter storms.\n\n"
    "\u201cWe cannot wait for another flood,\u201d Kalder told the council in Norvale.\n\n"
    "The council's capital budget sets aside 4 million crowns for the wall.\n"
)


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    _, index_dir = index_plain(tmp_path_factory, {"norvale_gazette": HARBOUR})
    return Assistant(index_dir=Path(index_dir))


def test_the_lexical_index_knows_a_name_by_its_head(harbour: Assistant) -> None:
    lex = harbour.retriever().lexical()
    assert lex.mentions("kalder") and lex.mentions("norvale")
    assert lex.mentions("norvalian")  # the demonym of a name the articles give
    assert not lex.mentions("portugal")


def test_a_question_whose_only_name_is_never_mentioned_abstains(harbour: Assistant) -> None:
    ans = harbour.ask("What is the capital of Portugal?")
    assert ans.abstained
    assert "Portugal" in ans.answer and "never mention" in ans.answer
    assert not ans.citations


def test_a_known_name_beside_the_unknown_one_is_left_to_the_other_checks(harbour: Assistant) -> None:
    for question in (
        "What did the Norvalian mayor say about the harbour wall?",
        "What did Kalder say about the harbour wall before meeting Portugal's envoy?",
    ):
        ans = harbour.ask(question)
        assert "never mention" not in ans.answer, question
    assert not harbour.ask("What did the Norvalian mayor say about the harbour wall?").abstained


MEMOIR = (
    "A farewell to the night desk\n\n"
    "The editor I was talking to, Nils Ardent, interrupted me to announce that the column was over.\n\n"
    "Inside the parcel was a pullout on the history of the Norvale Gulls. When I saw a picture of my "
    "childhood hero, the catcher Bram Oduya, I laughed for the first time in days.\n\n"
    "I will miss the night desk and the people who kept it running.\n"
)


@pytest.fixture(scope="module")
def memoir(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory, [("memoir", MEMOIR, "Norvale Gazette", "2026-05-02")], {"memoir": "Tove Lindqvist"}
    )


def test_a_byline_mentions_its_writer(memoir: Assistant) -> None:
    # a first-person piece names its writer only in the byline: the question naming her is
    # about the articles, not about a name they never mention
    for question in (
        "Who was Tove Lindqvist's childhood hero in the pullout?",
        "Which editor interrupted Lindqvist to announce that the column was over?",
    ):
        ans = memoir.ask(question)
        assert "mention" not in ans.answer, (question, ans.answer)
    assert "Bram Oduya" in memoir.ask("Who was Tove Lindqvist's childhood hero in the pullout?").answer
