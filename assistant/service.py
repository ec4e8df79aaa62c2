"""The library API: one facade that the CLI, the HTTP server and the MCP server share."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError, IndexMissingError
from assistant.settings import Settings
from assistant.types import Answer, Article, Context, Evidence, SearchHit, Span, Turn

log = logging.getLogger("assistant")


class Assistant:
    """Index articles, search them and answer questions with verified citations.

    >>> a = Assistant(index_dir="index")          # doctest: +SKIP
    >>> a.ask("Who called the China deal a red flag?").answer   # doctest: +SKIP
    """

    def __init__(
        self,
        index_dir: str | Path | None = None,
        backend: str | None = None,
        settings: Settings | None = None,
        chroma_url: str | None = None,
        notify: Callable[[str], None] | None = None,
    ):
        s = settings or Settings()
        updates: dict[str, Any] = {}
        if index_dir is not None:
            updates["index_dir"] = Path(index_dir)
        if backend is not None:
            updates["backend"] = backend
        if chroma_url is not None:
            updates["chroma_url"] = chroma_url
        self.settings = s.model_copy(update=updates)
        self.notify = notify or (lambda msg: log.info(msg))
        self._store: Any = None
        self._embedder: Any = None
        self._retriever: Any = None
        self._backends: dict[str, Any] = {}

    # -- engines (lazy) ----------------------------------------------------------------
    @property
    def index_dir(self) -> Path:
        return Path(self.settings.index_dir)

    def store(self, create: bool = False) -> Any:
        from assistant.store import Store

        if self._store is None or (create and self._store is None):
            self._store = Store(self.index_dir, self.settings.chroma_url, create=create)
        return self._store

    def embedder(self) -> Any:
        if self._embedder is None:
            from assistant.embeddings import get_embedder

            key = self.settings.openai_api_key
            self._embedder = get_embedder(
                self.settings.embedder, self.settings.embed_base_url or self.settings.openai_base_url,
                key.get_secret_value() if key else None,
            )
        return self._embedder

    def retriever(self) -> Any:
        if self._retriever is None:
            from assistant.retrieval import Retriever

            store = self.store()
            emb = self.embedder()
            store.check_embedder(emb.name, emb.dim)
            self._retriever = Retriever(store, emb, self._lexical_dir())
        return self._retriever

    def _lexical_dir(self) -> Path:
        if self.settings.chroma_url:
            digest = hashlib.sha256(self.settings.chroma_url.encode()).hexdigest()[:12]
            return Path.home() / ".cache" / "assistant" / digest / "lexical"
        return self.index_dir / "lexical"

    def backend(self, name: str | None = None) -> Any:
        from assistant.backends import get_backend

        key = name or self.settings.backend
        if key not in self._backends:
            self._backends[key] = get_backend(key, self.settings)
        return self._backends[key]

    # -- indexing ----------------------------------------------------------------------
    def index(
        self,
        paths: Sequence[str | Path] | None = None,
        rebuild: bool = False,
        prune: bool = False,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> Any:
        from assistant.ingest import run_index
        from assistant.locking import writer_lock

        targets = [Path(p) for p in (paths or [self.settings.corpus_dir])]
        with writer_lock(self.index_dir, self.settings.chroma_url):
            store = self.store(create=True)
            report = run_index(
                store, self.embedder(), targets, rebuild=rebuild, prune=prune,
                batch_size=self.settings.embed_batch_size, progress=progress,
            )
            self._retriever = None
            self.retriever().rebuild_lexical()
        return report

    def ensure_index(self) -> None:
        """Build the index from the bundled corpus when there is none yet."""
        try:
            if self.store().count_articles() > 0:
                return
        except IndexMissingError:
            pass
        self._store = None
        self.notify(f"No index at {self.index_dir}: building it from {self.settings.corpus_dir} ...")
        report = self.index()
        self.notify(f"Indexed {len(report.added)} articles ({report.chunks_written} chunks).")

    # -- reading -----------------------------------------------------------------------
    def search(
        self, query: str, k: int = 8, since: date | None = None, until: date | None = None,
        outlet: str | None = None,
    ) -> list[SearchHit]:
        from assistant.retrieval import Filters

        return self.retriever().search(query, k, Filters(since=since, until=until, outlet=outlet))

    def article(self, doc_id: str) -> Article:
        got = self.store().articles([doc_id])
        if doc_id not in got:
            raise AssistantError(f"No article {doc_id!r} in the index.")
        return got[doc_id]

    def build_context(
        self, question: str, k: int | None = None, since: date | None = None,
        until: date | None = None, outlet: str | None = None,
        history: Sequence[Turn] | None = None,
    ) -> tuple[Context, dict[str, str]]:
        from assistant.lexical import tokenize

        hits = self.search(question, k or self.settings.k, since, until, outlet)
        arts = self.store().articles([h.doc_id for h in hits])
        evidence = []
        for h in hits:
            art = arts.get(h.doc_id)
            if art is None or art.text[h.start : h.end] != h.text:
                continue  # gone, or rewritten by a concurrent index run since the search
            sents = [Span(start=s.start, end=s.end) for s in art.sentences
                     if h.start <= s.start and s.end <= h.end and not s.furniture]
            evidence.append(Evidence(
                doc_id=h.doc_id, start=h.start, end=h.end, text=art.text[h.start : h.end],
                title=art.meta.title, outlet=art.meta.outlet, published=art.meta.published,
                score=h.score, sentences=sents,
            ))
        lex = self.retriever().lexical()
        weights = {t: lex.idf(t) for t in tokenize(question)}
        ctx = Context(question=question, evidence=evidence, history=list(history or []),
                      term_weights=weights)
        return ctx, {d: a.text for d, a in arts.items()}

    def ask(
        self, question: str, k: int | None = None, since: date | None = None,
        until: date | None = None, outlet: str | None = None, speaker: str | None = None,
        history: Sequence[Turn] | None = None, backend: str | None = None,
    ) -> Answer:
        """Answer ``question`` from the index; every citation is verified against its source."""
        from assistant.verify import finalize

        if not question.strip():
            raise AssistantError("The question is empty.")
        t0 = time.perf_counter()
        self.ensure_index()
        context, texts = self.build_context(question, k, since, until, outlet, history)
        t1 = time.perf_counter()
        be = self.backend(backend)
        draft = be.answer(context)
        verified = finalize(context, draft, texts)
        t2 = time.perf_counter()
        return Answer(
            question=question, answer=verified.text, abstained=verified.abstained,
            backend=be.name, citations=verified.citations,
            timings_ms={"retrieve": round((t1 - t0) * 1000, 1), "answer": round((t2 - t1) * 1000, 1),
                        "total": round((t2 - t0) * 1000, 1)},
            prompt_hash=be.prompt_hash, verification=verified.verification,
        )

    def ask_stream(self, question: str, **kw: Any) -> Iterator[str | Answer]:
        """Yield text pieces as the backend writes them, then the verified :class:`Answer`."""
        answer = self.ask(question, **kw)
        yield answer.answer
        yield answer

    def status(self) -> dict[str, Any]:
        info: dict[str, Any] = {
            "index_dir": str(self.index_dir), "chroma_url": self.settings.chroma_url,
            "exists": False, "articles": 0, "chunks": 0,
        }
        try:
            store = self.store()
        except IndexMissingError:
            return info
        metas = store.article_metas()
        info.update(
            exists=True, articles=len(metas), chunks=store.count_chunks(),
            embedder=store.embedder_info(),
            last_indexed=max((m.get("indexed_at", "") for m in metas.values()), default=None),
        )
        return info
