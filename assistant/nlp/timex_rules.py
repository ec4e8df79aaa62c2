"""Rules behind :mod:`assistant.nlp.timex`: what a match means, its tense, and its calendar dates.

Kept apart from the scanner so each half stays small. Nothing here knows about offsets
beyond the clause window used to read the tense.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from assistant.nlp import months
from assistant.nlp.text import abbreviation

Period = tuple[dt.date, dt.date]

#: Month number by the first three letters of its name ("sep" for "Sept.").
_MONTHS = {m.name[:3].lower(): m.number for m in months()}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2,
}  # fmt: skip
_SEASON_MONTH = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
#: Bare month names that are also first names or common words need a preposition or year.
_AMBIGUOUS_MONTHS = {"march", "may", "june", "april", "august"}
_SEASON_PREPS = {"in", "over", "during", "by", "until", "till", "since", "through",
                 "throughout", "before", "after", "from", "ahead of"}  # fmt: skip
_PAST_MODS = {"last", "previous", "past", "this past"}
_FUTURE_MODS = {"next", "coming", "this coming", "the following"}


@dataclass(frozen=True, slots=True)
class Spec:
    """What a matched expression denotes, before any anchor is applied."""

    tag: str  # fixed|monthday|month|weekday|season|unit|window|ago|dayword|vague
    fixed: Period | None = None
    month: int = 0
    day: int = 0
    day2: int = 0
    weekday: int = -1
    season: str = ""
    unit: str = ""
    num: int = 0
    mod: str = ""
    part: str = ""


def _norm(s: str | None) -> str:
    return " ".join(s.lower().split()) if s else ""


def months_period(year: int, first: int, last: int) -> Period:
    """First day of month ``first`` to the last day of month ``last`` of ``year``."""
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def _part_of(period: Period, part: str, anchor: dt.date | None = None) -> Period:
    """early/mid/late thirds of a period; earlier/later split at the anchor."""
    a, b = period
    months = (b.year - a.year) * 12 + b.month - a.month + 1
    if months >= 3 and months % 3 == 0 and a.day == 1 and part in {"early", "mid", "late"}:
        k = months // 3
        first = _shift_months(a, {"early": 0, "mid": k, "late": 2 * k}[part])
        last = _shift_months(first, k) - dt.timedelta(days=1)
        return first, last
    days = (b - a).days + 1
    third = max(1, days // 3)
    if part in {"early", "the start of", "the beginning of", "start of"}:
        return a, a + dt.timedelta(days=third - 1)
    if part in {"mid", "the middle of"}:
        return a + dt.timedelta(days=third), a + dt.timedelta(days=2 * third - 1)
    if part in {"late", "the end of", "end of"}:
        return a + dt.timedelta(days=2 * third), b
    if part == "earlier" and anchor and a <= anchor <= b:
        return a, anchor
    if part == "later" and anchor and a <= anchor <= b:
        return anchor, b
    return period


def _num(token: str) -> int | None:
    t = _norm(token)
    return int(t) if t.isdigit() else _NUMBERS.get(t)


def _day_spec(g: dict[str, str | None], month: int) -> Spec | None:
    day, day2 = int(g["day"] or g.get("pday") or 0), int(g.get("day2") or 0)
    if not 1 <= day <= 31 or (day2 and not day < day2 <= 31):
        return None
    year = g["year"]
    if year is None:
        return Spec("monthday", month=month, day=day, day2=day2)
    try:
        y = int(year)
        return Spec("fixed", fixed=(dt.date(y, month, day), dt.date(y, month, day2 or day)))
    except ValueError:
        return None


def spec_from_match(
    family: str, g: dict[str, str | None], prep: str | None, follows: str
) -> tuple[str, Spec] | None:
    """Interpret one hit (head groups merged with the words before it).

    ``None`` rejects it: a month name that is more likely a word or a first name, a
    season that is not a time ("the fall of ..."), a unit with no modifier ("a year").
    """
    if family == "mon":
        if g.get("wd") and not (g["wd"] or " ")[0].isupper():
            return None
        month = _MONTHS[(g["mon"] or "")[:3].lower()]
        if g["day"] or g.get("pday"):
            spec = _day_spec(g, month)
            return None if spec is None else ("range" if g.get("day2") else "date", spec)
        return _month_spec(g, month, prep)
    if family == "iso":
        y, mo = int(g["year"] or 0), int(g["m"] or 0)
        try:
            if g["d"]:
                d = dt.date(y, mo, int(g["d"]))
                return "date", Spec("fixed", fixed=(d, d))
            return "month", Spec("fixed", fixed=months_period(y, mo, mo))
        except ValueError:
            return None
    if family == "year":
        return _year_spec(g)
    if family == "weekday":
        wd = _WEEKDAYS[(g["wd"] or "")[:3].lower()]
        return "weekday", Spec("weekday", weekday=wd, mod=_norm(g.get("mod")))
    if family == "season":
        return _season_spec(g, prep, follows)
    if family == "unit":
        return _unit_spec(g)
    if family == "dayword":
        word = _norm(g["word"])
        offset = -1 if word in {"yesterday", "last night"} else (1 if word == "tomorrow" else 0)
        return "relative", Spec("dayword", num=offset)
    return None


def _unit_spec(g: dict[str, str | None]) -> tuple[str, Spec] | None:
    unit, mod, part = (g["unit"] or "").lower(), _norm(g.get("mod")), _norm(g.get("part"))
    plural = unit.endswith("s") and unit != "weekends"
    if g.get("num") is not None and (g["dir"] or (mod and plural)):
        n = _num(g["num"] or "")
        if n is None:
            return "relative", Spec("vague")
        if g["dir"]:
            return "relative", Spec("ago", unit=unit.rstrip("s"), num=n, mod=_norm(g["dir"]))
        return "relative", Spec("window", unit=unit.rstrip("s"), num=n, mod=mod.removeprefix("the "))
    if mod and not plural and not g["dir"] and unit != "day":
        return "relative", Spec("unit", unit=unit, mod=mod, part=part)
    return None


def _month_spec(g: dict[str, str | None], month: int, prep: str | None) -> tuple[str, Spec] | None:
    mon = g["mon"] or ""
    part, mod = _norm(g.get("part")), _norm(g.get("mod"))
    short = len(mon) <= 4 and mon.lower() not in {"may", "june", "july"}
    if not (part or mod or g["year"] or prep) and (mon.lower() in _AMBIGUOUS_MONTHS or short):
        return None
    if g["year"]:
        return "month", Spec("fixed", fixed=_part_of(months_period(int(g["year"]), month, month), part))
    return "month", Spec("month", month=month, mod=mod, part=part)


def _year_spec(g: dict[str, str | None]) -> tuple[str, Spec] | None:
    y = int(g["year"] or 0)
    if g["dec"]:
        if y % 10:
            return None
        return "year", Spec("fixed", fixed=(dt.date(y, 1, 1), dt.date(y + 9, 12, 31)))
    last = y
    if g["y2"]:
        y2 = int(g["y2"]) if len(g["y2"]) == 4 else (y // 100) * 100 + int(g["y2"])
        if not (y < y2 <= y + (10 if len(g["y2"]) == 2 else 100)):
            return None
        last = y2
    period = (dt.date(y, 1, 1), dt.date(last, 12, 31))
    return "year", Spec("fixed", fixed=_part_of(period, _norm(g.get("part"))))


def _season_spec(g: dict[str, str | None], prep: str | None, follows: str) -> tuple[str, Spec] | None:
    season, det, part = (g["season"] or "").lower(), _norm(g.get("det")), _norm(g.get("part"))
    if g["year"]:
        period = _season_period(season, int(g["year"]))
        return "season", Spec("fixed", fixed=_part_of(period, part))
    if det == "the" and (follows.lower().startswith(" of") or _norm(prep) not in _SEASON_PREPS):
        return None
    if not (det or part) and season in {"spring", "fall"}:
        return None
    mod = "" if det == "the" else det
    return "season", Spec("season", season=season, mod=mod, part=part)


def _season_period(season: str, year: int) -> Period:
    first = _SEASON_MONTH[season]
    if first == 12:
        end = dt.date(year + 1, 3, 1) - dt.timedelta(days=1)
        return dt.date(year, 12, 1), end
    return months_period(year, first, first + 2)


# ------------------------------------------------------------------------------ tense

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_MODALS = {"will", "shall", "would", "won't", "won’t", "gonna"}
_FWD_TO = {
    "plan", "plans", "planning", "intend", "intends", "hope", "hopes", "aim", "aims",
    "expect", "expects", "expected", "want", "wants", "set", "due", "poised", "supposed",
    "going", "slated", "scheduled",
}  # fmt: skip
_FWD_FOR = {"prepare", "prepares", "preparing", "preparation", "ready", "time"}
_FWD_ALONE = {"scheduled", "slated", "planned", "upcoming", "looming", "forthcoming"}
_PAST = {
    "said", "told", "wrote", "spoke", "met", "was", "were", "had", "did", "didn't", "didn’t",
    "went", "came", "took", "gave", "made", "saw", "held", "left", "sent", "began", "led",
    "won", "lost", "thought", "felt", "got", "brought", "kept", "ran", "rose", "fell",
    "struck", "sought", "paid", "sat", "stood", "became", "broke", "chose", "drew", "flew",
    "grew", "knew", "threw", "spent", "built", "ago", "wasn't", "weren't", "hadn't",
}  # fmt: skip
_PRESENT = {"says", "say", "is", "are", "am", "does", "do", "tells", "isn't", "aren't"}
_NOT_PAST = {
    "based", "concerned", "related", "interested", "limited", "called", "named", "united",
    "detailed", "advanced", "experienced", "dedicated", "talented", "married", "skilled",
    "armed", "tariffed", "proposed", "renewed", "need", "speed", "feed", "seed", "breed",
    "indeed", "embed", "shed", "bed", "red", "wed", "hundred", "expected",
    "scheduled", "planned", "slated", "supposed", "alleged",
}  # fmt: skip
_NOT_ING = {
    "something", "nothing", "anything", "everything", "during", "morning", "evening",
    "spring", "bring", "thing", "string", "king", "ring", "sing", "wing", "building",
}  # fmt: skip
_PASSIVE = {"be", "being"}
#: The present progressive: a plan when it governs the expression ("is travelling to
#: Washington on Tuesday"), the present when the expression is another phrase's ("is edging
#: closer ..., thanks to his romp Tuesday", "is raising questions about Monday's debate").
_PROGRESSIVE = "progressive"
_DETERMINERS = {
    "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your",
}  # fmt: skip
#: Auxiliaries that put a forward-looking word in the past ("was expected to").
_PAST_AUX = {"was", "were", "had", "been"}
#: A verb after the expression governs it less often than one before ("Talks planned for
#: Tuesday are off"), except when the expression opens the clause ("On Friday, X spoke").
_AFTER_PENALTY = 2.0


def _cue(words: list[str], i: int) -> tuple[str | None, float, bool] | None:
    """``(tense, weight, forward_only)`` when word ``i`` signals a tense, else ``None``."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    prev = words[i - 1] if i else ""
    if w in _MODALS or w.endswith(("'ll", "’ll")):
        return "future", 1.0, False
    forward = (w in _FWD_TO and nxt == "to") or (w == "ahead" and nxt == "of")
    if forward or (w in _FWD_FOR and nxt == "for") or w in _FWD_ALONE:
        # "was planning to", "had been scheduled to": ahead of a past moment, which may
        # be either side of the article's date
        return (None, 1.2, True) if prev in _PAST_AUX else ("future", 1.0, True)
    if w.endswith("ing") and prev in {"is", "are", "am"} and w not in _NOT_ING:
        return _PROGRESSIVE, 1.0, False
    if prev in _PASSIVE:
        return None
    if w in _PAST or (w in {"has", "have"} and (nxt == "been" or nxt.endswith(("ed", "en")))):
        return "past", 1.0, False
    if w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST and prev not in _DETERMINERS:
        return "past", 1.6, False  # not "a designated day": a participle after a determiner
    if w in _PRESENT:
        return None, 1.2, False
    return None


