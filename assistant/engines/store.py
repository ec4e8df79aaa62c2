"""The Chroma store: the only module that imports ``chromadb``.

Three collections live in one Chroma database:

* ``chunks``   - sentence windows with their embeddings, written through llama-index's
  ``ChromaVectorStore``; metadata carries doc id, offsets, title, outlet, ``published``
  as an epoch int (Chroma range filters need numbers) and the article's content hash.
* ``articles`` - one record per article: its text exactly as stored, metadata, sentence
  offsets. Its record is written *last* and is the commit marker: a chunk counts only
  when an article record with the same content hash exists, so a run killed half way
  leaves the previous consistent state visible.
* ``quotes``   - the quote ledger (one record per quote, embedded).

The store owns Chroma's conventions: callers pass a typed :class:`Filters` (never a
``where`` dict with ``$gte``/``$in``) and get ``published`` / ``date`` back as
:class:`datetime.date` values; the epoch ints Chroma's range filters need never leave
this module.

The embedder's name and dimension are recorded on the ``chunks`` collection; opening an
index with another embedder is an :class:`EmbedderMismatchError`.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import AssistantError, EmbedderMismatchError, IndexMissingError
from assistant.types import Article, ArticleMeta, Chunk, Quote, Sentence, Span

CHUNKS, ARTICLES, QUOTES = "chunks", "articles", "quotes"
_SPACE = {"hnsw:space": "cosine"}


def _to_epoch(d: date) -> int:
    return int(datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp())


def _from_epoch(v: Any) -> date | None:
    if isinstance(v, int | float) and v > 0:
        return datetime.fromtimestamp(v, tz=UTC).date()
    return None


@dataclass
class Filters:
    """Which chunks a search may return: a publication-date range, an outlet, articles."""

    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    doc_ids: list[str] | None = None

    def active(self) -> bool:
        return bool(self.since or self.until or self.outlet or self.doc_ids is not None)

    def allows(self, meta: dict[str, Any]) -> bool:
        """Whether chunk metadata as this store returns it (``published`` a date) passes."""
        pub = meta.get("published")
        if self.since and not (isinstance(pub, date) and pub >= self.since):
            return False
        if self.until and not (isinstance(pub, date) and pub <= self.until):
            return False
        if self.outlet and meta.get("outlet") != self.outlet:
            return False
        return not (self.doc_ids is not None and meta.get("doc_id") not in self.doc_ids)


def _where(filters: Filters | None) -> dict[str, Any] | None:
    """The Chroma ``where`` clause of ``filters`` (None when nothing is filtered)."""
    if filters is None:
        return None
    clauses: list[dict[str, Any]] = []
    if filters.since:
        clauses.append({"published": {"$gte": _to_epoch(filters.since)}})
    if filters.until:
        clauses.append({"published": {"$lte": _to_epoch(filters.until)}})
    if filters.outlet:
        clauses.append({"outlet": {"$eq": filters.outlet}})
    if filters.doc_ids is not None:
        clauses.append({"doc_id": {"$in": list(filters.doc_ids)}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _decoded(meta: dict[str, Any] | None) -> dict[str, Any]:
    """Metadata as callers see it: ``published`` a date (absent when unknown)."""
    out = dict(meta or {})
    if "published" in out:
        day = _from_epoch(out.pop("published"))
        if day is not None:
            out["published"] = day
    return out


def _client(path: Path | None, url: str | None) -> Any:
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    if url:
        from urllib.parse import urlparse

        import httpx
        from chromadb.errors import ChromaError

        u = urlparse(url)
        if not u.hostname:
            raise AssistantError(f"Bad Chroma URL {url!r}: expected http://host:port")
        try:
            return chromadb.HttpClient(
                host=u.hostname,
                port=u.port or (443 if u.scheme == "https" else 8000),
                ssl=u.scheme == "https",
                settings=settings,
            )
        except (ValueError, ChromaError, httpx.HTTPError) as exc:  # refused, bad handshake, no tenant
            raise AssistantError(
                f"Cannot reach the Chroma server at {url} ({type(exc).__name__}); "
                "start it with `chroma run --path DIR` or drop --chroma-url."
            ) from None
    assert path is not None
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path / "chroma"), settings=settings)


class Store:
    """Reads and writes the three collections; knows nothing about ranking."""

    def __init__(self, index_dir: Path, chroma_url: str | None = None, create: bool = False):
        self.index_dir = Path(index_dir)
        self.chroma_url = chroma_url
        if not chroma_url and not create and not (self.index_dir / "chroma").exists():
            raise IndexMissingError(f"No index at {self.index_dir}: run `assistant index` first.")
        self.client = _client(self.index_dir, chroma_url)
        self._cols: dict[str, Any] = {}
        self._vector_store: Any = None
        self._pin = threading.local()  # .value: this thread's pinned generation (see below)

    # -- collections -------------------------------------------------------------------
    def _col(self, name: str) -> Any:
        if name not in self._cols:
            self._cols[name] = self.client.get_or_create_collection(
                name, metadata=dict(_SPACE), embedding_function=None
            )
        return self._cols[name]

    @property
    def vector_store(self) -> Any:
        """llama-index's ``ChromaVectorStore`` over the ``chunks`` collection."""
        if self._vector_store is None:
            from llama_index.vector_stores.chroma import ChromaVectorStore

            self._vector_store = ChromaVectorStore(chroma_collection=self._col(CHUNKS))
        return self._vector_store

    def _read_all(self, col: Any, **kw: Any) -> dict[str, list[Any]]:
        """:func:`_get_all`, and when Chroma fails inside a read while another process
        holds the writer lock (the embedded store read mid-commit: "Error finding id"), the
        busy message naming that writer (:class:`IndexBusyError`) instead of Chroma's
        traceback; the read is made once more if the writer finished meanwhile. Any other
        Chroma failure is raised as it is."""
        from chromadb.errors import InternalError

        try:
            return _get_all(col, **kw)
        except InternalError:
            if self.chroma_url or not _written_by_another(self.index_dir):
                raise
            from assistant.engines.locking import writer_lock

            with writer_lock(self.index_dir):  # IndexBusyError while the writer holds it
                pass
            return _get_all(col, **kw)

    # -- write generation ---------------------------------------------------------------
    def generation(self) -> str | None:
        """A token that changes on every write readers can see (kept on the articles
        collection): a write run's start, each batch of article commits, each withdrawal,
        each duplicate mark.

        Caches built from the committed state (the lexical index, the ledger) record the
        token they were built under; a reader whose token matches skips re-deriving the
        committed state, which at 10k articles costs a second per cold start.
        """
        if hasattr(self._pin, "value"):
            pinned: str | None = self._pin.value
            return pinned
        return self._read_generation()

    @contextlib.contextmanager
    def pinned_generation(self) -> Iterator[str | None]:
        """Read the generation once for a block: inside it (in this thread),
        :meth:`generation` returns that token instead of asking Chroma again.

        One question checks the lexical index, the ledger and the quote cache against
        the generation, half a dozen collection reads per ``ask``; pinned, they are
        one. The token is read *before* anything the block reads from the store, so a
        cache built inside the block under a concurrent write carries the older token
        and is rebuilt on the next question, never trusted past a write. Nested blocks
        keep the outer token; :meth:`new_generation` inside a block moves it.
        """
        if hasattr(self._pin, "value"):
            yield self._pin.value
            return
        self._pin.value = self._read_generation()
        try:
            yield self._pin.value
        finally:
            del self._pin.value

    def _read_generation(self) -> str | None:
        from chromadb.errors import NotFoundError

        try:
            meta = self.client.get_collection(ARTICLES).metadata or {}
        except NotFoundError:  # no collection yet
            return None
        value = meta.get("generation")
        return str(value) if value else None

    def new_generation(self) -> str:
        import uuid

        token = uuid.uuid4().hex
        col = self._col(ARTICLES)
        meta = {k: v for k, v in dict(col.metadata or {}).items() if not k.startswith("hnsw:")}
        col.modify(metadata={**meta, "generation": token})
        if hasattr(self._pin, "value"):
            self._pin.value = token
        return token

    def check_embedder(self, name: str, dim: int, claim: bool = False) -> None:
        col = self._col(CHUNKS)
        meta = dict(col.metadata or {})
        if "embedder" not in meta:
            if claim:
                meta.update({"embedder": name, "dim": dim})
                meta.pop("hnsw:space", None)
                col.modify(metadata=meta)
            return
        if meta["embedder"] != name or int(meta.get("dim", dim)) != dim:
            raise EmbedderMismatchError(
                f"The index at {self.index_dir} was built with embedder {meta['embedder']!r} "
                f"(dim {meta.get('dim')}), not {name!r} (dim {dim}). Use that embedder, or "
                "rebuild with `assistant index --rebuild`."
            )

    def embedder_info(self) -> dict[str, Any]:
        meta = self._col(CHUNKS).metadata or {}
        return {"name": meta.get("embedder"), "dim": meta.get("dim")}

    def reset(self) -> None:
        from chromadb.errors import NotFoundError

        for name in (CHUNKS, ARTICLES, QUOTES):
            try:
                self.client.delete_collection(name)
            except NotFoundError:  # not there yet
                pass
        self._cols.clear()
        self._vector_store = None

    # -- articles ----------------------------------------------------------------------
    def article_hashes(self) -> dict[str, str]:
        got = self._read_all(self._col(ARTICLES), include=["metadatas"])
        return {i: m.get("content_hash", "") for i, m in zip(got["ids"], got["metadatas"], strict=True)}

    def article_metas(self, ids: Sequence[str] | None = None) -> dict[str, dict[str, Any]]:
        """Article metadata by doc id (``published`` a date); all articles when ``ids`` is None."""
        return {i: _decoded(m) for i, m in self._raw_article_metas(ids).items()}

    def _raw_article_metas(self, ids: Sequence[str] | None = None) -> dict[str, dict[str, Any]]:
        col = self._col(ARTICLES)
        if ids is None:
            got = self._read_all(col, include=["metadatas"])
            return dict(zip(got["ids"], got["metadatas"], strict=True))
        out: dict[str, dict[str, Any]] = {}
        wanted = list(ids)
        for k in range(0, len(wanted), PAGE):
            got = col.get(ids=wanted[k : k + PAGE], include=["metadatas"])
            out.update(zip(got["ids"], got["metadatas"], strict=True))
        return out

    def articles(self, ids: Sequence[str]) -> dict[str, Article]:
        if not ids:
            return {}
        got = self._col(ARTICLES).get(ids=list(dict.fromkeys(ids)), include=["documents", "metadatas"])
        return {
            i: _article_from(i, doc, m)
            for i, doc, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        }

    def similar_articles(self, vector: np.ndarray, k: int = 4) -> list[tuple[str, float]]:
        """Articles nearest to an article vector: (doc id, cosine)."""
        col = self._col(ARTICLES)
        n = col.count()
        if n == 0:
            return []
        res = col.query(
            query_embeddings=[vector.astype(float).tolist()], n_results=min(k, n), include=["distances"]
        )
        return [(i, 1.0 - float(d)) for i, d in zip(res["ids"][0], res["distances"][0], strict=True)]

    def mark_duplicate(self, doc_id: str, of: str) -> None:
        meta = self._raw_article_metas([doc_id]).get(doc_id)
        if meta is not None:
            self._col(ARTICLES).update(ids=[doc_id], metadatas=[{**meta, "duplicate_of": of}])
            self.new_generation()

    def article_texts(self, ids: Sequence[str]) -> dict[str, str]:
        """The stored text of each article (no metadata, no parsing)."""
        if not ids:
            return {}
        got = self._col(ARTICLES).get(ids=list(dict.fromkeys(ids)), include=["documents"])
        return dict(zip(got["ids"], got["documents"], strict=True))

    def count_articles(self) -> int:
        return int(self._col(ARTICLES).count())

    def count_chunks(self) -> int:
        return int(self._col(CHUNKS).count())

    def uncommit(self, doc_id: str | Sequence[str]) -> None:
        """First step of replacing articles: withdraw their commit markers."""
        ids = _ids(doc_id)
        if ids:
            self._col(ARTICLES).delete(ids=ids)
            self.new_generation()

    def delete_chunks(self, doc_id: str | Sequence[str]) -> None:
        ids = _ids(doc_id)
        if ids:
            self._col(CHUNKS).delete(where=_doc_where(ids))

    def delete_quotes(self, doc_id: str | Sequence[str]) -> None:
        ids = _ids(doc_id)
        if ids:
            self._col(QUOTES).delete(where=_doc_where(ids))

    def _batches(self, n: int) -> Iterable[slice]:
        """Slices of at most Chroma's maximum batch size (one write call each)."""
        size = max(1, int(self.client.get_max_batch_size()))
        for i in range(0, n, size):
            yield slice(i, i + size)

    def commit_articles(self, items: Sequence[tuple[Article, np.ndarray, int]]) -> None:
        """Write article records (the commit markers), one Chroma call per batch."""
        ids, docs, metas, embs = [], [], [], []
        for article, embedding, n_chunks in items:
            ids.append(article.doc_id)
            docs.append(article.text)
            metas.append(_article_meta(article, n_chunks))
            embs.append(embedding.astype(float).tolist())
        for sl in self._batches(len(ids)):
            self._col(ARTICLES).upsert(
                ids=ids[sl], documents=docs[sl], metadatas=metas[sl], embeddings=embs[sl]
            )
        if ids:
            self.new_generation()

    def add_chunks_many(self, items: Sequence[tuple[Article, Sequence[Chunk], np.ndarray]]) -> None:
        """Write the chunks of several articles through ``ChromaVectorStore`` in one go."""
        from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

        nodes = []
        for article, chunks, vectors in items:
            meta = article.meta
            for i, (chunk, vec) in enumerate(zip(chunks, vectors, strict=True)):
                md: dict[str, Any] = {
                    "doc_id": chunk.doc_id,
                    "start": chunk.start,
                    "end": chunk.end,
                    "position": i,
                    "content_hash": article.content_hash,
                    "sentences": json.dumps([[s.start, s.end] for s in chunk.sentence_spans]),
                    "title": meta.title or "",
                    "outlet": meta.outlet or "",
                }
                if meta.published:
                    md["published"] = _to_epoch(meta.published)
                node = TextNode(
                    id_=chunk.id,
                    text=chunk.text,
                    metadata=md,
                    embedding=vec.astype(float).tolist(),
                    start_char_idx=chunk.start,
                    end_char_idx=chunk.end,
                    excluded_embed_metadata_keys=list(md),
                    excluded_llm_metadata_keys=list(md),
                )
                node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=chunk.doc_id)
                nodes.append(node)
        # ChromaVectorStore.add slices by its own constant (41,665), above the cap of a
        # Chroma client (5,461 on SQLite), so the nodes go in slices of the client's cap.
        for sl in self._batches(len(nodes)):
            self.vector_store.add(nodes[sl])

    def orphan_cleanup(self) -> int:
        """Delete chunks whose article is not committed with the same content hash."""
        hashes = self.article_hashes()
        got = self._read_all(self._col(CHUNKS), include=["metadatas"])
        stale = [
            i
            for i, m in zip(got["ids"], got["metadatas"], strict=True)
            if hashes.get(m.get("doc_id", "")) != m.get("content_hash")
        ]
        for sl in self._batches(len(stale)):
            self._col(CHUNKS).delete(ids=stale[sl])
        got = self._read_all(self._col(QUOTES), include=["metadatas"])
        stale_q = [
            i
            for i, m in zip(got["ids"], got["metadatas"], strict=True)
            if hashes.get(m.get("doc_id", "")) != m.get("content_hash")
        ]
        for sl in self._batches(len(stale_q)):
            self._col(QUOTES).delete(ids=stale_q[sl])
        return len(stale) + len(stale_q)

    def remove_article(self, doc_id: str) -> None:
        self.uncommit(doc_id)
        self.delete_chunks(doc_id)
        self.delete_quotes(doc_id)

    # -- reading chunks ----------------------------------------------------------------
    def all_chunks(self) -> tuple[list[str], list[str], list[dict[str, Any]]]:
        """Every chunk: ids, texts and metadata (``published`` a date)."""
        got = self._read_all(self._col(CHUNKS), include=["documents", "metadatas"])
        return got["ids"], got["documents"], [_decoded(m) for m in got["metadatas"]]

    def all_chunks_with_vectors(self) -> tuple[list[str], list[str], list[dict[str, Any]], np.ndarray]:
        """:meth:`all_chunks` and the chunks' stored vectors (float32, one row per id), in
        one paged read."""
        got = self._read_all(self._col(CHUNKS), include=["documents", "metadatas", "embeddings"])
        dim = len(got["embeddings"][0]) if got["embeddings"] else 0
        vectors = np.asarray(got["embeddings"], dtype=np.float32).reshape(len(got["ids"]), dim)
        return got["ids"], got["documents"], [_decoded(m) for m in got["metadatas"]], vectors

    def dense_query(
        self,
        vector: np.ndarray,
        k: int,
        filters: Filters | None = None,
        total: int | None = None,
    ) -> list[tuple[str, str, dict[str, Any], float]]:
        """Top-``k`` chunks passing ``filters`` by cosine similarity: (id, text, metadata, cosine).

        Writes go through llama-index's ``ChromaVectorStore``; this read asks the same
        collection directly, because importing llama-index costs about a second, most of
        a cold ``ask``'s budget, and its query adds nothing but a conversion to nodes.
        ``total`` is the collection's size when the caller has just counted it (a count
        costs a few milliseconds on a large collection).
        """
        col = self._col(CHUNKS)
        n = col.count() if total is None else total
        if n == 0:
            return []
        kw: dict[str, Any] = {
            "query_embeddings": [vector.astype(float).tolist()],
            "n_results": min(k, n),
            "include": ["documents", "metadatas", "distances"],
        }
        where = _where(filters)
        if where:
            kw["where"] = where
        res = col.query(**kw)
        return [
            (i, doc or "", _decoded(meta), 1.0 - float(dist))
            for i, doc, meta, dist in zip(
                res["ids"][0], res["documents"][0], res["metadatas"][0], res["distances"][0], strict=True
            )
        ]

    def chunk_texts(self, ids: Sequence[str]) -> dict[str, str]:
        """The stored text of each chunk (ids the store no longer holds are left out)."""
        if not ids:
            return {}
        got = self._col(CHUNKS).get(ids=list(ids), include=["documents"])
        return {i: doc or "" for i, doc in zip(got["ids"], got["documents"], strict=True)}

    def chunk_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        if not ids:
            return {}
        got = self._col(CHUNKS).get(ids=list(ids), include=["embeddings"])
        return {
            i: np.asarray(v, dtype=np.float32) for i, v in zip(got["ids"], got["embeddings"], strict=True)
        }

    # -- quotes ----------------------------------------------------------------------
    def add_quotes(self, items: Sequence[tuple[str, str, Sequence[Quote], Sequence[np.ndarray]]]) -> None:
        """Add the quotes of several articles ``(doc_id, content_hash, quotes, vectors)``."""
        ids: list[str] = []
        docs: list[str] = []
        metas: list[dict[str, Any]] = []
        embs: list[list[float]] = []
        for doc_id, content_hash, quotes, vectors in items:
            for i, (q, v) in enumerate(zip(quotes, vectors, strict=True)):
                md: dict[str, Any] = {
                    "doc_id": q.doc_id,
                    "start": q.start,
                    "end": q.end,
                    "kind": q.kind,
                    "content_hash": content_hash,
                }
                for key in ("speaker", "role", "cue", "date_text", "attribution_start", "attribution_end"):
                    value = getattr(q, key)
                    if value is not None:
                        md[key] = value
                if q.date is not None:
                    md["date"] = _to_epoch(q.date)
                ids.append(f"{doc_id}:q{i}")
                docs.append(q.quote)
                metas.append(md)
                embs.append(v.astype(float).tolist())
        for sl in self._batches(len(ids)):
            self._col(QUOTES).add(ids=ids[sl], documents=docs[sl], metadatas=metas[sl], embeddings=embs[sl])

    def quotes(self, doc_ids: Sequence[str] | None = None) -> list[Quote]:
        """The stored quotes (of ``doc_ids`` only, when given), in article order."""
        col = self._col(QUOTES)
        kw: dict[str, Any] = {"include": ["documents", "metadatas"]}
        if doc_ids is not None:
            ids = list(doc_ids)
            if not ids:
                return []
            kw["where"] = _doc_where(ids)
        got = self._read_all(col, **kw)
        out = []
        for doc, m in zip(got["documents"], got["metadatas"], strict=True):
            out.append(
                Quote(
                    quote=doc,
                    doc_id=m["doc_id"],
                    start=int(m["start"]),
                    end=int(m["end"]),
                    kind=m.get("kind", "direct"),
                    speaker=m.get("speaker"),
                    role=m.get("role"),
                    cue=m.get("cue"),
                    date_text=m.get("date_text"),
                    date=_from_epoch(m.get("date")),
                    attribution_start=m.get("attribution_start"),
                    attribution_end=m.get("attribution_end"),
                )
            )
        out.sort(key=lambda q: (q.doc_id, q.start))
        return out

    def count_quotes(self) -> int:
        return int(self._col(QUOTES).count())


