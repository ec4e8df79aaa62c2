"""Per-article registry of people and organisations, and parsing of speaker mentions.

A *mention* is the words that name a speaker in an attribution: ``Jivani``, ``he``,
``Prime Minister Mark Carney``, ``the Ontario MP``, ``a PMO spokesperson``, ``the plant's
union``. :func:`parse_mention` classifies such words; :class:`Registry` holds the people
an article names (full name, surname, titles, gender when the text shows it) and turns a
mention into an entity. Everything is rules and small word lists: no model, no network.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from assistant.nlp import alternation, months, name_key, wordlist
from assistant.nlp.text import abbreviation, unpossessive

#: Nouns that describe a person without titling them ("the billionaire businessman").
PERSON_NOUNS = frozenset(wordlist("person_nouns"))

#: Nouns that head a title or a description of a person ("Trade Minister", "the MP").
ROLE_NOUNS = wordlist("speaker_role_nouns")
#: Nouns that describe a person ("their neighbor Ben Green", "the influential delegate"): the
#: titles, the describing nouns and [person_descriptor_nouns].
PERSON_DESCRIPTORS = ROLE_NOUNS | PERSON_NOUNS | wordlist("person_descriptor_nouns")
#: Heads of collective or anonymous speakers ("a government source", "the union").
GROUP_NOUNS = wordlist("speaker_group_nouns")
#: Capitalised words that make a capitalised run an organisation or a place, not a person.
ORG_WORDS = wordlist("speaker_org_words") | {m.name.lower() for m in months()}
#: Capitalised function words stripped from the front of a capitalised run.
STOP_CAPS = wordlist("speaker_stop_caps")
#: Determiners and possessives that open a described speaker ("the MP", "his spokesman").
DETERMINERS = wordlist("mention_determiners")
#: The personal pronouns a mention can be, with their gender ("p": plural). A table of
#: grammar, not a word list: it stays here (the forms are closed and each carries a value).
PRONOUNS = {"he": "m", "she": "f", "they": "p", "him": "m", "her": "f", "them": "p"}
#: Words that show a person's gender ("Mr.", "spokeswoman", "widow"): "m" or "f".
GENDERED = {w: "m" for w in wordlist("male_person_words")} | {w: "f" for w in wordlist("female_person_words")}
#: Finite verb forms: words holding one are a clause, not a title.
_VERB_FORMS = wordlist("mention_verb_forms")
#: Words before a role noun inside one title ("vice president", "former minister").
ROLE_PREFIXES = wordlist("role_prefixes")
#: Prepositions that end the head of a title: "mayor of Edmonton", "analyst at X Bank".
_ROLE_PREP = wordlist("role_end_prepositions")
#: Lower-case words allowed inside a capitalised name: "Ministry of International Trade".
_CONNECTORS = wordlist("name_connectors")

_UPPER = "A-ZÀ-ÖØ-Þ"
#: A capitalised word; an apostrophe belongs to it ("O'Neill", "Reyes'") unless it is the first
#: of a typewriter closing mark (two apostrophes: "''Larry King Now''").
CAP_WORD = rf"[{_UPPER}](?:[\w’.\-\u2013]|'(?!'))*"
#: A full name as a signature or a bio line writes it: two to four capitalised words, initials
#: allowed ("Jon R. Vale", "Marta J. Quell"); read by the letters and the columns rules.
FULL_NAME = r"(?:[A-Z][\w'’-]*\.?\s+){1,3}[A-Z][\w'’-]+"
_CAP_RUN = re.compile(
    rf"{CAP_WORD}(?:[ \t]+(?:(?:{alternation('name_particles', 'name_run_joiners')})[ \t]+)?{CAP_WORD})*"
)
_ACRONYM = re.compile(
    rf"({CAP_WORD}(?:\s+(?:(?:{alternation('acronym_joiners')})\s+)*{CAP_WORD}){{0,6}})\s*\(([A-Z]{{2,6}})\)"
)
_REP_OF = re.compile(
    rf"^(?i:a|an|the|one)\s+((?i:{alternation('representative_nouns')}))"
    rf"\s+(?:{alternation('representative_prepositions')})\s+(?:the\s+)?"
    rf"({CAP_WORD}(?:\s+(?:of\s+|for\s+|and\s+)?{CAP_WORD})*)$"
)
#: "NAME, a/the ROLE," right after a name: the role of the person (no verb inside).
#: ", an expert on Canada-U.S. relations," -- a role runs to the next comma or stop, but
#: through an abbreviation's full stops: one before a non-space ("U.S.", "D.C."), or after
#: a lone capital before a lower-case word ("the U.S. envoy"; not "Plan B. He")
ABBREVIATION_STOP = r"(?:\.(?=\S)|(?<=\b[A-Z])\.(?=\s+[a-z]))"
_APPOSITIVE = re.compile(
    rf",\s+(?:\d{{1,3}},\s+)?(?:a|an|the)\s+((?:[^,.;:“”\"()\n]|{ABBREVIATION_STOP}){{2,100}}?)"
    rf"\s*(?=[,;:]|(?!{ABBREVIATION_STOP})\.|\n|$)"
)
#: A finite verb ([clause_words], or any word of three letters or more in -ed): the words
#: are a clause, not a role.
CLAUSE_WORD = re.compile(rf"\b(?:{alternation('clause_words')}|[a-z]{{3,}}ed)\b")
#: Words that may follow a complete noun phrase (so "the X Y" + one of them names a body).
_AFTER_NP = wordlist("after_noun_phrase")


@lru_cache(maxsize=8192)
def clean_token(tok: str) -> str:
    """Lower-case a token and drop possessive endings and edge punctuation."""
    return unpossessive(tok.lower().replace("’", "'").strip(',;:()"“”‘')).rstrip("'")


def _is_cap(tok: str) -> bool:
    return bool(tok) and (tok[0].isupper() or tok[0] in "ÀÁÂÉÈÊÎÏÔÖÜÇ")


key = name_key  # the one name key: assistant.nlp.name_key


@lru_cache(maxsize=8192)
def role_head(role: str) -> str:
    """Head of a title, with a changing prefix kept: ``Vice President`` -> ``vice president``."""
    toks = [clean_token(t) for t in role.split()]
    toks = [t for t in toks if t]
    cut = next((i for i, t in enumerate(toks) if i and t in _ROLE_PREP), None)
    if cut is not None:  # "mayor of Edmonton", "senior analyst at Northgate Bank"
        toks = toks[:cut]
    if not toks:
        return ""
    head = toks[-1]
    if len(toks) > 1 and toks[-2] in ROLE_PREFIXES:
        head = f"{toks[-2]} {head}"
    return head.replace("-", " ")


@dataclass(frozen=True)
class Mention:
    """A parsed speaker mention (not yet resolved to an entity)."""

    kind: Literal["pronoun", "name", "desc", "group", "org", "relative"]
    text: str
    name: str | None = None  # the proper-name part ("Mark Carney")
    role: str | None = None  # the title part ("Prime Minister")
    head: str | None = None  # head noun of a description ("mp", "union")
    modifiers: tuple[str, ...] = ()
    gender: str | None = None


@dataclass
class Person:
    """Someone (or some body) an article names."""

    name: str
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
    is_org: bool = False
    aliases: list[str] = field(default_factory=list)
    first_pos: int = 0

    @property
    def surname(self) -> str:
        toks = self.name.split()
        return toks[-1] if toks else self.name

    def titled_with(self, modifiers: Sequence[str]) -> bool:
        """Does some title of this person hold every one of a description's ``modifiers``
        ("the Ontario MP": "ontario" in "Ontario MP")?"""
        return all(any(x in (clean_token(t) for t in r.split()) for r in self.roles) for x in modifiers if x)


def split_role(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split a capitalised run into its title part and its name part. The word after an
    honorific is a surname even when it is also a title ("Mr. King", "Ms. Judge"): an
    honorific is never followed by a title in news."""
    cut = -1
    for i, t in enumerate(tokens):
        if clean_token(t).rstrip(".") in ROLE_NOUNS and not t.endswith(("’s", "'s")):
            if i and clean_token(tokens[i - 1]).rstrip(".") in _HONORIFICS and i == len(tokens) - 1:
                break
            cut = i
    return tokens[: cut + 1], tokens[cut + 1 :]


