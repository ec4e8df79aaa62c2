"""Showing quotations and runs of sentences: a sentence widened to its whole quotation (closed
where it runs on into the next paragraph), the article stretch a sentence speaks in, the
sentences after or before the best one that carry its speaker's words or deliver what it
announces, and further words of the person a part asks about."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer import asked
from assistant.answer.backends.extractive.common import (
    _content_terms,
    _fresh_entities,
    _joined,
    _overlaps,
    _same_article,
    _same_words,
)
from assistant.answer.backends.extractive.speakers import (
    _NAME_SAID,
    _OPENING_PRONOUN,
    _PRONOUN_SAID,
    _PRONOUN_SPEECH,
    _SAID_AFTER,
    _bare_quotation,
    _ledger_speaker,
    _named_asked,
    _names_speaker,
    _opens_quotation,
    _own_attribution,
    _person_before,
    _quoted_one_named,
    _quotes_words,
    _same_one,
    _words_of,
)
from assistant.answer.backends.extractive.wanted import _SPECIFICS
from assistant.answer.ranker import (
    Scored,
    answer_type,
    sentence_kinds,
)
from assistant.engines.lexical import tokenize
from assistant.nlp import alternation, wordlist
from assistant.nlp.text import ANY_DOUBLE_MARK, mark_width, normalise, quotation_spans
from assistant.quotes.people import PERSON_DESCRIPTORS
from assistant.settings import AnswerSettings
from assistant.types import FOLLOWING_SENTENCES, Context, Evidence, Span

_PARTNER = {"“": "”", "„": "”", '"': '"', "”": "“", "''": "''", "``": "''"}


def whole_quotation(ev: Evidence, span: Span, tuning: AnswerSettings | None = None) -> tuple[Span, str]:
    """The sentence at ``span`` widened to the whole quotation it belongs to, and the text
    to show for it.

    A sentence inside a quotation that spans sentences opens (or closes) a quotation mark
    it does not close (or open). It is widened over the neighbouring sentences of the
    passage until its marks pair up, so the marker after it follows the closing mark.
    When the quotation runs on beyond the passage (or is very long), the missing mark is
    added at the edge instead: the words between the marks are then still the source's.
    "Very long" is more than ``tuning.max_quotation_sentences`` sentences (default:
    :class:`AnswerSettings` from the environment).
    """
    most = (tuning or AnswerSettings()).max_quotation_sentences
    sents = ev.sentences or [Span(start=ev.start, end=ev.end)]
    i = j = next((k for k, sp in enumerate(sents) if sp.start == span.start), -1)
    if i < 0:
        sents, i, j = [span], 0, 0

    def cut(a: int, b: int) -> str:
        return _paragraphs_closed(ev.text[sents[a].start - ev.start : sents[b].end - ev.start])

    while j - i + 1 < most:
        _, unclosed, unopened = quotation_spans(cut(i, j))
        if unopened and i > 0:
            i -= 1
        elif unclosed and j + 1 < len(sents):
            j += 1
        else:
            break
    text = cut(i, j)
    _, unclosed, unopened = quotation_spans(text)
    head = "".join(_PARTNER[text[k : k + mark_width(text, k)]] for k in reversed(unopened))
    tail = "".join(_PARTNER[text[k : k + mark_width(text, k)]] for k in reversed(unclosed))
    return Span(start=sents[i].start, end=sents[j].end), f"{head}{text}{tail}"


_REOPENED = re.compile(r"[ \t\u00a0]*\n\s*(?=[“„\"]|``)")


def _paragraphs_closed(text: str) -> str:
    """``text`` with a quotation that runs on into the next paragraph closed where its
    paragraph ends.

    News (and most English style guides) quote a speaker over several paragraphs by
    opening each paragraph with a quotation mark and closing only the last: "“... revel in
    it.\n“There's another side ...,” Roe said." Read mark by mark, the first paragraph's
    quotation never closes, so a sentence of it is widened past its speaker's words and
    its shown claims do not pair up (the verifier then drops them). The closing mark the
    convention leaves out is added before the paragraph break, so each paragraph's words
    are a quotation of their own; the words between the marks stay the source's."""
    out: list[str] = []
    last = 0
    for m in _REOPENED.finditer(text):
        _, unclosed, _ = quotation_spans(text[: m.start()])
        opened = [k for k in unclosed if k >= last]
        if opened:
            head = text[last : m.start()]
            out.append(head + "".join(_PARTNER[text[k : k + mark_width(text, k)]] for k in reversed(opened)))
            last = m.start()
    if not out:
        return text
    rest = text[last:]
    _, _, unopened = quotation_spans(rest)
    end = len(rest.rstrip())
    if unopened and unopened[-1] + mark_width(rest, unopened[-1]) == end and len(unopened) == 1:
        # the quotation's last paragraph opens with a mark of its own (the words it quotes:
        # "“I won't,” Roe said.\"") and ends with the mark that closes the quotation the
        # first paragraph opened, which is closed where that paragraph ends: shown without
        # it, the last paragraph is a whole quotation of its own
        rest = rest[: unopened[-1]] + rest[end:]
    return "".join(out) + rest


