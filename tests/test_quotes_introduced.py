"""A pronoun that opens a quote's attribution after a paragraph introducing someone new, and
a titled name with the state or body it is "of" (round ledger23). Invented names; the
patterns are general English news. Each case runs on the rules and on spaCy's parse."""

from __future__ import annotations

import pytest

from assistant.nlp.parse import parse_one
from assistant.quotes import extract_quotes
from assistant.quotes.people import parse_mention


def _speaker(text: str, words: str, parsed: bool) -> str | None:
    quotes = extract_quotes("d", text, doc=parse_one(text) if parsed else None)
    return next(q for q in quotes if words in q.quote).speaker


_OLD = "Mayor Tomas Brandt spoke about the ferry at length on Monday.\n\n"


@pytest.mark.parametrize("parsed", [False, True])
@pytest.mark.parametrize(
    ("intro", "pronoun", "speaker"),
    [
        # a title whose role noun is not the appositive's first word
        ("The plan was criticised by Ana Ruiz, a senior fellow at the Harbour Institute.", "she", "Ana Ruiz"),
        # a description with no title at all: any noun heads it
        (
            "The cuts worry Omar Petrakis, a retired fisherman who has lived on the island for decades.",
            "he",
            "Omar Petrakis",
        ),
        ("The cuts worry Omar Petrakis, a Republican from Harbour County.", "he", "Omar Petrakis"),
        ("The cuts worry Omar Petrakis, the island's longest-serving ferry pilot.", "he", "Omar Petrakis"),
        # a subordinate clause's subject does not hold the pronoun
        (
            "While Brandt had a timetable to show, the cuts worry Omar Petrakis, a fisherman from the island.",
            "he",
            "Omar Petrakis",
        ),
    ],
)
def test_a_pronoun_after_a_paragraph_introducing_someone_with_any_description_is_theirs(
    intro: str, pronoun: str, speaker: str, parsed: bool
) -> None:
    text = f"{_OLD}{intro}\n\n\u201cNobody asked the islanders what they need,\u201d {pronoun} said.\n"
    assert _speaker(text, "Nobody asked", parsed) == speaker


@pytest.mark.parametrize("parsed", [False, True])
def test_the_main_subject_of_the_introducing_sentence_keeps_the_pronoun(parsed: bool) -> None:
    # the new person is named inside the older one's clause: "he" is still the subject
    text = (
        f"{_OLD}Brandt is selling the boat he used to rescue Omar Petrakis, a fisherman from the island.\n\n"
        "\u201cI can do what I like with my boat,\u201d he said.\n"
    )
    assert _speaker(text, "what I like", parsed) == "Tomas Brandt"


@pytest.mark.parametrize("parsed", [False, True])
def test_a_pronoun_of_the_other_gender_skips_the_main_subject_for_the_person_introduced(parsed: bool) -> None:
    text = (
        "Mayor Ana Ruiz spoke about the ferry on Monday, and she promised to keep it running.\n\n"
        "Ruiz won support from Omar Petrakis, a fisherman from the island who sailed in to hear her.\n\n"
        "\u201cWe will keep fishing whatever happens,\u201d he said.\n"
    )
    assert _speaker(text, "keep fishing", parsed) == "Omar Petrakis"


@pytest.mark.parametrize("parsed", [False, True])
def test_a_clause_after_the_name_is_no_description(parsed: bool) -> None:
    # "Omar Petrakis, the company said, ..." reports the company's words about Petrakis
    text = (
        f"{_OLD}The ferry will be run by Omar Petrakis, the company said.\n\n"
        "\u201cWe will not stop the service,\u201d he said.\n"
    )
    assert _speaker(text, "not stop the service", parsed) == "Tomas Brandt"


@pytest.mark.parametrize(
    ("words", "name", "role"),
    [
        ("Sen. Vera Castellan of Ohio", "Vera Castellan", "Sen."),
        ("Republican Rep. Lee Marwick of New York", "Lee Marwick", "Republican Rep."),
        ("Senator Debra Hollis Crane of Florida", "Debra Hollis Crane", "Senator"),
        ("Chairman Ivo Marsh of the Harbour Trust", "Ivo Marsh", "Chairman"),
    ],
)
def test_a_titled_name_of_a_state_or_body_names_the_person(words: str, name: str, role: str) -> None:
    m = parse_mention(words)
    assert m is not None and m.kind == "name"
    assert (m.name, m.role) == (name, role)


@pytest.mark.parametrize(
    "words",
    [
        "Bank of Harbour City",
        "University of Dunmore",
        "Minister of Finance",
        "Sen. Vera Castellan of Ohio and Sen. Ivo Marsh of Iowa",
    ],
)
def test_a_body_or_title_with_of_is_not_a_located_name(words: str) -> None:
    m = parse_mention(words)
    assert m is None or m.kind != "name"


@pytest.mark.parametrize("parsed", [False, True])
def test_a_legislator_named_with_their_state_is_the_subject_a_pronoun_refers_to(parsed: bool) -> None:
    text = (
        "Speaker Paul Hendry told a news conference the party was united.\n\n"
        "Republican Rep. Lee Marwick of New York, a longtime ally, said the meeting would help.\n\n"
        "\u201cI don\u2019t think it\u2019s do or die,\u201d he said outside the building.\n"
    )
    assert _speaker(text, "do or die", parsed) == "Lee Marwick"
    q = next(q for q in extract_quotes("d", text) if "meeting would help" in q.quote)
    assert q.speaker == "Lee Marwick"


@pytest.mark.parametrize("parsed", [False, True])
def test_names_inside_the_quote_a_pronoun_attributes_are_not_its_antecedent(parsed: bool) -> None:
    # the quote names someone; "he" after it is the person the narration is about
    text = (
        "Omar Petrakis, a delegate from Harbour County, spoke to reporters after the vote.\n\n"
        "Petrakis said the party would unite behind its nominee.\n\n"
        "\u201cWhen Tomas Brandt debates Vera Castellan, he will win the room,\u201d he said.\n"
    )
    assert _speaker(text, "win the room", parsed) == "Omar Petrakis"
