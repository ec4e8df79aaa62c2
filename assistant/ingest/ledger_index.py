"""The quote ledger in the index: per-article extraction at index time, and the
cross-article :class:`~assistant.quotes.Ledger` cached beside the store.

Quotes are stored in Chroma's ``quotes`` collection, each embedded with the vector of the
chunk that holds it (no second embedding pass). Speaker identity and corroboration need
every quote at once, so the merged ledger is built after an index run and cached as JSON
with the store's write generation (:meth:`Store.generation`); a reader that finds another
generation rebuilds it.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.ingest.metadata import dateline_span
from assistant.nlp.timex import statement_date
from assistant.quotes import Ledger, build_ledger, extract_quotes
from assistant.settings import QuotesSettings
from assistant.types import Article, Chunk, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc


def parse_text(article: Article) -> str:
    """``article.text`` as spaCy is to parse it: :func:`blanked` by its furniture."""
    return blanked(article.text, [(s.start, s.end) for s in article.furniture])


def blanked(text: str, furniture: Sequence[tuple[int, int]]) -> str:
    """``text`` with its ``furniture`` (captions, notices, header lines) and an opening
    dateline ("Washington (Rajeev Sharma):") blanked, each character but a line break turned
    to a space, so every offset of a parse of it is the text's.

    Parsed in place, a caption's last words ran into the next paragraph's sentence ("... Photo:
    The Canadian PressPhoto: The Canadian Press" + "Poilievre is offering ...": the parser's
    subject of "offering" was "PressPhoto", and the ledger's speaker with it), and a dateline's
    place became the subject of the lead's "said" (the speaker "Washington"). Neither is the
    article's prose; the quote rules already skip furniture."""
    spans = list(furniture)
    opening = dateline_span(text)
    if opening is not None:
        spans.append(opening)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, min(end, len(chars))):
            if chars[i] not in "\n\r":
                chars[i] = " "
    return "".join(chars)


def article_quotes(
    article: Article, doc: Doc | None = None, tuning: QuotesSettings | None = None
) -> list[Quote]:
    """Every quote of one article, with the date its words were said when the text gives it.

    ``doc`` is spaCy's parse of :func:`parse_text`; without it the rules alone attribute.
    ``tuning``: :func:`~assistant.quotes.extract_quotes`'s."""
    quotes = extract_quotes(article.doc_id, article.text, skip=article.furniture, doc=doc, tuning=tuning)
    published = article.meta.published
    for q in quotes:
        when = statement_date(article.text, q.start, q.end, published)
        if when is not None:
            q.date_text = when.text
            q.date = when.date
    return quotes


def quote_vectors(
    quotes: Sequence[Quote], chunks: Sequence[Chunk], vectors: np.ndarray, fallback: np.ndarray
) -> list[np.ndarray]:
    """The vector of the chunk that overlaps each quote most (the article's mean otherwise)."""
    out = []
    for q in quotes:
        best, overlap = -1, 0
        for i, c in enumerate(chunks):
            ov = min(q.end, c.end) - max(q.start, c.start)
            if ov > overlap:
                best, overlap = i, ov
        out.append(vectors[best] if best >= 0 else fallback)
    return out


def save_ledger(ledger: Ledger, path: Path, generation: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".ledger-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"generation": generation, "ledger": ledger.to_json()}, fh)
    os.replace(tmp, path)


def load_ledger(path: Path, generation: str) -> Ledger | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("generation") != generation:
        return None
    return Ledger.from_json(data["ledger"])


def build(quotes: Sequence[Quote]) -> Ledger:
    return build_ledger(quotes)