def _window(context: Context, c: Scored) -> tuple[Evidence, int, int]:
    """The article stretch a sentence speaks in: the sentence with the whole quotation it
    belongs to and the two sentences before it in its passage (whom or where a "he", "the
    state" or "there" of the sentence stands for), as the passage and article offsets."""
    ev = _joined(context, c.n)
    span, _ = whole_quotation(ev, c.span)
    before = [s for s in ev.sentences if s.end <= span.start][-2:]
    return ev, (before[0].start if before else span.start), span.end


def _words_that_follow(
    context: Context, best: Scored, cands: list[Scored], part: str, *, quoted: bool = False
) -> list[Scored]:
    """The next sentences of ``best``'s article that deliver what ``best`` only announces.

    News introduces a speaker or a finding ("Sanders offered some pointed advice to
    Clinton", "Ham explained why he backs Trump", "an analysis ... reveals just how swift
    ...") and gives the words or the figure in the next sentence, often in the next
    paragraph or past the passage's edge (:attr:`Context.following`). Of the next
    :data:`FOLLOWING_SENTENCES` sentences, the first that delivers is taken:

    * the words of the person ``best`` names (it needs a person, by entity or the ledger):
      "he said" (any reporting verb), a sentence opening a quotation, or the same surname
      with a speech verb ("Sanders told MSNBC that ...") -- and when that sentence reports
      the words without quoting them, the quotation right after it too;
    * else a sentence holding the kind of thing the part asks for (a time or a number)
      that ``best`` lacks;
    * else, when ``best`` reports a measured finding without its figures (a poll, a study:
      :func:`_reports_finding`), a sentence holding a figure (a percentage, a share, a rate);
    * else, for a part asking who (said), when ``best`` names no speaker (neither the
      ledger nor its own "X said"), a sentence that quotes words and names their speaker
      (:func:`_names_speaker`: the answer to "who said").

    Only when ``best`` quotes no one (``quoted`` lifts this, for a later part of a
    question that the sentences already shown answer only in part): a sentence that
    quotes is already the words. Whatever ``best`` is, a next sentence of its paragraph
    that refers back to it with a demonstrative subject (:func:`_elaborates`) is taken.
    Two sentences at most, so the answer stays the quote, not the page; a sentence past
    them is another topic as often as not.
    """
    ev = _joined(context, best.n)
    sents = ev.sentences
    i = next((k for k, sp in enumerate(sents) if sp.start == best.span.start), -1)
    ahead = sents[i + 1 : i + 1 + FOLLOWING_SENTENCES] if i >= 0 else []
    texts = [ev.at(sp.start, sp.end) for sp in ahead]
    if ahead and _elaborates(texts[0], ev.text[best.span.end - ev.start : ahead[0].start - ev.start]):
        return [_follower(ev, best, ahead[0], texts[0], cands)]
    if not quoted and ANY_DOUBLE_MARK.search(best.text) and not _QUOTED_QUESTION.search(best.text):
        return []  # the sentence quotes already (a question put to someone: the reply follows)
    person = "person" in best.kinds or _ledger_speaker(best, context.evidence[best.n - 1], context.quotes)
    wanted = answer_type(part)
    figures = _reports_finding(best.text)
    # "who said ...?" answered by a sentence that names no speaker: the speaker's quoted words next
    unattributed = (
        wanted == "person"
        and _ledger_speaker(best, context.evidence[best.n - 1], context.quotes) is None
        and not _NAME_SAID.search(best.text)
    )
    take: list[int] = []
    for k, text in enumerate(texts):
        if person and _words_of(text, best.text, strict=quoted):
            take.append(k)
            if k + 1 < len(texts) and not _quotes_words(text) and _opens_quotation(texts[k + 1]):
                take.append(k + 1)  # "X told Y that ...", then X's own words
            break
        if wanted in _SPECIFICS and wanted not in best.kinds and wanted in sentence_kinds(ev, ahead[k]):
            take.append(k)
            break
        if figures and _FIGURE.search(text):
            take.append(k)
            break
        if unattributed and _quotes_words(text) and _names_speaker(text):
            take.append(k)
            break
    return [_follower(ev, best, ahead[k], texts[k], cands) for k in take]


