"""Which of the sentences that fit a part goes first: one that restates the best sentence with
the asked-for detail, an age given as an epithet, a figure of the one the question names, the
sentence quoting the question's quoted word, the one that dates a start for "since when"."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from assistant.answer import asked
from assistant.answer.backends.extractive.common import _asked_names, _same_article
from assistant.answer.backends.extractive.speakers import _names_role_holder, _role_asked
from assistant.answer.ranker import CUE_TERMS as _CUE_STEMS
from assistant.answer.ranker import (
    Scored,
)
from assistant.engines.lexical import tokenize
from assistant.nlp import alternation, wordlist
from assistant.nlp.questions import ask_of, full_names
from assistant.nlp.text import normalise, quotation_spans, unpossessive
from assistant.types import Context


def _restating(fitting: list[Scored], cands: list[Scored], threshold: float) -> list[Scored]:
    """``fitting`` (the sentences holding the asked-for thing) with the first one that
    restates the best sentence overall scored as that sentence, when the best sentence
    (above ``threshold``) lacks the asked-for thing.

    News repeats a statement with the detail added, in another paragraph or another outlet
    ("He is also scheduled to attend the breakfast" and "He will also attend the breakfast
    on Thursday"). A sentence that holds every question term the best sentence holds
    (its weighted coverage of the question's terms, and of its topic terms, at least the
    best's) matches the question as well as the best does; what lowers its probability is
    its chunk's retrieval score and rank, not the sentence. It is the answer the best
    sentence announces, and the weak-fit and threshold checks judge it at the best's
    probability. No free parameter."""
    if not fitting or not cands or cands[0].prob < threshold or any(c is cands[0] for c in fitting):
        return fitting
    top = cands[0]
    for k, c in enumerate(fitting):
        if c.prob >= top.prob:
            return fitting
        if c.coverage >= top.coverage > 0 and c.features.get("topic_coverage", 0.0) >= top.features.get(
            "topic_coverage", 0.0
        ):
            return [replace(c, prob=top.prob), *fitting[:k], *fitting[k + 1 :]]
    return fitting


_AGE_EPITHET = re.compile(r"\bthe\s+\d{1,3}-year-old\b", re.I)


def _age_by_epithet(
    context: Context, fitting: list[Scored], cands: list[Scored], threshold: float
) -> list[Scored]:
    """``fitting`` with the first sentence that gives an age as a definite epithet ("the
    43-year-old asked ...") scored as the best sentence overall, when that one (above
    ``threshold``, without the age) is of the same article and the epithet's sentence names
    no person outside its quotations: news names its subject, then calls them "the
    43-year-old", so the age is of the one the best sentence names."""
    if not fitting or not cands or cands[0].prob < threshold or any(c is cands[0] for c in fitting):
        return fitting
    top = cands[0]
    for k, c in enumerate(fitting):
        if c.prob >= top.prob or not _same_article(context, c, top) or not _AGE_EPITHET.search(c.text):
            continue
        ev = context.evidence[c.n - 1]
        inside = quotation_spans(c.text)[0]
        named = [
            s
            for s, e, label in ev.entities
            if label == "PERSON"
            and c.span.start <= s
            and e <= c.span.end
            and not any(a <= s - c.span.start < b for a, b in inside)
        ]
        if not named:
            return [replace(c, prob=top.prob), *fitting[:k], *fitting[k + 1 :]]
    return fitting


def _lifted_first(
    fitting: list[Scored], threshold: float, holds: Callable[[Scored], bool], top: float | None = None
) -> list[Scored]:
    """``fitting`` with its first sentence above ``threshold`` that ``holds`` first, scored as
    the best one (the weak-fit and threshold checks judge it at the best one's probability),
    or, given ``top`` (the best sentence overall's, when ``fitting`` is a filtered list), at
    least at that; unchanged when none above the threshold holds or the one that does is
    already first at that score."""
    for k, c in enumerate(fitting):
        if c.prob < threshold:
            break
        if holds(c):
            prob = fitting[0].prob if top is None else max(c.prob, top)
            if k == 0 and prob == c.prob:
                return fitting
            return [replace(c, prob=prob), *fitting[:k], *fitting[k + 1 :]]
    return fitting


def _age_of_named(fitting: list[Scored], names: list[str], threshold: float, floor: float) -> list[Scored]:
    """``fitting`` (the sentences giving an age) with the first one above ``threshold``
    that binds an age to a person the question names first: AP style's "Zimmerman, 32,"
    or "32-year-old Zimmerman". Another sentence of the story gives someone else's age
    ("he used to kill 17-year-old Trayvon Martin") and may rank above it. The bound one is
    judged at the best one's probability (as :func:`_age_by_epithet`'s is). When none above
    the threshold binds one, the first bound sentence scoring at least ``floor`` (the near
    threshold's share of it) goes first, judged at the threshold: "But Mr. Murdoch, 85, is
    serving as a bridge ..." is the age asked for though its words are not the question's
    (round 34)."""
    keys = [re.escape(k) for n in names for k in asked.name_keys(n)]
    if not keys or not fitting:
        return fitting
    key = "|".join(keys)
    bound = re.compile(
        rf"\b(?:{key}),\s*\d{{1,3}}\s*[,.]|\b\d{{1,3}}-year-old\s+(?:[\w.'’-]+\s+){{0,2}}(?:{key})\b"
    )

    def binds(c: Scored) -> bool:
        return bound.search(normalise(c.text)) is not None

    lifted = _lifted_first(fitting, threshold, binds)
    if lifted is not fitting or any(c.prob >= threshold and binds(c) for c in fitting):
        return lifted
    # none above the threshold binds one: the first bound one down to the floor, at the threshold
    return _lifted_first(fitting, floor, binds, top=threshold)


#: A lawmaker's state bound to their name, AP style: party and state in brackets or between
#: commas ("Ted Cruz (R-Texas)", "Roe, D-N.Y., said"), or the state after "of" ("Senator
#: Marco Rubio of Florida").
_STATE_AFTER_NAME = (
    r"(?:\s*\(\s*[RDI]\s*-\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*\)|,\s*[RDI]-[A-Z][\w.]*,|\s+of\s+[A-Z][a-z]+)"
)


#: A state's name right before a lawmaker's or governor's title ([state_titles]): "Texas Sen.
#: Ted Cruz", "New Jersey Gov. Chris Christie".
_STATE_BEFORE_TITLE = r"\b(?:{})\s+(?:{})".format(
    "|".join(
        re.escape(s.title()).replace(r"\ ", r"\s+") for s in sorted(asked.STATE_NAMES, key=len, reverse=True)
    ),
    "|".join(re.escape(t.title()) for t in sorted(wordlist("state_titles"), key=len, reverse=True)),
)


#: "What is Marco Rubio's home state?": a state asked with no "which / what state".
#: Not a home state the question only mentions ("... in the polls of his home state of Florida?").
_HOME_STATE = re.compile(r"\b(?:what|which)\s+(?:is|was)\s+[^?]{0,60}\bhome\s+state\s*\??\s*$", re.I)


def _state_of_named(fitting: list[Scored], part: str, names: list[str]) -> list[Scored]:
    """``fitting`` with the first sentence that binds a state to a person the question names
    first (:data:`_STATE_AFTER_NAME`, :data:`_STATE_BEFORE_TITLE`), for a part asking which
    state ("Which state does Ted Cruz represent in the Senate?"). News gives a lawmaker's
    state once, beside the name, in a sentence about something else ("When Sen. Bernie
    Sanders of Vermont took the stage ...", "Texas Sen. Ted Cruz managed to derail ..."), which
    the ranker may score under the abstention threshold: the binding answers the ask whatever
    the rest of the sentence tells, so it is taken at any probability and scored as the best
    one (the threshold then judges the best one's); no free parameter. Round 26 took it only
    above the threshold; round 27 measured any probability: development +1, check +3 facts,
    no answer lost (the same for the other bound lifts gained nothing or cost one); round 33
    added the state before the title: development +2, check +1 facts."""
    typed = asked.typed_ask(part)
    state_asked = (typed is not None and typed[0] == "state") or _HOME_STATE.search(part) is not None
    if not state_asked or not fitting:
        return fitting
    keys = [re.escape(k) for n in names for k in asked.name_keys(n)]
    if not keys:
        return fitting
    names_re = "|".join(keys)
    bound = re.compile(
        rf"\b(?i:{names_re})\b{_STATE_AFTER_NAME}"
        rf"|{_STATE_BEFORE_TITLE}\s+(?:[A-Z][\w.'’-]*\s+){{0,2}}(?i:{names_re})\b"
    )
    return _lifted_first(fitting, 0.0, lambda c: bound.search(c.text) is not None)


#: "What was X's profession?", "What office did X hold?": an attribute of a named person,
#: which news gives as a description bound to the name.
_ATTRIBUTE_ASKED = re.compile(
    r"\b(?:profession|occupation|career|line\s+of\s+work)\b"
    r"|\b(?:what|which)\s+(?:cabinet\s+|public\s+|elected\s+)?(?:office|post|position)\s+did\b",
    re.I,
)
#: Words that cannot end a description right before a name ("by Ben Carson", "and Ben
#: Carson"); nor can a reporting verb ("said Ben Carson", :func:`asked.is_speech_form`).
_NOT_DESCRIPTION = wordlist("function_words")


def _epithet_of_named(fitting: list[Scored], part: str) -> list[Scored]:
    """``fitting`` with the first sentence that binds a description to a full name the
    question gives first, for a part asking that person's profession or office (:data:`_ATTRIBUTE_ASKED`):
    the words right before the name ("former neurosurgeon Ben Carson", "former Secretary of
    State Hillary Clinton") or an apposition after it ("Carson, a retired neurosurgeon,").
    News gives such an attribute once, beside the name, in a sentence about something else,
    which the ranker scores low; taken at any probability and scored as the best one, as
    :func:`_state_of_named` takes a lawmaker's state; no free parameter."""
    if not _ATTRIBUTE_ASKED.search(part) or not fitting:
        return fitting
    full = [unpossessive(n).lower() for n in full_names(part)]
    if not full:
        return fitting
    key = "|".join(re.escape(n) for n in full)
    surnames = "|".join(re.escape(n.split()[-1]) for n in full)
    before = re.compile(rf"((?:[\w.'’-]+\s+){{1,4}})(?i:{key})\b")
    after = re.compile(rf"\b(?i:{surnames}),\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?[a-z][\w-]+,")

    def holds(c: Scored) -> bool:
        if after.search(c.text):
            return True
        for m in before.finditer(c.text):
            words = [w.lower().strip(".,") for w in m.group(1).split()]
            # "said Ben Carson" binds nothing; "secretary of state Hillary Clinton" does: a
            # reporting verb's form after "of" is a noun
            spoke = asked.is_speech_form(words[-1]) and words[-2:-1] != ["of"]
            described = any(w not in _NOT_DESCRIPTION for w in words)
            if words[-1] not in _NOT_DESCRIPTION and not spoke and described:
                return True
        return False

    return _lifted_first(fitting, 0.0, holds)


def _role_holder_first(
    context: Context, fitting: list[Scored], cands: list[Scored], part: str, threshold: float
) -> list[Scored]:
    """``fitting`` with the best sentence above ``threshold`` that names the holder of the role
    a part asks for beside the role noun first ("Who is the judge Trump criticised?" -> "Mr.
    Trump's criticism of the judge, Gonzalo P. Curiel, ..."; "reporter Michelle Fields"),
    scored as the best sentence overall (``cands[0]``), as :func:`_restating` scores a
    restatement. News tells the act about the role holder in its best-matching sentences ("a
    judge in a case involving Trump University was biased") and names the holder once, in
    apposition, in a sentence that matches less; that one answers what the best one leaves
    out. No free parameter."""
    role = _role_asked(part)
    if role is None or not cands:
        return fitting
    place = _role_place(context, part, role)

    def holds(c: Scored) -> bool:
        # "Which South Carolina senator ...": the holder named with the asked place
        # ("Sen. Lindsey Graham, R-S.C."), not another state's ("Senator Richard Burr, a North
        # Carolina Republican")
        return _names_role_holder(context, c, role) and (place is None or asked.names_place(c.text, place))

    return _lifted_first(fitting, threshold, holds, top=cands[0].prob)


def _role_place(context: Context, part: str, role: str) -> str | None:
    """The place the question gives its role noun ("Which South Carolina senator ...?" ->
    "south carolina"): capitalised words right before the role noun that the evidence tags as
    a place (GPE) or that name a US state; else None."""
    m = re.search(rf"\b(?i:which|what)\s+((?:[A-Z][\w.'’-]*\s+){{1,3}}){re.escape(role)}", part)
    if m is None:
        return None
    key = normalise(m.group(1)).strip()
    places = {
        asked.entity_key(ev.at(s, e), label)
        for ev in context.evidence
        for s, e, label in ev.entities
        if label == "GPE"
    }
    return key if key in places or asked.is_state(key) else None


def _kind_named_first(fitting: list[Scored], part: str, threshold: float) -> list[Scored]:
    """``fitting`` with the best sentence above ``threshold`` that names a thing of the kind
    the part asks for by that kind's own noun first ("In which county ...?" -> "in Greene
    County"; "Which university ...?" -> "Howard University", "the University of Iowa"),
    when the best sentence names none so. News names a county, a hospital or a university
    with its kind's noun in the name; a sentence that scores higher tells the event without
    the place. A name the question gives itself ("Iowa" in "which Iowa county") is none;
    no free parameter."""
    typed = asked.typed_ask(part)
    if typed is None or not fitting:
        return fitting
    noun = re.escape(typed[0].capitalize())
    cap = r"[A-Z][\w.'’-]*"
    named = re.compile(rf"\b((?:{cap}\s+)+{noun}|{noun}\s+of\s+{cap}(?:\s+{cap})*)\b")
    asked_words = {w.lower() for w in re.findall(r"[\w'’-]+", part)}

    def names_one(text: str) -> bool:
        for m in named.finditer(text):
            words = [w.lower() for w in re.findall(r"[\w'’-]+", m.group(1)) if w.lower() != typed[0]]
            if any(w not in asked_words and w not in ("of", "the") for w in words):
                return True
        return False

    return _lifted_first(fitting, threshold, lambda c: names_one(c.text))


#: The verb a named subject does in a figure's question ("How many delegates did Clinton
#: pick up?" -> "pick"): the auxiliary, the capitalised subject, then the verb.
_SUBJECT_VERB = re.compile(
    r"\b(?:did|does|do|has|have|had|will|would)\s+(?:[A-Z][\w'’.-]*\s+){1,4}([a-z]{3,})\b"
)


def _verb_held_first(fitting: list[Scored], part: str, wanted: str | None, threshold: float) -> list[Scored]:
    """For a part asking for a figure (a count, an amount, a number), ``fitting`` with the
    first sentence above ``threshold`` that holds the question's verb first when the best
    does not: "How many of the global primary's delegates did Clinton pick up?" is answered
    by "Clinton won 31 percent, picking up four delegates", not by her running total. Scored
    as the best one; no free parameter."""
    if wanted not in ("count", "number", "money", "quantity") or not fitting:
        return fitting
    verb = _asked_verb(part)
    if verb is None:
        return fitting
    return _lifted_first(fitting, threshold, lambda c: verb in tokenize(c.text))


def _asked_verb(part: str) -> str | None:
    """The stem of the verb after the question's named subject ("did Clinton pick up" ->
    "pick"), or None when there is none or it is a speech cue ("said", "told")."""
    asked_act = _subject_and_verb(part)
    return asked_act[1] if asked_act else None


def _subject_and_verb(part: str) -> tuple[set[str], str] | None:
    """The words of the question's named subject, in lower case without a possessive, and the
    stem of the verb after it ("did Freddy Trump die" -> ({"freddy", "trump"}, "die")), or
    None as for :func:`_asked_verb`."""
    m = _SUBJECT_VERB.search(ask_of(part))
    verb = tokenize(m.group(1)) if m else []
    if m is None or not verb or verb[0] in _CUE_STEMS:
        return None
    subject = m.group(0)[: m.start(1) - m.start()]
    return {unpossessive(w.lower()) for w in re.findall(r"[A-Z][\w'’-]*", subject)}, verb[0]


def _act_dated_first(
    fitting: list[Scored], part: str, threshold: float, top: float | None = None
) -> list[Scored]:
    """For a part asking the day of an act ("On which day did Pence endorse Cruz?"),
    ``fitting`` (the sentences giving a day) with the first one above ``threshold`` that
    holds the asked verb in any form first, scored at least as ``top`` (the best sentence
    overall's). The sentences that match the question best tell of the act without its day
    ("Pence praised Cruz for ..."), and the one that dates it may name it by its noun
    ("received the endorsement of Gov. Mike Pence on Friday"): it answers, where the weak-fit
    check would have refused. The verb is :func:`_asked_verb`; its forms by their first six
    letters ("endors" in "endorse", "endorsement")."""
    verb = _asked_verb(part)
    if verb is None or len(verb) < 4:
        return fitting
    key = verb[:6]
    return _lifted_first(fitting, threshold, lambda c: any(t.startswith(key) for t in tokenize(c.text)), top)


def _act_year_first(fitting: list[Scored], part: str, floor: float) -> list[Scored]:
    """For a part asking the year or the month of an act ("In what year did Freddy Trump
    die?"), ``fitting`` (the sentences giving one) with the first one scoring at least
    ``floor`` that tells of the asked doer's act first, when the best one holds no form of the
    act's verb, scored as the best one. The sentence matching the question best gives another
    event's year ("In 1977, Donald asked Freddy to be the best man ...") and the one that dates
    the act is worded off the question ("his brother Freddy, who died as an alcoholic in
    1981"), often just under the threshold: ``floor`` is :attr:`AnswerSettings.near_threshold`
    of it. The verb is :func:`_asked_verb`, in any form (its first six letters, a shorter stem
    whole: "die" in "died"), after a word of the doer's name (the capitalised words before the
    verb in the question): "Romney fired back in March, attacking Trump" tells Romney's attack,
    not Trump's, and "The Texas senator finished first" another one's finish."""
    asked_act = _subject_and_verb(part)
    if asked_act is None or len(asked_act[1]) < 3 or not fitting:
        return fitting
    doer, verb = asked_act
    key = verb[:6]

    def verb_at(c: Scored) -> tuple[list[str], int | None]:
        words = [unpossessive(w.lower()) for w in re.findall(r"[\w'’-]+", c.text)]
        return words, next((k for k, w in enumerate(words) if (tokenize(w) or [""])[0].startswith(key)), None)

    def doers_act(c: Scored) -> bool:
        words, at = verb_at(c)
        return at is not None and bool(doer & set(words[:at]))

    if verb_at(fitting[0])[1] is not None:
        return fitting  # the best one tells the act ("was appointed ... by President Bill Clinton in 1993")
    return _lifted_first(fitting, floor, doers_act, fitting[0].prob)


#: The figures a part may ask for whose sentence names what the figure is of ("What share ...
#: picked Vance", "How much support does Dana Okafor have ...").
_FIGURE_ASKS = frozenset({"rate", "number", "count", "money", "quantity", "day"})


def _named_figure_first(
    context: Context, fitting: list[Scored], wanted: str | None, threshold: float, part: str = ""
) -> list[Scored]:
    """``fitting`` with the sentence naming more of the question's names first, for a part
    asking a figure, when the best one (above ``threshold``) names fewer of them.

    A poll or a count gives a figure for each one it covers, sentence by sentence ("52 percent
    said they would vote for Holt", "Thirty-eight percent would choose Vance", "Ruiz leads
    with 40 percent", "Okafor follows with 16 percent"); all of them hold the asked-for kind of
    figure and score alike, and the best-ranked may be another one's figure. The sentence of
    the same article, above the threshold, that names more of the names the question gives
    (:func:`_asked_names`: "Vance"; "Dana", "Okafor") is the figure of the one asked about. Only
    the order changes: the sentences that followed the best one still join the answer as
    before, and the checks before this one (the weak fit, another one of the question's
    siblings, whose words) judged the sentences as ranked. No word list, no free parameter.

    A day asked of a named event ("On what date was the CNBC debate at which Cruz ...?") is read
    the same way, but only when the best sentence names none of the question's names (a
    quotation's "tonight"): the sentence dating the named event ("at the October 28 CNBC
    debate") goes first. A best sentence naming one of them already tells that one's day.

    A share asked of a group ("what share of Republicans would vote for Trump?",
    :func:`asked.share_of`) is first of all that group's: a sentence naming the group ("Among
    Republicans, 27 percent would vote for Trump") goes before one naming as many of the
    question's names but not the group ("... 50 percent of respondents chose Clinton while
    40 percent chose Trump") (round 31)."""
    if wanted not in _FIGURE_ASKS or len(fitting) < 2 or fitting[0].prob < threshold:
        return fitting
    names = [re.compile(rf"\b{re.escape(n)}\b") for n in _asked_names(context)]
    if not names:
        return fitting

    whole = set(asked.share_of(part)) if wanted == "rate" else set()

    def named(c: Scored) -> tuple[bool, int]:
        of_whole = bool(whole) and not whole.isdisjoint(tokenize(c.text))  # tokenized only for a share
        return of_whole, sum(1 for n in names if n.search(c.text))

    first = fitting[0]
    most, pick = named(first), 0
    if wanted == "day" and most[1]:
        return fitting  # a day of the named one's event: only when the best names none of them
    for k, c in enumerate(fitting[1:], 1):
        if c.prob < threshold:
            break
        if _same_article(context, c, first) and named(c) > most:
            most, pick = named(c), k
    if not pick:
        return fitting
    return [fitting[pick], *fitting[:pick], *fitting[pick + 1 :]]


def _quoting_first(fitting: list[Scored], part: str, threshold: float) -> list[Scored]:
    """``fitting`` with the best sentence above ``threshold`` that quotes the word or short
    phrase the question puts in quotation marks (:func:`asked.quoted_phrase`) first.

    A question that quotes a word ("Who referred to the prime minister as a 'governor'?")
    asks who used that word; the sentence that gives it in quotation marks ("calling Carney
    “governor”") is where the words are, above one that holds the word unquoted ("several
    Great Lakes governors") or not at all."""
    phrase = asked.quoted_phrase(part)
    if phrase is None:
        return fitting
    for k, c in enumerate(fitting):
        if c.prob < threshold:
            break
        if asked.quotes_phrase(c.text, phrase):
            return [c, *fitting[:k], *fitting[k + 1 :]]
    return fitting


#: A part that asks what someone called a thing: "What did Roe call the plan?", "What
#: nickname did Roe give the primary?", "What word did Roe use for ...?", "How did Roe label
#: ...?".
_CALLING_ASKED = re.compile(
    r"^\W*what\s+(?:did|does|has|had|do|would)\s+(?:[\w'’.-]+\s+){1,5}?call\b"
    r"|^\W*what\s+(?:nickname|term|word|label|phrase|epithet)\s+(?:did|does|has|had|do)\b"
    r"|^\W*how\s+(?:did|does|has)\s+(?:[\w'’.-]+\s+){1,5}?(?:label|dub|nickname|brand)\b",
    re.I,
)
#: A sentence that names a thing by a quoted name: a naming verb and a quotation mark a few
#: words after it ("calls it the “big enchilada”", "labeled Paul a “committed isolationist”"),
#: or the copula and an article before one ("saying ... he is a “bully”").
_NAMES_BY_QUOTE = re.compile(
    r"(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )(?<!\bbe )(?<!\bbeen )(?<!\bso )"
    r"\b(?:call|calls|called|calling|dubbed|dubs|nicknamed|labeled|labelled|labels|branded|brands|"
    r"termed|terms)\b(?!\s+(?:on|for|upon|out|off|up|in|back)\b)(?:\s+[\w'’.-]+){0,4}\s*[“\"‘']{1,2}\w"
    r"|\b(?:is|was)\s+(?:a|an)\s+[“\"‘']{1,2}\w",
    re.I,
)


def _naming_first(fitting: list[Scored], part: str, threshold: float, whole: bool) -> list[Scored]:
    """``fitting`` with the best sentence above ``threshold`` that names a thing by a quoted
    name (:data:`_NAMES_BY_QUOTE`) first, for a one-part question asking what someone called
    it (:data:`_CALLING_ASKED`; ``whole``: the part is the whole question). News gives the
    name in quotation marks after the naming verb ("Sanders calls it the “big enchilada”");
    a sentence that scores higher tells the person's plans about the thing without the name.
    Not a passive ("what is called a “debate”") nor "calling on" / "called for". A part of a
    multi-part question keeps its own order (:func:`_ranked_by_own_ask`): there the rule
    put another article's copy of the part's answer first (mp-fa-002, a citation outside the
    sources; evals/README.md, "Round 25")."""
    if not whole or not _CALLING_ASKED.search(ask_of(part)):
        return fitting
    for k, c in enumerate(fitting):
        if c.prob < threshold:
            break
        if _NAMES_BY_QUOTE.search(c.text):
            return [c, *fitting[:k], *fitting[k + 1 :]]
    return fitting


#: A part that asks from when something has gone on ("Since when has X been ...", "Since what
#: year had X worked ...").
_SINCE_ASKED = re.compile(r"\bsince\s+(?:when\b|(?:what|which)\s+\w+)", re.I)


def _since_first(fitting: list[Scored], part: str, threshold: float, context: Context) -> list[Scored]:
    """``fitting`` with the best sentence above ``threshold`` that dates a start ("since
    mid-December", its time note) first, for a part asking since when.

    "Since when has X been emailing ...?" asks where a stretch of time starts; news gives it
    as "since" and a time ("has emailed them since mid-December"), while a sentence that
    scores higher may date something else about the same emails ("dated from Dec. 14 to
    Feb. 2")."""
    if not _SINCE_ASKED.search(part):
        return fitting
    for k, c in enumerate(fitting):
        if c.prob < threshold:
            break
        note = context.notes.get(f"{context.evidence[c.n - 1].doc_id}:{c.span.start}", "")
        if re.match(r"since\b", note, re.I):
            return [c, *fitting[:k], *fitting[k + 1 :]]
    return fitting


_CONDITIONAL = re.compile(rf"\b(?:{alternation('conditional_openers')})\b", re.I)
_DIGITS = re.compile(r"\d[\d,.]*")
_HYPOTHETICAL = re.compile(r"\b(?:would|could|might|if|unless)\b", re.I)


def _conditional_figures(text: str) -> bool:
    """Is every digit figure of ``text`` in a condition's clause: after "if", "once", "unless"
    ... with no comma, semicolon or dash between ("Once a petition tops 100,000 signatures,
    it must be considered")? False for a sentence without a digit figure."""
    found = False
    for m in _DIGITS.finditer(text):
        found = True
        clause = re.split(r"[,;:—–]", text[: m.start()])[-1]
        opener = _CONDITIONAL.search(clause)
        if opener is None or (opener.group().lower() == "once" and clause[: opener.start()].strip()):
            return False  # "once" mid-clause is "formerly" ("had once concluded that 91 percent")
    return found


def _factual_figure_first(
    fitting: list[Scored], wanted: str | None, threshold: float, ratio: float, part: str
) -> list[Scored]:
    """``fitting`` with a sentence giving its figure as a fact first, for a part asking a
    figure, when the best one (above ``threshold``) gives each of its figures only in a
    condition or a threshold ("Once a petition tops 100,000 signatures, it must be
    considered for debate") and the other scores at least ``ratio`` of it above the threshold
    ("A petition ... has reached a record 563,000 signatures"): the rule's figure is no count
    of what happened. Only the order changes. A question asking a hypothetical's figure ("What
    poll share would make him run?") wants the condition's."""
    if wanted not in _FIGURE_ASKS - {"day"} or len(fitting) < 2 or fitting[0].prob < threshold:
        return fitting
    if _HYPOTHETICAL.search(part) or not _conditional_figures(fitting[0].text):
        return fitting
    floor = max(threshold, ratio * fitting[0].prob)
    for k, c in enumerate(fitting[1:], start=1):
        if c.prob < floor:
            break
        if _DIGITS.search(c.text) and not _conditional_figures(c.text):
            return [c, *fitting[:k], *fitting[k + 1 :]]
    return fitting


def _whole_counted_first(fitting: list[Scored], part: str, threshold: float) -> list[Scored]:
    """``fitting`` with the best sentence above ``threshold`` that gives the size of the body a
    count is asked of (:func:`asked.counts_whole`: "the 112-member convention rules committee"
    for "How many members sit on the convention's rules committee?") first, scored as the best
    one: the counts of some of its members ("22 anti-Trump members on the rules committee",
    "a quarter of the rules committee - 28 members") match the question as well and say less."""
    noun = asked.counted_noun(part)
    if noun is None:
        return fitting
    return _lifted_first(fitting, threshold, lambda c: asked.counts_whole(c.text, noun, part))