def _tokens(text: str, lo: int, hi: int) -> tuple[list[str], list[tuple[int, int]]]:
    words, spans = [], []
    for m in _TOKEN.finditer(text, lo, hi):
        word = m.group()
        words.append(word if word.islower() else word.lower() if word[0].isupper() else "")
        spans.append(m.span())
    return words, spans


_SENT_CAND = re.compile(r"[.!?][\"”’)]*\s+|\n")
_SENT_BEFORE = re.compile(r"[a-z\d)\"”’]")
_SENT_AFTER = re.compile(r"[\"“‘(]?[A-Z]")


def _boundaries(text: str, lo: int, hi: int) -> list[int]:
    """Offsets where a sentence starts inside ``[lo, hi)`` (cheap heuristic)."""
    out = []
    for m in _SENT_CAND.finditer(text, lo, hi):
        if m.group() == "\n" or (
            m.start() > 0
            and _SENT_BEFORE.match(text, m.start() - 1)
            and _SENT_AFTER.match(text, m.end())
            and not _abbreviation_before(text, m.start())
        ):
            out.append(m.end())
    return out


_WORD_BEFORE = re.compile(r"([A-Za-z]+)$")


def _abbreviation_before(text: str, stop: int) -> bool:
    """The full stop at ``stop`` ends a title or an initial ("Mr. Trump", "J. Smith"), not a
    sentence (:func:`assistant.nlp.text.abbreviation`, the sentence splitter's test)."""
    if text[stop] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, stop - 12), stop)
    return m is not None and abbreviation(m.group(1))