#: A sentence that ends on a quoted question ("X was asked by Y, “..., has it not?”"): the
#: quotation is the asker's, and the one asked answers in the sentences after it.
_QUOTED_QUESTION = re.compile(r"\?\s*(?:[\"”]|'')\W*$")

_FINDING_NOUNS = wordlist("finding_nouns")
#: A figure a finding gives: a percentage, a share, a rate ("48 percent", "one in five",
#: "every 72 minutes", "53% to 36%").
_SMALL = alternation("small_numbers")
_FIGURE = re.compile(
    r"\d\s*(?:%|percent\b|per\s+cent\b|percentage\s+points?\b|points?\b)"
    rf"|\b(?:{_SMALL}|\d+)\s+(?:in|of|out\s+of)\s+(?:every\s+)?(?:\d+|{_SMALL})\b"
    r"|\bevery\s+\d+\s+[a-z]+",
    re.I,
)


def _reports_finding(text: str) -> bool:
    """Does the sentence report a measured finding (a poll, a study, an analysis: a noun of
    :data:`_FINDING_NOUNS`) without giving a figure ("The poll showed that either would
    defeat him", "an analysis reveals just how swift ...")? News gives the figures in the
    sentence after."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & _FINDING_NOUNS) and not _FIGURE.search(text)


def _follower(ev: Evidence, best: Scored, sp: Span, text: str, cands: list[Scored]) -> Scored:
    """Sentence ``sp`` after ``best`` as a candidate (the ranked one when it was ranked)."""
    known = next((c for c in cands if c.n == best.n and c.span.start == sp.start), None)
    return known or Scored(best.n, sp, text, {}, kinds=sentence_kinds(ev, sp))


_DEMONSTRATIVES = wordlist("demonstratives")
_BACKREFERENCE = wordlist("backreference_verbs")


def _elaborates(text: str, gap: str) -> bool:
    """Does ``text``, in the same paragraph as the sentence before it (``gap``: the text
    between them, no line break), open with a demonstrative subject that refers back to
    it ("That could include indicting the hackers ...", "This means ...")? Then it
    finishes the sentence before's thought, quoted or not, and an answer shows it too."""
    if "\n" in gap:
        return False
    words = re.findall(r"[A-Za-z']+", text[:40].lower())
    return len(words) >= 2 and words[0] in _DEMONSTRATIVES and words[1] in _BACKREFERENCE


