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
    _act_contrasted,
    _attribute_untold,
    _contender_unnamed,
    _contrast,
    _difference_only,
    _figure_given,
    _group_silent,
    _members_unnamed,
    _missing_names,
    _occasion_untouched,
    _period_elsewhere,
    _place_elsewhere,
    _place_untold,
    _reply_unsaid,
    _role_elsewhere,
    _role_named_one,
    _role_unnamed,
    _same_named,
    _same_person,
    _share_of_sibling,
    _share_unbound,
    _shared_figure,
    _source_unnamed,
    _speaker_silent,
    _speaks_near,
    _told_as_future,
    _told_as_past,
    _topic_untouched,
    _type_unnamed,
    _unmentioned_names,
    _venue_unnamed,
    _weak_fit,
    _whole_only,
)
from assistant.answer.backends.extractive.common import (
    Candidate,
    _asked_names,
    _content_terms,
    _fresh_entities,
    _joined,
    _overlaps,
    _same_article,
    _same_words,
)
from assistant.answer.backends.extractive.corroborate import _corroborating, _same_answer
from assistant.answer.backends.extractive.order import (
    _act_dated_first,
    _act_year_first,
    _age_by_epithet,
    _age_of_named,
    _epithet_of_named,
    _factual_figure_first,
    _kind_named_first,
    _lifted_first,
    _named_figure_first,
    _naming_first,
    _quoting_first,
    _restating,
    _role_holder_first,
    _since_first,
    _state_of_named,
    _verb_held_first,
    _whole_counted_first,
)
from assistant.answer.backends.extractive.parts import (
    _ask_covered,
    _each_ones_own,
    _fresh_for_part,
    _others,
    _own_beside_shared,
    _own_marked_first,
    _part_context,
    _part_room,
    _part_thing,
    _ranked_by_own_ask,
    _role_holder_for_part,
    _same_article_answer,
)
from assistant.answer.backends.extractive.runs import (
    _antecedent_named,
    _asked_persons_start,
    _asked_persons_words,
    _list_that_follows,
    _persons_other_words,
    _speaker_goes_on,
    _speaker_started_before,
    _words_that_follow,
    whole_quotation,
)
from assistant.answer.backends.extractive.speakers import (
    _asked_phrase,
    _attributed,
    _authored,
    _dated_words_of_asked,
    _lead,
    _ledger_speaker,
    _name_pronoun,
    _named_asked,
    _named_one_spoke,
    _own_words_first,
    _said_by_another,
    _unquoted_asked,
    asks_which_speaker,
    sentence_speaker,
)
from assistant.answer.backends.extractive.wanted import (
    _SPECIFICS,
    _WANTED_WORDS,
    _day_before,
    _has_wanted,
    _passage,
    _specific,
)
from assistant.answer.guard import neutralise_markers
from assistant.answer.ranker import (
    Scored,
    answer_type,
    load_weights,
    rank,
)
from assistant.nlp.claims import CANNOT_ANSWER
from assistant.nlp.questions import (
    part_ask,
    split_question,
)
from assistant.settings import AnswerSettings, Settings
from assistant.types import Context, Draft, DraftCitation, Span

#: Share of the question's quoted terms a passage must hold to be where the words are
#: (evals/abstain_cv.py on the generated near-miss sets and the automatic who-said sets:
#: every answerable question holds 1.00, 95% of the unanswerable ones less than 0.75;
#: below 1.00 so a question that misquotes one word of four still finds the passage).
QUOTED_SHARE = 0.75


def _own_words_answer(best: Scored, part: str, threshold: float) -> bool:
    """Does the best sentence (above ``threshold``) answer a size asked of what someone said
    ("How big did Roe say the wall would be?") by being the asked person's own words (the
    ledger's record)? It answers in their words ("as big as it needs to be"), which need hold
    no unit. A "who" part asks for a person, not for words. (For any figure or day asked the
    same reading answered nine unanswerable questions: evals/README.md, "Round 25".)"""
    return (
        best.prob >= threshold
        and bool(best.features.get("spoken_by"))
        and asked.asks_words(part)
        and _WHO_ASKS.match(part) is None
    )


_WHO_ASKS = re.compile(r"\W*(?:who|whom|whose)\b", re.I)


