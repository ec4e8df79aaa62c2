"""Speech cues, the mention that governs a cue, and resolving mentions to speakers.

Rules (all general, no names):

* A cue is a speech verb ("said", "told", "warned", "wrote", "called ... a", "described ...
  as") or a phrase ("according to"). Its speaker is the mention just left of it, after
  adverbials ("also", "has recently", "last week"); after an appositive (", who ...,")
  or a coordination ("... but says") it is the clause subject; after a participle
  (", saying") it is the subject of the governing clause.
* Names resolve through the article's :class:`~assistant.quotes.people.Registry`;
  pronouns resolve to the most recent *salient* person (a sentence subject, a person
  named just before a verb, or an earlier speaker) whose gender does not conflict;
  descriptions ("the Ontario MP") resolve to the one person holding that title.
  Ambiguity gives ``None``: never a guess.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.nlp import alternation, speech_verbs, weekdays, wordlist
from assistant.nlp.text import DATELINE_OPEN, TYPEWRITER_MARKS, quotation_spans
from assistant.quotes.people import (
    ABBREVIATION_STOP,
    CAP_WORD,
    CLAUSE_WORD,
    DETERMINERS,
    PERSON_DESCRIPTORS,
    PERSON_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    STOP_CAPS,
    Mention,
    Person,
    Registry,
    clean_token,
    parse_mention,
)
from assistant.settings import QuotesSettings

_VERBS = speech_verbs()
FORM_TO_LEMMA = {f: v.lemma for v in _VERBS.values() for f in v.forms}
#: Cues that introduce a reported clause ("said that ...").
CLAUSE_CUES = frozenset(v.lemma for v in _VERBS.values() if "clause" in v.flags)
#: Cues that name or characterise ("called it a", "described X as").
NAMING_CUES = frozenset(v.lemma for v in _VERBS.values() if "naming" in v.flags)
#: Cues that report speech only with an explicit "that" ("posted on X that ...").
THAT_ONLY_CUES = frozenset(v.lemma for v in _VERBS.values() if "that-only" in v.flags)
#: Cues that report only a clause or a quotation, never a bare noun phrase ("maintains a
#: wide lead over her rivals": something held, not said).
CLAUSE_ONLY_CUES = frozenset(v.lemma for v in _VERBS.values() if "clause-only" in v.flags)
#: Base forms that are ordinary nouns as often as verbs; only their inflections are cues.
_AMBIGUOUS_BASE = frozenset(v.lemma for v in _VERBS.values() if "ambiguous-base" in v.flags)


def _trie_regex(words: list[str]) -> str:
    """A regex alternation shaped as a trie: far faster than a flat list of 200 words."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + walk(sub) for ch, sub in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return walk(trie)


CUE_RE = re.compile(r"\b(" + _trie_regex(sorted(FORM_TO_LEMMA)) + r")\b", re.I)

