"""A person's office asked (round 50), on invented text: "What office did Dana Quill hold
before running for governor?" is answered by the sentence that writes a title against her name
("former Harbor Commissioner Dana Quill"), wherever the ranker puts it; a question of another
kind is left alone."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context


def test_an_office_ask_names_the_person_it_is_asked_of() -> None:
    assert asked.office_asked("What office did Dana Quill hold before running for governor?") == "Quill"
    assert asked.office_asked("Which cabinet post did Quill formerly hold?") == "Quill"
    assert asked.office_asked("What was Quill's standing in the party by the summer?") == "Quill"
    assert asked.office_asked("What did Quill say about the harbor?") is None
    # the state a senator represents and the party a candidate runs for are in the title
    assert asked.office_asked("Which state does Senator Quill represent?") == "Quill"
    assert asked.office_asked("For which party's presidential nomination was Dana Quill running?") == "Quill"


def test_a_title_is_written_before_the_name_or_after_it_in_apposition() -> None:
    assert asked.titles("But former harbor secretary Dana Quill is not one of them.", "Quill")
    assert asked.titles("Sen. Dana Quill spoke first.", "Quill")
    assert asked.titles("Ray Roe, Dana Quill's fired campaign manager, spoke.", "Roe")
    assert asked.titles("Quill, the former harbor secretary, spoke.", "Quill")
    assert not asked.titles("Quill said the harbor would reopen.", "Quill")
    # a role noun before a lower-case word and the name is no title of the name
    assert not asked.titles("Ray Roe, the state director for Quill, said so.", "Quill")


HARBOR = (
    "Harbor Gazette\n\n"
    "Dana Quill said on Tuesday that the ferry fare would rise in the spring and that the "
    "pier would reopen before the summer season, a plan she has pushed for months.\n\n"
    "Critics of the plan include many dock workers, but former harbor secretary Dana Quill "
    "is not one of those critics.\n"
)


def test_the_sentence_titling_the_person_answers_the_office_ask() -> None:
    items = [
        ("harbor_gazette", HARBOR, "Dana Quill said on Tuesday"),
        ("harbor_gazette", HARBOR, "former harbor secretary"),
    ]
    question = "What office did Dana Quill hold before running for governor?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert not got.abstained, got.text
    assert "former harbor secretary" in got.text, got.text
