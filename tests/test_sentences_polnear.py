"""The sentence-boundary benchmark's counts (benchmarks/sentences_polnear.py) on a small
PolNeAR-shaped split written here (the corpus itself is not in the repo)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.quotes_polnear import load_split
from benchmarks.sentences_polnear import _pysbd, _read_cues, count

TEXT = "Mayor Dee Roe said on Monday that the ferry would run. “It will run,” Roe said.\n"
#: an E line before the T lines it names, as PolNeAR files have them
ANN = (
    "E1\tAttribution:T9 Source:T1 Cue:T2 Content:T3\n"
    "T1\tSource 0 13\tMayor Dee Roe\n"
    "T2\tCue 14 18\tsaid\n"
    "T3\tContent 29 54\tthat the ferry would run.\n"
    "E2\tAttribution:T8 Source:T4 Cue:T5 Content:T6\n"
    "T4\tSource 70 73\tRoe\n"
    "T5\tCue 74 78\tsaid\n"
    "T6\tContent 56 68\tIt will run,\n"
)


def test_counts_cuts_inside_gold_spans_and_quotations(tmp_path: Path) -> None:
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "a_annotator1.ann").write_text(ANN, encoding="utf-8")
    arts = load_split("dev", root=tmp_path)
    _read_cues(arts, "dev", root=tmp_path)
    good = count(arts, [_pysbd(arts[0])])
    assert good["sentences"] == 2 and good["boundaries"] == 1
    assert good["sources"] == 2 and good["cues"] == 2
    assert good["cut_source"] == good["cut_source_cue"] == good["cut_content_one"] == good["in_quote"] == 0
    # a splitter that cuts after "Dee" (inside a Source) and after "will" (inside a quotation)
    bad = [[(0, 9), (10, 54), (56, 64), (64, 79)]]
    got = count(arts, [bad])
    assert got["cut_source"] == 1 and got["cut_source_cue"] == 1
    assert got["cut_content_one"] == 1 and got["in_quote"] == 1 and got["in_quote_mid"] == 1
