"""Indexing: files -> articles (text kept exactly as read: loaders) -> sentences -> chunks -> Chroma.

Write order per article, designed for crash safety: withdraw the old commit marker,
delete the old chunks, add the new chunks, write the article record last. Readers only
trust chunks whose article record carries the same content hash.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from assistant.engines.embeddings import Embedder
from assistant.engines.store import Store
from assistant.errors import IngestError
from assistant.ingest.furniture import analyse
from assistant.ingest.ledger_index import article_quotes, parse_text, quote_vectors
from assistant.ingest.loaders import SUPPORTED, RawDoc, discover, read_file
from assistant.ingest.metadata import build_meta
from assistant.nlp.entities import doc_entities
from assistant.nlp.parse import parse
from assistant.nlp.text import normalise, paragraphs, split_sentences
from assistant.settings import IngestSettings, QuotesSettings
from assistant.types import Article, Chunk, Failure, IndexReport, Quote, Sentence, Span


def content_hash(raw: RawDoc) -> str:
    h = hashlib.sha256(raw.text.encode("utf-8"))
    h.update(json.dumps(raw.meta, sort_keys=True, default=str).encode())
    return h.hexdigest()[:32]


def prepare(raw: RawDoc) -> Article:
    """Analyse one article: furniture, metadata, sentences (offsets into ``raw.text``)."""
    text = raw.text
    layout = analyse(text)
    meta = build_meta(
        raw.doc_id,
        text,
        raw.meta,
        raw.path,
        furniture_lines=[(s, e) for s, e, kind in layout.furniture if kind != "header"],
    )
    if meta.title is None and layout.title is not None:
        meta.title = text[layout.title[0] : layout.title[1]].strip()
    furniture_spans = [(s, e) for s, e, _ in layout.furniture]
    sentences: list[Sentence] = []
    for p, (ps, pe) in enumerate(paragraphs(text)):
        furn = layout.is_furniture(ps, pe)
        for s, e in split_sentences(text, ps, pe):
            sentences.append(Sentence(start=s, end=e, paragraph=p, furniture=furn))
    return Article(
        meta=meta,
        text=text,
        content_hash=content_hash(raw),
        sentences=sentences,
        furniture=[Span(start=s, end=e) for s, e in furniture_spans],
    )


def chunk_article(article: Article, tuning: IngestSettings | None = None) -> list[Chunk]:
    """Sentence windows inside paragraphs (furniture excluded), in reading order, of at
    most ``max_chunk_sentences`` sentences and ``max_chunk_chars`` characters."""
    t = tuning or IngestSettings()
    chunks: list[Chunk] = []
    window: list[Sentence] = []

    def flush() -> None:
        if window:
            s, e = window[0].start, window[-1].end
            chunks.append(
                Chunk(
                    id=f"{article.doc_id}:{len(chunks)}",
                    doc_id=article.doc_id,
                    start=s,
                    end=e,
                    text=article.text[s:e],
                    sentence_spans=[Span(start=x.start, end=x.end) for x in window],
                )
            )
            window.clear()

    for sent in article.sentences:
        if sent.furniture:
            flush()
            continue
        if window and (
            sent.paragraph != window[-1].paragraph
            or len(window) >= t.max_chunk_sentences
            or sent.end - window[0].start > t.max_chunk_chars
        ):
            flush()
        window.append(sent)
    flush()
    return chunks


def embed_text(article: Article, chunk: Chunk) -> str:
    """What the embedder sees: the headline for context, then the window."""
    title = article.meta.title
    return f"{title}\n{chunk.text}" if title and not chunk.text.startswith(title) else chunk.text


Progress = Callable[[int, int, str], None]


def _shingles(text: str) -> set[int]:
    toks = normalise(text).split()
    return {hash(" ".join(toks[i : i + 5])) for i in range(max(len(toks) - 4, 1))}


def find_original(
    store: Store,
    article: Article,
    vector: np.ndarray,
    earlier: set[str],
    tuning: IngestSettings | None = None,
) -> str | None:
    """The earlier-committed article that ``article`` nearly duplicates (a syndicated copy):
    article-vector cosine at least ``dup_cosine``, then word 5-gram Jaccard on the
    normalised text at least ``dup_jaccard``.

    Only articles in ``earlier`` (indexed before this one) can be originals, so of two
    copies the later one is marked, never both.
    """
    t = tuning or IngestSettings()
    candidates = [
        (d, c)
        for d, c in store.similar_articles(vector, 4)
        if d != article.doc_id and d in earlier and c >= t.dup_cosine
    ]
    if not candidates:
        return None
    mine = _shingles(article.text)
    others = store.articles([d for d, _ in candidates])
    for doc_id, _ in candidates:
        other = others.get(doc_id)
        if other is None:
            continue
        theirs = _shingles(other.text)
        if len(mine & theirs) / max(len(mine | theirs), 1) >= t.dup_jaccard:
            return other.meta.duplicate_of or doc_id  # the copy indexed later is marked
    return None


def _file_failures(
    records: dict[str, int], problems: dict[str, list[str]], indexed_from: dict[str, str]
) -> list[Failure]:
    """One :class:`Failure` per file with problems: skipped, or indexed in part."""
    per_file: dict[str, int] = {}
    for path in indexed_from.values():
        per_file[path] = per_file.get(path, 0) + 1
    out = []
    for path, why in problems.items():
        if not why:
            continue
        more = f" (and {len(why) - 1} more)" if len(why) > 1 else ""
        reason = why[0] if why[0].startswith(path) else f"{path}: {why[0]}"
        out.append(Failure(path, reason + more, indexed=per_file.get(path, 0), records=records.get(path, 0)))
    return out


def run_index(
    store: Store,
    embedder: Embedder,
    paths: Sequence[Path],
    *,
    rebuild: bool = False,
    prune: bool = False,
    batch_size: int | None = None,
    progress: Progress | None = None,
    on_committed: Callable[[Article], None] | None = None,
    tuning: IngestSettings | None = None,
    quote_tuning: QuotesSettings | None = None,
) -> IndexReport:
    """Index ``paths`` into ``store``; unchanged articles (same content hash) are skipped.

    ``tuning`` (default: :class:`IngestSettings` from the environment) sets chunking and
    de-duplication; ``batch_size`` (default: its ``embed_batch_size``) texts per embedding call;
    ``quote_tuning`` (default: :class:`QuotesSettings` from the environment) quote attribution.
    """
    tuning = tuning or IngestSettings()
    quote_tuning = quote_tuning or QuotesSettings()
    batch_size = batch_size or tuning.embed_batch_size
    import time

    t0 = time.perf_counter()
    report = IndexReport(supported=tuple(sorted(SUPPORTED)))
    if rebuild:
        store.reset()
    store.check_embedder(embedder.name, embedder.dim, claim=True)
    store.new_generation()  # caches built before this run are no longer trusted blindly
    store.orphan_cleanup()  # leftovers of an interrupted run
    existing = store.article_hashes()

    ignored: list[Path] = []
    files, failures = discover(paths, ignored)
    report.failures.extend(failures)
    report.files = len(files)
    report.ignored = [str(p) for p in ignored]
    docs: list[RawDoc] = []
    seen: dict[str, str] = {}
    #: per file: records it holds, and the reasons some of them are not indexed
    records: dict[str, int] = {}
    problems: dict[str, list[str]] = {}
    for path in files:
        key = str(path)
        try:
            loaded = read_file(path)
        except IngestError as exc:
            records[key], problems[key] = 0, [str(exc)]
            continue
        records[key], problems[key] = loaded.records, list(loaded.problems)
        for raw in loaded.docs:
            if raw.doc_id in seen:
                problems[key].append(f"doc id {raw.doc_id!r} already comes from {seen[raw.doc_id]}")
                continue
            seen[raw.doc_id] = key
            docs.append(raw)

    unusable: set[str] = set()  # loaded, but refused by ``prepare``
    todo: list[RawDoc] = []
    for raw in docs:
        if existing.get(raw.doc_id) == content_hash(raw):
            report.unchanged.append(raw.doc_id)
        else:
            todo.append(raw)

    total = len(todo)
    done = 0
    earlier = {d for d in existing if d not in {r.doc_id for r in todo}}
    pending: list[tuple[Article, list[Chunk]]] = []
    pending_texts: list[str] = []

    def flush() -> None:
        """Embed the pending articles in one call and write them with a few Chroma calls.

        The crash-safe order holds for the whole batch: withdraw the old commit markers,
        delete the old chunks and quotes, add the new ones, write the markers last.
        Articles new to the index have nothing to withdraw (``orphan_cleanup`` removed
        any uncommitted leftovers), so they cost no delete calls.
        """
        nonlocal done
        if not pending:
            return
        vectors = embedder.embed_passages(pending_texts) if pending_texts else np.zeros((0, embedder.dim))
        docs = list(parse(parse_text(a) for a, _ in pending))  # one spaCy pass over the batch
        quotes_of = []
        for (article, _), doc in zip(pending, docs, strict=True):
            article.entities = doc_entities(doc)
            quotes_of.append(article_quotes(article, doc, quote_tuning))
        batch: list[tuple[Article, list[Chunk], np.ndarray, list[Quote], np.ndarray]] = []
        offset = 0
        for (article, chunks), quotes in zip(pending, quotes_of, strict=True):
            vecs = vectors[offset : offset + len(chunks)]
            offset += len(chunks)
            mean = vecs.mean(axis=0) if len(vecs) else np.zeros(embedder.dim, dtype=np.float32)
            norm = float(np.linalg.norm(mean))
            if norm == 0.0:
                mean = np.full(embedder.dim, 1.0 / np.sqrt(embedder.dim), dtype=np.float32)
                norm = 1.0
            batch.append((article, chunks, vecs, quotes, mean / norm))
        replaced = [a.doc_id for a, *_ in batch if a.doc_id in existing]
        store.uncommit(replaced)
        store.delete_chunks(replaced)
        store.delete_quotes(replaced)
        store.add_chunks_many([(a, chunks, vecs) for a, chunks, vecs, _, _ in batch])
        store.add_quotes(
            [
                (a.doc_id, a.content_hash, quotes, quote_vectors(quotes, chunks, vecs, mean))
                for a, chunks, vecs, quotes, mean in batch
            ]
        )
        store.commit_articles([(a, mean, len(chunks)) for a, chunks, _, _, mean in batch])
        mean_of = {a.doc_id: mean for a, _, _, _, mean in batch}
        for article, chunks, _, quotes, _ in batch:
            report.quotes_written += len(quotes)
            original = find_original(store, article, mean_of[article.doc_id], earlier, tuning)
            earlier.add(article.doc_id)
            if original is not None:
                store.mark_duplicate(article.doc_id, original)
                report.duplicates.append((article.doc_id, original))
            if on_committed is not None:
                on_committed(article)
            (report.updated if article.doc_id in existing else report.added).append(article.doc_id)
            report.chunks_written += len(chunks)
            done += 1
            if progress:
                progress(done, total, article.doc_id)
        pending.clear()
        pending_texts.clear()

    for raw in todo:
        try:
            article = prepare(raw)
        except IngestError as exc:
            key = raw.path or raw.doc_id
            msg = str(exc)
            problems.setdefault(key, []).append(msg[len(key) + 2 :] if msg.startswith(f"{key}: ") else msg)
            records.setdefault(key, 1)
            unusable.add(raw.doc_id)
            continue
        chunks = chunk_article(article, tuning)
        pending.append((article, chunks))
        pending_texts.extend(embed_text(article, c) for c in chunks)
        if len(pending_texts) >= batch_size * 4:
            flush()
    flush()
    indexed_from = {d: p for d, p in seen.items() if d not in unusable}
    report.failures.extend(_file_failures(records, problems, indexed_from))

    if prune:
        # an article whose file failed to load this time is kept, not pruned
        # (by file stem, and by the source path recorded for each article)
        failing = {f.path for f in report.failures}
        gone = set(existing) - set(seen)
        protected = {Path(p).stem for p in failing}
        protected |= {d for d, m in store.article_metas(sorted(gone)).items() if m.get("path") in failing}
        for doc_id in sorted(gone - protected):
            store.remove_article(doc_id)
            report.removed.append(doc_id)
    report.seconds = time.perf_counter() - t0
    return report
