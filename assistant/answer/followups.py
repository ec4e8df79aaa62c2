"""Chat follow-ups: turn "And what did he say about China?" into a standalone question.

With an LLM backend (anything with a ``condense(history, question)`` method) the condense
prompt does the rewrite. Otherwise — the extractive backend, offline — a deterministic
rule-based rewrite resolves references from the history:

* third-person pronouns (he, she, him, his, her, they...) and phrases such as "the same
  person" become the person the last turn was about: the most mentioned in it, and after
  a who-question, the most mentioned of those the question did not name (the answer to
  "Who met Marco Rubio?" is about whoever met him);
* "that" / "it" after a preposition at the end ("about that?") becomes the most recent
  topic (the ``about ...`` clause of the previous question);
* "What about X?" reuses the previous question with X in place of its person or topic.

History user turns are themselves resolved in order, so chains of follow-ups work.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.answer.verify import SPEECH_VERB, TITLES
from assistant.errors import BackendError
from assistant.nlp import alternation, calendar_words, wordlist
from assistant.nlp.claims import MARKER
from assistant.nlp.text import unpossessive
from assistant.types import Turn

_TOKEN = r"(?:[A-Z](?:\.[A-Z])*\.|[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?:['’]s)?)"
_CAPSEQ = re.compile(rf"\b{_TOKEN}(?:\s+(?:(?:{alternation('name_particles')})\s+)?{_TOKEN})*")

#: Function words, organisation/place head words and calendar words: language data in
#: ``assistant/nlp/wordlists.txt`` and ``months.txt``, read once.
_FUNCTION = wordlist("function_words")
_NOT_PERSON = wordlist("not_person")
#: Calendar words: stripped from the start of a capitalised run ("In May Carney said").
_CALENDAR = calendar_words()
_ATTRIBUTED = re.compile(
    rf"(?P<a>{_TOKEN}(?:\s+{_TOKEN}){{0,3}})\s+{SPEECH_VERB}\b"
    rf"|(?:{SPEECH_VERB}|according to)\s+(?P<b>{_TOKEN}(?:\s+{_TOKEN}){{0,3}})"
)

_SAME_PERSON = re.compile(rf"\b(?:the same|that|this)\s+(?:{alternation('same_person_nouns')})\b", re.I)
_SUBJECT = re.compile(r"\b(?:he|she)\b", re.I)
_OBJECT = re.compile(r"\bhim\b", re.I)
_POSSESSIVE = re.compile(r"\b(?:his|hers)\b", re.I)
_HER = re.compile(r"\bher\b(?P<after>\s*(?P<next>[A-Za-z]+)?)", re.I)
_THEY = re.compile(r"\b(?:they|them)\b", re.I)
_THEIR = re.compile(r"\btheir\b", re.I)
_TOPIC_REF = re.compile(
    r"\b(?P<prep>about|on|of|regarding|concerning|over|with|to)\s+(?:that|this|it)"
    r"(?=\s*[?.!]*\s*$)",
    re.I,
)
_ABOUT = re.compile(rf"\b(?:{alternation('about_prepositions')})\s+(?P<topic>[^?.!]+?)\s*[?.!]*\s*$", re.I)
_WHAT_ABOUT = re.compile(
    rf"^\s*(?:(?:{alternation('followup_connectives')})[\s,]+)?(?:(?:what|how)\s+)?about\s+(?P<x>.+?)\s*[?.!]*\s*$",
    re.I,
)
_LEADING = re.compile(rf"^\s*(?:{alternation('followup_leads')})\b[\s,]*", re.I)
#: Words after "her" that show it is an object ("what did she tell her about ...").
_AFTER_OBJECT = wordlist("object_after_her")


@dataclass
class _State:
    """What the conversation so far refers to."""

    person: str | None = None
    topic: str | None = None
    question: str | None = None
    known: list[str] = field(default_factory=list)  # full names, most recent last


def people(text: str, known: Iterable[str] = ()) -> list[str]:
    """Person names in ``text`` in order of appearance (full forms where known).

    General rules, no name lists: a run of capitalised words minus titles and function
    words is a name when it has two or more words and no organisation or place word; a
    single word counts when it is attributed speech ("Carney said") or is the surname of
    a known full name.
    """
    text = MARKER.sub("", text)
    known = list(known)
    attributed = {
        _clean(m.group("a") or m.group("b") or "")[-1:][0]
        for m in _ATTRIBUTED.finditer(text)
        if _clean(m.group("a") or m.group("b") or "")
    }
    out: list[str] = []
    for m in _CAPSEQ.finditer(text):
        toks = _clean(m.group(0))
        if not toks or any(t.lower() in _NOT_PERSON for t in toks):
            continue
        if len(toks) >= 2:
            out.append(" ".join(toks))
            continue
        full = _expand(toks[0], [*known, *out])
        if full:
            out.append(full)
        elif toks[0] in attributed:
            out.append(toks[0])
    return [_expand(p, [*known, *out]) or p for p in out]


def _clean(span: str) -> list[str]:
    toks = [unpossessive(t) for t in span.split()]
    while toks and (
        toks[0].lower().strip(".") in TITLES or toks[0].lower() in _FUNCTION or toks[0].lower() in _CALENDAR
    ):
        toks = toks[1:]
    while toks and toks[-1].lower() in _FUNCTION:
        toks = toks[:-1]
    return toks


def _expand(name: str, known: Iterable[str]) -> str | None:
    """The most recent known full name whose last word is ``name`` (a single word)."""
    if len(name.split()) != 1:
        return None
    last = name.lower()
    best = None
    for k in known:
        if len(k.split()) >= 2 and k.split()[-1].lower() == last:
            best = k
    return best


def _main_person(text: str, known: list[str], exclude: Iterable[str] = ()) -> str | None:
    """The person a turn is about: most mentioned, the first mentioned on ties."""
    skip = set(exclude)
    found = [p for p in people(text, known) if p not in skip]
    if not found:
        return None
    counts = Counter(found)
    return max(found, key=lambda p: (counts[p], -found.index(p)))


def _topic(question: str) -> str | None:
    m = _ABOUT.search(question)
    if not m:
        return None
    topic = m.group("topic").strip()
    return None if topic.lower() in ("that", "this", "it") else topic


def _replace_her(text: str, name: str) -> str:
    def sub(m: re.Match[str]) -> str:
        nxt = (m.group("next") or "").lower()
        is_object = not nxt or nxt in _AFTER_OBJECT
        return (name if is_object else f"{name}'s") + m.group("after")

    return _HER.sub(sub, text)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def rewrite(state: _State, question: str) -> str:
    """Resolve ``question`` against ``state``; unchanged when nothing refers back."""
    q = question.strip()
    m = _WHAT_ABOUT.match(q)
    if m and state.question:
        x = m.group("x").strip()
        prev = state.question
        x_people = people(x, state.known)
        if x_people and state.person and state.person in prev:
            return prev.replace(state.person, x_people[0])
        if state.topic and state.topic in prev:
            return prev.replace(state.topic, x)
        return re.sub(r"\s*[?.!]*\s*$", "", prev) + f" about {x}?"
    out = q
    if state.person:
        name = state.person
        out = _SAME_PERSON.sub(name, out)
        out = _SUBJECT.sub(name, out)
        out = _OBJECT.sub(name, out)
        out = _POSSESSIVE.sub(f"{name}'s", out)
        out = _replace_her(out, name)
        out = _THEY.sub(name, out)
        out = _THEIR.sub(f"{name}'s", out)
    if state.topic:
        out = _TOPIC_REF.sub(lambda mm: f"{mm.group('prep')} {state.topic}", out)
    if out == q:
        return q
    return _capitalise(_LEADING.sub("", out))


_WHO_ASKED = re.compile(r"^\s*(?:and\s+|so\s+)?(?:who|whom)\b", re.I)


def _update(state: _State, turn_text: str, resolved_question: str | None) -> None:
    person = _main_person(turn_text, state.known)
    if resolved_question is None and state.question and _WHO_ASKED.match(state.question):
        # The answer to "Who met Marco Rubio?" is about whoever met him: people the
        # question already named are not who the answer is about.
        asked = set(people(state.question, state.known))
        person = _main_person(turn_text, state.known, exclude=asked) or person
    if person:
        state.person = person
    for p in people(turn_text, state.known):
        if len(p.split()) >= 2 and p not in state.known:
            state.known.append(p)
    if resolved_question is not None:
        state.question = resolved_question
        state.topic = _topic(resolved_question) or state.topic


def rule_based_followup(history: list[Turn], question: str) -> str:
    """The deterministic rewrite used without an LLM (see the module docstring)."""
    state = _State()
    for turn in history:
        if turn.role == "user":
            resolved = rewrite(state, turn.content)
            _update(state, resolved, resolved)
        else:
            _update(state, turn.content, None)
    return rewrite(state, question)


def resolve_followup(history: list[Turn], question: str, backend: object | None = None) -> str:
    """A standalone version of ``question`` given the chat ``history``.

    With a backend that has ``condense(history, question)`` (the LLM backend) the
    condense prompt rewrites it; a failed or implausible rewrite falls back to the rules.
    """
    if not history:
        return question.strip()
    condense = getattr(backend, "condense", None)
    if callable(condense):
        try:
            rewritten = str(condense(history, question)).strip().strip('"').strip()
        except BackendError:
            rewritten = ""
        first_line = rewritten.splitlines()[0].strip() if rewritten else ""
        if first_line and len(first_line) <= 4 * len(question) + 200:
            return first_line
    return rule_based_followup(history, question)