def sentence_bounds(text: str, s: int, e: int, reach: int) -> tuple[int, int]:
    """Start of the sentence holding ``s`` and end of the one holding ``e``, within ``reach``."""
    lo, hi = max(0, s - reach), min(len(text), e + reach)
    begin = max((b for b in _boundaries(text, lo, s + 1) if b <= s), default=lo)
    after = [b for b in _boundaries(text, e, hi) if b > e]
    return begin, (after[0] if after else hi)


def implied_tense(spec: Spec | tuple[Spec, Spec], prep: str) -> str | None:
    """Tense given by the expression's own words: "last", "next", "ago", "since"..."""
    if prep == "since":
        return "past"
    if prep == "ahead of":
        return "future"
    if isinstance(spec, tuple):
        return implied_tense(spec[1], "")
    mod = spec.mod
    if mod in _PAST_MODS or mod == "ago" or (spec.tag == "dayword" and spec.num < 0):
        return "past"
    if mod in _FUTURE_MODS or mod == "from now" or (spec.tag == "dayword" and spec.num > 0):
        return "future"
    return None


def tense_matters(spec: Spec | tuple[Spec, Spec]) -> bool:
    """Whether the calendar date of ``spec`` depends on the tense of its clause."""
    if isinstance(spec, tuple):
        return spec[0].fixed is None and spec[1].fixed is None
    if spec.tag == "unit" and spec.unit == "weekend" and spec.mod == "this":
        return True  # "This weekend, X complained" on a Tuesday: the weekend just gone
    if spec.fixed is not None or spec.tag not in {"monthday", "month", "season", "weekday"}:
        return False
    return spec.tag == "weekday" or spec.mod != "this"


