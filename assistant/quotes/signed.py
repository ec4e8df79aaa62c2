"""Readers' letters and posts signed by their writers: a letters page gives each letter's words
to the name that signs it on a line of its own after the letter ("Jane Roe." and perhaps her
town), and each reader's post to the handle under it ("@janeroe."). No quotation marks and no
verb of speech mark those words, so the cue-based extractor leaves them unattributed and an
answer quoting a letter names no one.

A page is read as signed only when it ENDS that way: its last body paragraph is followed by a
signature (a person's name of two to four capitalised words or initials, or a handle), perhaps
then a place line. A section heading looks like a name too ("Climate Change."), but it opens a
section rather than closing the article. On a signed page, every signature that follows a body
paragraph signs the paragraphs back to the previous signature, place line or heading (a line
with no lower-case word, "LETTERS."); a handle signs only the one paragraph above it (posts are
one paragraph, and the editor's call for them precedes the first). A paragraph that ends with a
colon introduces what follows and is nobody's letter.

Each unattributed sentence of a letter becomes an ``indirect`` record of its signer with no
cue; a sentence the extractor already gave to someone (the writer quoting a person), or whose
verb of speech has a subject it could not resolve ("Roe said, and I quote, ..."), is not the
writer's; an impersonal one ("It has been reported that ...") is.
Kept here rather than in the parse-based extractor: the evidence is the page's layout, which
no sentence parse sees."""

from __future__ import annotations

import re

from assistant.nlp import alternation
from assistant.nlp.text import paragraphs, split_sentences
from assistant.types import Quote

_WORD = r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.)"
_NAME = re.compile(rf"(?P<who>[A-Z][a-z'’]+\s+(?:{_WORD}\s+){{0,2}}[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)\.?")
_HANDLE = re.compile(r"(?P<who>@\w{2,30})\.?")
_PASSIVE = re.compile(rf"\b(?:{alternation('passive_be')})\s+$")
_PLACE = re.compile(r"[A-Z][\w.'’ -]{1,40},?\s+[A-Z][a-z]{0,3}\.?(?:\s?[A-Z]\.)?")


def _signature(line: str) -> tuple[str, bool] | None:
    """``(signer, is_handle)`` when ``line`` is only a signature."""
    m = _HANDLE.fullmatch(line)
    if m:
        return m.group("who"), True
    m = _NAME.fullmatch(line)
    return (m.group("who"), False) if m else None


def _body(line: str) -> bool:
    """A paragraph of running text (a letter's), not a signature, heading or place line."""
    return len(line.split()) >= 6 and any(w.islower() for w in line.split())


def _heading(line: str) -> bool:
    return not any(ch.islower() for ch in line)


def _impersonal(text: str, q: Quote) -> bool:
    """A record whose cue has no speaker because the verb is passive ("It has been reported
    that ..."), rather than one whose named subject went unresolved ("Roe said, and I quote,
    ...": Roe's words, not the letter writer's)."""
    at = q.attribution_start
    return at is not None and _PASSIVE.search(text, max(0, at - 12), at) is not None


def signed_quotes(doc_id: str, text: str, quotes: list[Quote]) -> list[Quote]:
    """The records of the signed letters and posts of ``text`` (see the module docstring), for
    the sentences that no attributed record of ``quotes`` covers."""
    paras = paragraphs(text)
    lines = [text[s:e] for s, e in paras]
    if len(lines) < 3:
        return []
    last = len(lines) - 1
    if _signature(lines[last]) is not None and _signature(lines[last - 1]) is not None:
        last -= 1  # "Jane Roe." then her town
    elif _PLACE.fullmatch(lines[last]) and not _body(lines[last]):
        last -= 1
    if _signature(lines[last]) is None or not _body(lines[last - 1]):
        return []
    out: list[Quote] = []
    taken = [(q.start, q.end) for q in quotes if q.speaker or (q.cue and not _impersonal(text, q))]
    start = 0
    for i, line in enumerate(lines):
        sig = _signature(line)
        if sig is None or i == 0 or not _body(lines[i - 1]):
            if sig is not None or _heading(line) or line.rstrip().endswith(":"):
                start = i + 1
            continue
        who, handle = sig
        first = i - 1 if handle else start
        for j in range(first, i):
            if not _body(lines[j]) or lines[j].rstrip().endswith(":"):
                continue
            for s, e in split_sentences(text, *paras[j]):
                if any(a < e and s < b for a, b in taken):
                    continue
                out.append(
                    Quote(speaker=who, quote=text[s:e], doc_id=doc_id, start=s, end=e, kind="indirect")
                )
        start = i + 1
    return out
