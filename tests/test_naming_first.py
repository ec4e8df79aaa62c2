"""A one-part question asking what someone called a thing ("What nickname did Quill give the
primary?") is answered by the sentence that names it in quotation marks after a naming verb
("Quill calls it the “big prize”"), above a sentence that scores higher but tells only her
plans about the thing; a passive "is called" and "called for" name nothing."""

from __future__ import annotations

from assistant.answer.backends.extractive.order import _CALLING_ASKED, _NAMES_BY_QUOTE, _naming_first
from assistant.answer.ranker import Scored
from assistant.types import Span


def _c(text: str, prob: float) -> Scored:
    return Scored(
        n=1, span=Span(start=0, end=len(text)), text=text, features={}, coverage=0.0, kinds=set(), prob=prob
    )


def test_what_someone_called_a_thing_is_asked() -> None:
    assert _CALLING_ASKED.search("What nickname did Dana Quill give the harbor primary?")
    assert _CALLING_ASKED.search("What did Quill call the ferry plan?")
    assert _CALLING_ASKED.search("How did Quill label Marsh at the debate?")
    assert not _CALLING_ASKED.search("What did Quill say about the ferry plan?")


def test_a_quoted_name_after_a_naming_verb_names_the_thing() -> None:
    assert _NAMES_BY_QUOTE.search("Dana Quill calls it the “big prize.”")
    assert _NAMES_BY_QUOTE.search("Quill labeled Marsh a “committed isolationist.”")
    assert not _NAMES_BY_QUOTE.search("The vote is what is called a “debate” in town.")
    assert not _NAMES_BY_QUOTE.search("Quill called for a “full review” of the fares.")
    # a name given by the copula ("saying he is a “bully”"), not an adjective ("is “wrong”")
    assert _NAMES_BY_QUOTE.search("Quill said Marsh's plan is wrong and he is a “bully.”")
    assert not _NAMES_BY_QUOTE.search("Quill said Marsh's plan is “dangerously wrong.”")


def test_the_naming_sentence_goes_first_for_a_one_part_question() -> None:
    plans = _c(
        "Quill's aides said she would spend all her time in the harbor district until the primary.", 0.54
    )
    named = _c("Dana Quill calls it the “big prize.”", 0.47)
    low = _c("Marsh calls it “a sideshow.”", 0.10)
    part = "What nickname did Dana Quill give the harbor primary?"
    assert _naming_first([plans, named, low], part, 0.32, True)[0] is named
    # a part of a multi-part question keeps its order; under the threshold nothing moves
    assert _naming_first([plans, named], part, 0.32, False)[0] is plans
    assert _naming_first([plans, low], part, 0.32, True)[0] is plans
    assert _naming_first([plans, named], "What did Quill say about the primary?", 0.32, True)[0] is plans
