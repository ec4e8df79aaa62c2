"""The offline extractive backend (the default): deterministic, no network, no key.

It picks the evidence sentences that answer the question and writes a short answer
from them: the speaker's name (from the quote ledger, else the sentence's own
attribution) and the source's words verbatim, each with its ``[n]`` marker. When the
evidence does not cover the question, it abstains with the fixed sentinel.

The answer step, one module per concern (each imports only from those below it; the
import-linter contract "Extractive backend layers" in pyproject.toml keeps it so):

* ``backend``: :class:`ExtractiveBackend`, the sentence picking per question part and
  the draft it composes;
* ``checks``: the abstention checks, each giving why the articles do not answer;
  ``parts``: multi-part questions (what each part asks for, its own sentences);
  ``corroborate``: other outlets that give the same words or the same answer;
  ``order``: which of the sentences that fit a part goes first;
* ``runs``: showing quotations whole and the sentences that go on from the best one;
* ``speakers``: whose words a sentence gives, the labels shown, whom a part asks about;
* ``wanted``: the specific thing a part asks for and whether a sentence holds it;
* ``common``: :class:`Candidate` and small helpers on sentences and passages.

This package re-exports the names other code and the tests import from it.
"""

from __future__ import annotations

from assistant.answer.backends.extractive.backend import (
    QUOTED_SHARE,
    ExtractiveBackend,
)
from assistant.answer.backends.extractive.checks import (
    _about_another,
    _missing_names,
    _names_a_person,
    _speaker_silent,
    _topic_untouched,
    _weak_fit,
)
from assistant.answer.backends.extractive.common import (
    Candidate,
    _asked_names,
    _joined,
    _overlaps,
    _same_article,
    _same_words,
)
from assistant.answer.backends.extractive.corroborate import (
    _QUOTED,
    _answer_labels,
    _same_answer,
)
from assistant.answer.backends.extractive.order import (
    _restating,
)
from assistant.answer.backends.extractive.parts import (
    _fresh_for_part,
    _own_marked_first,
    _part_asks,
    _part_context,
    _part_holds,
    _part_thing,
    _ranked_by_own_ask,
    _which_terms,
)
from assistant.answer.backends.extractive.runs import (
    _asked_persons_words,
    _persons_other_words,
    _reports_finding,
    _speaker_goes_on,
    _window,
    _words_that_follow,
    whole_quotation,
)
from assistant.answer.backends.extractive.speakers import (
    _PRONOUN_SAID,
    _SPEECH_WORD,
    _bare_quotation,
    _clause_name,
    _ledger_speaker,
    _name_pronoun,
    _named_asked,
    _person_before,
    _pronoun_subject,
    _quoted_one_named,
    _quotes_words,
    _speaker_for,
    _words_of,
    sentence_speaker,
)
from assistant.answer.backends.extractive.wanted import (
    _CURRENCY_NOUNS,
    _has_wanted,
    _passage,
    _specific,
)

__all__ = [
    "Candidate",
    "ExtractiveBackend",
    "QUOTED_SHARE",
    "_CURRENCY_NOUNS",
    "_PRONOUN_SAID",
    "_QUOTED",
    "_SPEECH_WORD",
    "_about_another",
    "_answer_labels",
    "_asked_names",
    "_asked_persons_words",
    "_bare_quotation",
    "_clause_name",
    "_fresh_for_part",
    "_has_wanted",
    "_joined",
    "_ledger_speaker",
    "_missing_names",
    "_name_pronoun",
    "_named_asked",
    "_names_a_person",
    "_overlaps",
    "_own_marked_first",
    "_part_asks",
    "_part_context",
    "_part_holds",
    "_part_thing",
    "_passage",
    "_person_before",
    "_persons_other_words",
    "_pronoun_subject",
    "_quoted_one_named",
    "_quotes_words",
    "_ranked_by_own_ask",
    "_reports_finding",
    "_restating",
    "_same_answer",
    "_same_article",
    "_same_words",
    "_speaker_for",
    "_speaker_goes_on",
    "_speaker_silent",
    "_specific",
    "_topic_untouched",
    "_weak_fit",
    "_which_terms",
    "_window",
    "_words_of",
    "_words_that_follow",
    "sentence_speaker",
    "whole_quotation",
]
