"""``evals/context_place.py`` on invented articles: each missed fact is placed against the
passages the answer step reads -- the evidence passage, the following window (and which of its
sentences), N sentences before or after the nearest passage (same paragraph or not), an
uncited article, nowhere in the context -- with a cited article's occurrence preferred over an
uncited one's and a read one over an unread one. The contexts are real ``Context`` objects with
the splitter's own sentence spans; the CLI runs as a subprocess on a pickled cache of them (the
real extractive answer step answers it), lists a development cache, gives a check cache counts
only and refuses the held-out half."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.nlp.text import split_sentences
from assistant.types import Answer, Citation, Context, Evidence, Span

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "evals"))

from context_place import place  # noqa: E402

HARBOUR = (
    "Harbour News\n\n"
    "The old pier had been closed for a decade. Harbourmaster Ada Quill opened the new pier on "
    "Monday. She said the ferry would run twice a day. Tickets cost four dollars. The first "
    "boat left at noon. Crowds lined the quay.\n\n"
    "Later the council met. Councillor Ben Orr praised the lantern parade.\n"
)
VALLEY = (
    "Valley Post\n\n"
    "Councillor Ben Orr said the golden gate and the lantern parade would return to the ferry "
    "quay. A brass band will play.\n"
)
TEXTS = {"harbour": HARBOUR, "valley": VALLEY}


def passage(doc: str, first: int, last: int) -> Evidence:
    """Sentences ``first`` .. ``last`` of ``doc`` (split over the whole article) as a passage."""
    text = TEXTS[doc]
    sents = split_sentences(text)[first : last + 1]
    start, end = sents[0][0], sents[-1][1]
    spans = [Span(start=s, end=e) for s, e in sents]
    return Evidence(doc_id=doc, start=start, end=end, text=text[start:end], sentences=spans)


def context() -> Context:
    """Harbour's evidence is its third sentence ("... on Monday."), its following window the
    next two; valley's evidence is its first body sentence, with no window."""
    evidence = [passage("harbour", 2, 2), passage("valley", 1, 1)]
    for e in evidence:
        e.score = 1.0
    return Context(
        question="Who opened the new pier?",
        evidence=evidence,
        following={1: passage("harbour", 3, 4)},
        term_weights={"opened": 3.0, "new": 1.0, "pier": 3.0},
    )


def answer(*docs: str) -> Answer:
    cites = [Citation(n=i, doc_id=d, quote="x", start=0, end=1) for i, d in enumerate(docs, 1)]
    return Answer(question="q", answer="x [1]", abstained=False, backend="extractive", citations=cites)


@pytest.mark.parametrize(
    ("group", "placed"),
    [
        (["Monday"], ("cited", "read: evidence")),
        (["twice a day"], ("cited", "read: following window, sentence 1")),
        (["FOUR dollars"], ("cited", "read: following window, sentence 2")),  # normalised as the metric
        (["noon"], ("cited", "after 1 same para")),
        (["the quay"], ("cited", "after 2 same para")),
        (["closed for a decade"], ("cited", "before 1 same para")),
        (["Harbour News"], ("cited", "before 2 other para")),
        (["a tram", "at noon"], ("cited", "after 1 same para")),  # any alternative of the group
        (["golden gate"], ("uncited", "read: evidence")),
        (["brass band"], ("uncited", "after 1 same para")),
        (["submarine"], ("none", "not in the context")),
    ],
)
def test_each_placement_class(group: list[str], placed: tuple[str, str]) -> None:
    assert place(context(), TEXTS, answer("harbour"), group) == placed


def test_a_cited_occurrence_beats_an_uncited_read_one_and_a_read_one_an_unread_one() -> None:
    ctx = context()
    # the parade is read in valley's evidence, but harbour is the cited article: 4 sentences on
    assert place(ctx, TEXTS, answer("harbour"), ["lantern parade"]) == ("cited", "after 3+ other para")
    # cited both: the read occurrence (valley's evidence) wins over harbour's unread one
    assert place(ctx, TEXTS, answer("harbour", "valley"), ["lantern parade"]) == ("cited", "read: evidence")
    # "ferry" is read in harbour's window and valley's evidence: the cited article's counts
    assert place(ctx, TEXTS, answer("valley"), ["ferry"]) == ("cited", "read: evidence")
    assert place(ctx, TEXTS, answer("harbour"), ["ferry"]) == ("cited", "read: following window, sentence 1")


def test_an_uncited_article_counts_when_nothing_is_cited() -> None:
    assert place(context(), TEXTS, answer(), ["Monday"]) == ("uncited", "read: evidence")


GOLD = {
    "id": "h-1",
    "question": "Who opened the new pier?",
    "answerable": True,
    "answer": "Ada Quill.",
    "facts": [["Ada Quill"], ["twice a day"], ["noon"], ["golden gate"], ["submarine"]],
    "speaker": "Ada Quill",
    "date": None,
    "date_text": None,
    "sources": ["harbour"],
    "kind": "who_said",
}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "evals/context_place.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    """A cache as ``abstain_cv.py cache`` writes it: (gold row, context, article texts)."""
    out = tmp_path / "invented.pkl"
    with out.open("wb") as f:
        pickle.dump([(GOLD, context(), dict(TEXTS))], f)
    return out


def test_the_cli_lists_the_missed_facts_of_a_development_cache(cache: Path) -> None:
    done = _run(str(cache), "--list")
    assert done.returncode == 0, done.stderr
    listed = [line for line in done.stdout.splitlines() if line.startswith("-- ")]
    # the answer gives harbour's evidence sentence (Ada Quill, cited); every other fact is missed
    assert listed == [
        "-- invented h-1 [cited: read: following window, sentence 1] ['twice a day']",
        "-- invented h-1 [cited: after 1 same para] ['noon']",
        "-- invented h-1 [uncited: read: evidence] ['golden gate']",
        "-- invented h-1 [none: not in the context] ['submarine']",
    ]
    assert re.search(r"^invented\s+4: \{", done.stdout, re.M), done.stdout
    assert re.search(r"^all\s+4:$", done.stdout, re.M), done.stdout


def test_a_check_cache_gives_counts_only_and_the_held_out_half_is_refused(
    cache: Path, tmp_path: Path
) -> None:
    check = tmp_path / "rt_b.pkl"
    check.write_bytes(cache.read_bytes())
    listed = _run(str(check), "--list")
    assert listed.returncode != 0 and "counts only" in listed.stderr
    counted = _run(str(check))
    assert counted.returncode == 0, counted.stderr
    assert "h-1" not in counted.stdout and "submarine" not in counted.stdout
    assert re.search(r"^rt_b\s+4: \{", counted.stdout, re.M), counted.stdout
    held = _run(str(tmp_path / "heldout.pkl"))
    assert held.returncode != 0 and "held-out" in held.stderr
