"""Question-and-answer interviews: a paragraph opened by "A:" is the interviewee's answer.

News prints an interview as questions and answers, each a paragraph opened by "Q:" and "A:"
("Q: You open your book on May 17, 2001. What did you find?" / "A: I came home from school
and my parents were gone ..."), the questions sometimes with the colon lost ("QThere's no
shortage of causes ..."). The interviewee is named once, in the headline or the lead ("Q&A
with Vice President Joe Biden", "Actress Diane Guerrero has become ..."), and no answer
names its speaker, so neither the quotation rules nor the parse
(:func:`~assistant.quotes.extract_quotes`) attribute them: a "What did Guerrero say ..."
question found none of her words. The sibling of :mod:`assistant.quotes.transcripts`, whose
turns are tagged by name; this reads the page's layout, not a sentence's grammar.

Strict on purpose: the layout counts as an interview only with two "A:" paragraphs or more
and a question paragraph, and the interviewee is the first person spaCy's entity
recogniser names in full (two words or more) in the headline or the first paragraph after
it; without a parse, or without such a name, no answer is attributed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.nlp.text import paragraphs
from assistant.types import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: An answer's label: "A:" or "A." and the words after it.
_ANSWER = re.compile(r"A[:.][ \t]+(?=\S)")
#: A question's label: "Q:", "Q." or a "Q" glued to the question's capital ("QThere's").
_QUESTION = re.compile(r"Q(?:[:.][ \t]*|(?=[A-Z][a-z]))(?=\S)")
#: Answers an interview needs (module docstring).
_MIN_ANSWERS = 2
#: The paragraphs that may name the interviewee: the headline and the lead.
_LEAD_PARAGRAPHS = 2


def _interviewee(text: str, spans: list[tuple[int, int]], doc: Doc) -> str | None:
    """The first PERSON entity of two words or more in the headline or the lead."""
    end = spans[min(_LEAD_PARAGRAPHS, len(spans)) - 1][1]
    for ent in doc.ents:
        if ent.start_char >= end:
            break
        if ent.label_ == "PERSON" and len(ent.text.split()) >= 2:
            return ent.text.strip()
    return None


def interview_answers(doc_id: str, text: str, doc: Doc | None) -> list[Quote]:
    """One ledger record per answer of a question-and-answer interview (module docstring),
    the words after its label, its speaker the interviewee (``kind="indirect"``, as a
    transcript's turn: the words are the speaker's own, printed without quotation marks;
    ``cue=":"``); [] for an article that is none, or without a parse."""
    spans = paragraphs(text)
    answers: list[tuple[int, int]] = []
    questions = 0
    for s, e in spans:
        lead = len(text[s:e]) - len(text[s:e].lstrip())
        m = _ANSWER.match(text, s + lead, e)
        if m is not None:
            answers.append((m.end(), s + len(text[s:e].rstrip())))
        elif _QUESTION.match(text, s + lead, e):
            questions += 1
    if doc is None or len(answers) < _MIN_ANSWERS or not questions:
        return []
    name = _interviewee(text, spans, doc)
    if name is None:
        return []
    return [
        Quote(speaker=name, quote=text[a:b], doc_id=doc_id, start=a, end=b, cue=":", kind="indirect")
        for a, b in answers
    ]
