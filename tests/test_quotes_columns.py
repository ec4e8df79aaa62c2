"""An opinion column: its own sentences are the words of the writer its closing bio line names.

Invented columns and reports. The rule reads the page layout (the last paragraph, the body's
mentions of the name), so the tests give whole article texts to the ledger's extractor; the
ranker's fitted features must read the ledger as they did before such records existed.
"""

from __future__ import annotations

from assistant.answer.ranker import in_quote, spoken_by
from assistant.nlp.parse import parse_one
from assistant.quotes import extract_quotes
from assistant.quotes.columns import authored_sentences, column_author
from assistant.types import Span

COLUMN = """The ferry deserves a second life.

The harbour board wants to end the night ferry, and it is making a mistake.

We built the crossing for the workers of the east bank, and they still ride it. Cutting it would strand them.

"The boat runs half empty after nine," board chair Ines Volk said on Tuesday.

The board should keep the ferry and sell advertising on its deck instead.

Marta J. Quell is a lecturer in urban planning at Northfield College.
"""

REPORT = """Board votes to end the night ferry.

The harbour board voted on Tuesday to end the night ferry from March.

Marta Quell, who rides it each evening, said the decision would strand shift workers.

The board will meet again next month to discuss the timetable.

Quell is a lecturer in urban planning at Northfield College.
"""


def _speakers(text: str) -> dict[str, tuple[str | None, str]]:
    return {text[q.start : q.end][:24]: (q.speaker, q.kind) for q in extract_quotes("d", text)}


def test_a_columns_sentences_are_its_writers() -> None:
    assert column_author(COLUMN) == "Marta J. Quell"
    got = {COLUMN[q.start : q.end][:24]: q.speaker for q in authored_sentences("d", COLUMN)}
    assert got == {
        "The harbour board wants ": "Marta J. Quell",
        "We built the crossing fo": "Marta J. Quell",
        "Cutting it would strand ": "Marta J. Quell",
        "The board should keep th": "Marta J. Quell",
    }


def test_the_ledger_gives_the_column_its_writer_and_the_quotation_its_speaker() -> None:
    got = _speakers(COLUMN)
    assert got["The board should keep th"] == ("Marta J. Quell", "authored")
    assert got["We built the crossing fo"] == ("Marta J. Quell", "authored")
    # the quotation keeps the speaker the rules give it, and is not the writer's
    quoted = [who for text, (who, kind) in got.items() if "boat runs" in text or "Ines Volk" in text]
    assert quoted and all(who == "Ines Volk" for who in quoted)
    # the headline and the bio line are nobody's words
    assert not any(text.startswith(("The ferry deserves", "Marta J. Quell is")) for text in got)


def test_a_report_naming_the_person_in_its_body_is_no_column() -> None:
    assert column_author(REPORT) is None
    assert all(kind != "authored" for _, kind in _speakers(REPORT).values())


def test_titled_or_several_writers_or_a_quotation_is_no_bio_line() -> None:
    titled = COLUMN.replace("Marta J. Quell is a lecturer", "Gov. Marta Quell is a lecturer")
    several = COLUMN.replace("at Northfield College.", "at Northfield College. Owen Dale is a harbour pilot.")
    quoting = COLUMN.replace("at Northfield College.", 'at Northfield College and host of "Crossings."')
    assert column_author(titled) is None
    assert column_author(several) is None
    assert column_author(quoting) is None


def test_the_ranker_features_do_not_see_a_columns_records() -> None:
    quotes = authored_sentences("d", COLUMN)
    q = next(q for q in quotes if COLUMN[q.start :].startswith("The board should keep"))
    sp = Span(start=q.start, end=q.end)
    assert not in_quote(quotes, "d", sp)
    assert not spoken_by(quotes, "d", sp, ["quell"])
    # a reported-speech record on the same words is seen (control)
    reported = [q.model_copy(update={"kind": "indirect"})]
    assert in_quote(reported, "d", sp) and spoken_by(reported, "d", sp, ["quell"])


RELAYING = """The ferry deserves a second life.

The night crossing carries four hundred workers a week, and it pays for itself in summer.

Councillor Ruth Amsel calls the ferry a relic of another century.

The port authority argues that a bus could do the same job for less.

Critics have said the timetable is too thin to keep.

The crossing loses money every winter, according to the harbour board.

I know the crossing well, and I believe the board is wrong.

Marta J. Quell is a lecturer in urban planning at Northfield College.
"""


def test_with_the_parse_a_sentence_relaying_another_sources_view_is_not_the_writers() -> None:
    doc = parse_one(RELAYING)
    got = {RELAYING[q.start : q.end][:24] for q in authored_sentences("d", RELAYING, doc)}
    # the writer's own argument, in the first person or not, stays the writer's
    assert "The night crossing carri" in got
    assert "I know the crossing well" in got
    # a named or described source's view, without quotation marks, is that source's
    relayed = {
        "Councillor Ruth Amsel ca",
        "The port authority argue",
        "Critics have said the ti",
        "The crossing loses money",
    }
    assert not relayed & got
    assert relayed <= {RELAYING[q.start : q.end][:24] for q in authored_sentences("d", RELAYING)}
    # without the parse every sentence of the body is the writer's (the layout rule alone)
    assert len(authored_sentences("d", RELAYING)) == len(got) + 4


def test_a_supposition_or_a_view_deep_in_the_writers_sentence_stays_the_writers() -> None:
    text = RELAYING.replace(
        "Critics have said the timetable is too thin to keep.",
        "A bus company would argue otherwise. If the board listens, it will keep what riders want.",
    )
    doc = parse_one(text)
    got = {text[q.start : q.end][:24] for q in authored_sentences("d", text, doc)}
    assert {"A bus company would argu", "If the board listens, it"} <= got


def test_a_legislators_bio_line_with_office_and_seat_names_the_writer() -> None:
    # an op-ed by a member of Congress: "Rep. <full name>, <party>-<state>., chairs ..."
    seat = COLUMN.replace(
        "Marta J. Quell is a lecturer in urban planning at", "Rep. Marta Quell, D-Ohio., chairs the board of"
    )
    assert column_author(seat) == "Marta Quell"
    # without the seat a title still makes it no bio line; "was" tells of someone else
    assert column_author(COLUMN.replace("Marta J. Quell is a lecturer", "Rep. Marta Quell chairs")) is None
    assert column_author(COLUMN.replace("Marta J. Quell is a", "Marta J. Quell was a")) is None


def test_a_bio_line_with_a_description_and_a_past_post_or_a_title_names_the_writer() -> None:
    """ "Marta J. Quell, a retired harbour pilot who ..., taught navigation at Northfield": the
    description in apposition says the line is the writer's, so a past post's verb counts
    (round 48); without the description a past line tells of someone else. A title may open
    the description after the verb ("is Senior Editor at ...")."""
    last = "Marta J. Quell is a lecturer in urban planning at Northfield College."
    past = "Marta J. Quell, a retired harbour pilot who steered the night ferry, taught navigation at Northfield College."
    assert column_author(COLUMN.replace(last, past)) == "Marta J. Quell"
    assert (
        column_author(COLUMN.replace(last, "Marta J. Quell taught navigation at Northfield College.")) is None
    )
    assert column_author(COLUMN.replace(last, "Marta J. Quell is Senior Editor at the Northfield Post.")) == (
        "Marta J. Quell"
    )
    # a report's closing line about a source named in the body stays no bio line
    assert column_author(REPORT.replace("Quell is a lecturer", "Quell, a lecturer, taught")) is None