_ADVERBS = frozenset(
    """also has have had previously again reportedly recently however then later publicly
    repeatedly first once further simply often would will could may might nonetheless
    meanwhile too earlier yesterday today tonight privately separately flatly bluntly
    quickly openly initially since already still just even only subsequently never
    always himself herself itself themselves later,""".split()
)
_TIME_TAIL = re.compile(
    rf"(?:\s+(?:{alternation('time_tail_modifiers')})\s+(?:{alternation('time_tail_periods')}|{weekdays()})|"
    rf"\s+(?:{weekdays()})|"
    r"\s+(?:has|have|had)\s+(?:continued|gone\s+on|went\s+on)\s+to|\s+(?:continued|continues|"
    rf"went\s+on|goes\s+on)\s+to|\s+in\s+a\s+(?:{alternation('statement_media')})|"
    r"\s+in\s+an\s+interview)$",
    re.I,
)
_PREPOSITIONS = frozenset(
    """of with to by from for about at on in into alongside between among against toward
    towards under over through without like including via than""".split()
)
_LEADING = re.compile(
    rf"^(?:(?:{alternation('leading_connectives')})\b,?\s+)?(?:(?:just\s+)?"
    rf"(?:{alternation('leading_time_modifiers')})\s+(?:{alternation('leading_periods')})|on\s+\w+day|"
    r"\w+day|earlier|later)?,?\s*",  # "\w+day" takes "yesterday" and "today"
    re.I,
)
_SUBORD = re.compile(
    rf"^(?:{alternation('subordinators')}|\w+ing)\b",
    re.I,
)
#: Lower-case words a clause subject may follow directly ("… and Ruiz said").
_SUBJECT_OPENERS = frozenset(
    """and but or nor because that while when as if although though since after before
    where so then yet once until unless whereas whether also now later earlier meanwhile
    however instead still today yesterday tonight week month year morning afternoon
    evening night weekend""".split()
)
#: [embedded_clause_openers]: words opening a clause set inside a sentence ("... if Trump is elected").
_EMBEDDING = frozenset(wordlist("embedded_clause_openers"))
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "official", "representative"})
_QUOTE_CHARS = '“”"‘’'
_OPENING_MARK = re.compile("[“\"]|''|``")
#: An adverbial set off by commas at the end of a subject ("Carney, however,").
_ADVERBIAL_END = re.compile(
    rf",\s*(?:{alternation('parenthetical_adverbials')}|in turn"
    rf"|for (?:{alternation('part_possessives')}) part)\s*,?\s*$",
    re.I,
)
_ROLE_DETERMINER = re.compile(rf"^(?:{alternation('role_determiners')})\s+")
#: Adverbs and auxiliaries skipped between a name and the word after it ("Roe also said").
_NEXT_WORD = re.compile(rf"\s+(?:(?:{alternation('verb_adverbs')})\s+)*([a-z]+)")
#: The word after an appositive set off by commas ("Ana Ruiz, a nurse at the clinic, told
#: ..."): a subject introduced with a title is as salient as a bare one. The appositive
#: opens as a title does (a determiner, "who", a capital or an age), and what follows
#: it is not a pronoun (", to raise taxes, he added": a clause, not an appositive) nor a
#: relative ("Roe Energy, a coal company, which filed": the name is no subject).
_APPOSED_NEXT = re.compile(
    rf",\s+(?:(?:{alternation('appositive_openers')})\s|[A-Z\d])[^,.;:!?“”\"\n]{{0,150}}?,"
    rf"\s+(?:(?:{alternation('verb_adverbs')})\s+)*"
    rf"(?!(?:{alternation('personal_pronouns', 'appositive_stops')})\b)([a-z]+)"
)

#: The place or body a person is "of" right after their name ("Ted Cruz of Texas", "Ana Ruiz
#: of the Harbour Trust"): skipped to find the verb or appositive that makes them a subject.
_OF_PLACE = re.compile(rf"\s+of\s+(?:the\s+)?{CAP_WORD}(?:\s+(?:(?:of|for|and|the)\s+)?{CAP_WORD}){{0,4}}")

#: The appositive after a person's first mention (:meth:`Resolver._titled_at`): an age, then
#: an article (group "det") or none, then the phrase up to the next comma, colon, bracket,
#: quotation mark, line end or full stop (not an abbreviation's: "the U.S. envoy").
_INTRO_APPOSITIVE = re.compile(
    r",\s+(?:\d{1,3},\s+)?(?:(?P<det>a|an|the)\s+)?"
    rf"(?P<phrase>(?:[^,;:()“”\"\n.]|{ABBREVIATION_STOP}){{2,160}}?)"
    rf"\s*(?=[,;:()“”\"\n]|(?!{ABBREVIATION_STOP})\.|$)"
)
#: Words that end the noun phrase of an appositive ("a nurse who ...", "a fisherman that").
_RELATIVES = wordlist("relative_words")
#: Words that make an appositive's phrase a clause, not a description ("Ana Ruiz, the company
#: said, ..."): the finite verbs of [clause_words] and the inflected speech verbs.
_VERB_LIKE = wordlist("clause_words") | frozenset(f for f, lemma in FORM_TO_LEMMA.items() if f != lemma)

