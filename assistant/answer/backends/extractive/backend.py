"""The extractive backend: :class:`ExtractiveBackend` ranks the evidence sentences for each
part of the question, picks those that answer it (or the reason none does, from
:mod:`.checks`) and composes the draft: each sentence verbatim with its speaker's label and
its ``[n]`` marker, or the fixed abstention sentinel."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from assistant.answer import asked
from assistant.answer.backends.extractive.checks import (
    _about_another,
    _contrast,
    _group_silent,
    _missing_names,
    _place_elsewhere,
    _role_elsewhere,
    _same_named,
    _same_person,
    _speaker_silent,
    _told_as_past,
    _topic_untouched,
    _weak_fit,
)
from assistant.answer.backends.extractive.common import (
    Candidate,
    _asked_names,
    _content_terms,
    _joined,
    _overlaps,
    _same_article,
    _same_words,
)
from assistant.answer.backends.extractive.order import (
    _age_by_epithet,
    _quoting_first,
    _restating,
    _since_first,
)
from assistant.answer.backends.extractive.runs import (
    _FIGURE,
    _asked_persons_words,
    _follower,
    _persons_other_words,
    _speaker_goes_on,
    _speaker_started_before,
    _words_that_follow,
    whole_quotation,
)
from assistant.answer.backends.extractive.speakers import (
    _NAME_PHRASE,
    _attributed,
    _authored,
    _lead,
    _ledger_speaker,
    _name_pronoun,
    _named_asked,
    _said_by_another,
    _unquoted_asked,
    sentence_speaker,
)
from assistant.answer.backends.extractive.wanted import (
    _SPECIFICS,
    _WANTED_WORDS,
    _has_wanted,
    _own_passage,
    _passage,
    _specific,
)
from assistant.answer.guard import neutralise_markers
from assistant.answer.ranker import (
    Scored,
    answer_type,
    asks_speaker,
    load_weights,
    rank,
)
from assistant.engines.lexical import tokenize
from assistant.nlp import months, wordlist
from assistant.nlp.claims import CANNOT_ANSWER
from assistant.nlp.entities import NUMERIC, PLACEISH, TIMEISH
from assistant.nlp.questions import (
    ask_of,
    asked_speaker,
    part_ask,
    split_question,
)
from assistant.nlp.text import normalise
from assistant.settings import AnswerSettings, Settings
from assistant.types import FOLLOWING_SENTENCES, Context, Draft, DraftCitation, Span

_QUOTED = re.compile(r"[\"“]([^\"”]{12,})[\"”]|(?:''|``)([^\"”]{12,}?)''")
#: Share of the question's quoted terms a passage must hold to be where the words are
#: (evals/abstain_cv.py on the generated near-miss sets and the automatic who-said sets:
#: every answerable question holds 1.00, 95% of the unanswerable ones less than 0.75;
#: below 1.00 so a question that misquotes one word of four still finds the passage).
QUOTED_SHARE = 0.75


class ExtractiveBackend:
    name = "extractive"

    def __init__(self, settings: Settings | None = None):
        self.settings = settings
        #: how many sentences, how close to the best, how long a quotation, how far a speaker
        self.tuning = settings.answer if settings is not None else AnswerSettings()

    @property
    def prompt_hash(self) -> str | None:
        return None

    def stream(self, context: Context) -> Iterator[str]:
        yield self.answer(context).text

    # -- scoring -----------------------------------------------------------------------
    def candidates(self, context: Context, question: str | None = None) -> list[Candidate]:
        """Evidence sentences by the fitted ranker's probability, best first."""
        return [Candidate(c.n, c.span, c.text, c.prob, c.coverage) for c in rank(context, question)]

    # -- answering ---------------------------------------------------------------------
    def answer(self, context: Context) -> Draft:
        if not context.evidence:
            return Draft(
                text=f"{CANNOT_ANSWER} anything about this: no passage matches.", abstained=True, absent=True
            )
        missing = _missing_names(context)
        if missing:
            return Draft(
                text=f"{CANNOT_ANSWER} anything about {', '.join(missing)}: the articles do not mention "
                f"{'them' if len(missing) > 1 else 'that name'}.",
                abstained=True,
                absent=True,
            )
        model = load_weights()
        threshold = float(model["threshold"])
        parts = asked.fill_subject(asked.fill_counted(split_question(context.question)))
        names = [n.lower() for n in _asked_names(context)]
        picked, gaps, absent = self._pick_parts(context, parts, names, threshold)
        if not any(picked):
            why = gaps[0] if len(gaps) == 1 else "; ".join(dict.fromkeys(gaps))
            text = f"{CANNOT_ANSWER} enough to answer this: {why}."
            return Draft(text=text, abstained=True, absent=all(absent))
        return self._compose(context, parts, picked, gaps)

    def _pick(
        self,
        context: Context,
        part: str,
        names: list[str],
        threshold: float,
        used: set[tuple[int, int]],
        distinct: set[str] | None = None,
        marks: tuple[set[str], set[str]] = (set(), set()),
    ) -> tuple[list[Scored], str | None, bool]:
        """The sentences that answer one part, or what is missing for it, and whether that
        is absent from every evidence sentence (not merely from those that score well).

        ``distinct``: the terms of this part that the question's other parts lack ("Trump"
        in "how many endorsed Clinton, and how many endorsed Trump?"). When the best
        sentence was already shown for an earlier part and holds none of them, the best
        unshown sentence above the threshold that does hold one answers this part instead.
        ``marks``: the terms only this part's ask holds and those only the other parts' asks
        hold (:func:`_own_marked_first`)."""
        cands = rank(context, part if part != context.question else None, names)
        if part != context.question:
            cands = _ranked_by_own_ask(context, part, names, cands)
        wanted = _specific(part)
        fitting = [c for c in cands if _has_wanted(c, wanted, part, context)] if wanted else cands
        if not fitting and wanted == "measure":
            # "how big / far ..." given as a bare figure ("a crowd of 5,000", "71 short"):
            # no sentence holds a unit, so any figure is the measurement (before this the
            # answer abstained, 0 times rightly and 3 times wrongly over every set)
            wanted = "number"
            fitting = [c for c in cands if _has_wanted(c, wanted, part, context)]
        if not fitting:
            return [], f"the articles do not give {_WANTED_WORDS[wanted or 'number']} asked for", True
        if wanted:
            fitting = _restating(fitting, cands, threshold)
            if wanted == "age":
                fitting = _age_by_epithet(context, fitting, cands, threshold)
        if _weak_fit(fitting, cands, threshold, self.tuning.wanted_ratio):
            return (
                [],
                f"the passages on this do not give {_WANTED_WORDS.get(wanted or '', 'what is')} asked for",
                False,
            )
        other = [c for c in fitting if _contrast(c, context, part) is None]
        if not other or (other[0].prob < threshold <= fitting[0].prob):
            # the passages that match speak of another one ("the first debate", asked
            # about "the vice-presidential debate")
            asked_for, given = _contrast(fitting[0], context, part) or ("", "")
            return [], f"the articles speak of the {given}, not the {asked_for}", False
        fitting = other
        if fitting and fitting[0].prob >= threshold and (fitting[0].n, fitting[0].span.start) not in used:
            # The sibling checks read a best sentence above the threshold that no earlier part
            # showed (a sentence shown for an earlier part is about that part's own subject).
            entities = [(ev.at(s, e), label) for ev in context.evidence for s, e, label in ev.entities]
            sibling = (
                _same_named(context, part, wanted, fitting, threshold, entities)
                or _same_person(context, part, wanted, fitting, threshold, entities)
                or _place_elsewhere(context, part, wanted, fitting, threshold, entities)
                or _role_elsewhere(context, part, wanted, fitting, threshold)
                or _group_silent(context, part, fitting, threshold, self.tuning.speaker_gap)
            )
            if sibling:
                return [], sibling, False
        said = asked.quoted_words(part)
        terms: dict[int, set[str]] = {}  # each passage's terms, tokenized once
        if said:
            fitting = [
                c for c in fitting if asked.share_held(said, _passage(c, context, terms)) >= QUOTED_SHARE
            ]
            if not fitting:
                return [], "the articles do not hold the words quoted", True
        fitting = _quoting_first(fitting, part, threshold)
        fitting = _since_first(fitting, part, threshold, context)
        speaker = _named_asked(context, part)
        if speaker and wanted not in ("name", "person") and not _unquoted_asked(context, part):
            # X's words are asked for (not a person X quoted or named): another's go after
            # X's own. When X's own rank under the threshold and another's above it, the answer
            # is not withheld: it shows the other's words as theirs. Withholding it caught no
            # unanswerable question on any development or check set (about 1,800 questions)
            # and cost three answerable ones, two of them the ledger carrying a speaker over
            # from an earlier sentence ("She has proposed ...").
            others = [c for c in fitting if _said_by_another(c, context, speaker)]
            by_asked = [c for c in fitting if all(c is not o for o in others)]
            if by_asked and not (others and by_asked[0].prob < threshold <= others[0].prob):
                fitting = by_asked
        fitting, elsewhere = _about_another(context, part, fitting, threshold, self.tuning.speaker_gap)
        if elsewhere:
            return [], elsewhere, False
        quoted = _unquoted_asked(context, part)
        if quoted:
            # an opinion column's argued views are its author's words (:func:`_authored`)
            fitting = [
                c
                for c in fitting
                if _attributed(c, context, quoted, self.tuning)
                or _authored(
                    context.evidence[c.n - 1],
                    c.span,
                    _ledger_speaker(c, context.evidence[c.n - 1], context.quotes),
                    asked.name_keys(quoted),
                )
            ]
            if not fitting:
                return [], f"the articles do not quote {quoted} on this", True
        top = fitting[0]
        # another part's sentence ranks first: this part's own one answers it, though its own
        # article words it far from the question (the second article's part of the held-out
        # writer's questions often ranks under the threshold)
        fitting = _own_marked_first(fitting, *marks, self.tuning.own_marked_floor * threshold)
        best = fitting[0]
        if best.prob < threshold and best is top:
            if wanted and cands and cands[0].prob >= threshold:
                return [], f"the passages on this do not give {_WANTED_WORDS[wanted]} asked for", False
            return [], "no passage in the articles answers it", False
        if (best.n, best.span.start) in used:
            floor = max(threshold, self.tuning.second_ratio * best.prob)
            fresh = _fresh_for_part(best, fitting, used, distinct or set(), floor)
            if fresh is None:
                return [best], None, False  # the sentence already shown answers this part too
            best = fresh
        chosen = [best]
        t = self.tuning
        for c in fitting[1:]:
            if len(chosen) >= t.max_sentences or c.prob < max(threshold, t.second_ratio * best.prob):
                break
            if any(_overlaps(c, x) or _same_words(c, x) for x in chosen):
                continue
            if (c.n, c.span.start) in used:
                continue
            if not _same_article(context, c, best) and c.prob < t.other_article_ratio * best.prob:
                continue  # another article's sentence must earn its place: its own bar
            chosen.append(c)
        at = 1
        for follow in _words_that_follow(context, best, cands, part):
            # Only in room left: the further sentences ranked for the part are its other
            # candidate answers (another speaker for "who"), which a continuation of the
            # best one does not push out.
            if len(chosen) < t.max_sentences and not any(_overlaps(follow, x) for x in chosen):
                chosen.insert(at, replace(follow, goes_on=True))
                at += 1
        own = _asked_persons_words(context, part, wanted, fitting, chosen, used, threshold)
        if own is not None and len(chosen) < t.max_sentences:
            chosen.append(own)
        untouched = _topic_untouched(context, part, chosen) or _told_as_past(context, part, chosen)
        if untouched:
            return [], untouched, False
        silent = _speaker_silent(context, part, wanted, chosen, self.tuning)
        if silent:
            return [], silent, False
        chosen += _persons_other_words(context, part, wanted, cands, chosen, used, t.further_words)
        return chosen, None, False

    def _pick_parts(
        self, context: Context, parts: list[str], names: list[str], threshold: float
    ) -> tuple[list[list[Scored]], list[str], list[bool]]:
        """Each part's sentences (:meth:`_pick`), the gaps of the parts that have none, and
        whether what those lack is absent from the evidence. Evidence is picked per part,
        across articles; a part asking for another named person's words than the
        question's first is answered from its own context (:func:`_part_context`)."""
        picked: list[list[Scored]] = []
        gaps: list[str] = []
        absent: list[bool] = []
        used: set[tuple[int, int]] = set()
        terms = [_content_terms(p) for p in parts]
        ctxs = [_part_context(context, p) if len(parts) > 1 else context for p in parts]
        distinct = _each_ones_own(terms)
        # each ask's own terms, the statement before the asks left out ("Roe and Doe both
        # spoke. What did Roe say?" and "... What did Doe say?" differ in "Roe" and "Doe")
        marks = _each_ones_own([_content_terms(part_ask(p)) for p in parts])
        for i, part in enumerate(parts):
            theirs = _others(marks, i)
            chosen, gap, lacking = self._pick(
                ctxs[i], part, names, threshold, used, distinct[i], (marks[i], theirs)
            )
            if len(parts) > 1:
                held = _part_thing(
                    ctxs[i], part, names, chosen, used, threshold, terms[i], distinct[i], self.tuning
                )
                if held is not None:
                    chosen, gap = held, None
            picked.append(chosen)
            if gap:
                gaps.append(gap)
                absent.append(lacking)
            used.update((c.n, c.span.start) for c in chosen)
        if len(parts) > 1:
            picked = _own_beside_shared(ctxs, parts, names, picked, distinct, threshold, self.tuning)
        return picked, gaps, absent

    def _compose(
        self, context: Context, parts: list[str], picked: list[list[Scored]], gaps: list[str]
    ) -> Draft:
        lines: list[str] = []
        follows: dict[int, int] = {}  # a continuation's line -> the line it continues
        cites: list[DraftCitation] = []
        # shown sentences by article, not evidence number: two passages of one article (or a
        # passage and the one before it read past its edge) hold the same sentence
        shown: list[tuple[str, Span]] = []

        def doc(c: Scored) -> str:
            return context.evidence[c.n - 1].doc_id

        threshold = float(load_weights()["threshold"])
        names = [n.lower() for n in _asked_names(context)]
        for i, (part, chosen) in enumerate(zip(parts, picked, strict=True)):
            if not chosen and len(parts) > 1:
                lines.append(f"The articles do not say: {part.rstrip('?')}.")
                continue
            seen = [any(d == doc(c) and s.start <= c.span.start < s.end for d, s in shown) for c in chosen]
            if i and all(seen):
                # A later part answered only by sentences already shown ("..., and how many
                # endorsed Trump?", "When and on which program did X ...?"): the same article
                # gives the rest -- its sentence with the part's own subject and the thing
                # asked, else the speaker's next words.
                own = _same_article_answer(context, parts, i, chosen)
                more = [own] if own else _words_that_follow(context, chosen[0], [], part, quoted=True)[:1]
                chosen = [*chosen, *more]
            head: int | None = None  # the line of this part's sentence shown last
            for c in chosen:
                ev = (
                    _joined(context, c.n)
                    if c.span.start >= context.evidence[c.n - 1].end
                    else context.evidence[c.n - 1]
                )
                span, body = whole_quotation(ev, c.span, self.tuning)
                if any(d == ev.doc_id and span.start < s.end and s.start < span.end for d, s in shown):
                    head = None  # what goes on from it goes on from a sentence shown elsewhere
                    continue  # this sentence, or the quotation it belongs to, is already shown
                shown.append((ev.doc_id, span))
                speaker = sentence_speaker(c, ev, context.quotes)
                lead = _lead(speaker, body)
                note = context.notes.get(f"{ev.doc_id}:{c.span.start}")
                body = neutralise_markers(body)  # an article's own "[1]" is not a marker
                if speaker is None:
                    body = _name_pronoun(body, c, ev)
                also = [] if c.further else _corroborating(context, c)
                if c is chosen[0] and len(parts) == 1:
                    # the same answer in other outlets' own words (one part: a later part's
                    # sentence answers the part with the earlier one's in view)
                    cited = [doc(c), *(context.evidence[m - 1].doc_id for m, _ in also)]
                    also += _same_answer(context, c, part, cited, threshold, names)
                markers = " ".join(f"[{m}]" for m in [c.n, *[a[0] for a in also]])
                if answer_type(part) not in _SPECIFICS:
                    # the speaker's run started in the sentence before: shown first, and only
                    # with this one
                    taken = [*shown, *((doc(x), x.span) for ch in picked for x in ch)]
                    start = _speaker_started_before(context, c, span, taken, self.tuning)
                    if start is not None:
                        sspan, sbody = start
                        shown.append((ev.doc_id, sspan))
                        follows[len(lines)] = len(lines) + 1  # shown only with the line it starts
                        lines.append(f"{_lead(speaker, sbody)}{neutralise_markers(sbody)} [{c.n}]")
                        cites.append(DraftCitation(n=c.n, doc_id=ev.doc_id, start=sspan.start, end=sspan.end))
                if c.goes_on and head is not None:
                    follows[len(lines)] = head
                head = len(lines)
                lines.append(f"{lead}{body} {markers}{f' — {note}.' if note else ''}")
                cites.append(DraftCitation(n=c.n, doc_id=ev.doc_id, start=span.start, end=span.end))
                for m, sp in also:
                    other = context.evidence[m - 1]
                    cites.append(DraftCitation(n=m, doc_id=other.doc_id, start=sp.start, end=sp.end))
                if answer_type(part) not in _SPECIFICS:
                    # the speaker's words go on in the next sentence: the answer shows them too
                    taken = [*shown, *((doc(x), x.span) for ch in picked for x in ch)]
                    goes_on = _speaker_goes_on(context, c, span, taken, self.tuning)
                    if goes_on is not None:
                        nspan, nbody = goes_on
                        shown.append((ev.doc_id, nspan))
                        follows[len(lines)] = len(lines) - 1
                        lines.append(f"{_lead(speaker, nbody)}{neutralise_markers(nbody)} [{c.n}]")
                        cites.append(DraftCitation(n=c.n, doc_id=ev.doc_id, start=nspan.start, end=nspan.end))
        return Draft(text="\n".join(lines), citations=cites, follows=follows)


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
    fitting: list[Scored], own: set[str], others: set[str], threshold: float
) -> list[Scored]:
    """``fitting`` for one part of a multi-part question, without the sentences marked as
    another part's when the best is one of them and a candidate above ``threshold`` is
    marked as this part's own (``threshold``: the caller's floor,
    :attr:`AnswerSettings.own_marked_floor` of the abstention threshold).

    The parts of "What did Roe say on Channel Four's Morning Show and on the Evening
    Hour?" differ only in the venue (or the outlet, the occasion, the person) each names:
    each part's own terms (``own``: those the other parts' asks lack) pick the article
    that answers it. A sentence holding another part's own terms (``others``) and none of
    this part's is that part's answer, though it ranks first for this one too (it holds
    the statement's and the ask's shared words: "Roe", "say"); the best-ranked sentence
    above the floor holding this part's own terms and none of the others' answers it, even
    under the abstention threshold: the part's own article often words it unlike the
    question (the second article's part of a multi-article question)."""
    if not own or not others or not fitting:
        return fitting

    def marked(c: Scored) -> tuple[bool, bool]:
        words = set(tokenize(c.text))
        return bool(own & words), bool(others & words)

    if marked(fitting[0]) != (False, True):
        return fitting
    for c in fitting:
        if c.prob < threshold:
            return fitting
        if marked(c) == (True, False):
            return [c, *(x for x in fitting if x is not c and marked(x) != (False, True))]
    return fitting