def clause_tense(text: str, s: int, e: int, prep: str) -> str | None:
    """ "past", "future" or ``None`` (present/unclear) for an expression at ``[s, e)``.

    The nearest tense cue in the sentence wins, weighed by distance: cues before the
    expression (any kind) and the first finite verb after it ("On Friday, X spoke ..."),
    which counts at double distance; forward-
    looking words ("ahead of", "planned", "plans to") count only before it, and weak cues
    (a bare "-ed" word, "is") count less. A participle after "be" takes the auxiliary's tense.
    """
    if prep == "since":
        return "past"
    if prep == "ahead of":
        return "future"
    lo, hi = sentence_bounds(text, s, e, 160)
    best: tuple[float, str | None] | None = None
    words, spans = _tokens(text, lo, s)
    for i in range(len(words) - 1, -1, -1):
        if best is not None and s - spans[i][1] >= best[0]:
            break
        cue = _cue(words, i)
        if cue is not None:
            score = (s - spans[i][1]) * cue[1]
            if best is None or score < best[0]:
                best = (score, _progressive(cue[0], text, spans[i][1], s, e))
    before = best
    words, spans = _tokens(text, e, min(hi, e + 100))
    for i in range(len(words)):
        cue = _cue(words, i)
        if cue is not None and not cue[2]:
            if before is None and i == 0 and not prep and _ends_noun_phrase(text, lo, s):
                # "Scenes from the rally Tuesday will keep him awake": the expression ends
                # the subject's noun phrase; the verb says when the subject acts, not when
                # the thing the noun names happened
                break
            score = (spans[i][0] - e + 2) * cue[1] * _AFTER_PENALTY
            if best is None or score < best[0]:
                best = (score, _progressive(cue[0], text, e, spans[i][0], e))
            break
    return best[1] if best else None