def _asked_persons_words(
    context: Context,
    part: str,
    wanted: str | None,
    fitting: list[Scored],
    chosen: list[Scored],
    used: set[tuple[int, int]],
    threshold: float,
) -> Scored | None:
    """For a part asking what a named person said ("How did Jane Roe describe ...?"), the
    best-ranked sentence above the abstention threshold that quotes two or more of that
    person's words (the quote ledger's speaker; two: "calling it a “paperwork error”"), when
    it is not chosen already and is in the article of the best sentence (another article's
    sentence must earn its place by its own rank).

    News often leads with a sentence that announces the person's view ("Roe explained why
    she backs the plan") and gives the quoted words a sentence or a paragraph later, where
    they rank high but below :attr:`AnswerSettings.second_ratio` of the announcing
    sentence. The words asked for are the person's quotation, so one of theirs joins the
    answer (in room left under ``max_sentences``; the caller checks).

    The person is the one whose words the part asks for (:func:`_named_asked`), else, for a
    part that asks for no specific thing, the one person it names whom the ledger quotes
    (:func:`_quoted_one_named`: "Why did Jane Roe leave the fee out of her speech?")."""
    if wanted in ("name", "person"):
        return None
    speaker = _named_asked(context, part) or (_quoted_one_named(context, part) if wanted is None else None)
    keys = asked.name_keys(speaker) if speaker else []
    if not keys or not chosen:
        return None

    def quotes_them(c: Scored) -> bool:
        who = _ledger_speaker(c, context.evidence[c.n - 1], context.quotes)
        return who is not None and asked.names_one(who, keys) and _quotes_words(c.text, 2)

    for c in fitting:
        if c.prob < threshold:
            return None
        if quotes_them(c):
            if (c.n, c.span.start) in used or any(_overlaps(c, x) or _same_words(c, x) for x in chosen):
                return None
            return c if _same_article(context, c, chosen[0]) else None
    return None


_WORD_RUN = re.compile(r"[A-Za-z][\w'’-]*")


def _topic_terms(part: str) -> set[str]:
    """The part's own topic terms: its lexical tokens without names (capitalised words after
    the first), speech verbs, the cue and question terms."""
    words = _WORD_RUN.findall(part)
    kept = [w for i, w in enumerate(words) if not (i and w[0].isupper()) and not asked.is_speech_form(w)]
    return _content_terms(" ".join(kept))


def _persons_other_words(
    context: Context,
    part: str,
    wanted: str | None,
    ranked: list[Scored],
    chosen: list[Scored],
    used: set[tuple[int, int]],
    most: int,
) -> list[Scored]:
    """For a part asking what one named person said, up to ``most`` more of that person's
    quoted sentences (quote-ledger speaker, three or more quoted words) from the articles
    the chosen sentences already cite, in the part's ranker order (``ranked``: every candidate,
    not only those its filters kept) at any probability, when no chosen sentence is the
    person's quotation holding a topic term of the part.

    A question that paraphrases what someone said shares few words with the quotation it
    paraphrases, so the ranker puts the sentence announcing the person's view first and their
    words far down (evals/README.md, whatsaid12 and whatsaid14). Their other quotations of the
    same article are the candidates a reader would look at next; only cited articles, so the
    articles cited do not change (:func:`_compose` cites no other outlet's copy of them:
    ``Scored.further``). The person is read as :func:`_asked_persons_words` reads them."""
    if most <= 0 or wanted is not None or not chosen:
        return []  # a part asking for a specific thing (a time, a count, a name) is not asking their words
    speaker = _named_asked(context, part) or _quoted_one_named(context, part)
    keys = asked.name_keys(speaker) if speaker else []
    if not keys:
        return []

    def theirs(c: Scored) -> bool:
        who = _ledger_speaker(c, context.evidence[c.n - 1], context.quotes)
        return who is not None and asked.names_one(who, keys) and _quotes_words(c.text)

    topic = _topic_terms(part)
    for c in chosen:
        quoted = " ".join(c.text[a:b] for a, b in quotation_spans(c.text)[0])
        if theirs(c) and topic & set(tokenize(quoted)):
            return []  # their words on the topic are shown
    docs = {context.evidence[c.n - 1].doc_id for c in chosen}
    out: list[Scored] = []
    for c in ranked:
        if len(out) >= most:
            break
        if context.evidence[c.n - 1].doc_id not in docs or (c.n, c.span.start) in used:
            continue
        if any(_overlaps(c, x) or _same_words(c, x) for x in [*chosen, *out]):
            continue
        if theirs(c):
            out.append(replace(c, further=True))
    return out