_HONORIFICS = wordlist("honorifics")
#: The honorifics capitalised as written, longest first, as a regex alternation.
_HONORIFIC = "|".join(sorted((w.capitalize() for w in _HONORIFICS), key=lambda w: (-len(w), w)))
#: Determiners a capitalised run can open with at a sentence's head ("Another Trump target
#: was ..."): no part of a name.
_RUN_DETERMINERS = wordlist("run_determiners")
#: A word after an honorific, not where it addresses someone ("Thank you, Mr. President."):
#: a title is spoken to, a surname is written about.
_HONOURED = re.compile(rf"\b(?:{_HONORIFIC})\.?\s+([A-Z][\w’'-]*\w)\b(?![,?!.:;])")


def _honoured(role: list[str], name: list[str]) -> bool:
    """Is ``name`` one surname right after an honorific ("Mr. King", "Ms. Judge")?"""
    return len(name) == 1 and bool(role) and clean_token(role[-1]).rstrip(".") in _HONORIFICS


def looks_like_person(tokens: list[str]) -> bool:
    """A run of capitalised words that can be a person's name (not a body or place)."""
    if not tokens or len(tokens) > 4:
        return False
    for t in tokens:
        c = clean_token(t).rstrip(".")
        if c in ORG_WORDS or c in STOP_CAPS or c in ROLE_NOUNS:
            return False
        if t.isupper() and len(t) > 2 and "." not in t:
            return False  # acronyms: PMO, CUSMA
        if any(ch.isdigit() for ch in t):
            return False
    return True


