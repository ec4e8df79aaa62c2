"""A sentence that announces without delivering is followed by what it announces.

News reports a poll or a study in one sentence ("The survey showed that most residents would
back the park") and gives the figures in the next; it sets out a position in a sentence that
names no speaker and quotes the named speaker in the next ("... disagrees." / "... spokesman
Omar Petrakis said Friday that “...”"), which answers "who said". Unit checks on a context built by hand
(invented text) through the continuation step of the extractive backend.
"""

from __future__ import annotations

from assistant.answer.backends.extractive import _reports_finding, _words_that_follow
from assistant.answer.ranker import Scored
from assistant.types import Context, Evidence, Span


def _context(question: str, lines: list[str]) -> tuple[Context, Scored]:
    text = "\n".join(lines)
    sents, at = [], 0
    for line in lines:
        sents.append(Span(start=at, end=at + len(line)))
        at += len(line) + 1
    ev = Evidence(doc_id="park", start=0, end=len(text), text=text, sentences=sents)
    top = Scored(n=1, span=sents[0], text=lines[0], features={}, prob=0.9)
    return Context(question=question, evidence=[ev]), top


def test_the_figures_after_a_finding_reported_without_them_join_the_answer() -> None:
    ctx, top = _context(
        "What did the county survey find about the new park?",
        [
            "A county survey released on Friday showed that most residents would back the new park.",
            "The park would cover the old quarry east of the river.",
            "Of those asked, 62 percent backed the plan and 30 percent opposed it.",
        ],
    )
    got = _words_that_follow(ctx, top, [], ctx.question)
    assert [c.text[:15] for c in got] == ["Of those asked,"]


def test_a_finding_that_gives_its_figures_or_a_sentence_with_none_gets_no_follower() -> None:
    ctx, top = _context(
        "What did the county survey find about the new park?",
        [
            "A county survey showed that 62 percent of residents would back the new park.",
            "Of those asked, 30 percent opposed it.",
        ],
    )
    assert _words_that_follow(ctx, top, [], ctx.question) == []
    ctx, top = _context(
        "What did the county survey find about the new park?",
        [
            "A county survey showed that most residents would back the new park.",
            "The park would cover the old quarry east of the river.",
            "Work could start in the spring.",
        ],
    )
    assert _words_that_follow(ctx, top, [], ctx.question) == []


def test_what_counts_as_a_finding_without_figures() -> None:
    assert _reports_finding("The poll showed that either candidate would win the seat.")
    assert _reports_finding("An analysis reveals just how fast the river is rising.")
    assert not _reports_finding("The poll showed her ahead 48 percent to 45 percent.")
    assert not _reports_finding("A ferry leaves every 40 minutes, the study found.")
    assert not _reports_finding("The mayor said the park would open in June.")  # no finding


def test_who_said_a_topic_sentence_naming_no_speaker_goes_on_to_the_named_speakers_words() -> None:
    lines = [
        "As the council prepares to close the ferry, the mayor's office apparently disagrees.",
        "According to the Island News, mayor's spokesman Omar Petrakis said Friday that “the boats "
        "will keep running through the winter.”",
        "The ferry has run since 1952.",
    ]
    ctx, top = _context("Who said the ferry would keep running through the winter?", lines)
    got = _words_that_follow(ctx, top, [], ctx.question)
    assert [c.text[:25] for c in got] == ["According to the Island N"]
    # the same sentence for a question that asks what, not who: nothing follows
    ctx, top = _context("What will happen to the ferry?", lines)
    assert _words_that_follow(ctx, top, [], ctx.question) == []
    # a top sentence that names its own speaker answers who said it
    lines[0] = "Mayor Lee Park said on Monday that the mayor's office disagrees with the council."
    ctx, top = _context("Who said the mayor's office disagrees with the council?", lines)
    assert _words_that_follow(ctx, top, [], ctx.question) == []
