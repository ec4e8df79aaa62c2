"""Does the chosen evidence hold the specific thing the question asks for?

The fitted ranker scores how well a sentence matches a question; a near-miss question
("How many shots did the officer fire?" when the articles never count the shots) still
finds a well-matching sentence about the shooting. These checks look for the asked-for
thing itself in a candidate sentence:

* **a count of the asked-for thing**: "how many <noun>" needs a number next to that noun
  ("four shots", "shots ... numbered 12"), not any number in the sentence;
* **a name**: "what is the name of ...", "who was the <role> ...", "which <people> ..."
  need a PERSON entity the question does not already name (spaCy entities stored at
  index time);
* **the person's own words**: "what did X say" about a person the quote ledger never
  quotes needs the text itself to attribute words to X (X's name with a speech verb, or
  "according to X") -- the ledger's recall never gates an answer, but a sentence that
  merely mentions X does not say what X said;
* **a day**: "on what date", "which day" need a weekday or a day of a month (in a DATE
  entity, or the resolved time note), not "last year";
* **the same one**: a sentence that puts another modifier on the question's noun ("the
  first presidential debate" for "the vice-presidential debate"), in an article that never
  uses the question's modifier, is about a sibling of the thing asked for (:func:`contrasted`).
* **the words quoted**: a question that quotes four or more words ('Who said "..."?') needs
  a passage holding most of their terms (:func:`quoted_words`, :func:`share_held`; the
  share is set in the extractive backend from generated near misses, evals/README.md).
* **the same named one**: a count, amount, day or name asked of a named organisation or
  place is not answered by the best sentence when it names none of the question's names of
  that kind and names another ("the NBC New Hampshire poll" answered by a RealClearPolitics
  average in California: :func:`other_named`); a figure asked of a named person is not
  answered by a sentence whose clauses holding the figure are about another person and
  not the one asked ("Marsh, who says she has made 40 school visits" for Quill's:
  :func:`other_persons_figure`); a figure asked of a named place is not answered when no
  sentence above the threshold names the place near the figure (the sentence, its quotation,
  the two sentences before: :func:`names_place`) and the best one names another place there
  ("6 points in Ohio" for "the Iowa poll");
* **money given**: "how much did X donate / give / lend ..." asks for an amount of money
  (:func:`money_asked`), and "how far was X from clinching ..." for a shortfall, not a
  distance (:func:`measure_asked`).
* **a year**: "in what year" needs a year, written out or resolved by the time note ("next
  year" in an article without a date says no year: :func:`holds_year`);
* **words about another person**: "what did X say about Y's trip" is not answered from an
  article that never names Y (:func:`about_whom`; the backend's ``_about_another``);
* **a word the question quotes**: "who called him a 'governor'" is answered first by the
  sentence that quotes the word (:func:`quoted_phrase`, :func:`quotes_phrase`).
* **the role a name is asked for**: "what is the name of the campaign spokeswoman ..." is
  not answered by a sentence that names the campaign manager; some sentence giving a name
  must hold the role noun near it (:func:`role_asked`, :func:`names_role`).
* **a group's words**: "what did the advocates say about X" is not answered by a sentence
  that mentions the advocates without giving their words; some sentence must have the
  group noun as the subject of a speech verb near it (:func:`group_asked`, :func:`group_speaks`).
* **a time yet to come**: "when will X and Y hold their next meeting?" is not answered by
  sentences that tell only what has happened ("they met a week ago"); one of them must speak
  of something to come (:func:`future_asked`, :func:`tells_future`).

They are rules over general English news phrasing (spaCy does not parse questions at
``ask`` time: loading it would cost the ``ask`` latency budget). A topic-coverage gate
(the question's IDF-weighted content terms covered by the chosen sentence and its
neighbours) was measured on the real-news tuning half and left out: no threshold kept
false abstention at or below 0.04 while abstaining on more near-misses than it cost.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.engines.lexical import tokenize, undotted
from assistant.nlp import alternation, calendar_words, months, speech_verbs, weekdays, wordlist, wordmap
from assistant.nlp.questions import BY_WHAT_VOTE, ask_of, speaker_phrase
from assistant.nlp.questions import without_source as without_source  # the checks read it here
from assistant.nlp.text import TYPEWRITER_MARKS, normalise, quotation_spans, unaccented, unpossessive
from assistant.settings import AnswerSettings
from assistant.types import Evidence, Span

_AUX = alternation("question_auxiliaries")
_HOW_MANY = re.compile(rf"\bhow\s+many\s+(?P<np>(?:(?!(?:{_AUX})\b)[\w/'’.-]+\s*){{1,4}})", re.I)
#: Counted nouns too general to look for ("how many people" may be answered "12 were hurt").
_GENERIC = {tokenize(w)[0] for w in wordlist("generic_counted")}
#: A count: digits ("12", "3.5%", "4th"), digits glued to their multiplier as one wire's copy
#: sets every figure ("2.5million contributions": USA Today's, in 4 of PolNeAR's 924 articles),
#: or a number word (``wordlists.txt`` [number_words]).
_NUMBER_TOKEN = re.compile(r"^(?:\d[\d,.]*(?:million|billion|trillion)?%?|\d+(?:st|nd|rd|th)?)$", re.I)
_NUMBER_WORDS = wordlist("number_words")
#: Nouns that count people under any name (``wordlists.txt`` [people_counted]).
_PEOPLE_COUNTED = {t for w in wordlist("people_counted") for t in tokenize(w)[-1:]}
_WORD = re.compile(r"[\w%$€£.,'’/-]+")
#: "what is/was the name of ...", "who is/was/were the <role> ...", "name the ...".
_NAME_OF = re.compile(
    r"\bwhat\s+(?:is|was|were|are)\s+(?:the\s+)?(?:names?|titles?|headlines?)\s+of\b"
    r"|\bwho\s+(?:is|was|were|are)\s+the\b"
    r"|\bidentify\s+the\b|\bname\s+the\b",
    re.I,
)
#: Speech verbs: every form in the one lexicon (``assistant/nlp/speech_verbs.txt``), and
#: "according to".
#: ``SPEECH_FORMS`` is their regex alternation, longest first (for other modules' patterns).
_FORMS = sorted({re.escape(f) for v in speech_verbs().values() for f in v.forms}, key=len, reverse=True)
SPEECH_FORMS = "|".join(_FORMS)
_SPEECH = re.compile(r"\b(?:according\s+to|" + SPEECH_FORMS + r")\b", re.I)
_SPEECH_WORD = re.compile(r"(?:" + SPEECH_FORMS + r")", re.I)


def is_speech_form(word: str) -> bool:
    """Is ``word`` a form of a reporting verb of the lexicon ("predicted", "says")?"""
    return _SPEECH_WORD.fullmatch(word) is not None


def asks_words(part: str) -> bool:
    """Does the part ask for someone's words ("How big did Roe say ...", "according to")?"""
    return _SPEECH.search(part) is not None


#: A name's speech verbs in the text test (:func:`_subject_of_speech`): the lexicon's and the
#: verbs that report a stated view ([stance_verbs]: "Roe criticized the plan"). News reports
#: a third of a named person's speech so (PolNeAR's reported attributions); the quote ledger
#: and the quotation frame read the lexicon's alone.
_STANCE_FORMS = "|".join(
    sorted((re.escape(w).replace("_", r"\s+") for w in wordlist("stance_verbs")), key=len, reverse=True)
)
_SPEAKS = re.compile(rf"\b(?:according\s+to|{SPEECH_FORMS}|{_STANCE_FORMS})\b", re.I)
#: The agent of a passive speech verb right before the name: "... was criticized by Roe",
#: "as reported by the Post" (not "asked by X": its agent asks, the sentence answers).
_PASSIVE_AGENT = re.compile(
    rf"\b(?!asked\b)(?:{SPEECH_FORMS}|{_STANCE_FORMS})\s+(?:\w+\s+)?by(?:\s+[\w.-]+){{0,3}}$"
)
#: A pronoun's words: "she said", "they argued", "said he" (``wordlists.txt`` [pronoun_said],
#: [said_inverted]).
PRONOUN_SAID = re.compile(
    r"\b(?:he|she|they)\s+(?:"
    + alternation("pronoun_said")
    + r")\b|\b(?:"
    + alternation("said_inverted")
    + r")\s+(?:he|she)\b",
    re.I,
)
_PRONOUN_SAID = PRONOUN_SAID
_QUOTE_CHARS = '"“”'


def plural(word: str) -> bool:
    """Whether ``word`` reads as a plural noun: four letters or more ending in a single "s"
    ("troops", "cities"; not "press", "bus")."""
    low = word.lower()
    return len(low) > 3 and low.endswith("s") and not low.endswith("ss")


#: Prepositions after a participle ("people injured in the quake", "arrested at the rally").
_PARTICIPLE_PREPOSITIONS = frozenset(wordlist("participle_prepositions"))


def people_act(part: str) -> str | None:
    """The stem of what the people "how many" counts did ("How many people protested?" ->
    "protest"), or None: a noun that counts people ([people_counted]) followed by a verb in
    "-ed". A participle ("people injured in the quake", [participle_prepositions]) is no act:
    the injured are counted any way."""
    m = _HOW_MANY.search(part)
    if m is None:
        return None
    words = m.group("np").split()
    if len(words) < 2 or not words[1].islower() or not words[1].endswith("ed"):
        return None
    if (tokenize(words[0]) or [""])[-1] not in _PEOPLE_COUNTED:
        return None
    rest = part[m.start("np") :].split(None, 2)[2:]
    if rest and rest[0].split()[0].lower() in _PARTICIPLE_PREPOSITIONS:
        return None
    stems = tokenize(words[1])
    return stems[-1] if stems else None


#: "how many people / persons" and what follows: the verb after an auxiliary or two ("were
#: killed", "have been arrested", "died") or the rest after "did" ("did Sanders address").
_PEOPLE_VERB = re.compile(
    r"\bhow\s+many\s+(?:people|persons)\s+(?:(?:did|does|do)\s+(?P<rest>.*)"
    r"|(?:(?:are|is|was|were|have|has|had|will|would|be|been)\s+){0,2}(?P<verb>[a-z]+)\b)",
    re.I,
)
_AUX_WORDS = frozenset(wordlist("question_auxiliaries"))


def people_counted(part: str) -> tuple[str, ...] | None:
    """The stems of the verbs a count of people is asked by ("How many people were killed in
    the attack?" -> ("kill",), "How many people did the Turks kill?" -> the common words after
    "did", "kill" among them), or None when the part does not count people in general. News
    gives such a figure next to a noun that counts people ("49 people", "129 lives",
    [people_counted], [same_counted]), next to the verb or a word made from it ("killed
    49", "260 were injured", "250,000 signatures") or its doers ("300 voters"): a number
    elsewhere in the sentence ("the coup attempt July 15", "up 70 percent") counts something
    else."""
    m = _PEOPLE_VERB.search(part)
    if m is None or _HOW_MANY.search(part) is None:
        return None
    if m.group("rest") is not None:
        words = [w for w in re.findall(r"\b[a-z]+\b", m.group("rest")) if w not in _NOT_VERBS]
        return tuple(t for w in words for t in tokenize(w)[-1:])
    verb = m.group("verb")
    if verb in _AUX_WORDS:
        return ()  # "how many people in Iowa ...": no verb to read
    return tuple(tokenize(verb)[-1:])


_NOT_VERBS = _AUX_WORDS | wordlist("function_words")
#: A number right before a noun that counts people only so ([lives_counted]): "129 lives".
_LIVES = re.compile(rf"(?<![\w.,])([\w,.-]+)\s+(?:[a-z]+\s+)?(?:{alternation('lives_counted')})\b", re.I)
#: A phrase of [number_of_phrases] and the few words after it: "the number of injured being
#: treated" (group "of").
_NUMBER_OF = re.compile(rf"\b(?:{alternation('number_of_phrases')})\b(?P<of>(?:\s+[\w'’-]+){{1,4}})", re.I)


def holds_people_figure(text: str, verbs: tuple[str, ...]) -> bool:
    """Does ``text`` give a count of people for :func:`people_counted`'s ``verbs``: a number
    next to a noun that counts people (or one news counts them by: "a crowd of 5,000", "129
    lives"), next to one of the verbs or a word made from it ("killed 49", "250,000
    signatures"), or next to the verb's doers ("300 voters")?"""
    if holds_people_count(text) or any(holds_count(text, same) for same in same_counted("people")):
        return True
    if any(_is_number(m.group(1).strip(".,")) for m in _LIVES.finditer(text)):
        return True
    if not verbs:
        return False

    def made(word: str) -> bool:  # a form of a verb, or a word made from it ("signatures")
        stem = (tokenize(word) or [""])[-1]
        return any(stem == v or len(v) > 3 and stem.startswith(v) for v in verbs)

    if any(holds_count(text, s) for s in {(tokenize(w) or [""])[-1] for w in _WORD.findall(text) if made(w)}):
        return True
    for m in _NUMBER_OF.finditer(text):
        # "the number of injured being treated ... stands at 387", "the number of people
        # collecting benefits is projected to swell to 65 million"
        counted = [(tokenize(w) or [""])[-1] for w in m.group("of").split()]
        if (any(made(w) for w in m.group("of").split()) or _PEOPLE_COUNTED & set(counted)) and any(
            _is_number(w.strip(".,")) for w in _WORD.findall(text[m.end() :])
        ):
            return True
    return any(holds_act_count(text, v) for v in verbs)


def holds_act_count(text: str, act: str) -> bool:
    """A number next to the noun for the act's doers ("300 protesters", "2,000 attendees") for
    :func:`people_act`'s stem. Not next to the act's own word: "1,000 views" counts views,
    not the people who viewed."""
    return any(holds_count(text, stem) for stem in (act + "er", act + "ee", act + "or"))


def counted_noun(part: str) -> str | None:
    """The stem of the thing "how many" counts ("How many National Guard troops ..." ->
    "troop"), or None when the question counts nothing specific."""
    m = _HOW_MANY.search(part)
    if m is None:
        return None
    words = m.group("np").split()
    if people_act(part) is not None:
        # "How many people cheered Sanders": people counted by what they did, given as a crowd
        # or an audience ([same_counted]) or by the act's doers ("300 protesters"), not by any
        # number of the sentence
        return (tokenize(words[0]) or [""])[-1]
    # the counted noun is the first plural of the phrase ("National Guard troops were sent",
    # "Polish Americans live in Ohio"), else its last word ("How many fact-checkers did")
    plurals = [w for w in words if plural(w)]
    words = plurals[:1] or words[-1:]
    if not words[0][:1].islower() and not plurals or words[0].lower().endswith("ed"):
        return None  # "how many endorsed Trump": the counted thing is left implicit
    toks = tokenize(words[0])
    if not toks or toks[-1] in _GENERIC:
        return None
    return toks[-1]


#: "How many jobs have energy companies cut because ...": the words after the auxiliary, up to
#: the punctuation, the subject and the asked verb.
_COUNTED_BY_ACT = re.compile(
    rf"\bhow\s+many\s+(?:[\w'’-]+\s+){{1,4}}?(?:{alternation('finite_auxiliaries')})\s+(?P<rest>[^?,;:]+)",
    re.I,
)
#: Words that end the asked verb's clause: function words, [topic_ends] and these.
_CLAUSE_ENDS = frozenset({"because", "until", "ago", "last", "over"})


@lru_cache(maxsize=64)
def counted_act(part: str) -> str | None:
    """The stem of the verb a "how many <things> <aux> <subject> <verb>" part asks the count
    of the things by ("How many jobs have energy companies cut because of low prices?" ->
    "cut"): the last lower-case word before the clause ends (a function word, [topic_ends],
    "because"); None when there is none or it is the counted noun itself. News gives such a
    count in the verb's noun: "more than 100,000 cuts" in a sentence on jobs. Cached: the answer
    step asks it of every candidate sentence of a part."""
    m = _COUNTED_BY_ACT.search(ask_of(part))
    if m is None:
        return None
    last: str | None = None
    for w in m.group("rest").split():
        low = w.lower()
        if last is not None and (low in _FUNCTION or low in _TOPIC_ENDS or low in _CLAUSE_ENDS):
            break
        last = None if w[:1].isupper() else low
    stems = tokenize(last) if last else []
    if not stems or stems[-1] == counted_noun(part):
        return None
    return stems[-1]


_HOW_MANY_VERB = re.compile(r"\b(?P<how>how\s+many)\s+(?=[a-z]+ed\b)", re.I)


def fill_counted(parts: list[str]) -> list[str]:
    """Parts of one question with the counted thing a later part leaves implicit taken from
    the part before: "How many retired generals endorsed Clinton, and how many endorsed
    Trump?" -> the second part counts retired generals too (English ellipsis)."""
    out = list(parts)
    for i in range(1, len(out)):
        m = _HOW_MANY_VERB.search(out[i])
        prev = _HOW_MANY.search(out[i - 1])
        noun = counted_noun(out[i - 1])
        if m is None or prev is None or noun is None:
            continue
        words = prev.group("np").split()
        ends = [k for k, w in enumerate(words) if (tokenize(w) or [""])[-1] == noun]
        np = " ".join(words[: ends[0] + 1] if ends else words)
        out[i] = f"{out[i][: m.end('how')]} {np} {out[i][m.end() :]}"
    return out