#: A reflexive after a speaker's words ("Roe himself"): not part of the name.
_REFLEXIVE_END = re.compile(rf"\s+(?:{alternation('reflexives')})$")


@lru_cache(maxsize=8192)
def parse_mention(text: str) -> Mention | None:
    """Classify the words that name a speaker, or None if they cannot name one."""
    text = re.sub(r"\s*\([^)]*\)", "", text).strip(" ,;:—–-\u2014")
    text = _REFLEXIVE_END.sub("", text)
    if not text:
        return None
    low = text.lower().replace("’", "'")
    if low in PRONOUNS and PRONOUNS[low] in "mfp" and low in ("he", "she", "they"):
        return Mention("pronoun", text, gender=PRONOUNS[low])
    if low in ("who", "which"):
        return Mention("relative", text)
    rep = _REP_OF.match(text)
    if rep:  # "a spokeswoman for the Harbour City Chamber of Commerce"
        return Mention("org", text, name=rep.group(2).replace("’", "'"), role=rep.group(1).lower())
    tokens = text.split()
    if len(tokens) > 9:
        return None  # longer runs are clauses, not mentions
    first = clean_token(tokens[0])
    body = tokens[1:] if first in DETERMINERS and not _is_cap(tokens[0][1:2] or "a") else tokens
    if first in DETERMINERS:
        body = tokens[1:]
    if not body:
        return None
    if (
        _is_cap(body[0])
        and _is_cap(body[-1])
        and any(t in _CONNECTORS for t in body)
        and all(_is_cap(t) or t.isupper() or t in _CONNECTORS for t in body)
    ):
        return _connected(text, body)
    if any(clean_token(t) in DETERMINERS for t in body[:-1]):
        return None
    head = clean_token(body[-1])
    mods = tuple(clean_token(t) for t in body[:-1])
    gender = next((GENDERED[clean_token(t)] for t in body if clean_token(t) in GENDERED), None)
    if all(_is_cap(t) or t.isupper() for t in body):
        owner = next((i for i in range(len(body) - 2, -1, -1) if body[i].endswith(("’s", "'s"))), None)
        if owner is not None and 2 <= len(body) - owner - 1 <= 3 and looks_like_person(body[owner + 1 :]):
            # "MSNBC's Chris Matthews", "CNN's Jake Tapper": the outlet is the title, not the name
            joined = " ".join(body[: owner + 1])
            return Mention("name", text, name=" ".join(body[owner + 1 :]), role=joined, gender=gender)
        if first == "the" and len(body) == 1 and head in PERSON_NOUNS:
            # "the Republican said this week": a person described by party, as "the billionaire"
            return Mention("desc", text, role=head, head=head, modifiers=mods, gender=gender)
        role, name = split_role(body)
        if name and not role and first == "the":
            return Mention("org", text, name=" ".join(body).replace("’", "'"))  # "the X Bureau"
        if (
            name
            and (looks_like_person(name) or _honoured(role, name))
            and not name[-1].endswith(("’s", "'s"))
        ):
            return Mention(
                "name",
                text,
                name=" ".join(name),
                role=" ".join(role) or None,
                head=role_head(" ".join(role)) if role else None,
                gender=gender,
            )
        if role and not name:
            return Mention(
                "desc",
                text,
                role=" ".join(role),
                head=role_head(" ".join(role)),
                modifiers=mods,
                gender=gender,
            )
        if any(clean_token(t) in ORG_WORDS | GROUP_NOUNS for t in body) or (
            len(body) == 1 and body[0].isupper() and len(body[0]) > 1
        ):
            return Mention("org", text, name=" ".join(body).replace("’", "'"))
        return None
    titled = _titled_name(text, body, gender)
    if titled is not None:
        return titled
    if head in ROLE_NOUNS:
        return Mention(
            "desc", text, role=" ".join(body), head=role_head(" ".join(body)), modifiers=mods, gender=gender
        )
    if head in PERSON_NOUNS and first == "the" and all(t.islower() or _is_cap(t) for t in body):
        # "the billionaire businessman": a person described, not titled (the resolver takes
        # the article's person of the moment for it, never a new one)
        return Mention("desc", text, role=" ".join(body), head=head, modifiers=mods, gender=gender)
    pp = next((i for i, t in enumerate(body) if i and t in _ROLE_PREP), None)
    if pp is not None and pp + 1 < len(body) and len(body) - pp <= 5:
        # "the mayor of Edmonton", "a senior analyst at Northgate Bank"
        inner = parse_mention(" ".join(tokens[: len(tokens) - len(body) + pp]))
        if inner is not None and inner.kind == "desc":
            return Mention(
                "desc", text, role=" ".join(body), head=inner.head, modifiers=inner.modifiers, gender=gender
            )
    if any(t.islower() and (t.endswith("ed") or t in _VERB_FORMS) for t in body):
        return None
    if head in GROUP_NOUNS and len(body) <= (4 if first in DETERMINERS else 2):
        if any(_is_cap(t) and clean_token(t) in ORG_WORDS for t in body) and head in (
            "office",
            "ministry",
            "department",
            "committee",
            "foundation",
            "coalition",
        ):
            return Mention("org", text, name=" ".join(body).replace("’", "'"))
        return Mention("group", text, head=head, modifiers=mods)
    return None