def _speaker_goes_on(
    context: Context, c: Scored, span: Span, taken: list[tuple[str, Span]], tuning: AnswerSettings
) -> tuple[Span, str] | None:
    """The article's next sentence after ``c`` (shown as ``span``) when ``c``'s speaker goes
    on in it, widened to its whole quotation (:func:`whole_quotation`), and its text.

    News quotes a person in a run of sentences: "“...,” Roe said." then "“...”" (a
    quotation with no attribution of its own) or "He then defended the remark, saying
    ...". A reader asking what Roe said wants the run, not its first sentence, and the
    asked-for words are as often in the second as in the first. The speaker of ``c`` is
    the ledger's or its own clause's ("Roe said"), else for a pronoun's words or a bare
    quotation the person named just before it (:func:`_person_before`). The next sentence
    goes on when it names no speaker of its own (a sentence that does, "Roe told
    listeners ...", is a new statement, measured: it adds words, not answers) and the
    ledger gives it to the same person (the surname), or it is a pronoun's words whose
    nearest named person is that speaker, or a quotation with no attribution at all.
    Across the passage's edge (:attr:`Context.following`), one sentence, never one
    already shown or picked (``taken``: article and span)."""
    base = context.evidence[c.n - 1]
    ev = _joined(context, c.n)
    who = _ledger_speaker(c, base, context.quotes) or _own_attribution(c.text)
    if who is None and (
        _PRONOUN_SAID.search(c.text) or _PRONOUN_SPEECH.search(c.text) or _opens_quotation(c.text)
    ):
        who = _person_before(c, ev)
    nxt = next((sp for sp in ev.sentences if sp.start >= span.end), None)
    if who is None or nxt is None:
        return None
    nb = Scored(c.n, nxt, ev.at(nxt.start, nxt.end), {}, kinds=sentence_kinds(ev, nxt))
    if _own_attribution(nb.text) is not None:
        return None  # it names its own speaker: a new statement, not the run going on
    name = _ledger_speaker(nb, base, context.quotes)
    if name is not None:
        goes_on = _same_one(name, who)
    elif _PRONOUN_SAID.search(nb.text) or _PRONOUN_SPEECH.search(nb.text):
        goes_on = _same_one(_person_before(nb, ev) or who, who)
    else:
        goes_on = _opens_quotation(nb.text) and not _SAID_AFTER.search(nb.text) and _bare_quotation(nb.text)
    if not goes_on:
        return None
    nspan, body = whole_quotation(ev, nxt, tuning)
    if any(d == ev.doc_id and nspan.start < s.end and s.start < nspan.end for d, s in taken):
        return None
    return nspan, body


def _speaker_started_before(
    context: Context, c: Scored, span: Span, taken: list[tuple[str, Span]], tuning: AnswerSettings
) -> tuple[Span, str] | None:
    """The sentence before ``c`` (shown as ``span``) in its passage, widened to its whole
    quotation (:func:`whole_quotation`), and its text, when ``c`` goes on from that
    sentence's speaker.

    The mirror of :func:`_speaker_goes_on`. News quotes a person in a run of sentences, and
    the ranker often picks the run in its middle: a quotation with no attribution of its own
    ("“He gets to set the rules ...”") or only a pronoun's ("“...,” she said"), or a
    pronoun's words ("He said the pact ..."), while
    the run's first sentence -- the one that names the person -- holds the asked words as
    often. It is shown when ``c`` names no speaker of its own and the ledger (else its own
    clause, "..., Roe said") gives the sentence before to the same person as ``c`` (the
    ledger's speaker of ``c``, else the one named there). Never a sentence already shown or
    picked (``taken``: article and span)."""
    if _own_attribution(c.text) is not None:
        return None  # it names its own speaker: the start of a run, not its middle
    if not (_OPENING_PRONOUN.match(c.text) or (_opens_quotation(c.text) and not _SAID_AFTER.search(c.text))):
        return None
    ev = _joined(context, c.n)
    before = [sp for sp in ev.sentences if sp.end <= span.start]
    if not before:
        return None
    sp = before[-1]
    prev = Scored(c.n, sp, ev.at(sp.start, sp.end), {}, kinds=set())
    name = _ledger_speaker(prev, ev, context.quotes) or _own_attribution(prev.text)
    who = _ledger_speaker(c, ev, context.quotes) or name
    if name is None or who is None or not _same_one(name, who):
        return None
    return _quotation_before(ev, sp, span, taken, tuning)