_RESPONSE_VERBS = alternation("response_verbs")
#: "..., and how did Roe answer?", "how has she responded to it?": a reply asked of a named
#: one, with no object of its own (a pronoun object refers back to the part before).
_RESPONSE_ASKED = re.compile(
    rf"^\W*(?:and\s+)?(?:how|what)\s+(?:{alternation('what_auxiliaries')})\s+"
    rf"(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})\s+"
    rf"(?:{_RESPONSE_VERBS})(?:ed|s)?(?:\s+(?:to\s+)?(?:it|this|that|him|her|them))?\s*\??\s*$"
)
_REPLY_WORDS = alternation("response_words")
_RESPONSE_WORDS = re.compile(rf"\b(?:{_REPLY_WORDS})\b", re.I)


def response_asked(part: str) -> str | None:
    """The named one whose reply a part asks for ("how did Jane Roe answer?" -> "Jane Roe"),
    or None. Only a part with no object of its own: "how did Roe respond to the ruling?"
    names what was answered, and its words find the sentence."""
    m = _RESPONSE_ASKED.match(ask_of(part).strip())
    return m.group("who") if m else None


def reports_response(text: str, who: str) -> bool:
    """Does a sentence report ``who``'s reply: a reply word ("Responding to this", "shot
    back" aside: :data:`_RESPONSE_WORDS`) and ``who``'s name (any of its words)?"""
    low = normalise(text)
    names = [w for w in normalise(who).split() if len(w) > 2]
    return bool(_RESPONSE_WORDS.search(text)) and any(re.search(rf"\b{re.escape(w)}\b", low) for w in names)


#: A part's subject right after its question word(s) and auxiliary: "What did Jane Roe say
#: ...", "how has she ...", "did he ..." (group "head": the words before the subject).
_SUBJECT = re.compile(
    r"^(?P<head>\W*(?i:(?:and\s+)?(?:(?:what|how|why|when|where|which|whom)(?:\s+[a-z]+)?\s+)?"
    r"(?:did|does|do|has|have|had|would|will|was|is))\s+)"
    r"(?P<who>he|she|they|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})(?=\s+[a-z])"
)


#: "Roe's ties to the deputy minister", "Roe's feud with Doe": the two people of a part.
_PAIR_OF = re.compile(
    r"\b(?P<a>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\s+[a-z]+\s+(?:to|with)\s+"
    r"(?P<b>(?:the\s+)?(?:[\w.-]+\s+){0,3}[\w.-]+)\s*\??$"
)


def fill_subject(parts: list[str]) -> list[str]:
    """Parts of one question with a later part's pronoun subject replaced by the named
    subject of the part before it: "What did Roe threaten ..., and what did he call Doe?"
    -> "what did Roe call Doe?" (English anaphora: the ranker's name features then read the
    part on its own). Only "he"/"she", only when the part before names its subject in the
    same place, and never in a part led by a statement (the statement names the subject);
    "they" becomes the two named in the part before ("X's connection to Y" -> "X and Y")."""
    out = list(parts)
    for i in range(1, len(out)):
        if ask_of(out[i]) != out[i]:
            continue
        m = _SUBJECT.match(out[i])
        prev = _SUBJECT.match(out[i - 1])
        if m is None or m.group("who") not in ("he", "she", "they"):
            continue
        if m.group("who") == "they":
            two = _PAIR_OF.search(ask_of(out[i - 1]))
            if two is not None:
                out[i] = f"{m.group('head')}{two.group('a')} and {two.group('b')}{out[i][m.end('who') :]}"
            continue
        if prev is None:
            continue
        who = prev.group("who")
        if who in ("he", "she") or who.split()[0].lower() in _FUNCTION or who.endswith(("'s", "’s")):
            continue
        out[i] = f"{m.group('head')}{who}{out[i][m.end('who') :]}"
    return out


#: "did Roe and Doe meet ...?", "has she resigned?": a yes/no part (its auxiliary first).
_YES_NO = re.compile(r"^\W*(?:and\s+)?(?i:did|does|do|has|have|had)\s+(?P<rest>.+)$")
_IRREGULAR = wordmap("irregular_verbs")


def yes_no_verb(part: str) -> str | None:
    """The verb a yes/no part asks about ("did Roe and the deputy meet during the trip?" ->
    meet): after the subject, the first lower-case word that is no function word and is
    followed by one, by a capitalised word or by the part's end ("vice-president meet": the
    noun is followed by the verb)."""
    m = _YES_NO.match(ask_of(part).strip())
    if m is None:
        return None
    words: list[str] = re.findall(r"[\w.'’-]+", m.group("rest"))
    for k, w in enumerate(words[1:], start=1):
        if not w[:1].islower() or w.lower() in _FUNCTION:
            continue
        after = words[k + 1] if k + 1 < len(words) else None
        if after is None or not after[:1].islower() or after.lower() in _FUNCTION:
            return w
    return None


def verb_forms(verb: str) -> set[str]:
    """Stems of a verb's forms: its own (the lexical stemmer gives -s/-ed/-ing) and its
    irregular past forms (``[irregular_verbs]``: "meet:met"). A word list, not spaCy's
    lemmatizer: the ask path loads no spaCy pipeline (parses are made at index time), and
    the forms are needed for question words, which the index never parsed."""
    return {(tokenize(w) or [w])[-1] for w in {verb, *_IRREGULAR.get(verb, set())}}


def holds_verb(text: str, verb: str) -> bool:
    """Does ``text`` hold a form of ``verb`` (:func:`verb_forms`)?"""
    return bool(verb_forms(verb) & set(tokenize(text)))


def counts_named_people(part: str) -> bool:
    """Does "how many" count a capitalised plural ("How many Californians did she reach?",
    "How many Iowans ...")? Such a noun names people by their place or party, and news gives
    the figure as often in a noun of :data:`_PEOPLE_COUNTED` ("a quarter-of-a-million
    people") as under that name."""
    m = _HOW_MANY.search(part)
    if m is None or counted_noun(part) is None:
        return False
    plurals = [w for w in m.group("np").split() if plural(w)]
    return bool(plurals) and plurals[0][:1].isupper()


def holds_people_count(text: str) -> bool:
    """A number next to a noun that counts people (:data:`_PEOPLE_COUNTED`)."""
    return any(holds_count(text, noun) for noun in _PEOPLE_COUNTED)


def counted_modifiers(part: str) -> frozenset[str]:
    """The common words (stems of :func:`tokenize`, stopwords left out) before the counted
    noun in the phrase "how many" counts ("How many new payroll jobs ..." -> {"new",
    "payroll"}), or none. A capitalised word is left out: a name ("How many California
    jobs") is the one whose figure it is, which the sibling checks judge, not the thing
    counted."""
    m = _HOW_MANY.search(part)
    noun = counted_noun(part)
    if m is None or noun is None:
        return frozenset()
    stems = [tokenize(w) if w[:1].islower() else [] for w in m.group("np").split()]
    ends = [k for k, t in enumerate(stems) if t and t[-1] == noun]
    return frozenset(t for ts in stems[: ends[0]] for t in ts) if ends else frozenset()


#: Counted nouns news uses for one another ([same_counted]), by stem.
_SAME_COUNTED = {
    tokenize(w)[-1]: tuple(tokenize(o)[-1] for o in others) for w, others in wordmap("same_counted").items()
}


def same_counted(noun: str) -> tuple[str, ...]:
    """The stems of the nouns news counts the same things by as ``noun`` (a stem: "worker" ->
    "employe"), from ``wordlists.txt`` [same_counted]."""
    return _SAME_COUNTED.get(noun, ())


#: A compound of a number and a noun before the words it measures: "the 112-member convention
#: rules committee" (group 1 the number, 2 the noun, 3 up to four words after).
_COMPOUND_BEFORE = re.compile(r"\b([\w,.]+)-([A-Za-z]+)\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)")


#: "finished fourth", "came in third", "placed a distant second": a finishing place asked.
_PLACE_ASKED = re.compile(
    rf"\b(?:{alternation('finishing_verbs')})\s+(?:in\s+)?(?:a\s+(?:\w+\s+)?)?"
    rf"(?P<place>{alternation('finishing_places')})\b",
    re.I,
)


def finishing_place(part: str) -> str | None:
    """The finishing place the question asks of ("Which Republican finished fourth in the Iowa
    caucuses?" -> "fourth"; [finishing_verbs], [finishing_places]), lower case, or None."""
    m = _PLACE_ASKED.search(part)
    return m.group("place").lower() if m else None


def holds_place(text: str, place: str) -> bool:
    """The sentence tells of the finishing place ``place``: its word ("third", "a third-place
    showing"), or "runner-up" for second."""
    if re.search(rf"\b{place}\b", text, re.I):
        return True
    return place == "second" and bool(re.search(r"\brunners?[- ]up\b", text, re.I))


def counts_whole(text: str, noun: str, part: str) -> bool:
    """Does ``text`` give the size of the body the question counts ``noun`` (a stem) of, as a
    compound of the number and the noun before the body's own words ("the 112-member convention
    rules committee" for "How many members sit on the convention's rules committee?")? News
    gives a body's size so; a count of some of its members ("22 anti-Trump members on the rules
    committee") is a part of it."""
    asked_terms = set(tokenize(part)) - {noun}
    for m in _COMPOUND_BEFORE.finditer(text):
        if not _is_number(m.group(1).strip(".,")) or (tokenize(m.group(2)) or [""])[-1] != noun:
            continue
        if set(tokenize(m.group(3))) & asked_terms:
            return True
    return False


#: "How long ...": a length of time (or a work's length) asked, not a time ("how long ago",
#: "how long before / after" ask a time).
_HOW_LONG = re.compile(r"\bhow\s+long\b(?!\s+(?:ago|before|after|until|till)\b)", re.I)
_DURATION_UNITS = wordlist("duration_units")
#: "an hourlong speech", "a year-long inquiry".
_LONG_COMPOUND = re.compile(rf"\b(?:{alternation('duration_units')})-?long\b", re.I)


def duration_asked(part: str) -> bool:
    """Does the part ask how long something lasted or is ("How long did the speech last?")?"""
    return bool(_HOW_LONG.search(part))


#: The months' names and abbreviations, lower case (``months.txt``).
_MONTH_WORDS = frozenset(w.lower() for m in months() for w in (m.name, *m.abbrevs))
#: A month's name or abbreviation, with or without its full stop.
_MONTH = "(?:{})\\.?".format("|".join(sorted(_MONTH_WORDS, key=len, reverse=True)))
#: A length of time given by its start: "since 2009", "since March".
_SPAN_OF_TIME = re.compile(
    rf"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:\d{{4}}|{_MONTH}|{weekdays()})\b",
    re.I,
)


def holds_duration(text: str) -> bool:
    """A length of time or a work's length: a number before a unit (``[duration_units]``: "76
    minutes", "six or seven months", "two and a half years", "an hour"), one compound of the two
    ("a 15-hour filibuster", "a 104-page report"), "hourlong" / "year-long", or its start
    ("since 2009"). Not a span's two ends ("ambassador from 2007 to 2013" is another's term as
    often as not)."""
    if _LONG_COMPOUND.search(text) or _SPAN_OF_TIME.search(text):
        return True
    words = _WORD.findall(re.sub(r"\band\s+a\s+half\b", "", text, flags=re.I))
    for i, w in enumerate(words):
        bare = w.strip(".,;:")
        low = bare.lower()
        head, _, unit = low.partition("-")
        if unit in _DURATION_UNITS and (_is_number(head) or head in ("a", "an", "half")):
            return True  # one compound: "a 15-hour filibuster", "a half-hour"
        # a number up to two words before its unit ("six or seven months"); "a" / "an" only
        # right before it ("an hour", not "a few days")
        reach = (
            words[i + 1 : i + 2] if low in ("a", "an") else words[i + 1 : i + 3] if _is_number(bare) else []
        )
        if any(x.lower().strip(".,;:") in _DURATION_UNITS for x in reach):
            return True
    return False


def holds_count(text: str, noun: str, modifiers: frozenset[str] = frozenset()) -> bool:
    """A number stands next to ``noun`` (before it, up to three words apart: "four more
    shots"; or right after it: "troops numbered 300", "shots: 12"), or a number stands
    before every one of the counted noun's ``modifiers`` (:func:`counted_modifiers`), the
    noun named another way ("271,000 new payroll positions" for "payroll jobs": news varies
    the head noun of a figure it repeats, its modifiers pin the thing counted), or the number
    and the noun make one compound ("a 16-point victory", "a two-hour speech")."""
    words = _WORD.findall(text)
    stems = [(tokenize(w) or [""])[-1] for w in words]
    if modifiers:
        for j, w in enumerate(words):
            if (
                w[-1:] != ","
                and _is_number(w.strip("."))
                and modifiers <= set(stems[j + 1 : j + 2 + len(modifiers)])
            ):
                return True
    for i, s in enumerate(stems):
        if s != noun:
            continue
        if "-" in words[i] and _is_number(words[i].rsplit("-", 1)[0].strip(".,")):
            return True  # a compound of the number and the noun: "a 16-point victory"
        before = words[max(0, i - 4) : i]
        after = words[i + 1 : i + 3]
        if words[i].endswith(",") and [w.lower() for w in words[i + 1 : i + 2]] == ["the"]:
            after = words[i + 1 : i + 4]  # an appositive: "immigrants, the estimated 11 million"
        if "%" in "".join(before) or any(w.lower() in ("percent", "per") for w in before):
            continue  # "32% of Republican claims" is a share, not a count of claims
        if any(_is_number(w.strip(".,")) for w in after) or any(
            _is_number(w.strip(".,")) and not _counts_between(before[k + 1 :]) for k, w in enumerate(before)
        ):
            return True
        of = words[i + 1 : i + 5]
        if of[:1] == ["of"] and any(_is_number(w.strip(".,")) for w in of[1:]):
            return True  # "a crowd of about 8,000", "an audience of more than 2,000"
    if _elliptical_count(words, stems, noun):
        return True
    m = _COLON_FIGURE.search(text)
    if (
        m is not None
        and _is_number(m.group("n"))
        and noun in {(tokenize(w) or [""])[-1] for w in _WORD.findall(text[: m.start()])}
    ):
        return True  # the figure given after a colon: "how many votes Romney got ...: 60.9 million."
    return False


#: A figure in digits that may stand for a count on its own ("18,000"), not a year ("2012").
_BARE_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d{1,3}$")


def _elliptical_count(words: list[str], stems: list[str], noun: str) -> bool:
    """Is a number in digits, after the counted noun in the same text, a count of it with the
    noun left out: the number ends a clause or a function word follows it ("... U.S. adoptees
    whose status remains unknown, advocates estimate there could be up to 18,000 from South
    Korea", "449 of the party insiders"). Not a year, a day after a month name ("July 15"),
    a share, an amount, or a part of a further number ("58 of 61 debates")."""
    first = next((i for i, s in enumerate(stems) if s == noun), None)
    if first is None:
        return False
    for j in range(first + 1, len(words)):
        w = words[j]
        bare = w.rstrip(".,;:")
        if not _BARE_DIGITS.match(bare) or words[j - 1].lower().strip(".,") in _MONTH_WORDS:
            continue
        nxt = words[j + 1].lower() if j + 1 < len(words) else ""
        if nxt == "of" and j + 2 < len(words) and _is_number(words[j + 2].strip(".,")):
            continue  # "58 of 61 debates": the count of what follows
        if bare != w or not nxt or nxt in _FUNCTION:
            return True
    return False


def _counts_between(words: list[str]) -> bool:
    """Do the words between a number and the counted noun hold another lower-case plural the
    number counts, the noun after a preposition other than "of" ("hundreds of emails from
    Americans": emails are counted, not Americans; "90 members of Young Americans" counts the
    Americans)?"""
    return any(
        w[:1].islower()
        and plural(w.strip(".,"))
        and (nxt.lower() in _NOT_OF_PREPOSITIONS or nxt.lower() not in _COUNT_LINKS)
        for w, nxt in zip(words, words[1:], strict=False)
    )


#: Words after a plural the number counts that go on to the counted noun ("hundreds of
#: emails", "workers and retirees"); any other word ends the plural's phrase: "two
#: outsider candidates left attendees" counts candidates, not attendees.
_COUNT_LINKS = frozenset({"of", "and", "or"})


#: Prepositions that start a noun's complement other than "of" ([complement_prepositions]).
_NOT_OF_PREPOSITIONS = wordlist("complement_prepositions")


#: A figure closing a sentence after a colon ("... how many votes Romney got in 2012: 60.9 million."):
#: the count of the noun the words before the colon name.
_COLON_FIGURE = re.compile(
    r":\s*(?:about\s+|nearly\s+|almost\s+|roughly\s+)?(?P<n>[\d.,]+|[A-Za-z]+)(?:\s+(?:thousand|million|billion|trillion))?\s*[.!]?\s*$"
)
_FRACTIONS = alternation("fraction_words")
_FRACTION = re.compile(
    rf"\bhalf\b|\b(?:a|{'|'.join(sorted(_NUMBER_WORDS - {'half'}))})[- ](?:{_FRACTIONS})\b", re.I
)
_SHARE_OF = re.compile(
    r"\b(?:share|proportion|fraction|portion|percentage)\s+of\s+(?:the\s+|its\s+|their\s+)?"
    r"(?P<owner>[\w.&-]+['’]s\s+)?(?P<head>\w+)(?:\s+(?P<next>\w+))?",
    re.I,
)


def share_of(part: str) -> tuple[str, ...]:
    """The stems of the whole a share is asked of ("What share of the superdelegates ..." ->
    "superdelegate"), or none. After an owner ("the DNC's monthly income") the whole is the
    owned noun phrase, its first two words ("monthly", "income"): the owner is named, or
    replaced by "its", where the sentence gives the share ("a fifth of its monthly income")."""
    m = _SHARE_OF.search(part)
    if m is None:
        return ()
    words = [m.group("head"), *([m.group("next")] if m.group("owner") and m.group("next") else [])]
    return tuple(t for w in words for t in tokenize(w)[-1:])