_JOINERS = wordlist("mention_joiners")


def _titled_name(text: str, body: list[str], gender: str | None) -> Mention | None:
    """A title written in mixed case before a name: ``Tulsa police Chief Chuck Jordan``,
    ``Fox News host Chris Wallace``, ``Republican presidential nominee Donald Trump``,
    ``former President Bill Clinton``. The name is the last two or three capitalised words;
    the word before them heads the title (a role noun); no word of the title is a verb form."""
    for n in (3, 2):
        if len(body) <= n:
            continue
        name, role = body[-n:], body[:-n]
        if not all(_is_cap(t) for t in name) or not looks_like_person(name):
            continue
        if name[-1].endswith(("’s", "'s")) or role[-1].endswith(("’s", "'s")):
            continue
        if clean_token(role[-1]).rstrip(".") not in ROLE_NOUNS:
            continue
        if any(t.islower() and (t.endswith("ed") or t in _VERB_FORMS or t in _JOINERS) for t in role):
            continue  # a clause, or two titles ("Former prosecutor and New York City Mayor")
        joined = " ".join(role)
        return Mention("name", text, name=" ".join(name), role=joined, head=role_head(joined), gender=gender)
    return None


def _connected(text: str, body: list[str]) -> Mention | None:
    """A capitalised run with lower-case connectors: a body ("Ministry of International
    Trade"), a title ("Leader of the Opposition") or a title and a name ("Minister of
    Finance Ana Ruiz", "Council on Foreign Relations President Ana Ruiz")."""
    gender = next((GENDERED[clean_token(t)] for t in body if clean_token(t) in GENDERED), None)
    tail = body[max(i for i, t in enumerate(body) if t in _CONNECTORS) + 1 :]
    lead = body[: len(body) - len(tail) + 1]
    # the title may follow the body's name: "Council on Foreign Relations President Ana Ruiz"
    has_role = any(clean_token(t).rstrip(".") in ROLE_NOUNS for t in [*lead, *tail[:-2]])
    located = _located_name(text, body, gender)
    if located is not None:
        return located
    if has_role:
        for n in (2, 3):
            if len(tail) > n and looks_like_person(tail[-n:]):
                name, role = tail[-n:], body[: len(body) - n]
                return Mention(
                    "name",
                    text,
                    name=" ".join(name),
                    role=" ".join(role),
                    head=role_head(" ".join(role)),
                    gender=gender,
                )
        if clean_token(body[0]).rstrip(".") in ROLE_NOUNS or clean_token(body[0]) in ROLE_PREFIXES:
            return Mention("desc", text, role=" ".join(body), head=role_head(" ".join(body)), gender=gender)
    if all(t in ("and", "&") for t in body if t in _CONNECTORS) and not any(
        clean_token(t) in ORG_WORDS | GROUP_NOUNS for t in body
    ):
        return None  # "Smith and Jones": two speakers, not one body
    return Mention("org", text, name=" ".join(body).replace("’", "'"))


