"""Time expressions: find them, keep the text's own words, resolve them when an anchor allows.

``find_time_expressions`` scans an article once with a handful of precompiled patterns
(explicit dates, weekdays, months, years, seasons, relative phrases), joins ranges
("Dec. 14 to Feb. 2"), then resolves each expression against the publication date:

* an expression with a written year is ``exact`` and needs no anchor;
* anything else is resolved only when ``published`` is given, ``inferred``, and aware of
  the tense of its clause: "will sit down ... Tuesday" takes the coming Tuesday, "said
  Monday" the past one, a present or unclear clause the nearest;
* with no anchor nothing is invented: ``date`` stays ``None`` and certainty is ``none``.

Conventions: a single day has ``end_date=None``; a period (week, month, season, range)
has ``date`` = first day and ``end_date`` = last day. ``text`` never includes a neutral
preposition ("on", "in", "by"...), which is kept in ``prep``; "since" is part of the text
of a ``since`` expression because it changes the meaning.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.errors import AssistantError
from assistant.nlp import alternation, months, weekdays
from assistant.nlp.timex_rules import (
    Spec,
    clause_tense,
    implied_tense,
    months_period,
    resolve_spec,
    sentence_bounds,
    spec_from_match,
    tense_matters,
)
from assistant.types import Sentence

__all__ = [
    "TimeExpr",
    "find_time_expressions",
    "format_when",
    "when_or_no_date",
    "render_period",
    "statement_date",
    "parse_user_date",
]


@dataclass(slots=True)
class TimeExpr:
    """One time expression of a text; ``text == source[start:end]`` always holds."""

    text: str
    start: int
    end: int
    kind: str
    date: dt.date | None = None
    end_date: dt.date | None = None
    certainty: str = "none"
    anchor: dt.date | None = None
    prep: str | None = None
    tense: str | None = None


def _cased(*forms: str) -> str:
    """Alternation of each form as written and in capitals ("Oct" and "OCT")."""
    return "(?:" + "|".join(f"{f}|{f.upper()}" for f in forms) + ")"


_MON_NAMES = tuple(m.name for m in months())
_MON = (
    _cased(*_MON_NAMES) + r"\b|"
    + _cased(*(a for m in months() for a in m.abbrevs))
    + r"(?:\.|\b)"
)  # fmt: skip
_WD = f"(?:{weekdays()})"
_YEAR = r"(?:1[89]|20)\d\d"
_NUM = (
    r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a\s+couple\s+of|a\s+few|several)"
)
#: "following" modifies only after "the" ("the following Monday"); alone it is a preposition
#: ("Following Monday's debate, ...").
_WMOD = r"(?:this\s+past|this\s+coming|last|next|this|coming|past|previous|the\s+following)"
_PARTS = f"(?:{alternation('period_parts')})"
_COUNTS = (
    r"people|persons|jobs|workers|employees|members|units|vehicles|homes|cars|troops|"
    r"soldiers|residents|votes|students|tonnes|tons|km|kilometres|kilometers|miles|metres|"
    r"meters|acres|barrels|words|pages|times|cases|deaths|signatures|dollars"
)

# Every family is found by a pattern that starts with its head word (a month, a weekday,
# a year...), so the regex engine skips ahead cheaply; optional words before the head
# ("mid-", "last", "Wednesday,") are read by a small backward pattern at each hit.
_HEADS: dict[str, re.Pattern[str]] = {
    "mon": re.compile(
        rf"\b(?P<mon>{_MON})(?:\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
        r"(?:(?:\s*[-–]\s*|\s+to\s+)(?P<day2>\d{1,2})(?![\d:]|\s*[ap]\.?m\b))?"
        r"(?![\d:%]|\.\d|\s*[ap]\.?m\b))?"
        rf"(?:,?\s+(?P<year>{_YEAR})(?![\d%]))?"
    ),
    "iso": re.compile(r"(?<![\d-])(?P<year>(?:1[89]|20)\d\d)-(?P<m>\d\d)(?:-(?P<d>\d\d))?(?![\d-])"),
    "year": re.compile(
        rf"(?<![\w$£€#.,/])(?P<year>{_YEAR})(?P<dec>s)?"
        r"(?:\s*[-–/]\s*(?P<y2>(?:1[89]|20)?\d\d)(?![\d%]))?"
        rf"(?![\w%]|[.,]\d|\s+(?:{_COUNTS})\b)"
    ),
    "weekday": re.compile(
        rf"\b(?P<wd>{_WD}|{_WD.upper()})(?!s\b)\b(?:\s+(?P<tod>morning|afternoon|evening|night)\b)?"
    ),
    "season": re.compile(
        rf"\b(?P<season>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)\b"
        rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR})\b)?"
    ),
    "unit": re.compile(
        r"\b(?P<unit>weekend|weeks?|months?|years?|days?)\b(?!\s+of\b|['’]s\s+\d)"
        r"(?:\s+(?P<dir>ago|from\s+now)\b)?"
    ),
    "dayword": re.compile(
        r"\b(?P<word>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Ll]ast\s+night"
        r"|[Tt]his\s+(?:morning|afternoon|evening))\b"
    ),
}
_DAYWORDS = (
    "yesterday", "today", "tomorrow", "tonight", "last night", "this mor", "this aft", "this eve",
)  # fmt: skip


def _cap(word: str) -> str:
    return f"{word}|{word[0].upper()}{word[1:]}"


#: Cheap literal scans (no leading ``\b``, so the engine can skip ahead) that propose
#: positions where the anchored head patterns above are tried, in order.
_TRIGGERS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile("|".join(n[:3] + "|" + n[:3].upper() for n in _MON_NAMES)), ("mon",)),
    (re.compile(r"(?:19|20)\d\d"), ("iso", "year")),
    (re.compile("|".join(f"{d}|{d.upper()}" for d in _WD[3:-1].split("|"))), ("weekday",)),
    (re.compile("spring|summer|fall|autumn|winter|Spring|Summer|Fall|Autumn|Winter"), ("season",)),
    (re.compile("week|month|year|day"), ("unit",)),
    (re.compile("|".join(_cap(w) for w in _DAYWORDS)), ("dayword",)),
)
_BEFORE: dict[str, re.Pattern[str]] = {
    "mon": re.compile(
        rf"(?:\b(?P<wd>{_WD}),?\s+)?(?:(?<![\d$.,])\b(?P<pday>\d{{1,2}})(?:st|nd|rd|th)?\s+"
        rf"(?:of\s+)?)?(?:\b(?P<part>{_PARTS})[\s-]+)?(?:\b(?P<mod>{_WMOD})\s+)?$",
        re.I,
    ),
    "year": re.compile(r"(?:\b(?P<part>early|mid|late)[\s-]+)?$", re.I),
    "weekday": re.compile(rf"(?:\b(?P<mod>{_WMOD})\s+)?$", re.I),
    "season": re.compile(
        r"(?:\b(?P<part>early|mid|late|earlier|later)[\s-]+)?"
        r"(?:\b(?P<det>the|this\s+past|this\s+coming|this|last|next|coming|past)\s+)?$",
        re.I,
    ),
    "unit": re.compile(
        r"(?:\b(?P<part>early|mid|late|earlier|later)[\s-]+)?"
        r"(?:\b(?P<mod>this\s+past|this\s+coming|the\s+past|the\s+previous|the\s+coming"
        r"|the\s+next|the\s+last|this|last|next|past|previous|coming)\s+)?"
        rf"(?:\b(?P<num>{_NUM})\s+)?$",
        re.I,
    ),
}

_PREPS = {
    "on", "in", "at", "by", "from", "since", "until", "till", "through", "throughout",
    "during", "over", "before", "after", "between", "starting", "beginning",
    "as of", "ahead of", "as early as", "no later than",
}  # fmt: skip
_PREFIX_WORDS = {
    "last", "next", "this", "coming", "past", "previous", "following", "early", "mid", "late",
    "earlier", "later", "of", "the", "a", "an", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "eleven", "twelve", "few", "several",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)?")
_RANGE_GLUE = re.compile(rf"\s*(?:{alternation('range_words')}|-|–|—)\s*", re.I)
_RANGE_KINDS = {("date", "date"), ("month", "month"), ("weekday", "weekday"), ("year", "year")}


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    kind: str
    spec: Spec


def _candidates(text: str, start: int, end: int) -> list[_Cand]:
    """Every plausible match of every family inside ``[start, end)``."""
    out: list[_Cand] = []
    for trigger, families in _TRIGGERS:
        for hit in trigger.finditer(text, start, end):
            for family in families:
                m = _HEADS[family].match(text, hit.start(), end)
                if m is None:
                    continue
                groups = m.groupdict()
                s = m.start()
                before = _BEFORE.get(family)
                if before is not None and _may_have_prefix(text, s):
                    b = before.search(text, max(start, s - 32), s)
                    if b is not None and b.start() < s:
                        groups.update({k: v for k, v in b.groupdict().items() if v})
                        s = b.start()
                follows = text[m.end() : m.end() + 4]
                prep = _prep_before(text, s)
                made = spec_from_match(family, groups, prep[0] if prep else None, follows)
                if made is not None:
                    out.append(_Cand(s, m.end(), made[0], made[1]))
                    break
    return out


def _words_before(text: str, pos: int, n: int) -> list[str]:
    """Up to ``n`` words right before ``pos`` (only when white space separates them)."""
    chunk = text[max(0, pos - 24) : pos]
    if not chunk or not chunk[-1].isspace():
        return []
    return chunk.split()[-n:]


def _may_have_prefix(text: str, pos: int) -> bool:
    """Cheap test before the backward prefix pattern: does a prefix word end at ``pos``?"""
    chunk = text[max(0, pos - 16) : pos].rstrip(" -,\n\t")
    if len(chunk) == pos - max(0, pos - 16):
        return False
    last = chunk.rsplit(None, 1)[-1].lower() if chunk.strip() else ""
    return last in _PREFIX_WORDS or bool(_ORDINAL.fullmatch(last))


def _prep_before(text: str, pos: int) -> tuple[str, int] | None:
    """The preposition right before ``pos`` and where it starts."""
    words = _words_before(text, pos, 3)
    for k in (1, 2, 3):
        if len(words) >= k:
            phrase = " ".join(words[-k:])
            if phrase.lower() in _PREPS:
                where = text.rfind(words[-k], max(0, pos - 24), pos)
                if where == 0 or not text[where - 1].isalnum():
                    return phrase, where
    return None


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest non-overlapping candidates, leftmost first."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    chosen: list[_Cand] = []
    for c in cands:
        if chosen and c.start < chosen[-1].end:
            if c.end - c.start > chosen[-1].end - chosen[-1].start:
                chosen[-1] = c
            continue
        chosen.append(c)
    return chosen


def find_time_expressions(
    text: str,
    start: int = 0,
    end: int | None = None,
    published: dt.date | None = None,
    *,
    tenses: bool = False,
) -> list[TimeExpr]:
    """Time expressions of ``text[start:end]`` with absolute offsets, resolved when possible.

    The clause tense is read only where the date depends on it (a bare weekday, month,
    season or year-less date) or follows from the words ("last", "next", "ago"); pass
    ``tenses=True`` to read it for every expression (explicit dates included).
    """
    end = len(text) if end is None else end
    picked = _select(_candidates(text, start, end))
    out: list[TimeExpr] = []
    i = 0
    while i < len(picked):
        a = picked[i]
        b = picked[i + 1] if i + 1 < len(picked) else None
        prep = _prep_before(text, a.start)
        if prep is not None and prep[1] < start:  # stay inside the window asked for
            prep = None
        if b is not None and _is_range(text, a, b, prep[0] if prep else None):
            spec: Spec | tuple[Spec, Spec] = (a.spec, b.spec)
            joined = _build(text, a.start, b.end, "range", spec, prep, published, tenses)
            if joined.date is None or joined.end_date is None or joined.end_date > joined.date:
                out.append(joined)
                i += 2
                continue
            # the two ends resolve out of order: not a range, two separate expressions
        out.append(_build(text, a.start, a.end, a.kind, a.spec, prep, published, tenses))
        i += 1
    return out


def _is_range(text: str, a: _Cand, b: _Cand, prep: str | None) -> bool:
    glue = _RANGE_GLUE.fullmatch(text, a.end, b.start)
    if glue is None or (a.kind, b.kind) not in _RANGE_KINDS:
        return False
    if glue.group().strip().lower() == "and":
        return (prep or "").lower() == "between"
    return True


#: A possessive after an expression ("Tuesday's primary") makes it a noun's modifier.
_POSSESSIVE = re.compile(r"['’]s\b")


def _build(
    text: str,
    s: int,
    e: int,
    kind: str,
    spec: Spec | tuple[Spec, Spec],
    prep_at: tuple[str, int] | None,
    published: dt.date | None,
    tenses: bool,
) -> TimeExpr:
    prep, lead = prep_at if prep_at else (None, s)
    if prep and _POSSESSIVE.match(text, e):
        prep, lead = None, s  # "in Tuesday's primary": the preposition is the noun phrase's
    p = (prep or "").lower()
    if p == "since":
        s, prep, kind = lead, None, "since"
    tense = implied_tense(spec, p)
    if tense is None and (tenses or tense_matters(spec)):
        tense = clause_tense(text, lead, e, p)
    period, exact = resolve_spec(spec, published, tense)
    certainty = "none" if period is None else ("exact" if exact else "inferred")
    return TimeExpr(
        text=text[s:e],
        start=s,
        end=e,
        kind=kind,
        date=period[0] if period else None,
        end_date=(period[1] if period and period[1] != period[0] else None),
        certainty=certainty,
        anchor=published,
        prep=prep,
        tense=tense,
    )


# ---------------------------------------------------------------------------- rendering

_AP_MONTHS = [m.ap for m in months()]
_LOWER_LEAD = re.compile(
    rf"^(?:{alternation('lowercase_time_leads')}|\w+\s+(?:days?|weeks?|months?|years?))\b",
    re.I,
)
_SEASONS = {3: "spring", 6: "summer", 9: "fall", 12: "winter"}
_DEFAULT_PREP = {"date": "on", "weekday": "on", "month": "in", "year": "in", "season": "in"}


def _day(d: dt.date, year: bool = True) -> str:
    out = f"{_AP_MONTHS[d.month - 1]} {d.day}"
    return f"{out}, {d.year}" if year else out


def render_period(start: dt.date, end: dt.date | None = None) -> str:
    """AP-style rendering: "Oct. 7, 2025", "July 2026", "2026", "Dec. 11–20, 2025"."""
    if end is None or end == start:
        return _day(start)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    season = _SEASONS.get(start.month)
    if season and start.day == 1 and (end.month - start.month) % 12 == 2 and end.day > 27:
        return f"{season} {start.year}" + (f"–{str(end.year)[2:]}" if end.year > start.year else "")
    if start.day == 1 and end == months_period(end.year, end.month, end.month)[1]:
        first = _AP_MONTHS[start.month - 1]
        if (start.year, start.month) == (end.year, end.month):
            return f"{first} {start.year}"
        if start.year == end.year:
            return f"{first} – {_AP_MONTHS[end.month - 1]} {end.year}"
        return f"{first} {start.year} – {_AP_MONTHS[end.month - 1]} {end.year}"
    if start.year != end.year:
        return f"{_day(start)} – {_day(end)}"
    if start.month == end.month:
        return f"{_AP_MONTHS[start.month - 1]} {start.day}–{end.day}, {start.year}"
    return f"{_day(start, year=False)} – {_day(end)}"


def _phrase(expr: TimeExpr, default_prep: bool = True) -> str:
    """The expression with its preposition (the text's own, else a usual one)."""
    words = expr.text
    if _LOWER_LEAD.match(words):
        words = words[0].lower() + words[1:]
    prep = expr.prep.lower() if expr.prep else None
    if prep is None and default_prep and not _LOWER_LEAD.match(expr.text):
        prep = _DEFAULT_PREP.get(expr.kind)
        if expr.kind == "year" and words.endswith("s"):
            prep = "in the"
    return f"{prep} {words}" if prep else words


def _plain(s: str) -> str:
    return re.sub(r"[.,\s]", "", s.replace("–", "-"))


#: How far back (sentences, within the paragraph or the one before) a scene-setting time
#: expression carries: "On Sunday, Trump went on the offensive. / “She just made it up,” he
#: said during a call to ABC's “This Week.”"
SCENE_REACH = 2
#: A scene-setting expression opens its sentence: it starts within this many characters.
_SCENE_OPENING = 12


def scene_time(
    text: str, sentences: Sequence[Sentence], i: int, published: dt.date | None = None
) -> tuple[TimeExpr, Sentence] | None:
    """The time sentence ``i`` (of ``sentences``, in article order) is set at when it has no
    time expression of its own, and the sentence that says so; else None.

    News sets a scene once and tells what happened in it over the next sentences: a day or
    time that *opens* one of the :data:`SCENE_REACH` sentences before (its first words, as
    "On Sunday," or "Late Tuesday,"), in the same paragraph or the one before, carries to
    the sentences after it, unless one between them has a time expression of its own. A
    time expression inside the sentence ("said on Sunday that ...") sets no scene."""
    own = sentences[i]
    if find_time_expressions(text, own.start, own.end, published):
        return None
    for back in range(1, SCENE_REACH + 1):
        k = i - back
        if k < 0 or sentences[k].paragraph < own.paragraph - 1 or sentences[k].furniture:
            return None
        exprs = find_time_expressions(text, sentences[k].start, sentences[k].end, published)
        if not exprs:
            continue
        first = exprs[0]
        lead = text[sentences[k].start : first.start]
        if len(lead) <= _SCENE_OPENING and not re.search(r"[.!?]", lead):
            return first, sentences[k]
        return None
    return None


def format_when(expr: TimeExpr) -> str:
    """ "on Tuesday (Oct. 7, 2025)" when resolved; otherwise the text's own words ("Tuesday").

    An exact expression that already shows its date is not repeated: "on Oct. 1, 2025".
    """
    if expr.date is None:
        return _phrase(expr, default_prep=False)
    phrase = _phrase(expr)
    rendered = render_period(expr.date, expr.end_date)
    if expr.certainty == "exact" and (
        _plain(rendered) in _plain(expr.text) or re.fullmatch(r"\d{4}s?", expr.text)
    ):
        return phrase
    return f"{phrase} ({rendered})"


def when_or_no_date(expr: TimeExpr) -> str:
    """Like :func:`format_when`, but says so when the article gives no date to place it."""
    if expr.date is None:
        return f"{_phrase(expr, default_prep=False)} (the article gives no date)"
    return format_when(expr)


# ---------------------------------------------------------------------- statement dates

#: A statement's cue (``wordlists.txt`` [statement_cues]; "_" joins a phrase's words).
_SPEECH = re.compile(
    rf"\b(?:{alternation('statement_cues')})\b",
    re.I,
)
_MAX_GAP = 60


def statement_date(text: str, quote_start: int, quote_end: int, published: dt.date | None) -> TimeExpr | None:
    """The time expression dating the words at ``[quote_start, quote_end)``, if the text has one.

    Looks in the sentence(s) around the quote but outside it, and keeps only expressions
    close to a speech cue ("said ... Monday", "On Friday, X spoke to ..."), not in a
    future clause. Returns ``None`` rather than guessing.
    """
    lo, hi = sentence_bounds(text, quote_start, quote_end, 400)
    best: tuple[int, TimeExpr] | None = None
    for part in ((lo, quote_start), (quote_end, hi)):
        if part[1] <= part[0]:
            continue
        for expr in find_time_expressions(text, part[0], part[1], published):
            if expr.tense == "future" or expr.kind in {"year", "since"}:
                continue
            gap = _speech_gap(text, expr, part[0], part[1])
            if gap is not None and (best is None or gap < best[0]):
                best = (gap, expr)
    return best[1] if best else None


def _speech_gap(text: str, expr: TimeExpr, lo: int, hi: int) -> int | None:
    gaps = []
    for m in _SPEECH.finditer(text, max(lo, expr.start - _MAX_GAP), min(hi, expr.end + _MAX_GAP)):
        between = text[min(m.end(), expr.end) : max(m.start(), expr.start)]
        if ";" in between or "\n" in between:
            continue
        gaps.append(m.start() - expr.end if m.start() >= expr.end else expr.start - m.end())
    return min((max(g, 0) for g in gaps), default=None)


# ----------------------------------------------------------------------- user input dates


_ISO_PARTIAL = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def parse_user_date(s: str, *, end: bool = False, today: dt.date | None = None) -> dt.date:
    """Read a ``--since``/``--until`` value: ISO ("2025-10-07", "2025-10", "2025"), a written
    date ("Oct 7 2025", "10/07/2025", "October 2025"), or a phrase relative to today
    ("yesterday", "last Tuesday", "3 days ago", "last week", "last month", "last spring").

    A value naming a period gives its first day, or its last day with ``end=True``. Free
    text is dateparser's (:func:`_dateparser_period`); ISO partials are read here first,
    because dateparser takes "2025-10" for a day and "2025-13-01" for January 13th, and
    seasons ("last spring") are this module's own phrases, which dateparser does not know.
    """
    raw = " ".join(s.split())
    today = today or dt.date.today()
    try:
        iso = _ISO_PARTIAL.fullmatch(raw)
        if iso:
            y, m, d = (int(g) if g else None for g in iso.groups())
            assert y is not None
            if d is not None and m is not None:
                return dt.date(y, m, d)
            first, last = months_period(y, m or 1, m or 12)
            return last if end else first
    except ValueError as exc:
        raise AssistantError(f"Not a valid date: {s!r} ({exc}).") from None
    period = _dateparser_period(raw, today)
    if period is None:
        exprs = [x for x in find_time_expressions(raw, published=today) if x.date is not None]
        if len(exprs) == 1 and exprs[0].end == len(raw) and _LEAD_IN.fullmatch(raw[: exprs[0].start]):
            x = exprs[0]
            assert x.date is not None
            period = (x.date, x.end_date or x.date)
    if period is not None:
        return period[1] if end else period[0]
    raise AssistantError(
        f"Could not read the date {s!r}: use YYYY-MM-DD, YYYY-MM, YYYY, 'Oct 7 2025' "
        "or a relative phrase such as 'last week' or 'yesterday'."
    )


#: What may stand before a time expression that is the whole of a user's date ("in 2025").
_LEAD_IN = re.compile(rf"(?:(?:{alternation('date_lead_prepositions')})\s+)?", re.I)
#: The words that show a period dateparser reports was written, not filled in from today:
#: it reads "the 7th" as July, so a month period needs a month's name or the word "month".
_MONTH_WORDS = sorted({w.lower().rstrip(".") for m in months() for w in (m.name, *m.abbrevs)}, key=len)
_PERIOD_WORDS = {
    "week": re.compile(r"\bweek", re.I),
    "month": re.compile(r"\bmonth|\b(?:" + "|".join(reversed(_MONTH_WORDS)) + r")\b", re.I),
    "quarter": re.compile(r"\bquarter|\bq[1-4]\b", re.I),
    "year": re.compile(r"\byear|\b\d{4}\b", re.I),
    "day": re.compile(r"."),
}


def _dateparser_period(raw: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first and last day of what dateparser reads ``raw`` as, relative to ``today``
    and preferring the past ("Tuesday" is the last one): a day, a week (Monday to Sunday),
    a month, a quarter or a year; ``None`` for a time of day or a period the text does not
    name (:data:`_PERIOD_WORDS`)."""
    from dateparser.date import DateDataParser

    base = dt.datetime(today.year, today.month, today.day)
    settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True}
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(raw)
    got, period = data.date_obj, data.period
    if got is None or period not in _PERIOD_WORDS or not _PERIOD_WORDS[period].search(raw):
        return None
    day = got.date()
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if period == "month":
        return months_period(day.year, day.month, day.month)
    if period == "quarter":
        first = 3 * ((day.month - 1) // 3) + 1
        return months_period(day.year, first, first + 2)
    if period == "year":
        return months_period(day.year, 1, 12)
    return day, day
