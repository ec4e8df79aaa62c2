"""Who said what: quote extraction, speaker attribution, a cross-article ledger, a scorer.

Pure Python and rules only (no model, no network); storage and CLI wiring live elsewhere.

* :func:`extract_quotes` - direct quotes and reported speech of one article, with offsets.
* :func:`build_ledger` / :class:`Ledger` / :class:`Speaker` - merged speakers, corroboration,
  ``find_speaker``, ``by_speaker``, ``who_said``, ``check_attribution`` (topic search of
  quotes is the service's, on the bm25s engine).
* :func:`score_quotes` - attribution precision / recall against a gold JSONL file.
"""

from assistant.quotes.extract import extract_quotes
from assistant.quotes.ledger import Ledger, build_ledger
from assistant.quotes.score import score_quotes
from assistant.types import Speaker

__all__ = ["Ledger", "Speaker", "build_ledger", "extract_quotes", "score_quotes"]