#: Words that open a subordinate clause or phrase: a subject after one is not the sentence's.
_SUBORDINATORS = wordlist("subordinators")
#: Nouns that describe a person right before their name ("their neighbor Ben Green",
#: "tennis great Billie Jean King"): the titles, the describing nouns and [person_descriptor_nouns].
_DESCRIPTORS = PERSON_DESCRIPTORS
#: Words that refer to a person in narration (:meth:`Resolver._unpeopled`).
_REFERRING = wordlist("personal_pronouns") | wordlist("referring_pronouns")
#: Words that end a description's phrase before a name (:meth:`Resolver._before_title`), and
#: the words the phrase runs back over.
_PHRASE_ENDS = _PREPOSITIONS | _SUBJECT_OPENERS
_PHRASE_WORDS = _DESCRIPTORS | DETERMINERS
#: Capitalised words that open a paragraph's narration without naming anyone ("But", "In").
_OPENING_CAPS = STOP_CAPS | _PREPOSITIONS


@dataclass
class Resolved:
    """A resolved speaker."""

    person: Person
    role: str | None


def strip_adverbials(left: str) -> str:
    """Drop adverbials between a subject and its verb ("Carney, however, has recently")."""
    prev = None
    while prev != left:
        prev = left
        left = _ADVERBIAL_END.sub(" ", left).rstrip()
        left = _TIME_TAIL.sub("", left).rstrip()
        parts = left.rsplit(None, 1)
        if len(parts) == 2 and (
            parts[1].lower() in _ADVERBS
            or (parts[1].lower().endswith("ly") and parts[1].islower() and len(parts[1]) > 4)
        ):
            left = parts[0].rstrip()
    return left


@lru_cache(maxsize=4096)
def suffix_mention(left: str) -> Mention | None:
    """The longest speaker mention that ends ``left`` (which must end at a word)."""
    cut = max(left.rfind(c) for c in ',;:—–()“”"‘')
    seg = left[cut + 1 :] if cut >= 0 else left
    toks = seg.split()
    if re.search(r"\s[-–—]\s", seg):
        toks = re.split(r"\s[-–—]\s", seg)[-1].split()
    for n in range(min(len(toks), 10), 0, -1):
        m = parse_mention(" ".join(toks[-n:]))
        if m is not None:
            return m
    return None


_APPOS = re.compile(
    r"^(?P<head>[^,;:“”\"()]{2,80}?),\s+(?:(?P<age>\d{1,3})(?:,\s+|\s*,?\s*$))?(?P<appos>(?:(?:a|an|the|"
    r"one|its|his|her|their|who|whose|which)\b|[A-ZÀ-Þ])[^;:“”\"]{0,120}?)?\s*,?\s*$"
)


@lru_cache(maxsize=4096)
def appositive(words: str) -> tuple[Mention, str | None] | None:
    """``NAME, a/the ROLE (of ORG)`` or ``NAME, who …``: the head mention and the role.

    The head must name someone (a name, a body or a description); the appositive is a
    noun phrase (kept as the role) or a relative clause (no role). ``None`` otherwise.
    """
    m = _APPOS.match(words.strip())
    if m is None:
        return None
    head = parse_mention(strip_adverbials(m.group("head")))
    if head is None or head.kind in ("pronoun", "relative"):
        return None
    if m.group("appos") is None:
        return (head, None) if m.group("age") else None  # "Jane Roe, 52, said"
    appos = m.group("appos").strip(" ,")
    if re.match(r"(?:who|whose|which)\b", appos):
        return head, None
    if "," in appos or len(appos.split()) > 12:
        return None
    if appos[:1].isupper():  # "Jane Roe, Ontario's health minister"; a name list is not one
        role_m = parse_mention(appos)
        if role_m is None or role_m.kind != "desc":
            return None
    elif CLAUSE_WORD.search(appos):
        return None
    role = _ROLE_DETERMINER.sub("", appos)
    return head, role