#: Rows per Chroma read. An unbounded ``get`` on a large collection fails inside Chroma
#: ("too many SQL variables": seen at 3k articles, ~60k chunks), so reads are paged.
PAGE = 5000


def _written_by_another(index_dir: Path) -> bool:
    """Does another process's writer hold ``index_dir`` (its holder record names another
    pid)?"""
    from assistant.engines.locking import HOLDER_NAME

    try:
        info = json.loads((index_dir / HOLDER_NAME).read_text())
    except (OSError, ValueError):
        return False
    return isinstance(info, dict) and info.get("pid") != os.getpid()


def _get_all(col: Any, **kw: Any) -> dict[str, list[Any]]:
    """``col.get(**kw)`` for every matching row, read ``PAGE`` rows at a time."""
    include = list(kw.get("include", []))
    out: dict[str, list[Any]] = {"ids": [], **{key: [] for key in include}}
    offset = 0
    while True:
        got = col.get(**kw, limit=PAGE, offset=offset)
        out["ids"].extend(got["ids"])
        for key in include:
            out[key].extend(got[key])
        if len(got["ids"]) < PAGE:
            return out
        offset += PAGE


def _ids(doc_id: str | Sequence[str]) -> list[str]:
    return [doc_id] if isinstance(doc_id, str) else list(doc_id)


