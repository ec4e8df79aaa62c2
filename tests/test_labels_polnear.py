"""The label benchmark (benchmarks/labels_polnear.py) on a small invented article in
PolNeAR's BRAT shape: the real ingest and answer-step labels, and the verdicts."""

from __future__ import annotations

from pathlib import Path

from benchmarks.labels_polnear import Label, answer_labels, judge, score
from benchmarks.quotes_polnear import _parses, annotate_heads, load_split

TEXT = (
    "Harbour board weighs new cranes.\n\n"
    "Councillor Ines Marlow toured the dock on Monday. "
    "“The cranes are a danger to every worker here,” Marlow said.\n\n"
    "She is also due at the port board on Friday. "
    "The board has not replied to the letters, he said.\n"
)


def _split(root: Path) -> None:
    q = TEXT.index("“The cranes")
    q_end = TEXT.index(" Marlow said")
    src = q_end + 1
    content = TEXT.index("The board has not")
    he = TEXT.index("he said")
    ann = (
        f"T1\tContent {q} {q_end}\t{TEXT[q:q_end]}\nT2\tSource {src} {src + 6}\tMarlow\n"
        "E1\tAttribution:T1 Source:T2 Content:T1\n"
        f"T3\tContent {content} {he - 2}\t{TEXT[content : he - 2]}\nT4\tSource {he} {he + 2}\the\n"
        "E2\tAttribution:T3 Source:T4 Content:T3\n"
    )
    (root / "dev" / "text").mkdir(parents=True)
    (root / "dev" / "attributions").mkdir()
    (root / "dev" / "text" / "labels_a.txt").write_text(TEXT, encoding="utf-8")
    (root / "dev" / "attributions" / "labels_a_annotator1.ann").write_text(ann, encoding="utf-8")


def test_labels_of_an_article_are_the_answer_steps_and_are_judged_against_the_annotators(
    tmp_path: Path,
) -> None:
    _split(tmp_path)
    arts = load_split("dev", tmp_path)
    annotate_heads(arts, _parses(arts))
    [labels] = answer_labels(arts)
    by_text = {TEXT[x.start : x.end]: x for x in labels if x.step != "goes_on"}
    quote = next(x for t, x in by_text.items() if t.startswith("“The cranes"))
    assert quote.speaker is not None and "Marlow" in quote.speaker
    narration = next(x for t, x in by_text.items() if t.startswith("She is also due"))
    assert narration.speaker is None  # the writer's sentence about her, not her words
    art = arts[0]
    assert judge(art, quote) == "right"
    s = TEXT.index("She is also")
    assert judge(art, Label("labels_a", s, s + 44, "Ines Marlow")) == "wrong:unattributed"
    q = TEXT.index("“The cranes")
    assert judge(art, Label("labels_a", q, q + 40, "Paul Doe")) == "wrong:other_source"
    b = TEXT.index("The board has not")
    assert judge(art, Label("labels_a", b, b + 40, "Ines Marlow")) == "unjudged"  # "he": no antecedent
    res = score(arts, [labels])
    assert res["all"]["precision"] == 1.0 and res["all"]["wrong_unattributed"] == 0
    assert res["recall"]["n"] == 1 and res["recall"]["right"] == 1
