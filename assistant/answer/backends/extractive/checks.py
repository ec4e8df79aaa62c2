"""The abstention checks: each says why the articles do not answer a part (another person,
place, role or thing of the same kind is what the best sentence speaks of; the asked topic
is untouched; the asked person or group is silent; a future asked of as past; a name the
articles never mention), or returns ``None`` when it does not fire."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answer import asked
from assistant.answer.backends.extractive.common import _WORD, _fresh_entities
from assistant.answer.backends.extractive.runs import _window
from assistant.answer.backends.extractive.speakers import (
    _a_people,
    _a_person,
    _authored,
    _ledger_speaker,
    _named_asked,
    _own_attribution,
    _person_before,
    _pronoun_subject,
    _speaks,
)
from assistant.answer.backends.extractive.wanted import _WANTED_WORDS
from assistant.answer.ranker import (
    Scored,
)
from assistant.engines.lexical import STOPWORDS as _STOPWORDS
from assistant.engines.lexical import tokenize
from assistant.nlp import alternation, calendar_words, months, wordlist, wordmap
from assistant.nlp.questions import ACCORDING as _ACCORDING
from assistant.nlp.questions import (
    ask_of,
    asked_speaker,
    full_names,
    outlet_named,
    question_names,
    split_question,
)
from assistant.nlp.text import normalise, quotation_spans, unaccented, unpossessive
from assistant.quotes.transcripts import SPEAKER_TAG
from assistant.settings import AnswerSettings
from assistant.types import Context, Evidence


def _contrast(c: Scored, context: Context, part: str) -> tuple[str, str] | None:
    """The question's modifier and the different one the sentence puts on its noun
    (:func:`asked.contrasted`), looked up in all the text the sentence's article gives."""
    return asked.contrasted(part, c.text, _article_text(context, context.evidence[c.n - 1].doc_id))


def _article_text(context: Context, doc_id: str) -> str:
    """All the text the article ``doc_id`` contributes to the evidence."""
    return " ".join(e.text for e in context.evidence if e.doc_id == doc_id)


def _weak_fit(fitting: list[Scored], cands: list[Scored], threshold: float, ratio: float) -> bool:
    """The sentences that hold the asked-for thing match the question far worse than the
    best sentence (below ``ratio`` of its probability, which is above ``threshold``): the
    passage on what is asked lacks it, and one holding a figure, a day or a name of that
    kind is about something else ("How much did X donate?": the best sentence says X backs
    the candidate, the only amount is another's call to donate $3)."""
    return bool(fitting and cands) and cands[0].prob >= threshold and fitting[0].prob < ratio * cands[0].prob


#: A place joined by a hyphen to a lower-case word ("the Queens-born, Manhattan-made Mr.
#: Trump", "a Texas-based group"): it says where someone or something comes from, not a
#: place the sentence's figure is about.
_COMPOUND_ON = re.compile(r"-[a-z]")


#: Nouns for a person a place may modify ("the New York businessman", "a Texas senator").
_PERSON_HEADS = wordlist("role_nouns") | wordlist("person_nouns")
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*)\b")


def _describes_person(ev: Evidence, end: int) -> bool:
    """Does the entity ending at ``end`` modify a noun for a person right after it ("the New
    York businessman has a speech scheduled ...", "a Texas senator")? Such a place says where
    the person is from, not where the event is: it names no city, state or country the
    event is in."""
    m = _NEXT_WORD.match(ev.text, end - ev.start)
    if m is None:
        return False
    word = m.group(1)
    return word in _PERSON_HEADS or (word.endswith("s") and word[:-1] in _PERSON_HEADS)


def _epithet_place(ev: Evidence, start: int, end: int) -> bool:
    """Is the place at ``start``-``end`` of ``ev`` an epithet, where someone comes from, not
    where the sentence's figure is from: joined by a hyphen to a lower-case word ("the
    Queens-born, Manhattan-made Mr. Trump", :data:`_COMPOUND_ON`) or a person's home given as
    "<person> of <place>" ("Senator Ted Cruz of Texas")?"""
    if _COMPOUND_ON.match(ev.text, end - ev.start):
        return True
    return any(
        label == "PERSON" and 0 <= start - e <= 5 and ev.at(e, start).strip() == "of"
        for _, e, label in ev.entities
    )


#: Asks whose answer is a specific figure, day or name of the thing the question names:
#: a sentence giving it for a sibling (another person, organisation, place) is no answer.
_SAME_NAMED_ASKS = frozenset(
    {"count", "money", "rate", "quantity", "day", "measure", "age", "name", "number"}
)


def _same_named(
    context: Context,
    part: str,
    wanted: str | None,
    fitting: list[Scored],
    threshold: float,
    entities: list[tuple[str, str]],
) -> str | None:
    """Why the articles do not answer when the best sentence (above ``threshold``, unshown:
    the caller's condition) gives the asked-for thing for a sibling of a name the question
    gives (:func:`asked.other_named`) and no sentence above the threshold is left without
    one; else None. Abstains only. ``entities``: the evidence's (text, label) pairs."""
    if wanted not in _SAME_NAMED_ASKS:
        return None
    # a person the tagger gave a body's or a place's label somewhere ("Singer" GPE, "Gowdy"
    # ORG: surnames of the evidence's PERSON entities) is no sibling, nor the question's
    # source ("according to USA Today")
    persons = asked.person_keys([text for text, label in entities if label == "PERSON"])
    named = asked.question_named(asked.without_source(part), entities)
    # nor are such persons, when they are all the question names of a place's or a body's
    # label ("Paul Singer", tagged GPE once, is no place a sentence naming "New York's"
    # replaces); beside another name of the label they still show the sentence on the question
    named = {label: keys for label, keys in named.items() if label == "PERSON" or not keys <= persons}
    named = _event_places(part, named, context, fitting[0])
    if not named:
        return None
    siblings: dict[int, tuple[str, str]] = {}
    for k, c in enumerate(fitting):
        ev = context.evidence[c.n - 1]
        own = [
            (ev.at(s, e), label)
            for s, e, label in ev.entities
            if c.span.start <= s
            and e <= c.span.end
            and asked.entity_key(ev.at(s, e), label) not in persons
            and any(ch.isalpha() for ch in ev.at(s, e))  # "64%-27%" tagged GPE names no place
            and not _names_a_person(ev, s, e)
            and not (label == "GPE" and _epithet_place(ev, s, e))
        ]
        found = asked.other_named(part, named, c.text, own)
        if found is None and "ORG" in named and not any(lab in named for _, lab in own):
            found = _described_sibling(c, ev, part, named, persons)
        if found and not _named_ones(c, ev, named, context):
            siblings[k] = found
    if 0 not in siblings:
        return None  # the best sentence is about the named one: the answer stands
    if wanted == "day":
        # a day is an event's: when the dated sentence holds another of the question's names
        # as a name of its own ("in her New York speech": "... said on Thursday during a
        # speech at the Council in New York City"), it dates the asked event, and the name it
        # has instead is the event's venue or party, not a sibling's (over every development
        # set this check fired on a day 3 times, rightly twice, both on sentences holding
        # none of the question's other names, and wrongly once, on one holding one)
        best = fitting[0]
        ev = context.evidence[best.n - 1]
        own = [(ev.at(s, e), lab) for s, e, lab in ev.entities if best.span.start <= s and e <= best.span.end]
        persons = asked.person_keys([text for text, label in entities if label == "PERSON"])
        if asked.holds_named(named, own, persons):
            return None
    kept = [c for k, c in enumerate(fitting) if k not in siblings]
    if kept and kept[0].prob >= threshold:
        return None  # another sentence above the threshold may answer: left to the ranker
    asked_for, given = siblings[0]
    return f"the passages that give {_WANTED_WORDS.get(wanted, 'it')} speak of {given}, not {asked_for}"


#: A sentence that opens on a definite description of a body ("The online retail giant
#: reported ...", "The company said ..."): it goes on about the body the sentence before named.
_OPENS_DESCRIBED = re.compile(r"[\s“\"‘']*The\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s+(?!of\b)[a-z]")


def _described_sibling(
    c: Scored, ev: Evidence, part: str, named: dict[str, set[str]], persons: set[str]
) -> tuple[str, str] | None:
    """The question's organisation and the sibling a sentence naming no organisation is about,
    when it opens on a definite description ("The online retail giant reported a profit of
    $1.78 per share") and the sentence right before it in the passage names a sibling in place
    of the question's organisation ("Amazon reported it sold $30.4 billion ..."), or None. Asked
    "How much profit did Chevron report?", the description is Amazon, not Chevron."""
    if not _OPENS_DESCRIBED.match(c.text):
        return None
    before = [x for x in ev.sentences if x.end <= c.span.start]
    if not before:
        return None
    prev = before[-1]
    own = [
        (ev.at(s, e), label)
        for s, e, label in ev.entities
        if prev.start <= s
        and e <= prev.end
        and label == "ORG"
        and asked.entity_key(ev.at(s, e), label) not in persons
    ]
    return asked.other_named(part, {"ORG": named["ORG"]}, ev.at(prev.start, prev.end), own)


def _opens_on_named(c: Scored, ev: Evidence, named: dict[str, set[str]]) -> bool:
    """Does the sentence open on "he" or "she" standing for one of the question's names (the
    person the sentences before it name, :func:`_pronoun_subject`)? "Trump entered the debate
    with a growing lead. He received the backing of 33% ..., followed by Rubio at 13%": the
    figure is Trump's, whatever label the tagger gave "Trump" elsewhere, and Rubio is no
    sibling who replaces him."""
    before = _pronoun_subject(c, ev)
    keys = {k for ks in named.values() for k in ks}
    return before is not None and asked.entity_key(before, "PERSON") in keys


def _named_ones(c: Scored, ev: Evidence, named: dict[str, set[str]], context: Context) -> bool:
    """Is the sentence about a person the question names (``named``, whatever label the tagger
    gave the name)? It opens on a pronoun standing for them (:func:`_opens_on_named`), or the
    quote ledger gives its words to them ("On what date did Giles say he went back to civilian
    life?" -> "“On the day I went back to civilian life, Oct. 25, ... some of America's
    brightest minds,” he wrote"). The day or figure is theirs; another name in the sentence is
    no sibling who replaces them. (The ledger reading serves the sibling-name check only: in
    the other-person's-figure check it answered two check-set near misses, round 27.)"""
    if _opens_on_named(c, ev, named):
        return True
    speaker = _ledger_speaker(c, ev, context.quotes)
    keys = {k for ks in named.values() for k in ks}
    return speaker is not None and asked.entity_key(speaker, "PERSON") in keys