def _doc_where(ids: list[str]) -> dict[str, Any]:
    return {"doc_id": ids[0]} if len(ids) == 1 else {"doc_id": {"$in": ids}}


def _article_meta(article: Article, n_chunks: int) -> dict[str, Any]:
    """The metadata of an article record (sentences and furniture as JSON)."""
    meta = article.meta
    md: dict[str, Any] = {
        "content_hash": article.content_hash,
        "n_chunks": n_chunks,
        "published_source": meta.published_source,
        "sentences": json.dumps([[s.start, s.end, s.paragraph, int(s.furniture)] for s in article.sentences]),
        "furniture": json.dumps([[f.start, f.end] for f in article.furniture]),
        "entities": json.dumps([list(e) for e in article.entities]),
        "indexed_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    for key in ("title", "outlet", "author", "url", "path"):
        value = getattr(meta, key)
        if value:
            md[key] = value
    if meta.published:
        md["published"] = _to_epoch(meta.published)
    return md


def _article_from(doc_id: str, text: str, m: dict[str, Any]) -> Article:
    sentences = [
        Sentence(start=s, end=e, paragraph=p, furniture=bool(f))
        for s, e, p, f in json.loads(m.get("sentences", "[]"))
    ]
    meta = ArticleMeta(
        doc_id=doc_id,
        title=m.get("title") or None,
        outlet=m.get("outlet") or None,
        author=m.get("author") or None,
        url=m.get("url") or None,
        path=m.get("path") or None,
        published=_from_epoch(m.get("published")),
        published_source=m.get("published_source", "none"),
        duplicate_of=m.get("duplicate_of") or None,
    )
    return Article(
        meta=meta,
        text=text,
        content_hash=m.get("content_hash", ""),
        sentences=sentences,
        furniture=[Span(start=s, end=e) for s, e in json.loads(m.get("furniture", "[]"))],
        entities=[(s, e, label) for s, e, label in json.loads(m.get("entities", "[]"))],
    )
