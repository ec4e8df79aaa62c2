"""Mojibake in article text: UTF-8 that was read as Latin-1/cp1252 ("GÃ¼len" for "Gülen").

News text scraped through several systems carries it: 37 of PolNeAR's 924 articles do (names
such as Peña, Gülen, François, Juárez), and a question that names "Gulen" then finds no article
that mentions him, and the answer quotes "GÃ1⁄4len". ``ftfy``, the field's library for this job,
repairs the common form. Text that was also Unicode-normalised after the damage (NFKD, as in
PolNeAR) is out of its reach: the second character of the pair was rewritten ("¼" became "1⁄4",
"¯" a space and a combining macron, "º" an "o", "Ã" an "A" and a combining tilde), so its
bytes no longer spell the UTF-8 sequence. :func:`repair` first puts those characters back, only
right after the "Ã" or "Â" that begins such a pair (neither letter occurs in English text on
its own), then lets ``ftfy`` decode the word.

Only words holding such a pair change, each as a whole and only when the repair leaves fewer
traces of mojibake than it found ("realÃ¢€world" lost a byte and stays as it was); the rest of
the text stays exactly as read, so every offset before the first repaired word is unchanged.
"""

from __future__ import annotations

import re

import ftfy

#: ftfy's encoding repair alone: no quote uncurling, width folding, HTML unescaping or
#: normalisation of the text around it; no guessing that a space was a lost no-break space
#: (``restore_byte_a0``): :data:`_BACK` puts that one back where it is certain.
_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    restore_byte_a0=False,
    fix_c1_controls=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
)

#: What Unicode compatibility normalisation made of the Latin-1 characters U+00A0..U+00BF (the
#: second byte of a two-byte UTF-8 sequence read as Latin-1), longest first.
_BACK = {
    "1\u20444": "\u00bc",
    "1\u20442": "\u00bd",
    "3\u20444": "\u00be",
    " \u0304": "\u00af",
    " \u0308": "\u00a8",
    " \u0301": "\u00b4",
    " \u0327": "\u00b8",
    "\u03bc": "\u00b5",
    "a": "\u00aa",
    "o": "\u00ba",
    "1": "\u00b9",
    "2": "\u00b2",
    "3": "\u00b3",
    " ": "\u00a0",
}
_LEAD = {"A\u0303": "\u00c3", "A\u0302": "\u00c2", "\u00c3": "\u00c3", "\u00c2": "\u00c2"}
_LEADS = "A\u0303|A\u0302|\u00c3|\u00c2"
_BACKS = "|".join(re.escape(k) for k in _BACK)  # ordered: the longest form of each first
_PAIR = re.compile(f"({_LEADS})({_BACKS})?")
#: A word that may hold such a pair, character by character (linear, however long the text): no
#: whitespace, but the spaces NFKD wrote for a character (one before a combining mark; one after a
#: lead with another space after it: a no-break space, "déjÃ" + "  vu" for "déjà vu"). Not
#: ``\S``: U+00A0 is whitespace to ``re``, and it may be the pair's second byte.
_TOKEN = re.compile(
    "(?:[^ \t\n\r\f\v]|(?:(?<=[\u00c3\u00c2])|(?<=A[\u0303\u0302])) (?=[ \t\n\r\f\v])| (?=[\u0300-\u036f]))+"
)
_HAS_LEAD = re.compile(_LEADS)
_TRACE = re.compile("[\u00c3\u00c2]|\u00e2\u20ac")


def _restore(m: re.Match[str]) -> str:
    return _LEAD[m.group(1)] + (_BACK[m.group(2)] if m.group(2) else "")


def _decoded(word: str) -> str:
    restored = _PAIR.sub(_restore, word)
    fixed = ftfy.fix_text(restored, config=_CONFIG)
    return fixed if len(_TRACE.findall(fixed)) < len(_TRACE.findall(restored)) else word


def repair(text: str) -> str:
    """``text`` with its mojibake words decoded; the very same string when it has none."""
    if not _HAS_LEAD.search(text):
        return text  # the common case: nothing to look at
    out: list[str] = []
    last = 0
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        if not _HAS_LEAD.search(word):
            continue
        fixed = _decoded(word)
        if fixed != word:
            out += [text[last : m.start()], fixed]
            last = m.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)
