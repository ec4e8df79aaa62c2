"""Hybrid retrieval: dense (the Chroma store, queried directly) + lexical (bm25s), weighted fusion.

Equal-weight reciprocal-rank fusion is known to hurt paraphrased who-said questions, so
scores are fused instead of ranks: min-max normalised cosine (``dense_weight``, 0.6) plus
BM25 relative to the best BM25 hit (``lexical_weight``, 0.4), so a rare exact term counts
by its strength and a weak lexical match cannot outvote a strong paraphrase. Quoted
phrases and names from the question (weighted by their IDF) earn explicit boosts. The
weights live in :class:`assistant.settings.RetrievalSettings`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from assistant.engines.embeddings import Embedder
from assistant.engines.lexical import LexicalIndex, fingerprint
from assistant.engines.store import Filters, Store
from assistant.nlp.questions import question_names, quoted_phrases
from assistant.nlp.text import normalise
from assistant.settings import RetrievalSettings
from assistant.types import SearchHit


class Retriever:
    def __init__(
        self, store: Store, embedder: Embedder, lexical_dir: Path, tuning: RetrievalSettings | None = None
    ):
        self.store = store
        self.tuning = tuning or RetrievalSettings()
        self.embedder = embedder
        self.lexical_dir = lexical_dir
        self._lexical: LexicalIndex | None = None
        self._counts: tuple[int, int] | None = None
        self._generation: str | None = None

    # -- lexical index lifecycle ---------------------------------------------------------
    def lexical(self) -> LexicalIndex:
        # The store's generation moves on every write a reader can see, so an unchanged
        # token means the committed state is the one this index was built from; an index
        # written before generations falls back to comparing the collections' sizes.
        generation = self.store.generation()
        if self._lexical is not None and generation is not None and generation == self._generation:
            return self._lexical
        counts = (self.store.count_articles(), self.store.count_chunks())
        if self._lexical is not None and generation is None and counts == self._counts:
            return self._lexical
        lex = LexicalIndex.load(self.lexical_dir)
        if lex is None or generation is None or lex.generation != generation:
            hashes = self.store.article_hashes()
            fp = fingerprint(hashes)
            if lex is None or lex.fingerprint != fp:
                lex = self.rebuild_lexical(hashes, fp)
        self._lexical, self._counts, self._generation = lex, counts, generation
        return lex

    def rebuild_lexical(self, hashes: dict[str, str] | None = None, fp: str | None = None) -> LexicalIndex:
        hashes = self.store.article_hashes() if hashes is None else hashes
        fp = fingerprint(hashes) if fp is None else fp
        ids, texts, metas = self.store.all_chunks()
        keep = [i for i, m in enumerate(metas) if hashes.get(m.get("doc_id", "")) == m.get("content_hash")]
        order = sorted(keep, key=lambda i: (metas[i]["doc_id"], metas[i].get("position", 0)))
        generation = self.store.generation()
        lex = LexicalIndex.build(
            [ids[i] for i in order],
            [texts[i] for i in order],
            [metas[i] | {"content_hash": metas[i].get("content_hash")} for i in order],
            fp,
        )
        lex.generation = generation
        try:
            lex.save(self.lexical_dir)
        except OSError:
            pass  # a read-only index still answers; the index is rebuilt in memory
        self._lexical, self._generation = lex, generation
        self._counts = (self.store.count_articles(), self.store.count_chunks())
        return lex

    # -- search --------------------------------------------------------------------------
    def embed_query(self, query: str) -> np.ndarray:
        """The query vector :meth:`search` uses for ``query`` (pass it back as ``qvec``
        when the same text is searched more than once in one question)."""
        vec: np.ndarray = self.embedder.embed_queries([query])[0]
        return vec

    def search(
        self, query: str, k: int = 8, filters: Filters | None = None, qvec: np.ndarray | None = None
    ) -> list[SearchHit]:
        """Fuse dense and BM25 candidates by normalised score, then add small boosts.

        Every candidate gets both scores: lexical-only ones have their stored vectors
        fetched, so the fusion never compares a score with a missing one. ``qvec`` is
        :meth:`embed_query` of ``query`` when the caller already has it.
        """
        filters = filters or Filters()
        lex = self.lexical()
        committed = lex.committed
        if qvec is None:
            qvec = self.embed_query(query)
        total = self._counts[1] if self._counts is not None else None
        dense = self.store.dense_query(qvec, self.tuning.pool, filters, total=total)

        cands: dict[str, dict[str, Any]] = {}
        for cid, text, meta, cos in dense:
            doc_id = meta.get("doc_id")
            if doc_id is None or committed.get(doc_id) != meta.get("content_hash"):
                # a chunk of an uncommitted write, or one a concurrent writer deleted
                # between the vector search and the metadata read (no metadata left)
                continue
            cands[cid] = {"text": text, "meta": meta, "dense": cos, "lexical": 0.0}
        allowed = (
            lex.mask(filters.since, filters.until, filters.outlet, filters.doc_ids)
            if filters.active()
            else None
        )
        for pos, score in lex.search(query, self.tuning.pool, allowed):
            cid = lex.ids[pos]
            entry = cands.setdefault(
                cid, {"text": None, "meta": lex.metas[pos], "dense": None, "lexical": 0.0}
            )
            entry["lexical"] = score
        missing = [cid for cid, c in cands.items() if c["dense"] is None]
        for cid, vec in self.store.chunk_vectors(missing).items():
            cands[cid]["dense"] = float(np.dot(vec, qvec))
        self._fill_texts(cands)
        if not cands:
            return []

        dmax = max(c["dense"] or 0.0 for c in cands.values())
        dmin = min(c["dense"] or 0.0 for c in cands.values())
        lmax = max(c["lexical"] for c in cands.values()) or 1.0
        t = self.tuning
        phrases = [normalise(p) for p in quoted_phrases(query)]
        names = [(n.lower(), lex.idf(n.lower())) for n in question_names(query)]
        top_idf = max((w for _, w in names), default=1.0) or 1.0
        for c in cands.values():
            dn = ((c["dense"] or dmin) - dmin) / (dmax - dmin) if dmax > dmin else 1.0
            c["score"] = t.dense_weight * dn + t.lexical_weight * c["lexical"] / lmax
            low = c["norm"] = normalise(c["text"] or "")
            c["score"] += t.phrase_boost * sum(1 for p in phrases if p and p in low)
            c["score"] += t.name_boost * sum(w / top_idf for n, w in names if n in low)
        best: list[dict[str, Any]] = []
        seen_text: set[str] = set()
        for c in sorted(cands.values(), key=lambda c: -c["score"]):
            key = c["norm"]
            if key in seen_text:
                continue  # the same words in a syndicated copy: counted once
            seen_text.add(key)
            best.append(c)
            if len(best) >= k:
                break
        return [_hit(c) for c in best]

    def _fill_texts(self, cands: dict[str, dict[str, Any]]) -> None:
        """Lexical-only candidates carry offsets; cut their text from the article."""
        missing = {c["meta"]["doc_id"] for c in cands.values() if c["text"] is None}
        if not missing:
            return
        texts = self.store.article_texts(sorted(missing))
        for c in cands.values():
            if c["text"] is None:
                text = texts.get(c["meta"]["doc_id"])
                c["text"] = text[c["meta"]["start"] : c["meta"]["end"]] if text is not None else ""


def _hit(c: dict[str, Any]) -> SearchHit:
    m = c["meta"]
    return SearchHit(
        doc_id=m["doc_id"],
        start=int(m["start"]),
        end=int(m["end"]),
        text=c["text"],
        title=m.get("title") or None,
        outlet=m.get("outlet") or None,
        published=m.get("published"),
        score=float(c["score"]),
        dense=c.get("dense"),
        lexical=c.get("lexical"),
    )
