"""Re-extract the quotes of cached contexts with the current ledger code (A/B of a ledger change).

The caches of ``evals/abstain_cv.py`` hold each question's context as ``ask`` built it, with the
stored quotes of the index they were made from; a change to the ledger (``assistant/quotes``)
does not reach them. This writes copies whose quotes are extracted again by the current code
(``prepare`` -> spaCy parse -> ``article_quotes``, kept when they overlap an evidence passage,
as ``ask`` keeps them). Articles carry no metadata here (no published date for relative
dates), so compare a control made the same way with the old code, not the original caches:

    git stash; python evals/requote_cache.py /tmp/x/control /tmp/c13b/*.pkl; git stash pop
    python evals/requote_cache.py /tmp/x/treat /tmp/c13b/*.pkl
    python evals/abstain_cv.py score /tmp/x/control/*.pkl --dump /tmp/x/d_control
    python evals/abstain_cv.py score /tmp/x/treat/*.pkl --dump /tmp/x/d_treat

With ``--speakers``, each context's asked speaker is also resolved again on the ledger of
every article the caches hold (``ask`` resolves it on the index's ledger): a ledger change
that renames a person reaches the ranker's ``spoken_by`` too.

Parses are kept under ``$REQUOTE_PARSE_CACHE`` (default ``/tmp/requote_parse``) by text hash.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from assistant.ingest.ledger_index import article_quotes
from assistant.ingest.loaders import RawDoc
from assistant.ingest.pipeline import prepare
from assistant.nlp.entities import doc_entities
from assistant.nlp.parse import load, parse
from assistant.nlp.questions import asked_speaker, resolve_speaker
from assistant.quotes.ledger import build_ledger
from assistant.types import Quote

_MEMO: dict[str, list[Quote]] = {}


def quotes_of(doc_id: str, text: str, cache: Path) -> list[Quote]:
    """The quotes of one article as ingest extracts them with the current code."""
    from spacy.tokens import DocBin

    key = hashlib.sha256((doc_id + text).encode()).hexdigest()[:20]
    if key not in _MEMO:
        path = cache / f"{key}.spacy"
        if path.exists():
            doc = next(iter(DocBin().from_disk(path).get_docs(load().vocab)))
        else:
            doc = next(iter(parse([text])))
            DocBin(store_user_data=False, docs=[doc]).to_disk(path)
        article = prepare(RawDoc(doc_id, text))
        article.entities = doc_entities(doc)
        _MEMO[key] = article_quotes(article, doc)
    return _MEMO[key]


def requote(rows: list[tuple[dict[str, Any], Any, dict[str, str]]], cache: Path) -> list[Any]:
    out = []
    for gold, ctx, texts in rows:
        spans: dict[str, list[tuple[int, int]]] = {}
        for e in ctx.evidence:
            spans.setdefault(e.doc_id, []).append((e.start, e.end))
        quotes = [
            q
            for d in sorted(spans)
            if d in texts
            for q in quotes_of(d, texts[d], cache)
            if any(q.start < b and a < q.end for a, b in spans[d])
        ]
        out.append((gold, ctx.model_copy(update={"quotes": quotes}), texts))
    return out


def respeak(rows: list[Any], ledger: Any) -> list[Any]:
    """Each context's asked speaker (``Context.speaker``/``speaker_aliases``, which the
    ranker's ``spoken_by`` and the answer's speaker checks read) resolved again, as ``ask``
    does, on ``ledger``: a ledger change can rename the asked person ("Now" -> "Larry King")."""
    out = []
    for gold, ctx, texts in rows:
        asked = asked_speaker(ctx.question)
        sp = resolve_speaker(asked, ledger) if asked is not None and asked.named else None
        if ctx.speaker is not None or sp is not None:
            ctx = ctx.model_copy(
                update={
                    "speaker": sp.name if sp is not None else None,
                    "speaker_aliases": list(sp.aliases) if sp is not None else [],
                }
            )
        out.append((gold, ctx, texts))
    return out


def main(argv: list[str]) -> int:
    speakers = "--speakers" in argv  # also resolve each asked speaker on the re-extracted quotes
    argv = [a for a in argv if a != "--speakers"]
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    cache = Path(os.environ.get("REQUOTE_PARSE_CACHE", "/tmp/requote_parse"))
    cache.mkdir(parents=True, exist_ok=True)
    done: dict[str, list[Any]] = {}
    for f in argv[1:]:
        with open(f, "rb") as fh:
            rows = pickle.load(fh)  # abstain_cv's own cache file
        done[f] = requote(rows, cache)
    if speakers:  # the ledger of every article the caches hold (the index's, on these articles)
        texts = {d: t for rows in done.values() for _, _, ts in rows for d, t in ts.items()}
        ledger = build_ledger(q for d in sorted(texts) for q in quotes_of(d, texts[d], cache))
        done = {f: respeak(rows, ledger) for f, rows in done.items()}
    for f, rows in done.items():
        with open(out / Path(f).name, "wb") as fh:
            pickle.dump(rows, fh)
        print(f"{f}: {len(rows)} contexts -> {out / Path(f).name}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