def _fresh_for_part(
    best: Scored, fitting: list[Scored], used: set[tuple[int, int]], distinct: set[str], threshold: float
) -> Scored | None:
    """An unshown sentence scoring at least ``threshold`` (for the part: the abstention
    threshold, and near ``best``) holding a term of ``distinct`` when ``best`` (already
    shown) holds none: a later part's own subject decides between them."""
    if not distinct or distinct & set(tokenize(best.text)):
        return None
    for c in fitting:
        if c.prob < threshold:
            return None
        if (c.n, c.span.start) not in used and distinct & set(tokenize(c.text)):
            return c
    return None


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


_REFERRING = wordlist("referring_pronouns")


def _ranked_by_own_ask(context: Context, part: str, names: list[str], cands: list[Scored]) -> list[Scored]:
    """A part's candidates, each at the higher of its probability for the whole part and for
    the part's own ask alone, when a statement comes before the ask and the ask names its own
    subject (no pronoun of :data:`_REFERRING` leaning on the statement).

    The held-out writer's multi-part questions open with a statement shared by every part
    ("Two speeches drew rebuttals. What did Jane Roe say about ..., and what did ... claim?");
    its words weigh on every part's ranking alike, so the sentence with the words one part
    asks for can rank under the sentences that echo the statement. Ranked by its own ask, it
    rises; the higher probability keeps the statement's help where it gives some. An ask
    that refers back ("What did he say on the radio?") needs the statement for its subject,
    so it is ranked as it stands."""
    own = part_ask(part)
    if own == part or _REFERRING & set(re.findall(r"[a-z]+", own.lower())):
        return cands
    alone = {(c.n, c.span.start): c.prob for c in rank(context, own, names)}
    lifted = [replace(c, prob=max(c.prob, alone.get((c.n, c.span.start), 0.0))) for c in cands]
    return sorted(lifted, key=lambda c: -c.prob)


