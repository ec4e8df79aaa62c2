"""Letters to the editor: a paragraph holding only a person's name signs the paragraphs before it.

A letters page (and a page of readers' comments) prints each letter's paragraphs, then the
writer's name alone on a line, often followed by the writer's town ("Riverton, Ore."). No
sentence of the letter names its writer, so neither the quotation rules nor the parse
(:func:`~assistant.quotes.extract_quotes`) attribute them, and a "which reader wrote ..."
question had no speaker to give. Kept apart from ``extract.py``: this reads the page's
paragraph layout, not a sentence's grammar.

A page is read as letters only under a letters section heading in capitals on its own line
("LETTERS.", "FACEBOOK.": ``wordlists.txt`` [letters_headings]). Name-only paragraphs alone
are not enough: a report's subheadings ("Human Rights.", "Gender Equality.") look like names
to the rules and to spaCy's entity recogniser, under an "ABSTRACT." or "FULL TEXT." heading.
Each name signs the paragraphs back to the previous heading, signature or town line."""

from __future__ import annotations

import re

from assistant.nlp import wordlist
from assistant.nlp.text import paragraphs
from assistant.quotes.people import FULL_NAME, looks_like_person
from assistant.types import Quote

#: A paragraph that is only a name: two to four capitalised words, initials allowed
#: ("Jon R. Vale."), a closing period.
_NAME_LINE = re.compile(rf"^{FULL_NAME}\.?$")
#: A town line under a signature: "Riverton, Ore.", "Lake Ames, Fla."
_TOWN_LINE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s+[A-Z][\w.]*\.?$")


def _heading(words: str) -> bool:
    """A section heading in capitals ("LETTERS.", "READERS RESPOND."), at most four words."""
    letters = [ch for ch in words if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and len(words.split()) <= 4


def _letters_heading(words: str) -> bool:
    """A letters section's heading: "LETTERS.", "FACEBOOK." ([letters_headings])."""
    return _heading(words) and words.rstrip(".").strip().lower() in wordlist("letters_headings")


def _signature(words: str) -> str | None:
    """The name a name-only paragraph gives, or None."""
    if not _NAME_LINE.match(words) or _heading(words):
        return None
    tokens = words.rstrip(".").split()
    return " ".join(tokens) if looks_like_person(tokens) else None


def signed_paragraphs(doc_id: str, text: str) -> list[Quote]:
    """One ledger record per paragraph of each signed letter of a letters page, its writer the
    speaker (``kind="indirect"``: the words are the writer's own, not quoted by a reporter);
    [] for any other article."""
    paras = [(s, e, text[s:e].strip()) for s, e in paragraphs(text)]
    paras = [(s, e, w) for s, e, w in paras if w]
    if not any(_letters_heading(w) for _, _, w in paras):
        return []
    names = [_signature(w) for _, _, w in paras]
    out: list[Quote] = []
    for i, name in enumerate(names):
        if name is None:
            continue
        signed: list[tuple[int, int, str]] = []
        for j in range(i - 1, -1, -1):
            s, e, w = paras[j]
            if _heading(w) or names[j] is not None or _TOWN_LINE.match(w):
                break
            signed.append((s, e, w))
        else:
            continue  # no heading, signature or town line before: the article's own opening
        out += [
            Quote(speaker=name, quote=w, doc_id=doc_id, start=s, end=e, kind="indirect")
            for s, e, w in reversed(signed)
        ]
    return out