def holds_fraction_of(text: str, whole: tuple[str, ...]) -> bool:
    """Does ``text`` give a share of ``whole`` (stems, :func:`share_of`) as a fraction, one
    of them within four words after it ("half the party's superdelegates", "a third of the
    delegates")? An ordinal alone ("the third debate") is none."""
    for m in _FRACTION.finditer(text):
        after = [(tokenize(w) or [""])[-1] for w in _WORD.findall(text[m.end() :])[:4]]
        if any(w in after for w in whole):
            return True
    return False


def _is_number(word: str) -> bool:
    # a hyphenated amount ends in its number word: "a quarter-of-a-million", "half-a-dozen"
    low = word.lower()
    return bool(_NUMBER_TOKEN.match(word)) or low in _NUMBER_WORDS or low.rsplit("-", 1)[-1] in _NUMBER_WORDS


_HOW_ADJ = re.compile(rf"\bhow\s+(?P<adj>{alternation('how_adjectives')})\b", re.I)
#: An age in words ("seventeen", "forty-two"), from [number_words] and [small_numbers]: the
#: tens, the units after a ten's hyphen, and the numbers up to nineteen.
_TENS = sorted(w for w in _NUMBER_WORDS if w.endswith("ty"))
_UNITS_WORDS = sorted(w for w in wordlist("small_numbers") if w != "ten")
_UP_TO_NINETEEN = sorted(
    {
        *wordlist("small_numbers"),
        *(w for w in _NUMBER_WORDS if w.endswith("teen") or w in ("eleven", "twelve")),
    },
    key=lambda w: (-len(w), w),
)
_AGE_WORD = rf"(?:(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_UNITS_WORDS)}))?|{'|'.join(_UP_TO_NINETEEN)})"
_AGE = re.compile(
    rf"\b(?:\d{{1,3}}|{_AGE_WORD})[- ]years?[- ]old\b|\baged?\s+\d{{1,3}}\b|,\s*\d{{1,3}}\s*,"
    r"|\bin\s+(?:his|her|their)\s+(?:early\s+|mid-?|late\s+)?\d0s\b"
    # "all of them younger than 50", "anyone older than 65": an age bound
    r"|\b(?:younger|older)\s+than\s+\d{2,3}\b"
    # "Justice Kennedy will be 80", "when she turns 70", "who turned 69 on Friday": a bare
    # number after "turn" or a future "be", with no noun, unit or share after it
    r"|\b(?:turn(?:s|ed|ing)?|(?:will|would)\s+be)\s+\d{2,3}\b(?![-%.,]\d|\s*(?:%|percent\b|per\b|points?\b|(?!(?:this|his|its|was|is)\b)[a-z]+s\b))",
    re.I,
)
#: The units a measurement of each kind is given in (``wordlists.txt``).
_UNITS = {
    "tall": "length_units",
    "high": "length_units",
    "deep": "length_units",
    "wide": "length_units",
    "far": "distance_units",
    "heavy": "weight_units",
    "big": "size_units",
    "large": "size_units",
    "fast": "speed_units",
}


#: "How far was X from clinching / winning ...": a shortfall (delegates, votes), not a
#: distance; it is answered by any number ("71 delegates short").
_SHORTFALL = re.compile(r"\W*(?:[\w'’.-]+\s+){0,6}?from\s+[a-z]+ing\b", re.I)


def measure_asked(part: str) -> str | None:
    """ "How old ..." asks for an age, "how tall/far/big ..." for a measurement, else None."""
    m = _HOW_ADJ.search(part)
    if m is None or _SHORTFALL.match(part, m.end()):
        return None
    return "age" if m.group("adj").lower() == "old" else "measure"


def measured(part: str) -> str:
    """The adjective of a "how <adjective>" measurement question ("tall", "far", ...)."""
    m = _HOW_ADJ.search(part)
    return m.group("adj").lower() if m else "big"


def holds_age(text: str) -> bool:
    """An age: "43-year-old", "aged 43", AP's "Jane Roe, 43, said", "in his 60s", "younger
    than 50"."""
    return bool(_AGE.search(text))


#: Words a share is measured by in its digits ("double-digit leads").
_DIGIT_COUNTS = wordlist("digit_counts")
#: The measured adjectives a share, a lead or a margin answers in news.
_SHARE_MEASURED = frozenset({"big", "large", "high", "far"})


def holds_measure(text: str, adjective: str = "big") -> bool:
    """A number with a unit of the measured kind right after it: "29,032 feet" for "how
    tall", "12 miles" for "how far", "236 pounds" only for "how heavy", or one compound of
    the two ("a 10-mile walk"). "How big / large / high / far" is also answered by a share
    or a margin ("6 points", "a 15-point lead", "10%", "double-digit leads")."""
    units = wordlist(_UNITS.get(adjective, "size_units"))
    share = adjective in _SHARE_MEASURED
    if share:
        units = units | wordlist("share_units")
    words = _WORD.findall(text)
    for i, w in enumerate(words):
        number = w.strip(".,")
        if share and number.endswith("%") and _is_number(number):
            return True
        if _is_number(number) and any(x.lower().strip(".,") in units for x in words[i + 1 : i + 3]):
            return True
        head, _, unit = number.partition("-")
        if unit and _is_number(head) and unit.lower() in units:
            return True  # one compound of number and unit: "a 15-point lead", "a 10-mile walk"
        if share and unit.lower() in ("digit", "digits") and head.lower() in _DIGIT_COUNTS:
            return True  # a share or a lead by its digits: "double-digit leads"
    return False


_NAMED_QUANTITY = re.compile(rf"\b(?:{alternation('named_quantities')})\b", re.I)


def named_quantity(part: str) -> str | None:
    """The stem of the quantity a question names ("What was voter turnout ..." -> "turnout"),
    or None. "By what vote ...?" names a vote's margin ("margin"), given as its tally."""
    if BY_WHAT_VOTE.search(part):
        return "margin"
    m = _NAMED_QUANTITY.search(part)
    return tokenize(m.group(0))[-1] if m else None


def holds_quantity(text: str, stem: str, part: str = "") -> bool:
    """The sentence speaks of that quantity (its stem) and gives a number. A margin asked
    of a contest (not a poll's "margin of error", which news always names) is also given as
    a number of points without the word ("won the primary by 12 points", "a 5-point lead"), as
    the two sides' shares ("would beat Trump 46 to 40 percent", "leads 52%-38%") or as a vote's
    tally ("the court's 5-to-4 decision", "the Senate voted 68 to 31")."""
    if (
        stem in ("margin", "score")
        and not _MARGIN_OF_ERROR.search(part)
        and (_POINTS.search(text) or _SHARES.search(text) or _TALLY.search(text))
    ):
        return True
    names = {stem, *_QUANTITY_NAMES.get(stem, ())}
    return bool(names & {(tokenize(w) or [""])[-1] for w in _WORD.findall(text)}) and any(
        _is_number(w.strip(".,")) for w in _WORD.findall(text)
    )


#: A named quantity's other names (``wordlists.txt`` [quantity_names]), as stems.
_QUANTITY_NAMES = {
    tokenize(word)[-1]: {tokenize(x)[-1] for x in others}
    for word, others in wordmap("quantity_names").items()
}


#: A number of points: "12 points", "a 5-point lead", "3 percentage points".
_POINTS = re.compile(r"\b\d[\d.,]*[- ](?:percentage[- ])?points?\b", re.I)
#: Two sides' shares, the way news gives a poll's or a vote's margin: "46 to 40 percent",
#: "46% to 40%", "52%-38%", "49 percent to 45 percent".
_SHARES = re.compile(
    r"\b\d{1,2}(?:\.\d+)?\s*(?:%|percent|per cent)?\s*(?:to|-|–)\s*"
    r"\d{1,2}(?:\.\d+)?\s*(?:%|percent|per cent)",
    re.I,
)
_MARGIN_OF_ERROR = re.compile(r"\bmargins?\s+of\s+error\b", re.I)
#: A vote's tally, the way news gives a court's or a chamber's margin: "a 5-to-4 decision",
#: "a 52-48 vote", "voted 68 to 31" (a bare "5-4" may be a score or a date, so a hyphened pair
#: counts only before the thing decided or after a vote's verb), or each side's count of
#: things ("34 delegates to zero").
_TALLY = re.compile(
    r"\b\d{1,3}-to-\d{1,3}\b"
    rf"|\b\d{{1,3}}[-–]\d{{1,3}}\s+(?:{alternation('tally_nouns')})\b"
    r"|\b(?:voted?|votes|vote\s+of|passed|approved|rejected|confirmed)\s+(?:\w+\s+)?\d{1,3}\s*(?:to|-|–)\s*\d{1,3}\b"
    # a sweep or a count of each side's things: "swept by Cruz 34 delegates to zero"
    r"|\b\d{1,3}\s+[a-z]+s\s+to\s+(?:\d{1,3}|zero|none|nothing|nil)\b",
    re.I,
)


def wants_name(part: str) -> bool:
    return bool(_NAME_OF.search(part) or _APPOINTED_ASK.search(part))


#: "On what date", "which day", and a part of a day asked for ("On which night did ...",
#: "what morning"): the answer names the day.
_DAY_ASKED = re.compile(
    r"\b(?:on\s+)?(?:what|which)\s+(?:exact\s+)?(?:date|day)\b|\bwhat\s+day\s+of\s+the\s+week\b"
    # the plural after "on" or "exact" ("On what dates was the poll conducted?"), not the verb
    # ("What dates back to ...")
    r"|\bon\s+(?:what|which)\s+(?:exact\s+)?(?:date|day)s\b|\b(?:what|which)\s+exact\s+(?:date|day)s\b"
    r"|\b(?:on|in|during)\s+(?:what|which)\s+(?:night|evening|morning|afternoon)\b",
    re.I,
)
_DAY_TEXT = re.compile(
    rf"\b(?:{weekdays()}|today|yesterday|tomorrow|tonight)\b"
    rf"|\b(?:{_MONTH})\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{_MONTH})\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}/\d{{1,2}}\b",
    re.I,
)


def wants_day(part: str) -> bool:
    """The question asks for a day ("on what date", "which day"), not a year or a period."""
    return bool(_DAY_ASKED.search(part))