@lru_cache(maxsize=4096)
def subject_at_start(sentence: str) -> Mention | None:
    """The subject mention that opens a clause, after a dateline and leading adverbial
    phrases."""
    s = sentence.lstrip(" \t")
    dateline = DATELINE_OPEN.match(s)  # "WASHINGTON — Sen. Roe said": no subject
    if dateline is not None:
        s = s[dateline.end() :]
    if s[:2] in TYPEWRITER_MARKS:  # "''…,'' Ana Ruiz said": two apostrophes close it
        close = s.find("''", 2)
        if close < 0:
            return None
        s = s[close + 2 :].lstrip(" ,")
    elif s and s[0] in '“"‘':  # the subject of "“…,” Ana Ruiz said" follows the quote
        close = s.find({"“": "”", "‘": "’"}.get(s[0], s[0]), 1)
        if close < 0:
            return None
        s = s[close + 1 :].lstrip(" ,")
    s = s.lstrip(_QUOTE_CHARS)
    s = s[_LEADING.match(s).end() :] if _LEADING.match(s) else s  # type: ignore[union-attr]
    if _SUBORD.match(s):
        comma = s.find(",")
        if 0 < comma < 220 and not _OPENING_MARK.search(s, 0, comma):
            s = s[comma + 1 :].lstrip()
    stop = re.search(r"[,;:()—–\u2014]|\s-\s", s)
    seg = s[: stop.start()] if stop else s
    toks = seg.split()[:9]
    for n in range(len(toks), 0, -1):
        m = parse_mention(" ".join(toks[:n]))
        if m is not None and m.kind != "relative":
            return m
    return None