def _part_asks(part: str) -> str | None:
    """What one part of a multi-part question asks for: :func:`_specific`'s kinds, else a
    title ("what is the title of the ad?") or a named one of a kind ("which ministers ...?",
    "which video ...?"), else None (a part asking what someone said)."""
    if _TITLE_ASKED.search(part):
        return "title"
    if asked.response_asked(part):
        return "response"
    wanted = _specific(part)
    if wanted is not None:
        return wanted
    if asked.yes_no_verb(part):
        return "predicate"
    if _WHICH.search(part):
        return "which"
    return None


def _which_terms(part: str) -> set[str]:
    """The kind a "which" part asks for: its lower-case words after "which" ("Which ISIS
    video features ..." -> video, features; a capitalised word names, not a kind)."""
    m = _WHICH.search(part)
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
    own = asked_speaker(ask_of(part))
    if own is None or not own.named or not _NAME_PHRASE.match(own.phrase):
        return context
    whole = asked_speaker(context.question)
    if whole is not None and normalise(whole.phrase) == normalise(own.phrase):
        return context
    return context.model_copy(update={"speaker": own.phrase, "speaker_aliases": [], "unquoted": None})


def _corroborating(context: Context, c: Scored) -> list[tuple[int, Span]]:
    """Other outlets' evidence sentences that carry the same quoted words as ``c``."""
    quoted = [normalise(a or b) for a, b in _QUOTED.findall(c.text)]
    whole = normalise(c.text)
    doc = context.evidence[c.n - 1].doc_id
    out: list[tuple[int, Span]] = []
    seen = {doc}
    for m, ev in enumerate(context.evidence, start=1):
        if ev.doc_id in seen:
            continue
        for sp in ev.sentences:
            t = normalise(ev.at(sp.start, sp.end))
            if t == whole or any(len(q.split()) >= 4 and q in t for q in quoted):
                out.append((m, sp))
                seen.add(ev.doc_id)
                break
    return out