def _located_name(text: str, body: list[str], gender: str | None) -> Mention | None:
    """A titled name and the place or body it is of: ``Sen. Ted Cruz of Texas``,
    ``Republican Rep. Lee Zeldin of New York``, ``Chairman Ana Ruiz of the Harbour Trust``.
    US news names a legislator by title, name and state; the person speaks, not the state.
    The words before the first "of" are a title (a role noun in them) and a name of two or
    three capitalised words; after it, capitalised words (a place or a body)."""
    if "of" not in body:
        return None
    cut = body.index("of")
    pre, post = body[:cut], body[cut + 1 :]
    if any(t in _CONNECTORS for t in pre) or not post or not _is_cap(post[-1]):
        return None
    if any(clean_token(t).rstrip(".") in ROLE_NOUNS for t in post):
        return None  # "Sen. Ted Cruz of Texas and Sen. Marco Rubio of Florida": two people
    for n in (3, 2):  # "Senator Debbie Wasserman Schultz", "Whip Richard J. Durbin"; a title
        if len(pre) > n and looks_like_person(pre[-n:]):  # word is never part of the name
            role = pre[:-n]
            if not any(clean_token(t).rstrip(".") in ROLE_NOUNS for t in role):
                return None
            return Mention(
                "name",
                text,
                name=" ".join(pre[-n:]),
                role=" ".join(role),
                head=role_head(" ".join(role)),
                gender=gender,
            )
    return None


#: Titles in "-man" that news gives women too ("Trump spokesman Hope Hicks"): a person's
#: gender is not read off them (a description "the spokesman" still reads as a man's).
_GENERIC_TITLES = wordlist("generic_titles")


def _fits(p: Person, gender: str | None) -> bool:
    """Is ``p`` of no other gender than ``gender`` (either unknown fits)?"""
    return not (gender and p.gender and p.gender in "mf" and p.gender != gender)


def honorific_gender(before: str) -> str | None:
    """The gender an honorific right before a name gives ("Mrs. " -> "f"), else None."""
    m = _HONORIFIC_END.search(before)
    return GENDERED.get(m.group(1).lower()) if m else None


_HONORIFIC_END = re.compile(rf"\b({_HONORIFIC})\.?\s+$")


def _introduced_gender(before: str) -> str | None:
    """The gender a description set before a name by a comma gives ("the first lady, Ann
    Roe", "his wife, Ann Roe"), or an honorific right before it ("Mrs. Roe"); else None."""
    m = _DESCRIBED_BEFORE.search(before)
    if m is not None:
        return GENDERED.get(m.group(1).lower())
    return honorific_gender(before)


_DESCRIBED_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Aa]n?)\s+(?:[a-z][\w-]*\s+){0,3}([a-z][\w-]*),\s+$"
)


def _sentence_head(text: str, pos: int) -> bool:
    """Does ``pos`` open a sentence (or a quotation)? Only there is an adverb or a participle
    capitalised ("Recently Roe said", "Speaking to reporters, Roe ..."); inside a sentence a
    capitalised word ending so is a name ("candidate Carly Roe", "Mayor Ted Sterling")."""
    before = text[max(0, pos - 3) : pos].rstrip(" \t")
    if before.endswith("."):
        word = re.search(r"([A-Za-z]+)\.$", text[max(0, pos - 12) : pos].rstrip(" \t"))
        if word and abbreviation(word.group(1)):
            return False  # "Sen. Kelly Ayotte": a title's full stop, not a sentence's end
    return not before or before[-1] in ".!?:;\n\"“‘'(—–-"