_YEAR_ASKED = re.compile(r"\b(?:what|which)\s+year\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def wants_year(part: str) -> bool:
    """The question asks for a year ("in what year", "which year")."""
    return bool(_YEAR_ASKED.search(part))


_MONTH_ASKED = re.compile(r"\b(?:what|which)\s+month\b", re.I)
#: A month by its capitalised name or abbreviation ("June", "Sept."); "May" before a day, a
#: year or a comma, or after "in", "of", "since", "until", "by", "last", "this" or "next" (the
#: modal verb otherwise).
_MONTH_NAMED = re.compile(
    r"\b(?:{})\b\.?".format(
        "|".join(sorted({w.capitalize() for w in _MONTH_WORDS} - {"May"}, key=len, reverse=True))
    )
    + r"|\bMay(?=\s+\d|,)|\b(?:in|of|by|since|until|last|this|next)\s+May\b"
)


def wants_month(part: str) -> bool:
    """The question asks for a month ("In which month did ...", "what month")."""
    return bool(_MONTH_ASKED.search(part))


def holds_month(text: str, note: str | None = None) -> bool:
    """The sentence names a month ("in June", "on Aug. 5"), or its time note resolves a
    relative time to one ("last month (Aug. 2016)"); a year alone ("in 2014") gives none."""
    return bool(_MONTH_NAMED.search(text) or (note and _MONTH_NAMED.search(note)))


def holds_year(text: str, note: str | None = None) -> bool:
    """The sentence gives a year: written out ("in 2026"), or a relative one ("next year")
    that its time note resolves against the article's date. "Next year" in an article
    without a date does not say which year."""
    return bool(_YEAR.search(text) or (note and _YEAR.search(note)))


#: A span of days a relative week or weekend resolves to in a time note ("Dec. 14–20",
#: "Dec. 28, 2015–Jan. 3, 2016"): no one day. Not an ISO day ("2016-08-01") or "8/1".
_RANGE = re.compile(
    rf"(?<![\d/-])\b(?:(?:{_MONTH})\s+)?\d{{1,2}}(?:,\s*\d{{4}})?\s*[–-]\s*(?:(?:{_MONTH})\s+)?\d{{1,2}}\b(?![/-]\d)",
    re.I,
)


#: A named day of the year ("Cinco de Mayo", "Election Day": ``[holidays]``), whatever label the
#: recogniser gives it (it takes "Cinco de Mayo" for an organisation).
_HOLIDAY = re.compile(rf"\b(?:{alternation('holidays')})(?![\w'’])", re.I)


def holds_day(ev: Evidence, sp: Span, note: str | None) -> bool:
    """The sentence names a day: a DATE/TIME entity with a weekday or a day of a month
    (or a relative day its time note resolves to a full date), or a named day of the year
    ("on Cinco de Mayo", :data:`_HOLIDAY`). A relative week or weekend ("last week", "this
    weekend") resolves to a span of days (:data:`_RANGE`), which is no day: "on what date did
    X ..." is not answered by "last week"."""
    if note and _DAY_TEXT.search(_RANGE.sub(" ", note)):
        return True
    if _HOLIDAY.search(ev.at(sp.start, sp.end)):
        return True
    for s, e, label in ev.entities:
        if label in ("DATE", "TIME") and sp.start <= s and e <= sp.end:
            if _DAY_TEXT.search(ev.at(s, e)):
                return True
    return False


#: The labels a thing's name is given with ("Independence USA": ORG).
_THING_LABELS = frozenset(
    {"PERSON", "ORG", "NORP", "FAC", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)
#: "the title / headline of ...": a work's title asked.
_TITLE_OF = re.compile(r"\b(?:titles?|headlines?)\s+of\b", re.I)
_NAME_OF_NP = re.compile(r"\bnames?\s+of\s+(?P<np>(?:[\w.'’-]+\s*){1,6})", re.I)
_THING_NOUNS = wordlist("named_thing_nouns")


def name_of_thing(question: str) -> bool:
    """Does "the name of <X>" ask for a thing's name: X's head noun (its last word before a
    function word, a verb's "-ing" / "-ed" form or the end, past any article or possessive) a
    thing noun (``[named_thing_nouns]``) or a typed noun ("the name of Bloomberg's super PAC
    attacking ...", "the names of the companies that ...", not "the name of Roe's campaign
    manager")?"""
    if _TITLE_OF.search(question):
        return True  # "What is the title of his book?": a work's title
    head = _name_of_head(question)
    return (
        head in _THING_NOUNS or typed_noun(head) is not None or (plural(head) and head[:-1] in _THING_NOUNS)
    )


def _name_of_head(question: str) -> str:
    """The head noun of "the name of <X>" (lower case), or "": X's last word before a function
    word, a verb's "-ing" / "-ed" form or the end, past any article or possessive. A hyphened
    "-ed" or "-ing" word is an adjective ("Pew's probability-based online panel")."""
    m = _NAME_OF_NP.search(question)
    if m is None:
        return ""
    head = ""
    prev_lower = False
    for w in m.group("np").split():
        low = w.lower().strip(".,?!")
        if head and prev_lower and w[:1].isupper() and not w.isupper():
            break  # "the foundation James Roe started", "the film Roe's campaign aired": a clause
        if low in ("the", "a", "an") or low.endswith(("'s", "’s")):
            continue
        if low in _FURNITURE or (w.islower() and "-" not in low and low.endswith(("ing", "ed"))):
            break
        prev_lower = w[:1].islower()
        head = low
        if w[-1:] in ".,?!":
            break
    return head


#: The nouns for a person a name may be asked of: kin, a role, a descriptor ("the name of the
#: former exchange student who ...").
_KIN_LISTS = (
    "kin_nouns",
    "role_nouns",
    "person_descriptor_nouns",
    "speaker_role_nouns",
    "named_person_nouns",
)
_KIN = frozenset().union(*(wordlist(name) for name in _KIN_LISTS))
#: "the name of Roe's wife", "the name of Rubio's campaign manager", "the name of the exchange
#: student who ...": the noun for the person the name is asked of.
_KIN_ASKED = re.compile(
    rf"\bnames?\s+of\s+(?:[\w.'’-]+\s+){{0,4}}?(?:(?:{alternation(*_KIN_LISTS)})s?)\b(?!['’])",
    re.I,
)


def kin_asked(part: str) -> str | None:
    """The kin, role or descriptor noun whose name the part asks ("What is the name of Sandra
    Paradis's husband?" -> "husband"), or None. Not a child: news names a child as a son or a
    daughter ("their daughter Charlotte")."""
    m = _KIN_ASKED.search(part)
    if m is None:
        return None
    last = m.group(0).split()[-1].lower()
    return last if last in _KIN else last[:-1]


def names_kin(ev: Evidence, sp: Span, kin: str) -> bool:
    """Does sentence ``sp`` of ``ev`` name someone beside the kin noun ("his wife, Jane
    Roe", "husband Marc Mezvinsky", "Jane Roe, his wife"): a PERSON entity within a few words
    of it? "the cousin of Dwyane Wade while pushing a stroller" names the one the cousin is
    of, four words away, and the cousin not."""
    text = ev.at(sp.start, sp.end)
    people = [(s, e) for s, e, label in ev.entities if label == "PERSON" and sp.start <= s and e <= sp.end]
    for m in re.finditer(rf"\b{re.escape(kin)}s?\b", text, re.I):
        at, end = sp.start + m.start(), sp.start + m.end()
        for s, e in people:
            between = ev.at(end, s) if s >= end else ev.at(e, at)
            if len(between) <= 12 and "." not in between and not re.search(r"\bof\b", between):
                return True
    return False


def fresh_person(ev: Evidence, sp: Span, question: str) -> bool:
    """A PERSON entity in the sentence that the question does not already name (or an
    ORG for "who is the <role>": a sponsor, an employer may be an organisation; any named
    thing for the name of a thing, :func:`name_of_thing`)."""
    qlow = normalise(question)
    thing = name_of_thing(question)
    head = _name_of_head(question) if thing else ""
    kind = {head, f"{head}s"} if head else set()  # the thing's own noun, in its name ("Trends Panel")
    if thing:
        labels = _THING_LABELS
    elif re.search(r"\bnames?\b", question, re.I):
        labels = frozenset({"PERSON"})
    else:
        labels = frozenset({"PERSON", "ORG"})
    for s, e, label in ev.entities:
        if label not in labels or s < sp.start or e > sp.end:
            continue
        words = [w for w in normalise(ev.at(s, e)).split() if len(w) > 2 and w not in kind]
        if words and not any(w in qlow for w in words):
            return True
    if thing:
        # "a super PAC called Our Principles": a name the sentence gives as one, whatever the
        # tagger made of it (spaCy's small model tags no entity in "Our Principles"); and a
        # name the asked thing's noun describes after it ("started Quadrivium, a foundation
        # that ..." for "the name of the foundation they started")
        text = ev.at(sp.start, sp.end)
        described = (
            re.finditer(
                rf"\b([A-Z][\w'’&.-]*(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][\w'’&.-]*)*),\s+(?:a|an|the)\s+"
                rf"(?:[\w-]+\s+){{0,2}}{re.escape(head)}s?\b",
                text,
            )
            if head
            else iter(())
        )
        for m in (*_NAMED_AS.finditer(text), *described):
            words = [w for w in normalise(m.group(1)).split() if len(w) > 2]
            if words and not any(w in qlow for w in words):
                return True
    if _TITLE_OF.search(question):
        # a title in quotation marks, its words capitalised ("the book “Crisis of Character”")
        for a, b in quotation_spans(ev.at(sp.start, sp.end))[0]:
            words = [w for w in ev.at(sp.start + a, sp.start + b).strip("“”\"'‘’ ").split() if len(w) > 3]
            if words and len(words) <= 10 and all(w[:1].isupper() for w in words):
                if not all(normalise(w) in qlow for w in words):
                    return True
    return False


#: A name a sentence gives as a name: a capitalised run (or a quoted one) after a naming cue
#: ("a group called Our Principles", "a bill dubbed “Hope Act”").
_NAMED_AS = re.compile(
    rf"\b(?:{alternation('name_cues')})\s+[“\"‘']?([A-Z][\w'’&.-]*(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][\w'’&.-]*)*)"
)


def name_keys(name: str) -> list[str]:
    """What must occur for a text to name ``name``: the surname of a person's name
    ("Scott Bessent" -> "bessent"), the whole phrase of an organisation's ("Bank of Canada")."""
    words = unaccented(normalise(name)).split()  # "Gulen" asked, "Gülen" written: either names him
    if not words:
        return []
    if any(w in {"of", "the", "for", "and", "on"} for w in words) or len(words) > 3:
        return [" ".join(words)]
    return [words[-1]] if len(words[-1]) >= 3 else []


def names_one(text: str, keys: list[str]) -> bool:
    """Does ``text`` (a name, a sentence) hold one of ``keys`` (:func:`name_keys`)?"""
    return any(k in unaccented(normalise(text)) for k in keys)


def attributes_to(
    ev: Evidence, sp: Span, name: str, ledger_speaker: str | None = None, gap: int | None = None
) -> bool:
    """The text attributes the sentence's words to ``name``: the name is the subject of a
    speech verb or of a verb of stated stance (a few words before it: "X, the minister, said",
    "X criticized"; or right after it: "said X"; "according to X", "according to a statement
    from X", "was criticized by X"), or opens the sentence before a colon (a headline's "X:
    ..."), or the sentence is a pronoun's ("he said") or a quotation
    going on right after a sentence of the passage whose subject is the person, or a
    sentence of a quotation attributed to the person once, around it
    (:func:`_quotation_frame`: "“...,” replied X", "X went further: “...”", "X called it
    “...”"). A sentence the quote ledger attributes to someone else is not the person's
    words, whatever names it mentions. Measured on PolNeAR's annotations by
    ``evals/attribution_recall.py``.

    ``gap``: words after the name within which its speech verb stands ("Bessent, the
    treasury secretary, said"); default :attr:`AnswerSettings.speaker_gap` from the environment."""
    if gap is None:
        gap = AnswerSettings().speaker_gap
    keys = name_keys(name)
    if not keys:
        return False
    if ledger_speaker and not names_one(ledger_speaker, keys):
        return False
    text = ev.at(sp.start, sp.end)
    if _subject_of_speech(normalise(text), keys, gap) or _headline_speaker(normalise(text), keys):
        return True
    if _subject_of_speech(_of_named(normalise(text), keys), keys, gap):
        return True  # "Japan's central bank ended ... by announcing ..." for the Bank of Japan
    prev = [s for s in ev.sentences if s.end <= sp.start]
    if prev:
        before = normalise(ev.text[prev[-1].start - ev.start : prev[-1].end - ev.start])
        if text.lstrip()[:1] in _QUOTE_CHARS + "‘'" and _subject_of_speech(before, keys, gap):
            return True  # a quotation going on after the sentence that gives it to the person
        if _PRONOUN_SAID.search(text):
            opens = any(before.startswith(k) or f" {k} " in before[:60] for k in keys)
            if opens or _subject_of_speech(before, keys, gap):
                return True
    frame = _quotation_frame(ev, sp)
    return frame is not None and (
        _subject_of_speech(frame, keys, gap) or any(_introduces(frame, k) for k in keys)
    )


def _of_named(low: str, keys: list[str]) -> str:
    """``low`` (normalised) with a body named "<owner>'s [word] <head>" written as the key "<head>
    of <owner>" it stands for ("japan's central bank" -> "bank of japan"), for each key of that
    form; else ``low`` as it is."""
    for key in keys:
        head, of, owner = key.partition(" of ")
        if of and head and owner and " " not in head:
            low = re.sub(rf"\b{re.escape(owner)}['’]s\s+(?:[a-z]+\s+)?{re.escape(head)}\b", key, low)
    return low


#: A quotation introduced by its speaker and a colon: "X went further: “...”" (the quotation
#: masked to ``Q`` by :func:`_quotation_frame`).
_COLON_INTRO = r"(?:^|[.!?]\s)[^.!?:]{{0,80}}\b{key}\b[^.!?:]{{0,80}}:\s*Q"


#: Reporting verbs that introduce words, and those that name or characterise ("called it
#: Q", "dismissed the claim as Q"), from the one lexicon.
_CLAUSE_FORMS = "|".join(
    sorted(
        {re.escape(f) for v in speech_verbs().values() if "naming" not in v.flags for f in v.forms},
        key=len,
        reverse=True,
    )
)
_NAMING_FORMS = "|".join(
    sorted(
        {re.escape(f) for v in speech_verbs().values() if "naming" in v.flags for f in v.forms},
        key=len,
        reverse=True,
    )
)
#: "Q replied Roe", "Q, said Roe's spokesman Tom Doe": the verb right after the quotation.
_INVERTED = r"Q,?\s*(?:{verbs})\s+(?:[\w.'’-]+\s+){{0,5}}{key}\b"
#: "Roe called his rival Q", "Roe dismissed the report as Q": the name before the verb,
#: the quotation after it, in one sentence.
_NAMING = r"(?:^|[.!?]\s)[^.!?]{{0,60}}\b{key}\b[^.!?Q]{{0,60}}\b(?:{verbs})\b[^.!?Q]{{0,60}}Q"


def _introduces(frame: str, key: str) -> bool:
    k = re.escape(key)
    return any(
        re.search(rx, frame) is not None
        for rx in (
            _COLON_INTRO.format(key=k),
            _INVERTED.format(verbs=_CLAUSE_FORMS, key=k),
            _NAMING.format(verbs=_NAMING_FORMS, key=k),
        )
    )


def _quotation_frame(ev: Evidence, sp: Span) -> str | None:
    """The words around the quotation a sentence belongs to, the quoted words masked.

    News quotes a speaker over several sentences and attributes them once: "“We will
    win. Nobody thought so. But we did,” Roe said." or "Roe went further: “We will win. ...”".
    A sentence inside such a quotation holds no attribution of its own. Its frame is the
    text of the sentences from where the quotation opens to where it closes (in the
    passage), normalised, each quotation replaced by ``Q``; when those hold no speech verb
    outside the quotation, the sentence before it comes first ("Roe spoke next. “...”").
    The attribution, where the text gives one, is then a name as the subject of a speech
    verb or of a colon before ``Q``, as in a sentence of its own. None when the sentence
    quotes nothing."""
    spans, _, _ = quotation_spans(ev.text)
    lo, hi = sp.start - ev.start, sp.end - ev.start
    inside = [(a, b) for a, b in spans if a < hi and lo < b]
    if not inside:
        return None
    a = min(x for x, _ in inside)
    b = max(y for _, y in inside)
    sents = [(s.start - ev.start, s.end - ev.start) for s in ev.sentences] or [(0, len(ev.text))]
    first = next((k for k, (s, e) in enumerate(sents) if s <= a < e), 0)
    last = next((k for k, (s, e) in enumerate(sents) if s < b <= e), len(sents) - 1)

    def masked(start: int, end: int) -> str:
        pieces, at = [], start
        for x, y in sorted(spans):
            if x < start or y > end or x < at:
                continue
            pieces += [normalise(ev.text[at : max(x - 1, at)]), "Q"]
            at = min(y + 1, end)
        pieces.append(normalise(ev.text[at:end]))
        return " ".join(p for p in pieces if p)

    core = masked(sents[first][0], sents[last][1])
    if _SPEECH.search(core) or re.search(r":\s*Q", core) or first == 0:
        return core
    return f"{masked(*sents[first - 1])} {core}"


def subject_of_speech(text: str, name: str, gap: int) -> bool:
    """Is ``name`` the subject of a speech verb or a verb of stated stance anywhere in
    ``text``, whoever's words the text is ("Roe said Doe's call for a ban ..." for Doe),
    as :func:`attributes_to` reads a sentence's own attribution?"""
    keys = name_keys(name)
    return bool(keys) and _subject_of_speech(normalise(text), keys, gap)


#: A name a few words after "according to", "said", "told" ... (``wordlists.txt``
#: [said_before_name]): the name is a speaker ("said Jane Roe", "according to Roe's aide").
_SAID_BEFORE = re.compile(rf"\b(?:{alternation('said_before_name')})(?:\s+[\w.-]+){{0,3}}$")


#: The name's possessive before a noun for something said ([speech_nouns]), one modifier
#: between ("Roe's aside that ...", "Doe's latest tweet").
_POSSESSED_SPEECH = re.compile(rf"['’]s\s+(?:[a-z-]+\s+)?(?:{alternation('speech_nouns')})\b")


def _subject_of_speech(low: str, keys: list[str], gap: int) -> bool:
    for k in keys:
        for m in re.finditer(rf"\b{re.escape(k)}\b", low):
            after = " ".join(low[m.end() :].split()[:gap])
            before = " ".join(low[: m.start()].split()[-3:])
            if _SPEAKS.search(after) and not re.match(r"^\W*(?:and|or|to|with)\b", low[m.end() :]):
                return True
            if _SPEAKS.search(_after_insertions(low[m.end() :])):
                return True
            if _SAID_BEFORE.search(before):
                return True
            if _POSSESSED_SPEECH.match(low[m.end() :]):
                return True  # "Roe's aside that the plan ...", "Doe's statement"
            far = " ".join(low[: m.start()].split()[-8:])
            if _PASSIVE_AGENT.search(far):
                return True  # "the plan was criticized by Roe", "as reported by the Post"
            if re.search(r"\baccording to(?:\s+[\w.'-]+){1,4}\s+(?:by|from|with)(?:\s+[\w.-]+){0,2}$", far):
                return True  # "according to a statement from Roe", "according to a count by the AP"
    return False


def speaks_in(text: str, keys: list[str], gap: int) -> bool:
    """Is one of ``keys`` (:func:`name_keys`) the subject of a speech verb in ``text``?"""
    return _subject_of_speech(normalise(text), keys, gap)


def _headline_speaker(low: str, keys: list[str]) -> bool:
    """The sentence opens with the name and a colon: a headline's or a transcript's speaker
    ("Roe: The bridge will open in May", "EXCLUSIVE - Jane Roe: Don't ...", "ROE: I think ...")."""
    return any(re.match(rf"^\W*(?:[\w.'-]+\s+){{0,3}}{re.escape(k)}\s*:\s*\S", low) for k in keys)


#: A non-restrictive insertion after a name: an appositive or relative clause set off by
#: commas (", the former governor,", ", who has resented his rival's rise,", ", 52, a nurse,").
_INSERTION = re.compile(r",\s+(?:\w)[^,;:.!?“”\"]{0,200}?,")


def _after_insertions(rest: str) -> str:
    """The first words after the insertions that follow a name ("X, the former governor, who
    has resented his rival's rise, called ..." -> "called ..."), or "" when none follows.

    News sets the speaker's title and a relative clause off by commas between the name and
    its speech verb; together they often run past :attr:`AnswerSettings.speaker_gap` words.
    The verb must come right after the last insertion (:data:`_VERB_AFTER_INSERTION`
    words), as the clause's predicate; a coordinated name ("X, the governor, and Y said")
    is not the subject of the verb. A period inside the sentence is an abbreviation's ("a
    former adviser to Mr. Roe", "a D.C. lobbyist"): the insertion runs past it."""
    rest = _ABBREVIATION_DOT.sub("_", rest)
    end = 0
    for _ in range(3):
        m = _INSERTION.match(rest, end)
        if m is None:
            break
        if _SPEECH.search(m.group(0)):
            return ""  # a parenthetical cue (", Roe said,"): the words are another's report
        end = m.end() - 1  # the closing comma may open the next insertion
        if _SPEAKS.search(" ".join(rest[end + 1 :].split()[:_VERB_AFTER_INSERTION])):
            break  # the verb follows: what comes after it is its words, not an insertion
    if end == 0:
        return ""
    tail = rest[end + 1 :]
    if re.match(r"^\W*(?:and|or|to|with)\b", tail):
        return ""
    return " ".join(tail.split()[:_VERB_AFTER_INSERTION])


#: A period with more of the sentence after it: an abbreviation's (the text is one sentence).
_ABBREVIATION_DOT = re.compile(r"(?<=\w)\.(?=\s*[\w,])")
#: Words after the last insertion within which its speech verb stands ("..., has also said").
_VERB_AFTER_INSERTION = 3


def carries_words(sentence: str) -> bool:
    """The sentence gives someone's words: it opens a quotation or is a pronoun's ("..., he
    said") -- the sentence after a speaker's introduction that holds what they said."""
    opening = sentence.lstrip()
    return (
        opening[:1] in _QUOTE_CHARS + "‘"
        or opening[:2] in TYPEWRITER_MARKS
        or bool(_PRONOUN_SAID.search(sentence))
    )


#: A word of running text, hyphenated compounds whole ("vice-presidential", "fact-checked").
_PHRASE_WORD = re.compile(r"[A-Za-z0-9][\w]*(?:[-‐][\w]+)*(?:['’]s)?")
_FURNITURE = wordlist("function_words") | wordlist("question_auxiliaries") | {"many", "much"}
_TIME_NOUNS = wordlist("time_nouns") | wordlist("weekdays")
#: Words that open a noun phrase: determiners, possessives, quantifiers.
_NP_START = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "many",
    "much",
    "which",
    "what",
    "whose",
}


def _words(text: str) -> list[str]:
    return [unpossessive(w).lower() for w in _PHRASE_WORD.findall(text)]


def _content(word: str) -> bool:
    return word not in _FURNITURE and bool(tokenize(word))


def contrasted(part: str, sentence: str, around: str | None = None) -> tuple[str, str] | None:
    """A modifier the question puts on a noun that the sentence replaces with another one
    ("the vice-presidential debate" asked, "the first presidential debate" given), or None.

    News near-misses are answered with a sentence about a sibling of the thing asked for:
    the first debate for the vice-presidential one, the state budget for the city budget.
    The question names a noun phrase ("the <modifier> <noun>", after a determiner, a
    possessive or a quantifier); the sentence has a noun phrase with the noun right after a
    different lower-case modifier (a determiner or possessive up to two words before it; no
    number: "18 fact-checkers" answers "how many fact-checkers"; no modifier of the same
    meaning, [same_modifiers]: "initial" for "first", in any degree: "biggest" for "big", nor the
    question's own a word or two further out: "a different media appearance"; not when the asked
    noun modifies another noun the sentence does not follow it with: "a simpler tax code" and "a
    fundamental tax overhaul" have other heads; no participle: "asked
    questions" is a verb's object; no time noun: "Monday night debate" says when, not
    which); and the question's modifier occurs nowhere in ``around`` (the text the
    sentence's article contributes to the evidence; else the sentence): the sentence is
    about another one. Capitalised modifiers are names, checked elsewhere. Returns (the
    question's phrase, the sentence's phrase)."""
    phrases = _asked_phrases(part)
    if not phrases:
        return None
    found = list(_PHRASE_WORD.finditer(sentence))
    sraw = [m.group() for m in found]
    sw = _words(sentence)
    seen = _token_set(around if around is not None else sentence)
    for mod, head in phrases:
        if set(tokenize(mod)) <= seen:
            continue  # the article names the question's modifier too
        hstem = tokenize(head)
        for j in range(1, len(sw)):
            if (
                tokenize(sw[j]) == hstem
                # one phrase: only spaces between the modifier and the noun ("At the town hall,
                # exchange student Mia Lund" modifies no student by "hall")
                and not sentence[found[j - 1].end() : found[j].start()].strip()
                and not _clipped(sw[j - 1], mod)
                # the asked modifier's own or same word, in any degree ("the biggest lessons" for
                # "the big lesson"), right before the noun or further out in the phrase ("a
                # different media appearance" for "a separate appearance") is the one asked
                and not any(_same_modifier(w, mod) for w in sw[max(0, j - 3) : j])
                and _modifier(sraw[j - 1])
                and any(
                    w.lower() in _NP_START or w.endswith(("'s", "’s")) for w in sraw[max(0, j - 3) : j - 1]
                )
            ):
                if head not in _nouns_of(part):
                    break  # "the campaign hurts Trump": a verb after its subject, no noun modified
                qw = _words(part)
                after = qw[qw.index(head) + 1] if head in qw[:-1] else ""
                if after in _nouns_of(part) and after != (sw[j + 1] if j + 1 < len(sw) else ""):
                    break  # "a simpler tax code" and "a fundamental tax overhaul": other heads
                return f"{mod} {head}", f"{sw[j - 1]} {sw[j]}"
    return None


@lru_cache(maxsize=64)
def _nouns_of(part: str) -> frozenset[str]:
    """The lower-case words spaCy's parse of ``part`` tags as nouns or numbers ("the first seven
    votes": a noun phrase goes on past its number). Read only when a contrast
    is found (rare), so a question is parsed at most once and most are never parsed: the
    word after "the <modifier>" is a verb as often as a noun in a question ("Who found that
    bringing gender into the campaign hurts Trump?")."""
    from assistant.nlp.parse import parse_one  # the model loads only when needed

    return frozenset(t.text.lower() for t in parse_one(part) if t.pos_ in ("NOUN", "PROPN", "NUM"))


_CLIPPED = wordlist("clipped_forms")
#: Modifiers that mean the same ([same_modifiers]): "initial" for "first".
_SAME_MODIFIERS = wordmap("same_modifiers")
#: A comparative's or a superlative's ending ("bigger", "biggest", "simplest", "earlier").
_DEGREE = re.compile(r"(?:er|est)$")


def _positive(word: str) -> str:
    """A word of five letters or more with its degree's ending taken off ("biggest" -> "big",
    "earliest" -> "early", "larger" -> "larg", "later" -> "lat"; :func:`_same_modifier` allows
    for the plain form's final "e"); any other word as it is. A guess by spelling, compared only
    with the question's modifier, never looked up: "summer" -> "sum" matches no modifier a
    question asks of a noun in news."""
    if len(word) < 5 or not _DEGREE.search(word):
        return word
    stem = _DEGREE.sub("", word)
    if stem.endswith("i"):
        return stem[:-1] + "y"  # "earliest" -> "early"
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return stem[:-1]  # "biggest" -> "big"
    return stem


def _same_modifier(word: str, mod: str) -> bool:
    """Is ``word`` the question's modifier ``mod``: the same word, one news uses for it
    ([same_modifiers]), or either in another degree ("biggest" for "big", "larger" for
    "large")?"""
    if word == mod or word in _SAME_MODIFIERS.get(mod, ()):
        return True
    a, b = _positive(word), _positive(mod)
    return a in (b, b + "e", b[:-1]) or b in (a + "e", a[:-1]) or a in _SAME_MODIFIERS.get(b, ())


def _clipped(a: str, b: str) -> bool:
    """Is one of two modifiers the other's clipped form ("phone" for "telephone",
    [clipped_forms]): the start or the end of the whole word, at least two letters?"""
    short, whole = sorted((a, b), key=len)
    return whole in _CLIPPED and len(short) >= 2 and (whole.startswith(short) or whole.endswith(short))


@lru_cache(maxsize=64)
def _token_set(text: str) -> frozenset[str]:
    """The lexical tokens of ``text``: an article's evidence text is read for each of its
    candidate sentences."""
    return frozenset(tokenize(text))


@lru_cache(maxsize=256)
def _asked_phrases(part: str) -> tuple[tuple[str, str], ...]:
    """The (modifier, noun) pairs of ``part`` that :func:`contrasted` checks, in order: "the
    <modifier> <noun>" after a determiner, a possessive or a quantifier, the modifier a
    lower-case content word, the noun lower-case, neither inside the question's quotation
    marks ("the phrase 'bimbo eruptions'" names a term, and "the term ''bimbo eruptions''"
    is the same one). Read once per part: the answer step asks about every candidate
    sentence of it."""
    found = list(_PHRASE_WORD.finditer(part))
    qraw = [m.group() for m in found]
    qw = _words(part)
    quoted = [*quotation_spans(part)[0], *(m.span("words") for m in _SINGLE_QUOTED.finditer(part))]
    out: list[tuple[str, str]] = []
    for i in range(2, len(qw)):
        det, mod, head = qw[i - 2], qw[i - 1], qw[i]
        if not (det in _NP_START or qraw[i - 2].endswith(("'s", "’s"))):
            continue
        if any(a <= found[j].start() < b for a, b in quoted for j in (i - 1, i)):
            continue  # "the phrase 'bimbo eruptions'": a quoted term is named, not modified
        if _modifier(qraw[i - 1]) and _content(head) and qraw[i][:1].islower():
            out.append((mod, head))
    return tuple(out)


def _modifier(word: str) -> bool:
    """A lower-case content word that can modify a noun: no digit, not a participle."""
    low = unpossessive(word.lower())
    return (
        word[:1].islower()
        and not any(ch.isdigit() for ch in word)
        and not low.endswith(("ed", "ing"))
        and low not in _NUMBER_WORDS
        and low not in _TIME_NOUNS
        and _content(low)
    )


# -- the words the question quotes ---------------------------------------------------------
def quoted_words(part: str) -> list[str]:
    """The terms of a quotation of four or more words in the question ('Who said "we will
    rebuild the bridge"?'), or [] when it quotes none."""
    for a, b in quotation_spans(part)[0]:
        if len(part[a:b].split()) >= 4:
            return tokenize(part[a:b])
    return []


def share_held(terms: list[str] | set[str], text: str | set[str]) -> float:
    """The share of ``terms`` (lexical-index terms) that ``text`` (or its set of terms) holds."""
    if not terms:
        return 1.0
    have = set(tokenize(text)) if isinstance(text, str) else text
    return sum(t in have for t in terms) / len(terms)


# -- the same named one -------------------------------------------------------------------
#: Entity labels whose names single out the thing a specific ask is about: the organisation
#: and the place (spaCy labels stored at index time). Not a person: news goes on about a
#: person by pronoun or title ("he has held 100 town halls", "the governor"), and a sentence
#: that names another person and not the one asked still often answers (measured on
#: realnews_train b, even with no personal pronoun in the sentence: evals/README.md, abstain10).
#: A person is judged clause by clause instead (:func:`other_persons_figure`).
NAMED_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"})


def entity_key(text: str, label: str) -> str:
    """What must occur for a text to name an entity: a person's surname ("Jeb Bush" ->
    "bush"), the whole name of anything else ("the State Department's" -> "state
    department"), lower case; "" for a name too short to look for."""
    words = [unpossessive(w) for w in re.findall(r"[\w'’.&-]+", normalise(text))]
    while words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    if not words:
        return ""
    key = words[-1] if label == "PERSON" else " ".join(words)
    return key if len(key) >= 2 else ""


def _holds_key(low: str, key: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(key)}(?![\w])", low) is not None


def _capitals() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for pair in wordlist("capital_cities"):
        city, _, country = pair.partition(":")
        out.setdefault(country.replace("_", " "), set()).add(city.replace("_", " "))
    return out


#: Each country's capital (``wordlists.txt`` [capital_cities]), by the country's key.
_CAPITALS = _capitals()


#: A country's other names (``wordlists.txt`` [country_names]), by the country's key.
_COUNTRY_NAMES = {
    k.replace("_", " "): tuple(v.replace("_", " ") for v in vs) for k, vs in wordmap("country_names").items()
}


def _names_key(low: str, key: str) -> bool:
    """Does the normalised text ``low`` name the one whose key is given, by the key itself or,
    for a country, by its capital ("Berlin's pledge" for Germany's) or another of its names
    ("the United Kingdom" for Britain)?"""
    return any(
        _holds_key(low, k) or any(_holds_key(low, c) for c in _CAPITALS.get(k, ()))
        for k in (key, *_COUNTRY_NAMES.get(key, ()))
    )


def question_named(part: str, entities: list[tuple[str, str]]) -> dict[str, set[str]]:
    """The names the question gives, by entity label: every evidence entity (its text and
    label) of :data:`NAMED_LABELS` whose key (:func:`entity_key`) the question holds as a
    name, capitalised ("the State Department", not "the state's budget")."""
    out: dict[str, set[str]] = {}
    for text, label in entities:
        key = entity_key(text, label) if label in NAMED_LABELS else ""
        if not key:
            continue
        at = re.search(rf"(?<![\w]){re.escape(key)}(?![\w])", part, re.I)
        if at is not None and not at.group(0)[:1].islower():
            if label in ("GPE", "LOC") and _office_of(part, at.end()):
                continue  # "the Florida senator": whom the question asks of, not where
            out.setdefault(label, set()).add(key)
    return out


#: A role noun or its short title right after a place ("the Florida senator", "the former
#: Ohio governor", "Ohio Gov."): the place describes an office holder.
_OFFICE_AFTER = re.compile(r"\s+([A-Za-z]+)\.?(?![\w'’-])")
#: Titles news writes short, with their long forms ([term_equivalents]: "gov" -> "governor").
_TITLE_FORMS = wordmap("term_equivalents")


def _office_of(part: str, end: int) -> bool:
    """Does a role noun (``[role_nouns]``, or a title ``[term_equivalents]`` writes short)
    follow the place that ends at ``end`` of the question? Then the place is part of a
    person's description ("How far apart do the Florida senator and the former Florida
    governor live?"), not a place the question asks about: a sentence naming another place
    ("the senator in West Miami") replaces no name of the question."""
    m = _OFFICE_AFTER.match(part, end)
    if m is None:
        return False
    word = m.group(1).lower()
    return any(_role_noun(w) for w in (word, *_TITLE_FORMS.get(word, ())))


def other_named(
    part: str, asked: dict[str, set[str]], sentence: str, entities: list[tuple[str, str]]
) -> tuple[str, str] | None:
    """A name of the question that the sentence replaces with another of the same kind, or
    None: "How many town halls has Jeb Bush held?" answered by "Kasich ... has held more
    than 100 town halls"; "the NBC New Hampshire poll" by a RealClearPolitics average in
    California. News near misses give the asked-for figure for a sibling: another person,
    organisation or place. The sentence names none of the question's names of that label
    (``asked``, from :func:`question_named`) and names one of that label (``entities``:
    the sentence's own) that the question does not. Returns (the question's name, the
    sentence's)."""
    low, qlow = normalise(sentence), normalise(part)
    for label, keys in sorted(asked.items()):
        if any(_names_key(low, k) for k in keys):
            continue
        for text, lab in entities:
            key = entity_key(text, lab)
            if (
                lab == label
                and key
                and not _holds_key(qlow, key)
                and not derived_in(qlow, key)
                and not _place_asked(part, key, lab)
            ):
                first = sorted(keys)[0]
                m = re.search(re.escape(first), part, re.I)
                return (m.group(0) if m else first), text.strip()
    return None


def derived_in(low: str, key: str) -> bool:
    """Does the question hold a word made from a one-word name by an ending ("congressional"
    for "Congress", "senatorial" for "Senate" is not: the stem must be whole)? The name is the
    question's own then, no sibling of its names."""
    if " " in key or len(key) < 5:
        return False
    return re.search(rf"(?<![\w]){re.escape(key)}[a-z]{{1,5}}(?![\w])", low) is not None


def _place_asked(part: str, key: str, label: str) -> bool:
    """Does the question name the place ``key`` in another of news's forms (:func:`names_place`:
    "the UK" for "U.K.", "British" for "Britain"), or any name by the initials of its words
    (:func:`initials_in`: "the UK" for "the United Kingdom", "AP" for "Associated Press")?
    Such a name is the question's own, no sibling of its names."""
    if label in ("GPE", "LOC") and names_place(part, key):
        return True
    return initials_in(part, key)


def initials_in(part: str, key: str) -> bool:
    """Does the question name ``key``, a name of two words or more, by the initials of its
    words ("the UK" for "the United Kingdom", "the AP count" for "the Associated Press", "the
    DNC" for "the Democratic National Committee")? News spells a body out where a question
    gives its initials, and the other way round."""
    words = [w for w in key.split() if w not in ("the", "a", "an", "of", "and", "for")]
    caps = {c.replace(".", "").lower() for c in re.findall(r"\b[A-Z][\w.]*", part)}
    return len(words) > 1 and "".join(w[0] for w in words) in caps


def holds_named(asked: dict[str, set[str]], entities: list[tuple[str, str]], persons: set[str]) -> bool:
    """Does one of a sentence's own ``entities`` (text, label) name one of the question's
    names of its label (``asked``, from :func:`question_named`; "New York City" names
    "new york")? A name that is a person's surname (``persons``: "Trump" tagged ORG in "a
    Trump event") does not count: it is a person's, and the person checks judge it."""
    for text, label in entities:
        low = normalise(text)
        if any(_holds_key(low, k) for k in asked.get(label, set()) - persons):
            return True
    return False


_ARTICLES = frozenset({"The", "A", "An"})


def names_place(text: str, key: str) -> bool:
    """Does ``text`` name the place whose key (:func:`entity_key`) is given, in one of the
    forms news varies a place's name by: the name itself, a capitalised word sharing its
    first word's first four letters ("Britain" / "British", "China" / "Chinese"), or its
    initials with or without full stops ("US" / "U.S." / "United States")?"""
    if _names_key(normalise(text), key):
        return True
    words = key.split()
    caps = re.findall(r"\b[A-Z][\w.&'’-]*", text)
    if (
        len(words) == 1
        and len(key) <= 4
        and key.replace(".", "") in {c.replace(".", "").lower() for c in caps}
    ):
        return True
    if len(words[0]) >= 4 and any(c.lower().startswith(words[0][:4]) for c in caps):
        return True
    runs = re.findall(r"\b[A-Z][a-z]+(?:\s+(?:of\s+)?[A-Z][a-z]+)+", text)
    initials = {
        "".join(w[0] for w in r.split() if w[0].isupper() and w not in _ARTICLES).lower() for r in runs
    }
    return key.replace(".", "").replace(" ", "") in initials or names_state(text, key)


#: Each US state by the abbreviations news writes it by (``wordlists.txt`` [state_abbreviations]).
_STATES = {k: v[0].replace("_", " ") for k, v in wordmap("state_abbreviations").items()}
#: The US states' names, lower case ("new jersey").
STATE_NAMES = frozenset(_STATES.values())
#: An AP state abbreviation, after a party's letter or not ("S.C.", "R-S.C.", "Calif.",
#: "W.Va."), or a postal code after a party's letter ("R-SC").
_STATE_CODE = re.compile(
    r"(?:\b[RDI]-)?(?<![\w.])((?:[A-Z]\.\s?){2,3}|W\.\s?Va\.|[A-Z][a-z]{1,4}\.)|\b[RDI]-([A-Z]{2})\b"
)


def is_state(key: str) -> bool:
    """Is ``key`` (lower case) the name of a US state?"""
    return key in STATE_NAMES


def names_state(text: str, key: str) -> bool:
    """Does ``text`` name the US state whose key is given (``"south carolina"``) by one of its
    abbreviations ("Sen. Lindsey Graham, R-S.C.", "Mission Viejo, Calif.")?"""
    for m in _STATE_CODE.finditer(text):
        code = (m.group(1) or m.group(2)).replace(".", "").replace(" ", "").lower()
        if _STATES.get(code) == key:
            return True
    return False


# -- another person's figure ---------------------------------------------------------------
#: Where a clause ends: a comma, a semicolon, a colon, a bracket or a dash, and a sentence's
#: end inside a candidate that runs over several (a quotation kept whole: "... knew about
#: it. He did nothing."); a title's dot ("Gov. Roe", "Mr. Roe") ends none, nor a figure's
#: comma ("$204,202") or colon ("3:30").
_CLAUSE_MARK = re.compile(
    r"(?<!\d)[,:]|[,:](?!\d)|[;()—–]|\s-\s|(?:(?<=[a-z]{3}[.!?])|(?<=\d[.!?]))[\s”\"]+(?=[A-Z“\"])"
)
_PERSONAL = wordlist("personal_pronouns")
#: The subject pronouns of one person: a clause they open is about the sentence's subject.
_SUBJECT_PRONOUNS = frozenset({"he", "she"})
_PERSONAL_RX = re.compile(r"\b(?:" + "|".join(sorted(_PERSONAL)) + r")\b", re.I)


def person_keys(names: list[str]) -> set[str]:
    """The surnames (:func:`entity_key`) of the evidence's PERSON entities ``names``."""
    return {k for k in (entity_key(n, "PERSON") for n in names) if k}


def question_persons(part: str, known: set[str]) -> set[str]:
    """The surnames of ``known`` that the question holds as a name, capitalised."""
    out = set()
    for key in known:
        at = re.search(rf"(?<![\w]){re.escape(key)}(?![\w])", part, re.I)
        if at is not None and not at.group(0)[:1].islower():
            out.add(key)
    return out


def other_persons_figure(
    part: str,
    asked: set[str],
    known: set[str],
    sentence: str,
    entities: list[tuple[int, str]],
    spots: list[int],
    before: str | None,
) -> tuple[str, str] | None:
    """The question's person and another person whom every clause of ``sentence`` that holds
    the asked-for figure is about, or None.

    News gives a figure for a sibling of the person asked: "How many school visits has Dana
    Quill made?" is answered by "Marsh, who says she has made 40 school visits, ...", "How
    much has Fenwick given to Quill's campaign?" by "Fenwick, who backed Marsh's bid with
    $2 million, is a Quill volunteer". A whole-sentence test is too coarse in both
    directions: the sentence names the asked person in another clause ("a Quill
    volunteer"), or the figure's clause is about the asked person by a pronoun (measured on
    realnews_train: evals/README.md, sibling10).
    So the test is per clause (the sentence cut at commas, semicolons, colons, brackets,
    dashes and, in a candidate of several sentences, sentence ends: :data:`_CLAUSE_MARK`)
    holding a figure (``spots``: the offsets of the asked-for kind's entities):
    a clause is about the persons it names (``entities``: offset and text of the sentence's
    names whose surname is one of ``known``, the evidence's PERSON surnames, whatever label
    spaCy gave this mention) and, for each he/she/his/her, the person named last before the
    pronoun in the sentence, else ``before`` (the person the sentences before name); a "he" or
    "she" opening a clause stands for the person the sentence opens on, when it opens on one. Every
    such clause must be about someone, about none of ``asked`` (the question's persons) and
    about a person the question does not name; a pronoun with no person to stand for, or a
    clause naming no one, leaves the sentence alone (it may be about the one asked).
    Returns (the question's name, the other name) for the answer's reason."""
    if not spots or not asked:
        return None
    cuts = [0, *(m.end() for m in _CLAUSE_MARK.finditer(sentence)), len(sentence) + 1]
    clauses = sorted({(a, b) for at in spots for a, b in zip(cuts, cuts[1:], strict=False) if a <= at < b})
    people = sorted((at, entity_key(text, "PERSON"), text.strip()) for at, text in entities)
    people = [p for p in people if p[1] in known]
    later = entity_key(before, "PERSON") if before else ""
    qlow = normalise(part)
    other = ""
    for lo, hi in clauses:
        whose = {key for at, key, _ in people if lo <= at < hi}
        for m in _PERSONAL_RX.finditer(sentence[lo:hi]):
            prior = [key for at, key, _ in people if at < lo + m.start()]
            ref = prior[-1] if prior else later
            if prior and people[0][0] == 0 and m.group().lower() in _SUBJECT_PRONOUNS:
                if not sentence[lo : lo + m.start()].strip(" \t\"“‘'"):
                    # a clause opened by "he"/"she" goes on about the sentence's opening subject
                    # ("Canova has ripped Wasserman Schultz ...: He said he's raised $100,000")
                    ref = people[0][1]
            if not ref:
                return None  # a pronoun of someone not named here: it may be the one asked
            whose.add(ref)
        others = sorted(k for k in whose if not _holds_key(qlow, k))
        if not whose or whose & asked or not others:
            return None
        if not other:
            names = [text for _, key, text in people if key == others[0]]
            other = names[0] if names else (before or others[0]).strip()
    first = sorted(asked)[0]
    named = re.search(rf"(?<![\w]){re.escape(first)}(?![\w])", part, re.I)
    return (named.group(0) if named else first), unpossessive(other)


#: "What share of the vote did Roe win?": the subject whose own share is asked (group "who").
_SHARE_WON = re.compile(
    r"\b(?:did|does|do|will|would|could)\s+(?P<who>(?:[A-Z][\w'’.-]+\s+){1,3})"
    rf"(?:{alternation('share_won_verbs')})\b"
)


def share_winner(part: str) -> str | None:
    """The named subject of a share won ("What share of the vote did Liz Cheney win?" ->
    "Liz Cheney"; the verbs are [share_won_verbs]), or None."""
    m = _SHARE_WON.search(part)
    return m.group("who").strip() if m else None


#: A percentage in a sentence ("45 percent", "14%", "forty percent").
_PERCENTAGE = re.compile(r"[\w.,-]+\s*(?:%|percent\b|per\s+cent\b)", re.I)
#: The words before a percentage that make it a group's part of a whole, not a share won:
#: "voters made up 45 percent of the electorate" ([composition_verbs], up to three words
#: between: "make up approximately 14 percent").
_COMPOSITION = re.compile(rf"\b(?:{alternation('composition_verbs')})(?:\s+[\w-]+){{0,3}}\s*$", re.I)


def only_composition(sentence: str) -> bool:
    """Is every percentage of ``sentence`` a group's part of a whole ("Republicans, who made up
    46 percent of primary voters", "independents make up approximately 14 percent of the
    electorate"), which is no one's share of the vote? False for a sentence with none."""
    found = list(_PERCENTAGE.finditer(sentence))
    return bool(found) and all(_COMPOSITION.search(sentence[: m.start()]) for m in found)


#: A person called by a definite description ("the Texas senator", "the business mogul"):
#: news's later mention of the one it named, perhaps the one asked.
_DEFINITE_PERSON = re.compile(
    rf"\bthe\s+(?:[\w-]+\s+){{0,3}}(?:{alternation('role_nouns', 'person_nouns')})s?\b", re.I
)


def figure_of_asked(asked: set[str], known: set[str], sentence: str, before: str | None) -> bool:
    """Whether ``sentence`` may give a figure of one of ``asked`` (the question's persons):
    it names one of them (a surname of ``known``), or holds a he/she/his/her that stands for
    one of them or for no one named (the person named last before it, else ``before``, the
    one the sentences before name), or calls a person by a definite description ("the Texas
    senator"). "Late-deciding voters made up 45 percent, and they scorned Mr. Trump" may be
    about Trump; "Independent voters make up 14 percent of the state's electorate" gives no
    share of his."""
    low = normalise(sentence)
    if any(_holds_key(low, key) for key in asked) or _DEFINITE_PERSON.search(sentence):
        return True
    later = entity_key(before, "PERSON") if before else ""
    for m in _PERSONAL_RX.finditer(sentence):
        prior = [key for key in known if _holds_key(normalise(sentence[: m.start()]), key)]
        if not prior and (not later or later in asked):
            return True
    return False


# -- money given --------------------------------------------------------------------------
_HOW_MUCH = re.compile(r"\bhow\s+much\b(?P<rest>[^?]{0,60})", re.I)


def money_asked(part: str) -> bool:
    """ "How much did X donate / give / contribute / lend / earn ...": the answer is an
    amount of money, so it needs a currency, not any number ("backed Mr. Romney in 2012"
    is no amount). The verbs are ``wordlists.txt`` [money_verbs]."""
    m = _HOW_MUCH.search(part)
    if m is None:
        return False
    return any(w in _MONEY_VERBS for w in re.findall(r"[a-z]+", m.group("rest").lower()))


_MONEY_VERBS = wordlist("money_verbs")
_MONEY_IN = re.compile(rf"\b(?:{alternation('money_in_verbs')})\b", re.I)
_MONEY_OUT = re.compile(rf"\b(?:{alternation('money_out_verbs')})\b", re.I)


#: Money received from a giver, which tells the giver's giving too ("the foundation had
#: received hundreds of thousands of dollars in donations from his father").
_RECEIVED_FROM = re.compile(rf"\b(?:{alternation('money_in_verbs')})\b[^.;]{{0,80}}\bfrom\b", re.I)


def money_direction(text: str) -> set[str]:
    """The ways money goes in ``text`` by its verbs: "in" ("raised", "took in", [money_in_verbs]),
    "out" ("spent", "paid", [money_out_verbs]), both or neither."""
    ways = {"in"} if _MONEY_IN.search(text) else set()
    if _MONEY_OUT.search(text) or _RECEIVED_FROM.search(text):
        ways.add("out")  # "received ... from his father": his father gave it
    return ways


def holds_money_of_direction(text: str, part: str) -> bool:
    """Does ``text`` give its amounts by a verb of the way the part asks money to go, or by no
    verb of either way? "How much did the campaign pay Twitter?" is not answered by "the
    campaign raised about $4 million", which tells money coming in, nor "How much did the
    group raise?" by "it spent $1 million"."""
    asked_ways = money_direction(part)
    if len(asked_ways) != 1:
        return True
    told = money_direction(text)
    return not told or bool(told & asked_ways)


# -- words about another person -----------------------------------------------------------
_ABOUT = re.compile(r"\babout\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")


def about_whom(part: str) -> str | None:
    """The capitalised name a "say about <Name>('s ...)" question is about ("What did Roe
    say about Jane Doe's trip?" -> "Jane Doe"), or None."""
    m = _ABOUT.search(part)
    if m is None:
        return None
    name = unpossessive(m.group("name")).rstrip(".")
    return name or None


# -- a word the question quotes -----------------------------------------------------------
#: A word or short phrase in single quotation marks ("as a 'governor'"), which
#: :func:`quotation_spans` leaves to apostrophes: a quote mark after a space or an opening
#: bracket, closed before a space or punctuation.
_SINGLE_QUOTED = re.compile(r"(?:(?<=\s)|^)['‘](?P<words>[^'‘’\s][^'‘’]{0,38}?)['’](?=[\s?.,!;:)]|$)")


def quoted_phrase(part: str) -> str | None:
    """The word or short phrase (one to three words) the question puts in quotation marks,
    single or double ("Who called the prime minister a 'governor'?" -> "governor"), or
    None. Four or more quoted words are a quotation (:func:`quoted_words`)."""
    return next((words for words in quotations(part) if len(words.split()) <= 3), None)


def quotations(part: str) -> list[str]:
    """Every stretch the question puts in quotation marks, double or single ('Who replied
    'Who knows at this point' when ...?' -> ["Who knows at this point"])."""
    found = [part[a:b] for a, b in quotation_spans(part)[0]]
    found += [m.group("words") for m in _SINGLE_QUOTED.finditer(part)]
    return [w.strip(" '\"‘’“”") for w in found if w.strip(" '\"‘’“”")]


def quotes_phrase(sentence: str, phrase: str) -> bool:
    """Does the sentence hold ``phrase`` inside its own quotation marks (calling someone
    “governor”), not merely the word ("several governors")?"""
    want = normalise(phrase)
    return any(want in normalise(sentence[a:b]) for a, b in quotation_spans(sentence)[0])


# -- the role a name is asked for ------------------------------------------------------------
#: "what is the name of the <role> ...", "who is/was the <role> ...", "identify / name the
#: <role>": the noun phrase after the article, up to where English post-modifies it (a
#: relative, a preposition, an auxiliary, punctuation).
_ROLE_ASK = re.compile(
    r"\b(?:what\s+(?:is|was|were|are)\s+(?:the\s+)?names?\s+of|who\s+(?:is|was|were|are)"
    r"|identify|name)\s+(?:the|an?|(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.-]*['’]s)\s+(?P<np>[^?,;:]{1,80})",
    re.I,
)
#: "Whom did Trump name as his new campaign manager ...", "Who did Reagan choose as his running
#: mate ...": the person put in a role ([appointing_verbs]) is asked by the role, as "Who is
#: the <role>" asks it.
_APPOINTED_ASK = re.compile(
    r"\bwho(?:m)?\s+(?:did|does|do|will|would|has|had|could|might)\s+(?:[\w.'’-]+\s+){1,4}?"
    rf"(?:{alternation('appointing_verbs')})\s+(?:as|to\s+be)\s+(?:the|an?|his|her|their|its)\s+"
    r"(?P<np>[^?,;:]{1,80})",
    re.I,
)
#: A clause that follows a head noun without a relative: its subject's name, then its verb in
#: the past ("[the rocket] North Korea launched", "[the bill] Congress passed").
_CLAUSE_AFTER_HEAD = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,3}[a-z]+ed\b")
_ROLE_STOP = wordlist("question_auxiliaries") | {"whom", "whose", "behind", "about", "over", "under"}
#: A time phrase ("last week", "this year"), [time_tail_modifiers] before [time_tail_periods].
_TIME_TAIL = re.compile(
    rf"(?:{alternation('time_tail_modifiers')})\s+(?:{alternation('time_tail_periods')}|{weekdays()})\b",
    re.I,
)


