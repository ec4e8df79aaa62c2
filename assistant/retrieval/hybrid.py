"""Hybrid retrieval: dense (the Chroma store, queried directly) + lexical (bm25s), weighted fusion.

Equal-weight reciprocal-rank fusion is known to hurt paraphrased who-said questions, so
scores are fused instead of ranks: min-max normalised cosine (``dense_weight``, 0.6) plus
BM25 relative to the best BM25 hit (``lexical_weight``, 0.4), so a rare exact term counts
by its strength and a weak lexical match cannot outvote a strong paraphrase. Quoted
phrases and names from the question (weighted by their IDF) earn explicit boosts. The
weights live in :class:`assistant.settings.RetrievalSettings`.

Dense candidates come from an exact cosine over the committed chunks' stored vectors,
kept with the lexical index (one matrix per write generation, memory-mapped): at 1k
articles (~20k chunks) the product takes about a millisecond where Chroma's HNSW query
took 20-60 ms, it sees exactly the committed chunks BM25 sees, and every lexical-only
candidate's cosine comes from the same product. A lexical index written without
vectors (an index from before they were kept) falls back to Chroma's query.
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
        ids, texts, metas, vectors = self.store.all_chunks_with_vectors()
        keep = [i for i, m in enumerate(metas) if hashes.get(m.get("doc_id", "")) == m.get("content_hash")]
        order = sorted(keep, key=lambda i: (metas[i]["doc_id"], metas[i].get("position", 0)))
        generation = self.store.generation()
        lex = LexicalIndex.build(
            [ids[i] for i in order],
            [texts[i] for i in order],
            [metas[i] | {"content_hash": metas[i].get("content_hash")} for i in order],
            fp,
        )
        lex.vectors = vectors[order] if order else None  # no chunks: Chroma answers "none"
        lex.set_texts([texts[i] for i in order])
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
        self,
        query: str,
        k: int = 8,
        filters: Filters | None = None,
        qvec: np.ndarray | None = None,
        nearest: int = 0,
    ) -> list[SearchHit]:
        """Fuse dense and BM25 candidates by normalised score, then add small boosts.

        Every candidate gets both scores (a lexical-only one its cosine from the same
        product, or from its stored vector when the index keeps no vectors), so the
        fusion never compares a score with a missing one. ``qvec`` is
        :meth:`embed_query` of ``query`` when the caller already has it. ``nearest``: the
        fused ``k`` are followed by those of the ``nearest`` candidates nearest by cosine
        alone that the fusion left out (so up to ``k + nearest`` hits; none displaced).
        """
        filters = filters or Filters()
        lex = self.lexical()
        if qvec is None:
            qvec = self.embed_query(query)
        allowed = (
            lex.mask(filters.since, filters.until, filters.outlet, filters.doc_ids)
            if filters.active()
            else None
        )
        sims: np.ndarray | None = None  # the cosine of every committed chunk, when kept
        if lex.vectors is not None:
            sims = np.asarray(lex.vectors @ np.asarray(qvec, dtype=np.float32))
            cands = self._dense_exact(lex, sims, allowed)
        else:
            cands = self._dense_chroma(lex, qvec, filters)
        for pos, score in lex.search(query, self.tuning.pool, allowed):
            cid = lex.ids[pos]
            entry = cands.setdefault(
                cid,
                {
                    "text": None,
                    "meta": lex.metas[pos],
                    "dense": None if sims is None else float(sims[pos]),
                    "lexical": 0.0,
                    "pos": pos,
                },
            )
            entry["lexical"] = score
        missing = [cid for cid, c in cands.items() if c["dense"] is None]
        for cid, vec in self.store.chunk_vectors(missing).items():
            cands[cid]["dense"] = float(np.dot(vec, qvec))
        self._fill_texts(lex, cands)
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
        kept = self._keep_dense(best, cands, k)
        return [_hit(c) for c in kept + _nearest_left_out(kept, cands, nearest)]

    def _keep_dense(
        self, best: list[dict[str, Any]], cands: dict[str, dict[str, Any]], k: int
    ) -> list[dict[str, Any]]:
        """``best`` with the ``dense_keep`` nearest candidates by cosine alone in it: each
        one the fusion left out takes the place of the lowest-fused passage (the order
        stays the fused one). A paraphrase the question's words and name boosts outvote is
        still read, and the fused top ``k - dense_keep`` is never displaced."""
        keep = self.tuning.dense_keep
        if keep <= 0 or k <= keep or len(best) < k:
            return best
        taken = {c["norm"] for c in best}
        nearest: list[dict[str, Any]] = []
        seen: set[str] = set()
        for c in sorted(cands.values(), key=lambda c: -(c["dense"] or 0.0)):
            if c["norm"] in seen:
                continue
            seen.add(c["norm"])
            nearest.append(c)
            if len(nearest) >= keep:
                break
        missing = [c for c in nearest if c["norm"] not in taken]
        if not missing:
            return best
        out = best[: k - len(missing)] + missing
        return sorted(out, key=lambda c: -c["score"])

    def _dense_exact(
        self, lex: LexicalIndex, sims: np.ndarray, allowed: np.ndarray | None
    ) -> dict[str, dict[str, Any]]:
        """The ``pool`` committed chunks (passing ``allowed``) nearest the query, best
        first, ties in index order: exact cosine over the lexical index's vectors."""
        if allowed is not None:
            sims = np.where(allowed, sims, -np.inf)
            n = int(np.count_nonzero(allowed))
        else:
            n = len(sims)
        k = min(self.tuning.pool, n)
        if k <= 0:
            return {}
        top = np.sort(np.argpartition(-sims, k - 1)[:k])
        top = top[np.argsort(-sims[top], kind="stable")]
        return {
            lex.ids[pos]: {
                "text": None,
                "meta": lex.metas[pos],
                "dense": float(sims[pos]),
                "lexical": 0.0,
                "pos": pos,
            }
            for pos in top.tolist()
        }

    def _dense_chroma(
        self, lex: LexicalIndex, qvec: np.ndarray, filters: Filters
    ) -> dict[str, dict[str, Any]]:
        """Dense candidates from Chroma's own query (a lexical index without vectors)."""
        committed = lex.committed
        total = self._counts[1] if self._counts is not None else None
        cands: dict[str, dict[str, Any]] = {}
        for cid, text, meta, cos in self.store.dense_query(qvec, self.tuning.pool, filters, total=total):
            doc_id = meta.get("doc_id")
            if doc_id is None or committed.get(doc_id) != meta.get("content_hash"):
                # a chunk of an uncommitted write, or one a concurrent writer deleted
                # between the vector search and the metadata read (no metadata left)
                continue
            cands[cid] = {"text": text, "meta": meta, "dense": cos, "lexical": 0.0}
        return cands

    def _fill_texts(self, lex: LexicalIndex, cands: dict[str, dict[str, Any]]) -> None:
        """Candidates without text (found by BM25 or by the exact dense product) get
        their chunk's stored text, which is the article's text at the chunk's offsets."""
        for c in cands.values():
            if c["text"] is None and "pos" in c:
                c["text"] = lex.text(c["pos"])
        missing = [cid for cid, c in cands.items() if c["text"] is None]
        if not missing:
            return
        texts = self.store.chunk_texts(missing)
        for cid in missing:
            cands[cid]["text"] = texts.get(cid, "")


def _nearest_left_out(
    kept: list[dict[str, Any]], cands: dict[str, dict[str, Any]], n: int
) -> list[dict[str, Any]]:
    """Those of the ``n`` candidates nearest by cosine alone (a syndicated copy counted
    once) that ``kept`` does not hold, nearest first. The fusion's name and word weights
    outvote a paraphrase e5 puts near the top when the question shares few of its words
    (evals/README, context20: the fact's chunk at cosine rank 2-5, fused 12-32)."""
    if n <= 0:
        return []
    taken = {c["norm"] for c in kept}
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for c in sorted(cands.values(), key=lambda c: -(c["dense"] or 0.0)):
        if c["norm"] in seen:
            continue
        seen.add(c["norm"])
        if c["norm"] not in taken:
            out.append(c)
        if len(seen) >= n:
            break
    return out


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