def _progressive(tense: str | None, text: str, a: int, b: int, e: int) -> str | None:
    """A cue's tense for the expression ending at ``e``; the present progressive (between
    ``a`` and ``b`` lies the text from it to the expression) is future only with no comma
    between and no possessive after the expression ("Monday's debate" is a noun's)."""
    if tense != _PROGRESSIVE:
        return tense
    return None if "," in text[a:b] or _POSSESSIVE_AFTER.match(text, e) else "future"


_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_NOUN_BEFORE = re.compile(r"\b[A-Za-z][a-z]+\s+$")


def _ends_noun_phrase(text: str, lo: int, s: int) -> bool:
    """The expression at ``s`` follows words of its sentence (it does not open it) that end
    in a word other than a verb cue ("the rally in North Carolina| Tuesday")."""
    lead = text[lo:s]
    if len(lead.split()) < 2 or _NOUN_BEFORE.search(lead) is None:
        return False
    words, _ = _tokens(text, lo, s)
    return bool(words) and _cue(words, len(words) - 1) is None and words[-1] not in _FUNCTION


#: Words after which an expression is no noun's modifier ("said Tuesday", "and Tuesday").
_FUNCTION = {"and", "or", "but", "said", "says", "the", "a", "an", "of", "that", "to"}


# ------------------------------------------------------------------------- resolution


def _pick(cands: list[Period], anchor: dt.date, mode: str) -> Period | None:
    if mode == "past":
        ok = [c for c in cands if c[0] <= anchor]
        return max(ok) if ok else None
    if mode == "future":
        ok = [c for c in cands if c[1] >= anchor]
        return min(ok) if ok else None
    if mode == "strict_past":
        ok = [c for c in cands if c[1] < anchor]
        return max(ok) if ok else None
    if mode == "strict_future":
        ok = [c for c in cands if c[0] > anchor]
        return min(ok) if ok else None

    def distance(c: Period) -> tuple[int, int]:
        gap = (c[0] - anchor).days if c[0] > anchor else max(0, (anchor - c[1]).days)
        return gap, -c[0].toordinal()  # ties go to the later (upcoming) one

    return min(cands, key=distance) if cands else None


def _mode(mod: str, tense: str | None) -> str:
    if mod in _PAST_MODS:
        return "strict_past"
    if mod in _FUTURE_MODS:
        return "strict_future"
    return {"past": "past", "future": "future"}.get(tense or "", "nearest")


def _shift_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _unit_period(unit: str, at: dt.date) -> Period:
    if unit == "week":
        monday = at - dt.timedelta(days=at.weekday())
        return monday, monday + dt.timedelta(days=6)
    if unit == "weekend":
        saturday = at - dt.timedelta(days=at.weekday()) + dt.timedelta(days=5)
        return saturday, saturday + dt.timedelta(days=1)
    if unit == "month":
        return months_period(at.year, at.month, at.month)
    return dt.date(at.year, 1, 1), dt.date(at.year, 12, 31)


