"""Opinion columns: a closing author line makes the column's own sentences its author's words.

An opinion column (an op-ed, a guest column) argues its writer's views without quotation
marks or speech verbs ("Clinton's plan is good policy that is also good politics."), and many
name the writer only in a closing line after the body: "Jane Roe is a lecturer in history at
Northfield College." No sentence of the body names its speaker, so neither the quotation rules
nor the parse (:func:`~assistant.quotes.extract_quotes`) attribute it, and a "which lecturer
argued ..." question had no speaker to give. The sibling of :mod:`assistant.quotes.letters`;
kept apart from ``extract.py`` for the same reason: this reads the page's layout (its last
paragraph), not a sentence's grammar.

Strict on purpose: a news story can end on "Roe is a spokeswoman for the agency." too. The
closing line counts only when it is the article's last paragraph, opens with a full name (two
to four capitalised words: a person by ``people.looks_like_person``; no title, but a
legislator's office is read past when the party and state follow the full name, "Rep. Jane
Roe, D-Ohio,") followed by a verb of the bio line (``[bio_verbs]``: "is", "chairs",
"teaches", ..., not "was") and a description, names one person (a line naming several writers
is left), holds no quotation, and the body does not name that person anywhere (a byline
paragraph "By ..." aside): a reporter's source is named in the story before the closing line
about them. Over all 924 PolNeAR articles the office and the verbs added one column (its
writer the byline's) and no other article; a description in apposition before a past post's verb
(``[bio_past_verbs]``: "M. Thomas Davis, a retired Army officer ..., taught ...") and a title
after the verb ("is Senior Editor-at-Large at ...") added two more (round 48) and no other."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.nlp import alternation, speech_verbs, wordlist
from assistant.nlp.text import paragraphs, split_sentences
from assistant.quotes.people import FULL_NAME, ROLE_NOUNS, clean_token, looks_like_person
from assistant.types import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: "<Name> is a/an/the/<lower-case word> ...": two to four capitalised words (initials allowed),
#: a legislator's party and state after them ("Rep. Jane Roe, D-Ohio, chairs ...": ``seat``)
#: then a verb of the bio line and a description ("is senior editor").
#: Or the name, a description in apposition and a verb of a past post ("M. Thomas Davis, a
#: retired Army officer who commanded ..., taught U.S. politics at West Point": [bio_past_verbs],
#: only after the description, which tells the line is about the writer). The description
#: after the verb may open with a title ("is Senior Editor-at-Large at ...").
_BIO = re.compile(
    rf"^(?P<name>{FULL_NAME})(?P<seat>,\s+[A-Z]-[A-Z][a-z]{{1,4}}\.,)?"
    r"(?P<appos>,\s+(?:a|an)\s+[a-z][^,;]{2,200}?,)?,?\s+"
    rf"(?:(?:{alternation('bio_verbs')})|(?P<past>{alternation('bio_past_verbs')}))\s+[A-Za-z]"
)
#: A title before the name ("Gov.", "Mr."): a report's line about an official, not a bio line.
_TITLED = re.compile(rf"^(?:{alternation('honorifics')})\b\.?", re.IGNORECASE)
#: Another "<Name> is" sentence in the closing paragraph: a line about several writers.
_ANOTHER = re.compile(rf"[.!?]\s+{FULL_NAME}\s+is\s+[a-z]")
#: A byline paragraph at the top ("By Jane Roe", "By Jane Roe, Special to the Times").
_BYLINE = re.compile(r"^By\s+[A-Z]")
_QUOTE_MARKS = re.compile("[\"“”‘]|(?<!\\w)'")
#: A closing bio line is short: at most this many characters.
_MAX_BIO = 400
#: A headline paragraph first in the text (at most this many words) is not the column's words.
_MAX_TITLE_WORDS = 25


def column_author(text: str) -> str | None:
    """The writer a column's closing bio line names, or None when the article has none."""
    paras = [w for w in (text[s:e].strip() for s, e in paragraphs(text)) if w]
    if len(paras) < 4:
        return None
    last = paras[-1]
    m = _BIO.match(last)
    if m is None or len(last) > _MAX_BIO or _QUOTE_MARKS.search(last) or _ANOTHER.search(last):
        return None
    if m.group("past") and not m.group("appos"):
        return None  # "Jane Roe taught there": a past line tells of someone else
    name = m.group("name")
    tokens = name.split()
    if m.group("seat") and len(tokens) > 2 and clean_token(tokens[0]).rstrip(".") in ROLE_NOUNS:
        # a legislator's office and seat around a full name ("Rep. Jane Roe, D-Ohio, chairs ...")
        tokens = tokens[1:]
        name = " ".join(tokens)
    if _TITLED.match(name) or not looks_like_person(tokens):
        return None
    surname = tokens[-1]
    body = [w for w in paras[:-1] if not _BYLINE.match(w)]
    if any(re.search(rf"\b{re.escape(surname)}\b", w) for w in body):
        return None
    return name