class Resolver:
    """Resolves mentions in one article, keeping the salience history pronouns need."""

    def __init__(self, text: str, registry: Registry, tuning: QuotesSettings | None = None) -> None:
        self.text = text
        self.registry = registry
        #: how far back (characters) a description looks for a salient holder of its title
        self.desc_window = (tuning or QuotesSettings()).desc_window
        self._events: list[tuple[int, int]] = []  # (pos, index into registry.people)
        self._named_subjects()

    def _named_subjects(self) -> None:
        """Record person names that stand as subjects (before a verb, not after a preposition).

        A surname alone is the person it denotes (:meth:`Registry.lookup_name`): the surname
        inside another's full name ("Trump" in "Melania Trump") is not Donald Trump, and a
        surname several people share goes to the one its paragraph last named in full, else the
        one the body names first in full."""
        people = [p for p in self.registry.people if not p.is_org]
        full = [
            (m.start(), m.end(), q)
            for q in people
            for n in {q.name, *q.aliases}
            if len(n.split()) > 1
            for m in re.finditer(rf"\b{re.escape(n)}\b", self.text)
        ]
        for p in people:
            names = {p.name, p.surname, *p.aliases}
            pat = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True) if n)
            for m in re.finditer(rf"\b(?:{pat})\b(?![’']s)", self.text):
                if " " not in m.group(0) and (
                    any(q is not p and s <= m.start() and m.end() <= e for s, e, q in full)
                    or self.registry.lookup_name(m.group(0), pos=m.start()) not in (p, None)
                ):
                    continue
                end = m.end()
                place = _OF_PLACE.match(self.text, end)
                if place:  # "Sen. Ted Cruz of Texas said": the state is no object
                    end = place.end()
                after = self.text[end : end + 30]
                nxt = _NEXT_WORD.match(after) or _APPOSED_NEXT.match(self.text, end, end + 200)
                if not nxt or nxt.group(1) in _PREPOSITIONS | {"and", "or", "who", "whose"}:
                    continue
                lead = re.sub(rf"(?:{CAP_WORD}\s+)*$", "", self.text[max(0, m.start() - 60) : m.start()])
                if re.search(r"\b(?:and|or|nor)\s+$", lead):
                    continue  # second of two coordinated subjects: "he" would be ambiguous
                before = self._before_title(m.start())
                if before is None:
                    continue  # "told their neighbor Ana Ruiz": a titled object
                if (
                    before
                    and before[-1].isalpha()
                    and before[-1].islower()
                    and (before[-1] not in _SUBJECT_OPENERS)
                    and not before[-1].endswith("ly")
                ):
                    continue  # "told National Courier": after a verb, an object
                if len(before) >= 2 and before[-1] in _EMBEDDING and before[-2][-1:].isalnum():
                    # "she joked about moving to New Zealand if Trump is elected": the subject of a
                    # clause set inside a sentence is not what the next "she" is about (the main
                    # clause's subject is); a clause opening the sentence ("When Trump arrived,
                    # he ...") still counts
                    continue
                obj = False
                for k in range(len(before) - 1, -1, -1):
                    tok = before[k]
                    if tok[-1] in ",;:.—(":
                        break
                    if clean_token(tok) in _PREPOSITIONS:
                        titled = 0 < k < len(before) - 1 and before[k - 1][:1].isupper()
                        if titled and before[k + 1][:1].isupper():
                            continue  # the "of" of a title: "Chief of Staff Katie Walsh explained"
                        obj = True
                        break
                if not obj:
                    self.note(m.start(), p)

    def _before_title(self, start: int) -> list[str] | None:
        """The (up to three) words before the noun phrase a name at ``start`` ends, for the
        subject test of :meth:`_named_subjects`. A name is often preceded by a description
        that is part of its phrase ("their neighbor Ben Green, 83, knows", "Tennis great
        Billie Jean King remembered"): the words before are those before the description,
        which runs from a determiner or the clause's start over at most three words (nouns
        that describe a person, capitalised words, possessives) to such a noun right before
        the name. ``None`` when the run starts after a lower-case word that is no determiner
        nor subject opener ("told pastor Ana Ruiz"): an object."""
        words = self.text[max(0, start - 40) : start].split()
        if not words or clean_token(words[-1]) not in _DESCRIPTORS or not words[-1].isalpha():
            return words[-3:]
        if not words[-1].islower():
            return words[-3:]  # a capitalised title ("Sheriff Ana Ruiz") is read as before
        words = self.text[max(0, start - 80) : start].split()
        j = len(words) - 1
        for _ in range(3):
            if j < 0:
                return []
            w = words[j]
            low = clean_token(w)
            if (
                not re.fullmatch(r"[A-Za-z][\w’'-]*", w)
                or low in _PHRASE_ENDS
                or not (low in _PHRASE_WORDS or w[:1].isupper() or re.search(r"[’']s$", w))
            ):
                break  # punctuation, a preposition, an opener or another word ends the phrase
            j -= 1
            if low in DETERMINERS:
                break
            if w[:1].isupper() and not (words[j][-1:] in ".!?\"”'" if j >= 0 else True):
                return None  # a capitalised word inside a sentence: a name list, not a title
        else:
            if (
                j >= 0
                and re.fullmatch(r"[a-z][\w’'-]*", words[j])
                and clean_token(words[j]) not in _SUBJECT_OPENERS
            ):
                return None
        return words[: j + 1][-3:]

    def forget(self, start: int, end: int, keep: Person | None = None) -> None:
        """Drop salience gathered inside ``[start, end)``: names inside quoted or reported
        words are not the discourse's subjects. The speaker of those words (``keep``), where
        the span names them, is: a reported span may hold its own cue ("That, RNC Chief of
        Staff Katie Walsh explained, is by design."), and the "she said" of the next
        paragraph is hers."""
        people = self.registry.people
        named = tuple(n for n in (keep.name, keep.surname, *keep.aliases) if n) if keep else ()

        def kept(e: tuple[int, int]) -> bool:  # the speaker's own name there, not their words
            return bool(named) and people[e[1]] is keep and self.text.startswith(named, e[0])

        self._events = [e for e in self._events if not start <= e[0] < end or kept(e)]

    def note(self, pos: int, person: Person) -> None:
        """Record that ``person`` was salient (a subject or a speaker) at ``pos``."""
        idx = next(i for i, q in enumerate(self.registry.people) if q is person)
        bisect.insort(self._events, (pos, idx))

    def resolve(self, m: Mention | None, pos: int, create: bool = True) -> Resolved | None:
        """Turn a mention at ``pos`` into a speaker, or None when the text does not tell."""
        if m is None:
            return None
        reg = self.registry
        if m.kind == "pronoun":
            return self._pronoun(m, pos)
        if m.kind == "name" and m.name:
            p = reg.lookup_name(m.name, m.gender, pos)
            if p is None:
                if any(a <= pos < b for a, b in reg.title_lines):
                    return None  # "Chief Executive Warns …": a headline verb, not a name
                if len(m.name.split()) < 2 and ((not create and not m.role) or reg.surname_count(m.name) > 1):
                    return None  # unknown single word, or a surname shared by several people
                p = reg.add(m.name, m.role, pos)
            elif m.role and m.role not in p.roles:
                p.roles.append(m.role)
            self.note(pos, p)
            return Resolved(p, m.role or (p.roles[0] if p.roles else None))
        if m.kind == "desc":
            if m.text.split()[0].lower() in _INDEFINITE:
                return self._body_of(m)  # "a longtime adviser": someone new, not a known holder
            p = self._described(m, pos) or self._person_of_the_moment(m, pos)
            if p is None:
                return self._body_of(m)
            self.note(pos, p)
            return Resolved(p, p.roles[0] if p.roles else m.role)
        if m.kind == "org" and m.name:
            return Resolved(reg.org(m.name), m.role)
        if m.kind == "group" and m.head:
            words = m.text.split()
            if clean_token(words[0]) in ("the", "a", "an", "one", "another", "some", "several"):
                words = words[1:]
            if m.head in wordlist("speech_nouns") and not any(w[:1].isupper() for w in words):
                # "a statement", "the letter": something said or written is no one ("In a
                # statement announcing …, Roe called …" is Roe's); a body of people named by
                # a common noun ("the plant's union", "a government source") still speaks
                return None
            mods = words[:-1]
            role = (
                m.head
                if m.head in ("spokesperson", "spokesman", "spokeswoman", "official", "representative")
                else None
            )
            if role and mods and len(mods) == 1 and mods[0].isupper():
                return Resolved(reg.org(mods[0]), role)
            return Resolved(reg.org(" ".join(words)), role)
        return None

    def _described(self, m: Mention, pos: int) -> Person | None:
        """The holder of the title a description names: the only one, or, when several
        hold it, the one salient in the last few sentences and more recent than the rest. A
        holder the text first names after the description holds it only when their title has
        every modifier of the description: a headline describes the people its article names
        ("Union Leader Says ...") and a lead may ("the former secretary of state said ..."), but
        "the leading GOP candidate" is not the doctoral candidate a later paragraph
        introduces."""
        headline = any(a <= pos < b for a, b in self.registry.title_lines)  # names come later
        cands = [
            p
            for p in self.registry.role_candidates(m)
            if headline
            or p.first_pos <= pos + len(m.text) + 2  # named by then, or right after the title
            or p.titled_with(m.modifiers)
        ]
        if len(cands) <= 1:
            return cands[0] if cands else None
        idxs = {i for i, p in enumerate(self.registry.people) if any(p is c for c in cands)}
        i = bisect.bisect_left(self._events, (pos, -1))
        while i > 0:
            i -= 1
            epos, idx = self._events[i]
            if pos - epos > self.desc_window:
                return None
            if idx in idxs:
                best = self.registry.people[idx]
                between = self.text[epos:pos]
                if any(re.search(rf"\b{re.escape(c.surname)}\b", between) for c in cands if c is not best):
                    return None  # another holder named since: ambiguous
                return best
        return None

    def _person_of_the_moment(self, m: Mention, pos: int) -> Person | None:
        """For a definite description that describes without titling ("the billionaire
        businessman began ..., saying"), the person the article is on about: the one
        salient person of the last few hundred characters (no other person salient there),
        of a gender that does not conflict. News uses such a description for the person
        just written about, never to introduce someone new (that takes "a")."""
        if m.head not in PERSON_NOUNS or not m.text.lower().startswith("the "):
            return None
        i = bisect.bisect_left(self._events, (pos, -1))
        found: Person | None = None
        while i > 0:
            i -= 1
            epos, idx = self._events[i]
            if pos - epos > self.desc_window:
                break
            p = self.registry.people[idx]
            if p.is_org:
                continue
            if found is not None and p.surname != found.surname:
                return None  # two people salient: the description could be either
            if found is None or p.first_pos < found.first_pos:
                found = p  # of one surname's entries, the first named ("Ana Ruiz", not a variant)
        if found is None or (found.gender and m.gender and found.gender != m.gender):
            return None
        return found

    def _body_of(self, m: Mention) -> Resolved | None:
        """``a PMO spokesperson`` -> the PMO, role spokesperson; else None."""
        if m.head not in _SPOKES:
            return None
        words = [w for w in m.text.split()[:-1] if clean_token(w) not in DETERMINERS]
        if words and all(w[:1].isupper() for w in words):
            return Resolved(self.registry.org(" ".join(words)), m.head)
        return None

    def _introduced(self, pos: int, gender: str | None = None) -> Person | None:
        """The person the paragraph before introduces, for a pronoun in a paragraph that
        opens with a quotation ("“No one is ...,” he said").

        News introduces a source by full name and title, often as the object of a clause
        ("... concerns Ana Ruiz, president of the tenants' union."), and quotes them in the
        next paragraph with a pronoun. The introduction is not a subject, so the salience
        history (:meth:`_named_subjects`) does not hold it and the pronoun would go to an
        older subject. The person counts when they are first named in that paragraph, with
        an appositive title (", president of ...", ", a nurse") and no one is salient after
        them; the only one so introduced there."""
        para = self.text.rfind("\n", 0, pos) + 1
        head = self.text[para:pos].lstrip()
        quoted = [(para + a, para + b) for a, b in quotation_spans(self.text[para:pos])[0]]
        if not head or not (
            head[0] in '“"' or head[:2] in TYPEWRITER_MARKS or self._unpeopled(para, pos, quoted)
        ):
            return None
        prev_end = len(self.text[:para].rstrip())
        prev_start = self.text.rfind("\n", 0, prev_end) + 1
        found = [
            p
            for p in self.registry.people
            if not p.is_org and prev_start <= p.first_pos < prev_end and self._titled_at(p)
        ]
        if len(found) != 1:
            return None
        if self._rival_before(found[0], gender):
            return None
        for epos, _ in self._events[: bisect.bisect_left(self._events, (pos, -1))]:
            if epos > found[0].first_pos and not any(a <= epos < b for a, b in quoted):
                return None  # someone was salient after the introduction (not in quoted words)
        return found[0]

    def _unpeopled(self, para: int, pos: int, quoted: list[tuple[int, int]]) -> bool:
        """Does the paragraph's narration before ``pos`` name or refer to no one ("But the
        benefit is “10 times the losses,” he said")? Then a pronoun there is the paragraph's
        first reference to a person and goes on from the paragraph before, as it does after a
        paragraph-opening quote. Quoted words do not count; a pronoun or a capitalised word
        outside them (a name) does."""
        at = para
        narration = []
        for a, b in [*quoted, (pos, pos)]:
            narration.append(self.text[at:a])
            at = b
        words = re.findall(r"[\w’']+", " ".join(narration))
        return bool(words) and not any(
            clean_token(w) in _REFERRING
            or (w[:1].isupper() and (i > 0 or clean_token(w) not in _OPENING_CAPS))
            for i, w in enumerate(words)
        )

    def _rival_before(self, p: Person, gender: str | None) -> bool:
        """Is another person the subject of the main clause of the sentence that introduces
        ``p``, before them, of a gender the pronoun fits ("George Doe is selling the gun he
        used to shoot Ray Roe, a teenager, ..." then "“…,” he said": Doe, not Roe)? A subject
        after a subordinator ("While Brandt had ..., the cuts worry Ana Ruiz, president of
        ...") is not the main clause's."""
        start = max(self.text.rfind(c, 0, p.first_pos) for c in (". ", "? ", "! ", "\n")) + 1
        for epos, idx in self._events[bisect.bisect_left(self._events, (start, -1)) :]:
            if epos >= p.first_pos:
                break
            q = self.registry.people[idx]
            if q is p or q.is_org or (gender and q.gender and q.gender != gender):
                continue
            before = self.text[start:epos].split()
            if any(clean_token(w) in _SUBORDINATORS for w in before[-4:]):
                continue
            return True
        return False

    def _titled_at(self, p: Person) -> bool:
        """Is ``p``'s first mention followed by an appositive that describes them ("Ana Ruiz,
        president of ...", "Ana Ruiz, 52, a nurse", "Ana Ruiz, a senior fellow at ...",
        "Omar Petrakis, a retired fisherman who ...")?

        With an article the appositive is a noun phrase whatever its noun: news introduces a
        new source by name and description, and the description's head (the last word before
        a preposition, a relative or the phrase's end) need not be a title. It is no
        appositive when that head is a verb (", the company said"). Without an article a role
        noun must head it ("Ana Ruiz, president of ..."): a bare word after a comma is as
        often the next item of a list."""
        m = _INTRO_APPOSITIVE.match(self.text, p.first_pos + len(p.name))
        if m is None or self.text[p.first_pos : p.first_pos + len(p.name)] != p.name:
            return False
        words = m.group("phrase").split()
        cut = next(
            (i for i, w in enumerate(words) if clean_token(w) in _PREPOSITIONS | _RELATIVES),
            len(words),
        )
        np = [clean_token(w) for w in words[:cut]]
        if not np or len(np) > 6:
            return False
        if m.group("det") is None:
            return any(w in ROLE_NOUNS for w in np) and not CLAUSE_WORD.search(" ".join(words[:cut]))
        head = np[-1]
        return (
            head.replace("-", "").isalpha()
            and head not in PRONOUNS
            and not CLAUSE_WORD.search(head)
            and not any(w in _VERB_LIKE for w in np)
        )

    def _pronoun(self, m: Mention, pos: int) -> Resolved | None:
        if m.gender == "p":
            return None
        intro = self._introduced(pos, m.gender)
        if intro is not None and not (intro.gender and m.gender and intro.gender != m.gender):
            if m.gender in ("m", "f"):
                intro.gender = intro.gender or m.gender
            return Resolved(intro, intro.roles[0] if intro.roles else None)
        # names in the quoted words of the pronoun's own paragraph are not the discourse's
        # subjects (""When Doe debates Roe, she will lose," he said": not Doe)
        para = self.text.rfind("\n", 0, pos) + 1
        quoted = [(para + a, para + b) for a, b in quotation_spans(self.text[para:pos])[0]]
        i = bisect.bisect_left(self._events, (pos, -1))
        seen: set[int] = set()
        while i > 0:
            i -= 1
            epos, idx = self._events[i]
            if pos - epos > 1500:
                return None
            if idx in seen or any(a <= epos < b for a, b in quoted):
                continue
            seen.add(idx)
            p = self.registry.people[idx]
            if p.is_org:
                continue
            if p.gender and m.gender and p.gender != m.gender:
                continue
            if m.gender in ("m", "f"):
                p.gender = p.gender or m.gender
            return Resolved(p, p.roles[0] if p.roles else None)
        return None


