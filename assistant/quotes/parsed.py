"""Direct-quote attribution on spaCy's parse: the cue verb, its subject, the named entity.

For a direct quote the speaker is found, in order:

1. **A cue after the quote** in the same sentence (``“…,” Ms. Roe said``, ``“…,” said
   Senator Doe``): the first speech verb (lemma in :func:`assistant.nlp.speech_verbs`)
   among the words between the closing mark and the end of the sentence or the next quote.
2. **A cue before the quote** in its sentence (``Roe said in a statement: “…”``,
   ``Doe, a professor at X, said: “…”``): the last speech verb before the opening mark.
3. **A colon introducing the quote** with no speech verb (``Doe made clear the
   ramifications: “…”``): the subject of the clause the colon ends.
4. **A speaker line**: a short paragraph ending in a colon just before the quote's
   paragraph (``STATE ATTORNEY GENERAL JANE ROE, IN A STATEMENT:``): the name it opens with.
5. **A framing verb**: a quote that opens its sentence and ends in a comma, ``?`` or ``!``,
   followed at once by a name and a verb of any kind (``“…,” Toomey fumed``).
6. **A signature on the quote's line**: ``“…” ― Jane Roe``, ``“…” — Roe, a nurse.``, for a
   quote that opens its sentence (after words quoted inside a sentence, a dash and a name
   are the story's byline).
7. **Narration before a bare quote** (nothing follows the quote in its paragraph): a
   signature line after it (``- Jane Roe.``), else the named subject of the sentence or
   paragraph of narration just before it (``Roe touted her record. “We need …”``).

A cue after the quote that carries its own clause (``… “lied.” Doe called Roe a liar``)
reports something else; an indefinite description (``a longtime adviser``) is someone new,
never a person already named (the resolver's rule).

The speaker of a cue is its nominal subject (``nsubj``), the agent of a passive, the object
of ``according to``, or, for a relative clause (``Doe, who said``), the noun it modifies; a
verb in a coordination or a participle clause (``…, adding``) takes its head's subject.
The subject is widened to the named entity holding it (or its compound proper-noun chain);
pronouns and descriptions go back to the caller's resolver, which picks the nearest
compatible named person or body or gives ``None``. Quotes with no cue are left to the
caller (which inherits the previous quote's speaker).

Only the parse's general structure of English is used: no names, no article quirks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.nlp import speech_verbs, wordlist
from assistant.nlp.text import ANY_DOUBLE_MARK, unpossessive
from assistant.quotes.people import ORG_WORDS, PERSON_NOUNS, ROLE_NOUNS
from assistant.quotes.transcripts import SPEAKER_TAG
from assistant.settings import QuotesSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Entity labels of the names of places and bodies ("the United States", "the Gulf States").
_PLACE_OR_BODY = frozenset({"GPE", "LOC", "ORG", "FAC"})
#: Entity labels that can say something.
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_SUBJ = frozenset({"nsubj", "csubj"})
_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis", "xcomp"})
_PRONOUNS = frozenset("he she they it i we you who which that this these those one".split())
#: Prepositions whose object a speech verb reports: "called for", "complained about" (not
#: "to" and "with", who heard it, nor "on", where: "said on Sunday's talk show").
_REPORTED_PREPS = frozenset({"for", "about", "against"})
#: Speech verbs whose noun-phrase object is not what is said: who is named or
#: characterised ("called him …"), who is told or asked ("told reporters").
_OBJECT_NOT_SAID = frozenset(v.lemma for v in speech_verbs().values() if v.flags & {"naming", "addressee"})
#: Speech verbs that report only a clause or a quotation: their object or infinitive is
#: something held or done ("maintains a wide lead", "continued to trail").
_CLAUSE_ONLY = frozenset(v.lemma for v in speech_verbs().values() if "clause-only" in v.flags)

_POSSESSIVE_EDGES = re.compile(r"^['’]s\s+|['’]s?$")
#: A transcript's turn: a quotation that opens with a name in capitals and a colon.
_TURN = re.compile(rf"[\"“‘'`\s]*({SPEAKER_TAG}):\s")


def bare_name(text: str, leading: bool = False) -> str:
    """An entity's words without the possessive the recogniser took in (``Roe’s`` ->
    ``Roe``); with ``leading``, also one it took in before the name (``Here’s Roe``)."""
    return (_POSSESSIVE_EDGES.sub("", text) if leading else unpossessive(text)).strip()


@dataclass(frozen=True)
class Hit:
    """A speaker found on the parse for one quote."""

    kind: str  # "name" | "org" | "pronoun" | "desc" | "caps" | "word"
    text: str  # the speaker's words as written (entity, pronoun or description)
    pos: int  # offset of the speaker's words
    cue: str  # the cue's words
    cue_start: int
    cue_end: int
    how: str  # "after" | "before" | "colon" | "line"


class ParsedArticle:
    """One article's parse, with the quote regions to look around."""

    def __init__(
        self, doc: Doc, regions: list[tuple[int, int]], tuning: QuotesSettings | None = None
    ) -> None:
        t = tuning or QuotesSettings()
        #: words after a quote a cue may stand and still be its own ("“…,” Roe said"); tokens
        #: before it searched for a cue
        self.after_limit, self.before_limit = t.cue_after_words, t.cue_before_tokens
        self.doc = doc
        self.text = doc.text
        self.regions = sorted(regions)
        self.lemmas = frozenset(speech_verbs())
        self.forms = frozenset(f for v in speech_verbs().values() for f in v.forms)
        #: the entity over each token index (``doc.ents`` builds every entity on each read)
        self._ent_at: dict[int, Span] = {i: e for e in doc.ents for i in range(e.start, e.end)}
        #: the last words of the article's multi-word PERSON entities (:meth:`tagged_surname`)
        self._surnames: frozenset[str] | None = None
        #: a transcript quoted turn by turn: two speakers or more, three turns or more
        labels = [m.group(1) for a, b in self.regions if (m := _TURN.match(self.text, a + 1, b))]
        self.dialogue = len(labels) >= 3 and len(set(labels)) >= 2

    # -- helpers ---------------------------------------------------------------------------
    def inside(self, char: int) -> bool:
        return any(a <= char < b for a, b in self.regions)

    def not_done(self, t: Token) -> bool:
        """Whether verb ``t`` is what someone did not do: the object of "without", "instead
        of" or "rather than" ("instead of denying poor families care, the governor ...")."""
        if t.dep_ != "pcomp":
            return False
        prep = t.head
        before = self.doc[prep.i - 1].lower_ if prep.i > 0 else ""
        return prep.lower_ == "without" or (prep.lower_ in ("of", "than") and before in ("instead", "rather"))

    def inside_name(self, char: int) -> bool:
        """Whether the capitalised word at ``char`` is inside the name of a place or body the
        parse found, after its first word ("the United States", "the Gulf States"): no verb
        of speech. (A title-case headline the parser reads as one person's name, "Roe Claims
        Doe Most Qualified", keeps its cue.)"""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or not len(span):
            return False
        t = span[0]
        return t.ent_iob_ == "I" and t.ent_type_ in _PLACE_OR_BODY and t.text[:1].isupper()

    def tokens_between(self, lo: int, hi: int) -> list[Token]:
        span = self.doc.char_span(lo, hi, alignment_mode="contract")
        if span is None:
            return []
        return [t for t in span if not self.inside(t.idx)]

    def is_cue(self, t: Token) -> bool:
        if t.pos_ == "VERB" and any(
            c.dep_ in ("prt", "advmod")
            and c.i == t.i + 1
            and (c.lower_ == "back" or (c.lower_ == "on" and t.lemma_ == "go"))
            for c in t.children
        ):
            return True  # a retort or a continuation: "shot back", "fired back", "went on"
        if t.text.isupper() and len(t.text) > 1:
            return False  # a headline in capitals ("… IN OTHER STATES - …"): no verb of speech
        if self.inside_name(t.idx):
            return False  # a word inside a name ("the United States", "the Gulf States")
        if self.not_done(t):
            return False  # "instead of denying them care", "without saying so": not said
        if t.lemma_.lower() not in self.lemmas and not (
            t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to"
        ):
            return False
        if t.lower_ == "according":
            return True
        if t.pos_ not in ("VERB", "AUX"):
            return False
        # "will say", "declined to say": not a report of speech
        return not any(
            c.dep_ == "aux" and c.lower_ in ("to", "will", "would", "could", "may") and not self.modal_name(c)
            for c in t.children
        )

    @staticmethod
    def modal_name(tok: Token) -> bool:
        """A capitalised modal before a past or third-person verb with no other auxiliary is
        a name (``…,” Will wrote``, ``Will urged``): a modal takes the bare verb."""
        return (
            tok.tag_ == "MD"
            and tok.dep_ == "aux"
            and tok.text[:1].isupper()
            and not tok.text.isupper()
            and tok.head.tag_ in ("VBD", "VBZ", "VBN")
            and not any(c.dep_ in ("aux", "auxpass") and c.i != tok.i for c in tok.head.children)
        )

    def subject(self, cue: Token) -> Token | None:
        if cue.lower_ == "according":
            # "Roe said, according to CNN": the outlet relays, the subject of "said" speaks
            prev = cue.i - 1
            while prev >= 0 and self.doc[prev].is_punct:
                prev -= 1
            for verb in (cue.head, self.doc[prev] if prev >= 0 else cue):
                if verb.i != cue.i and not self.inside(verb.idx) and self.is_cue(verb):
                    subj = self.subject(verb)
                    if subj is not None:
                        return subj
            to = self.doc[cue.i + 1]
            return next((c for c in to.children if c.dep_ == "pobj"), None)
        seen = 0
        t = cue
        while seen < 4:
            seen += 1
            # the parser may hang a subject from inside the quote on the cue as well
            # ("“… they award …,” Mook said"): the speaker is the one outside the marks
            subjs = [
                c for c in t.children if (c.dep_ in _SUBJ or self.modal_name(c)) and not self.inside(c.idx)
            ]
            # two subjects ("The rejection signals “…”, said Geert Wilders"): the parser took
            # the clause before an inverted cue for a subject; the one right after the cue speaks
            subj = next((c for c in subjs if c.left_edge.i == t.i + 1), None) if len(subjs) > 1 else None
            if subj is None and len(subjs) > 1:
                # "“…,” his nephew Tom Roe added": the parser made both the role noun and the
                # name subjects; the one person among them speaks
                people = [c for c in subjs if (e := self.entity_of(c)) is not None and e.label_ == "PERSON"]
                subj = people[0] if len(people) == 1 else None
            subj = subj or (subjs[0] if subjs else None)
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children)
            if subj is None and passive:  # "X was asked by Y, “…”": Y speaks, or no one known
                agent = next((c for c in t.children if c.dep_ == "agent"), None)
                return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if subj is None:
                agent = next((c for c in t.children if c.dep_ == "agent"), None)
                if agent is not None:
                    subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if subj is None and t.i == cue.i:
                subj = self.inverted(cue) if self.after_quote(cue) else self.inverted_person(cue)
            if t.i == cue.i and (subj is None or self.mute(subj)):
                # "Saturday at the convention Sen. Jane Roe (D-Ohio) said": a date is no speaker
                subj = self.person_before(cue) or subj
            if subj is not None:
                if subj.lower_ in ("who", "that") and t.dep_ == "relcl":
                    return t.head
                return subj
            if (
                t.dep_ == "acl"
                and t.head.pos_ == "NOUN"
                and t.head.dep_ in ("dobj", "pobj")
                and t.head.head.pos_ in ("VERB", "AUX")
            ):  # "Roe issued a statement saying …": who issued it
                t = t.head.head
                continue
            if (
                t.dep_ == "pcomp"
                and t.head.dep_ == "prep"
                and t.head.head.i != t.head.i
                and t.head.head.pos_ in ("VERB", "AUX")
            ):  # "Roe drew boos upon saying, “…”" / "by arguing that": the main clause's subject
                t = t.head.head
                continue
            if t.dep_ in ("conj", "advcl", "xcomp") and t.head.i != t.i and t.head.pos_ in ("VERB", "AUX"):
                was_cue = self.is_cue(t)
                t = t.head  # "…, he said, adding" / "and said"
                if (
                    was_cue
                    and not self.is_cue(t)
                    and t.dep_ == "ccomp"
                    and t.head.i != t.i
                    and self.is_cue(t.head)
                    and not self.inside(t.head.idx)
                    and self.subject(t.head) is not None
                    and "\n" not in self.text[min(t.head.idx, cue.idx) : max(t.head.idx, cue.idx)]
                ):  # (never across paragraphs, which the parser may join)
                    # "Roe said Doe represents X, stating …" / "Roe said Doe is to blame and
                    # accused him of …": the parser hung the speech verb on the reported
                    # clause; it goes on with the verb that reports it
                    t = t.head
                while self.inside(t.idx) and t.head.i != t.i:
                    t = t.head  # hung on a verb of the quote ("“…,” adding"): the clause around it
                continue
            return None
        return None

    def as_clause(self, before: list[Token]) -> Hit | None:
        """``As Roe put it, “…”`` / ``As the paper pointed out: “…”``: a clause opened by
        *as* right before the quote, with a speech verb or the idioms *put it* and *point
        out*, gives the quote's speaker (its subject)."""
        verb = next((t for t in reversed(before) if t.pos_ == "VERB"), None)
        if verb is None or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            return None
        if any(t.pos_ == "VERB" for t in before if t.i > verb.i):
            return None
        if not self.as_speech(verb):
            return None
        subj = next((c for c in verb.children if c.dep_ in _SUBJ and not self.inside(c.idx)), None)
        d = self.describe(subj) if subj is not None else None
        if d is None or d[0] not in ("name", "org", "pronoun"):
            return None
        return Hit(d[0], d[1], d[2], verb.text, verb.idx, verb.idx + len(verb.text), "before")

    def issued(self, before: list[Token]) -> Hit | None:
        """``Roe issued a statement, “…”``, ``The committee released a statement on Monday,
        “…”``: a quote set off by a comma right after something said or written (a noun of
        ``[speech_nouns]``) that is the object of the clause's verb is its words; the verb's
        subject speaks (a named person or body, or a pronoun)."""
        noun = next((t for t in reversed(before) if t.pos_ == "NOUN"), None)
        if noun is None or noun.lemma_.lower() not in wordlist("speech_nouns") or noun.dep_ != "dobj":
            return None
        verb = noun.head
        if verb.pos_ != "VERB" or self.inside(verb.idx):
            return None
        # only the noun's own words and adverbials of time may stand between it and the quote
        # ("… a statement, “…”", "… a statement Monday, “…”")
        tail = [t for t in before if t.i > noun.i and not t.is_punct]
        if any(t.pos_ in ("VERB", "AUX") or (t.head.i != noun.i and t.head.i != verb.i) for t in tail):
            return None
        h = self.hit(verb, "issued")
        return h if h is not None and h.kind in ("name", "org", "pronoun") else None

    def as_speech(self, verb: Token) -> bool:
        """Whether an *as*-clause's verb reports speech: a speech verb or the idioms *put it*
        and *point out*."""
        idiom = (
            verb.lemma_ == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)
        ) or (verb.lemma_ == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children))
        return idiom or self.is_cue(verb)

    def mute(self, tok: Token) -> bool:
        """Whether a token is part of an entity that cannot speak (a date, a number)."""
        ent = self.entity_of(tok)
        return ent is not None and ent.label_ not in SPEAKER_LABELS

    def person_before(self, cue: Token) -> Token | None:
        """A named person right before a cue the parser gave no subject, a party tag in
        brackets allowed between (``… Sen. Jane Roe (D-Ohio) said “…”``, the name read as an
        apposition of the words before it): English puts the subject there."""
        if cue.dep_ not in ("ROOT", "ccomp", "parataxis", "dep") or cue.i == 0:
            return None
        i = cue.i - 1
        if self.doc[i].text == ")":
            opener = next((j for j in range(i - 1, max(-1, i - 7), -1) if self.doc[j].text == "("), None)
            if opener is None:
                return None
            i = opener - 1
        if i < 0:
            return None
        tok = self.doc[i]
        ent = self.entity_of(tok)
        if ent is None or ent.label_ != "PERSON" or ent.end != i + 1 or self.inside(tok.idx):
            return None
        return tok

    def frame(self, open_mark: int, close: int, after: list[Token]) -> Hit | None:
        """``“…,” Toomey fumed on Tuesday`` / ``“…!” beamed Donald Hartley``: a quote that
        ends in a comma, ``?`` or ``!`` and is followed at once by a name and a verb (either
        order) is framed by that verb, whatever it is (English puts the speaker there);
        the verb must carry no words of its own."""
        if not self.text[open_mark:close].rstrip(" ”\"’'").endswith((",", "?", "!", "—", "-")):
            return None
        words = [t for t in after[:4] if not (t.is_punct or t.is_space)]
        verb = next((t for t in words[:3] if t.pos_ == "VERB"), None)
        if verb is None or self.own_content(verb) or verb.lower_.endswith("ing"):
            return None
        if any(
            c.dep_ in ("dobj", "ccomp") and c.i > verb.i and not self.inside(c.idx) for c in verb.children
        ):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and not self.inside(c.idx)), None)
        if subj is None:
            subj = self.inverted(verb)
        if subj is None or abs(subj.i - verb.i) > 3:
            return None
        d = self.describe(subj)
        if d is None or d[0] not in ("name", "pronoun", "word"):
            return None
        return Hit(d[0], d[1], d[2], verb.text, verb.idx, verb.idx + len(verb.text), "after")

    def adjacent_person(self, close: int, cue: Token, after: list[Token]) -> Hit | None:
        """The one person named between a quote and its cue, or right after a cue that
        follows the quote, whatever the parser hung them on: ``“…,” screenwriter Jane Roe
        wrote``, ``“…,” said retired judge Jane Roe, asked about …``. Up to four words of
        role before the name; no punctuation but an appositive comma after it."""
        if cue.i > 0 and self.after_quote(cue):
            span = [t for t in after if t.i > cue.i][:6]
            span = span[: next((k for k, t in enumerate(span) if t.is_punct), len(span))]
            # only role words before the name ("said retired judge Jane Roe"), never a
            # clause of the cue's own ("…,” adding that it is why Jane Roe …")
            ent0 = next((k for k, t in enumerate(span) if self.entity_of(t) is not None), len(span))
            if any(
                t.pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "NUM") and t.dep_ not in ("amod", "compound")
                for t in span[:ent0]
            ):
                return None
        else:
            span = [t for t in after if t.i < cue.i]
            if any(t.is_punct and t.text != "," for t in span):
                return None
        ents = {e.start: e for t in span if (e := self.entity_of(t)) is not None}
        people = [e for e in ents.values() if e.label_ == "PERSON"]
        if len(people) != 1 or len(ents) != 1:
            return None
        e = people[0]
        lead = [t for t in span if t.i < e.start and not t.is_punct]
        if len(lead) > 4 or any(t.is_punct for t in span if t.i < e.start) or self.inside(e.start_char):
            return None
        if e.text.isupper() and len(e.text) > 3:
            return None
        words = bare_name(e.text)
        return Hit("name", words, e.start_char, cue.text, cue.idx, cue.idx + len(cue.text), "after")

    def appositive_person(self, cue: Token, after: list[Token]) -> Hit | None:
        """``“…,” Tom Roe, the head of a state party, tweeted`` / ``“…,” Roe, the 2016
        front-runner, said``: a person opens the words after the quote (up to four words of
        role before the name), an appositive set off by commas follows, then the cue. The
        parser often hangs such a cue on the quote or makes it a modifier of the name;
        English puts the speaker there."""
        span = [t for t in after if t.i < cue.i and not t.is_space]
        if len(span) < 4 or span[-1].text != ",":
            return None
        first = next((k for k, t in enumerate(span) if self.entity_of(t) is not None), None)
        if first is None or first > 4:
            return None
        e = self.entity_of(span[first])
        assert e is not None
        if e.label_ != "PERSON" or e.start != span[first].i or self.inside(e.start_char):
            return None
        if any(t.is_punct or t.is_sent_start for t in span[:first]) or (e.text.isupper() and len(e.text) > 3):
            return None
        rest = [t for t in span if t.i >= e.end]
        if len(rest) < 3 or rest[0].text != "," or any(t.is_sent_start for t in rest):
            return None
        if any(c.dep_ in _SUBJ and c.i > e.end and c.i < cue.i for c in cue.children):
            return None  # the cue has a subject of its own inside the appositive
        words = bare_name(e.text)
        return Hit("name", words, e.start_char, cue.text, cue.idx, cue.idx + len(cue.text), "after")

    def personal(self, h: Hit) -> bool:
        """Whether a description names a person or body by its head noun (``the senator``,
        ``a spokesman``, ``the campaign``) rather than a thing (``the timing``)."""
        span = self.doc.char_span(h.pos, h.pos + len(h.text), alignment_mode="expand")
        if span is None:
            return True
        return (
            span.root.lemma_.lower() in ROLE_NOUNS
            or span.root.lower_ in ROLE_NOUNS
            or span.root.lemma_.lower() in ORG_WORDS
        )

    def closing_person(self, before: list[Token]) -> Hit | None:
        """A person entity that ends the words right before a colon."""
        last = next((t for t in reversed(before) if not (t.is_punct or t.is_space)), None)
        if last is None:
            return None
        ent = self.entity_of(last)
        if ent is None or ent.label_ != "PERSON" or ent.end != last.i + 1 or self.inside(ent.start_char):
            return None
        if self.text[last.idx + len(last.text) :].lstrip()[:1] != ":":
            return None
        colon = last.idx + len(last.text)
        return Hit("name", ent.text, ent.start_char, ":", colon, colon + 1, "colon")

    def own_content(self, cue: Token, limit: int | None = None) -> bool:
        """Whether a cue after a quote carries words of its own to its right (a clause or
        a characterisation: ``… Doe said Roe “lied.”``, ``… Doe called Roe a liar``): then
        it does not report the quote before it. A complement past ``limit`` (the paragraph's
        end, which the parser may run across) is not the cue's."""
        return any(
            c.dep_ in ("ccomp", "xcomp", "oprd")
            and c.i > cue.i
            and not self.inside(c.idx)
            and (limit is None or c.idx < limit)
            for c in cue.children
        )

    def after_quote(self, cue: Token) -> bool:
        """Whether only punctuation stands between a closing quote mark and ``cue``."""
        i = cue.i - 1
        while i >= 0 and (self.doc[i].is_punct or self.doc[i].is_space):
            if self.doc[i].text in ("”", '"', "’’", "''"):
                return True
            i -= 1
        return False

    def inverted_person(self, cue: Token) -> Token | None:
        """``…, says Tom Roe, a consultant with …``: after a comma, a finite cue with no
        subject followed by a person that ends at a comma or the sentence's end speaks
        through it, wherever the parser hung the name (a participle's or *tell*'s object is
        its hearer: ``…, telling Reuters, “…”``)."""
        if cue.i == 0 or cue.nbor(-1).text != "," or cue.tag_ == "VBG" or cue.lemma_ == "tell":
            return None
        if cue.i + 1 >= len(cue.doc):
            return None
        ent = self.entity_of(cue.nbor(1))
        if (
            ent is None
            or ent.label_ != "PERSON"
            or ent.start != cue.i + 1
            or self.inside(ent.start_char)
            or (ent.end < len(cue.doc) and not cue.doc[ent.end].is_punct)
        ):
            return None
        return ent.root

    def inverted(self, cue: Token) -> Token | None:
        """The speaker after the cue in an inversion the parser read as an object
        (``“…,” added Gowdy``): a name right after the cue, ending its clause."""
        nxt = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
        if nxt is None:
            return None
        for c in cue.rights:
            if c.dep_ not in ("dobj", "attr", "npadvmod", "dep", "oprd"):
                continue
            ent = self.entity_of(c)
            if (ent is not None and ent.label_ in ("PERSON", "ORG") and ent.start == nxt.i) or (
                c.pos_ == "PROPN" and nxt.pos_ == "PROPN"
            ):
                end = c.i + 1
                if end >= len(cue.doc) or cue.doc[end].is_punct:
                    return c
        return None

    def lone_person(self, lo: int, hi: int) -> Hit | None:
        """The one person the words ``[lo, hi)`` name outside quotation marks (every
        mention the same surname: "Donald Trump … Trump's"), when some mention of them is a
        subject or a possessor there (a person named as an object or after a preposition,
        ``from Judge Roe``, is not who speaks); else None."""
        span = self.doc.char_span(lo, hi, alignment_mode="contract")
        if span is None:
            return None
        people: dict[str, list[tuple[Span, str]]] = {}
        for e in span.ents:
            if e.label_ != "PERSON" or self.inside(e.start_char) or (e.text.isupper() and len(e.text) > 3):
                continue
            # "Roe’s" / "Here’s Roe" (the recogniser may take in a possessive on either side)
            words = bare_name(e.text, leading=True)
            if words:
                people.setdefault(words.split()[-1].lower(), []).append((e, words))
        if len(people) != 1:
            return None
        mentions = next(iter(people.values()))
        if not any(e.root.dep_ in ("nsubj", "nsubjpass", "poss") for e, _ in mentions):
            return None
        e, words = mentions[0]
        start = e.start_char + e.text.index(words)
        return Hit("name", words, start, "", start, start, "lone")

    def names_at(self, char: int) -> bool:
        """Whether the word at offset ``char`` is part of a name on the parse: a proper noun
        or a person or body the recogniser found."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or not len(span):
            return False
        tok = span[0]
        ent = self.entity_of(tok)
        if ent is not None:  # "Democratic front-runner Jane Roe": a group's adjective names no one
            return ent.label_ in ("PERSON", "ORG")
        return tok.pos_ == "PROPN"

    def clause_verb(self, lo: int, hi: int) -> int | None:
        """The offset of the first verb in ``[lo, hi)`` that heads a clause on the parse (not a
        participle modifying a noun, as ``elected`` in ``the newly elected president``): words
        that run through one are a clause, no description of a speaker."""
        span = self.doc.char_span(lo, hi, alignment_mode="contract")
        for tok in span if span is not None else ():
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_DEPS:
                return tok.idx
        return None

    def entity_of(self, tok: Token) -> Span | None:
        return self._ent_at.get(tok.i)

    def tagged_surname(self, subj: Token) -> bool:
        """Is a subject the tagger read as a common noun a person's surname: a bare word
        written with a capital and lower case after it (no determiner, adjective or compound
        before it) that ends a PERSON entity of the article ("Trump", "Bush" tagged
        ``NOUN`` at a sentence's start)? English writes a common noun with a capital only at
        a sentence's start, and a bare singular common noun there takes a determiner."""
        if subj.pos_ != "NOUN" or subj.ent_type_ or subj.tag_ != "NN":
            return False
        if not (subj.text[:1].isupper() and subj.text[1:].islower()):
            return False
        if any(c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in subj.lefts):
            return False
        if self._surnames is None:
            people = (e for e in self.doc.ents if e.label_ == "PERSON" and len(e) > 1)
            self._surnames = frozenset(e[-1].text for e in people)
        return subj.text in self._surnames

    def titled_after(self, org: Span, subj: Token) -> Span | None:
        """The person a subject's phrase names after a body and a title (``Council on Foreign
        Relations President Ana Ruiz``, ``CAIR Executive Director Ana Ruiz``): the body's
        entity is followed, inside the phrase, by capitalised title words outside any entity
        (one of them a role noun) and then a PERSON entity. The body says who employs the
        speaker; the person speaks. None when the phrase goes on otherwise."""
        end = subj.right_edge.i + 1
        i = org.end
        titled = False
        while i < end and self.doc[i].pos_ == "PROPN" and not self.doc[i].ent_type_:
            word = self.doc[i].text
            if not (word[:1].isupper() and word[1:].islower()):
                return None
            titled = titled or word.lower() in ROLE_NOUNS
            i += 1
        person = self._ent_at.get(i) if i < end else None
        if titled and person is not None and person.label_ == "PERSON" and person.start == i:
            return person
        return None

    def describe(self, subj: Token) -> tuple[str, str, int] | None:
        """``(kind, words, offset)`` of the speaker a subject token stands for."""
        ent = self.entity_of(subj)
        if ent is not None and ent.label_ not in SPEAKER_LABELS:
            return None  # "Saturday", "$200": an entity that says nothing
        if ent is not None and ent.label_ != "ORG" and ent.text.isupper() and len(ent.text) > 3:
            return None  # a dateline ("LONDON (Reuters) -") or a headline word
        if ent is not None and ent.label_ == "NORP" and subj.lower_ in PERSON_NOUNS:
            det = next((c for c in subj.lefts if c.dep_ == "det" and c.lower_ == "the"), None)
            if det is not None:  # "the Republican said": a person described by party
                return "desc", self.text[det.idx : subj.idx + len(subj.text)], det.idx
        if ent is not None and ent.label_ == "ORG":
            ent = self.titled_after(ent, subj) or ent
        if ent is not None:
            words = bare_name(ent.text)
            kind = "name" if ent.label_ == "PERSON" else "org"
            possessor = re.match(r".*['’]s\s+", words) if kind == "name" else None
            if possessor is not None:  # "the Gazette’s Ruth Roe": the recogniser took in the owner
                return kind, words[possessor.end() :], ent.start_char + possessor.end()
            return kind, words, ent.start_char
        low = subj.lower_
        if low in _PRONOUNS and subj.pos_ == "PRON":
            return "pronoun", subj.text, subj.idx
        if subj.pos_ == "PROPN" and not subj.text.isupper():
            chain = _proper_chain(subj)
            start = chain[0].idx if chain else subj.idx
            words = self.text[start : subj.idx + len(subj.text)]
            return "name", words, start
        if self.modal_name(subj):  # "Will wrote": a surname the tagger took for a modal
            named = next(
                (
                    e
                    for e in reversed(self.doc.ents)
                    if e.label_ == "PERSON" and e.end <= subj.i and e[-1].text == subj.text
                ),
                None,
            )  # the person named so before ("columnist Jane Will")
            return ("name", named.text, subj.idx) if named is not None else ("word", subj.text, subj.idx)
        if (
            subj.dep_ == "nsubj"
            and subj.pos_ not in ("NOUN", "PRON", "DET", "NUM")
            and subj.text[:1].isupper()
            and subj.text[1:].islower()
            and not subj.is_sent_start
        ):  # a surname the tagger took for another word ("From said"): known names only
            return "word", subj.text, subj.idx
        if self.tagged_surname(subj):
            # "Trump at the time said ...": the tagger read a surname as a common noun ("trump");
            # the person the article names with it elsewhere (resolved among known names only)
            return "word", subj.text, subj.idx
        if subj.pos_ == "NOUN":
            owner = next((c for c in subj.children if c.dep_ == "poss"), None)
            if owner is not None and subj.lemma_.lower() in wordlist("speech_nouns"):
                ent = self.entity_of(owner)  # "Roe's response was: “…”": Roe speaks
                if ent is not None and ent.label_ in ("PERSON", "ORG") and not self.inside(ent.start_char):
                    words = bare_name(ent.text)
                    return ("name" if ent.label_ == "PERSON" else "org"), words, ent.start_char
            for c in subj.rights:  # "former governor Howard Dean (D)", "the mayor, Jane Roe,"
                app = self.entity_of(c) if c.dep_ == "appos" else None
                if app is not None and app.label_ == "PERSON" and not self.inside(app.start_char):
                    return "name", bare_name(app.text), app.start_char
            left = [c for c in subj.lefts if c.dep_ in ("det", "amod", "compound", "poss", "nmod")]
            start = min([c.left_edge.idx for c in left], default=subj.idx)
            right = [c for c in subj.rights if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "with")]
            end = max(
                [c.right_edge.idx + len(c.right_edge.text) for c in right], default=subj.idx + len(subj.text)
            )
            return "desc", self.text[start:end], start
        return None

    def hit(self, cue: Token, how: str) -> Hit | None:
        subj = self.subject(cue)
        if subj is None or self.inside(subj.idx):
            return None
        d = self.describe(subj)
        if d is None:
            return None
        if cue.lower_ == "according":
            cue_text, cs, ce = "according to", cue.idx, cue.idx + len("according to")
        else:
            cue_text, cs, ce = cue.text, cue.idx, cue.idx + len(cue.text)
        return Hit(d[0], d[1], d[2], cue_text, cs, ce, how)

    def cue_at(self, pos: int) -> Hit | None:
        """The speaker of the speech verb starting at ``pos`` (reported speech)."""
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or not len(span) or not self.is_cue(span[0]):
            return None
        return self.hit(span[0], "reported")

    def reported(self, lo: int, hi: int) -> list[tuple[Hit, int, int]]:
        """Reported speech in the sentence ``[lo, hi)`` on the parse: a speech verb outside
        quotation marks with a clausal complement (``Roe said the plan would fail``, ``Doe
        warned that …``, ``The plan will fail, Roe said``), as ``(speaker hit, clause start,
        clause end)``; the complement must have its own subject. A
        clause that opens with a quotation mark is a direct quote, not reported speech.
        A speech verb with no clausal complement reports the sentence it is set inside by
        commas (:meth:`parenthetical`), else its object (:meth:`complement`: ``Roe vowed
        to cut taxes``, ``Doe called for a recount``, ``Roe denied the reports``)."""
        span = self.doc.char_span(lo, hi, alignment_mode="contract")
        out: list[tuple[Hit, int, int]] = []
        for t in span if span is not None else ():
            if t.lower_ == "according" or self.inside(t.idx) or not self.is_cue(t):
                continue
            comp = next((c for c in t.children if c.dep_ == "ccomp" and not self.inside(c.idx)), None)
            if comp is None and (inset := self.parenthetical(t, lo, hi)) is not None:
                if (h := self.hit(t, "reported")) is not None:
                    out.append((h, *inset))
                continue
            if comp is None:
                obj = self.complement(t, lo, hi)
                if obj is not None and (h := self.hit(t, "reported")) is not None:
                    out.append((h, *obj))
                continue
            toks = [x for x in comp.subtree if x.dep_ != "mark" or x.i != comp.left_edge.i]
            while toks and (toks[-1].is_punct or toks[-1].is_space):
                toks.pop()
            if len(toks) < 4:
                continue
            s, e = max(lo, toks[0].idx), min(hi, toks[-1].idx + len(toks[-1].text))
            if e <= s or self.text[s] in "“\"‘'" or not any(x.dep_ in _SUBJ for x in comp.children):
                continue
            h = self.hit(t, "reported")
            if h is not None:
                out.append((h, s, e))
        return out

    def parenthetical(self, verb: Token, lo: int, hi: int) -> tuple[int, int] | None:
        """``The plan, Roe argued on the radio, is a gift to donors``: a speech verb set off
        by commas inside its sentence, its subject right after the first comma, with no
        object or clause of its own (adverbials allowed), reports the sentence around it
        (the whole sentence ``[lo, hi)`` without its closing punctuation, when no quotation
        mark is in it)."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        after = max(c.i for c in verb.subtree if not c.is_punct) + 1  # the comma may hang on the verb
        if subj is None or after >= len(self.doc) or self.doc[after].text != ",":
            return None
        before = subj.left_edge.i - 1
        if before < 0 or self.doc[before].text != "," or self.doc[before].idx < lo:
            return None
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "dative") for c in verb.children):
            return None
        s, e = lo, hi
        while e > s and (self.text[e - 1].isspace() or self.text[e - 1] in ".!?"):
            e -= 1
        while s < e and self.text[s].isspace():
            s += 1
        body = self.text[s:e]
        if (
            ANY_DOUBLE_MARK.search(body)
            or any(self.inside(i) for i in range(s, e, 8))
            or len(body.split()) < 7
        ):
            return None
        return s, e

    def complement(self, verb: Token, lo: int, hi: int) -> tuple[int, int] | None:
        """What a speech verb with no clausal complement reports, on the parse, as the
        character span of its words inside ``[lo, hi)``: an infinitive (``Roe vowed to cut
        taxes``, ``Doe urged voters to stay home``: the object and the infinitive), a
        prepositional object (``Roe called for a recount``, ``Doe complained about the
        delays``) or a noun phrase object (``Roe denied the report``, ``Doe repeated
        accusations of fraud``). At least three words, none of them inside quotation marks
        (those are direct quotes) and no pronoun alone; ``None`` otherwise, and for a negated
        verb (``did not respond to the request``: nothing was said)."""
        if verb.lemma_.lower() not in self.lemmas or any(c.dep_ == "neg" for c in verb.children):
            return None  # "rolled back the …" is no speech; "did not respond to …" said nothing
        kids = [c for c in verb.children if not self.inside(c.idx)]
        xcomp = next(
            (
                c
                for c in kids
                if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            ),
            None,
        )
        if verb.lemma_.lower() in _CLAUSE_ONLY and (xcomp is None or xcomp.lemma_.lower() not in self.lemmas):
            return None  # "Roe maintains a wide lead", "Doe continues to trail" ("to insist": said)
        obj = next((c for c in kids if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        prep = next(
            (
                c
                for c in kids
                if c.dep_ == "prep"
                and c.i > verb.i
                and c.lower_ in _REPORTED_PREPS
                and any(p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") for p in c.children)
            ),
            None,
        )
        first: Token | None = None
        last: Token | None = None
        if xcomp is not None:
            # "urged voters to stay home": the object is the infinitive's subject
            first = min(
                (c.left_edge for c in (obj, xcomp) if c is not None and c.i <= xcomp.i), key=lambda x: x.i
            )
            last = xcomp.right_edge
        elif prep is not None and prep.i == verb.i + 1:
            pobj = next(p for p in prep.children if p.dep_ == "pobj")
            first, last = pobj.left_edge, pobj.right_edge
        elif obj is not None and obj.i > verb.i:
            # "accused Doe of lying": the charge goes with the one charged
            of = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "of" and c.i > obj.i), None)
            if of is not None:
                first, last = obj.left_edge, of.right_edge
            elif verb.lemma_.lower() not in _OBJECT_NOT_SAID and obj.lemma_.lower() not in wordlist(
                "speech_nouns"
            ):  # "told reporters": who heard it; "wrote a letter": the form, not the words
                first, last = obj.left_edge, obj.right_edge
        if first is None or last is None or first.i <= verb.i:
            return None
        toks = [x for x in self.doc[first.i : last.i + 1]]
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            toks.pop()
        if len([x for x in toks if not x.is_punct]) < 3 or any(
            self.inside(x.idx) or x.is_quote for x in toks
        ):
            return None
        s, e = max(lo, toks[0].idx), min(hi, toks[-1].idx + len(toks[-1].text))
        return (s, e) if e > s else None

    # -- the rules -------------------------------------------------------------------------
    def attribute(self, open_mark: int, close: int, para: tuple[int, int], prev_close: int) -> Hit | None:
        """The speaker of the quote whose marks span ``[open_mark, close)`` in paragraph
        ``para``; ``prev_close`` is where the previous quote of the paragraph ended."""
        ps, pe = para
        text = self.text
        turn = self.transcript_turn(open_mark, close)
        if turn is not None:
            return turn
        nxt = min((a for a, _ in self.regions if a >= close), default=pe)
        after = self.tokens_between(close, min(nxt, pe))
        lo = max(ps, prev_close)
        # a quote that ends a sentence begun before it ("Doe said Roe “lied.” Poe …"):
        # what follows is another sentence
        lead = text[lo:open_mark].rstrip()
        ended = (
            bool(lead.strip())
            and not lead.endswith((".", "!", "?"))
            and text[open_mark:close].rstrip(" ”\"’'").endswith((".", "!", "?"))
        )
        words = 0
        # "“…,” Roe, the head of a state party, said": a name and an appositive may stand
        # between the quote and its cue
        first_words = [t for t in after[:6] if not (t.is_punct or t.is_space)]
        limit = (
            self.after_limit + 10
            if first_words and self.entity_of(first_words[0]) is not None
            else self.after_limit
        )
        for t in after:
            if t.is_sent_start and (words or ended) and not t.text[:1].islower():
                # a lower-case word goes on with the sentence the quote is part of
                # ("“Does that fly?” former adviser Tom Roe asked"): no new sentence there
                break
            if self.is_cue(t):
                if self.own_content(t, pe):
                    # "“…” Roe called Doe a “liar.”": the cue has its own words, unless it
                    # stands right after the quote with a name next to it
                    h = self.adjacent_person(close, t, after)
                    if h is not None and self.after_quote(t):
                        return h
                    break
                h = (
                    self.hit(t, "after")
                    or self.adjacent_person(close, t, after)
                    or self.appositive_person(t, after)
                )
                if h is not None:
                    return h
                break
            if not t.is_punct:
                words += 1
            if words > limit:
                break
        # a signature stands after a quote that stands alone: one that opens its sentence, or
        # follows another signed quote ("“…” ― Roe “…” ― Doe"); after words quoted in a
        # sentence a dash and a name are a byline ("… “the No. 1 force.”--Jane Roe.")
        if not lead.strip() or lead.endswith((".", "!", "?")) or self.signed_inline(lo, open_mark):
            h = self.signed_inline(close, min(nxt, pe))
            if h is not None:
                return h
        if not lead.strip() or lead.endswith((".", "!", "?", ":")):  # the quote opens its sentence
            h = self.frame(open_mark, close, after)
            if h is not None:
                return h
        before = self.tokens_between(lo, open_mark)
        sent_start = max((t.i for t in before if t.is_sent_start), default=None)
        if sent_start is not None:
            before = [t for t in before if t.i >= sent_start]
        before = before[-self.before_limit :]
        if lead.endswith(":") and before:  # "Pollsters agree - Carl Bialik: “…”"
            label = self.label(before)
            if label is not None:
                return label
        if lead.endswith((",", ":")) and before:  # "As Roe put it, “…”"
            h = self.as_clause(before)
            if h is not None:
                return h
        # a quote opening its sentence goes on with the main speech verb of the sentence before
        # (“…,” Roe said, as …. “…”), never with one in a subordinate clause there
        # ("… Roe told the paper, after Doe stated an interest. “…”")
        opens_sentence = lead.endswith((".", "!", "?"))
        for t in reversed(before):
            if opens_sentence and t.dep_ not in ("ROOT", "conj", "parataxis", "ccomp"):
                continue
            if self.is_cue(t):
                h = self.hit(t, "before")
                if h is not None:
                    return h
                break
        if before and not lead.endswith(":"):
            h = self.embedded(open_mark, close, para)
            if h is not None:
                return h
        if lead.endswith(",") and before:  # "Roe issued a statement, “…”"
            h = self.issued(before)
            if h is not None:
                return h
        if lead.endswith((":", "--", "—", "–")) and before:  # "Doe made clear the ramifications: “…”"
            top = self.top_verb(before)
            h = self.hit(top, "colon") if top is not None else None
            if h is not None and (h.kind != "desc" or self.personal(h)):
                return h
            # "The surge does not surprise pollster Jane Roe: “…”": no one speaks in the
            # main clause, and a person closes the words before the colon
            named = self.closing_person(before)
            if named is not None:
                return named
            if h is not None:
                return h
        # narration before the quote names its speaker only when nothing follows the quote
        # in its paragraph (no cue the parse missed: "“…,” Hannity started")
        bare = not text[close : min(nxt, pe)].strip()
        if bare and close >= pe - 1:
            h = self.signed(pe)
            if h is not None:
                return h
        if bare and lo == ps and lead.endswith((".", "!", "?")):
            h = self.prior(before)
            if h is not None:
                return h
        if not text[ps:open_mark].strip():
            return (
                self.introduced(ps)
                or self.speaker_line(ps)
                or (self.previous_paragraph(ps) if bare else None)
            )
        return None

    def transcript_turn(self, open_mark: int, close: int) -> Hit | None:
        """A transcript's turn quoted whole: the quotation opens with its speaker's name in
        capitals and a colon (``"PENCE: Well, look, …``, ``“JANE ROE: …``). In a dialogue
        (three turns or more, two speakers or more) every label is a speaker; a lone label
        must be a name the article knows (``Pence`` for Mike Pence), since a capitalised
        run-in such as ``UPDATE:`` or ``EXCLUSIVE:`` names no one."""
        m = _TURN.match(self.text, open_mark + 1, close)
        if m is None:
            return None
        # in a dialogue every label is a speaker, known or not; a lone one only if known
        kind = "caps" if self.dialogue else "word"
        return Hit(kind, m.group(1).title(), m.start(1), ":", m.end(1), m.end(1) + 1, "label")

    def prior(self, before: list[Token], kinds: tuple[str, ...] = ("name", "pronoun")) -> Hit | None:
        """A quote opening a new sentence after one that introduces a person in the same
        paragraph (``Clinton touted her credentials. “We need …”``): that sentence's
        subject, when it is a named person or a pronoun (not a body or a description)."""
        if not before:
            return None
        root = before[-1].sent.root
        if root.pos_ not in ("VERB", "AUX") or self.inside(root.idx):
            return None
        h = self.hit(root, "prior")
        return h if h is not None and h.kind in kinds else None

    def narration_keeps(self, lo: int, hi: int, speaker: str) -> bool:
        """Whether the narration ``[lo, hi)`` between two quotes of a paragraph keeps its
        speaker: every subject in it is a personal pronoun or the speaker's own name
        (``“…,” said Jane Roe, 44, a nurse. An immigrant from …, she plans …. “…”``), and
        some subject is there. News moves to a new speaker only by naming them."""
        toks = self.tokens_between(lo, hi)
        subjects = [t for t in toks if t.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return False
        surname = speaker.split()[-1].lower()
        for t in subjects:
            if t.lower_ in ("he", "she") or (t.lower_ in ("who", "that", "which") and t.head.dep_ == "relcl"):
                continue  # a relative pronoun stands for a noun of the narration itself
            ent = self.entity_of(t)
            if ent is not None and ent.label_ == "PERSON" and surname in ent.text.lower().split():
                continue
            return False
        return True

    def signed(self, pe: int) -> Hit | None:
        """A quote paragraph signed by the next one: ``“…” ¶ - Hillary Clinton.``, ``¶ -
        Roe.``, ``¶ -President Roe, tweeting after …``, ``¶ - Jane Roe, Philadelphia.``: a
        dash, then a name up to the line's first comma (a person or body the recogniser
        found, else a chain of capitalised proper nouns, a title allowed)."""
        m = re.match(r"\s*\n\s*[-–—―]+\s*([^\n]{2,120}?)\.?\s*(?:\n|$)", self.text[pe:])
        return self.signature(pe + m.start(1), m.group(1)) if m is not None else None

    def signed_inline(self, close: int, end: int) -> Hit | None:
        """A quote signed on its own line: ``“…” ― Jane Roe``, ``“…” — Roe, a nurse.``,
        ``“…” -Sen. Tom Roe “…”``: after the closing mark only a dash (the quotation dash
        ``―`` of quote round-ups and epigraphs, an em or en dash, a hyphen) and a name up to
        the first comma, before the paragraph ends or the next quote opens. The name is read
        as in :meth:`signed`; a dash that goes on with narration (``“…” - Democrats in Iowa
        who watched …``) is no signature."""
        seg = self.text[close:end]
        m = re.match(r"[ \t]*(?:[–—―]+|-+(?=\S)|\s-+\s)[ \t]*([^\n“”\"]{2,120}?)[.;]?[ \t]*$", seg)
        return self.signature(close + m.start(1), m.group(1)) if m is not None else None

    def signature(self, start: int, line: str) -> Hit | None:
        """The signer of a signature line whose words ``line`` begin at ``start``."""
        head = line.split(",")[0].rstrip(" .")
        span = self.doc.char_span(start, start + len(head), alignment_mode="contract")
        if span is None or not len(span) or len(span) > 5:
            return None
        ents = [e for e in span.ents if e.label_ in ("PERSON", "ORG")]
        if len(ents) == 1 and ents[0].end == span.end:
            e = ents[0]
            kind = "name" if e.label_ == "PERSON" else "org"
            return Hit(kind, e.text, e.start_char, "-", start - 1, start, "signed")
        if ents or not all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper() for t in span):
            return None
        return Hit("name", span.text, span.start_char, "-", start - 1, start, "signed")

    def previous_paragraph(self, ps: int) -> Hit | None:
        """A paragraph opening with a quote that no cue claims, after a paragraph of
        narration without quotes (``Howard continued his remarks. ¶ “Eight years …”``):
        the subject of that paragraph's last sentence, when a named person or a pronoun."""
        text = self.text
        end = ps
        while end > 0 and text[end - 1].isspace():
            end -= 1
        start = text.rfind("\n", 0, end) + 1
        if end <= start or ANY_DOUBLE_MARK.search(text, start, end):
            return None
        toks = self.tokens_between(start, end)
        if not toks:
            return None
        # the last speech verb of that paragraph's last sentence names who goes on
        # ("Roe argued in her email, the rules are unfair. ¶ “…”"), else its subject; a
        # body counts ("The committee issued a statement. ¶ “We regret …”")
        last = toks[-1].sent
        for t in reversed(toks):
            if t.i < last.start:
                break
            if t.lower_ != "according" and self.is_cue(t):
                h = self.hit(t, "prior")
                if h is not None and h.kind in ("name", "pronoun", "org"):
                    return h
                break
        return self.prior(toks, ("name", "pronoun", "org"))

    def embedded(self, open_mark: int, close: int, para: tuple[int, int]) -> Hit | None:
        """Words quoted inside a clause (``Sims says he was “kind of riding the fence”``,
        ``Bolton thought the buzz was “artificially nourished”``): in news, such words are
        those of the speaker of the clause that carries them. From the quote's first word
        up through its heads to the sentence root, the speaker is the subject of the highest
        speech verb on the way, else of a parenthetical speech verb on the root (``Doe, Roe
        said, had been there for “years” and passed “bills”``), else of the root verb (the
        main clause)."""
        first = self.doc.char_span(open_mark + 1, close - 1, alignment_mode="contract")
        if first is None or not len(first):
            return None
        t = first[0]
        cue: Token | None = None
        own: Token | None = None  # the first clause on the way with a subject before the quote
        for _ in range(40):
            if t.head.i == t.i or not para[0] <= t.head.idx < para[1]:
                break  # the parser may join paragraphs: the clause ends with this one
            t = t.head
            if not (open_mark <= t.idx < close) and self.is_cue(t):
                cue = t
            if (
                own is None
                and t.idx < open_mark
                and any(c.dep_ in _SUBJ and c.idx < open_mark for c in t.children)
            ):
                own = t
        if cue is None:
            # "Doe, Roe said, had been there for “years”" / "As Roe puts it, Doe is making
            # them “an offer”": a parenthetical speech verb or an as-clause of speech with
            # its own subject, before the quote on the main clause, attributes the clause
            cue = next(
                (
                    c
                    for c in t.children
                    if c.idx < open_mark
                    and any(x.dep_ in _SUBJ for x in c.children)
                    and (
                        (c.dep_ == "parataxis" and self.is_cue(c))
                        or (
                            c.dep_ == "advcl"
                            and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
                            and self.as_speech(c)
                        )
                    )
                ),
                None,
            )
        if cue is None:
            if open_mark <= t.idx < close or t.pos_ not in ("VERB", "AUX"):
                return None
            view = self.viewpoint(t, open_mark)
            if view is not None:
                return view
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
                return None  # "was called “a total stiff” by": the words are the agent's, if anyone's
            if (
                own is not None
                and own.head.i == t.i
                and own.dep_ in ("ccomp", "conj", "parataxis")
                and any(c.dep_ in ("mark", "cc") and close <= c.idx < t.idx for c in t.children)
            ):
                # "Her answer was that “…,” so government should help …": the quote is set in
                # a clause with its own subject before it, and the verb after the quote opens
                # another clause ("so", "and", "but"): its subject is not the quote's speaker
                return None
            cue = t
        return self.hit(cue, "embedded")

    def viewpoint(self, root: Token, open_mark: int) -> Hit | None:
        """``To Roe, Doe is the “kind-hearted” man who ...``: a main clause framed by "To
        <person>," at the head of its sentence gives that person's view, as "according to"
        does; the words quoted in it are the framing person's, not the subject's. Only a
        named person (not "To the voters" nor "To win, ..."), set off by a comma before the
        quote."""
        to = next(
            (c for c in root.children if c.dep_ == "prep" and c.lower_ == "to" and c.idx < open_mark), None
        )
        if to is None or not to.is_sent_start:
            return None
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None or obj.i + 1 >= len(self.doc) or self.doc[obj.i + 1].text != ",":
            return None
        ent = self.entity_of(obj)
        if ent is not None and ent.label_ == "PERSON":
            kind = "name"
        elif obj.pos_ == "PROPN" and (ent is None or ent.label_ == "ORG"):
            kind = "word"  # a surname the recogniser took for a body ("To Roe,"): a known person only
        else:
            return None
        words, at = (bare_name(ent.text), ent.start_char) if ent is not None else (obj.text, obj.idx)
        if self.inside(at):
            return None
        return Hit(kind, words, at, to.text, to.idx, to.idx + len(to.text), "embedded")

    def introduced(self, ps: int) -> Hit | None:
        """A paragraph opening with a quote after a paragraph that ends in a colon
        (``Cruz called them on it:`` / ``As Pollak reported after the raid:``): the cue of
        that sentence, else the subject of its main verb."""
        text = self.text
        end = ps
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end <= 0 or text[end - 1] != ":" or self.inside(end - 1):
            return None
        toks = self.tokens_between(max(0, text.rfind("\n", 0, end) + 1), end)
        if not toks:
            return None
        sent = toks[-1].sent
        toks = [t for t in toks if t.i >= sent.start]
        for t in reversed(toks):
            if self.is_cue(t):
                h = self.hit(t, "introduced")
                if h is not None:
                    return h
                break
        top = self.top_verb(toks)
        return self.hit(top, "introduced") if top is not None else None

    def label(self, toks: list[Token]) -> Hit | None:
        """A name right before the colon, as a label: ``… - Carl Bialik: “…”``, with a
        party tag (``Rep. Jane Roe (R-Ohio): “…”``), or after a speech verb that opens the
        sentence (``Continued Roe: “…”``, ``Added the senator:``)."""
        last = next((t for t in reversed(toks) if not (t.is_punct or t.is_space)), None)
        if last is None:
            return None
        tail = self.text[last.idx + len(last.text) :]
        if tail.strip()[:1] == ")" and re.match(r"\s*\)\s*:", tail):  # "Jane Roe (R-Ohio):"
            opener = next((t for t in reversed(toks) if t.text == "(" and t.i < last.i), None)
            inner = [t for t in toks if opener is not None and t.i > opener.i and not t.is_punct]
            if opener is None or len(inner) > 4:
                return None
            before = [t for t in toks if t.i < opener.i]
            last = next((t for t in reversed(before) if not (t.is_punct or t.is_space)), None)
            if last is None or self.text[last.idx + len(last.text) : opener.idx].strip():
                return None
            tail = ":"
        if tail.strip()[:1] != ":":
            return None
        colon = last.idx + len(last.text)
        hit = self._label(last, colon)
        if hit is None:
            return None
        first = hit.text.split(" ", 1)
        if len(first) == 2 and first[0].lower() in self.forms:  # "Continued Roe": the verb is no name
            return Hit(
                hit.kind, first[1], hit.pos + len(first[0]) + 1, hit.cue, hit.cue_start, hit.cue_end, hit.how
            )
        return hit

    def _label(self, last: Token, colon: int) -> Hit | None:
        ent = self.entity_of(last)
        if (
            ent is not None
            and ent.label_ in ("PERSON", "ORG")
            and ent.end == last.i + 1
            and self.stands_alone(ent.start)
        ):
            kind = "name" if ent.label_ == "PERSON" else "org"
            return Hit(kind, ent.text, ent.start_char, ":", colon, colon + 1, "label")
        # an unrecognised proper name standing alone after a dash: "… - HuffPollster:"
        chain = [last]
        while chain[0].i > 0 and self.doc[chain[0].i - 1].pos_ == "PROPN":
            chain.insert(0, self.doc[chain[0].i - 1])
        if any(t.pos_ != "PROPN" or t.text.isupper() for t in chain) or len(chain) > 4:
            return None
        if not self.stands_alone(chain[0].i):
            return None
        start = chain[0].idx
        return Hit("name", self.text[start:colon], start, ":", colon, colon + 1, "label")

    def stands_alone(self, i: int) -> bool:
        """Whether the words from token ``i`` start a line or follow a dash (a label), or
        follow a speech verb that opens its sentence (``Continued Roe:``)."""
        prev = self.doc[i - 1] if i > 0 else None
        return (
            prev is None
            or self.doc[i].is_sent_start
            or prev.text in ("-", "–", "—")
            or "\n" in prev.whitespace_ + prev.text
            or (
                prev.text[:1].isupper()
                and prev.lemma_.lower() in self.lemmas
                and (prev.is_sent_start or prev.i == 0 or "\n" in self.doc[prev.i - 1].text_with_ws)
            )
        )

    @staticmethod
    def top_verb(toks: list[Token]) -> Token | None:
        """The main verb of the words before a colon: the verb whose head lies outside them
        (the parser often hangs the clause under the quoted sentence that follows)."""
        ids = {t.i for t in toks}
        return next(
            (t for t in toks if t.pos_ in ("VERB", "AUX") and (t.head.i == t.i or t.head.i not in ids)), None
        )

    def speaker_line(self, ps: int) -> Hit | None:
        """A short line ending in a colon just before the paragraph: ``NAME, IN A STATEMENT:``."""
        text = self.text
        end = text.rfind("\n", 0, ps)
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end <= 0 or text[end - 1] != ":":
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if len(line.split()) > 16 or self.inside(start):
            return None
        head = line.split(",")[0].strip()
        if head.isupper():  # capitals carry no entity signal: title-case them for the resolver
            return Hit("caps", head, start, line[len(head) :].strip(" ,:"), start, end, "line")
        for ent in self.doc.char_span(start, end, alignment_mode="contract") or []:
            e = self.entity_of(ent)
            if e is not None:
                kind = "name" if e.label_ == "PERSON" else "org"
                return Hit(kind, e.text, e.start_char, line, start, end, "line")
        return None


def _proper_chain(head: Token) -> list[Token]:
    """The proper nouns compounded onto ``head`` before it, nearest last, with theirs ("The
    New Hampshire Union Leader said": "New" hangs on "Hampshire", which hangs on "Leader")."""
    out: list[Token] = []
    for c in head.lefts:
        if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN":
            out.extend(_proper_chain(c))
            out.append(c)
    return out