def role_asked(part: str) -> str | None:
    """The role noun whose holder a name ask wants ("What is the name of the campaign
    spokeswoman who ...?" -> "spokeswoman", "Who is the head of the group?" -> "head"), or
    None. English puts the head noun last in its phrase before any post-modifier, so the
    role is the last word before the first relative, preposition or auxiliary; a
    capitalised last word is a name ("the Fed"), not a role."""
    m = _ROLE_ASK.search(part) or _APPOINTED_ASK.search(part)
    if m is None:
        return None
    words: list[str] = []
    np = m.group("np").split()
    for i, w in enumerate(np):
        if w.lower() in _ROLE_STOP:
            break
        if words and _TIME_TAIL.match(" ".join(np[i:])):
            break  # "... as his diplomacy chief last week": a time phrase after the head noun
        if words and words[-1][:1].islower() and _CLAUSE_AFTER_HEAD.match(" ".join(np[i:])):
            break  # a clause after the head noun: "the rocket North Korea launched"
        words.append(w)
    if not words or len(words) > 5:
        return None
    role = unpossessive(words[-1].rstrip(".!"))
    if not role[:1].islower() or not tokenize(role):
        return None
    return role.lower()


_WHICH = re.compile(r"\bwhich\s+(?P<np>[^?,;:]{1,80})", re.I)
_ROLE_NOUNS = wordlist("role_nouns")


