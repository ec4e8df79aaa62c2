"""Two name shapes of real news the ledger misread (round 36): a person titled after the body
that employs them ("said Council on Foreign Relations President Richard Haass": the parse's
subject is the body's entity), and a name written family name first that the article then
gives with an honorific on that word ("Gao Junlan … Ms. Gao said")."""

from __future__ import annotations

from assistant.nlp.parse import parse_one
from assistant.quotes.extract import extract_quotes
from assistant.quotes.people import Registry

TEXT = (
    "Experts weigh in on the summit\n\n"
    "\u201cThis is a dangerous moment,\u201d said Council on Foreign Relations President "
    "Richard Haass.\n\n"
    "Gao Junlan, a lawyer, was detained in Beijing in March. Ms. Gao had left China in 2015. "
    "\u201cI am not afraid,\u201d Ms. Gao said.\n"
)


def _said() -> dict[str, str | None]:
    return {TEXT[q.start : q.end]: q.speaker for q in extract_quotes("d1", TEXT, doc=parse_one(TEXT))}


def test_a_person_titled_after_the_body_that_employs_them_speaks() -> None:
    said = _said()
    assert said["This is a dangerous moment"] == "Richard Haass", said


def test_an_honorific_on_a_family_name_written_first_is_that_person() -> None:
    said = _said()
    assert said["I am not afraid"] == "Gao Junlan", said
    gao = Registry(TEXT).lookup_name("Gao")
    assert gao is not None and gao.name == "Gao Junlan" and gao.gender == "f", gao
