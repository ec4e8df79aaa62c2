"""A letters page gives each letter's words to the name that signs it (``assistant.quotes.signed``),
on invented pages."""

from __future__ import annotations

from assistant.quotes import extract_quotes
from assistant.quotes.signed import signed_quotes
from assistant.types import Quote

LETTERS = """Readers weigh in on the harbour bridge.

LETTERS.

The council should drop the harbour bridge plan, as it has become far too costly for our town.

It is obvious that the planners learned little from the tunnel fiasco of the last decade.

Marta J. Okonkwo.

Port Elling, Ore.

ONLINE.

It has been reported that the bridge budget doubled again this spring, which worries every commuter.

Most people would have learned their lesson the first time around, but not this council.

Tobias Renner.

Why does nobody ask the ferry workers what they think about losing their jobs to a bridge?

@ferrywatch88.

"A bridge is a promise to the next century," Mayor Ruth Calder said at the opening of the hearing.

Ilse Varga.
"""

SECTIONS = """How the summit fared.

The summit ended on Friday with a short statement and no agreement on the river treaty.

Water Rights.

Delegates argued for three days over who may draw water from the upper river each summer.

Fishing Quotas.

The quota talks stalled after the northern delegation walked out of the second session on Thursday.
"""


def _by_speaker(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for q in extract_quotes("page", text):
        out.setdefault(q.speaker or "", []).append(q.quote)
    return out


def test_each_letter_goes_to_its_signer() -> None:
    got = _by_speaker(LETTERS)
    assert any(s.startswith("The council should drop") for s in got["Marta J. Okonkwo"])
    assert any(s.startswith("It is obvious that the planners") for s in got["Marta J. Okonkwo"])
    # the next letter starts after the signer's town and the section heading
    assert any(s.startswith("Most people would have learned") for s in got["Tobias Renner"])
    assert not any("council should drop" in s for s in got["Tobias Renner"])
    # a post is the one paragraph above its handle
    assert got["@ferrywatch88"] == [
        "Why does nobody ask the ferry workers what they think about losing their jobs to a bridge?"
    ]


def test_an_unattributed_record_goes_to_the_signer() -> None:
    """ "It has been reported that ..." has no speaker of its own: in a letter it is the writer's."""
    got = _by_speaker(LETTERS)
    assert any(s.startswith("It has been reported") for s in got["Tobias Renner"])


def test_the_writer_quoting_someone_keeps_that_speaker() -> None:
    quotes = extract_quotes("page", LETTERS)
    bridge = [q for q in quotes if "promise to the next century" in q.quote]
    assert bridge and all(q.speaker == "Ruth Calder" for q in bridge)


def test_section_headings_sign_nothing() -> None:
    """Title-case headings look like names, but the page does not end with one."""
    assert signed_quotes("page", SECTIONS, []) == []


def test_a_name_line_inside_a_news_story_signs_nothing() -> None:
    story = LETTERS.replace(
        "Ilse Varga.\n", "The council meets again on Tuesday to vote on the final design of the bridge.\n"
    )
    assert signed_quotes("page", story, []) == []


def _page(body: str) -> str:
    return f"Readers on the bridge.\n\nLETTERS.\n\n{body}\n\nIt will cost the town far more than anyone has admitted so far.\n\nNadia Brook.\n"


def _unresolved(text: str, cue: str) -> Quote:
    """A ledger record whose verb of speech was found but whose speaker was not."""
    at = text.index(cue)
    end = text.index("\n", at)
    return Quote(quote=text[at:end], doc_id="page", start=at, end=end, cue=cue, attribution_start=at)


def test_an_unresolved_speaker_keeps_the_words_from_the_writer() -> None:
    body = 'No wonder the mayor Ruth Calder said, and I quote, "We love a bridge."'
    text = _page(body)
    got = signed_quotes("page", text, [_unresolved(text, "said")])
    assert not any("No wonder" in q.quote for q in got)
    assert any(q.quote.startswith("It will cost the town") for q in got)


def test_an_impersonal_report_is_the_writer_s() -> None:
    body = "It has been reported that the bridge budget doubled again this spring."
    text = _page(body)
    got = signed_quotes("page", text, [_unresolved(text, "reported")])
    assert any(q.quote.startswith("It has been reported") and q.speaker == "Nadia Brook" for q in got)
