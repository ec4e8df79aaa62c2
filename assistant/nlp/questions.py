"""What a question asks for, read by rules: the person whose words it asks about, and
the type of answer it expects (a person, a time, a number).

Used to abstain for the right reason: a question about what someone *said* is not
answered by a sentence about them, and "how many" is not answered by a sentence with
no number in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.nlp import alternation
from assistant.nlp.text import normalise, quotation_spans, unaccented, unpossessive

_SPEECH = (
    r"say|said|tell|told|write|wrote|argue|argued|claim|claimed|describe|described|call|called|"
    r"warn|warned|predict|predicted|react|reacted|respond|responded|characteri[sz]e|"
    r"comment|commented|mean|meant|think|thought|suggest|suggested|object|objected|"
    r"demand|demanded|ask|asked|announce|announced|criticise|criticize|criticised|criticized|"
    r"recall|recalled|expect|expected|want|wanted|propose|proposed|urge|urged|post|posted"
)
#: "What did X say ...", "How did X describe ...", "What does X think ..."; an apposition
#: between commas after X is no part of X ("What did Geena Davis, Sarandon's co-star, say").
_ASKED = re.compile(
    rf"^(?:what|how|why|when|where|did|does|do|has|have|had)\b.*?\b(?:did|does|do|has|have|had|will|would)\s+"
    rf"(?P<who>(?:the\s+)?[\w.'’ -]{{2,60}}?)(?:,\s+[^,?]{{2,60}},)?\s+(?:{_SPEECH})\b",
    re.IGNORECASE,
)
#: A vote's margin asked by the vote: "By what vote did the court strike down ...?" (a number
#: asked, :data:`_HOW_MANY`; the margin, ``asked.named_quantity``).
BY_WHAT_VOTE = re.compile(r"\bby\s+what\s+(?:vote|tally)\b", re.I)
#: "How many/much ...", "how old/tall/far ...", "what (was the) rate/percentage/turnout ..."
#: (the quantity nouns of ``wordlists.txt``), "at what price ...".
_HOW_MANY = re.compile(
    rf"\bhow\s+(?:many|much|{alternation('how_adjectives')})\b"
    r"|\bwhat\s+(?:(?:was|is|were|will\s+be)\s+(?:the\s+|[\w.'’-]+['’]s\s+)?)?(?:[a-z]+\s+){0,2}"
    rf"(?:{alternation('quantity_nouns')})\b"
    r"|\bat\s+what\s+(?:rate|price|cost)\b"
    rf"|{BY_WHAT_VOTE.pattern}",
    re.I,
)
_NUMBER = re.compile(
    rf"\d|\b(?:{alternation('number_stems')})s?\b",
    re.I,
)
_CAP = re.compile(r"\b[A-Z][\w'’.-]*")
_PRONOUN = re.compile(
    r"^(?:he|she|they|it|you|we|i|the articles?|the article's|the report|the coverage)$", re.I
)


#: "According to <outlet>, ..." names a source to trust, not a subject of the question.
ACCORDING = re.compile(r"^\s*according\s+to\s+[^,]{1,60},\s*", re.I)


@dataclass
class Asked:
    """The speaker phrase of a "what did X say" question, and whether it has a name."""

    phrase: str
    named: bool


def speaker_phrase(question: str) -> str | None:
    """The words between the auxiliary and the speech verb of a "what did X say" question,
    without a leading article and of any length ("campaign aides who screen the lines"),
    or None. :func:`asked_speaker` keeps only a short one as a speaker."""
    m = _ASKED.search(question.strip())
    if m is None:
        return None
    return re.sub(r"^(?:the|a|an)\s+", "", m.group("who").strip(" ,"), flags=re.I)


def asked_speaker(question: str) -> Asked | None:
    phrase = speaker_phrase(question)
    if phrase is None:
        return None
    if not phrase or _PRONOUN.match(phrase) or len(phrase.split()) > 6:
        return None
    named = bool(_CAP.search(phrase))
    return Asked(phrase=phrase, named=named)


#: "..., according to USA Today?", "According to the Post, ...": the outlet the question trusts.
_SOURCE = re.compile(r"(?:^|,?\s+)according\s+to\s+[^,?]{1,60}(?=[,?.]|$),?", re.I)


def without_source(part: str) -> str:
    """The part without the source it cites ("How much had Trump spent, according to USA
    Today?" -> "How much had Trump spent?"): the source says who reports, not whom the
    figure is about."""
    return _SOURCE.sub("", part).strip() or part


#: "According to Jane Roe, what ...": a named source the question trusts, a person or an outlet.
_ACCORDING_NAME = re.compile(r"^\s*(?i:according\s+to)\s+(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}),")


def according_name(question: str) -> str | None:
    """The capitalised name a question opens on with "According to" ("According to Joel
    Benenson, which decision ..." -> "Joel Benenson"), or None ("According to the Post, ..."
    names no one by name). A person among the quote ledger's speakers is the one whose
    words the question asks; an outlet is none of them."""
    m = _ACCORDING_NAME.match(question)
    return m.group("who") if m is not None else None


def resolve_speaker(asked: Asked, ledger: Any) -> Any:
    """The ledger speaker an asked phrase names: by name/alias, else by a role whose
    capitalised words all occur in the speaker's name, aliases and roles."""
    sp = ledger.find_speaker(asked.phrase)
    if sp is not None:
        return sp
    want = [unpossessive(unaccented(w.lower())) for w in re.findall(r"[\w'’.-]+", asked.phrase)]
    want = [w for w in want if len(w) > 1]
    if not want:
        return None
    for cand in ledger.speakers():
        hay = unaccented(" ".join([cand.name, *cand.aliases, *cand.roles]).lower())
        if all(w in hay for w in want):
            return cand
    return None


_TIME_ASKED = alternation("asked_time_nouns")
#: A *when* question: "when", "what day/date/time/year/month/week", and any time noun of
#: ``asked_time_nouns`` asked with a preposition before it or a verb after it ("On which
#: night did ...", "By what deadline was ...") -- not one that modifies another noun
#: ("Which morning show ...").
_WHEN = re.compile(
    r"\bwhen\b|\bwhat (?:day|date|time|year|month|week)\b|\bwhich (?:day|date|month|year)\b"
    rf"|\b(?:on|by|in|at|during|until|before|after|since)\s+(?:what|which)\s+(?:{_TIME_ASKED})\b"
    rf"|\b(?:what|which)\s+(?:{_TIME_ASKED})\s+(?:did|does|do|is|was|were|are|will|would|had|has|have)\b"
    r"|\bhow (?:long|soon)\b",
    re.IGNORECASE,
)


def asks_when(question: str) -> bool:
    """Whether ``question`` asks for a time ("when", "what day", "how long", ...)."""
    return bool(_WHEN.search(question))


def wants_number(question: str) -> bool:
    return bool(_HOW_MANY.search(question))


def has_number(text: str) -> bool:
    return bool(_NUMBER.search(text))


#: A question's auxiliary: after a wh-word it makes the words that follow a clause of their own.
_AUX = r"(?:did|does|do|is|was|were|are|has|have|had|will|would|could)"
#: A preposition that can front an ask ("by how much", "on which day").
_PREP = r"(?:on|in|at|by|for|from|with|to|since|until|after|before|over)"
#: An amount asked for, perhaps hedged: "how much", "roughly how much", "up to how many"
#: (the hedges are ``[estimate_words]``).
_HOW_AMOUNT = rf"(?:(?:{alternation('estimate_words')})\s+)?how\s+(?:long|many|much|often|soon|far)"
#: An ask fronted by a preposition: "with what crime", "on which day", "by (roughly) how much".
_FRONTED = rf"{_PREP}\s+(?:(?:what|which|whom)(?:\s+[a-z]+)?|{_HOW_AMOUNT})"
_SPLIT_AND = re.compile(
    r"(?:,\s*|;\s*|\s+)(?:and|but|also)\s+(?=(?:which|who|whom|whose|what|when|where|why|how|did|does|do|is|was)\b"
    rf"|{_PREP}\s+(?:what|which|how|whom)\b|(?:{_PREP}\s+)?{_HOW_AMOUNT}\b)",
    re.I,
)
#: A part that is only a fronted ask with a preposition, its clause left out: "..., and with
#: what crime?", "..., and by how much?" (the clause is the part's before it).
_ELLIPSIS = re.compile(
    rf"^{_FRONTED}\s*\??$",
    re.I,
)
#: The ask a clause opens with: "When", "Who", "What crime", "How many people", "On which day".
_LEAD_ASK = re.compile(
    r"^(?:(?:on|in|at|by|for|from|with|to)\s+)?(?:how\s+(?:long|many|much|often|soon|far)|who|whom|when|where|why"
    r"|what|which)\b\s*",
    re.I,
)
#: A comma before a further ask in a list of asks ("Who organised it, how many came, and where
#: was it?"). "when"/"where"/"why" also open a relative clause ("in May, when ..."): an ask only
#: with the auxiliary of a question after them ("where was it held"); "who"/"which" only after
#: a word that is no noun ("How long did it last, who ended it", not "the senator, who ...").
_LIST_COMMA = re.compile(
    rf",\s*(?=(?:how|what)\b|(?:when|where|why)\s+{_AUX}\b"
    r"|(?P<rel>who|which)\b)",
    re.I,
)
_WH = (
    r"(?:how\s+(?:long|many|much|often|soon)|on\s+what\s+date|in\s+what\s+year|what\s+date"
    r"|(?:on|in|at|from|for|by|with|to)\s+(?:what|which)\s+[a-z]+"  # "When and on which program ..."
    r"|who|whom|what|when|where|why|which)"
)
_LIST = re.compile(rf"^\s*(?P<list>{_WH}(?:\s*,\s*{_WH})*\s*,?\s*and\s+{_WH})\s+(?P<rest>.+)$", re.I)


#: "... say on A and on B?", "... about A, and about B?": one stem, a repeated preposition.
_SPLIT_PP = re.compile(
    r"^(?P<stem>.*?\b(?P<p>about|on|in|at|to|for|with|from|over|regarding))\s+(?P<a>.+?),?\s+and\s+"
    r"(?:also\s+)?(?P=p)\s+(?P<b>.+)$",
    re.I,
)
#: "A and B both ... . What did each say?": one part per person.
_EACH = re.compile(r"\beach(?:\s+of\s+them)?\b", re.I)
_PAIR = re.compile(
    r"\b((?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’.-]+)\s+and\s+((?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’.-]+)"
)
#: A statement's end before the question (not "Mr." or "Gov.": three lower-case letters first).
_SENTENCE_END = re.compile(r"(?<=[a-z]{3}[.!])\s+(?=[A-Z])")
#: The same end before one part of a split question: :func:`split_question` writes each
#: later ask after the statement as the question had it, in lower case ("... rally. which
#: super PAC ran the ad?"), so a lower-case ask starts a sentence here too; so does one after a
#: topic's colon (:data:`_TOPIC`: "On Sanders: how many voters did he win?").
_PART_ASK_START = re.compile(r"(?<=[a-z]{3}[.!])\s+(?=[A-Za-z])|(?<=:)\s+(?=[a-z])")


#: A topic given before a colon ahead of the asks ("On Sanders: how many ..., and what ...?",
#: "Two speeches: ..."): like a statement before the question, it stands before every part.
_TOPIC = re.compile(r"[^:?!.]{2,60}?:\s+(?=[a-z])")


def split_question(question: str, topic: bool = True) -> list[str]:
    """The parts of a multi-part question: "A, and which of them B?" -> [A, which of them B];
    "How long, who, and on what date ...?" -> one part per asked-for thing; "What did X say
    on A and on B?" -> one part per repeated preposition; "X and Y both ... . What did each
    say?" -> one part per person, and so "What did X and Y each say ...?" and "How did X
    and Y differ on ...?" (:func:`_per_person`); else [question]. A statement before the
    question ("Pence went on two Sunday shows. What did he say ...?") is kept in front of
    every part, and so is a topic before a colon ("On Sanders: how many ..., and what ...?")
    unless ``topic`` is false: each part's own search leaves it out (the whole question's
    search holds its words; in a part's it outweighed the part's own ask: "Two long speeches:
    ..., and how long was Trump's acceptance address?" found the other speech again).

    Quoted words are the speaker's, not the question's: a sentence end or an "and who"
    inside quotation marks ("Who said "Fares rise. Routes shrink", and who said ...?")
    neither ends the statement nor splits the question (:func:`_masked`)."""
    q = question.strip()
    masked = _masked(q)
    cuts = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(masked)]
    preamble = " ".join(_pieces(q, cuts)[:-1])
    start = cuts[-1][1] if cuts else 0
    given = _TOPIC.match(masked, start)
    if given:  # "On Sanders: how many voters did he win, and what share ...?"
        if topic:
            preamble = f"{preamble} {q[given.start() : given.end()].strip()}".strip()
        start = given.end()
    parts = [x for p in _split_ask(q[start:], masked[start:], preamble) for x in _per_person(p)]
    if len(parts) == 1:
        return [q]
    return [f"{preamble} {p}" if preamble else p for p in parts]


