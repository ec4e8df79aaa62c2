"""Page furniture: the parts of a scraped page that are not the article's content.

Furniture is *marked*, never deleted, so offsets into the stored text stay valid. The
rules are general (patterns seen across news sites), not per-file: audio-player notices,
"Related Articles" / "Trending" / "Help us improve" blocks, photo credits and captions,
a headline repeated twice, outlet and section header lines, and short subheads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.nlp.text import paragraphs

_NOTICE = re.compile(
    r"""^(?:
        listen\ to\ (?:this\ )?(?:article|story)(?:\ \W?\s*\d+\s*min\w*)?
      | estimated\ \d+\ min(?:ute)?s?(?:\ read)?
      | \d+\ min(?:ute)?s?\ read
      | the\ audio\ version\ of\ this\ (?:article|story)\b.*
      | mispronunciations\ can\ occur\b.*
      | related\ (?:articles?|stories|coverage|content|links)
      | (?:most\ )?(?:trending|popular|read\ more|more\ from\ \w+|recommended|you\ may\ also\ like).{0,20}
      | help\ us\ improve\.?
      | (?:share|share\ this\ article|advertisement|sponsored(?:\ content)?|subscribe.*newsletter.*)
      | (?:sign\ up|subscribe)\ (?:for|to)\ (?:our|the)\ .{0,40}newsletter.*
      | click\ here\ to\ view\ gallery
      | (?:photo|image|video)\s*(?:credit)?\s*:.*
      | (?:copyright|©).{0,80}
      | (?:updated|published|posted)\s*:?\s*\w{3,9}\.?\s+\d{1,2},?\s+\d{4}.*
      | back\ to\ top
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

#: Credit markers that make a line a photo caption (agency/photographer credit).
_CREDIT = re.compile(
    r"(?:\(?(?:Photo|Image|Credit)s?\s*(?:by)?\s*:|"
    r"Click here to view gallery|/\s*(?:Getty Images|Reuters|AP Photo|AFP))"
)
#: An agency's capitals and the photographer's name ("THE CANADIAN PRESS/Justin Tang"). A
#: caption's credit ends it, or stands beside a "Photo" / "gallery" marker; in the body of an
#: article the same shape names a poll ("A CNN/ORC poll in January shows ...", "the USA
#: TODAY/Suffolk poll said ..."), whose paragraph is the article's content.
_CAPS_CREDIT = re.compile(r"\b[A-Z][A-Z .]{3,}/[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)*")
_CAPS_CREDIT_AT_END = re.compile(_CAPS_CREDIT.pattern + r"[\s.)\]]*$")

_TERMINAL = ".!?\"'”’:;"


@dataclass
class Layout:
    """What the furniture pass found in one article (all offsets into its text)."""

    furniture: list[tuple[int, int, str]] = field(default_factory=list)
    header: list[tuple[int, int]] = field(default_factory=list)
    title: tuple[int, int] | None = None

    def is_furniture(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e, _ in self.furniture)


def _word_count(s: str) -> int:
    return len(s.split())


def analyse(text: str) -> Layout:
    """Mark furniture, header lines and the headline of an article."""
    layout = Layout()
    paras = paragraphs(text)
    seen_content = False
    prev: str | None = None
    for i, (s, e) in enumerate(paras):
        line = text[s:e]
        stripped = line.strip()
        kind: str | None = None
        if _NOTICE.match(stripped):
            kind = "notice"
        elif prev is not None and stripped == prev:
            kind = "repeated"
        elif _is_caption(stripped):
            kind = "caption"
        elif not seen_content and layout.title is None and _is_header_line(stripped):
            layout.header.append((s, e))
            kind = "header"
        elif not seen_content and layout.title is None and _is_headline(stripped):
            layout.title = (s, e)
        elif seen_content and _is_subhead(stripped, text, paras, i):
            kind = "subhead"
        else:
            seen_content = True
        if kind is not None:
            layout.furniture.append((s, e, kind))
        prev = stripped
    return layout


def _is_caption(line: str) -> bool:
    """A photo caption: a credit marker ("Photo:", "/ Reuters", "Click here to view gallery"),
    or an agency's capitals and a name (:data:`_CAPS_CREDIT`) that end the line or stand
    beside "Photo" / "gallery"."""
    marked = "Photo" in line or "gallery" in line
    if _CREDIT.search(line) and (marked or "/" in line):
        return True
    return bool(_CAPS_CREDIT_AT_END.search(line) or (marked and _CAPS_CREDIT.search(line)))


def _is_header_line(line: str) -> bool:
    """An outlet or section label above the headline: one to three words, no punctuation."""
    return _word_count(line) <= 3 and line[-1] not in _TERMINAL and len(line) <= 40


def _is_headline(line: str) -> bool:
    n = _word_count(line)
    return 3 <= n <= 25 and line[-1] not in ".:;"


def _is_subhead(line: str, text: str, paras: list[tuple[int, int]], i: int) -> bool:
    """A short unterminated line between body paragraphs (a section subhead)."""
    if _word_count(line) > 10 or line[-1] in _TERMINAL or len(line) > 90:
        return False
    following = paras[i + 1 : i + 2]
    return bool(following) and _word_count(text[following[0][0] : following[0][1]]) > 12
