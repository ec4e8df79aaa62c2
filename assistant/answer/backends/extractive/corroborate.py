"""Corroboration: other outlets' evidence sentences that carry the same quoted words, or give
the same answer (the same names of the kind the part asks for), as a chosen sentence."""

from __future__ import annotations

import re

from assistant.answer import asked
from assistant.answer.backends.extractive.common import _WORD
from assistant.answer.backends.extractive.wanted import _own_passage, _specific
from assistant.answer.ranker import (
    Scored,
    asks_speaker,
    rank,
)
from assistant.nlp import alternation, months, name_key, wordlist
from assistant.nlp.entities import NUMERIC, PLACEISH, TIMEISH
from assistant.nlp.questions import (
    ask_of,
)
from assistant.nlp.text import normalise, unpossessive
from assistant.types import Context, Span

_QUOTED = re.compile(r"[\"“]([^\"”]{12,})[\"”]|(?:''|``)([^\"”]{12,}?)''")


def _corroborating(context: Context, c: Scored) -> list[tuple[int, Span]]:
    """Other outlets' evidence sentences that carry the same quoted words as ``c``."""
    quoted = [normalise(a or b) for a, b in _QUOTED.findall(c.text)]
    whole = normalise(c.text)
    doc = context.evidence[c.n - 1].doc_id
    out: list[tuple[int, Span]] = []
    seen = {doc}
    for m, ev in enumerate(context.evidence, start=1):
        if ev.doc_id in seen:
            continue
        for sp in ev.sentences:
            t = normalise(ev.at(sp.start, sp.end))
            if t == whole or any(len(q.split()) >= 4 and q in t for q in quoted):
                out.append((m, sp))
                seen.add(ev.doc_id)
                break
    return out


def _same_answer(
    context: Context, c: Scored, part: str, cited: list[str], threshold: float, names: list[str]
) -> list[tuple[int, Span]]:
    """Other outlets' evidence sentences that give the same answer as ``c``, the sentence
    shown for ``part``: one sentence an article, ranked for the part at or above ``threshold``,
    naming the thing ``c`` answers with (:func:`_answer_of`). ``cited``: the articles
    already cited for ``c``.

    :func:`_corroborating` finds another outlet only by the same quoted words; a fact
    ("which officer", "which country", "in what year") is reported in each outlet's own
    words, and the thing asked for (the officer's name, the country, the year) is what they
    share. A person is shared in any of the forms outlets write one in (:func:`_same_name`:
    "Paul D. Ryan" in one, "Paul Ryan" or "Mr. Ryan" in another)."""
    answer = _answer_of(context, c, part)
    if not answer:
        return []
    persons = _persons_of(context, c, answer)
    out: list[tuple[int, Span]] = []
    seen = set(cited)
    for o in rank(context, part if part != context.question else None, names):
        if o.prob < threshold:
            break
        other = context.evidence[o.n - 1]
        if other.doc_id in seen or o.span.start >= other.end:
            continue
        text = normalise(o.text)
        if any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text) for a in answer) or (
            persons and any(_same_name(p, q) for q in _persons_of(context, o) for p in persons)
        ):
            out.append((o.n, o.span))
            seen.add(other.doc_id)
    return out


def _persons_of(context: Context, c: Scored, among: list[str] | None = None) -> list[str]:
    """The PERSON names in sentence ``c`` (normalised), only those of ``among`` when given."""
    ev = _own_passage(context, c)
    out = [
        normalise(ev.at(s, e))
        for s, e, label in ev.entities
        if label == "PERSON" and s >= c.span.start and e <= c.span.end
    ]
    return [p for p in out if among is None or p in among]


def _same_name(a: str, b: str) -> bool:
    """Whether two PERSON names name one person as outlets write it: the same surname, and
    the same first name unless one gives the surname alone ("Paul D. Ryan" and "Paul Ryan",
    "Charles E. Grassley" and "Grassley"; not "Jane Roe" and "John Roe"). An outlet writes a
    name in full once and by surname after, and each outlet picks its own middle initial."""
    ta, tb = (unpossessive(name_key(n)).split() for n in (a, b))
    if not ta or not tb or ta[-1] != tb[-1] or len(ta[-1]) < 2:
        return False
    return len(ta) == 1 or len(tb) == 1 or ta[0] == tb[0]


