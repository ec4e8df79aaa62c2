"""Several people of one surname (round 36): news names its main person in full first and by the
bare surname after, and writes a relative or namesake by full or first name. So a bare "Trump"
after "Donald Trump … Melania Trump" is Donald Trump, and the "Trump" inside "Melania Trump" is
no mention of him (the ledger used to list a third speaker, "Trump", for the bare surname)."""

from __future__ import annotations

from assistant.nlp.parse import parse_one
from assistant.quotes.extract import extract_quotes
from assistant.quotes.people import Registry

TEXT = (
    "Trump defends wife at rally\n\n"
    "Republican nominee Donald Trump spoke in Ohio on Tuesday. His wife, Melania Trump, joined "
    "him on stage.\n\n"
    "Melania Trump said she was proud of her husband. \u201cHe will fight for you,\u201d she said.\n\n"
    "Trump then took the microphone. \u201cWe will win,\u201d he said.\n\n"
    "\u201cIt is a disgrace,\u201d Trump said of the polls.\n"
)


def _said() -> dict[str, str | None]:
    return {TEXT[q.start : q.end]: q.speaker for q in extract_quotes("d1", TEXT, doc=parse_one(TEXT))}


def test_a_bare_surname_is_the_person_the_body_names_first_in_full() -> None:
    reg = Registry(TEXT)
    found = reg.lookup_name("Trump")
    assert found is not None and found.name == "Donald Trump", reg.people
    said = _said()
    assert said["It is a disgrace"] == "Donald Trump", said
    assert said["We will win"] == "Donald Trump", said
    assert said["He will fight for you"] == "Melania Trump", said


SPOUSES = (
    "Bill is back on the trail\n\n"
    "Bill Clinton spoke in Nashua on Monday. \u201cWe need her,\u201d Clinton said.\n\n"
    "On Sunday, at a rally in Derry, Hillary Clinton rebuffed a heckler. \u201cYou are very rude,\u201d "
    "Clinton told the woman.\n\n"
    "\u201cShe is ready,\u201d Clinton said of his wife.\n"
)


def test_a_bare_surname_is_the_namesake_its_paragraph_last_named_in_full() -> None:
    said = {
        SPOUSES[q.start : q.end]: q.speaker for q in extract_quotes("d2", SPOUSES, doc=parse_one(SPOUSES))
    }
    assert said["You are very rude"] == "Hillary Clinton", said
    assert said["We need her"] == "Bill Clinton", said
    assert said["She is ready"] == "Bill Clinton", said