_PERSON = r"(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’.-]+"
#: "A and B each/both ...", "A and B differ ...": two people asked about one by one.
_TWO_EACH = re.compile(rf"\b(?P<a>{_PERSON})\s+and\s+(?P<b>{_PERSON})\s+(?:each|both)\s+")
_TWO_COMPARED = re.compile(
    rf"\b(?P<a>{_PERSON})\s+and\s+(?P<b>{_PERSON})\s+(?=(?:{alternation('comparison_verbs')})\b)"
)


def _per_person(part: str) -> list[str]:
    """One part per person when a part asks two named people the same thing one by one:
    "What did A and B each say about X?" -> what did A say, what did B say; "How did A and
    B differ on X?" -> how did A, how did B (each one's side of it). "What did A and B say
    about X?" stays whole (a joint statement is an answer). Quoted words are not read."""
    masked = _masked(part)
    for rx in (_TWO_EACH, _TWO_COMPARED):
        m = rx.search(masked)
        if m is None:
            continue
        run = part[m.start("a") : m.end("a")]
        a, b = _drop_question_words(run), _drop_question_words(part[m.start("b") : m.end("b")])
        if not a or not b:
            continue
        head = part[: m.start("a") + run.rfind(a)]  # "What did " (and a dropped "Both ")
        return [f"{head}{name} {part[m.end() :]}" for name in (a, b)]
    return [part]


