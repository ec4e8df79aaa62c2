"""What specific thing a question part asks for (a count, a sum of money, a rate, a day, a
name, ...) and whether a sentence, or the passage it belongs to, holds it."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer import asked
from assistant.answer.backends.extractive.common import _joined
from assistant.answer.ranker import (
    CUE_TERMS,
    Scored,
    answer_type,
)
from assistant.engines.lexical import tokenize
from assistant.nlp import alternation, wordlist
from assistant.types import Context, Evidence

_CAPWORD = re.compile(r"(?<![.!?]\s)\b[A-Z][a-z][\w'’-]+")
#: A rate asked: "share" only as a noun ("what share of", "a share", "the share"), not the
#: verb of "how many committees share the account".
_RATE = re.compile(
    r"\b(?:rate|percentage|percent|proportion)\b"
    r"|\b(?:what|which|the|a|its|his|her|their|whose)\s+(?:[a-z-]+\s+){0,2}share\b|\bshare\s+of\b",
    re.I,
)
#: "How many years ...": a count of things asked, though the part speaks of a share after it
#: ("For how many years would borrowers pay a share of their income?").
_HOW_MANY_THINGS = re.compile(r"\bhow\s+many\s+(?!percent|percentage|points?\b|per\s+cent)", re.I)
_MONEY = re.compile(
    rf"\bhow\s+much\s+(?:more\s+|less\s+)?(?:[a-z]+\s+)?(?:{alternation('money_nouns')})\b"
    # a money verb after "how much", not "paid" as the asked noun's modifier ("how much paid
    # leave does the company offer?" asks a length of leave)
    r"|\bhow\s+much\b(?!\s+paid\s+[a-z])"
    r".{0,60}\b(?:cost|pay|paid|spend|spent|raise|raised|charge|worth|budget|fund)"
    r"|\bwhat\s+(?:(?:was|is|were)\s+the\s+)?(?:[a-z]+\s+){0,2}(?:amount|sum|price|cost)\b",
    re.I,
)

#: What a part asks for, said when the articles lack it.
_WANTED_WORDS = {
    "number": "the number",
    "time": "the time",
    "person": "the person",
    "rate": "the rate",
    "money": "the amount",
    "count": "the count",
    "name": "the name",
    "day": "the date",
    "year": "the year",
    "month": "the month",
    "age": "the age",
    "quantity": "the figure",
    "measure": "the measurement",
    "duration": "the length",
}
_CURRENCY = re.compile(r"[$€£¥]|\b(?:dollars?|euros?|pounds?|yuan|yen|cents?)\b", re.I)
_CURRENCY_NOUNS = wordlist("currency_nouns")


def _specific(part: str) -> str | None:
    """The specific thing a part asks for that the chosen evidence must hold."""
    if asked.wants_name(part):
        return "name"
    kind = answer_type(part)
    if asked.duration_asked(part):
        return "duration"  # "How long did the speech last?": "76 minutes", not "Thursday night"
    if kind in ("time", None) and asked.wants_month(part):
        return "month"  # "In which month did ...": a year alone does not answer
    if kind in ("time", None) and asked.wants_day(part):
        return "day"  # "On which night did ...": a day asked, though not in the ranker's words
    if kind == "time" and asked.wants_year(part):
        return "year"
    if kind == "number":
        if _RATE.search(part) and not _HOW_MANY_THINGS.search(part):
            return "rate"
        measure = asked.measure_asked(part)
        if measure is not None:
            return measure
        if asked.named_quantity(part) is not None:
            return "quantity"
        noun = asked.counted_noun(part)
        if _MONEY.search(part) or asked.money_asked(part) or noun in _CURRENCY_NOUNS:
            return "money"
        if noun is not None:
            return "count"
    return kind


def _passage(c: Scored, context: Context, cache: dict[int, set[str]]) -> set[str]:
    """The terms of the evidence passage a candidate sentence belongs to (``cache``: by
    evidence number)."""
    if c.n not in cache:
        cache[c.n] = set(tokenize(context.evidence[c.n - 1].text))
    return cache[c.n]


#: "rate" as a word: a rate given by name ("the unemployment rate"), not "rate" inside
#: "disparate", "separate" or "electorates".
_RATE_WORD = re.compile(r"\brates?\b")
#: The verbs a polled share's people hold a view with: [view_verbs] and speech verbs.
_VIEW_STEMS = {t for w in wordlist("view_verbs") for t in tokenize(w)[:1]} | CUE_TERMS
#: A share given as so many in so many ("nine in 10 said", "roughly 7 in 10", "four out of 10
#: voters", "one in every five"): "of" alone is a count's ("10 of the counties").
_RATIO = re.compile(
    rf"\b(?:{alternation('small_numbers')}|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d+|{alternation('small_numbers')})\b",
    re.I,
)


#: Percentage points, which measure a difference of shares ("a 10 percentage-point lead").
_PERCENTAGE_POINTS = re.compile(r"\bpercentage[- ]points?\b")
#: A part that asks a difference of shares: "By how many points ...", "What was her lead ...".
_MARGIN_ASKED = re.compile(r"\b(?:points?|lead|led|leads|margin|ahead|behind|gap|by\s+how)\b", re.I)


def _polled(low: str, whole: tuple[str, ...]) -> bool:
    """A share of people given as so many in so many who say or think ("four out of 10 voters
    said", "nine in 10 think"; [view_verbs], speech verbs) in a sentence naming the whole the
    share is asked of (:func:`asked.share_of`: "voters"): the answers of a poll or a survey.
    A vote's or another count's ratio ("winning roughly 7 in 10") is left to its own words,
    and so is a share of a group the sentence does not name ("one in five say", asked of
    "Catholic Republicans")."""
    if not whole or not set(whole) <= set(tokenize(low)):
        return False
    return any(
        any((tokenize(w) or [""])[0] in _VIEW_STEMS for w in low[m.end() :].split()[:2])
        for m in _RATIO.finditer(low)
    )


def _has_wanted(c: Scored, wanted: str, part: str = "", context: Context | None = None) -> bool:
    low = c.text.lower()
    if wanted == "rate":
        if not _MARGIN_ASKED.search(part):
            # "a 10 percentage-point lead", "behind by nine percentage points": a difference
            # between two shares, not the share asked
            low = _PERCENTAGE_POINTS.sub("points", low)
        whole = asked.share_of(part)
        if (
            "%" in c.text
            or "percent" in low
            or "per cent" in low
            or _RATE_WORD.search(low)
            or _polled(low, whole)
        ):
            return True
        return bool(whole) and asked.holds_fraction_of(c.text, whole)
    if wanted == "quantity":
        stem = asked.named_quantity(part)
        return stem is None or asked.holds_quantity(c.text, stem, part)
    if wanted == "age":
        return asked.holds_age(c.text)
    if wanted == "duration":
        return asked.holds_duration(c.text)
    if wanted == "measure":
        return asked.holds_measure(c.text, asked.measured(part))
    if wanted == "money":
        # "the campaign raised $4 million" does not say how much it paid
        return (
            "number" in c.kinds
            and bool(_CURRENCY.search(low))
            and asked.holds_money_of_direction(c.text, part)
        )
    if wanted == "count":
        noun = asked.counted_noun(part)
        if noun is None or asked.holds_count(c.text, noun, asked.counted_modifiers(part)):
            return True
        if any(asked.holds_count(c.text, same) for same in asked.same_counted(noun)):
            return True  # "how many workers" given as "40,000 employees"
        act = asked.people_act(part)
        if act is not None and asked.holds_act_count(c.text, act):
            return True  # "how many people protested" given as "300 protesters"
        verb = asked.counted_act(part)
        if verb is not None and noun in tokenize(c.text) and asked.holds_count(c.text, verb):
            return True  # "How many jobs have companies cut?" given as "100,000 cuts" on jobs
        # "How many Californians" given as "a quarter-of-a-million people"
        return asked.counts_named_people(part) and asked.holds_people_count(c.text)
    if wanted == "number" and asked.counted_noun(part) is None:
        verbs = asked.people_counted(part)
        if verbs is not None:
            # "How many people were killed in ...?": a count of people, not any number
            return asked.holds_people_figure(c.text, verbs)
    if wanted == "day":
        if context is None:
            return "time" in c.kinds
        ev = _own_passage(context, c)
        return asked.holds_day(ev, c.span, context.notes.get(f"{ev.doc_id}:{c.span.start}"))
    if wanted == "month":
        return asked.holds_month(c.text, _time_note(c, context))
    if wanted == "year":
        return asked.holds_year(c.text, _time_note(c, context))
    if wanted == "name":
        if context is None:
            return "person" in c.kinds
        ev = _own_passage(context, c)
        kin = asked.kin_asked(part)
        if kin is not None and not asked.names_kin(ev, c.span, kin):
            return False  # "the name of Roe's wife": named beside "wife", not anyone named
        return asked.fresh_person(ev, c.span, part)
    if wanted == "person":
        return "person" in c.kinds or c.features.get("in_quote", 0.0) > 0 or bool(_CAPWORD.search(c.text[1:]))
    if wanted == "time" and _WHEN_CLAUSE_ASKED.search(part) and _when_clause(c.text, part):
        return True  # "When did the problems start?" -> "The problems started when the bank ..."
    return wanted in c.kinds


def _time_note(c: Scored, context: Context | None) -> str | None:
    """The time note of sentence ``c`` ("last year (2015)"), if the context has one."""
    if context is None:
        return None
    return context.notes.get(f"{context.evidence[c.n - 1].doc_id}:{c.span.start}")


#: "When did / does / has / is / will ... ?": a time asked, which news may give as a "when"
#: clause ("cooperation is strongest when Europe is united" for "When is cooperation at its
#: strongest?").
_WHEN_CLAUSE_ASKED = re.compile(
    r"(?:^|,\s*)when\s+(?:did|does|do|has|have|had|is|are|was|were|will|would)\b", re.I
)


def _when_clause(text: str, part: str) -> bool:
    """Does ``text`` give the part's act a time clause or phrase (:data:`_TIME_CLAUSE`: "The
    problems started when the bank began lending ..." for "When did the bank's problems
    start?", "releasing his tax returns at the completion of an audit"): a word of the
    question (its stem) right before it?"""
    asked_stems = set(tokenize(part))
    return any((tokenize(m.group(1)) or [""])[0] in asked_stems for m in _TIME_CLAUSE.finditer(text))


#: A word, then a clause or phrase telling when: "started when ...", "returns at the
#: completion of an audit", "once the count is done".
_TIME_CLAUSE = re.compile(
    r"\b(\w+)\s+(?:when|once|until|at\s+the\s+(?:completion|end|close|conclusion)(?:\s+of)?)\b", re.I
)


def _own_passage(context: Context, c: Scored) -> Evidence:
    """The passage that holds sentence ``c``: its evidence passage, joined with the article's
    sentences after it when ``c`` lies past the passage's edge (:func:`_joined`), so a day or
    a name is read from the entities of the text the sentence is in."""
    if c.span.start >= context.evidence[c.n - 1].end:
        return _joined(context, c.n)
    return context.evidence[c.n - 1]


#: The asked-for kinds a summary sentence's successor gives ("reveals how swift ..." ->
#: "every 72 minutes"); a person is named before a pronoun's sentence, not after it.
_SPECIFICS = {"time", "number"}


def _day_before(c: Scored, context: Context) -> Scored | None:
    """The sentence right before ``c`` in its evidence passage, as a candidate scored like
    ``c``, when it names a day (:func:`asked.holds_day`) and ``c`` names none; else None.
    News dates an event once and tells it in the sentences after ("On Monday, Roe toured
    the plant. She said it would close by spring."): the best sentence for "on what day did
    Roe say ..." is the second, and its day is the first's."""
    ev = context.evidence[c.n - 1]
    if c.span.start >= ev.end or _has_wanted(c, "day", "", context):
        return None
    prev = [s for s in ev.sentences if s.end <= c.span.start][-1:]
    if not prev or not asked.holds_day(ev, prev[0], context.notes.get(f"{ev.doc_id}:{prev[0].start}")):
        return None
    return replace(c, span=prev[0], text=ev.at(prev[0].start, prev[0].end), goes_on=False, further=False)
