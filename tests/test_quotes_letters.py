"""A letters page: each letter's paragraphs are the words of the name printed alone under them.

Invented pages. The rule reads the page layout (a letters heading in capitals, name-only
paragraphs, town lines), so the tests give whole article texts to the ledger's extractor.
"""

from __future__ import annotations

from assistant.quotes import extract_quotes
from assistant.quotes.letters import signed_paragraphs

PAGE = """Readers weigh in on the ferry plan.

LETTERS.

The city should drop the night ferry, as it has become a costly habit.

It is plain that the council learned little from the bridge fiasco.

Marta J. Quell.

Riverton, Ore.

COMMENTS.

The ferry is the only way my mother gets to the clinic. Cut it and she is stranded.

Owen Dale.

I rode it for years and never saw it half full.

Priya Nandakumar.
"""


def _speakers(text: str) -> dict[str, str | None]:
    return {text[q.start : q.end][:24]: q.speaker for q in extract_quotes("d", text)}


def test_each_letter_is_its_signers_words() -> None:
    got = {PAGE[q.start : q.end][:24]: q.speaker for q in signed_paragraphs("d", PAGE)}
    assert got == {
        "The city should drop the": "Marta J. Quell",
        "It is plain that the cou": "Marta J. Quell",
        "The ferry is the only wa": "Owen Dale",
        "I rode it for years and ": "Priya Nandakumar",
    }
    # the title, the headings, the names and the town line are nobody's words
    assert all("Readers weigh" not in q.quote and "Riverton" not in q.quote for q in signed_paragraphs("d", PAGE))


def test_the_ledger_gives_letters_their_writers_and_keeps_a_quoted_speaker() -> None:
    quoting = PAGE.replace(
        "I rode it for years and never saw it half full.",
        '"Nobody rides it after nine," Ines Volk said.',
    )
    got = _speakers(quoting)
    assert got["The city should drop the"] == "Marta J. Quell"
    assert got["The ferry is the only wa"] == "Owen Dale"
    # a paragraph that quotes someone the rules attribute keeps that speaker
    assert "Ines Volk" in got.values()
    assert all(who != "Priya Nandakumar" for who in got.values())


def test_no_letters_heading_no_signatures() -> None:
    report = """Examining the agency's record.

FULL TEXT.

The agency grew its budget in each of the last five years.

Human Rights.

Its record on detainees drew criticism from two monitors.

Gender Equality.

It appointed more women to senior posts than any agency before it.
"""
    assert signed_paragraphs("d", report) == []
    assert signed_paragraphs("d", PAGE.replace("LETTERS.", "NOTES.").replace("COMMENTS.", "MORE.")) == []
