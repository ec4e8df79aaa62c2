"""Opinion columns: a closing author line makes the column's own sentences its author's words.

An opinion column (an op-ed, a guest column) argues its writer's views without quotation
marks or speech verbs ("Clinton's plan is good policy that is also good politics."), and many
name the writer only in a closing line after the body: "Jane Roe is a lecturer in history at
Northfield College." No sentence of the body names its speaker, so neither the quotation rules
nor the parse (:func:`~assistant.quotes.extract_quotes`) attribute it, and a "which lecturer
argued ..." question had no speaker to give. The sibling of :mod:`assistant.quotes.letters`;
kept apart from ``extract.py`` for the same reason: this reads the page's layout (its last
paragraph), not a sentence's grammar.

Strict on purpose: a news story can end on "Roe is a spokeswoman for the agency." too. The
closing line counts only when it is the article's last paragraph, opens with a full name (two
to four capitalised words, no title: a person by ``people.looks_like_person``) followed by
"is" and a description, names one person (a line naming several writers is left), holds no
quotation, and the body does not name that person anywhere (a byline paragraph "By ..."
aside): a reporter's source is named in the story before the closing line about them."""

from __future__ import annotations

import re

from assistant.nlp import alternation
from assistant.nlp.text import paragraphs, split_sentences
from assistant.quotes.people import FULL_NAME, looks_like_person
from assistant.types import Quote

#: "<Name> is a/an/the/<lower-case word> ...": two to four capitalised words (initials allowed)
#: then "is" and a description that opens in lower case ("is senior editor", "is the author").
_BIO = re.compile(rf"^(?P<name>{FULL_NAME}),?\s+is\s+[a-z]")
#: A title before the name ("Gov.", "Mr."): a report's line about an official, not a bio line.
_TITLED = re.compile(rf"^(?:{alternation('honorifics')})\b\.?", re.IGNORECASE)
#: Another "<Name> is" sentence in the closing paragraph: a line about several writers.
_ANOTHER = re.compile(rf"[.!?]\s+{FULL_NAME}\s+is\s+[a-z]")
#: A byline paragraph at the top ("By Jane Roe", "By Jane Roe, Special to the Times").
_BYLINE = re.compile(r"^By\s+[A-Z]")
_QUOTE_MARKS = re.compile("[\"“”‘]|(?<!\\w)'")
#: A closing bio line is short: at most this many characters.
_MAX_BIO = 400
#: A headline paragraph first in the text (at most this many words) is not the column's words.
_MAX_TITLE_WORDS = 25


def column_author(text: str) -> str | None:
    """The writer a column's closing bio line names, or None when the article has none."""
    paras = [w for w in (text[s:e].strip() for s, e in paragraphs(text)) if w]
    if len(paras) < 4:
        return None
    last = paras[-1]
    m = _BIO.match(last)
    if m is None or len(last) > _MAX_BIO or _QUOTE_MARKS.search(last) or _ANOTHER.search(last):
        return None
    name = m.group("name")
    tokens = name.split()
    if _TITLED.match(name) or not looks_like_person(tokens):
        return None
    surname = tokens[-1]
    body = [w for w in paras[:-1] if not _BYLINE.match(w)]
    if any(re.search(rf"\b{re.escape(surname)}\b", w) for w in body):
        return None
    return name


def authored_sentences(doc_id: str, text: str) -> list[Quote]:
    """One ledger record per sentence of a column's body, its closing bio line's writer the
    speaker (``kind="authored"``: the writer's own words, neither a quotation nor reported
    speech); [] for any other article. The headline, a byline paragraph, the bio line itself
    and a sentence holding quotation marks (another's words, or a title) are nobody's. The caller drops
    the sentences that hold another's words (:func:`~assistant.quotes.extract_quotes`)."""
    name = column_author(text)
    if name is None:
        return []
    spans = [(s, e) for s, e in paragraphs(text) if text[s:e].strip()]
    body = spans[:-1]
    if body and len(text[body[0][0] : body[0][1]].split()) <= _MAX_TITLE_WORDS:
        body = body[1:]  # the headline
    out: list[Quote] = []
    for s, e in body:
        if _BYLINE.match(text[s:e].strip()):
            continue
        out += [
            Quote(speaker=name, quote=text[a:b], doc_id=doc_id, start=a, end=b, kind="authored")
            for a, b in split_sentences(text, s, e)
            if not _QUOTE_MARKS.search(text[a:b])
        ]
    return out