def _of_place(tokens: list[str]) -> list[str]:
    """A person's name before "of" and the place they are from ("Ana Ruiz of Kent County",
    "Sen. Jo Roe of Maine"): news names a private person, or a lawmaker, with the place
    after the name. The run is the person's, the place left out; a body's name ("Bank of
    Canada", "University of Kent": one word before "of", or a body's word) is kept whole."""
    if "of" not in tokens[1:-1]:
        return tokens
    head = tokens[: tokens.index("of")]
    _, name = split_role(head)
    if 2 <= len(name) <= 3 and looks_like_person(name) and not name[-1].endswith(("’s", "'s", ",")):
        return head
    return tokens


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines In Title Case (headlines): every word is capitalised, so runs mean nothing."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        words = re.findall(r"[^\W\d_][\w’'\-]*", line)
        content = [w for w in words if w.lower() not in _TITLE_SMALL]
        if (
            len(words) >= 4
            and len(content) >= 3
            and all(w[0].isupper() for w in content)
            and (not line.rstrip().endswith("."))
        ):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _modifier_words(role: str) -> list[str]:
    """Title words before a role's head ("chief" in "Hospital Chief Executive"), without
    those a prefix changes ("minister" is not "Prime Minister")."""
    head = role_head(role).split()
    toks = [clean_token(t) for t in role.split()]
    cut = next((i for i, t in enumerate(toks) if i and t in _ROLE_PREP), len(toks))
    toks = toks[:cut]
    return toks[: len(toks) - len(head)] if head and len(toks) > len(head) else []


#: Given names shaped like a sentence-opening adverb or participle ("Kelly", "Jared"): the
#: first word of a name at a sentence's head, not "Recently" in "Recently Roe said".
_GIVEN_NAMES_LIKE_ADVERBS = wordlist("given_names_like_adverbs")

#: Words a Title Case headline may leave in lower case.
_TITLE_SMALL = wordlist("title_small_words")


class Registry:
    """The people and bodies one article names, built from its capitalised runs."""

    def __init__(self, text: str, skip: Sequence[tuple[int, int]] = ()) -> None:
        self.people: list[Person] = []
        self.acronyms: dict[str, str] = {}
        self.text = text
        #: Where the body starts: after the first line when the article opens with a
        #: headline line ("Trump defends wife at rally\n\n…"), else 0.
        first_break = text.find("\n")
        self.body_start = first_break + 1 if 0 < first_break < 300 else 0
        #: Lines In Title Case: their capitalised runs name no one reliably.
        self.title_lines = _title_case_lines(text)
        #: Words the article writes after an honorific ("Mr. King"): surnames here, even
        #: where they are also titles, so "Larry King" is a person's name
        self.honoured = frozenset(clean_token(m.group(1)) for m in _HONOURED.finditer(text))
        skip = [*skip, *self.title_lines]
        for m in _ACRONYM.finditer(text):
            toks = m.group(1).split()
            while toks and clean_token(toks[0]) in STOP_CAPS:
                toks = toks[1:]
            if toks:
                self.acronyms[m.group(2)] = " ".join(toks).replace("’", "'")
        for m in _CAP_RUN.finditer(text):
            pos, run = m.start(), m.group(0)
            if any(a <= pos < b for a, b in skip):
                continue  # bylines, credits and captions name authors, not speakers
            # "CBC’s Kate McKenna" and "Olu Adeyemi. Nair" are two runs each
            for piece in re.split(r"(?<=[’']s)\s+|(?<=[a-z]{2}[.!?])\s+", run):
                p = self._observe(text, pos, piece)
                end = pos + len(piece)
                pos = end + 1
                if p is not None and not p.is_org:
                    app = _APPOSITIVE.match(text, end)
                    if app and not CLAUSE_WORD.search(app.group(1)):
                        role = app.group(1).replace("’", "'")
                        if role not in p.roles:
                            p.roles.append(role)  # "Ana Ruiz, the mayor of Dunmore, said"
        self._family_names_first()

    def _family_names_first(self) -> None:
        """Merge a person known only by an honoured word ("Ms. Gao", "Mr. Xi") into the one
        person whose full name starts with it ("Gao Junlan", "Xi Jinping"): names written
        family name first, as news writes Chinese and Korean names, take the honorific on
        their first word. Only when no one has that word as a surname and exactly one
        person's name of two or three words starts with it."""
        for p in list(self.people):
            k = key(p.name)
            if p.is_org or " " in k or k not in {key(w) for w in self.honoured}:
                continue
            if any(q is not p and not q.is_org and key(q.surname) == k for q in self.people):
                continue
            firsts = [
                q
                for q in self.people
                if q is not p
                and not q.is_org
                and 2 <= len(q.name.split()) <= 3
                and key(q.name).split()[0] == k
            ]
            if len(firsts) != 1 or (p.gender and firsts[0].gender and p.gender != firsts[0].gender):
                continue
            q = firsts[0]
            self.people.remove(p)
            q.aliases.extend(n for n in (p.name, *p.aliases) if n not in q.aliases)
            q.roles.extend(r for r in p.roles if r not in q.roles and key(r).rstrip(".") not in _HONORIFICS)
            q.gender = q.gender or p.gender
            q.first_pos = min(q.first_pos, p.first_pos)

    def _observe(self, text: str, pos: int, run: str) -> Person | None:
        tokens = run.split()
        det = re.search(r"\b(?:the|The)\s+$", text[max(0, pos - 5) : pos]) is not None
        while tokens and (
            clean_token(tokens[0]) in STOP_CAPS | _RUN_DETERMINERS
            or (
                re.fullmatch(r"[A-Z][a-z]+(?:ing|ed|ly)", tokens[0])
                and clean_token(tokens[0]) not in _GIVEN_NAMES_LIKE_ADVERBS
                and _sentence_head(text, pos)
            )
        ):
            det = clean_token(tokens[0]) == "the"
            pos += text[pos:].find(tokens[0]) + len(tokens[0])
            tokens = tokens[1:]
        if not tokens:
            return None
        if any(t in _CONNECTORS for t in tokens[1:-1]):
            m = parse_mention(" ".join(tokens))  # "Chief of Defence Staff Ana Ruiz"
            if m is not None and m.kind == "name" and m.name:
                return self.add(m.name, m.role, pos)
            tokens = _of_place(tokens)
        honoured = self._honoured_name(tokens)
        role, name = honoured or split_role(tokens)
        if det and not role and len(name) > 1:
            nxt = re.match(r"[\s’']*([a-z]+)?", text[pos + len(" ".join(tokens)) + 1 :])
            word = nxt.group(1) if nxt else None
            if word is None or word in _AFTER_NP or word.endswith("ed"):
                # "the Statistics Bureau said": a body, never a person a pronoun can mean
                return self.org(" ".join(tokens).rstrip(",.;:"))
        if not role:
            before = text[max(0, pos - 40) : pos].split()
            if before and re.fullmatch(r"[a-z][a-z\-]*", before[-1]) and before[-1] in ROLE_NOUNS:
                role = before[-2:] if len(before) > 1 and not _is_cap(before[-2]) else before[-1:]
        if len(name) < 2 and not (role and name):
            return None
        if not looks_like_person(name) and not _honoured(role, name) and honoured is None:
            if len(name) == 3 and looks_like_person(name[-2:]):
                name = name[-2:]  # "Leader of the Opposition Pierre Poilievre"
            else:
                return None
        return self.add(
            " ".join(name).rstrip(",.;:").replace("’s", "").replace("'s", ""),
            " ".join(role) if role else None,
            pos,
            _introduced_gender(text[max(0, pos - 60) : pos]),
        )

    def _honoured_name(self, tokens: list[str]) -> tuple[list[str], list[str]] | None:
        """A run whose title word is a surname the article gives with an honorific ("Larry
        King" where the text has "Mr. King"): the name is that word and the capitalised word
        before it (not a title word: "Foreign Minister" stays a title); words after it
        ("''Larry King Now''", a show named for him) are left out."""
        for i, t in enumerate(tokens[1:], start=1):
            word, first = clean_token(t).rstrip("."), clean_token(tokens[i - 1]).rstrip(".")
            if word in self.honoured and word in ROLE_NOUNS and first not in ROLE_NOUNS | ROLE_PREFIXES:
                if looks_like_person([tokens[i - 1]]):
                    return tokens[: i - 1], tokens[i - 1 : i + 1]
        return None

    def add(self, name: str, role: str | None, pos: int, gender: str | None = None) -> Person:
        """Add a person, merging with one already known under a compatible name (of no
        other gender: "Mr. Roe" and "his wife, Ann Roe" are two people)."""
        gender = gender or next(
            (
                GENDERED[clean_token(t)]
                for t in (role or "").split()
                if clean_token(t) in GENDERED and clean_token(t) not in _GENERIC_TITLES
            ),
            None,
        )
        found = self.lookup_name(name, gender)
        if found is None:
            found = Person(name=name, first_pos=pos)
            self.people.append(found)
        elif len(name.split()) > len(found.name.split()):
            found.aliases.append(found.name)
            found.name = name
        if name != found.name and name not in found.aliases:
            found.aliases.append(name)
        if role and role not in found.roles and role_head(role) not in ("mr", "mrs", "ms", "miss"):
            found.roles.append(role)
        found.gender = found.gender or gender
        return found

    def lookup_name(self, name: str, gender: str | None = None, pos: int | None = None) -> Person | None:
        """The person a name denotes: exact, alias or (when unambiguous) surname match. A
        ``gender`` the text gives ("Mr. Roe": an honorific) leaves out a surname match of
        the other gender: news writes "Mr. Roe" for the man and "Mrs. Roe" or "Ann Roe"
        for his wife. ``pos``, where the name stands, lets a surname several people share
        mean the one its paragraph last named in full (:meth:`_first_in_full`)."""
        k = key(name)
        toks = k.split()
        shared = len(toks) == 1 and self.surname_count(name) > 1  # "Clinton": Bill's alias, Hillary's too
        for p in self.people:
            if key(p.name) == k or (not shared and any(key(a) == k for a in p.aliases)):
                return p
        if len(toks) == 1:
            hits = [p for p in self.people if not p.is_org and key(p.surname) == k and _fits(p, gender)]
            return hits[0] if len(hits) == 1 else self._first_in_full(hits, pos)
        hits = [
            p
            for p in self.people
            if not p.is_org and key(p.surname) == toks[-1] and len(p.name.split()) == 1 and _fits(p, gender)
        ]
        return hits[0] if len(hits) == 1 else None

    def _first_in_full(self, hits: list[Person], pos: int | None = None) -> Person | None:
        """Of several people who share a surname, the one a bare surname means: news names a
        story's person in full first and by the surname alone after, and writes relatives
        and namesakes by their full or first names ("Donald Trump … Melania Trump … Trump
        said" is Donald Trump). The person whose full name the paragraph holding ``pos``
        gives last before it ("Hillary Clinton rebuffed a heckler. … Clinton told her" in a
        story about Bill Clinton), else the one whose full name the body gives first; None
        when no two-word name of theirs is in the body."""
        full = [(p, [n for n in (p.name, *p.aliases) if len(n.split()) > 1]) for p in hits]
        if pos is not None:
            para = self.text.rfind("\n", 0, pos) + 1
            near = [(i, p) for p, names in full for n in names if (i := self.text.rfind(n, para, pos)) >= 0]
            if near:
                return max(near, key=lambda f: f[0])[1]
        firsts = [
            (i, p) for p, names in full for n in names if (i := self.text.find(n, self.body_start)) >= 0
        ]
        return min(firsts, key=lambda f: f[0])[1] if firsts else None

    def surname_count(self, name: str) -> int:
        """How many known people have this word as their surname."""
        k = key(name)
        return sum(1 for p in self.people if not p.is_org and key(p.surname) == k)

    def role_candidates(self, m: Mention) -> list[Person]:
        """The people whose title fits a description ("the Ontario MP", "the chief")."""
        if not m.head:
            return []
        cands = [p for p in self.people if not p.is_org and any(role_head(r) == m.head for r in p.roles)]
        if not cands:  # "the hospital chief" for "Hospital Chief Executive Kwame Grewal"
            cands = [
                p for p in self.people if not p.is_org and any(m.head in _modifier_words(r) for r in p.roles)
            ]
        if len(cands) > 1:
            cands = [p for p in cands if p.titled_with(m.modifiers)]
        if m.gender:
            cands = [p for p in cands if not p.gender or p.gender == m.gender]
        return cands

    def org(self, name: str) -> Person:
        """The organisation called ``name`` (acronyms expanded), added on first sight.

        A person entry of the same name without a title (a body first seen without its
        article, "Statistics Bureau data") becomes the organisation."""
        name = name.replace("’", "'")
        name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
        full = self.acronyms.get(name, name)
        k = key(full)
        for p in self.people:
            if key(p.name) == k and (p.is_org or (not p.roles and len(k.split()) > 1)):
                p.is_org = True
                return p
        p = Person(name=full, is_org=True)
        inv = [a for a, f in self.acronyms.items() if f == full]
        p.aliases.extend(inv)
        self.people.append(p)
        return p