def _quotation_before(
    ev: Evidence, sp: Span, span: Span, taken: list[tuple[str, Span]], tuning: AnswerSettings
) -> tuple[Span, str] | None:
    """Sentence ``sp`` of ``ev`` widened to its whole quotation, when that ends before the shown
    ``span`` and overlaps nothing already shown or picked (``taken``)."""
    pspan, body = whole_quotation(ev, sp, tuning)
    if pspan.end > span.start or any(
        d == ev.doc_id and pspan.start < s.end and s.start < pspan.end for d, s in taken
    ):
        return None
    return pspan, body


def _sentence_before(context: Context, doc_id: str, start: int) -> tuple[Evidence, Span] | None:
    """The article's sentence that ends right before offset ``start`` (only white space, a
    paragraph break, between), in any evidence passage of the article or the sentences read
    past one's edge (:attr:`Context.following`), with the passage that holds it."""
    for ev in [*context.evidence, *context.following.values()]:
        if ev.doc_id != doc_id or ev.start >= start:
            continue
        for sp in ev.sentences:
            if start - _GAP <= sp.end <= start:
                return ev, sp
    return None


#: Characters at most between two sentences of a run that a passage's edge parts: a space or
#: a paragraph break.
_GAP = 3


def _asked_persons_start(
    context: Context, part: str, c: Scored, span: Span, taken: list[tuple[str, Span]], tuning: AnswerSettings
) -> tuple[Span, str] | None:
    """The sentence before ``c`` (shown as ``span``) when ``c`` opens its passage, is the words
    of the person the part asks about, and the sentence before it in the article -- in another
    passage of the context, across the edge -- is theirs too; widened to its whole quotation.

    Retrieval cuts articles into passages at paragraph breaks, and news quotes a person over
    several paragraphs: "“... The only nit to pick was flat average weekly hours.”" then "But
    “the more interesting issue,” Roe added, “is ...”". The ranker can pick the second for a
    question on Roe's words while the first, another passage's last sentence, holds the asked
    thing. :func:`_speaker_started_before` reads the passage it is in, and only for a sentence
    naming no speaker of its own; this one reads across the edge, for the asked person alone
    (:func:`_named_asked`, else :func:`_quoted_one_named`), whatever ``c``'s own clause says.
    The sentence before is theirs when the ledger (else its own clause) gives it to them, or it
    is a pronoun's words or a bare quotation and the person named before it (else ``c``'s
    speaker) is them. Never a sentence already shown or picked (``taken``)."""
    person = _named_asked(context, part) or _quoted_one_named(context, part)
    keys = asked.name_keys(person) if person else []
    if not keys:
        return None
    base = context.evidence[c.n - 1]
    ev = _joined(context, c.n)
    if any(sp.end <= span.start for sp in ev.sentences):
        return None  # not its passage's first sentence: the passage itself shows what is before it
    mine = _ledger_speaker(c, base, context.quotes) or _own_attribution(c.text)
    if mine is None or not asked.names_one(mine, keys):
        return None
    found = _sentence_before(context, ev.doc_id, span.start)
    if found is None:
        return None
    src, sp = found
    prev = Scored(c.n, sp, src.at(sp.start, sp.end), {}, kinds=set())
    who = _ledger_speaker(prev, src, context.quotes) or _own_attribution(prev.text)
    if who is None:
        spoken = _PRONOUN_SAID.search(prev.text) or _PRONOUN_SPEECH.search(prev.text)
        if not (spoken or _opens_quotation(prev.text)):
            return None
        who = _person_before(prev, src) or mine
    if not (asked.names_one(who, keys) or _same_one(who, mine)):
        return None
    return _quotation_before(src, sp, span, taken, tuning)


