"""A "what did X say" question about an organisation whose spokesperson the ledger names, and
a quoted word in the question that the near-miss contrast check must not read as a modifier.

When the question asks what a company said, the quote ledger often names the person who
speaks for it ("Dana Ruiz, a spokeswoman for Vantor Mining, said ..."), and the context's
asked speaker becomes that person. The company's own words ("Vantor Mining argued in its
letter ...", "the company wrote ...") are then not another speaker's. A question asking about
a person keeps the check as it was: "the police" said is another's words. Invented text;
passages built by hand with the entities and ledger entries set by the test.
"""

from __future__ import annotations

from assistant.answer.asked import contrasted
from assistant.answer.backends.extractive.speakers import _said_by_another
from assistant.answer.ranker import Scored
from assistant.types import Context, Evidence, Quote
from tests.contexts import lines_passage, quote

TEXT = (
    "Dana Ruiz, a spokeswoman for Vantor Mining, said the audit was overdue.\n"
    "Late last month, the company wrote a letter calling the survey ''careless and slanted.''\n"
    "Vantor Mining argued in its letter that the survey's funders were ''openly hostile to mining.''\n"
    "''The survey stands,'' said Tom Ashe, the surveyor.\n"
)
SPEAKERS = {
    "Dana Ruiz, a spokeswoman for Vantor Mining, said the audit was overdue.": "Dana Ruiz",
    "calling the survey ''careless and slanted.''": "company",
    "that the survey's funders were ''openly hostile to mining.''": "Vantor Mining",
    "''The survey stands,''": "Tom Ashe",
}


def _context(question: str, speaker: str) -> tuple[Context, Evidence]:
    ev = lines_passage("d", TEXT, 0, ["Dana Ruiz", "Tom Ashe"])
    at = TEXT.index("Vantor Mining")
    ev.entities.append((at, at + len("Vantor Mining"), "ORG"))
    quotes: list[Quote] = [quote("d", TEXT, words, who) for words, who in SPEAKERS.items()]
    return Context(question=question, evidence=[ev], quotes=quotes, speaker=speaker), ev


def _sentence(ev: Evidence, k: int) -> Scored:
    sp = ev.sentences[k]
    return Scored(n=1, span=sp, text=ev.at(sp.start, sp.end), features={}, prob=0.9, kinds=set())


def test_the_companys_own_words_are_not_another_speakers() -> None:
    question = "What did Vantor say about the survey's funders?"
    ctx, ev = _context(question, "Dana Ruiz")
    company, named, other = _sentence(ev, 1), _sentence(ev, 2), _sentence(ev, 3)
    assert not _said_by_another(company, ctx, "Dana Ruiz", question)  # "the company wrote"
    assert not _said_by_another(named, ctx, "Dana Ruiz", question)  # names Vantor
    assert _said_by_another(other, ctx, "Dana Ruiz", question)  # the surveyor's words
    # without the question's own words the check reads only the spokeswoman's name (as before)
    assert _said_by_another(named, ctx, "Dana Ruiz")
    assert _said_by_another(company, ctx, "Dana Ruiz")


def test_a_person_asked_keeps_a_common_nouns_words_as_anothers() -> None:
    question = "What did Ruiz say about the survey?"
    ctx, ev = _context(question, "Dana Ruiz")
    assert _said_by_another(_sentence(ev, 1), ctx, "Dana Ruiz", question)  # "the company" is not Ruiz
    assert not _said_by_another(_sentence(ev, 0), ctx, "Dana Ruiz", question)


def test_a_quoted_word_in_the_question_is_not_a_modified_noun() -> None:
    sentence = "During the 1998 race, Mara Quill, a close aide, coined the term ''ballot fatigue'' for it."
    question = "Which aide came up with the phrase 'ballot fatigue' in the 1998 race?"
    assert contrasted(question, sentence) is None
    assert contrasted('Which aide came up with the phrase "ballot fatigue"?', sentence) is None
    # an unquoted noun phrase is still contrasted with another modifier
    assert contrasted("Who won the deputy-mayoral debate?", "She won the mayoral debate easily.") == (
        "deputy-mayoral debate",
        "mayoral debate",
    )