#: Verbs whose subject's view a sentence reports: the speech lexicon's lemmas that report a
#: clause or name something ("Roe argues that ...", "Roe has said ...", "Roe calls it ..."),
#: and the forms of the verbs of thinking and wanting ([view_verbs]: "Roe wants ...") and of a
#: stated stance ([stance_verbs]: "Roe blamed the deal"). A lexicon verb without those flags
#: ("continued", "responded") reports only with a clause of its own ("responded that ...").
_REPORTING_LEMMAS = frozenset(
    v.lemma
    for v in speech_verbs().values()
    if v.flags & {"clause", "naming"} and "clause-only" not in v.flags
)
_CLAUSE_LEMMAS = frozenset(speech_verbs())
_REPORTING_FORMS = wordlist("view_verbs") | wordlist("stance_verbs")
#: Subjects that are the writer (or the writer and the reader), or the sentence's own
#: argument ("This suggests ..."): the column's words, not another source's.
_WRITER_SUBJECTS = wordlist("column_own_subjects")


def _reporting(t: Token) -> bool:
    """Is token ``t`` a main verb of its sentence (the root, or a verb joined to it by "and")
    that reports its subject's view (:data:`_REPORTING_LEMMAS`)? A verb deeper down ("If Roe
    moderates ..., he offers what they want") tells the writer's argument about that view,
    and so does one after a modal ("Roe would argue ..."). A lexicon verb without a clause or
    naming flag counts only with a reported clause after it ("responded that ...")."""
    main = t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT")
    if t.pos_ not in ("VERB", "AUX") or not main:
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in t.children):
        return False  # "would recall", "may blame": the writer's supposition
    lemma = t.lemma_.lower()
    if lemma in _REPORTING_LEMMAS or t.lower_ in _REPORTING_FORMS:
        return True
    return lemma in _CLAUSE_LEMMAS and any(c.dep_ == "ccomp" and c.i > t.i for c in t.children)


def reports_another(doc: Doc, start: int, end: int) -> bool:
    """Does the sentence at ``[start, end)`` of ``doc`` report another source's view without
    quotation marks: a reporting verb (:func:`_reporting`) whose subject is someone other
    than the writer ("Roe argues that ...", "Critics have said ...", "Roe wants ..."), or
    "according to" someone? Such a sentence in a column gives its source's view, which the
    writer only relays (PolNeAR's annotators give it to that source)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for t in span:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            return True
        if not _reporting(t):
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ not in _WRITER_SUBJECTS:
            return True
    return False


def authored_sentences(doc_id: str, text: str, doc: Doc | None = None) -> list[Quote]:
    """One ledger record per sentence of a column's body, its closing bio line's writer the
    speaker (``kind="authored"``: the writer's own words, neither a quotation nor reported
    speech); [] for any other article. The headline, a byline paragraph, the bio line itself
    and a sentence holding quotation marks (another's words, or a title) are nobody's; with
    ``doc`` (the parse of ``text``) so is a sentence that relays another source's view
    (:func:`reports_another`). The caller drops the sentences that hold another's words
    (:func:`~assistant.quotes.extract_quotes`)."""
    name = column_author(text)
    if name is None:
        return []
    spans = [(s, e) for s, e in paragraphs(text) if text[s:e].strip()]
    body = spans[:-1]
    if body and len(text[body[0][0] : body[0][1]].split()) <= _MAX_TITLE_WORDS:
        body = body[1:]  # the headline
    out: list[Quote] = []
    for s, e in body:
        if _BYLINE.match(text[s:e].strip()):
            continue
        out += [
            Quote(speaker=name, quote=text[a:b], doc_id=doc_id, start=a, end=b, kind="authored")
            for a, b in split_sentences(text, s, e)
            if not _QUOTE_MARKS.search(text[a:b]) and (doc is None or not reports_another(doc, a, b))
        ]
    return out