def _singulars(word: str) -> tuple[str, ...]:
    """``word`` in lower case and the singulars its plural ending may stand for ("senators"
    -> "senator", "witnesses" -> "witness", "chairmen" -> "chairman")."""
    w = word.lower()
    return (
        w,
        w[:-1] if w.endswith("s") else "",
        w[:-2] if w.endswith("es") else "",
        w[:-3] + "man" if w.endswith("men") else "",  # "chairmen", "congressmen"
    )


# -- a person's office asked ---------------------------------------------------------------
_NAME_RUN = r"(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’.-]+?"
_OFFICE_NOUN = rf"(?:{alternation('office_nouns')})"
#: "What office did Hillary Clinton hold ...?", "Which cabinet post did Clinton hold ...?", "What
#: was Trump's standing in the party ...?": the title a person held or holds is asked.
_OFFICE_ASK = re.compile(
    rf"\b(?:[Ww]hat|[Ww]hich)\s+(?:[a-z]+\s+)?{_OFFICE_NOUN}\s+(?:did|does|do|has|had|was|is)\s+"
    rf"(?P<name>{_NAME_RUN})\s+(?:[a-z]+\s+)?(?:{alternation('office_verbs')})\b"
    rf"|\b[Ww]hat\s+(?:was|is)\s+(?P<owner>{_NAME_RUN})['’]s\s+{_OFFICE_NOUN}\b"
    # "Which state does Sanders represent ...?", "For which party's nomination was Clinton
    # running?": the state and the party news writes into a senator's or a candidate's title
    rf"|\b[Ww]hich\s+state\s+(?:does|did)\s+(?:[A-Z][a-z]+\.?\s+)?(?P<member>{_NAME_RUN})\s+represent\b"
    rf"|\b[Ww]hich\s+party['’]s\s+(?:[a-z]+\s+)?nomination\s+(?:was|is|did)\s+(?P<runner>{_NAME_RUN})\s+[a-z]+",
)


def office_asked(part: str) -> str | None:
    """The surname of the person whose office, post or standing the part asks ("What cabinet
    post did Clinton hold before running for president?" -> "Clinton"), or None."""
    m = _OFFICE_ASK.search(part)
    if m is None:
        return None
    name = m.group("name") or m.group("owner") or m.group("member") or m.group("runner")
    return unpossessive(name).split()[-1]


#: The nouns a title is written with: [role_nouns], [office_title_nouns] and the short titles
#: ("Sen.", "Gov."), longest first.
_TITLE_NOUNS = "|".join(
    sorted(
        {re.escape(w) for w in (*_ROLE_NOUNS, *wordlist("office_title_nouns"), *_TITLE_FORMS)},
        key=len,
        reverse=True,
    )
)
#: An apposition's determiner: an article or a possessive name ("Donald Trump's").
_APPOSED_DET = r"(?:[Tt]he|an?|(?:[A-Z][\w.'’-]*\s+)?[A-Z][\w.'’-]*['’]s)"


