"""Who a later "she said" or "the Republican said" is: the ledger's salience (round 31).

Invented articles, parsed as at index time. A name inside a title's "of" ("Chief of Staff Ana
Ruiz explained") is still a subject; a reported span that holds its own cue ("That, Chief of
Staff Ana Ruiz explained, is by design.") keeps its speaker salient; a party's member with
"the" ("the Republican said") is the person the article is writing about.
"""

from __future__ import annotations

from assistant.nlp.parse import parse_one
from assistant.quotes import extract_quotes

TITLED = (
    "Party readies its ground game\n\n"
    "Looking to correct the mistakes of 2012, Chairman Oren Blau has authorized more staff in the swing states.\n\n"
    "The committee has just $16 million in the bank. That, Chief of Staff Ana Ruiz explained, is by design.\n\n"
    "“We have a head start on the ground because of the operation we built,” she said in an interview.\n"
)

PARTY = (
    "Hale says regulation hurts the poor\n\n"
    "Senator Dov Hale spoke to voters in Cincinnati on Monday about poverty.\n\n"
    "“One of the things would be to get rid of the excessive regulation in our country,” the "
    "Republican said this week.\n"
)


def _speakers(text: str) -> dict[str, str | None]:
    return {text[q.start : q.end][:20]: q.speaker for q in extract_quotes("d", text, doc=parse_one(text))}


def test_she_said_after_a_titled_name_in_a_reported_span_is_that_person() -> None:
    got = _speakers(TITLED)
    assert got["We have a head start"] == "Ana Ruiz", got


def test_the_party_member_said_is_the_person_written_about() -> None:
    got = _speakers(PARTY)
    assert got["One of the things wo"] == "Dov Hale", got


EMBEDDED = (
    "Judge weighs in on the race\n\n"
    "Judge Ana Ruiz said last week that she did not want to think about the election.\n\n"
    "In a later interview, she joked about moving to New Zealand if Tom Hale is elected. She "
    "sharpened her criticism on Tuesday, telling a radio host that Hale is a faker.\n\n"
    "“He has no consistency about him,” she said.\n"
)


def test_a_subject_inside_an_embedded_clause_is_not_the_next_pronoun() -> None:
    # "if Tom Hale is elected" sets Hale inside the sentence; "She" goes on with Ruiz (round 32)
    got = [(q.quote[:20], q.speaker) for q in extract_quotes("d", EMBEDDED, doc=parse_one(EMBEDDED))]
    assert ("He has no consistenc", "Ana Ruiz") in got, got
    assert all(speaker != "Tom Hale" for _, speaker in got), got


FORWARD = (
    "Harbor town warms to the mayor's rival\n\n"
    "Oren Blau said on Monday that ferry fares would fall if he wins.\n\n"
    "But as the nationalist Harbor Times tabloid noted in an op-ed Thursday, the leading mayoral "
    'candidate "has surprisingly earned himself a few fans in Quillby."\n\n'
    "As the paper noted, it is surprising because Blau has not always been kind to the town. "
    'Although he says he "loves Quillby," he also blames it for the ferry strike.\n\n'
    "In a column, Ivo Petrak, a doctoral candidate at the harbor college, urged readers not to "
    "rush to judgment.\n"
)


def test_a_description_is_not_a_holder_the_text_names_only_later() -> None:
    """Round 47: "the leading mayoral candidate" is not the doctoral candidate a later paragraph
    introduces, so the "he says" after "Oren Blau" in the next paragraph stays Blau's (a lead
    may still describe someone just before naming them, "President Obama", and a headline the
    people its article names: tests/test_quotes_extract.py)."""
    got = _speakers(FORWARD)
    assert got["he \"loves Quillby,\" "] == "Oren Blau", got