_PERSON_TITLE = re.compile(r"\s+(?:[A-Za-z][\w.'’-]*\s+){1,2}")


def _names_a_person(ev: Evidence, start: int, end: int) -> bool:
    """Is the place at ``start:end`` of ``ev`` a word of a person's description, one or two
    words before the person's name ("Texas Sen. Ted Cruz", "Iowa winner Ted Cruz", "Ohio Gov.
    John Kasich")? Such a place is whom the sentence speaks of, not where its figure is: a
    sibling check reads it as no place of the sentence's own. Not across a comma or a
    function word ("... in Ohio over Ted Cruz": Ohio is where)."""
    for s, _, label in ev.entities:
        if label != "PERSON" or s <= end:
            continue
        gap = ev.at(end, s)
        if _PERSON_TITLE.fullmatch(gap) and not any(w.lower().strip(".") in _STOPWORDS for w in gap.split()):
            return True
    return False


#: The entity labels that carry each specific ask's figure in a sentence (spaCy's labels
#: stored at index time: an age is a DATE, "45 years old"). A name is not among them: its
#: answer is itself another person. Nor is a day: a day is an event's, and the clause that
#: dates the event may name others ("The clerk whose leak showed that Mayor Diaz hid the memo
#: resigned Wednesday"); which event is asked is the ranker's and the contrast's to judge.
_FIGURE_LABELS = {
    "count": frozenset({"CARDINAL", "QUANTITY"}),
    "money": frozenset({"MONEY"}),
    "rate": frozenset({"PERCENT", "CARDINAL"}),
    "quantity": frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}),
    "measure": frozenset({"QUANTITY", "CARDINAL"}),
    "age": frozenset({"DATE", "CARDINAL"}),
    "number": frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}),
}


def _same_person(
    context: Context,
    part: str,
    wanted: str | None,
    fitting: list[Scored],
    threshold: float,
    entities: list[tuple[str, str]],
) -> str | None:
    """Why the articles do not answer when the best sentence (above ``threshold``, unshown:
    the caller's condition) gives the asked-for figure for another person than the question
    names (:func:`asked.other_persons_figure`) and no sentence above the threshold gives it
    otherwise; else None. Abstains only, never changes the answer."""
    labels = _FIGURE_LABELS.get(wanted or "")
    if labels is None:
        return None
    known = asked.person_keys([text for text, label in entities if label == "PERSON"])
    persons = asked.question_persons(part, known)
    if not persons:
        return None
    found: tuple[str, str] | None = None
    for c in fitting:
        if c.prob < threshold:
            break
        ev = context.evidence[c.n - 1]
        inside = [(s, e, lab) for s, e, lab in ev.entities if c.span.start <= s and e <= c.span.end]
        other = asked.other_persons_figure(
            part,
            persons,
            known,
            c.text,
            [(s - c.span.start, ev.at(s, e)) for s, e, _ in inside],
            [s - c.span.start for s, _, lab in inside if lab in labels],
            _person_before(c, ev),
        )
        if other is None:
            return None  # a sentence above the threshold gives it otherwise: the answer stands
        found = found or other
    if found is None:
        return None
    asked_for, given = found
    return f"the passages that give {_WANTED_WORDS.get(wanted or '', 'it')} speak of {given}, not {asked_for}"


def _share_unbound(
    context: Context,
    part: str,
    wanted: str | None,
    fitting: list[Scored],
    threshold: float,
    entities: list[tuple[str, str]],
) -> str | None:
    """Why the articles do not answer a share asked of a named person ("What share of the
    South Carolina vote did Trump win?") when no sentence above ``threshold`` gives a
    percentage in a clause about that person (:func:`asked.figure_of_asked`): the best one
    gives a group's share ("late-deciding voters made up 45 percent of the electorate, and
    they scorned Mr. Trump") or another's; else None. Abstains only."""
    if wanted != "rate":
        return None
    known = asked.person_keys([text for text, label in entities if label == "PERSON"])
    winner = asked.share_winner(part)
    persons = asked.question_persons(winner, known) if winner else set()
    if not persons:
        return None
    for c in fitting:
        if c.prob < threshold:
            break
        if asked.only_composition(c.text):
            continue  # "late-deciding voters made up 45 percent of the electorate": no share won
        if asked.figure_of_asked(persons, known, c.text, _person_before(c, context.evidence[c.n - 1])):
            return None
    name = sorted(persons)[0]
    return f"the passages that give a share give none of {name.title()}'s"


#: Figure asks whose place a question names ("how many delegates does Ohio award").
_PLACE_ASKS = frozenset({"count", "money", "rate", "quantity", "number"})
#: The asks answered by a figure: a figure the question gives is none of theirs
#: (:func:`_figure_given`), a counterpart act can stand in for one (:func:`_act_contrasted`).
_FIGURE_ASKS = _PLACE_ASKS | {"measure"}


def _stretch_above(
    context: Context, fitting: list[Scored], threshold: float, holds: Callable[[Evidence, int, int], bool]
) -> bool:
    """Whether a sentence scoring at least ``threshold`` has, in its stretch
    (:func:`_window`), what ``holds`` looks for -- the test the place, role and group checks
    make before abstaining (``fitting`` is best first)."""
    for c in fitting:
        if c.prob < threshold:
            return False
        ev, a, b = _window(context, c)
        if holds(ev, a, b):
            return True
    return False


def _place_elsewhere(
    context: Context,
    part: str,
    wanted: str | None,
    fitting: list[Scored],
    threshold: float,
    entities: list[tuple[str, str]],
) -> str | None:
    """Why the articles do not answer a figure asked of a named place ("By how many points
    did A lead B in the Iowa poll?") when no sentence above ``threshold`` names the place in
    its stretch (:func:`_window`; :func:`asked.names_place` allows "British" for "Britain",
    "U.S." for "United States") and the best sentence's stretch names another place ("... in
    Ohio by 6 points"); else None. Abstains only, never changes the answer.

    :func:`_same_named` needs the best sentence itself to name another place and every other
    sentence above the threshold to name one too; a near miss's figure is often given in a
    sentence that names no place while the sentence before says where, or next to a sentence
    that names no place at all. Places only (GPE): an organisation's name is as often left
    to "the company", "the group" or "it" by the sentences that give its figures; a person
    tagged GPE (a surname of the evidence's PERSON entities) is no place."""
    if wanted not in _PLACE_ASKS:
        return None
    persons = asked.person_keys([text for text, label in entities if label == "PERSON"])
    named = asked.question_named(asked.without_source(part), entities)
    named = _event_places(part, named, context, fitting[0])
    keys = sorted(named.get("GPE", set()) - persons)
    if not keys:
        return None
    if _stretch_above(
        context, fitting, threshold, lambda ev, a, b: any(asked.names_place(ev.at(a, b), k) for k in keys)
    ):
        return None  # a sentence above the threshold is about the place asked: the answer stands
    ev, a, b = _window(context, fitting[0])
    others = [
        ev.at(s, e).strip()
        for s, e, label in ev.entities
        if label == "GPE"
        and a <= s
        and e <= b
        and asked.entity_key(ev.at(s, e), label) not in persons
        and not _names_a_person(ev, s, e)
        and not _epithet_place(ev, s, e)
    ]
    if not others:
        return None
    at = re.search(re.escape(keys[0]), part, re.I)
    asked_for = at.group(0) if at else keys[0]
    thing = _WANTED_WORDS.get(wanted or "", "it")
    return f"the passages that give {thing} speak of {others[0]}, not {asked_for}"


#: Plural nouns for people named by the place they are tied to ("the Benghazi parents").
_PLACE_PEOPLE = wordlist("place_people_nouns")
_PLACE_PEOPLE_NOUN = re.compile(
    r"\s+(?:{})\b".format("|".join(sorted({w.removesuffix("s") + "s?" for w in _PLACE_PEOPLE})))
)


def _names_people(part: str, key: str) -> bool:
    """Does the question use the place ``key`` only to name people tied to it ("the
    Benghazi parents' suit", "the two Charleston survivors", :data:`_PLACE_PEOPLE`)? Then
    it is no place the asked figure or day is about: their suit was filed in Washington."""
    found = list(re.finditer(rf"\b{re.escape(key)}\b", part, re.I))
    return bool(found) and all(_PLACE_PEOPLE_NOUN.match(part, m.end()) for m in found)


def _event_places(
    part: str, named: dict[str, set[str]], context: Context, best: Scored
) -> dict[str, set[str]]:
    """The question's names by label (:func:`asked.question_named`) without a place it uses
    only to name people (:func:`_names_people`) when the best sentence's article names that
    place in the evidence: the sentence is about those people, and the place it names is
    where their suit was filed, not a sibling of theirs. An article that never names the
    place is about other people ("demonstrators marched through Center City", asked about
    "the Charleston survivors"): the place stays for the sibling checks."""
    people = {k for k in named.get("GPE", set()) if _names_people(part, k)}
    if not people:
        return named
    around = _article_text(context, context.evidence[best.n - 1].doc_id)
    theirs = {k for k in people if re.search(rf"\b{re.escape(k)}\b", around, re.I)}
    out = {label: keys - theirs if label == "GPE" else keys for label, keys in named.items()}
    return {label: keys for label, keys in out.items() if keys}


def _role_elsewhere(
    context: Context, part: str, wanted: str | None, fitting: list[Scored], threshold: float
) -> str | None:
    """Why the articles do not answer a name asked of a role ("What is the name of the
    campaign spokeswoman who ...?", :func:`asked.role_asked`) when no sentence above
    ``threshold`` that names a fresh person holds the role noun in its stretch
    (:func:`_window`: "Hope Hicks, a spokeswoman" or "the spokeswoman ... She is Hope
    Hicks"), other than in an indefinite phrase naming no one ("a 911 caller also told a
    dispatcher", :func:`_role_left_unnamed`); else None. The name such a sentence gives is
    someone else's: the campaign manager's for the spokeswoman, a victim's for the gunman.
    Abstains only."""
    if wanted != "name":
        return None
    role = asked.role_asked(part)
    if role is None:
        return None
    if _stretch_above(
        context,
        fitting,
        threshold,
        lambda ev, a, b: (
            (asked.names_role(ev.at(a, b), role) and not _role_left_unnamed(ev, a, b, role))
            or asked.names_inverse_kin(ev.at(a, b), role)
        ),
    ):
        return None  # a sentence above the threshold names the role: the answer stands
    if asked.person_role(role):
        return f"the passages that name someone do not say who the {role} is"
    return f"the passages on this do not name the {role}"


