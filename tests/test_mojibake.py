"""Mojibake repaired as an article is read, and names matched with or without diacritics.

Invented text throughout; the damaged forms are the ones real scraped news carries: UTF-8 read
as Latin-1 ("PeÃ±a"), twice ("Ã\\x83Â±"), and the same after NFKD normalisation ("A" and a
combining tilde for "Ã", "1⁄4" for "¼", a space and a combining macron for "¯")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.engines.lexical import tokenize
from assistant.ingest.loaders import load_file
from assistant.ingest.mojibake import repair
from assistant.nlp import name_key
from assistant.nlp.text import find_verbatim, respelled, unaccented

TILDE_A = "A\u0303"  # "Ã" decomposed


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("Mayor Rosa PeÃ±a said", "Mayor Rosa Peña said"),
        ("the cleric Emre GÃ¼ler", "the cleric Emre Güler"),
        ("Councillor RenÃ©e DubÃ©'s motion", "Councillor Renée Dubé's motion"),
        ("a naÃ¯ve plan", "a naïve plan"),
        ("LÃ¶wen\u00c3\u0083\u00c2\u00a9", "Löwené"),  # twice encoded
        (f"Emre G{TILDE_A}1\u20444ler spoke", "Emre Güler spoke"),  # NFKD: "¼" became "1⁄4"
        (f"a na{TILDE_A} \u0304ve plan", "a naïve plan"),  # NFKD: "¯" a space and a macron
        (f"Jes{TILDE_A}os Ortiz", "Jesús Ortiz"),  # NFKD: "º" became "o"
        ("Minister Ana GarcÃ­a", "Minister Ana García"),
        ("a dÃ©jÃ  vu moment", "a déjà vu moment"),  # "à": "Ã" and a no-break space, now a space
    ],
)
def test_mojibake_words_are_decoded(damaged: str, repaired: str) -> None:
    assert repair(damaged) == repaired


def test_clean_text_is_the_same_string() -> None:
    clean = "Plain words, “curly quotes” and a genuine café in SÃO PAULO. ﬁne — ½"
    assert repair(clean) == clean
    ascii_text = "Nothing to look at here."
    assert repair(ascii_text) is ascii_text


def test_a_word_that_lost_a_byte_stays_as_read() -> None:
    # "real‑world" whose third byte was lost: nothing decodes it, so nothing is guessed
    assert repair("the realÃ¢€world test") == "the realÃ¢€world test"


def test_only_damaged_words_change() -> None:
    text = "Before. “Said PeÃ±a,” she wrote — 50% ½ ﬁnal.\n\nAfter it."
    out = repair(text)
    assert out == "Before. “Said Peña,” she wrote — 50% ½ ﬁnal.\n\nAfter it."


def test_loaders_repair_text_and_json_records(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Council vote\n\nRosa PeÃ±a voted no.\n", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "PeÃ±a votes no", "published": "2026-03-02"}))
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b1", "text": "JosÃ© Ortiz agreed."}) + "\n")
    a = next(load_file(tmp_path / "a.txt"))
    assert a.text == "Council vote\n\nRosa Peña voted no.\n" and a.meta["title"] == "Peña votes no"
    assert str(a.meta["published"]) == "2026-03-02"
    assert next(load_file(tmp_path / "b.jsonl")).text == "José Ortiz agreed."


def test_words_match_with_or_without_diacritics() -> None:
    assert unaccented("Rosa Peña, Emre Güler") == "Rosa Pena, Emre Guler"
    assert tokenize("Peña's plan") == tokenize("Pena's plan") == ["pena", "plan"]
    assert name_key("José Peña") == name_key("Jose Pena")
    texts = ["Mayor Rosa Peña said the budget was late. Peña voted no."]
    assert respelled("What did Pena say about the budget?", texts) == "What did Peña say about the budget?"
    # written both ways, or in two accented spellings: left as asked
    assert respelled("What did Pena say?", [*texts, "Pena agreed."]) == "What did Pena say?"
    assert respelled("What did Muller say?", ["Müller spoke; Muller", "Möller"]) == "What did Muller say?"
    assert respelled("What did Muller say?", ["Müller spoke.", "Mûller"]) == "What did Muller say?"
    assert respelled("What did Peña say?", ["Mayor Pena said so."]) == "What did Pena say?"
    assert respelled("What did Peña say?", ["Mayor Peña said so."]) == "What did Peña say?"


ARTICLE = (
    "Cleric rejects coup charge\n\n"
    f"Officials in the capital blame the exiled preacher Emre G{TILDE_A}1\u20444ler for the failed coup. "
    f'"I had nothing to do with it and I never will," G{TILDE_A}1\u20444ler told reporters on Sunday '
    "from his farm in Vermont.\n\n"
    "The government has asked for his extradition twice this year.\n"
)


@pytest.fixture(scope="module")
def cleric(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(tmp_path_factory, [("cleric", ARTICLE, "Valley Courier", "2026-08-02")])


def test_a_name_asked_without_diacritics_finds_the_repaired_article(cleric: Any) -> None:
    text = cleric.article("cleric").text
    assert "Emre Güler" in text and "Ã" not in text and TILDE_A not in text
    ans = cleric.ask("What did Guler say about the coup?")
    assert not ans.abstained, ans.answer
    assert "I had nothing to do with it" in ans.answer and "Güler" in ans.answer
    for c in ans.citations:  # verbatim: offsets into the stored (repaired) text
        assert text[c.start : c.end] == c.quote
        assert find_verbatim(c.quote, text) is not None
    where = cleric.ask("Where does Emre Guler live?")
    assert not where.abstained and "Vermont" in where.answer


def test_a_long_word_without_a_pair_is_read_once() -> None:
    # a 300,000-character run (a data URI, a table without spaces) next to a damaged name: the
    # words are found in one pass, so this returns at once (a backtracking pattern would not)
    blob = "x" * 300_000
    assert repair(f"{blob} Rosa PeÃ±a") == f"{blob} Rosa Peña"


def test_a_lead_before_a_single_space_keeps_the_space() -> None:
    # "Ã" then one space then a word: the space may be a real one (a no-break space collapsed),
    # so the words are not joined ("voilàla"); the word is left as read
    assert repair("voilÃ la carte") == "voilÃ la carte"
