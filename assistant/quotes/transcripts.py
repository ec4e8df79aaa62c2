"""Transcripts: a paragraph that opens with a speaker's name in capitals and a colon is that speaker's turn.

News prints an interview or a broadcast exchange as a transcript, one turn a paragraph, each
opened by its speaker's name in capitals and a colon, without quotation marks::

    JANE ROE: Why not hold the vote now?
    DOE: Because the board has not read the plan.

No sentence of a turn names its speaker in the way the quotation rules and the parse read
(:func:`~assistant.quotes.extract_quotes`), so a turn had no speaker and an answer showing it
none. The parse rules read a turn quoted whole (``“ROE: ...”``,
``ParsedArticle.transcript_turn``); this reads the page's layout, paragraph by paragraph, the
sibling of :mod:`assistant.quotes.letters`.

Strict on purpose: a capitalised run-in ("UPDATE:", "EDITOR'S NOTE:", "PREVIOUSLY:") opens a
paragraph too. The layout counts as a transcript only with three tagged paragraphs or more, two
speakers or more, and one speaker (by surname) taking two turns or more: an exchange, not a
list of notes. A one-word tag ("DOE") is the speaker a fuller tag of the same transcript names
("JOHN DOE")."""

from __future__ import annotations

import re
from collections import Counter

from assistant.nlp.text import paragraphs
from assistant.types import Quote

#: A speaker's tag: one to three words in capitals (initials and apostrophes allowed). Read
#: here before a paragraph's colon, and by the parse rules before a quoted turn's
#: (``ParsedArticle.transcript_turn``).
SPEAKER_TAG = r"[A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,2}"
#: A turn's tag: the speaker's tag, a colon.
_TAG = re.compile(rf"(?P<name>{SPEAKER_TAG}):[ \t]+(?=\S)")
#: Turns, speakers and one speaker's turns a transcript needs (module docstring).
_MIN_TURNS, _MIN_SPEAKERS, _MIN_REPEAT = 3, 2, 2


def _full_names(tags: list[str]) -> dict[str, str]:
    """Each tag's speaker in title case, a one-word tag widened to the longest tag of the
    transcript that ends with it ("TAPPER" -> "Jake Tapper" after "JAKE TAPPER")."""
    out = {}
    for tag in tags:
        words = tag.split()
        longer = [t for t in tags if len(words) == 1 and t.split()[-1] == words[0]]
        out[tag] = max(longer or [tag], key=len).title()
    return out


def transcript_turns(doc_id: str, text: str) -> list[Quote]:
    """One ledger record per turn of a transcript (module docstring), the words after the tag,
    its speaker the tag's name (``kind="indirect"``, as a letter's paragraph: the words are
    the speaker's own, printed without quotation marks; ``cue=":"``); [] for an article with
    none."""
    turns = []
    for s, e in paragraphs(text):
        words = text[s:e]
        lead = len(words) - len(words.lstrip())
        m = _TAG.match(text, s + lead, e)
        if m is not None:
            turns.append((m.group("name"), m.end(), e))
    names = _full_names([t for t, _, _ in turns])
    speakers = Counter(names[t].split()[-1] for t, _, _ in turns)
    if (
        len(turns) < _MIN_TURNS
        or len(speakers) < _MIN_SPEAKERS
        or max(speakers.values(), default=0) < _MIN_REPEAT
    ):
        return []
    out = []
    for tag, a, b in turns:
        b = a + len(text[a:b].rstrip())
        out.append(
            Quote(
                speaker=names[tag], quote=text[a:b], doc_id=doc_id, start=a, end=b, cue=":", kind="indirect"
            )
        )
    return out