#: Determiners of a description that introduces someone new ("an aide", "one adviser", "some
#: aide"): [indefinite_determiners] and "some".
_INDEFINITE = wordlist("indefinite_determiners") | {"some"}
_MODALS = frozenset("will would can could should may might must shall to".split())
_CONTINUE = frozenset("continued continues continue went goes on".split())


def cue_lemma(form: str, before: str = "") -> str | None:
    """The lemma of a cue word, or None when it is not used as a reporting verb.

    A base form ("say", "state") is a cue as a plural present ("officials say") or after
    "continued to" / "went on to"; not after a modal ("will announce") or another "to"
    ("declined to say"), and never for words that are mostly nouns ("state", "call").
    """
    low = form.lower()
    lemma = FORM_TO_LEMMA.get(low)
    if lemma is None:
        return None
    if low == lemma:
        prev = before.split()[-2:]
        if prev and prev[-1].lower() in _MODALS:
            return (
                lemma
                if prev[-1].lower() == "to" and len(prev) == 2 and prev[0].lower() in _CONTINUE
                else None
            )
        if lemma in _AMBIGUOUS_BASE:
            return None
    return lemma


def is_participle(form: str) -> bool:
    return form.lower().endswith("ing")


__all__ = [
    "CAP_WORD",
    "CLAUSE_CUES",
    "CLAUSE_ONLY_CUES",
    "CUE_RE",
    "FORM_TO_LEMMA",
    "NAMING_CUES",
    "PRONOUNS",
    "Resolved",
    "Resolver",
    "appositive",
    "cue_lemma",
    "is_participle",
    "strip_adverbials",
    "subject_at_start",
    "suffix_mention",
]