#: The most characters between a passage and the next one of its article for them to be adjacent
#: paragraphs (a paragraph break: a newline or two and the spaces around them).
_PARAGRAPH_GAP = 4

#: Where a description ends: the first comma, relative pronoun or "said".
_DESCRIPTION_END = re.compile(r",|\b(?:who|which|that|said|says)\b")
#: The most words of a description read (its head noun comes early: "the Republican
#: vice-presidential nominee riffed on Hassan's non-answer ..." holds a name after it).
_DESCRIPTION_WORDS = 5
#: Entities that modify a person's noun in a description ("the Vermont senator", "the
#: Republican nominee", "the two candidates"): not a name the description is.
_DESCRIPTION_MODIFIERS = frozenset({"NORP", "ORDINAL", "CARDINAL", "GPE"})
#: A ledger speaker that is a possessive's noun ("His office", "Her campaign"): whose it is, the
#: sentence before says.
_POSSESSIVE_SPEAKER = re.compile(r"(?:his|her)\s", re.IGNORECASE)
#: A day or a time adverb fronted before a sentence's subject ("Tuesday, ...", "Later, ...").
_FRONTED_TIME = rf"(?:on\s+)?(?:{alternation('weekdays', 'fronted_time')}),?\s+"
#: A group's back-reference for a sentence's subject: "Both were suspending their campaigns
#: ...", "The two men met ...": the people are named in the sentence before.
#: A possessive subject is one too: "His office put out a statement ...", "Her campaign said ...".
_GROUP_OPENING = re.compile(
    rf"^\W*(?:{_FRONTED_TIME})?(?:both|the\s+two|the\s+three|neither|his|her)\b", re.IGNORECASE
)
#: A definite description as a sentence's subject: "the" opening the sentence (after a fronted
#: day: "Tuesday, the Vermont senator opened a rally ...") or right after the quotation it opens
#: with ("The influential delegate ... warned", "“...,” the nominee riffed").
_DESCRIPTION = re.compile(rf"^\W*(?:(?:“[^”]+”|\"[^\"]+\"|''.+?'')\s*|{_FRONTED_TIME})?the\s+", re.IGNORECASE)


