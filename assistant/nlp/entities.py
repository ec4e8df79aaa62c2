"""Named entities of an article, found at INDEX time with spaCy and stored with it.

The answer ranker needs to know whether an evidence sentence holds the *kind* of thing a
question asks for (a person for "who", a date for "when", a number for "how many"), and
the abstention check needs to know whether a name in the question is a person, an outlet,
a place or an organisation. spaCy's statistical NER (``en_core_web_sm``) does that job;
it runs once per article while indexing, and its spans (character offsets into the stored
text, label) are stored in the article record, so ``ask`` never imports spaCy.

The parse is :mod:`assistant.nlp.parse`'s (one model, loaded once): ingest parses each
batch once and reads both the entities and the quote attribution off the same Docs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.nlp.parse import parse_one

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Label groups the answer side reasons with (spaCy's OntoNotes labels).
PERSONISH = frozenset({"PERSON", "ORG", "NORP"})
TIMEISH = frozenset({"DATE", "TIME"})
NUMERIC = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
PLACEISH = frozenset({"GPE", "LOC", "FAC"})


def doc_entities(doc: Doc) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of every named entity of a parsed article."""
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def find_entities(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of every named entity in ``text`` (offsets into it)."""
    if not text.strip():
        return []
    return doc_entities(parse_one(text))