def _chosen_articles_text(context: Context, chosen: list[Scored]) -> tuple[set[str], str]:
    """The articles of the chosen sentences and all the text the evidence gives of them."""
    docs = {context.evidence[c.n - 1].doc_id for c in chosen}
    return docs, " ".join(e.text for e in context.evidence if e.doc_id in docs)


def _occasion_untouched(context: Context, part: str, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer a one-part "what did X say on / at / during
    <occasion>" question (:func:`asked.occasion_asked`: "on the Sunday talk shows", "at the
    forum") when the head noun of the occasion is in no text the evidence gives of their
    articles; else None. Abstains only, never changes the answer.

    A near miss asks for X's words on an occasion the story never reports: the answer is X's
    words at the rally the story covers. An article that reports the occasion names it with
    its noun ("on Sunday's talk shows", "told the forum"); a named occasion ("on Face the
    Nation") and a time ("on caucus night") are left alone, as is a part of a multi-part
    question (as in :func:`_topic_untouched`)."""
    occasion = asked.occasion_asked(part)
    if occasion is None or not chosen or len(split_question(context.question)) > 1:
        return None
    phrase, head = occasion
    if asked.touches_topic(_chosen_articles_text(context, chosen)[1], {head}):
        return None
    return f"the articles that give these words do not speak of {phrase}"


#: Verbs a story tells a named venue by ("tweeted" for "on Twitter"; [venue_forms]).
_VENUE_FORMS = wordmap("venue_forms")


def _venue_unnamed(context: Context, part: str, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer a one-part "what did X tell <Name>" or "what did X
    say on / at / during <Name>" question (:func:`asked.venue_named`: "tell CNN", "on Face the
    Nation", "at Yale") when no word of the name is in any text the evidence gives of their
    articles (their titles and outlets with it); else None. Abstains only.

    A near miss asks for X's words to an outlet or a programme the story never names ("What
    did Trump tell NBC's Meet the Press ...?" of a story on his call to ABC's This Week): the
    answer is X's words elsewhere. News names the outlet, the show or the place X spoke to
    or at, by one of its words at least ("told NBC", "on 'Meet the Press'"); a part of a
    multi-part question is left alone, as in :func:`_occasion_untouched`."""
    venue = asked.venue_named(part)
    if venue is None or not chosen or len(split_question(context.question)) > 1:
        return None
    phrase, words = venue
    docs, text = _chosen_articles_text(context, chosen)
    text += " " + " ".join(f"{e.title or ''} {e.outlet or ''}" for e in context.evidence if e.doc_id in docs)
    low = normalise(text)
    forms = [w[:5] for w in words] + [f for w in words for f in _VENUE_FORMS.get(w, ())]
    if any(re.search(rf"\b{re.escape(f)}", low) for f in forms):
        return None
    return f"the articles that give these words do not speak of {phrase}"


#: Two or more capitalised words, "of", "and", "for", "the" between them: a name initials may
#: stand for ("Associated Press", "Democratic National Committee").
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|and|for|the)\s+)?[A-Z][a-z]+)+")