@lru_cache(maxsize=64)
def _title_patterns(surname: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A title written against ``surname``: before it ("former Secretary of State Hillary
    Clinton", "presumptive Republican presidential nominee Donald Trump", "Sen. Bernie
    Sanders"), and after it in apposition ("Clinton, the former secretary of state,", "Corey
    Lewandowski, Donald Trump's fired campaign manager")."""
    name = re.escape(surname)
    # the title's words in any case ("Secretary of State", "secretary of state"); the given
    # names before the surname capitalised ("director for Sanders" writes no title)
    before = rf"\b(?i:{_TITLE_NOUNS})\.?(?i:\s+of\s+[a-z]+)?\s+(?:[A-Z][\w'’.-]+\s+){{0,2}}{name}\b"
    after = rf"\b{name},\s+{_APPOSED_DET}\s+(?:[\w-]+\s+){{0,4}}?(?i:{_TITLE_NOUNS})\b"
    return re.compile(before), re.compile(after)


def names_person(sentence: str, surname: str) -> bool:
    """Does ``sentence`` name the person ``surname`` (the surname as a word of its own)?"""
    return re.search(rf"\b{re.escape(surname)}\b", sentence) is not None


def titles(sentence: str, surname: str) -> bool:
    """Does ``sentence`` write a title against the person ``surname``
    (:func:`_title_patterns`)?"""
    return any(p.search(sentence) for p in _title_patterns(surname))


def _role_noun(word: str) -> str | None:
    """The role noun (``[role_nouns]``) a word is, singular or plural ("senators"), or None."""
    return next((stem for stem in _singulars(word) if stem in _ROLE_NOUNS), None)


#: Nouns that say a person holds the role or is the one asked for.
_PERSON_ROLE_NOUNS = _ROLE_NOUNS | wordlist("person_nouns") | wordlist("speaker_role_nouns")
_PERSON_ROLE_NOUNS |= wordlist("person_descriptor_nouns")


def person_role(noun: str) -> bool:
    """Is ``noun`` (a role noun :func:`role_asked` gives) known to name a person
    (``[role_nouns]``, ``[person_nouns]``, ``[speaker_role_nouns]``,
    ``[person_descriptor_nouns]``; singular or plural: "spokeswoman", "workers"), not
    possibly a thing ("the rocket")?"""
    return any(stem in _PERSON_ROLE_NOUNS for stem in _singulars(noun))


def role_which(part: str) -> str | None:
    """The role noun of a "Which <role> ..." ask ("Which Fox News host interviewed ...",
    "Which two senators said ...") -> "host", "senator"; else None. Such an ask wants a
    person's name, as "What is the name of ..." does. The role is one of the first four words
    after "which", before any auxiliary or preposition (the noun phrase's head comes before
    its verb); a possessive ("which candidate's plan") is not the head."""
    m = _WHICH.search(part)
    if m is None:
        return None
    words = m.group("np").split()
    if words[:1] == ["of"]:
        # partitive: "Which of Roe's aides / of the aides ..." asks for aides as "Which aides"
        words = words[2:] if words[1:2] == ["the"] else words[1:]
    for w in words[:4]:
        if w.lower() in _ROLE_STOP:
            return None
        if w.endswith(("'s", "’s")):
            continue
        if w.islower() and w.endswith("ed"):
            return None  # the verb: "which demonstrator accused officials ..." names no role
        role = _role_noun(w.strip(".!"))
        if role is not None:
            return role
    return None


def which_plural(part: str) -> str | None:
    """The plural head noun of a "Which <noun phrase> ..." ask, in lower case ("Which banks
    would the plan deregulate?" -> "banks", "Which Ukrainian leaders did Roe advise?" ->
    "leaders"), or None: the last lower-case word of the first four after "which", up to an
    auxiliary or a function word; a possessive ("Trump's") modifies the word after it, a
    name before the head ("Which Ukrainian leaders") modifies it. A word in "-ss" ("class")
    or "-us" is no plural."""
    m = _WHICH.search(ask_of(part))
    if m is None:
        return None
    head: str | None = None
    for w in m.group("np").split()[:4]:
        word = w.strip(".!")
        low = word.lower()
        if low in _ROLE_STOP or low in _FUNCTION:
            break
        if word.endswith(("'s", "’s")):
            head = None
        elif word[:1].islower():
            if head is not None and low.endswith("ed"):
                break
            head = low
        elif head is not None:
            break
    if head is None or not head.endswith("s") or head.endswith(("ss", "us")):
        return None
    return head


#: "Who organized ...", "Whom did X appoint ...": a person asked for by an act, not by a
#: speech ("who said") or a stance ("who called ...": ``which_speaker_verbs``).
_WHO_ACT = re.compile(
    r"^\W*(?i:who|whom)\s+(?:(?i:did|does|do|will|would|had|has|have)\s+"
    r"(?:[A-Z][\w'’.-]*\s+){1,4})?(?P<verb>[a-z]+)\b"
)
_NOT_ACTS = (
    wordlist("who_asked_verbs")
    | wordlist("which_speaker_verbs")
    | wordlist("question_auxiliaries")
    | {f.lower() for v in speech_verbs().values() for f in v.forms}
)


#: Verbs of writing a work ([writing_verbs]), and the work after one: a determiner or a
#: name's possessive ("Who wrote the speech / Roe's speech?"), not "that" or "about".
_WRITES = wordlist("writing_verbs")
_WORK_AFTER = re.compile(r"\s+(?:the|an?|his|her|their|its|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s)\s+\w")
#: "Who will / would / was to <act> ...", "Who is <act>ing ...": an act to come or going on.
_WHO_WILL = re.compile(
    r"^\W*(?i:who)\s+(?:(?i:will|would|was\s+to|were\s+to|is\s+to)\s+(?P<verb>[a-z]+)\b"
    r"|(?i:is|was|are|were)\s+(?P<ing>[a-z]+ing)\b)"
)


def who_act(part: str) -> str | None:
    """The verb of a "Who <act> ..." ask ("Who organized the rally?" -> "organized", "Whom
    did Mayor Roe appoint ...?" -> "appoint"): a person or a body asked for by what they
    did, so the answer must name one; None for a speech or stance ("who said", "who called
    it ...") and for "who is / was" (:func:`wants_name`). A subject between the auxiliary and
    the verb is read only as capitalised words (a name): "Whom did the mayor appoint" is not
    read."""
    m = _WHO_ACT.match(part)
    if m is None:
        return None
    verb = m.group("verb")
    if verb in _WRITES and _WORK_AFTER.match(part, m.end()):
        return verb  # "Who wrote Roe's convention speech?": its author, not words of theirs
    if verb in _NOT_ACTS:
        to_come = _WHO_WILL.match(part)
        act = (to_come.group("verb") or to_come.group("ing")) if to_come else None
        return act if act is not None and act not in _NOT_ACTS else None
    return verb


def names_role(text: str, role: str) -> bool:
    """Does ``text`` hold the role noun (:func:`_noun_words`: "spokeswomen" or
    "spokesperson" for "spokeswoman") or one news uses for it ([same_roles]: "attorney" for
    "lawyer")?"""
    same = _SAME_ROLES.get((tokenize(role) or [role])[-1], ())
    return any(_noun_words(text, r) for r in (role, *same))


#: Kin nouns by the kin noun asked ([inverse_kin]).
_INVERSE_KIN = wordmap("inverse_kin")


def names_inverse_kin(text: str, kin: str) -> bool:
    """Does ``text`` name the asked kin by its inverse, "<inverse> of <someone>" ("Erica Roe,
    the daughter of slain principal Dawn Roe" names Erica's mother or father)?"""
    others = _INVERSE_KIN.get(kin.lower(), ())
    return bool(others) and bool(re.search(rf"\b(?:{'|'.join(others)})\s+of\b", text, re.I))


def role_mentions(text: str, role: str) -> list[tuple[int, int]]:
    """The spans of ``text`` that name the role noun or one of the same meaning
    (:func:`names_role`), in order."""
    same = _SAME_ROLES.get((tokenize(role) or [role])[-1], ())
    words = set().union(*(_noun_words(text, r) for r in (role, *same)))
    return sorted((m.start(), m.end()) for m in _PHRASE_WORD.finditer(text) if m.group(0).lower() in words)


#: Role nouns of one meaning ([same_roles]), by the stem of the asked one.
_SAME_ROLES = {tokenize(word)[-1]: others for word, others in wordmap("same_roles").items()}


def _noun_words(text: str, noun: str) -> set[str]:
    """The words of ``text`` (lower-cased) that name ``noun``: its stem ("advocate" for
    "advocates") or, for a noun of six letters or more, its first six letters
    ("organisations" for "organizations", "spokesperson" for "spokeswoman")."""
    want = tokenize(noun)
    return {
        w
        for w in (x.lower() for x in _PHRASE_WORD.findall(text))
        if tokenize(w) == want or (len(noun) >= 6 and w.startswith(noun[:6]))
    }


# -- a group's words -------------------------------------------------------------------------
_COLLECTIVE = wordlist("collective_nouns")
_FUNCTION = wordlist("function_words")
_NOT_GROUP = wordlist("not_group") | _FUNCTION


def group_asked(part: str) -> str | None:
    """The group noun whose words a "what did X say" part asks, when X is a plural or
    collective common-noun phrase with no name as its head ("What did the transgender
    advocates who ... say" -> "advocates", "What did Poland's government say" ->
    "government"), or None (a person's name, "the Clinton campaign's Doe", a singular role).
    The head is the last word before the first relative, preposition or auxiliary, as in
    :func:`role_asked`."""
    phrase = speaker_phrase(ask_of(part))
    if phrase is None:
        return None
    words: list[str] = []
    for w in phrase.split():
        if w.lower() in _ROLE_STOP or w.lower() in _FUNCTION:
            break  # "the announcement before Trump rallies" -> announcement
        words.append(w)
    if not words or len(words) > 5:
        return None
    head = unpossessive(words[-1].rstrip(".!,"))
    low = head.lower()
    if not head[:1].islower() or not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", low) or low in _NOT_GROUP:
        return None
    stems = tokenize(low)
    plural = low.endswith("s") and not low.endswith("ss") and bool(stems) and stems[0] != low
    return low if plural or low in _COLLECTIVE else None


def group_speaks(text: str, group: str, gap: int) -> bool:
    """Does ``text`` give ``group`` words: a word naming it (:func:`_noun_words`) is the
    subject of a speech verb of the lexicon within ``gap`` words ("advocates said", "a
    government spokesman told", "the aides, who ..., argued") or follows "according to"?"""
    low = normalise(text)
    keys = sorted(_noun_words(low, group))
    return bool(keys) and _subject_of_speech(low, keys, gap)


#: "Workers objected to ... . They also said that ...": a sentence opening on a capitalised
#: plural subject, and the next one on "They" and a speech verb within two words.
_THEY_SAID = re.compile(
    rf"(?:^|[.!?]\s+)(?P<subject>[A-Z][a-z]+s)\b[^.!?]*[.!?][\s”\"]+They\s+(?:[a-z]+\s+){{0,2}}?(?:{SPEECH_FORMS})\b"
)


def group_speaks_as_they(text: str, group: str) -> bool:
    """Does ``text`` give ``group`` words by "they" right after a sentence the group opens as
    its subject ("Workers objected to the company's attempts to relocate them. They also said
    that Verizon was trying to ship call-center jobs overseas")?"""
    return any(_noun_words(m.group("subject").lower(), group) for m in _THEY_SAID.finditer(text))


def names_group(text: str, group: str) -> bool:
    """Does ``text`` (a ledger record's speaker or role) name ``group``?"""
    return bool(_noun_words(normalise(text), group))


# -- the topic a person's words are asked on ---------------------------------------------------
#: "What did X say / tell Y / think about <topic>": a what-ask whose speech verb is followed,
#: later in the same clause, by "about" and the topic (never "who said ... about": the topic
#: there is the sentence's own, paraphrased; never "when asked about": that is the question
#: put to X, not what X spoke of).
_TOPIC_ASK = re.compile(
    rf"^\W*what\b[^?]*?\b(?:{alternation('topic_asked_verbs')})\b"
    r"(?P<between>[^?]*?)\babout\s+(?P<topic>[^?]+)",
    re.I,
)
_TOPIC_ENDS = wordlist("topic_ends")


def _topic_words(part: str) -> tuple[list[str], set[str]]:
    """The words of the topic phrase a "what did X say about <topic>" part asks X's words on
    (after "about", up to the first word of ``[topic_ends]``) and the stems of the speaker's
    own phrase; ([], set()) when the part asks no such topic."""
    ask = ask_of(part).strip()
    m = _TOPIC_ASK.match(ask)
    if m is None or re.search(r"\b(?:asked|questioned)\b", m.group("between"), re.I):
        return [], set()
    words: list[str] = []
    for w in _PHRASE_WORD.findall(undotted(m.group("topic"))):  # "D.C." one word, as tokenize reads it
        if w.lower() in _TOPIC_ENDS and words:
            break
        words.append(w)
    return words, set(tokenize(speaker_phrase(ask) or ""))


def topic_asked(part: str) -> set[str]:
    """The content stems of the topic a "what did X say about <topic>" part asks X's words on
    ("What did Roe say about the new toll on the bridge?" -> {"new", "toll"}), or an empty
    set. The topic is the noun phrase after "about" up to the first word that English uses to
    add the occasion, venue or time after it (``[topic_ends]``: "on This Week", "during the
    debate", "and ..."); function words and the speaker's own words are not the topic."""
    words, who = _topic_words(part)
    return {t for w in words if w.lower() not in _FUNCTION for t in tokenize(w)} - who


_OCCASION_ASK = re.compile(
    rf"^\W*what\b[^?]*?\b(?:{alternation('topic_asked_verbs')})"
    r"(?:\s+about\s+[^?]*?\b(?-i:[A-Z])[\w’'.-]*)?\s+"  # a name takes no "on" complement; a noun may
    rf"(?:{alternation('occasion_preps')})\s+"
    r"(?P<occasion>[^?,;]+)",
    re.I,
)
_TIME_WORDS = wordlist("time_nouns")
#: Words that are never an occasion's head: function words and [occasion_particles].
_NO_HEAD = _FUNCTION | wordlist("occasion_particles")


def occasion_asked(part: str) -> tuple[str, str] | None:
    """The occasion a "what did X say [about <topic>] on / at / during <occasion>" part names,
    as (the phrase, the stem of its head noun): "What did Roe say on the Sunday talk shows?"
    -> ("the Sunday talk shows", "show"); None for no such part, a named occasion ("on Face
    the Nation", "at Yale": a capitalised head, as a day or month name is) or a time ("on
    caucus night": ``[time_nouns]``; a figure). The phrase ends at its first function word
    after a content word but "of" ("at his news
    conference the party is overdue for" -> "his news conference"; "at the start of the
    debate" -> "debate"), and its head is its last word that is no particle ("on his flight
    back from Mexico" -> "flight", ``[occasion_particles]``). After a topic, only a topic
    ending in a name: "about Cruz on the Sunday shows" (a name takes no complement), not
    "about the vote's effect on stock markets"."""
    m = _OCCASION_ASK.match(ask_of(part).strip())
    if m is None:
        return None
    words: list[str] = []
    for w in _PHRASE_WORD.findall(m.group("occasion")):
        low = w.lower()
        if low in _FUNCTION and low != "of" and words and words[-1].lower() not in _FUNCTION:
            break  # "the start of the debate" goes on after "of"
        words.append(w)
    head = next((w for w in reversed(words) if w.lower() not in _NO_HEAD), None)
    if head is None or not head[:1].islower() or not head.isalpha() or head.lower() in _TIME_WORDS:
        return None
    stems = tokenize(head)
    return (" ".join(words), stems[0]) if stems else None


#: "What did X tell CNN ...", "What did X say on Face the Nation / at Yale / during CBS's
#: debate ...": a named addressee right after "tell" ("say Democrats should" names a clause's
#: subject), or a named venue after [occasion_preps], after a topic only when it ends in a
#: name, as in ``_OCCASION_ASK`` ("about the vote's effect on Medicare" is a complement).
_VENUE_ASK = re.compile(
    rf"^\W*what\b[^?]*?\b(?:(?:{alternation('addressee_verbs')})\s+|(?:{alternation('topic_asked_verbs')})"
    r"(?:\s+about\s+[^?]*?\b(?-i:[A-Z])[\w’'.-]*)?"
    rf"\s+(?:{alternation('occasion_preps')})\s+)(?:the\s+)?"
    r"(?P<venue>(?-i:[A-Z])[\w’'.&-]*(?:\s+(?:(?:the|and|of|&)\s+)?(?-i:[A-Z])[\w’'.&-]*)*)"
    r"(?P<after>\s+[A-Za-z]+)?",
    re.I,
)
_CALENDAR_WORDS = calendar_words()


def venue_named(part: str) -> tuple[str, list[str]] | None:
    """The named venue or addressee of a "what did X say on / at / during <Name>" or "what did
    X tell <Name>" part, as (the phrase, its name words in lower case): "What did Trump tell
    NBC's Meet the Press about ...?" -> ("NBC's Meet the Press", ["nbc", "meet", "press"]).
    None for no such part, a time ("on Tuesday", "in May": [weekdays] and the months), or a
    capitalised word that only qualifies a common noun after it ("during the Democratic
    debate": :func:`occasion_asked` reads that one)."""
    m = _VENUE_ASK.match(ask_of(part).strip())
    if m is None:
        return None
    after = (m.group("after") or "").strip().lower()
    if after and after not in _FUNCTION:
        return None  # "the Democratic debate": the head is the common noun
    venue = m.group("venue").rstrip(".")
    words = [unpossessive(w).strip(".’'").lower() for w in venue.split()]
    words = [w for w in words if len(w) >= 3 and w not in _FUNCTION and w not in _CALENDAR_WORDS]
    return (venue, words) if words else None


#: "the CBS News poll", "CNN's instant poll", "The New York Times editorial", "the Field Poll",
#: "the Reuters/Ipsos poll": a name (capitalised words, "of" and "&" inside), its possessive, up to
#: two lower-case modifiers or a month ("California's April poll"), then a noun of a sourced
#: finding ([sourced_findings]).
_SOURCE_ASK = re.compile(
    r"(?:\b(?:the|a|an)\s+(?P<name>(?-i:[A-Z])[\w./&-]*(?:\s+(?:(?:of|&)\s+)?(?-i:[A-Z])[\w./&-]*)*?)(?:['’]s?)?"
    r"|\b(?P<owner>(?-i:[A-Z])[\w./&-]*(?:\s+(?:(?:of|&)\s+)?(?-i:[A-Z])[\w./&-]*)*?)['’]s)"
    rf"(?:\s+(?:(?-i:[a-z])[\w-]*|{'|'.join(sorted(w.title() for w in _CALENDAR_WORDS))})){{0,2}}?"
    rf"\s+(?P<noun>{alternation('sourced_findings')})\b",
    re.I,
)


def source_named(part: str) -> tuple[str, list[str]] | None:
    """The named source of a finding a "what did <the Name poll / survey / editorial> find / show
    / say" part asks for, as (the name, its words in lower case): "What did the CBS News poll
    find about ...?" -> ("CBS News", ["cbs", "news"]); "What did CNN's instant poll find?" ->
    ("CNN", ["cnn"]); or a figure a named one gives ("By how many points did the Marquette poll
    show Clinton leading?", "How many of the Harvard poll's respondents ...?"). Only a part
    that asks "what" or "how", whose source comes before its verb; a month or a weekday in the
    name is no name of it ("Public Policy Institute of California's April poll" -> its words
    but "april"). None for no such part."""
    ask = ask_of(part).strip()
    if not re.match(r"^\W*(?:what|(?:by\s+)?how)\b", ask, re.I):
        return None
    m = _SOURCE_ASK.search(ask)
    if m is None:
        return None
    name = (m.group("name") or m.group("owner")).rstrip(".")
    words = [unpossessive(w).strip(".’'").lower() for w in re.split(r"[\s/]+", name)]
    words = [w for w in words if len(w) >= 2 and w not in _FUNCTION and w not in _CALENDAR_WORDS]
    return (name, words) if words else None


def sources_in(text: str) -> list[str]:
    """The names of the sources whose findings ``text`` gives by name, as :func:`source_named`
    reads one in a question: "A USA Today/Suffolk University poll released this week found ..."
    -> ["USA Today/Suffolk University"]."""
    return [(m.group("name") or m.group("owner")).rstrip(".") for m in _SOURCE_ASK.finditer(text)]


#: "How many of the (19) Democratic superdelegates ...": a part of a whole counted (group
#: "whole": its plural noun, within two modifiers; "n": a number the question gives it).
_HOW_MANY_OF = re.compile(
    r"\bhow\s+many\s+of\s+(?:the\s+|[A-Z][\w.-]*['’]s?\s+)?(?:(?P<n>\d[\d,]*)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?P<whole>[A-Za-z]+s)\b",
    re.I,
)
#: A count in a sentence: digits or a number word, not a year, a share or an amount.
_COUNT_IN_TEXT = re.compile(
    rf"(?<![\w$.,])(?P<n>\d[\d,]*|{alternation('number_words')})(?![\w%])(?!\s*(?:percent|per\s+cent)\b)",
    re.I,
)
#: Number words that count nothing by themselves ("all 40 councillors", "both of them").
_NO_COUNT = frozenset({"all", "both", "no", "none", "single", "half", "few", "several"})
#: The words before a number that make it the count of a whole: "the 714 superdelegates",
#: "all 99 counties".
_WHOLE_BEFORE = re.compile(r"\b(?:the|all|all\s+the|its|their)\s+$", re.I)


def whole_counted_only(part: str, sentences: list[str]) -> str | None:
    """For "How many of the <whole> ...?" (a part of a whole counted: "How many of the
    Democratic superdelegates are members of Congress?"), the whole's plural when every count
    in ``sentences`` is the whole's own ("The 714 superdelegates -- members of Congress,
    governors ... --", "Some of the 19 Turkish Americans": a number after "the" or "all"
    counting the whole, or the number the question gives it), and there is at least one;
    else None. "10 of the counties", "1,200 emails ... deemed classified" count a part."""
    m = _HOW_MANY_OF.search(part)
    if m is None:
        return None
    whole, given = m.group("whole").lower(), m.group("n")
    stem = re.escape(whole[:-1])
    own = 0
    for text in sentences:
        for n in _COUNT_IN_TEXT.finditer(text):
            number = n.group("n")
            if _YEAR.fullmatch(number) or number.lower() in _NO_COUNT:
                continue
            if number == given or (
                _WHOLE_BEFORE.search(text[: n.start()])
                and re.match(rf"\s+(?:[\w-]+\s+){{0,2}}?{stem}", text[n.end() :], re.I)
            ):
                own += 1
                continue
            return None  # a count of a part, or of something else: it may answer
    return whole if own else None


_DIGITS = re.compile(r"\d[\d,.]*\d|\d")


def only_given_figures(part: str, sentences: list[str]) -> bool:
    """Are the only figures of ``sentences`` ones ``part`` itself gives ("What share of the vote
    did Trump get in the poll that had Carson at 10 percent?" answered by "he fell to 10 percent
    in the latest poll"; "How many voters did the 50-state poll survey?" by "voters in all 50
    states")? Figures are digits (a year is none); a number word in the sentences ("three
    million fewer") may be the answer, so any leaves them alone, as does a part with no digits."""
    given = {d.replace(",", "") for d in _DIGITS.findall(part)}
    if not given:
        return False
    if any(w.lower() in _NUMBER_WORDS - _NO_COUNT for t in sentences for w in re.findall(r"[A-Za-z]+", t)):
        return False
    found = {d.replace(",", "") for t in sentences for d in _DIGITS.findall(t)}
    found = {d for d in found if not _YEAR.fullmatch(d)}  # a year is a time
    return bool(found) and found <= given


def topic_named(part: str) -> bool:
    """Does the topic of a "what did X say about <topic>" part (:func:`topic_asked`) hold a
    name, a capitalised word other than the speaker's own ("about Mayor Roe's bridge plan",
    "about the Harbor Act"; not "about the new toll")? News repeats a name as it is, where it
    paraphrases a common noun ("the agreement" for "the trade deal"): a topic with a name is
    one a passage on it names."""
    words, who = _topic_words(part)
    return any(w[:1].isupper() and not set(tokenize(w)) <= who for w in words)


def touches_topic(text: str, topic: set[str]) -> bool:
    """Does ``text`` hold a stem of the topic, or a word sharing its first six letters with
    one of six or more ("employee" for "employment", "nominating" for "nominee" does not)?"""
    held = set(tokenize(text))
    if topic & held:
        return True
    long = {t[:6] for t in topic if len(t) >= 6}
    return any(h[:6] in long for h in held if len(h) >= 6)


_FUTURE_ASKED = wordlist("future_asked")
_VIEW_VERBS = wordlist("view_verbs")
_FUTURE_TOLD = wordlist("future_told")
_PAST_AUXILIARY = frozenset({"did", "was", "were", "had"})
_CONTRACTED_WILL = re.compile(r"\w['’]ll\b", re.I)
#: A passive infinitive set apart or after "is", a thing still to be done: "the name is
#: being removed, to be replaced by ...", "the name is to be decided" (not one a verb takes: "she
#: hoped to be elected" tells a past hope; on r12_a, a check set, the bare infinitive
#: answered an unanswerable question).
_TO_BE_DONE = re.compile(r"(?:,|\b(?:is|are|was|were))\s+to\s+be\s+[a-z]+(?:ed|en)\b", re.I)


def future_asked(part: str) -> bool:
    """Does the part ask about a time yet to come ("On what date will Roe and Doe hold their
    next meeting?", "When is the hearing scheduled to start?")? A future word (``[future_asked]``)
    in the ask, with no past auxiliary ("what did Roe do the next day"), speech verb or verb
    of a view (``[view_verbs]``: "what does Roe think will happen") before it: after those,
    the future belongs to the words or view asked for, not to the asked event."""
    words = [w.lower() for w in re.findall(r"[\w'’]+", ask_of(part))]
    for k, w in enumerate(words):
        if w in _FUTURE_ASKED and not _will_noun(words, k):
            before = set(words[:k])
            return not (before & (_PAST_AUXILIARY | _VIEW_VERBS) or any(is_speech_form(b) for b in before))
    return False


#: Words before which "will" is the noun ("the will of the people", "whose will"), not the
#: modal verb ([will_noun_before]).
_WILL_NOUN_BEFORE = wordlist("will_noun_before")


def _will_noun(words: list[str], k: int) -> bool:
    """Is ``words[k]`` (lower case) the noun "will": after a possessive ("the patriarch's will")
    or a determiner ("the will", "whose will", "political will")? A modal "will" follows its
    subject ("Trump's campaign will ..."), never a possessive's "'s" right before it."""
    if words[k] != "will" or k == 0:
        return False
    before = words[k - 1]
    return before.endswith(("'s", "’s", "s'", "s’")) or before in _WILL_NOUN_BEFORE


_PRESENT_ASKED = re.compile(rf"\b(?:{alternation('present_asked')})\b", re.I)


def present_asked(part: str) -> bool:
    """Does the part ask about the present ("How much does the federal government currently
    spend ...?"): a present word (``[present_asked]``) in its ask, after no past auxiliary
    ("what did Roe currently ...")?"""
    ask = ask_of(part)
    m = _PRESENT_ASKED.search(ask)
    if m is None:
        return False
    return not {w.lower() for w in re.findall(r"[\w'’]+", ask[: m.start()])} & _PAST_AUXILIARY


def tells_future(text: str) -> bool:
    """Does ``text`` speak of something to come: its own "will" / "'ll", a passive infinitive
    ("to be replaced"), a plan, a schedule, an expectation or a time ahead (``[future_told]``)?"""
    if _CONTRACTED_WILL.search(text) or _TO_BE_DONE.search(text):
        return True
    words = [w.strip("'’").lower() for w in re.findall(r"[\w'’]+", text)]
    return any(
        w in _FUTURE_TOLD or (w.endswith(("'s", "’s")) and w[:-2] in _FUTURE_TOLD)
        for k, w in enumerate(words)
        if not _will_noun(words, k)
    )


#: The entity labels that name each kind of typed thing a "which / what <noun>" ask wants
#: (spaCy's labels stored at index time), by the word list of its nouns.
_TYPED_LABELS = {
    # the small tagger takes a town it does not know for an organisation ("in Dayton": ORG)
    "typed_place_nouns": frozenset({"GPE", "LOC", "ORG"}),
    # a country is also named by its people's adjective ("Russian hackers")
    "typed_country_nouns": frozenset({"GPE", "LOC", "ORG", "NORP"}),
    "typed_venue_nouns": frozenset({"FAC", "ORG", "GPE", "LOC"}),
    "typed_org_nouns": frozenset({"ORG"}),
    "typed_party_nouns": frozenset({"NORP", "ORG"}),
}
_TYPED_NOUNS = {w: labels for name, labels in _TYPED_LABELS.items() for w in wordlist(name)}
#: The typed nouns by their stem (the lexical stemmer's, as :func:`counted_noun` reads a
#: counted noun): a plural names its noun, "-ies" plurals too ("cities", "parties").
_TYPED_STEMS = {tokenize(w)[0]: w for w in _TYPED_NOUNS}
_WHICH_WHAT = re.compile(r"\b(?i:which|what)\s+")
#: A modifier before the asked noun: lower case, or one capitalised word (the place it lies
#: in: "which Ruritania town"), no function word ("what did the company say" asks the
#: company's words).
_TYPED_MODIFIER = re.compile(rf"(?!(?:{alternation('function_words')})\b)(?:[a-z-]+|[A-Z][a-z]+)\s+")
#: The asked noun: a whole lower-case word, not a possessive ("Which company's chief ...":
#: its head is another noun) nor the first part of a compound.
_TYPED_WORD = re.compile(r"[a-z]+\b(?!['’-])")
#: A place noun's possessive ("states'", "city's"): the thing of a place asks for the place.
_PLACE_OWNER = re.compile(r"([a-z]+)(?:['’]s|s['’])(?=\s)")
_OWNER_PLACES = wordlist("typed_place_nouns") | wordlist("typed_country_nouns")
#: Words between a kind and a role noun that show the kind is asked, not a modifier of the
#: role ("Which state did the senator ...").
_NOT_A_MODIFIER = wordlist("question_auxiliaries") | wordlist("role_determiners")
#: Nothing or a count between "which" and a place's possessive ("which four states'").
_COUNT_OR_NONE = re.compile(rf"(?:(?:{alternation('number_words')}|\d+)\s+)?", re.I)


def typed_noun(word: str) -> str | None:
    """The typed noun (``[typed_*_nouns]``) ``word`` is, itself or its plural ("cities" ->
    "city"), or None. A word the stemmer reads as a noun's without being its plural is not
    ("networking", "partied": :func:`plural`). The lexical stemmer, as :func:`counted_noun`
    and :func:`verb_forms` read question words, not a lemmatizer: the ask path loads no
    spaCy pipeline (questions are never parsed), and the inflect package takes about 2.7 s
    to import; the stemmer reads every typed noun's plural but the rare "stadia"."""
    if word in _TYPED_NOUNS:
        return word
    stems = tokenize(word) if plural(word) else []
    return _TYPED_STEMS.get(stems[0]) if len(stems) == 1 else None


#: "Where in Louisville ...", "Where in the United States ...": a place within a named one.
_WHERE_IN = re.compile(r"\W*(?i:where\s+in\s+)(?:the\s+)?[A-Z]")
_WHERE_IN_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG"})


def typed_ask(part: str) -> tuple[str, frozenset[str]] | None:
    """The kind of named thing a part asks for by "which / what <noun>" ("In which city did
    ...?" -> ("city", {GPE, LOC, ORG}); "Which parties back X?" -> ("party", {NORP, ORG}))
    and the entity labels that name it, or None. The ask after any statement before it
    (:func:`ask_of`); the noun (:func:`typed_noun`) within two modifiers after the question
    word, the nearest one; in lower case, as a common noun is ("Which University of
    Maryland economist" asks a person). "Where in <Name> ...?" asks a place within the named
    one ("Where in Louisville will the service be held?" -> ("place", {GPE, LOC, FAC, ORG})):
    a place, a building or a body that news names."""
    ask = ask_of(part)
    if _WHERE_IN.match(ask):
        return "place", _WHERE_IN_LABELS
    for m in _WHICH_WHAT.finditer(ask):
        at = m.end()
        for _ in range(3):
            word = _TYPED_WORD.match(ask, at)
            noun = typed_noun(word.group(0)) if word else None
            owner = _PLACE_OWNER.match(ask, at) if _COUNT_OR_NONE.fullmatch(ask, m.end(), at) else None
            place = typed_noun(owner.group(1)) if noun is None and owner is not None else None
            if owner is not None and place is not None and place in _OWNER_PLACES:
                # "Which four states' primaries ...", "Which state's delegation ...": a place's
                # thing asks for the place, as "which states" does; "Which country's leader
                # ..." asks a person by role
                after = _TYPED_WORD.match(ask, owner.end() + 1)
                if after is not None and _role_noun(after.group(0)) is not None:
                    return None
                return place, _TYPED_NOUNS[place]
            if noun is not None and word is not None:
                after = _TYPED_WORD.match(ask, word.end() + 1)
                if after is not None and _role_noun(after.group(0)) is not None:
                    return None  # "Which party chairman ...": a person by role, the kind modifies it
                then = _TYPED_WORD.match(ask, after.end() + 1) if after is not None else None
                if (
                    then is not None
                    and after is not None
                    and after.group(0) not in _NOT_A_MODIFIER
                    and _role_noun(then.group(0)) is not None
                ):
                    return None  # "Which state party chairman ...": two nouns before the role
                return noun, _TYPED_NOUNS[noun]
            modifier = _TYPED_MODIFIER.match(ask, at)
            if modifier is None:
                break
            at = modifier.end()
    return None


@lru_cache(maxsize=1)
def _contrasting_acts() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """The pairs of [contrasting_acts] as the lexical stems of each side, both ways round."""
    pairs = []
    for key, others in wordmap("contrasting_acts").items():
        a = frozenset(t for w in key.split(",") for t in tokenize(w))
        b = frozenset(t for w in others for t in tokenize(w))
        pairs += [(a, b), (b, a)]
    return tuple(pairs)


def act_contrasted(part: str, text: str) -> tuple[str, str] | None:
    """An act the question asks a figure of whose counterpart alone ``text`` tells
    ([contrasting_acts]: "How many people were wounded ...?" asked, "... killed 49 people"
    given), as (the question's word, the text's word), or None.

    News counts both sides of one event, and a near miss is answered with the other side's
    figure: the dead for the wounded, the jobs cut for the jobs added, the votes lost for the
    votes won. The question holds a form of one side and none of the other (outside its
    quotation marks; a participle after a determiner, "the losing candidate", modifies a
    noun); the text holds a form of the other side and none of the asked one, nor
    of a word of the same side ("injured" for "wounded")."""
    spans = quotation_spans(part)[0]
    bare = "".join(ch if not any(a <= i < b for a, b in spans) else " " for i, ch in enumerate(part))
    raw = _PHRASE_WORD.findall(bare)
    # "backed the losing candidate": a participle after a determiner modifies, it is not asked
    asked_words = {
        t: w
        for i, w in enumerate(raw)
        for t in tokenize(w)
        if not (i and w.endswith("ing") and raw[i - 1].lower() in _NP_START)
    }
    given_words = {t: w for w in _PHRASE_WORD.findall(text) for t in tokenize(w)}
    for side, other in _contrasting_acts():
        asked_stem = next((t for t in asked_words if t in side), None)
        if asked_stem is None or other & asked_words.keys() or side & given_words.keys():
            continue
        given_stem = next((t for t in given_words if t in other), None)
        if given_stem is not None:
            return asked_words[asked_stem].lower(), given_words[given_stem].lower()
    return None
