"""BM25 through bm25s's own Tokenizer: the same tokens as ``tokenize``, a possessive
finds the bare name, and a saved index reads queries with the vocabulary it was built with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.engines.lexical import FORMAT, LexicalIndex, bm25_tokenizer, tokenize

SENTENCES = [
    "Okonkwo's levies weren't lifted; O’Hara said it’s 5 a.m. in the U.K.",
    "The councillors’ letters, 'quoted' and ‘curly’ words: the mayor’s plan x-ray 3.5% e-mail",
    "rock'n'roll he'd 2031's don’t Velasquez's2 Ms. O'Dowd's 's 'd",
    "the of and",
    "The F.B.I. and the G.O.P. of Washington, D.C., at 5 p.m.; H.W. x.com e.g",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_bm25_tokens_are_tokenize_tokens(text: str) -> None:
    """The answer step's IDF keys (``tokenize``) are the words BM25 indexed."""
    tokens = bm25_tokenizer().tokenize([text], update_vocab=True, return_as="string", show_progress=False)[0]
    assert tokens == (tokenize(text) or [""])  # bm25s stands a token-less text in as ""


def test_the_bm25_tokens_keep_single_characters_digits_and_drop_the_possessive() -> None:
    tokens = bm25_tokenizer().tokenize(
        ["Okonkwo's 5 x-ray O’Hara's"], update_vocab=True, return_as="string", show_progress=False
    )[0]
    assert tokens == ["okonkwo", "5", "x", "ray", "o'hara"]


def test_a_dotted_abbreviation_is_one_word_as_a_question_writes_it() -> None:
    """The New York Times writes "the F.B.I."; a question asks about "the FBI"."""
    assert tokenize("the F.B.I. and the G.O.P. in D.C.") == tokenize("the FBI and the GOP in DC")
    assert tokenize("F.B.I.") == ["fbi"]
    assert tokenize("x.com e.g") == ["x", "com", "eg"]  # single letters only, whole


def _index() -> LexicalIndex:
    texts = [
        "Okonkwo announced new levies on imported steel.",
        "The harbour board met on Tuesday to discuss dredging.",
        "Velasquez praised the levy as overdue.",
        "",
    ]
    metas = [{"doc_id": f"d{i}"} for i in range(len(texts))]
    return LexicalIndex.build([f"c{i}" for i in range(len(texts))], texts, metas, "fp")


def test_a_possessive_or_curly_query_finds_the_bare_name() -> None:
    lex = _index()
    assert [pos for pos, _ in lex.search("What did Okonkwo's government announce?", 3)] == [0]
    assert [pos for pos, _ in lex.search("Velasquez’s view", 3)] == [2]
    # a plural the index never saw maps through the stemmer to the indexed stem
    assert {pos for pos, _ in lex.search("levies", 3)} == {0, 2}
    assert lex.search("the of and", 3) == []  # stopwords only: nothing, not every empty chunk


def test_a_saved_index_reads_queries_with_its_own_vocabulary(tmp_path: Path) -> None:
    lex = _index()
    lex.save(tmp_path / "lexical")
    assert (tmp_path / "lexical" / "bm25" / "vocab.tokenizer.json").exists()
    loaded = LexicalIndex.load(tmp_path / "lexical")
    assert loaded is not None
    for query in ("Okonkwo's levies", "harbour dredging", "Velasquez levy", "unknownword"):
        assert loaded.search(query, 4) == lex.search(query, 4)
    assert loaded.df == lex.df
    assert lex.df["levy"] == 2  # "levies" and "levy": one stem, in two chunks


def test_a_folder_of_the_previous_format_is_rebuilt(tmp_path: Path) -> None:
    lex = _index()
    lex.save(tmp_path / "lexical")
    chunks = tmp_path / "lexical" / "chunks.json"
    data = json.loads(chunks.read_text())
    chunks.write_text(json.dumps(data | {"format": FORMAT - 1}))
    assert LexicalIndex.load(tmp_path / "lexical") is None