def _source_unnamed(context: Context, part: str, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer a one-part "what did <the Name poll / survey /
    editorial> find / show / say" question (:func:`asked.source_named`: "the CBS News poll",
    "CNN's instant poll") when they do not name the source; else None. Abstains only.

    A near miss asks for the findings of a poll or an editorial the story does not report,
    and the answer gives another's ("What did the CBS News poll find ...?" answered by "A USA
    Today/Suffolk University poll ... found ..."). News names the source of a finding it
    reports, in the sentence or before it ("The poll, released by the Public Policy Institute
    of California, showed ..."; "the institute's poll"): the answer stands when the chosen
    sentences name it by one of its words as it is written (capitalised), or when a passage
    of the evidence names it (in its text, title or outlet) and no chosen sentence gives the
    findings of another named source. The whole evidence, not the chosen articles' passages
    only: a story names its poll once, often in a passage the question does not bring back
    (measured: with the chosen articles' passages only, two answers of the check sets lost
    their facts). A part of a multi-part question is left alone, as in
    :func:`_venue_unnamed`."""
    source = asked.source_named(part)
    if source is None or not chosen or len(split_question(context.question)) > 1:
        return None
    name, words = source
    written = (unpossessive(w).strip(".’'") for w in re.split(r"[\s/]+", name))
    forms = [w for w in written if w.lower() in words]  # as written: "CBS", "Field"

    def names(text: str) -> bool:  # by a word, or by its initials ("AP": "Associated Press")
        if any(re.search(rf"\b{re.escape(w)}", text) for w in forms):
            return True
        return any(asked.initials_in(name, run.lower()) for run in _CAPITALISED_RUN.findall(text))

    said = " ".join(c.text for c in chosen)
    if names(said):
        return None
    if not names(" ".join(f"{e.text} {e.title or ''} {e.outlet or ''}" for e in context.evidence)):
        return f"the articles do not name {name}"
    others = asked.sources_in(said)
    if others:
        return f"the chosen sentences give the findings of {others[0]}, not of {name}"
    return None


def _whole_only(part: str, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer "How many of the <whole> ...?" when every count
    they give is the whole's (:func:`asked.whole_counted_only`: "The 714 superdelegates --
    members of Congress, governors, ..." for "How many of the superdelegates are members of
    Congress?"); else None. Abstains only: a near miss asks for a part the story never
    counts, and the sentence that counts the whole shares every word of the question."""
    whole = asked.whole_counted_only(part, [c.text for c in chosen]) if chosen else None
    if whole is None:
        return None
    return f"the passages count all the {whole}, not the ones asked for"


def _figure_given(part: str, wanted: str | None, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer a part asking for a figure when the only figures
    they give are the question's own (:func:`asked.only_given_figures`: "... the poll that had
    Carson at 10 percent?" answered by Carson's 10 percent); else None. Abstains only: a
    figure the question gives is what it asks about, not what it asks for."""
    if wanted not in _FIGURE_ASKS or not chosen:
        return None
    if not asked.only_given_figures(part, [c.text for c in chosen]):
        return None
    return "the passages give no figure but the ones the question gives"


#: A month by name ("January", "Dec."; "May" only before a day or a year) or a year from
#: 1900 to 2099: the periods a figure is given for.
_MONTH_NAMES = sorted(
    {m.name for m in months() if m.name != "May"} | {a for m in months() for a in m.abbrevs if len(a) > 3},
    key=len,
    reverse=True,
)
_MONTH_ALTERNATION = "|".join(re.escape(m) for m in _MONTH_NAMES)
_PERIOD = re.compile(rf"\b(?:(?P<month>{_MONTH_ALTERNATION})\b\.?|May(?=\s+\d)|(?P<year>(?:19|20)\d\d)\b)")


#: A period a figure is asked for: after "in", "during", "for", "through" or "as of" ("in
#: December 2015", "in fiscal 2015"), not one that names an event ("the 2012 election").
_PERIOD_ASKED = re.compile(
    r"\b(?:in|during|for|through|as\s+of)\s+(?:(?:the\s+)?(?:fiscal|calendar|budget)\s+(?:year\s+)?)?"
    rf"(?:(?:early|late|mid-?)\s*)?(?:{_PERIOD.pattern})(?:,?\s+(?:19|20)\d\d\b)?"
)


def _periods(text: str) -> tuple[set[str], set[str]]:
    """The months (by their first three letters) and the years ``text`` names."""
    found = list(_PERIOD.finditer(text))
    return {m.group(0)[:3].lower() for m in found if not m.group("year")}, {
        m.group("year") for m in found if m.group("year")
    }


def _period_elsewhere(context: Context, part: str, wanted: str | None, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer a figure asked for a month or a year ("How many
    jobs did the economy add in December 2015?", "in fiscal 2015", :data:`_PERIOD_ASKED`) when
    the best of them, and every other one naming a period of that kind, names another one
    ("adding 151,000 jobs in January") and the text the evidence gives of its article never
    names the asked one; else None. A best sentence naming no period leaves the answer alone
    (it may be the asked one's, told the sentence before), as does an article naming the asked
    period anywhere (the figure may be told of it further off); a further sentence naming none
    (a headline's "Obama is not admitting 100,000") gives no figure of the asked period either;
    the words that follow a chosen sentence are not read. Abstains only."""
    if wanted not in _FIGURE_ASKS or not chosen:
        return None
    asked_at = [m.group(0) for m in _PERIOD_ASKED.finditer(ask_of(part))]
    months_asked, years_asked = _periods(" ".join(asked_at))
    if not months_asked and not years_asked:
        return None
    for doc_id in {context.evidence[c.n - 1].doc_id for c in chosen if not c.goes_on}:
        around_months, around_years = _periods(_article_text(context, doc_id))
        if (around_months & months_asked) or (around_years & years_asked):
            return None
    given: list[str] = []
    for k, c in enumerate(chosen):
        if c.goes_on:
            continue
        got_months, got_years = _periods(c.text)
        if (months_asked and got_months) or (years_asked and got_years):
            # the periods of the asked kinds: "2016" for a year asked, not the sentence's "September"
            for m in _PERIOD.finditer(c.text):
                if years_asked if m.group("year") else months_asked:
                    given.append(m.group(0))
        elif k == 0:
            return None
    thing = _WANTED_WORDS.get(wanted or "", "it")
    asked_for = re.sub(r"^\w+(?:\s+of)?\s+", "", asked_at[0])
    return f"the passages give {thing} for {given[0]}, not {asked_for}" if given else None


#: A quantifier that leaves the members of a plural unnamed ([unnamed_quantifiers]), with up to
#: two words, right before the plural ("some banks", "several years of his returns").
_UNNAMED_BEFORE = re.compile(rf"\b(?:{alternation('unnamed_quantifiers')})\s+(?:[\w-]+\s+){{0,2}}$", re.I)
#: A list of the members after the plural ("many of the policies Palin has campaigned
#: against, including ...", "some states, such as ...", "several banks: ...").
_LISTED_AFTER = re.compile(r"[^.;]{0,80}?(?:\b(?:including|such\s+as|namely|like)\b|:)", re.I)


def _members_unnamed(context: Context, part: str, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer a "Which <plural> ...?" part
    (:func:`asked.which_plural`: "Which banks would the plan deregulate?") when every
    mention of the plural noun in them follows a quantifier that leaves its members unnamed
    ("a proposal to deregulate some banks") and no list follows it ("including ...", "such
    as ...", a colon) and they name nothing the question does not (an entity of theirs may be
    one of the members: "Ohio, among several states"); else None. A sentence that does not
    hold the noun leaves the answer alone. Abstains only."""
    noun = asked.which_plural(part)
    if noun is None or not chosen:
        return None
    mentions = [(c, m) for c in chosen for m in re.finditer(rf"\b{re.escape(noun)}\b", c.text, re.I)]
    if not mentions:
        return None
    if not all(
        _UNNAMED_BEFORE.search(c.text, 0, m.start()) and not _LISTED_AFTER.match(c.text, m.end())
        for c, m in mentions
    ):
        return None
    labels = {label for ev in context.evidence for _, _, label in ev.entities}
    if any(_fresh_entities(context.evidence[c.n - 1], c.span, labels, part) for c in chosen):
        return None  # a name the question does not hold may be one of them ("Ohio, among several states")
    return f"the passages speak of {noun} without saying which"


#: Poll groups and their siblings, by stem ([sibling_groups]).
_SIBLING_GROUPS = {
    tokenize(k)[0]: {tokenize(v)[0] for v in vs} for k, vs in wordmap("sibling_groups").items()
}
#: Groups named as parties' members, capitalised ("Democrats").
_PARTY_MEMBERS = frozenset({"democrat", "republican"})


def _group_word(stem: str) -> str:
    return f"{stem.capitalize() if stem in _PARTY_MEMBERS else stem}s"


def _share_of_sibling(part: str, wanted: str | None, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer a share asked of a poll group ("What share of
    Democrats think ...?", [sibling_groups]) when none of them names that group and one
    names a sibling of it ("29 percent (and 43 percent of Republicans) said ..."); else
    None. The story gives the whole sample's share and another group's, not the asked
    one's. Abstains only."""
    if wanted != "rate" or not chosen:
        return None
    asked_groups = [w for w in asked.share_of(part) if w in _SIBLING_GROUPS]
    if not asked_groups:
        return None
    said = {t for c in chosen for t in tokenize(c.text)}
    group = asked_groups[0]
    if group in said:
        return None
    siblings = _SIBLING_GROUPS[group] & said
    if not siblings:
        return None
    return f"the passages give the share of {_group_word(sorted(siblings)[0])}, not of {_group_word(group)}"


def _topic_untouched(context: Context, part: str, chosen: list[Scored], gap: int | None = None) -> str | None:
    """Why the chosen sentences do not answer a one-part "what did X say about <topic>"
    question (:func:`asked.topic_asked`) when no word of the topic is in any text the evidence
    gives of their articles, and no passage of another article holds one beside X's name
    (where X's words on it may be, which the ranker weighs); else None. Abstains only,
    never changes the answer.

    A near miss asks for X's words on a subject X's story never reaches ("what did X say
    about the ban", of an article on X's row with the critics) and the answer shows X's words
    on the story's own subject. A sentence that does not hold the topic may still be on it
    (questions paraphrase, "the agreement" for "the trade deal", and a quotation goes on
    from a sentence that names it), so the whole text its article gives decides, as in
    :func:`_about_another` (which does the same for a person Y only, by name). A part of a
    multi-part question is left alone: its topic is often named by another part or by the
    statement before the asks, and is answered from another article.

    When the articles do hold the topic and it is a name (:func:`asked.topic_named`: "about
    Mayor Roe", "about the Harbor Act"), which news does not paraphrase, X's own words decide
    (:func:`_words_on_topic`): the story names the topic in another's words or its own
    narration, and X speaks of something else ("What did A say about B?" answered by A's
    words on C, in an article where D speaks of B). ``gap``: as in :func:`_speaks`; default
    :attr:`AnswerSettings.speaker_gap`."""
    topic = asked.topic_asked(part)
    if not topic or not chosen or len(split_question(context.question)) > 1:
        return None
    docs, text = _chosen_articles_text(context, chosen)
    speaker = _named_asked(context, part)
    m = re.search(r"\babout\s+([^?]+)", ask_of(part))
    about = m.group(1).strip() if m else "it"
    if asked.touches_topic(text, topic):
        if not speaker or not asked.topic_named(part):
            return None
        gap = AnswerSettings().speaker_gap if gap is None else gap
        if _words_on_topic(context, chosen, docs, speaker, topic, gap):
            return None
        return f"the passages that give {speaker}'s words do not speak of {about}"
    keys = asked.name_keys(speaker) if speaker else []
    for e in context.evidence:
        low = normalise(e.text)
        if asked.touches_topic(e.text, topic) and (not keys or any(k in low for k in keys)):
            return None  # a passage of another article speaks of the topic and names X
    return f"the articles that give these words do not speak of {about}"


def _words_on_topic(
    context: Context, chosen: list[Scored], docs: set[str], speaker: str, topic: set[str], gap: int
) -> bool:
    """Does a chosen sentence's stretch (:func:`_window`) hold the topic, or a sentence of the
    chosen articles' passages that is ``speaker``'s (:func:`_speaks`), with the sentence after
    it (a quotation going on)?"""
    for c in chosen:
        ev, a, b = _window(context, c)
        if asked.touches_topic(ev.at(a, b), topic):
            return True
    for ev in context.evidence:
        if ev.doc_id not in docs:
            continue
        sents = ev.sentences
        for i, sp in enumerate(sents):
            end = sents[i + 1].end if i + 1 < len(sents) else sp.end
            if _speaks(ev, sp, context, speaker, gap) and asked.touches_topic(ev.at(sp.start, end), topic):
                return True
    return False


#: Words that compare one figure with another ("more", "lower", "fewer": ``wordlists.txt``).
_COMPARATIVE = alternation("comparative_words")
#: A figure given as a difference: "$2 million more than", "30% lower than", "12 fewer than".
_DIFFERENCE = re.compile(
    rf"\s*(?:%|\b(?:{alternation('difference_units')})\b)?\s*(?:\w+\s+){{0,2}}?(?:{_COMPARATIVE})\s+than\b",
    re.I,
)
#: A question that asks for a difference itself ("By how much did X outspend Y?", "How much
#: lower was ...?", "How many more ...?").
_ASKS_DIFFERENCE = re.compile(
    rf"\b(?:{_COMPARATIVE}|than|out[a-z]+|by\s+how\s+(?:much|many|far)|difference|gap|margin)\b", re.I
)
#: A figure in digits ("$2", "30%"; a multiplier after it, "million", is read with what follows).
_FIGURE_WORD = re.compile(r"\$?\d[\d,.]*")


def _place_untold(part: str, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer who finished in a place ("Which Republican
    finished fourth in the Iowa caucuses?", :func:`asked.finishing_place`) when none of them
    tells of that place ("Rubio finished third", "Cheney was the winner"); else None. News
    names the winner and the runner-up more often than the rest of a field. Abstains only."""
    place = asked.finishing_place(part)
    if place is None or not chosen or any(asked.holds_place(c.text, place) for c in chosen):
        return None
    return f"the passages on this do not say who finished {place}"


def _difference_only(part: str, wanted: str | None, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer a part asking for an amount or a count ("How
    much did the Clinton campaign spend on ads?") when every figure they give is a difference
    ("The Sanders campaign spent roughly $2 million more than the Clinton campaign"), and
    the question does not ask for a difference itself; else None. News gives one side's
    excess over the other where it never gives the other's total. Abstains only."""
    if wanted not in ("money", "count") or not chosen or _ASKS_DIFFERENCE.search(part):
        return None
    figures = [(c.text, m) for c in chosen for m in _FIGURE_WORD.finditer(c.text)]
    if not figures or not all(_DIFFERENCE.match(text, m.end()) for text, m in figures):
        return None
    return f"the passages on this give only a difference, not {_WANTED_WORDS[wanted]} asked for"


def _act_contrasted(part: str, wanted: str | None, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer a figure asked of one side of an event ("How
    many people were wounded ...?") when they tell only of the other side ("... killed 49
    people", :func:`asked.act_contrasted`); else None. Abstains only."""
    if wanted not in _FIGURE_ASKS or not chosen:
        return None
    found = asked.act_contrasted(part, " ".join(c.text for c in chosen))
    if found is None:
        return None
    return f"the passages on this give a figure {found[1]}, not {found[0]}"


#: A capitalised name of one to three words ("Michigan", "New Hampshire").
_LIST_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
#: A list of three or more names or of two joined by "and" / "or" ("Arizona, Idaho and Utah",
#: "Michigan, Mississippi, Idaho, and Hawaii").
_NAME_LIST = re.compile(rf"\b{_LIST_NAME}(?:(?:,\s+{_LIST_NAME})+,?|\s*,?)\s+(?:and|or)\s+{_LIST_NAME}")


def _shared_figure(context: Context, part: str, wanted: str | None, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer a figure asked of one place ("How many delegates
    does Michigan award?", "How many delegates did Sanders win in the Utah caucuses?") when
    the best one names the place only inside a list of places its figure is for together
    ("150 delegates at stake in Tuesday night's contests in Michigan, Mississippi, Idaho, and
    Hawaii", "Arizona, Idaho and Utah, with 131 delegates up for grabs") and the question
    names exactly one place of the list; else None. The total of several is no one's figure,
    but it is the figure asked of several of them together ("How many delegates do Idaho and
    Hawaii award between them?"). Abstains only."""
    if wanted not in _PLACE_ASKS or not chosen or len(split_question(context.question)) > 1:
        return None
    low = normalise(part)
    why = None
    for c in chosen:
        ev = context.evidence[c.n - 1]
        places = [
            (s - c.span.start, e - c.span.start)
            for s, e, label in ev.entities
            if label == "GPE" and c.span.start <= s and e <= c.span.end
        ]
        asked_in = [(s, e) for s, e in places if normalise(c.text[s:e]) in low]
        if not asked_in or not _FIGURE_WORD.search(c.text):
            continue  # a sentence that does not give a figure of the asked place
        listed = None
        for m in _NAME_LIST.finditer(c.text):
            members = [(s, e) for s, e in places if m.start() <= s and e <= m.end()]
            inside = [x for x in asked_in if x in members]
            if len(members) >= 3 and len(inside) == len(asked_in) == 1:
                listed = (m.group(0), c.text[inside[0][0] : inside[0][1]])
        if listed is None:
            return None  # a sentence gives the asked place's figure by itself
        why = why or listed
    if why is None:
        return None
    thing = _WANTED_WORDS.get(wanted or "", "it")
    return f"the passages give {thing} for {why[0]} together, not for {why[1]}"


#: "Which candidate did Roe endorse?", "For which candidate will she vote?": a contender asked
#: as the object of a named one's act (group "noun").
_CONTENDER_OBJECT = re.compile(
    r"^\W*(?:for\s+)?which\s+(?:[\w-]+\s+){0,2}?(?P<noun>candidate|contender|nominee|rival)s?\s+"
    r"(?:did|does|do|will|would|has|have|had)\s+[A-Z]",
    re.IGNORECASE,
)


def _contender_unnamed(context: Context, part: str, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer a part asking which contender a named one chose
    ("Which candidate did Gov. Roe endorse?"): none of them names, in its stretch
    (:func:`_window`), a person the question does not name other than the one the ledger
    gives the sentence's words to ("Rick Scott is the Republican governor of Florida";
    "“... beating expectations,” said Gov. Terry Branstad"). A contender is a person; the
    chooser's own words or portrait name no other. Abstains only, never changes the answer."""
    m = _CONTENDER_OBJECT.match(ask_of(part))
    if m is None or not chosen or not any(ev.entities for ev in context.evidence):
        return None
    qlow = normalise(context.question)
    for c in chosen:
        ev, a, b = _window(context, c)
        speaker = normalise(_ledger_speaker(c, context.evidence[c.n - 1], context.quotes) or "")
        for s, e, label in ev.entities:
            if label != "PERSON" or not (a <= s and e <= b):
                continue
            words = [w for w in normalise(ev.at(s, e)).split() if len(w) > 2]
            if words and not any(w in qlow or w in speaker for w in words):
                return None
    return f"the passages on this do not name the {m.group('noun').lower()} asked for"


#: "What is the capital of Wyoming?", "What was the cause of her death?": an attribute of a
#: thing asked by its noun (group "head": the noun right before "of").
_ATTRIBUTE_ASK = re.compile(
    r"^\W*what\s+(?:is|was|are|were)\s+the\s+(?P<attr>(?:[a-z-]+\s+){0,2}?(?P<head>[a-z-]+))\s+of\s+",
    re.IGNORECASE,
)
_ATTRIBUTE_EXEMPT = wordlist("attribute_asked_exempt")


def _attribute_untold(context: Context, part: str, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer "What is the <attribute> of <thing>?" ("What is
    the capital of Wyoming?", "What is the boiling point of mercury?"): no chosen sentence's
    stretch (:func:`_window`) holds the attribute's noun, so they speak of the thing, or of a
    word like the question's ("boil it down"), without the attribute asked. A name, a title
    or a figure ([attribute_asked_exempt]) is given without its noun ("the super PAC,
    Priorities USA Action"; "$2 billion"): the name and figure checks read those. Abstains
    only, never changes the answer."""
    m = _ATTRIBUTE_ASK.match(ask_of(part))
    if m is None or not chosen or len(split_question(context.question)) > 1:
        return None
    head = m.group("head").lower()
    stem = (tokenize(head) or [""])[0]
    if not stem or head in _ATTRIBUTE_EXEMPT or stem in _STOPWORDS:
        return None
    for c in chosen:
        ev, a, b = _window(context, c)
        if stem in tokenize(ev.at(a, b)):
            return None
    return f"the passages on this do not give the {m.group('attr').lower()} asked for"


def _told_as_past(context: Context, part: str, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer a part asking about a time yet to come
    (:func:`asked.future_asked`: "On what date will Roe and Doe hold their next meeting?")
    when none of them speaks of anything to come in its stretch (:func:`_window`;
    :func:`asked.tells_future`: a "will", a plan, a schedule, a time ahead); else None. Such
    sentences tell the event that has happened ("met a week ago"), not the one asked.
    Abstains only, never changes the answer."""
    if not asked.future_asked(part):
        return None
    for c in chosen:
        ev, a, b = _window(context, c)
        if asked.tells_future(ev.at(a, b)):
            return None
    return "the passages on this tell what has happened, not what is yet to come"


def _told_as_future(part: str, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer a part asking about the present
    (:func:`asked.present_asked`: "How much does the federal government currently spend on
    Alzheimer's research?") when every one of them tells only of something to come
    (:func:`asked.tells_future`: "The front-runner will propose spending $2 billion a year");
    else None. The mirror of :func:`_told_as_past`, read on the sentences themselves: a plan
    is not what is now. Abstains only, never changes the answer."""
    if not chosen or not asked.present_asked(part):
        return None
    if all(asked.tells_future(c.text) for c in chosen):
        return "the passages on this tell what is to come, not what is now"
    return None


def _bare(word: str) -> str:
    """A word lower-cased without its possessive ending or a closing full stop ("Trump’s"
    -> "trump", "U.S." -> "u.s")."""
    low = word.lower()
    return low[:-1] if low.endswith(".") else unpossessive(low)


#: The words of a party named by itself ("GOP", "the Democratic Party").
_PARTY_WORDS = wordlist("party_words")
#: A capitalised word of three letters or more.
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]{2,}")
#: Capitalised words that are no names: function words, days, months.
_CALENDAR = calendar_words()
_NOT_NAME_WORDS = wordlist("function_words") | _CALENDAR
#: Capitalised words that open no name ([speaker_stop_caps]: "Meanwhile", "Without") or are
#: titles before one ("Mrs.", "Sen."), besides those.
_NO_NAME_CAPS = (
    _NOT_NAME_WORDS
    | wordlist("speaker_stop_caps")
    | wordlist("honorifics")
    | {w.rstrip(".") for w in wordlist("state_titles")}
)
#: The ending of a participle or an adverb, which capitalises only as a sentence's first word.
_OPENING_FORM = re.compile(r"(?:ing|ly|ed)$")
#: Given names that end like one ("Carly", "Sterling").
_NAMES_LIKE_FORMS = wordlist("given_names_like_adverbs")


#: Typed nouns of a place within a state or a country ([typed_local_place_nouns]).
_LOCAL_PLACE_NOUNS = wordlist("typed_local_place_nouns")
_PLACE_NOUNS = wordlist("typed_place_nouns") | _LOCAL_PLACE_NOUNS
_COUNTRY_NOUNS = wordlist("typed_country_nouns")
_COUNTRIES = frozenset(w.replace("_", " ") for w in wordlist("countries"))
_US_STATES = frozenset(v[0].replace("_", " ") for v in wordmap("state_abbreviations").values())
#: States and countries, which no city, town or county is; less the states a city shares its
#: name with ("in New York").
_NO_LOCAL_PLACE = (_COUNTRIES | _US_STATES) - {w.replace("_", " ") for w in wordlist("state_named_cities")}
_ORGANISATION_HEADS = wordlist("organisation_heads")
#: Kinds whose names carry a word of the kind ("the District Court", [typed_head_named]).
_HEAD_NAMED = wordmap("typed_head_named")
_AUXILIARIES = wordlist("question_auxiliaries")
#: A run of capitalised words ("Eugene Field Elementary School"), up to four.
_NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,4}")


def _other_grade(noun: str, name: str, label: str) -> bool:
    """Is the entity ``name`` (its text, of spaCy ``label``) no place of the kind a typed
    place noun asks for: a state or a country for a city, town or county ("In which Iowa
    city ...?" and "a rally in Iowa", "the United States"), a country for a state, a US state
    for a country, or an organisation's name ("the Clinton Foundation", "Fox News") for any
    place: the tagger labels a town it does not know ORG ("in Dayton"), never with an
    organisation's head word?"""
    if noun not in _PLACE_NOUNS and noun not in _COUNTRY_NOUNS:
        return False
    words = [_bare(w) for w in _WORD.findall(name)]
    if label == "ORG" and any(w in _ORGANISATION_HEADS for w in words):
        return True
    key = " ".join(w for w in words if w != "the")
    if noun in _LOCAL_PLACE_NOUNS:
        return key in _NO_LOCAL_PLACE
    if noun in _COUNTRY_NOUNS:
        return key in _US_STATES - _COUNTRIES
    return noun == "state" and key in _COUNTRIES - _US_STATES


#: A sentence's words for a place the sentences before it name ([place_back_references]).
_PLACE_BACK = re.compile(rf"\b(?:{alternation('place_back_references')})\b", re.I)
#: The preposition right before a place name ([locative_prepositions]): "a rally in Brookside".
_LOCATIVE_BEFORE = re.compile(rf"\b(?:{alternation('locative_prepositions')})\s+$", re.I)


def _kind_is_head(part: str, noun: str) -> bool:
    """Is the asked kind ``noun`` the head of its phrase in the question: followed by a
    function word, an auxiliary, a verb in "-ed" or the question's end ("Which hotel hosted
    ...", "In which court did ..."), not by a noun it modifies ("Which church survivor
    ...", "What prison sentence ...")?"""
    m = re.search(rf"\b{re.escape(noun)}s?\b\W*(\w*)", ask_of(part), re.I)
    if m is None:
        return False
    after = m.group(1).lower()
    return not after or after in _NOT_NAME_WORDS or after in _AUXILIARIES or after.endswith("ed")


def _type_unnamed(context: Context, part: str, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer a part asking for a named thing of a kind
    ("In which city did ...?", "Which party is X registered with?", :func:`asked.typed_ask`)
    when none of them names, in its stretch (:func:`_window`), one the question does not (a
    name with a word of its own: "CBS News" for "Which news outlet ...", "Brookside" for
    "Which Ruritania town ..."): an entity of a label that names that kind (spaCy's stored
    labels: a place GPE / LOC, an organisation ORG, a party NORP / ORG), or a capitalised word
    the tagger left outside every entity ("Politifact rated ...": the tagger misses names it
    has not seen), not a title right before a person's name ("Senator Ada Voss"); else None.
    Such sentences tell the event the question is about ("accepted a replica Purple Heart
    from a supporter at an event") without the thing asked of it. Abstains only, never
    changes the answer."""
    typed = asked.typed_ask(part)
    if typed is None or not chosen:
        return None
    noun, labels = typed
    asked_words = {_bare(w) for w in _WORD.findall(part)}
    qlow = normalise(part)

    kind_words = set(_HEAD_NAMED.get(noun, ())) if _kind_is_head(part, noun) else set()

    def fresh(text: str) -> bool:
        # one the question does not name: a word of its own ("CBS News" for "which news
        # outlet", "Colorado Springs" for "which Colorado city"); a party named by itself
        # ("the GOP field") names no company, network or other kind but a party
        words = [_bare(w) for w in _WORD.findall(text) if len(w) > 2]
        if noun != "party" and words and all(w in _PARTY_WORDS or w == "the" for w in words):
            return False
        if kind_words and not kind_words & set(words):
            return False  # a court's name says "Court": "Remington" is another party's
        # a word the question makes another from ("Congress" for "which congressional
        # committee") is the question's own
        return any(w not in asked_words and not asked.derived_in(qlow, w) for w in words)

    # a person's surname on a later mention ("Mayor Bill de Blasio ... de Blasio tweeted"),
    # which the tagger leaves bare or labels an organisation: a person, not the kind asked for
    people = [ev.at(s, e) for ev in context.evidence for s, e, label in ev.entities if label == "PERSON"]
    surnames = asked.person_keys(people)
    full = {normalise(p) for p in people}

    def later_mention(name: str) -> bool:
        n = normalise(name)
        return any(f != n and f.endswith(f" {n}") for f in full)

    # a place the tagger labels a person in one sentence ("During the Austin town hall") and a
    # place in another of the evidence ("Austin, Texas"): spaCy's small model is not consistent
    places = (
        {normalise(ev.at(s, e)) for ev in context.evidence for s, e, label in ev.entities if label == "GPE"}
        if "GPE" in labels
        else set()
    )
    for c in chosen:
        ev, a, b = _window(context, c)
        if (noun in _PLACE_NOUNS or noun in _COUNTRY_NOUNS) and not _PLACE_BACK.search(c.text):
            a = max(a, c.span.start)  # a place the sentences before name is not where it speaks of
        tagged = [
            (s, e, "GPE" if label == "PERSON" and normalise(ev.at(s, e)) in places else label)
            for s, e, label in ev.entities
            if a <= s and e <= b
        ]
        named = [
            (s, e)
            for s, e, label in tagged
            if label in labels
            and not _describes_person(ev, e)
            and not _other_grade(noun, ev.at(s, e), label)
            and not later_mention(ev.at(s, e))
        ]
        if any(fresh(ev.at(s, e)) for s, e in named):
            return None  # a sentence names one the question does not: the answer stands
        persons = [s for s, _, label in tagged if label == "PERSON"]
        ends = {e for _, e, _ in tagged}
        heads = {x.start for x in ev.sentences}
        for m in _CAPITALISED.finditer(ev.text, a - ev.start, b - ev.start):
            at = ev.start + m.start()
            untagged = not any(s <= at < e for s, e, _ in tagged)
            if ev.start + m.end() + 1 in persons:
                continue  # a title before a person's name ("Senator Ada Voss")
            if at - 1 in ends and (noun in _PLACE_NOUNS or noun in _COUNTRY_NOUNS):
                continue  # the rest of a name the tagger labelled no place ("the Islamic State")
            word = m.group(0).lower()
            if at in heads and _OPENING_FORM.search(word) and word not in _NAMES_LIKE_FORMS:
                continue  # a sentence opening on a participle or an adverb ("Losing a race ...")
            # "I'd", "It’s": a pronoun's contraction is no name, as the pronoun is not
            if untagged and word in surnames:
                continue
            located = _LOCATIVE_BEFORE.search(ev.text, 0, at - ev.start)
            if untagged and noun in _LOCAL_PLACE_NOUNS and not located:
                continue  # a town the tagger missed follows "in", "at", "from" ("a rally in Brookside")
            run = _NAME_RUN.match(ev.text, m.start()) if kind_words else None
            name = run.group(0) if run is not None else word
            if untagged and re.split(r"['’]", word)[0] not in _NO_NAME_CAPS and fresh(name):
                return None
    return f"the passages on this do not name the {noun} asked for"


#: A transcript's speaker label: a name in capitals before a colon ("DOE: And obviously, ...",
#: "JANE DOE: ..."), which the tagger does not take for a person (the transcript reader's tag).
_TRANSCRIPT_LABEL = re.compile(rf"\b({SPEAKER_TAG}):\s")

#: A capitalised name that a relative "who" goes on from ("... won over Weaver, who came out").
_NAME_WHO = re.compile(r"\b([A-Z][\w'’-]{2,}(?:\s+[A-Z][\w'’-]{2,}){0,2}),?\s+who\b")


#: Determiners of a phrase that leaves its person unnamed ("a", "another").
_INDEFINITE = wordlist("indefinite_determiners")
#: Determiners of a definite phrase ("the", "his"), which "one of" makes a partitive.
_DETERMINERS = wordlist("role_determiners")
_PARTITIVE = re.compile(rf"\b(?:{alternation('indefinite_determiners')})\s+of\s+$", re.IGNORECASE)
#: The words right before a noun, nearest last.
_WORDS_BEFORE = re.compile(r"(?:[\w'’.&-]+\s+){1,5}$")


def _indefinite_start(text: str, start: int) -> int | None:
    """Where the indefinite noun phrase ending in the noun at ``start`` begins: its
    determiner ([indefinite_determiners]) with up to four modifiers that are no function
    words ("a female Breitbart reporter", "according to a spokesman"), or a partitive of
    them ("one of his warm-up speakers"); None when the noun has
    another determiner, none, or a function word before it ("the reporter", "CNN reporter
    Ana Ruiz", "told a crowd that the reporter")."""
    m = _WORDS_BEFORE.search(text, 0, start)
    if m is None:
        return None
    at = start
    for w in reversed(list(re.finditer(r"[\w'’.&-]+", text[m.start() : start]))):
        word = w.group(0).lower()
        if word in _INDEFINITE:
            return m.start() + w.start()
        if word in _DETERMINERS:
            # a partitive: "one of his warm-up speakers", "another of the aides"
            part = _PARTITIVE.search(text, 0, m.start() + w.start())
            return part.start() if part is not None else None
        if word in _NOT_NAME_WORDS or at - (m.start() + w.end()) > 1:
            return None
        at = m.start() + w.start()
    return None


#: A name set before the indefinite noun phrase as its subject or in apposition ("Ana Ruiz, a
#: CNN reporter", "Roe, now a paid commentator", "Roe is a reporter"): the phrase names her.
_NAMED_BEFORE = re.compile(
    r"[A-Z][\w'’.-]*(?:\s*\([^()]{1,30}\))?"
    rf"(?:\s*,\s*(?:(?:{alternation('role_phrase_appositive_adverbs')}|who\s+is|who\s+was)\s+)?"
    r"|\s+(?:is|was|became)\s+)$"
)
#: A name and an appositive chain after it, up to another phrase of it ("Michael McFaul, a
#: senior fellow at the Hoover Institution and a former ambassador"): it names him too.
_CHAIN_AFTER_NAME = re.compile(
    r"[A-Z][\w'’.-]*(?:\s*\([^()]{1,30}\))?\s*,\s*[^.;:“”\"]{0,80}?(?:,|\band)\s+$"
)
#: A predicate before the phrase ("who is not an attorney", "served as a senator"): it says
#: what someone is or is not, no holder of the role spoken of.
_PREDICATE_BEFORE = re.compile(rf"\b(?:{alternation('role_phrase_predicates')})\s+$", re.IGNORECASE)
#: What may come after the role noun before a name in apposition: its plural ending, a
#: complement ("a spokesman for the campaign"), a comma; or a naming word ("a reporter named").
_AFTER_ROLE = re.compile(
    rf"(?:\s+(?:{alternation('role_phrase_complements')})\s+[^,;:.“”\"]{{1,40}}?)?\s*,?\s+"
)
#: The rest of a clause the phrase is the subject of, up to a "was" or "is" that a name may
#: follow ("One State Department lawyer involved in it was Kate Duval").
_IS_AFTER_ROLE = re.compile(r"[^,;:.“”\"]{0,60}?\b(?:was|is)\s+")
#: A definite description set off before a name, as news names one it first spoke of in an
#: indefinite phrase ("... punched by a Trump supporter. ... the assailant, John McGraw, told
#: ..."): the name may be the role holder's.
_THE_NAMED = re.compile(r"\b[Tt]he\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*,\s+")
_NAME_CUE = re.compile(rf"(?:{alternation('name_cues')})\b", re.IGNORECASE)
_TWO_CAPITALISED = re.compile(r"[A-Z][\w'’-]+\s+[A-Z][\w'’-]+")
#: A description the name may stand after in the apposition ("the newly created ..."); it
#: always matches, empty when there is none.
_DESCRIBED_AGAIN = re.compile(r"(?:the\s+(?:[a-z][\w'’-]*\s+){0,3})?")


def _role_left_unnamed(ev: Evidence, a: int, b: int, role: str) -> bool:
    """Does the stretch ``a``..``b`` of ``ev`` speak of the role only in indefinite noun
    phrases that name no one ("tweet from a CNN reporter that appeared to insinuate ...", "a
    spokesman said Thursday", "accused by a female Breitbart reporter, who worked for Mr.
    Bannon")? The article says someone holds the role without saying who, so another name in
    the stretch is someone else. A phrase names its holder when a name stands before it as
    subject or in apposition ("Ana Ruiz, a CNN reporter", "Roe is a reporter") or right after
    it ("a spokesman, Ana Ruiz,", "a spokesman for the campaign, Ana Ruiz", "a reporter named
    Ana Ruiz", "one lawyer involved was Ana Ruiz"), or when the next sentence names one by a
    definite description ("the assailant, John McGraw"); a predicate ("who is not an attorney")
    speaks of no holder. False when the stretch does not hold the role noun, or holds it in a
    phrase that may name its holder ("CNN reporter Ana Ruiz", "the reporter")."""
    text = ev.at(a, b)
    people = [s - a for s, _, label in ev.entities if label == "PERSON" and a <= s < b]
    unnamed = False
    for start, end in asked.role_mentions(text, role):
        opens = _indefinite_start(text, start)
        if opens is None:
            return False  # a phrase that may name its holder: "CNN reporter Ana Ruiz"
        if _PREDICATE_BEFORE.search(text, 0, opens):
            continue
        if _NAMED_BEFORE.search(text, 0, opens) or _CHAIN_AFTER_NAME.search(text, max(0, opens - 120), opens):
            return False
        for after in (_AFTER_ROLE.match(text, end), _IS_AFTER_ROLE.match(text, end)):
            if after is not None and (
                after.end() in people
                or _NAME_CUE.match(text, after.end())
                or _TWO_CAPITALISED.match(text, after.end())
            ):
                return False
        unnamed = True
    if unnamed:
        following = next((x for x in ev.sentences if x.start >= b), None)
        if following is not None:
            people_after = {s for s, _, label in ev.entities if label == "PERSON"}
            told = ev.at(following.start, following.end)
            for m in _THE_NAMED.finditer(told):
                again = _DESCRIBED_AGAIN.match(told, m.end())
                at = again.end() if again is not None else m.end()
                if following.start + at in people_after or _TWO_CAPITALISED.match(told, at):
                    # "... the assailant, John McGraw, told ...", "The nonprofit, the newly
                    # created European Centre for a Modern Ukraine, was ...": named next
                    return False
    return unnamed


#: Acts whose doer a sentence names only beside a form of the act ([outcome_acts]).
_OUTCOME_ACTS = wordmap("outcome_acts")


def _namer(context: Context, role: str | None, act: str | None) -> Callable[[Scored, bool], bool]:
    """The test :func:`_role_unnamed` reads a sentence with: does it name a person the question
    does not hold (with ``with_role``: the role noun, or the act's verb, in its stretch too)?"""
    qlow = normalise(context.question)

    acted = set(tokenize(act)) if act is not None else set()
    outcome = {t for w in _OUTCOME_ACTS.get(act or "", ()) for t in tokenize(w)}

    def marked(text: str) -> bool:  # the role noun, or the act's verb (its stem), in the text
        if role is not None:
            return asked.names_role(text, role)
        toks = set(tokenize(text))
        return bool(acted) and (acted <= toks or bool(outcome & toks))

    def fresh(name: str) -> bool:
        words = [w for w in normalise(name).split() if len(w) > 2]
        return bool(words) and not any(w in qlow for w in words)

    def names(c: Scored, with_role: bool) -> bool:
        ev, a, b = _window(context, c)
        if role is not None and _role_left_unnamed(ev, a, b, role):
            return False  # "a CNN reporter tweeted ...": another name there is someone else
        if with_role and not marked(ev.at(a, b)):
            return False
        speaker = _ledger_speaker(c, context.evidence[c.n - 1], context.quotes)
        if speaker is not None and any(w[:1].isupper() for w in speaker.split()) and fresh(speaker):
            return True
        if any(fresh(m.group(1)) for m in _TRANSCRIPT_LABEL.finditer(ev.at(a, b))):
            return True  # a transcript's speaker label ("DOE: And obviously, ...")
        # an act's doer may be a body too ("Who organized ...": a group, a party)
        labels = ("PERSON",) if role is not None else ("PERSON", "ORG", "NORP")
        if any(label in labels and a <= s and e <= b and fresh(ev.at(s, e)) for s, e, label in ev.entities):
            return True
        # a person named once in full and then by surname alone ("Flint Mayor Karen Weaver"
        # ... "has won over Weaver"): the tagger often leaves the bare surname untagged
        # ... or a name that "who" goes on from ("has won over Weaver, who came out and
        # endorsed ..."): "who" is said of a person, whatever label the tagger gave the name
        return any(
            m.group(0).lower() in surnames and fresh(m.group(0)) for m in _CAPITALISED.finditer(ev.at(a, b))
        ) or any(fresh(m.group(1)) for m in _NAME_WHO.finditer(ev.at(a, b)))

    surnames = asked.person_keys(
        [ev.at(s, e) for ev in context.evidence for s, e, label in ev.entities if label == "PERSON"]
    )
    return names


def _role_named_one(
    context: Context, part: str, chosen: list[Scored], fitting: list[Scored], threshold: float, ratio: float
) -> Scored | None:
    """The sentence that answers a "Which <role> ..." part (:func:`asked.role_which`) when the
    chosen ones name no one the question does not (a headline's "Longtime Clinton foe files
    claim"): the best sentence naming a fresh person beside the role noun ("represented by
    attorney Larry Klayman", "edged out Florida Sen. Marco Rubio", [same_roles]) above
    ``threshold``, or with at least ``ratio`` of the best chosen one's probability (the share
    :attr:`AnswerSettings.wanted_ratio` gives the best sentence holding the thing a question
    asks for: the role's holder is that thing); the one :func:`_role_unnamed` lets the answer
    stand on; else None."""
    role = asked.role_which(part)
    if role is None or not chosen or not any(ev.entities for ev in context.evidence):
        return None
    names = _namer(context, role, None)
    if any(names(c, False) for c in chosen):
        return None
    floor = min(threshold, ratio * chosen[0].prob) if chosen[0].prob >= threshold else threshold
    return next((c for c in fitting if c.prob >= floor and names(c, True)), None)


def _role_unnamed(
    context: Context, part: str, chosen: list[Scored], fitting: list[Scored], threshold: float
) -> str | None:
    """Why the chosen sentences do not answer a "Which <role> ..." part (:func:`asked.role_which`:
    "Which FBI agent is leading ...?", "Which two senators said ...?") when none of them names a
    person the question does not name, and no sentence above ``threshold`` names one beside
    the role noun; else None. A "Who <act> ..." part (:func:`asked.who_act`: "Who organized
    the rally?") is read the same way, with the act's verb for the role noun and a named body
    (ORG, NORP) as well as a person for the doer. Such sentences speak of the role or of the
    act ("the agents are investigating", "all but two said ...") without saying who.
    Abstains only, never changes the answer.

    A sentence names a person when a PERSON entity the question does not hold is in its stretch
    (:func:`_window`: "Hope Hicks, a spokeswoman" or "... She is Hope Hicks"), when the quote
    ledger's speaker of it is a name the question does not hold (capitalised: "an intelligence
    source" is no name), when a capitalised word there is the surname of a PERSON entity of the
    evidence, or when a name there is one a relative "who" goes on from ("Weaver, who ..."). A
    sentence above the threshold that the answer did not choose counts only with the role noun
    in its stretch: another person named there is someone else (the question's subject's
    critic, not the pundits asked for)."""
    role = asked.role_which(part)
    act = asked.who_act(part) if role is None else None
    if (role is None and act is None) or not chosen:
        return None
    if not any(ev.entities for ev in context.evidence):
        return None  # passages never tagged (no entity anywhere): who is named is unknown
    names = _namer(context, role, act)
    # an outcome's doer ("Who won ...?") is named only beside the act; another's doer is
    # named anywhere in the sentence's stretch, but when the best sentence speaks of the role
    # only unnamed ("asked a federal judge to block the rules"), a person a further chosen
    # sentence names without the role noun is someone else
    left = role is not None and _role_left_unnamed(*_window(context, chosen[0]), role)
    if any(names(c, act in _OUTCOME_ACTS or (left and k > 0)) for k, c in enumerate(chosen)):
        return None
    if any(names(c, True) for c in fitting if c.prob >= threshold):
        return None
    return f"the passages on this do not name the {role or 'one'} asked for"


def _group_silent(
    context: Context, part: str, fitting: list[Scored], threshold: float, gap: int
) -> str | None:
    """Why the articles do not answer a part asking a group's words ("What did the
    advocates say about X?", :func:`asked.group_asked`) when no sentence above ``threshold``
    gives the group words in its stretch (:func:`_window`): the group noun as the subject of
    a speech verb or after "according to" (:func:`asked.group_speaks`), or as the speaker or
    role of a ledger record there; else None. Such a question is otherwise answered by
    narration that mentions the group ("advocates called for ...", "aides scrutinize the
    line") or by another person's words. Abstains only."""
    group = asked.group_asked(part)
    if group is None:
        return None

    def speaks(ev: Evidence, a: int, b: int) -> bool:
        if asked.group_speaks(ev.at(a, b), group, gap) or asked.group_speaks_as_they(ev.at(a, b), group):
            return True
        return any(
            q.doc_id == ev.doc_id
            and q.start < b
            and a < q.end
            and any(asked.names_group(x, group) for x in (q.speaker, q.role) if x)
            for q in context.quotes
        )

    if _stretch_above(context, fitting, threshold, speaks):
        return None
    return (
        f"the passages do not give the {group}' words"
        if group.endswith("s")
        else (f"the passages do not give the {group}'s words")
    )


def _about_another(
    context: Context, part: str, fitting: list[Scored], threshold: float, gap: int
) -> tuple[list[Scored], str | None]:
    """For a "what did X say about Y('s ...)" part whose best sentence (above ``threshold``)
    is in an article that never names Y: only the sentences of articles naming Y that the
    text attributes to X (:func:`asked.attributes_to`), or, when none is above
    ``threshold``, why none answers. Otherwise ``fitting`` as it is.

    A near miss asks for X's words on another person's doing ("What did the opposition
    leader say about the MP's trip?") and finds X's words on something else, in an article
    about another story that never names Y. A sentence that does not name Y may still be
    about Y ("his trip", a quotation going on), so the whole text its article gives the
    evidence decides, not the sentence. Y is a person (a PERSON entity of the evidence
    ends with Y's surname), not a place or a topic: questions paraphrase those."""
    speaker = _named_asked(context, part)
    whom = asked.about_whom(ask_of(part))
    if not speaker or not whom or not fitting:
        return fitting, None
    keys = asked.name_keys(whom)
    if not keys or asked.names_one(speaker, keys) or not _a_person(context, keys):
        return fitting, None
    text: dict[str, str] = {}
    for n, ev in enumerate(context.evidence, start=1):
        after = context.following.get(n)
        text[ev.doc_id] = (
            f"{text.get(ev.doc_id, '')} {normalise(ev.text)} {normalise(after.text) if after else ''}"
        )
    if fitting[0].prob < threshold or any(k in text[context.evidence[fitting[0].n - 1].doc_id] for k in keys):
        return fitting, None  # the best sentence's article names Y: the ranker decides
    kept = [
        c
        for c in fitting
        if any(k in text[context.evidence[c.n - 1].doc_id] for k in keys)
        and asked.attributes_to(
            context.evidence[c.n - 1],
            c.span,
            speaker,
            _ledger_speaker(c, context.evidence[c.n - 1], context.quotes),
            gap,
        )
    ]
    if not kept or kept[0].prob < threshold:
        return [], f"the articles that give {speaker}'s words on this do not mention {whom}"
    return kept, None


#: "What did / has X say ...": the question's object is X's words (not "What word did X
#: object to", "What had X proposed by the time Y called ...", "How much did X report ...").
_WHAT_SAID_FRAME = re.compile(rf"^\W*what\s+(?:{alternation('what_auxiliaries')})\s", re.I)


def _speaker_silent(
    context: Context, part: str, wanted: str | None, chosen: list[Scored], tuning: AnswerSettings
) -> str | None:
    """Why the chosen sentences do not answer a "What did X say / write / warn ..." part:
    none of them is X's (:func:`_speaks`, or X the subject of a speech verb in it, the words
    reported inside another's: "Clinton said Trump's call for a ban ..."), and X speaks in
    no sentence of the passages the context holds of their articles. The answer would give
    another person's words, or words that only mention X ("What did Judge Roe say when ...?"
    answered by "... the goals set by Judge Roe"; "What did A say when B mocked ...?" by B's
    words). X is the main clause's subject (:func:`asked_speaker`, read up to the speech
    verb), not a name in the "when B mocked ..." clause after it; the ledger's resolved
    name and the question's own phrase both count as X."""
    speaker = _named_asked(context, part)
    if not speaker or wanted in ("name", "person") or not chosen or not _WHAT_SAID_FRAME.match(part):
        return None
    names = [speaker]
    a = asked_speaker(part)
    if a is not None and _a_people(part, a.phrase):
        return None
    if a is not None and a.phrase != speaker:
        names.append(a.phrase)
    gap = tuning.speaker_gap
    for c in chosen:
        ev = context.evidence[c.n - 1]
        for name in names:
            if _speaks(ev, c.span, context, name, gap) or asked.subject_of_speech(c.text, name, gap):
                return None
    docs = {context.evidence[c.n - 1].doc_id for c in chosen}
    for ev in context.evidence:
        if ev.doc_id in docs and any(_speaks(ev, sp, context, n, gap) for sp in ev.sentences for n in names):
            return None
    return f"the articles do not quote {speaker} on this"


#: "What did <Name> (himself) say in reply to / in response to ...?": the part asks for a
#: named one's words in answer to another's act (``wordlists.txt`` [reply_asks]).
_REPLY_ASK = re.compile(
    rf"^\W*(?i:what|how)\s+(?:{alternation('what_auxiliaries')})\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    rf"(?:\s+(?:{alternation('reflexives')}))?\s+say\s+(?:{alternation('reply_asks')})\b"
)


def _reply_unsaid(context: Context, part: str, chosen: list[Scored]) -> str | None:
    """Why the chosen sentences do not answer a part asking for a named one's reply
    (:data:`_REPLY_ASK`): none of them gives that one's own words by a strict reading -- the
    quote ledger's speaker, the sentence's own attribution clause ("..., Roe said"), a "he
    said" whose sentence before is attributed to that one, or the byline of a column. The
    looser reading of :func:`_speaker_silent` (the name near a speech verb anywhere in the
    sentence, or speaking anywhere in the article) takes the act replied to ("Doe said Roe
    founded ...", "... called on Roe to resign") or the one's words on another matter for
    the reply. Abstains only, never changes the answer."""
    m = _REPLY_ASK.match(ask_of(part))
    if m is None or not chosen:
        return None
    name = m.group("name")
    keys = asked.name_keys(name)
    if not keys:
        return None
    for c in chosen:
        ev = context.evidence[c.n - 1]
        ledger = _ledger_speaker(c, ev, context.quotes)
        if ledger is not None:
            if asked.names_one(ledger, keys):
                return None
            continue
        own = _own_attribution(c.text)
        if own is not None and asked.names_one(own, keys):
            return None
        before = [s for s in ev.sentences if s.end <= c.span.start][-1:]
        if before and asked.PRONOUN_SAID.search(c.text):
            prev = _own_attribution(ev.at(before[0].start, before[0].end))
            if prev is not None and asked.names_one(prev, keys):
                return None
        if _authored(ev, c.span, ledger, keys):
            return None
    return f"the passages do not give {name}'s reply"


def _asked_text(context: Context) -> str:
    """The question as it names what it asks about: without an "According to X," lead and
    with quoted words blanked (the speaker's words, not names asked about)."""
    question = _ACCORDING.sub("", context.question)
    for a, b in quotation_spans(question)[0]:
        question = question[:a] + " " * (b - a) + question[b:]
    return question


#: The gap after a possessive inside a run of capitalised words: "Wyoming's House" is a
#: possessor and a thing of its, not one name.
_POSSESSOR_END = re.compile(r"(?<=['’]s)\s+|(?<=s['’])\s+")


def _possessor_cut(run: str) -> list[str]:
    """A run of capitalised words cut after each possessive ("Wyoming's House" is a possessor
    and a thing of its, not one name), unless what follows is a date ("California's April
    poll": the month is a detail of the thing asked about, checked with it)."""
    pieces = _POSSESSOR_END.split(run)
    if any(all(w.lower().strip(".,") in _CALENDAR for w in p.split()) for p in pieces[1:]):
        return [run]
    return pieces


def _missing_names(context: Context) -> list[str]:
    """Full names (two or more capitalised words) that no evidence mentions.

    A lone capitalised word ("Beijing", "Chinese") is often a paraphrase of what the
    text says ("China"), so only a multi-word name missing entirely is a reason to
    abstain (the ledger's recall never is: a lone surname the evidence lacks is left to
    the fitted threshold). An outlet named in the question is not a person to find; a
    passage's byline mentions its writer (a first-person piece may name its writer nowhere else).
    """
    corpus = " ".join(normalise(e.text) for e in context.evidence)
    corpus += " " + " ".join(normalise(q.speaker or "") for q in context.quotes)
    corpus += " " + " ".join(
        normalise(f"{e.title or ''} {e.outlet or ''} {e.author or ''}") for e in context.evidence
    )
    corpus = unaccented(corpus)  # "Gulen" asked, "Gülen" written
    outlets = {normalise(o) for o in context.outlets}
    missing = []
    for full in (piece for run in full_names(_asked_text(context)) for piece in _possessor_cut(run)):
        if len(full.split()) < 2:
            continue  # one word of a run a possessive cut ("Wyoming's House": a place, a body)
        if outlet_named(full, context.outlets) or any(normalise(full) in o for o in outlets):
            continue  # an outlet named in the question is not a person to find
        parts = [unaccented(normalise(unpossessive(p))).strip(".'") for p in full.split()]
        checkable = [p for p in parts[1:] if len(p) >= 3]
        if checkable and not any(re.search(rf"\b{re.escape(p[:5])}", corpus) for p in checkable):
            if not _initials_held(full, context.evidence):
                missing.append(full)
    return missing


def _unmentioned_names(context: Context) -> list[str]:
    """The question's names when no indexed article mentions any of them ("What is the
    capital of Australia?" asked of articles that never say "Australia"): the question is
    about something the articles are not, and the sentence that shares its other words
    ("the U.S. capital") answers nothing. Looked up in the whole index
    (:attr:`Context.unmentioned`), not in the evidence, and only when every capitalised
    word after the question's opening is unknown to it, so a paraphrased name beside a
    known one ("Ottawa's pact with Beijing", the articles saying "China") never fires; an
    outlet and quoted words are not names asked about."""
    if not context.unmentioned:
        return []
    asked = dict.fromkeys(question_names(_asked_text(context)))
    names = [n for n in asked if not outlet_named(n, context.outlets)]
    # a byline is no text the index holds, but it mentions its writer ("What did Thrush write ...")
    unknown = set(context.unmentioned) - {t for e in context.evidence for t in tokenize(e.author or "")}
    tokens = [tokenize(n) for n in names]
    if names and all(t and set(t) <= unknown for t in tokens):
        return names
    return []


def _initials_held(full: str, evidence: list[Evidence]) -> bool:
    """Does an evidence passage give the name ``full`` by its initials with full stops ("N.C."
    for "North Carolina", "U.S." for "United States"), as news abbreviates a state or a
    country after a town or before a noun? Only the dotted form: bare capitals ("MP", "NC")
    are as often another word."""
    initials = [w[0] for w in full.split() if w[:1].isupper()]
    if len(initials) < 2:
        return False
    rx = re.compile(r"(?<![\w.])" + r"\.\s?".join(initials) + r"\.")
    return any(rx.search(e.text) for e in evidence)


def _speaks_near(
    context: Context, part: str, wanted: str | None, best: Scored, threshold: float, tuning: AnswerSettings
) -> bool:
    """Does the best sentence, scoring under ``threshold`` but at least
    :attr:`AnswerSettings.near_threshold` of it, answer a part asking a named person's words ("What
    legislation did X say Y should stress?") anyway: it is X's (:func:`_speaks`: the ledger,
    X's own column, or the text's attribution) and, when the part names a topic ("... say
    about Z", :func:`asked.topic_asked`), holds it? The fitted ranker weighs the question's
    words; a paraphrased question scores the speaker's own sentence just under the
    threshold, where another person's words or the speaker's words on something else are
    no answer. Only for parts that ask no specific thing (a figure, a day, a name): their
    checks stand. For one part of a multi-part question the share is
    :attr:`AnswerSettings.own_marked_floor`: the other parts' answers already say the articles
    are on the question, and a part's own words are fewer than the whole question's (round 23:
    development +1 fact, no other cached answer changed). Never abstains; lets the answer
    stand."""
    speaker = _named_asked(context, part)
    # one part of several: the other parts' answers already say the articles are on it
    share = tuning.near_threshold if part == context.question else tuning.own_marked_floor
    if not speaker or wanted is not None or best.prob < share * threshold:
        return False
    topic = asked.topic_asked(part)
    if topic and not asked.touches_topic(best.text, topic):
        return False
    ev = context.evidence[best.n - 1]
    return _speaks(ev, best.span, context, speaker, tuning.speaker_gap)