def _same_answer(
    context: Context, c: Scored, part: str, cited: list[str], threshold: float, names: list[str]
) -> list[tuple[int, Span]]:
    """Other outlets' evidence sentences that give the same answer as ``c``, the sentence
    shown for ``part``: one sentence an article, ranked for the part at or above ``threshold``,
    naming the thing ``c`` answers with (:func:`_answer_of`). ``cited``: the articles
    already cited for ``c``.

    :func:`_corroborating` finds another outlet only by the same quoted words; a fact
    ("which officer", "which country", "in what year") is reported in each outlet's own
    words, and the thing asked for (the officer's name, the country, the year) is what they
    share."""
    answer = _answer_of(context, c, part)
    if not answer:
        return []
    out: list[tuple[int, Span]] = []
    seen = set(cited)
    for o in rank(context, part if part != context.question else None, names):
        if o.prob < threshold:
            break
        other = context.evidence[o.n - 1]
        if other.doc_id in seen or o.span.start >= other.end:
            continue
        text = normalise(o.text)
        if any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", text) for a in answer):
            out.append((o.n, o.span))
            seen.add(other.doc_id)
    return out


def _answer_of(context: Context, c: Scored, part: str) -> list[str]:
    """The names in sentence ``c`` (normalised) that answer ``part``: its entities of the
    kind the part asks for (:func:`_answer_labels`) that the question does not name. A day
    only as a date ("June 7", "2012"): a weekday or "last week" is relative to each article's
    own date. A figure only with its unit ("20 percentage points", "$5 million"): a bare
    number recurs by chance."""
    labels = _answer_labels(part)
    if not labels:
        return []
    ev = _own_passage(context, c)
    asked_words = set(re.findall(r"[\w.-]+", normalise(f"{context.question} {part}").replace("'s", " ")))
    out: list[str] = []
    for s, e, label in ev.entities:
        if s < c.span.start or e > c.span.end or label not in labels:
            continue
        text = normalise(ev.at(s, e))
        if label in TIMEISH and not _A_DATE.search(text):
            continue
        if label in NUMERIC and len(text.split()) < 2 and not re.search(r"[%$€£]", text):
            continue
        out.append(text)
    return [a for a in out if not any(w.strip(".,") in asked_words for w in a.split())]