def _step(unit: str, at: dt.date, n: int) -> dt.date:
    if unit in {"week", "weekend"}:
        return at + dt.timedelta(weeks=n)
    if unit == "day":
        return at + dt.timedelta(days=n)
    if unit == "month":
        return _shift_months(at, n)
    return _shift_months(at, 12 * n)


def _resolve_one(spec: Spec, p: dt.date, tense: str | None) -> Period | None:
    """Calendar period of a non-fixed spec relative to anchor ``p``."""
    mode = _mode(spec.mod, tense)
    years = range(p.year - 2, p.year + 3)
    if spec.tag == "monthday":
        cands = []
        for y in years:
            try:
                cands.append(
                    (
                        dt.date(y, spec.month, spec.day),
                        dt.date(y, spec.month, spec.day2 or spec.day),
                    )
                )
            except ValueError:
                continue
        return _pick(cands, p, mode)
    if spec.tag == "month":
        if spec.mod == "this":
            return _part_of(months_period(p.year, spec.month, spec.month), spec.part)
        cands = [_part_of(months_period(y, spec.month, spec.month), spec.part) for y in years]
        return _pick(cands, p, mode)
    if spec.tag == "season":
        if spec.mod == "this":
            y = p.year - 1 if spec.season == "winter" and p.month < 3 else p.year
            return _part_of(_season_period(spec.season, y), spec.part, p)
        cands = [_season_period(spec.season, y) for y in years]
        chosen = _pick(cands, p, mode)
        return _part_of(chosen, spec.part, p) if chosen else None
    if spec.tag == "weekday":
        days = [p + dt.timedelta(days=k) for k in range(-7, 8)]
        return _pick([(d, d) for d in days if d.weekday() == spec.weekday], p, mode)
    if spec.tag == "unit":
        if spec.mod.startswith("the "):
            n = 1 if spec.mod[4:] in {"past", "previous", "last"} else -1
            other = _step(spec.unit, p, -n)
            return (other, p) if n == 1 else (p, other)
        shift = -1 if spec.mod in _PAST_MODS else (1 if spec.mod in _FUTURE_MODS else 0)
        period = _unit_period(spec.unit, _step(spec.unit, p, shift))
        if spec.unit == "weekend" and spec.mod == "this" and tense == "past" and period[0] > p:
            gone = _unit_period(spec.unit, _step(spec.unit, p, -1))
            if (p - gone[1]).days <= (period[0] - p).days:
                period = gone  # "This weekend, X complained" early in the week: the one just gone
        return _part_of(period, spec.part, p)
    if spec.tag == "window":
        back = spec.mod in {"past", "last", "previous"}
        other = _step(spec.unit, p, -spec.num if back else spec.num)
        return (other, p) if back else (p, other)
    if spec.tag == "ago":
        d = _step(spec.unit, p, -spec.num if spec.mod == "ago" else spec.num)
        return d, d
    if spec.tag == "dayword":
        d = p + dt.timedelta(days=spec.num)
        return d, d
    return None


def resolve_spec(
    spec: Spec | tuple[Spec, Spec], published: dt.date | None, tense: str | None
) -> tuple[Period | None, bool]:
    """``(period, exact)``; exact when the text itself fixes the year."""
    if isinstance(spec, Spec):
        if spec.fixed is not None:
            return spec.fixed, True
        return (_resolve_one(spec, published, tense), False) if published else (None, False)
    a, b = spec
    if a.fixed and b.fixed:
        return (a.fixed[0], b.fixed[1]), True
    if b.fixed:
        first = _resolve_one(a, b.fixed[0], "past")
        return ((first[0], b.fixed[1]), True) if first else (None, False)
    if a.fixed:
        second = _resolve_one(b, a.fixed[1], "future")
        return ((a.fixed[0], second[1]), True) if second else (None, False)
    if published is None:
        return None, False
    if a.tag == "weekday":
        start = _resolve_one(a, published, tense)
        stop = _resolve_one(b, start[1], "future") if start else None
    else:
        stop = _resolve_one(b, published, tense)
        start = _resolve_one(a, stop[0], "past") if stop else None
    if start is None or stop is None:
        return None, False
    return (start[0], stop[1]), False