def _drop_question_words(name: str) -> str:
    """A captured run of capitalised words without a leading question word or "Both"."""
    words = name.split()
    while words and (words[0] in _QWORDS or words[0] == "Both"):
        words = words[1:]
    return " ".join(words)


def ask_of(question: str) -> str:
    """The question itself, without a statement before it ("Pence went on two Sunday shows.
    What did he say ...?" -> "What did he say ...?"); quoted sentence ends do not count."""
    q = question.strip()
    cuts = list(_SENTENCE_END.finditer(_masked(q)))
    return q[cuts[-1].end() :] if cuts else q


def part_ask(part: str) -> str:
    """:func:`ask_of` for a part :func:`split_question` wrote: the ask after the statement,
    a later part's lower-case ask included ("Roe spoke. which paper ran it?" -> "which
    paper ran it?")."""
    q = part.strip()
    cuts = list(_PART_ASK_START.finditer(_masked(q)))
    return q[cuts[-1].end() :] if cuts else q


#: A subject pronoun right after an auxiliary or a clause's wh-word ("What did he say",
#: "In which town did it happen", "When she announced"): the words are data
#: (``[subject_openers]``, ``[subject_pronouns]`` in wordlists.txt).
_PRONOUN_SUBJECT = re.compile(
    rf"\b(?:{alternation('subject_openers')})\s+(?:{alternation('subject_pronouns')})\b",
    re.I,
)