#: "which officer", "in which state": a part asking which one of a kind (the ranker has no
#: kind for it); group 1 is the word after "which".
_WHICH_ONE = re.compile(
    r"^\s*(?:(?:in|on|at|from|for|to|by|with)\s+)?which\s+((?!did|does|do|is|was|were|are|has|have|had)\w+)",
    re.I,
)
_PLACE_NOUNS = wordlist("place_nouns")
#: An ask for who said something: a speech verb of the lexicon, not in the passive ("who
#: warned", not "who was accused").
_SPEECH_ASKED = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )\b(?:" + asked.SPEECH_FORMS + r")\b",
    re.I,
)
#: A verb in the passive ("which manager was accused of ..."): who is spoken of, not who spoke.
_PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?\w+ed\b", re.I)
#: A date that names the same day in every article: a month or a year.
_A_DATE = re.compile(
    r"\b(?:{}|\d{{4}})\b".format("|".join(sorted({m.name.lower() for m in months()}, key=len, reverse=True)))
)


def _answer_labels(part: str) -> frozenset[str]:
    """The entity labels of the thing ``part`` asks for: a person or a body for "who" and
    "which <noun>", a place for "which <place noun>", a date for "when", a figure for "how
    many"; none for any other ask (a statement's words are matched by their quotation)."""
    wanted = _specific(part)
    ask = ask_of(part)
    which = _WHICH_ONE.match(ask)
    if wanted in ("name", "person") or (wanted is None and which):
        if _SPEECH_ASKED.search(ask) or (asks_speaker(ask) and not _PASSIVE.search(ask)):
            # "who said ...": the speaker is named wherever their words are, on any topic;
            # the same statement is matched by its quoted words (:func:`_corroborating`)
            return frozenset()
        if which and wanted is None:
            after = re.findall(r"[\w'’.-]+", ask[which.start(1) :].lower())[:4]
            if any(w in _PLACE_NOUNS for w in after):
                return PLACEISH
        return frozenset({"PERSON", "ORG"})
    if wanted in ("day", "year", "time"):
        return TIMEISH
    if wanted in ("number", "count", "money", "rate", "quantity", "measure", "age"):
        return NUMERIC
    return frozenset()