def _antecedent_named(context: Context, best: Scored, names: list[str]) -> Scored | None:
    """The sentence right before ``best`` in its article, as a candidate scored like ``best``,
    when ``best`` answers a "who" ask with a description for its subject ("the influential
    delegate", "the Republican vice-presidential nominee": not a name, an organisation or a
    place the tagger knows), the ledger gives it no speaker, and that sentence names a person
    the question does not; else None. News names a person once and goes on with a description
    ("Morton Blackwell, the committeeman from Virginia, told AFP ... / The influential delegate
    ... warned of a battle"): the description's sentence answers what was said, the one before
    it who said it. The sentence before is the last of ``best``'s passage before it, or, when
    ``best`` opens its passage, the last of the passage of the paragraph right before.

    Round 31: a day fronted before the description ("Tuesday, the Vermont senator opened a
    rally ..."), a place modifying its noun ("Vermont", before the noun only: "Rochester" after
    it is no part of the description) and a possessive subject ("His office put out a statement
    ...", which the ledger may give as the speaker "His office") count too (r17 +2 facts, +2
    speakers, no other answer changed)."""
    ev = context.evidence[best.n - 1]
    if best.span.start >= ev.end:
        return None  # a sentence of the passage's following text
    group = _GROUP_OPENING.match(best.text) is not None
    m = _DESCRIPTION.match(best.text)
    said_by = _ledger_speaker(best, ev, context.quotes)
    if (m is None and not group) or (said_by and not _POSSESSIVE_SPEAKER.match(said_by)):
        return None  # no description for a subject, or the ledger names the speaker
    if m is not None and not group:
        head = best.span.start + m.end()
        words = _DESCRIPTION_END.split(ev.text[head - ev.start : best.span.end - ev.start], maxsplit=1)[0]
        split = words.split()[:_DESCRIPTION_WORDS]
        noun = next((i for i, w in enumerate(split) if set(tokenize(w)) & PERSON_DESCRIPTORS), None)
        if noun is None:
            return None  # no person described ("The super PAC")
        described = len(" ".join(split[: noun + 1]))  # up to the person's noun
        if any(
            head <= s < head + described and label not in _DESCRIPTION_MODIFIERS
            for s, _, label in ev.entities
        ):
            return None  # a name in it ("The Washington Post")
    asked_words = {w.lower() for n in names for w in n.split()}

    def fresh_person(e: Evidence, span: Span) -> bool:
        return any(
            label == "PERSON"
            and span.start <= s
            and t <= span.end
            and not {w.lower() for w in e.at(s, t).split()} & asked_words
            for s, t, label in e.entities
        )

    if group and fresh_person(ev, best.span):
        return None  # "Both ... Romney and Ryan": the sentence names them itself
    before = [s for s in ev.sentences if s.end <= best.span.start][-1:]
    host, n = ev, best.n
    if not before:
        for i, e in enumerate(context.evidence, 1):
            if e.doc_id == ev.doc_id and 0 <= ev.start - e.end <= _PARAGRAPH_GAP and e.sentences:
                host, n, before = e, i, e.sentences[-1:]
                break
    if not before or not fresh_person(host, before[0]):
        return None
    sp = before[0]
    if host.title and normalise(host.at(sp.start, sp.end)).rstrip(".") == normalise(host.title).rstrip("."):
        return None  # the headline
    return replace(best, n=n, span=sp, text=host.at(sp.start, sp.end), goes_on=False, further=False)


#: A count of named things or people asked: "Which two companies ...", "What three states ...".
_COUNTED_ASK = re.compile(rf"\b(?:which|what)\s+(?:{alternation('small_numbers')}|\d+)\s", re.IGNORECASE)


def _plural_ask(part: str) -> bool:
    """Does the part ask for several named things or people: a count after "which" / "what",
    or the asked kind's noun in the plural ("In which states ...", "Which senators ...")?"""
    if _COUNTED_ASK.search(part):
        return True
    typed = asked.typed_ask(part)
    noun = typed[0] if typed is not None else asked.role_which(part)
    if noun is None:
        return False
    plural = (
        noun[:-1] + "ies"
        if noun.endswith("y")
        else noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s")
    )
    return re.search(rf"\b{re.escape(plural)}\b", part, re.IGNORECASE) is not None


def _list_that_follows(context: Context, best: Scored, cands: list[Scored], part: str) -> Scored | None:
    """The next sentence of ``best``'s passage that lists what a plural ask wants ("In which
    states ...?", "Which two companies ...?") when ``best`` tells of them without naming them
    ("Bush would fall off the ballot in three states" -> "They determined ... South Carolina,
    Kentucky, and Utah."; "Trump so far hasn't attacked all the companies ..." -> the next
    names two): at least two names of one label of the asked kind that the question does not
    hold (the typed ask's entity labels, a person's for a role or a contest's part), a label
    ``best`` names none of ("According to the Post, ..." names an organisation, no state).
    Else None."""
    if not _plural_ask(part):
        return None
    typed = asked.typed_ask(part)
    labels = typed[1] if typed is not None else frozenset({"PERSON"})
    ev = _joined(context, best.n)
    after = [sp for sp in ev.sentences if sp.start >= best.span.end][:1]
    if not after:
        return None
    listed = list(_fresh_entities(ev, after[0], labels, part).values())
    # NORP is an adjective as often as a name ("Other Republicans ... the Islamic State")
    kinds = {label for label in listed if listed.count(label) >= 2 and label != "NORP"}
    if not kinds or _fresh_entities(ev, best.span, kinds, part):
        return None  # no two of one label to be the list, or the sentence names some itself
    return _follower(ev, best, after[0], ev.at(after[0].start, after[0].end), cands)