def _answer_of(context: Context, c: Scored, part: str) -> list[str]:
    """The names in sentence ``c`` (normalised) that answer ``part``: its entities of the
    kind the part asks for (:func:`_answer_labels`) that the question does not name. A day
    only as a date ("June 7", "2012"): a weekday or "last week" is relative to each article's
    own date. A figure only with its unit ("20 percentage points", "$5 million"): a bare
    number recurs by chance."""
    labels = _answer_labels(part)
    if not labels:
        return []
    ev = _own_passage(context, c)
    asked_words = set(re.findall(r"[\w.-]+", normalise(f"{context.question} {part}").replace("'s", " ")))
    out: list[str] = []
    for s, e, label in ev.entities:
        if s < c.span.start or e > c.span.end or label not in labels:
            continue
        text = normalise(ev.at(s, e))
        if label in TIMEISH and not _A_DATE.search(text):
            continue
        if label in NUMERIC and len(text.split()) < 2 and not re.search(r"[%$€£]", text):
            continue
        out.append(text)
    return [a for a in out if not any(w.strip(".,") in asked_words for w in a.split())]


#: "which officer", "in which state": a part asking which one of a kind (the ranker has no
#: kind for it); group 1 is the word after "which".
_WHICH_ONE = re.compile(
    rf"^\s*(?:(?:in|on|at|from|for|to|by|with)\s+)?which\s+((?!{alternation('which_auxiliaries')})\w+)",
    re.I,
)
_PLACE_NOUNS = wordlist("place_nouns")
#: An ask for who said something: a speech verb of the lexicon, not in the passive ("who
#: warned", not "who was accused").
_SPEECH_ASKED = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )\b(?:" + asked.SPEECH_FORMS + r")\b",
    re.I,
)
#: A verb in the passive ("which manager was accused of ..."): who is spoken of, not who spoke.
_PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?\w+ed\b", re.I)
#: A date that names the same day in every article: a month or a year.
_A_DATE = re.compile(
    r"\b(?:{}|\d{{4}})\b".format("|".join(sorted({m.name.lower() for m in months()}, key=len, reverse=True)))
)


def _place_noun(word: str) -> bool:
    """Whether ``word`` is a place noun of the lexicon, a possessive's ending aside ("state's")."""
    return unpossessive(word.lower()) in _PLACE_NOUNS


def _answer_labels(part: str) -> frozenset[str]:
    """The entity labels of the thing ``part`` asks for: a person or a body for "who" and
    "which <noun>", a place for "which <place noun>", a date for "when", a figure for "how
    many"; none for any other ask (a statement's words are matched by their quotation)."""
    wanted = _specific(part)
    ask = ask_of(part)
    which = _WHICH_ONE.match(ask)
    if wanted in ("name", "person") or (wanted is None and which):
        said = ask
        if which:
            # "which state did ...": the place noun asked for is no speech verb ("to state")
            said = ask[: which.start(1)] + _WORD.sub(
                lambda w: " " * len(w[0]) if _place_noun(w[0]) else w[0],
                ask[which.start(1) :],
                count=4,
            )
        if _SPEECH_ASKED.search(said) or (asks_speaker(ask) and not _PASSIVE.search(ask)):
            # "who said ...": the speaker is named wherever their words are, on any topic;
            # the same statement is matched by its quoted words (:func:`_corroborating`)
            return frozenset()
        if which and wanted is None:
            after = _WORD.findall(ask[which.start(1) :].lower())[:4]
            if any(_place_noun(w) for w in after):
                return PLACEISH
        return frozenset({"PERSON", "ORG"})
    if wanted in ("day", "year", "time"):
        return TIMEISH
    if wanted in ("number", "count", "money", "rate", "quantity", "measure", "age"):
        return NUMERIC
    return frozenset()
