"""A place the question names in another form than the sentence's ("the UK" for "U.K." or
"the United Kingdom") is the question's own place, no sibling of a name it gives elsewhere
(issue 16, multipart25; invented text). A lead-in statement naming one country ("entering
the U.S.") and an ask naming another ("a petition to ban him from the UK") made the
sibling check read every UK sentence as a figure for the wrong country."""

from __future__ import annotations

from assistant.answer import asked

PART = "Roe's ban drew a backlash in the U.S. How many signatures had the petition against her in the UK gathered?"


def test_a_place_the_question_names_by_its_initials_is_no_sibling() -> None:
    named = {"GPE": {"u.s."}}
    for place in ("U.K.", "United Kingdom"):
        sentence = f"The petition in the {place} has gathered 56,000 signatures."
        assert asked.other_named(PART, named, sentence, [(place, "GPE")]) is None, place
    # a place the question does not name is still a sibling
    sentence = "The petition in France has gathered 56,000 signatures."
    assert asked.other_named(PART, named, sentence, [("France", "GPE")]) == ("U.S.", "France")
