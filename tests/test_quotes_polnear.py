"""The PolNeAR benchmark's scorer (benchmarks/quotes_polnear.py): gold reading and the
speaker match, on a small BRAT file written here (the corpus itself is not in the repo)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.nlp.parse import parse_one
from benchmarks.quotes_polnear import (
    Pred,
    annotate_heads,
    head_kind,
    load_split,
    score,
    source_kind,
    speaker_matches,
)


def test_speaker_match_keeps_apostrophe_names_and_drops_possessives() -> None:
    assert speaker_matches("D’Souza", Pred(0, 1, "direct", "Dinesh D’Souza"))
    assert speaker_matches("O'Malley", Pred(0, 1, "direct", "Martin O’Malley"))
    assert speaker_matches("Trump’s", Pred(0, 1, "direct", "Donald Trump"))
    assert speaker_matches("Sen. John McCain", Pred(0, 1, "direct", "McCain"))
    assert not speaker_matches("Clinton", Pred(0, 1, "direct", "Bernie Sanders"))
    assert not speaker_matches("Clinton", Pred(0, 1, "direct", None))


def _one_article_split(root: Path, text: str, ann: str) -> None:
    """A PolNeAR-shaped ``dev`` split under ``root``: one article ``a`` and its brat annotation."""
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir()
    (root / "dev" / "text" / "a.txt").write_text(text, encoding="utf-8")
    (root / "dev" / "attributions" / "a_annotator1.ann").write_text(ann, encoding="utf-8")


def test_source_kinds() -> None:
    assert source_kind("Ms. Roe") == "named"
    assert source_kind("he") == "pronoun"
    assert source_kind("a campaign spokesman") == "description"


def test_gold_read_from_brat_and_scored(tmp_path: Path) -> None:
    text = "“We will win,” Roe said. Doe said the plan was weak."
    ann = (
        "T1\tContent 0 14\t“We will win,”\nT2\tSource 15 18\tRoe\nT3\tCue 19 23\tsaid\n"
        "E1\tAttribution:T1 Cue:T3 Source:T2 Content:T1\n"
        "T4\tContent 34 51\tthe plan was weak\nT5\tSource 25 28\tDoe\nT6\tCue 29 33\tsaid\n"
        "E2\tAttribution:T4 Cue:T6 Source:T5 Content:T4\n"
    )
    _one_article_split(tmp_path, text, ann)
    [art] = load_split("dev", tmp_path)
    assert [(g.direct, g.source_text) for g in art.gold] == [(True, "Roe"), (False, "Doe")]
    with pytest.raises(ValueError, match="annotate_heads"):
        score([art], [[]])
    annotate_heads([art], [parse_one(text)])
    preds = [Pred(1, 12, "direct", "Jane Roe"), Pred(34, 51, "indirect", "Paul Doe")]
    res = score([art], [preds])
    assert res["named_attribution"]["precision"] == 1.0 and res["named_attribution"]["recall"] == 1.0
    assert res["reported_named_attribution"]["recall"] == 1.0
    wrong = score([art], [[Pred(1, 12, "direct", "Paul Doe")]])
    assert wrong["named_attribution"]["precision"] == 0.0 and wrong["_misses"][0]["predicted"] == "Paul Doe"


def _kind(text: str, source: str) -> str:
    a = text.index(source)
    return head_kind(parse_one(text), [(a, a + len(source))], source)


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        # the head word is a common noun: a description, whatever the last word is
        (
            "“We lost,” said a longtime adviser to Mayor Quill.",
            "a longtime adviser to Mayor Quill",
            "description",
        ),
        (
            "“Prices are up,” said a person close to the Birches.",
            "a person close to the Birches",
            "description",
        ),
        (
            "Most voters prefer cheap goods, according to a Gazette-Harris poll released Monday.",
            "a Gazette-Harris poll released Monday",
            "description",
        ),
        ("The crowd cheered. Some chanted “more!” and left.", "Some", "description"),
        # a name: the head, a name beside a role noun, a sentence-initial surname
        ("“It is over,” Senator Tom Quill said.", "Senator Tom Quill", "named"),
        ("“It is over,” county clerk Maria Delgado-Wu said.", "county clerk Maria Delgado-Wu", "named"),
        ("“No,” said Republican nominee Tom Quill.", "Republican nominee Tom Quill", "named"),
        ("Quill spoke first. Quill said “no.” Then Quill left.", "Quill", "named"),
        ("“We will see,” said the Valley Gazette.", "the Valley Gazette", "named"),
    ],
)
def test_named_source_by_head_word(text: str, source: str, kind: str) -> None:
    assert _kind(text, source) == kind


def test_misses_are_grouped_by_features_and_dev_shows_counts_only(capsys: pytest.CaptureFixture[str]) -> None:
    """benchmarks/quotes_polnear_misses: a missed quote signed after a dash on its line is
    put in its groups (no speaker, bare paragraph, source right after the marks, the
    signature rule reads it); dev refuses to print text."""
    from benchmarks.quotes_polnear import Article, Gold
    from benchmarks.quotes_polnear_misses import features, main, tables

    text = "Readers wrote in on Tuesday.\n\n“The moderators lost control of the stage early on.” ― Marta Okafor\n"
    cs = text.index("The moderators")
    ce = text.index("”")
    ss = text.index("Marta")
    g = Gold([(cs, ce)], [(ss, ss + len("Marta Okafor"))], "Marta Okafor", True, "named")
    art = Article("d", text, [g])
    pred = Pred(cs, ce, "direct", None)
    f = features(art, g, pred, [pred], parse_one(text))
    assert f["status"] == "no speaker"
    assert f["bare-para"] == "True" and f["cue-in-para"] == "False"
    assert f["source-after gap"].startswith("marks/punct") and "―" in f["source-after gap"]
    assert f["fix:signature"] == "reads a name"
    table = tables(1, [{**f, "doc": "d"}])
    assert "| **status total** | 1 | 0 | 0 | 1 |" in table
    assert "| articles holding them | 1 | 0 | 0 | 1 |" in table
    assert main(["--split", "dev", "--show"]) == 2
    assert "dev is the report split" in capsys.readouterr().err


def test_a_content_in_typewriter_marks_is_direct_unless_the_old_rule_is_asked(tmp_path: Path) -> None:
    """Archive text writes ``''…,'' Roe said``: such a Content is a direct quote (round 9);
    ``marks="curly"`` is the rule of rounds 1-8, which read it as reported speech."""
    text = "''We will win,'' Roe said. Doe said it was ''weak.''"
    ann = (
        "T1\tContent 0 16\t''We will win,''\nT2\tSource 17 20\tRoe\nT3\tCue 21 25\tsaid\n"
        "E1\tAttribution:T1 Cue:T3 Source:T2 Content:T1\n"
        "T4\tContent 36 52\tit was ''weak.''\nT5\tSource 27 30\tDoe\nT6\tCue 31 35\tsaid\n"
        "E2\tAttribution:T4 Cue:T6 Source:T5 Content:T4\n"
    )
    _one_article_split(tmp_path, text, ann)
    [art] = load_split("dev", tmp_path)
    assert [g.direct for g in art.gold] == [True, True]
    [old] = load_split("dev", tmp_path, marks="curly")
    assert [g.direct for g in old.gold] == [False, False]
