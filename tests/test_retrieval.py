from pathlib import Path

from assistant.nlp.questions import question_names, quoted_phrases
from assistant.service import Assistant


def test_question_names_and_phrases() -> None:
    assert question_names("Who said Carney is a smart businessperson?") == ["Carney"]
    assert quoted_phrases('Who used the words "red flag"?') == ["red flag"]


def test_hybrid_search_finds_the_supporting_article(built_index: Path) -> None:
    a = Assistant(index_dir=built_index)
    hits = a.search("Who described the agreement with Beijing as a warning sign?", k=5)
    assert hits[0].doc_id == "002_27e68f677fb628f5"
    for h in hits:
        art = a.article(h.doc_id)
        assert art.text[h.start : h.end] == h.text


def test_lexical_index_is_rebuilt_when_stale(built_index: Path, index_copy: Path) -> None:
    import shutil

    shutil.rmtree(index_copy / "lexical")
    a = Assistant(index_dir=index_copy)
    assert a.search("Golden Dome missile defence", k=3)[0].doc_id == "003_154467ce215703c6"
    assert (index_copy / "lexical" / "chunks.json").exists()