#: "Which (two) candidates / nominees ...": people asked for by their part in a contest (no
#: role of :func:`asked.role_which`, which leaves the contest's parts out).
#: An interview answer's label opening a shown sentence ("A: I came home ..."): the speaker's
#: name before it says whose answer it is (:mod:`assistant.quotes.interviews`).
_ANSWER_LABEL = re.compile(r"^A[:.][ \t]+(?=\S)")
_WHICH_CONTENDERS = re.compile(
    r"^\W*(?:which|what)\s+(?:\w+\s+){0,3}?(?:candidates?|nominees?|contenders?|challengers?|rivals?)\b",
    re.IGNORECASE,
)


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
        unknown = _unmentioned_names(context)
        if unknown:
            return Draft(
                text=f"{CANNOT_ANSWER} anything about {', '.join(unknown)}: the articles never mention "
                f"{'them' if len(unknown) > 1 else 'it'}.",
                abstained=True,
                absent=True,
            )
        parts = asked.fill_subject(asked.fill_counted(split_question(context.question)))
        threshold = self._threshold(parts)
        names = [n.lower() for n in _asked_names(context)]
        picked, gaps, absent = self._pick_parts(context, parts, names, threshold)
        if not any(picked):
            why = gaps[0] if len(gaps) == 1 else "; ".join(dict.fromkeys(gaps))
            text = f"{CANNOT_ANSWER} enough to answer this: {why}."
            return Draft(text=text, abstained=True, absent=all(absent))
        return self._compose(context, parts, picked, gaps)

    def _threshold(self, parts: list[str]) -> float:
        """The ranker probability a sentence needs to answer: the fitted abstention threshold,
        and ``part_threshold`` of it for each part of a multi-part question (a part's few
        words score lower than a whole question; evals/README.md, round 46)."""
        threshold = float(load_weights()["threshold"])
        return threshold * self.tuning.part_threshold if len(parts) > 1 else threshold

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
        held = asked.office_asked(part)
        if (
            held is not None
            and fitting
            and not (fitting[0].prob >= threshold and asked.names_person(fitting[0].text, held))
        ):
            # "What office did Clinton hold ...?": the sentence that writes a title against her
            # name ("former Secretary of State Hillary Clinton") answers, wherever it ranks,
            # unless the best sentence above the threshold speaks of her (it may give the title
            # another way: "the Vermont senator"; lifting then cost citation precision)
            fitting = _lifted_first(
                fitting, 0.0, lambda c: asked.titles(c.text, held), max(threshold, fitting[0].prob)
            )
        if wanted in ("measure", "duration") and cands and _own_words_answer(cands[0], part, threshold):
            # "How big did Roe say the wall would be?": Roe's own words answer, unit or not
            fitting = [cands[0], *(c for c in fitting if c is not cands[0])]
        if wanted == "duration" and (
            not fitting or _weak_fit(fitting, cands, threshold, self.tuning.wanted_ratio)
        ):
            # no sentence that matches gives a length ("76 minutes", "a 15-hour filibuster"):
            # "How long ..." is read as a "when", as before (round 29: abstaining here instead
            # caught two near misses and turned four wrong answers, one of a check set, into
            # false abstentions)
            wanted = "time"
            fitting = [c for c in cands if _has_wanted(c, wanted, part, context)]
        if not fitting and wanted == "measure":
            # "how big / far ..." given as a bare figure ("a crowd of 5,000", "71 short"):
            # no sentence holds a unit, so any figure is the measurement (before this the
            # answer abstained, 0 times rightly and 3 times wrongly over every set)
            wanted = "number"
            fitting = [c for c in cands if _has_wanted(c, wanted, part, context)]
        kin = asked.kin_asked(part) if wanted == "name" else None
        if not fitting and kin:
            # no sentence gives a name beside the kin or role noun
            return [], f"no passage names the {kin}: the articles do not say who the {kin} is", True
        if not fitting:
            return [], f"the articles do not give {_WANTED_WORDS[wanted or 'number']} asked for", True
        if wanted:
            fitting = _restating(fitting, cands, threshold)
            if wanted == "age":
                fitting = _age_by_epithet(context, fitting, cands, threshold)
                fitting = _age_of_named(fitting, names, threshold, self.tuning.near_threshold * threshold)
            if wanted in ("name", "person"):
                fitting = _role_holder_first(context, fitting, cands, part, threshold)
        dated_before = False
        if wanted == "day":
            fitting = _act_dated_first(fitting, part, threshold, cands[0].prob if cands else None)
        if wanted in ("year", "month"):
            fitting = _act_year_first(fitting, part, self.tuning.near_threshold * threshold)
        if wanted == "day" and _weak_fit(fitting, cands, threshold, self.tuning.wanted_ratio):
            # the best sentences tell the event the sentence before them dates (:func:`_day_before`)
            dated = [c for c in cands if _has_wanted(c, wanted, part, context) or _day_before(c, context)]
            if not _weak_fit(dated, cands, threshold, self.tuning.wanted_ratio):
                fitting, dated_before = dated, True
        if wanted == "day" and not dated_before and fitting and fitting[0].prob < threshold <= cands[0].prob:
            # the best tells of the asked person's words without a day; a quote of theirs dates them
            said_on = _dated_words_of_asked(context, part, cands, threshold, self.tuning.speaker_gap)
            if said_on is not None:
                fitting = [said_on, *fitting]
        if _weak_fit(fitting, cands, threshold, self.tuning.wanted_ratio):
            if kin:
                return [], f"no passage on this names the {kin}: it does not say who the {kin} is", False
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
                or _share_unbound(context, part, wanted, fitting, threshold, entities)
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
        fitting = _naming_first(fitting, part, threshold, part == context.question)
        speaker = _named_asked(context, part)
        if speaker and wanted not in ("name", "person") and not _unquoted_asked(context, part):
            # X's words are asked for (not a person X quoted or named): another's go after
            # X's own. When X's own rank under the threshold and another's above it, the answer
            # is not withheld: it shows the other's words as theirs. Withholding it caught no
            # unanswerable question on any development or check set (about 1,800 questions)
            # and cost three answerable ones, two of them the ledger carrying a speaker over
            # from an earlier sentence ("She has proposed ...").
            phrase = _asked_phrase(part)
            others = [c for c in fitting if _said_by_another(c, context, speaker, phrase)]
            by_asked = [c for c in fitting if all(c is not o for o in others)]
            if by_asked and not (others and by_asked[0].prob < threshold <= others[0].prob):
                fitting = by_asked
            fitting = _own_words_first(context, fitting, speaker, threshold, self.tuning)
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
        if wanted in ("person", "name") or asks_which_speaker(part):
            fitting = _named_one_spoke(context, part, fitting, threshold)
        # another one's figure ranks first: the one the question names goes first
        fitting = _named_figure_first(context, fitting, wanted, threshold, part)
        fitting = _factual_figure_first(fitting, wanted, threshold, self.tuning.second_ratio, part)
        fitting = _state_of_named(fitting, part, names)
        fitting = _epithet_of_named(fitting, part)
        fitting = _kind_named_first(fitting, part, threshold)
        if wanted == "count":
            fitting = _whole_counted_first(fitting, part, threshold)
        fitting = _verb_held_first(fitting, part, wanted, threshold)
        top = fitting[0]
        # another part's sentence ranks first: this part's own one answers it, though its own
        # article words it far from the question (the second article's part of the held-out
        # writer's questions often ranks under the threshold)
        fitting = _own_marked_first(
            fitting, *marks, self.tuning.own_marked_floor * threshold, threshold, context
        )
        best = fitting[0]
        if (
            best.prob < threshold
            and best is top
            # the asked person's own sentence just under the threshold answers their words
            and not _speaks_near(context, part, wanted, best, threshold, self.tuning)
            and not self._part_near(context, part, wanted, best, threshold)
        ):
            if wanted and cands and cands[0].prob >= threshold:
                return [], f"the passages on this do not give {_WANTED_WORDS[wanted]} asked for", False
            return [], "no passage in the articles answers it", False
        if (best.n, best.span.start) in used:
            # any unshown sentence above the threshold holding the part's own subject: one
            # near the shown best (second_ratio of it) missed a later part's own answer and
            # kept the earlier part's sentence for it (round 23: development +2 facts)
            fresh = _fresh_for_part(best, fitting, used, distinct or set(), threshold)
            if fresh is None and part != context.question:
                fresh = _role_holder_for_part(context, part, best, fitting, used, threshold)
            if fresh is None:
                return [best], None, False  # the sentence already shown answers this part too
            best = fresh
        chosen = [best]
        t = self.tuning
        # a part's further sentences of the best one's article above the threshold but under
        # second_ratio x the best: one of them may still join (:func:`_ask_covered`)
        beside: list[Scored] = []
        for c in fitting[1:]:
            if len(chosen) >= _part_room(context, part, best, c, t.max_sentences) or c.prob < threshold:
                break
            if beside or c.prob < t.second_ratio * best.prob:
                if part == context.question or not _same_article(context, c, best):
                    break
                if (c.n, c.span.start) not in used:
                    beside.append(c)
                continue
            if any(_overlaps(c, x) or _same_words(c, x) for x in chosen):
                continue
            if (c.n, c.span.start) in used:
                continue
            if not _same_article(context, c, best) and c.prob < t.other_article_ratio * best.prob:
                continue  # another article's sentence must earn its place: its own bar
            chosen.append(c)
        day = _day_before(best, context) if dated_before else None
        if day is not None and not any(_overlaps(day, x) for x in chosen):
            chosen.insert(0, day)  # the sentence that gives the day, before the one it dates
        if (
            wanted in ("person", "name")
            or asks_which_speaker(part)
            or asked.role_which(part)
            or _WHICH_CONTENDERS.match(part)
        ):
            named_before = _antecedent_named(context, best, names)
            if named_before is not None and not any(_overlaps(named_before, x) for x in chosen):
                chosen.insert(0, named_before)  # who the description after it stands for
        at = 1 + (day is not None)
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
        named = _role_named_one(context, part, chosen, fitting, threshold, t.wanted_ratio)
        if named is not None and not any(_overlaps(named, x) for x in chosen):
            chosen = [named, *chosen][: t.max_sentences]  # "which lawyer": the one naming them
        untouched = (
            _topic_untouched(context, part, chosen, self.tuning.speaker_gap)
            or _occasion_untouched(context, part, chosen)
            or _venue_unnamed(context, part, chosen)
            or _source_unnamed(context, part, chosen)
            or _whole_only(part, chosen)
            or _figure_given(part, wanted, chosen)
            or _period_elsewhere(context, part, wanted, chosen)
            or _share_of_sibling(part, wanted, chosen)
            or _members_unnamed(context, part, chosen)
            or _told_as_past(context, part, chosen)
            or _told_as_future(part, chosen)
            or _type_unnamed(context, part, chosen)
            or _contender_unnamed(context, part, chosen)
            or _attribute_untold(context, part, chosen)
            or _role_unnamed(context, part, chosen, fitting, threshold)
            or _difference_only(part, wanted, chosen)
            or _act_contrasted(part, wanted, chosen)
            or _place_untold(part, chosen)
            or _shared_figure(context, part, wanted, chosen)
        )
        if untouched:
            return [], untouched, False
        silent = _speaker_silent(context, part, wanted, chosen, self.tuning) or _reply_unsaid(
            context, part, chosen
        )
        if silent:
            return [], silent, False
        listed = _list_that_follows(context, best, cands, part)
        if (
            listed is not None
            and len(chosen) < t.max_sentences
            and not any(_overlaps(listed, x) for x in chosen)
        ):
            # the names a plural ask wants, right after the sentence that tells of them; after the
            # checks, so it never turns a refusal into an answer (before them it answered a near miss)
            at_best = next((i for i, x in enumerate(chosen) if x is best), len(chosen) - 1)
            chosen.insert(at_best + 1, replace(listed, goes_on=True))
        covering = _ask_covered(part, chosen, beside)
        if covering is not None and len(chosen) <= t.max_sentences:
            chosen.append(covering)  # one beyond max_sentences: the follow-ons keep their room
        chosen += _persons_other_words(context, part, wanted, cands, chosen, used, t.further_words)
        # Room left after every check and follow-on: the best one's article's next-ranked
        # sentences at least further_ratio of it (under second_ratio) fill it. After the
        # checks, so a further sentence never turns a refusal into an answer.
        for c in fitting[1:]:
            if len(chosen) >= t.max_sentences or c.prob < max(threshold, t.further_ratio * best.prob):
                break
            if not _same_article(context, c, best) or (c.n, c.span.start) in used:
                continue
            if any(_overlaps(c, x) or _same_words(c, x) for x in chosen):
                continue
            chosen.append(c)
        return chosen, None, False

    def _part_near(
        self, context: Context, part: str, wanted: str | None, best: Scored, threshold: float
    ) -> bool:
        """Does the best sentence of one part of several, scoring under ``threshold`` but at least
        :attr:`AnswerSettings.near_threshold` of it, answer the part anyway because it holds the
        specific thing the part asks for (a figure, a day, a named place or body of the asked
        kind the question does not name: "which state was still uncalled ..." -> "Only
        Connecticut remained uncalled ...")? A part's words are fewer than a whole question's,
        so its own sentence scores lower; the other parts' answers already say the articles are
        on the question. A whole question is answered so only when it asks for a named thing of
        a kind (:func:`asked.typed_ask`: "In which city was the Fox Business debate held?" ->
        "At Tuesday's Republican presidential debate in Milwaukee, ..."): a sentence naming
        one the question does not is rarely a near miss (round 34: development +4 facts, check
        +1, no abstention lost); so is a whole question asking for a day (development +1 fact,
        check +1). A figure, a name or an age asked by a whole question stays refused: each
        cost development or check abstentions when tried (evals/README, "Round 34")."""
        if best.prob < self.tuning.near_threshold * threshold:
            return False
        if wanted is not None:
            # a whole question's day ("On what day did Fox News report ...?"): its sentence
            # dates the asked event; a whole question's figure, name or age stays refused
            return (part != context.question or wanted == "day") and _has_wanted(best, wanted, part, context)
        typed = asked.typed_ask(part)
        return typed is not None and bool(
            _fresh_entities(context.evidence[best.n - 1], best.span, typed[1], part)
        )

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

        threshold = self._threshold(parts)
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
                if lead:
                    body = _ANSWER_LABEL.sub("", body, count=1)  # "Jane Roe: A: I came home ..."
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
                    if start is None:
                        # the asked person's words began in the passage before this one
                        start = _asked_persons_start(context, part, c, span, taken, self.tuning)
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