def pronoun_subject(ask: str) -> bool:
    """Whether ``ask`` (a part's ask, :func:`part_ask`) has a pronoun for its subject ("What
    did he say on the radio?", "In which town did it happen?"): it then takes that subject
    from the statement before it. A pronoun elsewhere -- an object ("the petition to ban
    him"), a possessive ("her handling of ..."), or one bound to the ask's own subject
    ("which aide said he would quit?") -- leaves the ask a subject of its own. Quoted words
    are not read."""
    return bool(_PRONOUN_SUBJECT.search(_masked(ask)))


def _masked(q: str) -> str:
    """``q`` with every character inside quotation marks but white space read as "x" (the
    same length, so offsets found in it cut ``q``)."""
    out = list(q)
    for a, b in quotation_spans(q)[0]:
        out[a:b] = ["x" if not ch.isspace() else ch for ch in q[a:b]]
    return "".join(out)


def _pieces(q: str, cuts: list[tuple[int, int]]) -> list[str]:
    """``q`` cut at the ``(start, end)`` spans (dropped), as ``re.split`` would."""
    out, at = [], 0
    for a, b in cuts:
        out.append(q[at:a])
        at = b
    return [*out, q[at:]]


def _split_ask(q: str, masked: str, preamble: str) -> list[str]:
    m = _LIST.match(masked)
    if m:
        listed = q[m.start("list") : m.end("list")]
        whs = [w.strip() for w in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", listed) if w.strip()]
        if len(whs) > 1:
            rest = q[m.start("rest") : m.end("rest")]
            return [f"{w[:1].upper()}{w[1:]} {rest}" for w in whs]
    cuts = [(m.start(), m.end()) for m in _SPLIT_AND.finditer(masked) if _whole_ask(masked, m)]
    if cuts:
        cuts = sorted(cuts + _list_commas(masked[: cuts[-1][0]]))
    pieces = [p.strip(" ,;") for p in _pieces(q, cuts)]
    pieces = [p for p in pieces if len(p.split()) >= 3]
    if len(pieces) > 1:
        pieces = [_unellipsed(p, pieces[k - 1]) if k else p for k, p in enumerate(pieces)]
        return [p if p.endswith("?") else f"{p}?" for p in pieces]
    m = _SPLIT_PP.match(masked)
    if m and len(m.group("a").split()) <= 12:
        stem = q[m.start("stem") : m.end("stem")]
        a, b = q[m.start("a") : m.end("a")].rstrip(" ,"), q[m.start("b") : m.end("b")].rstrip(" ?")
        if re.match(r"(?:what|which)\b", a, re.I) and "," in b:
            # "On what day, and on which show, did X ...?": both asks share the clause after
            b, rest = (x.strip() for x in b.split(",", 1))
            return [f"{stem} {a} {rest}?", f"{stem} {b} {rest}?"]
        return [f"{stem} {a}?", f"{stem} {b}?"]
    pair = _PAIR.search(preamble)
    each = _EACH.search(masked)
    if pair and each and _drop_question_words(pair.group(1)) == pair.group(1).removeprefix("Both "):
        names = (pair.group(1).removeprefix("Both "), pair.group(2))
        return [f"{q[: each.start()]}{name}{q[each.end() :]}" for name in names]
    return [q]


def _list_commas(head: str) -> list[tuple[int, int]]:
    """The commas of ``head`` (the question before its last "and <ask>") that open a further
    ask of a list: "Who organised the rally, how many attended(, and where ...)". Each cut
    ask must run to the next cut or the end without a comma of its own (a comma after it
    would make it an aside: "X, what he called a win, ..."), hold three words or more, and
    follow an ask of three words or more (not a fronted phrase: "At the forum, what ...")."""
    out: list[tuple[int, int]] = []
    marks = list(_LIST_COMMA.finditer(head))
    for k, m in enumerate(marks):
        before = head[marks[k - 1].end() if k else 0 : m.start()]
        after = head[m.end() : marks[k + 1].start() if k + 1 < len(marks) else len(head)]
        if "," not in after and len(after.split()) >= 3 and _ASK_START.match(before):
            if m.group("rel") is None or not _after_noun(head, m.start()):
                out.append((m.start(), m.end()))
    return out


_ASK_START = re.compile(
    r"\s*(?:(?:on|in|at|by|for|from|with|to)\s+(?:what|which)|how|who|whom|what|when|where|why|which"
    r"|did|does|do|is|was|were|are|has|have|had)\b\s+\S+\s+\S+",
    re.I,
)


def _after_noun(text: str, comma: int) -> bool:
    """Whether the word before ``text[comma]`` is a noun, a name or a number (spaCy's tag in
    the question's own parse): a "who"/"which" after it opens a relative clause. The parse
    is read only here, for a comma before "who"/"which" in a list of asks (rare)."""
    from assistant.nlp.parse import parse_one  # the model loads only when needed

    doc = parse_one(text)
    before = [t for t in doc if t.idx + len(t.text) <= comma]
    return bool(before) and before[-1].pos_ in {"NOUN", "PROPN", "NUM"}


#: A fronted ask with a clause of its own right after it: "by how much did ridership fall",
#: "in which city was it held", "in which Arizona city did ..." (up to three words name the thing
#: asked); not "on which show, did X ...": a comma ends the phrase there.
_FRONTED_CLAUSE = re.compile(
    rf"(?:{_FRONTED}|{_PREP}\s+(?:what|which|how\s+(?:many|much))(?:\s+[\w'’-]+){{1,3}}?)\s+{_AUX}\b",
    re.I,
)


#: The words that open an ask of its own: a wh-word, an auxiliary, a hedged amount.
_OPENS_ASK = re.compile(
    rf"(?:which|who|whom|whose|what|when|where|why|how|did|does|do|is|was)\b|{_HOW_AMOUNT}\b", re.I
)


def _whole_ask(masked: str, m: re.Match[str]) -> bool:
    """An "and" before a wh-word opens a further ask; one before a preposition and a wh-word
    only when that ask has a clause of its own ("and by how much did ridership fall?") or runs
    to the question's end ("..., and with what crime?"), not "On
    what day, and on which show, did X ...?" (both asks of one clause, :data:`_SPLIT_PP`)."""
    rest = masked[m.end() :]
    if _OPENS_ASK.match(rest):
        return True
    if _FRONTED_CLAUSE.match(rest):
        return True
    nxt = _SPLIT_AND.search(rest)
    return bool(_ELLIPSIS.match(rest[: nxt.start() if nxt else len(rest)].strip(" ,;?")))


def _unellipsed(part: str, before: str) -> str:
    """An elliptical part ("with what crime?") with the clause of the part before it, its
    own ask dropped: "When was the officer charged" -> "With what crime was the officer
    charged?". Any other part unchanged."""
    ask = part.rstrip(" ?")
    if not _ELLIPSIS.match(ask):
        return part
    m = _LEAD_ASK.match(before)
    clause = before[m.end() :] if m else ""
    clause = re.sub(rf"^[a-z]+\s+(?={_AUX}\b)", "", clause)
    clause = clause.rstrip(" ?")
    if len(clause.split()) < 2:
        return part
    return f"{ask[:1].upper()}{ask[1:]} {clause}?"


# -- names and quoted phrases a question mentions (retrieval boosts them, the extractive
# backend checks the sources name them) ------------------------------------------------
_QUOTED = re.compile(r"[\"“]([^\"”]{2,})[\"”]|'([^']{4,})'")
_NAME = re.compile(r"(?<![.?!]\s)(?<!^)\b([A-Z][a-zA-Z'’.-]+)")
_QWORDS = {
    "Who",
    "What",
    "When",
    "Where",
    "Why",
    "How",
    "Which",
    "Did",
    "Does",
    "Do",
    "Is",
    "Are",
    "Was",
    "Were",
    "According",
    "And",
    "The",
    "In",
    "On",
    "I",
}


def question_names(question: str) -> list[str]:
    """Capitalised words that are not sentence-initial question words (names, places)."""
    names = [unpossessive(m).rstrip(".") for m in _NAME.findall(question)]
    return [m for m in names if m not in _QWORDS and len(m) > 1]


_FULL = re.compile(r"\b[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+")


def full_names(question: str) -> list[str]:
    """Runs of two or more capitalised words, question words dropped ("Justin Trudeau")."""
    out = []
    for m in _FULL.findall(question):
        parts = [p for p in m.split() if p not in _QWORDS]
        if len(parts) >= 2:
            out.append(" ".join(parts))
    return out


def quoted_phrases(question: str) -> list[str]:
    return [a or b for a, b in _QUOTED.findall(question)]


_CAMEL = re.compile(r"[A-Z][a-z]*")


def outlet_named(name: str, outlets: list[str] | set[str]) -> bool:
    """Is ``name`` (a capitalised run of a question) one of ``outlets`` (the indexed articles'
    outlet metadata), in full or in a short form news and readers use: the full name without
    "The" ("Washington Post"), its initials ("NYT" for The New York Times) or its words cut to
    their first letters and run together ("HuffPost" for The Huffington Post, "WaPo" for The
    Washington Post). A short form must stand for every word of the outlet's name, so a place
    an outlet is named after ("New York", "Washington") is not taken for it."""
    n = normalise(unpossessive(name)).strip(".")
    n = n[4:] if n.startswith("the ") else n
    pieces = [p.lower() for p in _CAMEL.findall(name.replace(".", ""))]
    for outlet in outlets:
        words = normalise(outlet).split()
        words = words[1:] if words[:1] == ["the"] and len(words) > 1 else words
        if n == " ".join(words):
            return True
        if " " in n or len(words) < 2 or len(pieces) != len(words):
            continue
        if n.replace(".", "") == "".join(w[0] for w in words):
            return True  # initials: "NYT", "N.Y.T."
        if all(len(p) >= 2 and w.startswith(p) for p, w in zip(pieces, words, strict=True)):
            return True  # clipped words run together: "HuffPost", "WaPo"
    return False
