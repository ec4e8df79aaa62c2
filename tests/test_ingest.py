"""Ingest against a real Chroma store on disk."""

from pathlib import Path

from assistant.engines.store import Store
from assistant.service import Assistant


def _chunk_ids(index_dir: Path) -> list[str]:
    ids, _, metas = Store(index_dir).all_chunks()
    return ids


def test_index_twice_writes_no_duplicates(tmp_path: Path, corpus_copy: Path) -> None:
    a = Assistant(index_dir=tmp_path / "ix")
    first = a.index([corpus_copy])
    assert len(first.added) == 5 and not first.failures
    before = sorted(_chunk_ids(tmp_path / "ix"))
    second = Assistant(index_dir=tmp_path / "ix").index([corpus_copy])
    assert len(second.unchanged) == 5 and not second.added and second.chunks_written == 0
    assert sorted(_chunk_ids(tmp_path / "ix")) == before
    assert len(before) == len(set(before))


def test_changed_article_replaces_its_chunks(index_copy: Path, corpus_copy: Path) -> None:
    ix = index_copy  # the bundled corpus, indexed once per session
    assert len(Assistant(index_dir=ix).index([corpus_copy]).unchanged) == 5
    target = corpus_copy / "000_7842ed249c49b04c.txt"
    target.write_text("Fresh headline about fisheries\nThe minister said cod stocks recovered.\n")
    report = Assistant(index_dir=ix).index([corpus_copy])
    assert report.updated == ["000_7842ed249c49b04c"] and len(report.unchanged) == 4
    store = Store(ix)
    _, texts, metas = store.all_chunks()
    mine = [t for t, m in zip(texts, metas, strict=True) if m["doc_id"] == "000_7842ed249c49b04c"]
    assert mine == ["Fresh headline about fisheries", "The minister said cod stocks recovered."]
    assert not any("Trump administration" in t for t in mine)
    art = store.articles(["000_7842ed249c49b04c"])["000_7842ed249c49b04c"]
    assert art.meta.title == "Fresh headline about fisheries"


def test_broken_file_is_reported_and_the_rest_indexed(tmp_path: Path, corpus_copy: Path) -> None:
    (corpus_copy / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8 bad utf16")
    (corpus_copy / "zero.txt").write_bytes(b"")
    report = Assistant(index_dir=tmp_path / "ix").index([corpus_copy])
    assert len(report.added) == 5
    assert sorted(Path(f.path).name for f in report.failures) == ["broken.txt", "zero.txt"]


def test_prune_removes_articles_whose_files_are_gone(index_copy: Path, corpus_copy: Path) -> None:
    ix = index_copy
    (corpus_copy / "003_154467ce215703c6.txt").unlink()
    report = Assistant(index_dir=ix).index([corpus_copy], prune=True)
    assert report.removed == ["003_154467ce215703c6"]
    assert Assistant(index_dir=ix).status()["articles"] == 4
    assert all(m["doc_id"] != "003_154467ce215703c6" for m in Store(ix).all_chunks()[2])


def test_uncommitted_chunks_are_invisible_and_cleaned(index_copy: Path, corpus_copy: Path) -> None:
    """A run killed between chunk writes and the commit marker leaves nothing visible."""
    ix = index_copy
    store = Store(ix)
    store.new_generation()  # what a run does first, then withdraws a marker and is killed
    store.uncommit("002_27e68f677fb628f5")
    a = Assistant(index_dir=ix)
    hits = a.search("red flag China trade agreement", k=8)
    assert all(h.doc_id != "002_27e68f677fb628f5" for h in hits)
    report = Assistant(index_dir=ix).index([corpus_copy])
    assert report.updated == [] and report.added == ["002_27e68f677fb628f5"]
    assert a.status()["articles"] == 5


def test_syndicated_copy_is_linked_and_not_double_counted(tmp_path: Path, corpus_copy: Path) -> None:
    src = corpus_copy / "004_f332fd67fe839ed1.txt"
    (corpus_copy / "zz_syndicated.txt").write_text(src.read_text() + "\nThis story was syndicated.\n")
    a = Assistant(index_dir=tmp_path / "ix")
    report = a.index([corpus_copy])
    assert report.duplicates == [("zz_syndicated", "004_f332fd67fe839ed1")]
    assert a.article("zz_syndicated").meta.duplicate_of == "004_f332fd67fe839ed1"
    hits = a.search("Who said Carney is a smart businessperson?", k=8)
    texts = [h.text for h in hits]
    assert len(texts) == len(set(texts))
