"""Multi-part questions: what each part asks for, the context and candidates of each part,
the sentences that give each part's thing, and a sentence of each part's own beside a
shared best one."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer import asked
from assistant.answer.backends.extractive.common import (
    _asked_names,
    _content_terms,
    _joined,
    _overlaps,
    _same_article,
    _same_words,
)
from assistant.answer.backends.extractive.runs import _FIGURE, _follower
from assistant.answer.backends.extractive.speakers import _NAME_PHRASE, _names_role_holder, _role_asked
from assistant.answer.backends.extractive.wanted import _has_wanted, _specific
from assistant.answer.ranker import (
    Scored,
    rank,
)
from assistant.engines.lexical import tokenize
from assistant.nlp.questions import (
    asked_speaker,
    part_ask,
    pronoun_subject,
)
from assistant.nlp.text import normalise
from assistant.settings import AnswerSettings
from assistant.types import FOLLOWING_SENTENCES, Context


def _own_beside_shared(
    ctxs: list[Context],
    parts: list[str],
    names: list[str],
    picked: list[list[Scored]],
    distinct: list[set[str]],
    threshold: float,
    tuning: AnswerSettings,
) -> list[list[Scored]]:
    """Each part's sentences, with a sentence of its own beside a best sentence that a later
    part took too and that is more that part's than this one's.

    One news sentence often answers two parts at once ("Roe lashed out online, calling Doe
    'a clown' and threatening new fines"), while the earlier part's own thing is in another
    sentence (the fines' size, where the deal is named). Its best then reads the later
    part's terms (those the other parts lack) more than the earlier part's own; the earlier
    part's best-ranked candidate above the threshold, shown for no part, that holds more of
    its own terms than the shared sentence goes right after it. Added, not swapped: the
    shared sentence still answers the earlier part in part."""
    out = [list(ch) for ch in picked]
    for i, chosen in enumerate(out):
        if not chosen or not distinct[i]:
            continue
        best = chosen[0]
        key = (best.n, best.span.start)
        later = [j for j in range(i + 1, len(parts)) if any((c.n, c.span.start) == key for c in out[j])]
        words = set(tokenize(best.text))
        mine = len(distinct[i] & words)
        if not later or all(len(distinct[j] & words) <= mine for j in later):
            continue
        shown = {(c.n, c.span.start) for ch in out for c in ch}
        for c in rank(ctxs[i], parts[i], names):
            if c.prob < threshold:
                break
            if (c.n, c.span.start) in shown or any(_overlaps(c, x) or _same_words(c, x) for x in chosen):
                continue
            if len(distinct[i] & set(tokenize(c.text))) > mine:
                out[i] = [best, c, *chosen[1:]][: tuning.max_sentences]
                break
    return out


def _others(sets: list[set[str]], i: int) -> set[str]:
    """The union of every set of ``sets`` but the ``i``-th."""
    return set().union(*(t for j, t in enumerate(sets) if j != i))


def _each_ones_own(sets: list[set[str]]) -> list[set[str]]:
    """Each set of ``sets`` without the terms any other set holds (a part's own terms)."""
    return [s - _others(sets, i) for i, s in enumerate(sets)]


def _own_marked_first(
    fitting: list[Scored],
    own: set[str],
    others: set[str],
    threshold: float,
    above: float | None = None,
    context: Context | None = None,
) -> list[Scored]:
    """``fitting`` for one part of a multi-part question, without the sentences marked as
    another part's when the best is one of them and a candidate above ``threshold`` is
    marked as this part's own (``threshold``: the caller's floor,
    :attr:`AnswerSettings.own_marked_floor` of the abstention threshold). The best is another
    part's when it holds more of that part's own terms than of this one's (round 23: was
    none of this one's; "votes" in a poll sentence of the other part's Indiana voters made
    it this part's too), and such a best gives way only to a sentence holding more of this
    part's own terms than it does. Development +3 facts, check sets +1 (rc), no fact or
    abstention lost; two development answers cite one more article outside their sources
    (mp_fa citation precision 0.862 -> 0.833, tune 1.000 -> 0.992), no check set's moved.

    The parts of "What did Roe say on Channel Four's Morning Show and on the Evening
    Hour?" differ only in the venue (or the outlet, the occasion, the person) each names:
    each part's own terms (``own``: those the other parts' asks lack) pick the article
    that answers it. A sentence holding another part's own terms (``others``) and none of
    this part's is that part's answer, though it ranks first for this one too (it holds
    the statement's and the ask's shared words: "Roe", "say"); the best-ranked sentence
    above the floor holding this part's own terms and none of the others' answers it, even
    under the abstention threshold: the part's own article often words it unlike the
    question (the second article's part of a multi-article question).

    When no sentence holds this part's own terms and the best holds only the other part's
    (``above``: the abstention threshold), the best sentence of another article than the
    best's above that threshold, holding none of the other part's own terms, answers this
    part first (round 24: development +1 fact, rl-a-016; no check set moved)."""
    if not own or not others or not fitting:
        return fitting

    def marked(c: Scored) -> tuple[bool, bool]:
        words = set(tokenize(c.text))
        return bool(own & words), bool(others & words)

    words = set(tokenize(fitting[0].text))
    held = len(own & words)
    if not len(others & words) > held:
        return fitting
    for c in fitting:
        if c.prob < threshold:
            break
        # a best holding some of this part's own terms gives way only to one holding more
        if marked(c) == (True, False) and len(own & set(tokenize(c.text))) > held:
            return [c, *(x for x in fitting if x is not c and marked(x) != (False, True))]
    if held or above is None or context is None:
        return fitting
    # none holds this part's own terms (its article words them otherwise: "What office had
    # she held for the state?" against "New York, which she represented ... in the Senate"):
    # the best sentence above the abstention threshold of another article than the other
    # part's, holding none of the other part's own terms, answers it
    for c in fitting[1:]:
        if c.prob < above:
            break
        if marked(c) == (False, False) and not _same_article(context, c, fitting[0]):
            return [c, *(x for x in fitting if x is not c and marked(x) != (False, True))]
    return fitting


def _fresh_for_part(
    best: Scored, fitting: list[Scored], used: set[tuple[int, int]], distinct: set[str], threshold: float
) -> Scored | None:
    """An unshown sentence scoring at least ``threshold`` (for the part: the abstention
    threshold) holding a term of ``distinct`` when ``best`` (already shown) holds none: a
    later part's own subject decides between them."""
    if not distinct or distinct & set(tokenize(best.text)):
        return None
    for c in fitting:
        if c.prob < threshold:
            return None
        if (c.n, c.span.start) not in used and distinct & set(tokenize(c.text)):
            return c
    return None


def _role_holder_for_part(
    context: Context,
    part: str,
    best: Scored,
    fitting: list[Scored],
    used: set[tuple[int, int]],
    threshold: float,
) -> Scored | None:
    """For a later part asking who holds a role ("..., and who was the reporter?") whose best
    sentence an earlier part showed and which names no one beside the role noun ("yanked the
    arm of a Breitbart reporter"): the best unshown sentence at or above ``threshold`` that
    names the role's holder beside it (:func:`_names_role_holder`); else None."""
    role = _role_asked(part)
    if role is None or _names_role_holder(context, best, role):
        return None
    for c in fitting:
        if c.prob < threshold:
            return None
        if (c.n, c.span.start) not in used and _names_role_holder(context, c, role):
            return c
    return None


def _ask_covered(part: str, chosen: list[Scored], beside: list[Scored]) -> Scored | None:
    """For one part of a multi-part question, the best-ranked of ``beside`` (its further
    sentences of the best one's article, at or above the abstention threshold but under
    ``second_ratio`` x the best, unshown for earlier parts) that holds a word of the part's
    own ask (:func:`part_ask`: the statement before the asks left out) that none of the
    ``chosen`` sentences holds; else None.

    ``second_ratio`` keeps a single question's answer to the sentences that compete with
    its best. A part of the held-out writer's multi-article questions is answered by one
    article, and its best sentence often echoes the statement shared by every part ("Two
    speeches drew rebuttals. What did Roe say about the ad, ...?"), scoring far above the
    sentence of the same article that holds what the ask itself names ("the ad"). That
    sentence joins the part (one beyond ``max_sentences``, after the best one's follow-on
    words, which keep their room); a sentence bringing none of the ask's words the chosen
    ones lack adds nothing the part asked for."""
    have = set().union(*(set(tokenize(c.text)) for c in chosen))
    lacking = _content_terms(part_ask(part)) - have
    if not lacking:
        return None
    for c in beside:
        if any(_overlaps(c, x) or _same_words(c, x) for x in chosen):
            continue
        if lacking & set(tokenize(c.text)):
            return c
    return None


def _part_room(context: Context, part: str, best: Scored, c: Scored, most: int) -> int:
    """How many sentences a part may hold before candidate ``c`` is weighed (``most``:
    :attr:`AnswerSettings.max_sentences`): one more for a sentence of the best one's article
    in a part of a multi-part question.

    A single question's answer keeps to ``most`` sentences: its further ones compete with
    the best. A part of a multi-part question is answered by one article of the story, and
    its best sentences there often say the same thing (the statement shared by every part,
    the part's subject) before the one that gives what the part asks; that one, within
    ``second_ratio`` of the best, was the first cut. Another article's sentence keeps the
    usual room: it must still earn its place among the part's own article's."""
    if part == context.question or not _same_article(context, c, best):
        return most
    return most + 1


def _same_article_answer(context: Context, parts: list[str], i: int, shown: list[Scored]) -> Scored | None:
    """For part ``i``, which asks for a specific thing (a count, a figure, a date, a name:
    :func:`_specific`) and whose best sentences were all shown for earlier parts, the
    sentence of the shown sentences' article(s) that holds both a term of this part that
    the other parts lack ("Trump" in "..., and how many endorsed Trump?") and the thing
    asked, the ranker's best for the part among them.

    No probability floor: the article is already the answer's (the earlier part chose it,
    so citing it again costs no citation precision), and the two conditions are what
    answer the part; a sentence of another article needs the threshold (``_pick``)."""
    part = parts[i]
    wanted = _specific(part)
    if wanted is None:
        return None
    terms = [_content_terms(p) for p in parts]
    distinct = terms[i] - _others(terms, i)
    if not distinct or any(distinct & set(tokenize(c.text)) for c in shown):
        return None
    docs = {context.evidence[c.n - 1].doc_id for c in shown}
    seen = {(c.n, c.span.start) for c in shown}
    for c in rank(context, part, [n.lower() for n in _asked_names(context)]):
        if context.evidence[c.n - 1].doc_id not in docs or (c.n, c.span.start) in seen:
            continue
        if distinct & set(tokenize(c.text)) and _has_wanted(c, wanted, part, context):
            return c
    return None


#: A part asking for a title: "what is the title of the ad", "what is the video called".
_TITLE_ASKED = re.compile(
    r"\btitle[ds]?\b|\b(?:what|which)\b.{0,60}\b(?:called|named|titled|dubbed)\s*\?", re.I
)
#: "which <noun> ...": the words after "which", up to the verb (the asked-for one's kind).
_WHICH = re.compile(r"^\W*(?:and\s+)?which\s+((?:[\w.'’-]+\s+){1,3})", re.I)
#: A title given in a sentence: "titled \"Unifier?\"", "is called No Respite", "dubbed ...".
_TITLE_GIVEN = re.compile(r"\b(?:titled|entitled|called|named|dubbed)\s+(?:[\"“‘]|''|``)?\s*[A-Z0-9]", re.I)
#: Entity labels that name an instance of a kind ("which ministers" -> a person, "which
#: company" -> an organisation, "which video" -> a work).
_NAMED_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "FAC", "GPE", "NORP"}


def _ranked_by_own_ask(context: Context, part: str, names: list[str], cands: list[Scored]) -> list[Scored]:
    """A part's candidates, each at the higher of its probability for the whole part and for
    the part's own ask alone, when a statement comes before the ask and the ask has a subject
    of its own (not a pronoun leaning on the statement: :func:`pronoun_subject`).

    The held-out writer's multi-part questions open with a statement shared by every part
    ("Two speeches drew rebuttals. What did Jane Roe say about ..., and what did ... claim?");
    its words weigh on every part's ranking alike, so the sentence with the words one part
    asks for can rank under the sentences that echo the statement. Ranked by its own ask, it
    rises; the higher probability keeps the statement's help where it gives some. An ask
    whose subject is a pronoun ("What did he say on the radio?") needs the statement for
    that subject, so it is ranked as it stands; a pronoun elsewhere in the ask does not
    (the held-out writer's second ask often has one: "which Republican speechwriter said he
    might vote for her?", "how did the FBI director describe her handling of ...?"), and
    such an ask is ranked alone too."""
    own = part_ask(part)
    if own == part or pronoun_subject(own):
        return cands
    alone = {(c.n, c.span.start): c.prob for c in rank(context, own, names)}
    lifted = [replace(c, prob=max(c.prob, alone.get((c.n, c.span.start), 0.0))) for c in cands]
    return sorted(lifted, key=lambda c: -c.prob)


def _part_asks(part: str) -> str | None:
    """What one part of a multi-part question asks for: :func:`_specific`'s kinds, else a
    title ("what is the title of the ad?") or a named one of a kind ("which ministers ...?",
    "which video ...?"), else None (a part asking what someone said). The kind is read in
    the part's ask (:func:`part_ask`): a part of the held-out writer's lead-in question
    starts with the statement ("Trump has critics. Which aide ...?")."""
    if _TITLE_ASKED.search(part):
        return "title"
    if asked.response_asked(part):
        return "response"
    wanted = _specific(part)
    if wanted is not None:
        return wanted
    if asked.yes_no_verb(part):
        return "predicate"
    if _WHICH.search(part_ask(part)):  # the ask, not a statement before it
        return "which"
    return None


def _which_terms(part: str) -> set[str]:
    """The kind a "which" part asks for: its ask's lower-case words after "which" ("Which
    ISIS video features ..." -> video, features; a capitalised word names, not a kind)."""
    m = _WHICH.search(part_ask(part))
    words = [w for w in m.group(1).split() if w[:1].islower()] if m else []
    return _content_terms(" ".join(words))


def _part_holds(c: Scored, thing: str, part: str, context: Context) -> bool:
    """Does sentence ``c`` hold what the part asks for (:func:`_part_asks`)? A measured lead
    or gap is given in points or percent ("how large was the lead" -> "by 6 points"); a
    title after "titled"/"called"; a named one of the kind asked as an entity the part does
    not name, in a sentence naming the kind ("Minister Anita Anand" for "which ministers")."""
    if thing == "title":
        return bool(_TITLE_GIVEN.search(c.text))
    if thing == "response":
        return asked.reports_response(c.text, asked.response_asked(part) or "")
    if thing == "predicate":
        return asked.holds_verb(c.text, asked.yes_no_verb(part) or "")
    if thing == "which":
        return _names_one_of_kind(c, _which_terms(part), part, context)
    if thing == "measure":
        return bool(_FIGURE.search(c.text)) or _has_wanted(c, thing, part)
    return _has_wanted(c, thing, part, context)  # a sentence past the passage's edge: _own_passage


#: Between a person's name and its kind's word in an appositive: ", a ", ", the former ".
_APPOSITIVE = re.compile(r"\s*,\s*(?:a|an|the)\s+(?:[\w.'’-]+\s+){0,2}")


def _names_one_of_kind(c: Scored, kind: set[str], part: str, context: Context) -> bool:
    """Does sentence ``c`` name one of the kind asked ("which ministers" -> "Foreign Affairs
    Minister Anita Anand", "which video" -> "The video ... is called No Respite")? The kind's
    word right before a named entity that the part does not name (an appositive title or
    noun: "Minister Anita Anand", "the ad, 'Unifier'") or in an appositive right after it
    ("Jane Roe, a writer for ..."), or the kind's word in a sentence
    that gives a title ("called", "titled"). An entity elsewhere in the sentence is not
    said to be one of the kind."""
    words = [
        (m.start(), m.end()) for m in re.finditer(r"[\w'’-]+", c.text) if set(tokenize(m.group(0))) & kind
    ]
    if not words:
        return False
    if _TITLE_GIVEN.search(c.text):
        return True
    ev = context.evidence[c.n - 1]
    if c.span.start >= ev.end:
        ev = _joined(context, c.n)
    low = normalise(part)
    for s, e, label in ev.entities:
        if label not in _NAMED_LABELS or s < c.span.start or e > c.span.end:
            continue
        names = [w for w in normalise(ev.at(s, e)).split() if len(w) > 2]
        if not names or any(w in low for w in names):
            continue
        at, end = s - c.span.start, e - c.span.start
        if any(0 <= at - b <= 3 and not c.text[b:at].strip(" ,“\"'‘") for _, b in words):
            return True
        if label == "PERSON" and any(a >= end and _APPOSITIVE.fullmatch(c.text[end:a]) for a, _ in words):
            return True
    return False


def _part_thing(
    context: Context,
    part: str,
    names: list[str],
    chosen: list[Scored],
    used: set[tuple[int, int]],
    threshold: float,
    terms: set[str],
    distinct: set[str],
    tuning: AnswerSettings,
) -> list[Scored] | None:
    """For one part of a multi-part question, sentences that give the thing it asks for
    (:func:`_part_asks`) when those :meth:`ExtractiveBackend._pick` chose do not, else None.

    A part is often answered by a sentence on its topic that lacks the asked-for figure,
    title or name, which another sentence gives: the video's name in the sentence after the
    one that says what it shows, the ad's title in another sentence of its article. The
    part's own terms are those the other parts lack (its own subject), else all of its.

    * No chosen sentence holds the thing: of the part's candidates at or above the
      abstention threshold (the bar any answer needs), unshown, the best-ranked holding
      the thing and one of the part's own terms goes first; else the next sentences of the
      best one's article (:data:`FOLLOWING_SENTENCES`, across the passage's edge) are
      searched for the thing (a survey "in a dead heat", its figures next).
    * A chosen sentence holds it, but a candidate within ``second_ratio`` of it (the bar a
      further sentence of the single-question picking needs) holds it and more of the
      part's own terms: that one goes first ("when is the district's primary?" answered by
      another primary's day shown for the earlier part; "how large was the lead in the
      average?" by another poll's figures, the strict measurement check having passed over
      "by about 6 points")."""
    thing = _part_asks(part)
    if thing is None:
        return None
    own = distinct or terms
    if thing == "response":  # the reply's words are not the part's ("answer" vs "Responding")
        own = set(tokenize(asked.response_asked(part) or ""))
    if thing == "predicate":  # "met" for "did they meet"
        own = asked.verb_forms(asked.yes_no_verb(part) or "")
    cands = rank(context, part, names)
    top = next((c for c in chosen if _part_holds(c, thing, part, context)), None)
    if top is not None:
        cover = len(own & set(tokenize(top.text)))
        for c in cands:
            if c.prob < max(threshold, tuning.second_ratio * top.prob):
                return None
            if (c.n, c.span.start) in used or any(_overlaps(c, x) for x in chosen):
                continue
            if _part_holds(c, thing, part, context) and len(own & set(tokenize(c.text))) > cover:
                return [c, *chosen][: tuning.max_sentences]
        return None
    for c in cands:
        if c.prob < threshold:
            break
        if (c.n, c.span.start) in used or any(_overlaps(c, x) for x in chosen):
            continue
        if own & set(tokenize(c.text)) and _part_holds(c, thing, part, context):
            return [c, *chosen][: tuning.max_sentences]
    best = chosen[0] if chosen else (cands[0] if cands and cands[0].prob >= threshold else None)
    if best is None:
        return None
    ev = _joined(context, best.n)
    i = next((k for k, sp in enumerate(ev.sentences) if sp.start == best.span.start), -1)
    if i < 0:
        return None
    for sp in ev.sentences[i + 1 : i + 1 + FOLLOWING_SENTENCES]:
        follow = _follower(ev, best, sp, ev.at(sp.start, sp.end), cands)
        if _part_holds(follow, thing, part, context):  # shown for an earlier part: shown once
            base = chosen or [best]
            return [*base[: tuning.max_sentences - 1], follow] if follow not in base else None
    return None


def _part_context(context: Context, part: str) -> Context:
    """The context one part of a multi-part question is answered from: the question's,
    except that a part asking for the words of another named person than the question's
    ("..., and what did Clinton say about ...?", "A and B both ... . What did B say?") asks
    for that person's: the ranker's ``spoken_by`` and the answer's speaker checks look
    for them, not for the speaker the whole question was resolved to (its first)."""
    own = asked_speaker(part_ask(part))
    if own is None or not own.named or not _NAME_PHRASE.match(own.phrase):
        return context
    whole = asked_speaker(context.question)
    if whole is not None and normalise(whole.phrase) == normalise(own.phrase):
        return context
    return context.model_copy(update={"speaker": own.phrase, "speaker_aliases": [], "unquoted": None})
