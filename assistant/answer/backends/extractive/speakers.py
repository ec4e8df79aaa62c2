"""Who a sentence belongs to and how the answer labels it: the quote ledger's speaker, the
sentence's own attribution clause, the person an opening "He"/"She" refers to, the byline's
own view; whether a sentence gives a person's words; and whom a question part asks about
("What did Jane Roe say ...")."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer import asked
from assistant.answer.backends.extractive.common import Candidate
from assistant.answer.ranker import (
    Scored,
)
from assistant.engines.lexical import tokenize
from assistant.nlp import alternation, wordlist
from assistant.nlp.questions import ACCORDING as _ACCORDING
from assistant.nlp.questions import (
    ask_of,
    asked_speaker,
    full_names,
    part_ask,
    question_names,
)
from assistant.nlp.text import ANY_DOUBLE_MARK, normalise, quotation_spans, quotes_balanced
from assistant.settings import AnswerSettings
from assistant.types import Context, Evidence, Quote, Span

_CLAUSE_SAID = alternation("clause_said")
_SAID_AFTER = re.compile(
    r"[,.!?\"”’]\s*(?:(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?\s*"
    rf"\b({_CLAUSE_SAID})\b"
)
_NAME_SAID = re.compile(
    r"\b((?:[A-Z][\w.'’-]+\s+){0,3}[A-Z][\w'’-]+)(?:,[^,]{1,60},)?\s+"
    rf"(?:{alternation('clause_said', 'clause_naming')})\b"
)
_SAID_NAME = re.compile(
    rf"\b(?:{alternation('said_inverted')})\s+((?:[A-Z][\w.'’-]+\s+){{0,3}}[A-Z][\w'’-]+)"
)
_NAME_PHRASE = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:(?:of|the|for|and)\s+)?[A-Z][\w'’.-]*){0,4}$")
_PRONOUN_SAID = asked.PRONOUN_SAID
_NOT_NAMES = {"He", "She", "They", "It", "This", "That", "The", "But", "And", "In", "On"}


def sentence_speaker(c: Candidate | Scored, ev: Evidence, quotes: list[Quote]) -> str | None:
    """The speaker an answer names before sentence ``c`` of passage ``ev`` (and before the
    words of theirs that go on after it): the ledger's or the sentence's own attribution
    (:func:`_speaker_for`), else for a sentence opening with "He" or "She" and a verb of
    speech ("He claimed ...", "She went on to say:") the person named just before
    (:func:`_pronoun_subject`). ``benchmarks.labels_polnear`` scores it.

    A sentence that only opens with the pronoun ("He is also scheduled to attend ...")
    tells what the person did, not what they said: on PolNeAR train (300 articles) a
    speaker label on it was the annotators' source once in 58 judged sentences (57 were
    the writer's own narration). Its person is named beside the pronoun instead
    (:func:`_name_pronoun`)."""
    who = _speaker_for(c, ev, quotes)
    if who is None and _PRONOUN_SPEECH.match(re.sub(r"^\W+", "", c.text)):
        who = _pronoun_subject(c, ev)
    return who


def _name_pronoun(body: str, c: Candidate | Scored, ev: Evidence) -> str:
    """``body`` with the person an opening "He" or "She" refers to named beside it, the
    way news clarifies a pronoun in a quoted sentence ("He [Jane Roe] will also attend the
    gala"), so an answer that is only that sentence says whom it is about without calling
    the writer's narration that person's words (:func:`sentence_speaker`). Unchanged when
    the sentence does not open with the pronoun or its opening words already give the name."""
    who = _pronoun_subject(c, ev)
    m = _PRONOUN_WORD.match(body)
    if who is None or m is None or who.lower() in body.lower()[:80]:
        return body
    return f"{body[: m.end()]} [{who}]{body[m.end() :]}"


def _lead(speaker: str | None, body: str) -> str:
    """The speaker's name before a shown sentence ("Jane Roe: ..."), unless its opening
    words already name them."""
    return f"{speaker}: " if speaker and speaker.lower() not in body.lower()[:80] else ""


#: A pronoun with any reporting verb of the lexicon ("he stated", "she told reporters"):
#: the words of the person named just before.
_PRONOUN_SPEECH = re.compile(
    r"\b(?:he|she)\s+(?:[a-z]+ly\s+)?(?:" + asked.SPEECH_FORMS + r")\b",
    re.I,
)
_QUOTE_OPENERS = ('"', "“", "‘", "''")


def _opens_quotation(text: str) -> bool:
    return text.lstrip().startswith(_QUOTE_OPENERS)


def _bare_quotation(text: str) -> bool:
    """Is the sentence (one that opens with a quotation mark) a quotation, alone or with a
    few words or a verb of speech outside its marks ("“We will win,” she added", "“...,”
    the former aide said in an interview")? A quoted title opening a sentence of narration
    ("“The Long Count” was nominated for an award") is not a speaker's words going on."""
    closed, unclosed, _ = quotation_spans(text)
    outside = text
    for a, b in closed:
        outside = outside[:a] + " " * (b - a) + outside[b:]
    if unclosed:
        outside = outside[: min(unclosed)]
    return len(re.findall(r"\w+", outside)) <= _BARE_QUOTATION_WORDS or bool(_SPEECH_WORD.search(outside))


#: How many words outside its marks a bare quotation may have ("she added", "he said Monday").
_BARE_QUOTATION_WORDS = 3
_SPEECH_WORD = re.compile(r"\b(?:" + asked.SPEECH_FORMS + r")\b", re.I)


def _quotes_words(text: str, least: int = 3) -> bool:
    """Does the sentence quote ``least`` or more words (three: not a title such as "Morning
    Joe")?"""
    return any(len(text[a:b].split()) >= least for a, b in quotation_spans(text)[0])


def _words_of(text: str, top: str, strict: bool = False) -> bool:
    """Does ``text`` give the words of the person ``top`` names: a pronoun's ("he said"),
    a sentence opening a quotation (whoever it names: "“...,” Josh Earnest said" after
    "The White House said ..." is the answer to who said it), or the same surname with a
    speech verb ("Sanders told MSNBC that ...")? ``strict``, for a later part that the
    sentences shown leave open: a speaker named in ``text`` must be ``top``'s (a quotation
    ending "..., Carney said" does not go on with the Jivani shown)."""
    pronoun = bool(_PRONOUN_SAID.search(text) or _PRONOUN_SPEECH.search(text))
    if not strict and (pronoun or _opens_quotation(text)):
        return True
    bare = text  # the quoted words blanked: a name inside them is not the speaker
    for a, b in quotation_spans(text)[0]:
        bare = bare[:a] + " " * (b - a) + bare[b:]
    for rx in (_NAME_SAID, _SAID_NAME):
        for m in rx.finditer(bare):
            name = m.group(1).split()
            if name[0] in _NOT_NAMES:
                continue
            return re.search(rf"\b{re.escape(name[-1])}\b", top) is not None
    return strict and (pronoun or _opens_quotation(text))


_OTHER_ASKS = wordlist("other_thing_question_words")


def _quoted_one_named(context: Context, part: str) -> str | None:
    """The one person a what/how/why part names (a run of two or more capitalised words)
    whom the quote ledger quotes in the evidence, when the part does not read as asking for
    someone's words at all ("Why did Jane Roe leave the fee out of her speech?", "How did
    Jane Roe answer the critics?", "What name did Jane Roe give the plan?").

    Such a question paraphrases what the person did, and news reports what a person did on
    a matter of words by quoting them: the person's quotation is the substance asked for.
    None when the part asks which one, when, where or who (a word of
    ``other_thing_question_words``: a choice, a time, a place, a person is the answer, not
    anyone's words), or when it names none or several people the ledger quotes. A surname
    alone ("How did Cruz dismiss ...?") names the quoted speaker whose last name it is (round
    23: development +2 facts, check sets +2 facts and one false abstention fewer, none lost;
    the answers it changes gain the person's quotation)."""
    if set(re.findall(r"[a-z]+", part.lower())) & _OTHER_ASKS:
        return None
    quoted = {normalise(q.speaker) for q in context.quotes if q.speaker}
    bare = _ACCORDING.sub("", part)
    hits = [n for n in full_names(bare) if any(k in who for who in quoted for k in asked.name_keys(n))]
    if not hits:
        # a surname alone ("How did Cruz dismiss ...?"): the last name of one quoted speaker
        surnames = {who.split()[-1] for who in quoted}
        hits = list(dict.fromkeys(w for w in _SURNAME.findall(bare) if w.lower() in surnames))
    return hits[0] if len(hits) == 1 else None


#: A capitalised word after the question's first, outside a run of capitalised words.
_SURNAME = re.compile(r"(?<=[a-z,]\s)([A-Z][a-z'’-]+)(?![\w'’-]|\s+[A-Z])")


def _names_speaker(text: str) -> bool:
    """Does the sentence name a person as the speaker of its words outside its quotation
    marks ("Clinton spokesman Jesse Lehrich said Friday that ...")?"""
    bare = text
    for a, b in quotation_spans(text)[0]:
        bare = bare[:a] + " " * (b - a) + bare[b:]
    return any(
        m.group(1).split()[0] not in _NOT_NAMES and len(m.group(1).split()) >= 2
        for rx in (_NAME_SAID, _SAID_NAME)
        for m in rx.finditer(bare)
    )


def _unquoted_asked(context: Context, part: str) -> str | None:
    """The named person whose words the part asks about when the ledger never quotes them."""
    if not context.unquoted:
        return None
    a = asked_speaker(part)
    if a is None or not a.named or not _NAME_PHRASE.match(context.unquoted):
        return None  # a role ("the Seton Hall professor") or a misread phrase is not a name to hold
    if _a_people(part, a.phrase):
        return None
    return context.unquoted


def _a_people(part: str, phrase: str) -> bool:
    """Is the one the part asks about a people, not a person: "What do Iowans call ...?"
    (the plural "do" before a bare name; a person takes "does" or "did")? Their words are
    what they are known to say, given by any sentence, not a quotation the ledger holds."""
    return re.search(rf"\bdo\s+{re.escape(phrase)}\b", part) is not None


def _named_asked(context: Context, part: str) -> str | None:
    """The named person whose words the part asks about ("What did Jane Roe say ..."),
    as the ledger names them when it knows them. A part of a multi-part question is read
    without the statement before it ("A and B both ... . What did B say?")."""
    a = asked_speaker(part if part == context.question else part_ask(part))
    if a is None or not a.named or not _NAME_PHRASE.match(a.phrase):
        return None
    return context.speaker or a.phrase


def _asked_phrase(part: str) -> str | None:
    """The name of the one whose words the part asks about, as the question gives it."""
    a = asked_speaker(part_ask(part))
    return a.phrase if a is not None and a.named else None


def _said_by_another(c: Scored, context: Context, name: str, phrase: str | None = None) -> bool:
    """The sentence holds someone else's words and does not name the person asked about:
    the quote ledger gives it to another speaker (the sentence a "what did X say" near miss
    finds is often another person's words on the topic). ``phrase``: the name as the
    question gives it, when the ledger knows the one asked by another name ("Exxon" asked,
    its spokesman "Alan T. Jeffers" the ledger's speaker): a sentence naming either, or
    given to either, is the asked one's ("Exxon Mobil contended in its letter ...")."""
    keys = asked.name_keys(name) + (asked.name_keys(phrase) if phrase else [])
    if not keys or asked.names_one(c.text, keys):
        return False
    other = _ledger_speaker(c, context.evidence[c.n - 1], context.quotes)
    if other is None or not any(ch.isupper() for ch in other):
        # a description with no name ("the company", "the campaign") may be the one asked:
        # news names a body once and goes on with "the company" (Exxon's letter "calling the
        # two reports ...")
        return False
    return not asked.names_one(other, keys)


#: "Who <verb> ...?" with "who" the verb's subject: not "who did / was / has been ...", not
#: the passive ("who was accused").
_WHO_SUBJECT = re.compile(
    r"^\W*who\s+(?!(?:did|does|do|is|was|were|are|am|be|been|being|will|would|could|can|should|"
    r"might|may|must|shall|else)\b)(?:(?:has|have|had)\s+(?!been\b))?(?:\w+ly\s+)?[a-z]\w*\b",
    re.I,
)
#: "Which <one> <verb of speech> ...?" ("Which debate moderator asked Roe ...", "Which Ohio
#: congressman backing Doe called ..."): the described one is the verb's subject and the
#: speaker asked for, as "who" is in :data:`_WHO_SUBJECT` (no auxiliary before the verb: "which
#: aide did Roe praise" asks an object).
_WHICH_SUBJECT = re.compile(
    rf"^\W*which\s+(?!of\b)(?:(?!(?:{alternation('which_auxiliaries')})\b)[\w'’.,-]+\s+){{1,5}}?"
    rf"(?:{asked.SPEECH_FORMS})\b",
    re.I,
)


def asks_which_speaker(part: str) -> bool:
    """Does the part ask which one spoke, by a description ("Which debate moderator asked
    ...?", :data:`_WHICH_SUBJECT`)?"""
    return _WHICH_SUBJECT.match(ask_of(part)) is not None


def _named_one_spoke(context: Context, part: str, fitting: list[Scored], threshold: float) -> list[Scored]:
    """A "who criticized Jane Roe?" part asks for whoever spoke of Roe: Roe's own words do not
    answer it. For a part whose "who" is the subject of its verb, the sentences whose speaker
    (:func:`sentence_speaker`, unless the sentence's own "X said" clause names another) is a
    person the part names go after every other sentence, so
    the best sentence of another speaker (or of none) answers it, or the part abstains when
    no such sentence reaches the threshold.

    A "which <one> <verb of speech>" part (:data:`_WHICH_SUBJECT`: "Which debate moderator
    asked Roe ...?") asks the same of the names after its verb (the names of its description,
    "Which Ohio congressman backing Doe", describe the one asked for). Its named one's
    sentences go after only when the first other sentence reaches ``threshold`` and gives a
    speaker or a person the part does not name (:func:`_names_another`): the described one is
    named there. It is never withheld on this: measured without the two conditions, a ledger
    label made of a headline ("Donald Trump Sounds ...") withheld a right answer, and a
    sentence naming no one replaced the right one."""
    ask = ask_of(part)
    which = _WHICH_SUBJECT.match(ask)
    if not _WHO_SUBJECT.match(ask) and which is None:
        return fitting
    keys = [k for name in question_names(ask[which.end() :] if which else ask) for k in asked.name_keys(name)]
    if not keys:
        return fitting

    # words the question quotes at length ("Who replied 'Who knows at this point' ...?")
    # single out their sentence, whoever the part names beside them ("Trump's own cash" for
    # "Eric Trump responded")
    quoted = [normalise(q) for q in asked.quotations(ask) if len(q.split()) >= 4]

    def theirs(c: Scored) -> bool:
        who = sentence_speaker(c, context.evidence[c.n - 1], context.quotes)
        if who is None or not asked.names_one(who, keys):
            return False
        if any(q in normalise(c.text) for q in quoted):
            return False
        # the sentence's own clause names another speaker ("Roe said Doe's account ..."
        # inside a quotation the ledger gives to Doe): that one spoke
        own = _clause_name(c.text)
        return own is None or asked.names_one(own, keys)

    named = [c for c in fitting if theirs(c)]
    rest = [c for c in fitting if not theirs(c)]
    if not named:
        return fitting
    if which and not (rest and rest[0].prob >= threshold and _names_another(context, rest[0], part)):
        return fitting
    return rest + named


def _names_another(context: Context, c: Scored, part: str) -> bool:
    """Does sentence ``c`` give a speaker (:func:`sentence_speaker`) or a PERSON entity
    (:func:`asked.fresh_person`) that the part does not name?"""
    ev = context.evidence[c.n - 1]
    who = sentence_speaker(c, ev, context.quotes)
    if who is not None and not asked.names_one(part, asked.name_keys(who) or [normalise(who)]):
        return True
    return asked.fresh_person(ev, c.span, part)


_OPENING_PRONOUN = re.compile(r"^\W*(?:he|she)\b", re.I)
#: The opening "He" or "She" as a word of its own (not "He's": no name goes inside a contraction).
_PRONOUN_WORD = re.compile(r"^\W*(?:he|she)\b", re.I)


def _pronoun_subject(c: Candidate | Scored, ev: Evidence) -> str | None:
    """The person a sentence opening with "He" or "She" goes on about: the first person
    named by the nearest of the two sentences before it in its passage ("Conservative MP
    Jane Roe ... is in Ottawa this week. The MP says ... . He will also attend the gala on
    Thursday" -> Jane Roe), as :func:`_speaker_for` does for a pronoun's words. Shown as the
    answer's lead, so an answer that is only "He will also attend ..." says who."""
    if not _OPENING_PRONOUN.match(c.text):
        return None
    return _person_before(c, ev)


def _a_person(context: Context, keys: list[str]) -> bool:
    """Does a PERSON entity of the evidence end with one of ``keys`` (a surname)?"""
    for ev in context.evidence:
        for s, e, label in ev.entities:
            if label == "PERSON" and any(normalise(ev.at(s, e)).endswith(k) for k in keys):
                return True
    return False


def _speaks(ev: Evidence, sp: Span, context: Context, name: str, gap: int) -> bool:
    """Is ``name`` the speaker of the sentence ``sp`` of ``ev``: the quote ledger gives its
    words to them, the article is their own column (:func:`_authored`), or the text
    attributes the words to them (:func:`asked.attributes_to`)? The text test stands for
    spaCy's parse (the person as the subject of a speech verb): nothing on the ask path
    loads spaCy, and the text test is measured on PolNeAR's attributions."""
    keys = asked.name_keys(name)
    if not keys:
        return False
    ledger = _ledger_speaker_at(sp, ev, context.quotes)
    if ledger is not None and asked.names_one(ledger, keys):
        return True
    return _authored(ev, sp, ledger, keys) or asked.attributes_to(ev, sp, name, ledger, gap)


def _authored(ev: Evidence, sp: Span, ledger: str | None, keys: list[str]) -> bool:
    """Is the sentence the byline's own view: the article's author is the person (``keys``:
    :func:`asked.name_keys`), and neither the quote ledger nor the sentence's own attribution
    clause gives its words to anyone else? An opinion column argues its author's views
    without quotation marks or speech verbs ("To prevail, she will have to ..."): the text
    test and the ledger see no speaker in them, the byline does."""
    if not ev.author or not keys or not asked.names_one(ev.author, keys):
        return False
    if ledger is not None and not asked.names_one(ledger, keys):
        return False
    own = _own_attribution(ev.at(sp.start, sp.end))
    return own is None or asked.names_one(own, keys)


#: A "with" clause after a comma, up to the name: the writer's narration ("the campaign has
#: denied it happened, with Corey Roe taking to Twitter to call her 'delusional'").
_NARRATING_WITH = re.compile(r",\s+with\s+(?:[A-Z][\w.'’-]*\s+){0,3}$")


def _narrated_with(before: str) -> bool:
    """Does a name that ``before`` leads up to open a comma's "with" clause? The ledger reads
    a record of someone's words on through such a clause, but it is no part of them."""
    return bool(_NARRATING_WITH.search(before))


def _attributed(c: Scored, context: Context, name: str, tuning: AnswerSettings) -> bool:
    """Does the text attribute sentence ``c``'s words to ``name`` (:func:`asked.attributes_to`)?
    The ledger's speaker of the sentence vetoes another's name only where that name stands
    inside the ledger's records of others' words ("Trump said Roe called it ..."): a sentence
    can report two people ("the campaign has denied it, with Roe taking to Twitter to call
    it ..."), and the ledger gives it the first one's."""
    ev = context.evidence[c.n - 1]
    speaker = _ledger_speaker(c, ev, context.quotes)
    keys = asked.name_keys(name)
    if speaker is not None and keys and not asked.names_one(speaker, keys):
        others = _overlapping_records(c.span, ev, context.quotes)
        low = c.text.lower()
        at = [c.span.start + m.start() for k in keys for m in re.finditer(rf"\b{re.escape(k)}\b", low)]
        if at and all(
            _narrated_with(c.text[: a - c.span.start]) or not (q.start <= a < q.end)
            for a in at
            for q in others
        ):
            # the name outside every record of others' words, as a speech verb's subject
            return asked.speaks_in(c.text, keys, tuning.speaker_gap)
    return asked.attributes_to(ev, c.span, name, speaker, tuning.speaker_gap)


def _own_words_first(
    context: Context, fitting: list[Scored], name: str, threshold: float, tuning: AnswerSettings
) -> list[Scored]:
    """Asked what ``name`` said, a sentence that only mentions them ("Clinton's campaign has
    asked the moderator to fact check Donald Trump") gives way to one the text attributes to
    them (:func:`_attributed`: "Trump told Fox that ...") when that one is above the threshold
    and scores at least ``second_ratio`` of it: the ranker's probabilities of sentences on
    the question's topic crowd together near 1, where the mention and the words are a
    hair apart. A best sentence that holds anyone's words (a quotation, a ledger record) stays
    first: the ledger misses some speakers ("he cut into Bush, calling him a 'stiff'")."""
    if not fitting or _attributed(fitting[0], context, name, tuning):
        return fitting
    top = fitting[0]
    ev = context.evidence[top.n - 1]
    if _ledger_speaker(top, ev, context.quotes) is not None or ANY_DOUBLE_MARK.search(top.text):
        return fitting
    floor = max(threshold, tuning.second_ratio * fitting[0].prob)
    for c in fitting[1:]:
        if c.prob < floor:
            break
        if _attributed(c, context, name, tuning):
            return [c, *(x for x in fitting if x is not c)]
    return fitting


def _ledger_speaker(c: Candidate | Scored, ev: Evidence, quotes: list[Quote]) -> str | None:
    return _ledger_speaker_at(c.span, ev, quotes)


def _ledger_speaker_at(sp: Span, ev: Evidence, quotes: list[Quote]) -> str | None:
    """The speaker the quote ledger gives the words of sentence ``sp`` of ``ev``, if any
    (:func:`_sentence_record`)."""
    q = _sentence_record(sp, ev, quotes)
    return q.speaker if q is not None else None


def _sentence_record(sp: Span, ev: Evidence, quotes: list[Quote]) -> Quote | None:
    """The ledger record with a speaker that gives the words of sentence ``sp`` of ``ev``:
    the first that begins in the sentence, else the first that overlaps it. A record that
    began in an earlier sentence and runs into this one (a report's clause the ledger read
    on past its sentence's end) is that earlier sentence's; a quotation that opens here
    ("“...,” Mr. Doe recalled the president telling him.") has its own speaker."""
    overlapping = _overlapping_records(sp, ev, quotes)
    return next((q for q in overlapping if q.start >= sp.start), overlapping[0] if overlapping else None)


def _overlapping_records(sp: Span, ev: Evidence, quotes: list[Quote]) -> list[Quote]:
    """The ledger records with a speaker that overlap sentence ``sp`` of ``ev``."""
    return [
        q for q in quotes if q.doc_id == ev.doc_id and q.speaker and q.start < sp.end and sp.start < q.end
    ]


def _speaker_for(c: Candidate | Scored, ev: Evidence, quotes: list[Quote]) -> str | None:
    """The ledger's speaker for this sentence, else a name in its own attribution clause,
    else, for a pronoun's words ("..., he said"), the first person named by the nearest
    of the two sentences before it (a light coreference: news names the speaker, then
    goes on with "he said")."""
    q = _sentence_record(c.span, ev, quotes)
    if q is not None:
        if q.cue is None and (reporter := _quoted_report(c.text)) is not None:
            return _article_name(ev, reporter)
        return q.speaker
    name = _clause_name(c.text)
    if name is not None:
        return name
    if not _PRONOUN_SAID.search(c.text):
        return None
    return _person_before(c, ev)


def _quoted_report(text: str) -> str | None:
    """The speaker a quoted report's sentence names itself: a sentence that is all inside
    quotation marks (a block quoted from another outlet's report), speaks of no one in the
    first person and opens with its own attribution clause ("“Roe said the plan would
    fail ...") gives that clause's speaker, not the one the ledger carried over to the block
    from the narration before it (the ledger record has no cue of its own). A speaker's own
    words going on ("“We told Roe ...") keep the ledger's."""
    body = text.strip()
    if not body.startswith(_QUOTE_OPENERS):
        return None
    closed, unclosed, _ = quotation_spans(body)
    inner = body.lstrip("\"“‘'").strip()
    outside = body
    for a, b in closed:
        outside = outside[:a] + " " * (b - a) + outside[b:]
    if unclosed:
        outside = outside[: min(unclosed)]
    if re.search(r"\w", outside) or _FIRST_PERSON.search(inner):
        return None
    m = _NAME_SAID.match(inner)
    if m is None or m.group(1).split()[0] in _NOT_NAMES:
        return None
    return m.group(1).strip()


_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|us|[Oo]ur|[Yy]ou|[Yy]our)\b")


def _article_name(ev: Evidence, name: str) -> str:
    """``name`` as the passage names the person in full ("Roe" -> "Jane Roe"): the longest
    PERSON entity of ``ev`` ending with its last word, else ``name`` as written."""
    last = name.split()[-1]
    full = [
        _whole_name(ev, s, e)
        for s, e, label in ev.entities
        if label == "PERSON" and ev.at(s, e).split()[-1:] == [last]
    ]
    return max(full, key=len) if full else name


def _person_before(c: Candidate | Scored, ev: Evidence) -> str | None:
    """The first person named by the nearest of the two sentences before ``c`` in its
    passage: usually that sentence's subject, whom a "he" or "she" after it goes on about. A
    name a preposition leads is no subject ("But like Trump, Rubio holds ...": Rubio), unless
    the sentence names no other."""
    for prev in reversed([s for s in ev.sentences if s.end <= c.span.start][-2:]):
        people = sorted(
            (s, e) for s, e, label in ev.entities if label == "PERSON" and prev.start <= s < prev.end
        )
        if people:
            subjects = [(s, e) for s, e in people if not _LED_BY_PREPOSITION.search(ev.at(prev.start, s))]
            s, e = (subjects or people)[0]
            return _whole_name(ev, s, e)
    return None


#: A name right after a preposition ("like Trump", "with Clinton", "of Sanders") is its object.
_LED_BY_PREPOSITION = re.compile(rf"\b(?i:{alternation('subordinators', 'object_prepositions')})\s+$")


#: The rest of a nickname a PERSON entity stops inside: its closing mark and the surname.
_NICKNAME_REST = re.compile(r"[^\s“”\"]*[”\"]\s+[A-Z][\w’'-]+")


def _whole_name(ev: Evidence, s: int, e: int) -> str:
    """The PERSON entity ``[s, e)`` of ``ev`` as a name to show. spaCy's entity can stop
    inside a quoted nickname (`Marine John “Tig` of `Marine John “Tig” Tiegen`); a label
    with the mark left open is a quotation that pairs with nothing, and the verifier drops
    every claim it leads. Such a name runs on through the closing mark and the surname after
    it; failing that, its marks are left out."""
    name = ev.at(s, e)
    if quotes_balanced(name):
        return name
    rest = _NICKNAME_REST.match(ev.text, e - ev.start)
    if rest is not None:
        return name + rest.group(0)
    return re.sub(r"\s*[“”\"]\s*", " ", name).strip()


def _own_attribution(text: str) -> str | None:
    """The name in a sentence's own attribution clause ("..., Jane Roe said", "Roe told
    reporters that ..."), the quoted words blanked so that a name inside them is not taken."""
    bare = text
    for a, b in quotation_spans(text)[0]:
        bare = bare[:a] + " " * (b - a) + bare[b:]
    return _clause_name(bare)


def _clause_name(text: str) -> str | None:
    """The first name an attribution clause of ``text`` gives ("Roe said", "said Jane Roe"),
    not a word that only looks like one (:data:`_NOT_NAMES`)."""
    for rx in (_NAME_SAID, _SAID_NAME):
        for m in rx.finditer(text):
            name = m.group(1).strip()
            if name.split()[0] not in _NOT_NAMES:
                return name
    return None


def _same_one(a: str, b: str) -> bool:
    """Do two renderings of a person's name ("Sen. Jane Roe", "Roe") share the surname?"""
    x, y = a.lower().split(), b.lower().split()
    return bool(x and y) and x[-1] == y[-1]


#: "Who was the reporter?", "who is the new spokesman": a person asked for by a role noun
#: after "who <be> the" (as "Which reporter ...?" asks, :func:`asked.role_which`).
_WHO_THE = re.compile(r"\bwho\s+(?:is|was|are|were)\s+the\s+(?P<np>[^?,;:]{1,60})", re.I)


def _role_asked(part: str) -> str | None:
    """The role noun a part asks the holder of: "Which reporter ..." or "Who was the
    reporter?" -> "reporter"; else None."""
    role = asked.role_which(part)
    if role is not None:
        return role
    m = _WHO_THE.search(part_ask(part))
    if m is None:
        return None
    return asked.role_which(f"which {m.group('np')}")


def _names_role_holder(context: Context, c: Scored, role: str) -> bool:
    """Does ``c`` name a person the question does not, right beside the role noun
    ("reporter Michelle Fields", "Michelle Fields, a reporter for ...")?"""
    ev = context.evidence[c.n - 1]
    if not (ev.start <= c.span.start and c.span.end <= ev.end):
        return False
    qlow = normalise(context.question)
    for s, e, label in ev.entities:
        if label != "PERSON" or not (c.span.start <= s and e <= c.span.end):
            continue
        if any(w in qlow for w in normalise(ev.at(s, e)).split() if len(w) > 2):
            continue
        before = ev.at(c.span.start, s)
        words = before.rstrip().split()
        if before.endswith((" ", "\n")) and words and asked.names_role(words[-1], role):
            return True
        after = ev.at(e, c.span.end)
        m = re.match(r"^,\s+(?:a|an|the)\b[^,.;]{0,40}", after, re.I)
        if m and asked.names_role(m.group(0), role):
            return True
    return False


#: The stems of the nouns for something said ("comments", "remarks", "speech").
_SPEECH_NOUN_STEMS = frozenset(t for w in wordlist("speech_nouns") for t in tokenize(w))


def _dated_words_of_asked(
    context: Context, part: str, cands: list[Scored], threshold: float, gap: int
) -> Scored | None:
    """For a "when" ask about a named person's words ("On which night did Manafort speak to
    the RNC members ...?") whose best sentence (above ``threshold``) tells of them without a
    day ("Mr. Manafort's comments ... came during a happy-hour reception"): the sentence of the
    same article that gives the person's words with a day ("... ,'' Mr. Manafort said Thursday
    night"), scored like the best; else None. News dates a speech once, on one of its quotes,
    and tells the occasion elsewhere. ``gap``: how far a name may stand from its speech verb
    (:func:`asked.attributes_to`).

    The best sentence must name the person and something said ([speech_nouns]: "comments",
    "remarks", "statement"). Round 31: r17 +1 fact and date; without that noun two check sets
    gained a fact each but another lost an abstention (a sentence merely naming the person is
    no occasion of their words)."""
    name = _named_asked(context, part)
    if name is None:  # "did Manafort speak to ...": a name the ledger knows as a speaker
        speakers = {q.speaker for q in context.quotes if q.speaker}
        known = {
            n for n in question_names(part) if any(asked.names_one(s, asked.name_keys(n)) for s in speakers)
        }
        name = known.pop() if len(known) == 1 else None
    if name is None or not cands or cands[0].prob < threshold:
        return None
    best = cands[0]
    keys = asked.name_keys(name)
    if not asked.names_one(best.text, keys) or _SPEECH_NOUN_STEMS.isdisjoint(tokenize(best.text)):
        return None  # the best sentence does not tell of the person's words ("comments", "speech")
    doc = context.evidence[best.n - 1].doc_id
    for c in cands[1:]:
        ev = context.evidence[c.n - 1]
        if ev.doc_id != doc or not asked.holds_day(
            ev, c.span, context.notes.get(f"{ev.doc_id}:{c.span.start}")
        ):
            continue
        if asked.attributes_to(ev, c.span, name, _ledger_speaker(c, ev, context.quotes), gap):
            return replace(best, n=c.n, span=c.span, text=c.text, goes_on=False, further=False)
    return None
