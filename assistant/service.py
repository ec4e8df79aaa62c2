"""The library API: one facade that the CLI, the HTTP server and the MCP server share."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from assistant.errors import AssistantError, BusyError, IndexMissingError
from assistant.settings import Settings
from assistant.types import (
    FOLLOWING_SENTENCES,
    Answer,
    Article,
    Citation,
    Context,
    Draft,
    EmbedderInfo,
    Evidence,
    IndexReport,
    Quote,
    SearchHit,
    Source,
    Sources,
    Span,
    Speaker,
    Status,
    TimelineEntry,
    Turn,
)

if TYPE_CHECKING:
    from assistant.answer.backends.base import AnswerBackend
    from assistant.answer.verify import Verified
    from assistant.engines.embeddings import Embedder
    from assistant.engines.lexical import LexicalIndex
    from assistant.engines.store import Store
    from assistant.quotes import Ledger
    from assistant.retrieval.hybrid import Retriever

log = logging.getLogger("assistant")

P = ParamSpec("P")
R = TypeVar("R")


def _serialized(method: Callable[Concatenate[Assistant, P], R]) -> Callable[Concatenate[Assistant, P], R]:
    """Run ``method`` holding the assistant's lock (see :meth:`Assistant.hold`)."""

    def wrapper(self: Assistant, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with self.hold():
            return method(self, *args, **kwargs)

    functools.update_wrapper(wrapper, method)
    return wrapper


class Assistant:
    """Index articles, search them and answer questions with verified citations.

    >>> a = Assistant(index_dir="index")          # doctest: +SKIP
    >>> a.ask("Who called the China deal a red flag?").answer   # doctest: +SKIP

    Thread-safe: every public method runs under one re-entrant lock (the engines' lazy
    loading, the lexical index, the C embedder and the index write path are shared state),
    so the HTTP and MCP servers call one instance from many threads without locks of their
    own. A call that waits longer than ``settings.queue_timeout`` for the lock raises
    :class:`BusyError`. Across processes, the index's writer lock file takes over.
    """

    def __init__(
        self,
        index_dir: str | Path | None = None,
        backend: str | AnswerBackend | None = None,
        settings: Settings | None = None,
        chroma_url: str | None = None,
        notify: Callable[[str], None] | None = None,
        embedder: str | Embedder | None = None,
    ):
        """``backend`` and ``embedder`` are names (resolved lazily, in :meth:`backend` and
        :meth:`embedder`) or ready instances, which are used as given."""
        s = settings or Settings()
        updates: dict[str, Any] = {}
        if index_dir is not None:
            updates["index_dir"] = Path(index_dir)
        if backend is not None:
            updates["backend"] = backend if isinstance(backend, str) else backend.name
        if isinstance(embedder, str):
            updates["embedder"] = embedder
        if chroma_url is not None:
            updates["chroma_url"] = chroma_url
        self.settings = s.replace(**updates)
        #: An index named by the caller (argument, ``--index-dir``, ``ASSISTANT_INDEX_DIR``,
        #: a settings value, or a Chroma server) is never built implicitly.
        self.explicit_index = bool(
            index_dir is not None or "index_dir" in s.model_fields_set or self.settings.chroma_url
        )
        self.notify = notify or (lambda msg: log.info(msg))
        self._lock = threading.RLock()
        self._store: Store | None = None
        self._embedder: Embedder | None = None if isinstance(embedder, str) else embedder
        self._retriever: Retriever | None = None
        self._backends: dict[str, AnswerBackend] = {}
        if backend is not None and not isinstance(backend, str):
            self._backends[backend.name] = backend
        self._ledger: tuple[str, Ledger] | None = None
        self._quote_rows: tuple[str, dict[str, list[Quote]]] | None = None
        self._quote_lex: tuple[Ledger, LexicalIndex] | None = None
        self._corroborated: tuple[Ledger, dict[str, list[Quote]]] | None = None
        self._outlet_cache: tuple[str, list[str]] | None = None
        #: the store generation under which the index last held articles (check_index)
        self._held_articles: str | None = None

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        """Hold the assistant's lock (re-entrant) for a sequence of calls that must not
        interleave with other threads'; :class:`BusyError` after ``settings.queue_timeout``."""
        timeout = self.settings.queue_timeout
        if not self._lock.acquire(timeout=-1 if timeout is None else timeout):
            raise BusyError(f"The assistant stayed busy for {timeout:g} s; retry shortly.")
        try:
            yield
        finally:
            self._lock.release()

    # -- engines (lazy) ----------------------------------------------------------------
    @property
    def index_dir(self) -> Path:
        return Path(self.settings.index_dir)

    @_serialized
    def store(self, create: bool = False) -> Store:
        from assistant.engines.store import Store

        if self._store is None or (create and self._store is None):
            self._store = Store(self.index_dir, self.settings.chroma_url, create=create)
        return self._store

    @_serialized
    def embedder(self) -> Embedder:
        """The embedder given to the constructor, else the one ``settings.embedder`` names."""
        if self._embedder is None:
            from assistant.engines.embeddings import get_embedder

            key = self.settings.openai_api_key
            self._embedder = get_embedder(
                self.settings.embedder,
                self.settings.embed_base_url or self.settings.openai_base_url,
                key.get_secret_value() if key else None,
            )
        return self._embedder

    @_serialized
    def retriever(self) -> Retriever:
        if self._retriever is None:
            from assistant.retrieval.hybrid import Retriever

            store = self.store()
            emb = self.embedder()
            store.check_embedder(emb.name, emb.dim)
            self._retriever = Retriever(store, emb, self._lexical_dir(), self.settings.retrieval)
        return self._retriever

    def _lexical_dir(self) -> Path:
        if self.settings.chroma_url:
            digest = hashlib.sha256(self.settings.chroma_url.encode()).hexdigest()[:12]
            return Path.home() / ".cache" / "assistant" / digest / "lexical"
        return self.index_dir / "lexical"

    @_serialized
    def backend(self, name: str | None = None) -> AnswerBackend:
        """The backend ``name`` resolves to (default: the constructor's / settings'), cached."""
        from assistant.answer.backends import get_backend

        key = name or self.settings.backend
        if key not in self._backends:
            self._backends[key] = get_backend(key, self.settings)
        return self._backends[key]

    def backends(self) -> list[str]:
        """The answer backends a client may pick: the configured default first, then the LLM
        backend when an endpoint or key for it is configured, then the extractive one."""
        names = [self.settings.backend]
        if self.settings.openai_base_url or self.settings.openai_api_key:
            names.append("openai")
        names.append("extractive")
        return list(dict.fromkeys(n for n in names if n))

    def check_backend(self, name: str | None = None) -> AnswerBackend:
        """The backend, checked before any work: an unknown backend or a model the server
        does not offer is a one-line :class:`AssistantError` now, not after indexing."""
        be = self.backend(name)
        check = getattr(be, "check_model", None)
        if callable(check):
            check()
        return be

    @_serialized
    def warm(self) -> None:
        """Check the default backend (before any indexing), build the index if there is
        none, then load the lexical index and the embedder so the first answer is not slow."""
        self.check_backend()
        self.ensure_index()
        self.retriever().lexical()
        self.embedder()

    # -- indexing ----------------------------------------------------------------------
    @_serialized
    def index(
        self,
        paths: Sequence[str | Path] | None = None,
        rebuild: bool = False,
        prune: bool = False,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> IndexReport:
        from assistant.engines.locking import writer_lock
        from assistant.ingest.pipeline import run_index

        targets = [Path(p) for p in (paths or [self.settings.corpus_dir])]
        self._refuse_file_as_index()
        with writer_lock(self.index_dir, self.settings.chroma_url):
            store = self.store(create=True)
            report = run_index(
                store,
                self.embedder(),
                targets,
                rebuild=rebuild,
                prune=prune,
                progress=progress,
                tuning=self.settings.ingest,
                quote_tuning=self.settings.quotes,
            )
            self._retriever = None
            self.retriever().rebuild_lexical()
            self._ledger = None
            self.ledger()  # build the speaker ledger now, not on a reader's first question
        return report

    @_serialized
    def ensure_index(self) -> None:
        """Make sure there is an index to read; build the *default* one when missing.

        Only the default index (no flag, no environment variable) is built on first use,
        from the bundled corpus; every other case follows :meth:`check_index`.
        """
        if self.check_index():
            return
        self._store = None
        self.notify(f"No index at {self.index_dir}: building it from {self.settings.corpus_dir} ...")
        report = self.index()
        self.notify(f"Indexed {len(report.added)} articles ({report.chunks_written} chunks).")

    @_serialized
    def check_index(self) -> bool:
        """The index rules of every read command (ask, quotes, speakers, timeline, status,
        chat, serve, mcp), in this one place.

        True when the index holds articles; False when it is the default index and not
        built yet. An explicit index (``--index-dir``, ``ASSISTANT_INDEX_DIR``, a Chroma
        server) that is missing or empty raises :class:`IndexMissingError` naming it and
        the command that builds it (:class:`IndexBusyError` while a writer is building
        it); so does an index path that is a file. Nothing is created on disk.
        """
        self._refuse_file_as_index()
        try:
            store = self.store()
            # every write moves the generation, so an unchanged token still holds articles
            # (a collection read instead of a count: a few ms on every question at 1k)
            generation = store.generation()
            if generation is not None and generation == self._held_articles:
                return True
            if store.count_articles() > 0:
                self._held_articles = generation
                return True
        except IndexMissingError:
            pass
        if not self.explicit_index:
            return False
        url, d = self.settings.chroma_url, self.index_dir
        if url:
            raise IndexMissingError(
                f"The Chroma server at {url} holds no articles: build the index with "
                f"`assistant index PATH --chroma-url {url}`."
            )
        from assistant.engines.locking import LOCK_NAME, writer_lock

        if (d / LOCK_NAME).exists():
            with writer_lock(d):  # IndexBusyError naming the writer while one is building it
                pass
        state = (
            "holds no articles" if (d / "chroma").exists() else "is empty" if d.exists() else "does not exist"
        )
        raise IndexMissingError(
            f"The index directory {d} {state}: build it with `assistant index PATH --index-dir {d}`."
        )

    def _refuse_file_as_index(self) -> None:
        d = self.index_dir
        if not self.settings.chroma_url and d.exists() and not d.is_dir():
            raise IndexMissingError(f"The index path {d} is a file, not a directory: give a directory.")

    # -- reading -----------------------------------------------------------------------
    @_serialized
    def search(
        self,
        query: str,
        k: int = 8,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
    ) -> list[SearchHit]:
        from assistant.engines.store import Filters

        _check_k(k)
        return self.retriever().search(query, k, Filters(since=since, until=until, outlet=outlet))

    @_serialized
    def article(self, doc_id: str) -> Article:
        got = self.store().articles([doc_id])
        if doc_id not in got:
            raise AssistantError(f"No article {doc_id!r} in the index.")
        return got[doc_id]

    @_serialized
    def build_context(
        self,
        question: str,
        k: int | None = None,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
        history: Sequence[Turn] | None = None,
        speaker: str | None = None,
    ) -> tuple[Context, dict[str, str]]:
        """Retrieve evidence and attach what backends need: ledger quotes, time notes, IDF.

        When the passages found spell a name of the question otherwise ("Gulen" asked, "Gülen"
        written: :func:`~assistant.nlp.text.respelled`), the context is built once more for the
        question in their spelling, so the search, the e5 similarity and every name check read
        the name as the articles write it."""
        from assistant.nlp.text import respelled

        ctx, texts = self._context(question, k, since, until, outlet, history, speaker)
        spelled = respelled(question, [ev.text for ev in ctx.evidence])
        if spelled != question:
            return self._context(spelled, k, since, until, outlet, history, speaker)
        return ctx, texts

    def _context(
        self,
        question: str,
        k: int | None,
        since: date | None,
        until: date | None,
        outlet: str | None,
        history: Sequence[Turn] | None,
        speaker: str | None,
    ) -> tuple[Context, dict[str, str]]:
        from assistant.engines.lexical import tokenize
        from assistant.engines.store import Filters
        from assistant.nlp.questions import (
            Asked,
            according_name,
            asked_speaker,
            resolve_speaker,
            split_question,
        )

        k = k or self.settings.k
        filters = Filters(since=since, until=until, outlet=outlet)
        asked_sp: Any = None
        unquoted = None
        if speaker:
            asked_sp = self.ledger().find_speaker(speaker)
        else:
            asked = asked_speaker(question)
            if asked is not None and asked.named:
                asked_sp = resolve_speaker(asked, self.ledger())
                if asked_sp is None:
                    unquoted = asked.phrase
            elif asked is None and (source := according_name(question)) is not None:
                # "According to Joel Benenson, ...": his words, when the ledger quotes him (an
                # outlet it does not quote is only the question's source, never "unquoted")
                asked_sp = resolve_speaker(Asked(phrase=source, named=True), self.ledger())
        retriever = self.retriever()
        vectors: dict[str, Any] = {}  # one e5 embedding per distinct text searched (~40 ms each)

        def search(text: str, n: int, f: Filters, nearest: int = 0) -> list[SearchHit]:
            if text not in vectors:
                vectors[text] = retriever.embed_query(text)
            return retriever.search(text, n, f, qvec=vectors[text], nearest=nearest)

        hits = []
        # the question's own search also reads the nearest passages by cosine it fused out
        # (``dense_extra``): kept apart, added after the share of ``k`` is filled
        general = search(question, k, filters, self.settings.retrieval.dense_extra) if not speaker else []
        general, nearest = general[:k], general[k:]
        if speaker or asked_sp is not None:
            who = asked_sp.name if asked_sp is not None else str(speaker)
            spans = self._speaker_spans(who, since, until)
            said_filters = Filters(since=since, until=until, outlet=outlet, doc_ids=sorted(spans))
            found = search(question, k * 3, said_filters) if spans else []
            hits = [h for h in found if any(s < h.end and h.start < e for s, e in spans[h.doc_id])]
            if not speaker:
                # the reserved share goes to the speaker's passages the general search's own
                # share does not already hold (one it holds takes no reserved place)
                share = max(k // 2, 3)
                held = {(h.doc_id, h.start) for h in general[: max(k - share, 0)]}
                shared = [h for h in hits if (h.doc_id, h.start) in held]
                hits = shared + [h for h in hits if (h.doc_id, h.start) not in held][:share]
                hits = sorted(hits, key=lambda h: -h.score)
            else:
                hits = hits[:k]
        if not speaker:
            seen = {(h.doc_id, h.start) for h in hits}
            hits += [h for h in general if (h.doc_id, h.start) not in seen][: max(k - len(hits), 0)]
            seen = {(h.doc_id, h.start) for h in hits}
            hits += [h for h in nearest if (h.doc_id, h.start) not in seen]
            parts = split_question(question, topic=False)
            if len(parts) > 1:  # each part finds its own evidence, across articles
                for part in parts:
                    seen = {(h.doc_id, h.start) for h in hits}
                    hits += [
                        h for h in search(part, max(k // 2, 3), filters) if (h.doc_id, h.start) not in seen
                    ]
        store = self.store()
        arts = store.articles([h.doc_id for h in hits])
        evidence = []
        for h in hits:
            art = arts.get(h.doc_id)
            if art is None or art.text[h.start : h.end] != h.text:
                continue  # gone, or rewritten by a concurrent index run since the search
            evidence.append(passage_evidence(art, h.start, h.end, h.score))
        evidence += self._corroborating_evidence(evidence, arts)
        following = _following(evidence, arts)
        quotes = []
        if arts:
            spans = _spans_by_doc(evidence)
            for q in self._stored_quotes(sorted(arts)):
                if any(q.start < end and start < q.end for start, end in spans.get(q.doc_id, ())):
                    quotes.append(q)
        notes = _time_notes(question, evidence, arts)
        lex = self.retriever().lexical()
        weights = {t: lex.idf(t) for t in tokenize(question)}
        unmentioned = [t for t in weights if not lex.mentions(t)]
        # the e5 cosine of the question to each sentence's chunk, as the retriever computed it
        # (embedding every sentence at ask time costs far more than the latency budget)
        dense = {(h.doc_id, h.start): h.dense for h in hits}
        similarity = {
            f"{ev.doc_id}:{sp.start}": float(dense.get((ev.doc_id, ev.start)) or 0.0)
            for ev in evidence
            for sp in ev.sentences
        }
        low = min((v for v in similarity.values() if v), default=0.0)
        for key in list(similarity):
            similarity[key] = similarity[key] or low  # corroborating copies: no score of their own
        outlets = self._outlets()
        ctx = Context(
            similarity=similarity,
            outlets=outlets,
            question=question,
            evidence=evidence,
            quotes=quotes,
            history=list(history or []),
            term_weights=weights,
            unmentioned=unmentioned,
            notes=notes,
            unquoted=unquoted,
            speaker=asked_sp.name if asked_sp is not None else None,
            speaker_aliases=list(asked_sp.aliases) if asked_sp is not None else [],
            following=following,
        )
        return ctx, {d: a.text for d, a in arts.items()}

    def _corroborating_evidence(self, evidence: list[Evidence], arts: dict[str, Article]) -> list[Evidence]:
        """The sentences of other articles that carry a quote of the evidence (the ledger's
        corroboration groups), so an answer can cite every outlet that carries it. An article
        already in the evidence with other passages counts too: its sentence with the quote
        is added unless a passage of it already holds that sentence.
        ``arts`` gains the articles read."""
        from assistant.nlp.text import normalise

        have = {e.doc_id for e in evidence}
        by_doc = self._corroborated_quotes()
        wanted: dict[str, list[str]] = {}
        spans = _spans_by_doc(evidence)
        for q in (q for d in sorted(have) for q in by_doc.get(d, [])):
            if any(q.start < end and start < q.end for start, end in spans.get(q.doc_id, ())):
                for d in q.corroborated_by:
                    wanted.setdefault(d, []).append(normalise(q.quote))
        if not wanted:
            return []
        extra_docs = sorted(wanted, key=lambda d: (d in have, d))[:6]  # articles not yet read first
        arts.update(self.store().articles([d for d in extra_docs if d not in arts]))
        out: list[Evidence] = []
        for d in extra_docs:
            art = arts.get(d)
            if art is None:
                continue
            words = [set(w.split()) for w in wanted[d]]
            for sent in art.sentences:
                if sent.furniture or any(a <= sent.start and sent.end <= b for a, b in spans.get(d, ())):
                    continue
                st = set(normalise(art.text[sent.start : sent.end]).split())
                if any(w and len(w & st) / len(w) >= 0.8 for w in words):
                    out.append(
                        Evidence(
                            doc_id=d,
                            start=sent.start,
                            end=sent.end,
                            text=art.text[sent.start : sent.end],
                            title=art.meta.title,
                            outlet=art.meta.outlet,
                            author=art.meta.author,
                            published=art.meta.published,
                            score=min((e.score for e in evidence), default=0.0),
                            sentences=[Span(start=sent.start, end=sent.end)],
                            entities=[x for x in art.entities if sent.start <= x[0] and x[1] <= sent.end],
                        )
                    )
        return out

    def _corroborated_quotes(self) -> dict[str, list[Quote]]:
        """The ledger's quotes that other articles also carry, by doc id (cached per ledger)."""
        ledger = self.ledger()
        if self._corroborated is None or self._corroborated[0] is not ledger:
            by_doc: dict[str, list[Quote]] = {}
            for q in ledger.quotes:
                if q.corroborated_by:
                    by_doc.setdefault(q.doc_id, []).append(q)
            self._corroborated = (ledger, by_doc)
        return self._corroborated[1]

    def _outlets(self) -> list[str]:
        """Outlet names of the indexed articles (cached per committed index state)."""
        fp = self.retriever().lexical().fingerprint
        if self._outlet_cache is None or self._outlet_cache[0] != fp:
            metas = self.store().article_metas().values()
            self._outlet_cache = (fp, sorted({str(m["outlet"]) for m in metas if m.get("outlet")}))
        return self._outlet_cache[1]

    def _speaker_spans(
        self, speaker: str, since: date | None, until: date | None
    ) -> dict[str, list[tuple[int, int]]]:
        spans: dict[str, list[tuple[int, int]]] = {}
        for q in self.quotes(speaker=speaker, since=since, until=until):
            spans.setdefault(q.doc_id, []).append((q.start, q.end))
        return spans

    @_serialized
    def ask(
        self,
        question: str,
        k: int | None = None,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
        speaker: str | None = None,
        history: Sequence[Turn] | None = None,
        backend: str | None = None,
    ) -> Answer:
        """Answer ``question`` from the index; every citation is verified against its source."""
        return self.ask_both(question, k, since, until, outlet, speaker, history, backend)[0]

    @_serialized
    def ask_both(
        self,
        question: str,
        k: int | None = None,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
        speaker: str | None = None,
        history: Sequence[Turn] | None = None,
        backend: str | None = None,
    ) -> tuple[Answer, Answer]:
        """The answer :meth:`ask` shows and the backend's own verified answer, from one
        generation: the two differ only when the fallback replaced the backend's answer
        (``fallback`` set on the first), so an eval scores "as shown" and "the LLM alone"
        without asking the model twice."""
        pair: tuple[Answer, Answer] | None = None
        for item in self._run(question, k, since, until, outlet, speaker, history, backend, False):
            if isinstance(item, tuple):
                pair = item
        assert pair is not None
        return pair

    def ask_stream(
        self,
        question: str,
        k: int | None = None,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
        speaker: str | None = None,
        history: Sequence[Turn] | None = None,
        backend: str | None = None,
    ) -> Iterator[str | Answer]:
        """Yield the draft's text as the backend writes it, then the verified :class:`Answer`.

        The streamed text is the backend's raw draft; the final answer is what survived
        verification (its citations renumbered), so clients show the latter when they differ.
        The assistant's lock is held from the first item until the stream ends or is closed.
        """
        with self.hold():
            for item in self._run(question, k, since, until, outlet, speaker, history, backend, True):
                yield item[0] if isinstance(item, tuple) else item

    def _run(
        self,
        question: str,
        k: int | None,
        since: date | None,
        until: date | None,
        outlet: str | None,
        speaker: str | None,
        history: Sequence[Turn] | None,
        backend: str | None,
        stream: bool,
    ) -> Iterator[str | tuple[Answer, Answer]]:
        """Draft pieces (when ``stream``), then (the answer shown, the backend's own answer)."""
        from assistant.answer.verify import finalize, parse_reply
        from assistant.nlp.claims import CANNOT_ANSWER

        if not question.strip():
            raise AssistantError("The question is empty.")
        _check_k(k)
        t0 = time.perf_counter()
        be = self.check_backend(backend)
        resolved = question
        with contextlib.ExitStack() as pin:
            if self._store is not None:  # warm: the index check reads the retrieval's token
                pin.enter_context(self._store.pinned_generation())
            self.ensure_index()
            if history:
                from assistant.answer.followups import resolve_followup

                resolved = resolve_followup(list(history), question, be)
            with self.store().pinned_generation():  # one generation read for the whole retrieval
                context, texts = self.build_context(resolved, k, since, until, outlet, history, speaker)
        offline: Verified | None = None
        if getattr(be, "generative", False):
            # The extractive answer first: its sentences lead the model's prompt, and it is
            # what the reader gets when the model's answer does not survive verification.
            lead = self.backend("extractive").answer(context)
            offline = finalize(context, lead, texts, tuning=self.settings.answer)
            if not offline.abstained:
                context = context.model_copy(update={"leads": lead.citations})
        t1 = time.perf_counter()
        excluded = None if context.evidence else self.filter_note(since, until, outlet, speaker)
        if excluded:
            draft = Draft(text=f"{CANNOT_ANSWER} anything about this: {excluded}.", abstained=True)
        elif stream and be.name != "extractive":
            pieces = []
            for piece in be.stream(context):
                pieces.append(piece)
                yield piece
            draft = parse_reply("".join(pieces))
        else:
            draft = be.answer(context)
        own = finalize(context, draft, texts, tuning=self.settings.answer)
        verified, fallback = own, None
        if (
            offline is not None
            and self.settings.llm_fallback
            and needs_fallback(own, offline, self.settings.llm.fallback_on_decline)
        ):
            verified, fallback = offline, "extractive"
        t2 = time.perf_counter()
        if stream and (be.name == "extractive" or excluded):
            yield verified.text
        timings = {
            "retrieve": round((t1 - t0) * 1000, 1),
            "answer": round((t2 - t1) * 1000, 1),
            "total": round((t2 - t0) * 1000, 1),
        }

        def answer(v: Verified, fallback: str | None) -> Answer:
            return Answer(
                question=question,
                answer=v.text,
                abstained=v.abstained,
                backend=be.name,
                citations=v.citations,
                timings_ms=timings,
                prompt_hash=be.prompt_hash,
                verification=v.verification,
                fallback=fallback,
            )

        shown = answer(verified, fallback)
        yield shown, (shown if fallback is None else answer(own, None))

    @_serialized
    def filter_note(
        self,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
        speaker: str | None = None,
    ) -> str | None:
        """Why the filters left nothing to answer from ("no article matches published
        since 2026-01-01; 5 articles have no date"), or None when they did not."""
        from assistant.engines.store import Filters

        if not (since or until or outlet or speaker):
            return None
        metas = self.store().article_metas()
        filters = Filters(since=since, until=until, outlet=outlet)
        docs = {d for d, m in metas.items() if filters.allows(m)}
        what = [f"published since {since.isoformat()}"] if since else []
        what += [f"published until {until.isoformat()}"] if until else []
        what += [f"from outlet {outlet!r}"] if outlet else []
        if not docs:
            why = [f"no article matches {' and '.join(what)}"]
            undated = sum(1 for m in metas.values() if m.get("published") is None)
            if (since or until) and undated:
                why.append(f"{undated} of {len(metas)} articles have no date")
            outlets = sorted({str(m["outlet"]) for m in metas.values() if m.get("outlet")})
            if outlet and outlet not in outlets:
                known = f"the outlets are {', '.join(outlets)}" if outlets else "no article names its outlet"
                why.append(known)
            return "; ".join(why)
        if speaker:
            found = self.ledger().find_speaker(speaker)
            name = found.name if found is not None else speaker
            spans = self._speaker_spans(name, since, until)
            if not any(d in docs for d in spans):
                return f"no quote by {name} matches {' and '.join(what)}" if what else None
        return None

    # -- the quote ledger ----------------------------------------------------------------
    @_serialized
    def ledger(self) -> Ledger:
        """The cross-article quote ledger, cached in memory and beside the index, keyed on the
        store's write generation (no embedder or lexical index is loaded to read it)."""
        from assistant.ingest.ledger_index import build, load_ledger, save_ledger

        store = self.store()
        generation = store.generation()
        if generation is None:  # an index written before generations: its committed state
            from assistant.engines.lexical import fingerprint

            generation = "fp:" + fingerprint(store.article_hashes())
        if self._ledger is not None and self._ledger[0] == generation:
            return self._ledger[1]
        path = self._lexical_dir().parent / "ledger.json"
        ledger = load_ledger(path, generation)
        if ledger is None:
            committed = store.article_hashes()
            ledger = build([q for q in store.quotes() if q.doc_id in committed])
            try:
                save_ledger(ledger, path, generation)
            except OSError:
                pass  # a read-only index still answers; the ledger lives in memory
        self._ledger = (generation, ledger)
        return ledger

    def _stored_quotes(self, doc_ids: list[str]) -> list[Quote]:
        """The stored quotes of ``doc_ids`` as :meth:`Store.quotes` returns them, from one
        read of the quote collection kept per store generation (a filtered Chroma read on
        every question cost more than the rest of ``ask`` at 1k articles)."""
        store = self.store()
        generation = store.generation()
        if generation is None:  # an index written before generations: read what is asked
            return store.quotes(doc_ids=doc_ids)
        if self._quote_rows is None or self._quote_rows[0] != generation:
            rows: dict[str, list[Quote]] = {}
            for q in store.quotes():
                rows.setdefault(q.doc_id, []).append(q)
            self._quote_rows = (generation, rows)
        by_doc = self._quote_rows[1]
        return [q for d in doc_ids for q in by_doc.get(d, [])]

    @_serialized
    def quotes(
        self,
        speaker: str | None = None,
        about: str | None = None,
        doc_id: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[Quote]:
        """Ledger quotes, filtered by speaker (any alias), topic, article and statement date."""
        self.ensure_index()
        ledger = self.ledger()
        if speaker is not None:
            if ledger.find_speaker(speaker) is None:
                raise AssistantError(
                    f"No speaker {speaker!r} in the ledger; `assistant speakers` lists them."
                )
            quotes = ledger.by_speaker(speaker)
        else:
            quotes = list(ledger.quotes)
        if doc_id is not None:
            quotes = [q for q in quotes if q.doc_id == doc_id]
        if since is not None or until is not None:
            metas = self.store().article_metas()
            quotes = [q for q in quotes if _in_range(_quote_day(q, metas), since, until)]
        if about:  # BM25 (the chunks' lexical engine) over the quotes that passed the filters
            lex = self._quote_lexical(ledger)
            keep = {(q.doc_id, q.start) for q in quotes}
            allowed = [(q.doc_id, q.start) in keep for q in ledger.quotes]
            quotes = [ledger.quotes[i] for i, _ in lex.search(about, limit or 50, allowed)]
        return quotes[:limit] if limit else quotes

    def _quote_lexical(self, ledger: Ledger) -> LexicalIndex:
        """A BM25 index over the ledger's quote texts, in ledger order (cached per ledger)."""
        from assistant.engines.lexical import LexicalIndex

        if self._quote_lex is None or self._quote_lex[0] is not ledger:
            qs = ledger.quotes
            lex = LexicalIndex.build(
                [f"{q.doc_id}:{q.start}" for q in qs],
                [q.quote for q in qs],
                [{"doc_id": q.doc_id} for q in qs],
                "",
            )
            self._quote_lex = (ledger, lex)
        return self._quote_lex[1]

    @_serialized
    def speakers(self) -> list[Speaker]:
        """Everyone the ledger quotes: name, aliases, roles, quote count."""
        self.ensure_index()
        return [s.model_copy(deep=True) for s in self.ledger().speakers()]

    @_serialized
    def timeline(
        self, speaker: str | None = None, about: str | None = None, limit: int = 200
    ) -> list[TimelineEntry]:
        """Dated statements and events in order, each cited."""
        from assistant.answer.timeline import build_timeline

        self.ensure_index()
        return build_timeline(self, speaker=speaker, about=about, limit=limit, tuning=self.settings.answer)

    @_serialized
    def sources(self, doc_ids: Sequence[str]) -> Sources:
        """Title, outlet and publication date of each indexed article among ``doc_ids``."""
        ids = sorted(set(doc_ids))
        if not ids:
            return Sources()
        metas = self.store().article_metas(ids)
        out = {}
        for doc_id, m in metas.items():
            day = m.get("published")
            out[doc_id] = Source(
                title=m.get("title") or None,
                outlet=m.get("outlet") or None,
                published=day if isinstance(day, date) else None,
                published_source=m.get("published_source", "none"),
            )
        return Sources(articles=out)

    @_serialized
    def status(self) -> Status:
        """Where the index is and what it holds (nothing is built: see :meth:`check_index`)."""
        base = Status(index_dir=str(self.index_dir), chroma_url=self.settings.chroma_url)
        if not self.check_index():
            return base  # the default index, not built yet
        store = self.store()
        metas = store.article_metas()
        emb = store.embedder_info()
        return base.model_copy(
            update=dict(
                exists=True,
                articles=len(metas),
                chunks=store.count_chunks(),
                quotes=store.count_quotes(),
                embedder=EmbedderInfo(name=emb.get("name"), dim=emb.get("dim")),
                last_indexed=max((m.get("indexed_at", "") for m in metas.values()), default=None),
            )
        )


def passage_evidence(art: Article, start: int, end: int, score: float = 0.0) -> Evidence:
    """An indexed passage (a chunk's ``[start, end)`` of ``art``) as the answer step reads
    it: its sentences (furniture left out), the next sentence when the passage introduces a
    speaker whose words it carries, the entities inside, the headline and lead sentences.
    Also what ``benchmarks.labels_polnear`` builds, so its labels are the answer step's."""
    from assistant.answer.asked import carries_words

    sents = [
        Span(start=s.start, end=s.end)
        for s in art.sentences
        if start <= s.start and s.end <= end and not s.furniture
    ]
    nxt = next((s for s in art.sentences if s.start >= end), None)
    if nxt is not None and not nxt.furniture and carries_words(art.text[nxt.start : nxt.end]):
        # a passage that introduces a speaker goes on to the sentence with their words
        sents.append(Span(start=nxt.start, end=nxt.end))
        end = nxt.end
    headline, lead = _headline_and_lead(art)
    return Evidence(
        doc_id=art.doc_id,
        start=start,
        end=end,
        text=art.text[start:end],
        title=art.meta.title,
        outlet=art.meta.outlet,
        author=art.meta.author,
        published=art.meta.published,
        score=score,
        sentences=sents,
        entities=[e for e in art.entities if start <= e[0] and e[1] <= end],
        headline=[x for x in headline if start <= x < end],
        lead=[x for x in lead if start <= x < end],
    )


def _spans_by_doc(evidence: Sequence[Evidence]) -> dict[str, list[tuple[int, int]]]:
    """(start, end) of each evidence passage, by doc id (for quote-overlap tests)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for e in evidence:
        out.setdefault(e.doc_id, []).append((e.start, e.end))
    return out


def _following(evidence: Sequence[Evidence], arts: dict[str, Article]) -> dict[int, Evidence]:
    """For each evidence passage (numbered from 1), the article's next sentences past its
    end (:data:`FOLLOWING_SENTENCES`, furniture skipped), as a passage that starts where
    the evidence passage ends (so the two join into one stretch of article text)."""
    out: dict[int, Evidence] = {}
    for n, ev in enumerate(evidence, start=1):
        art = arts.get(ev.doc_id)
        if art is None:
            continue
        nxt = [s for s in art.sentences if s.start >= ev.end and not s.furniture][:FOLLOWING_SENTENCES]
        if not nxt:
            continue
        end = nxt[-1].end
        out[n] = Evidence(
            doc_id=ev.doc_id,
            start=ev.end,
            end=end,
            text=art.text[ev.end : end],
            title=ev.title,
            outlet=ev.outlet,
            author=ev.author,
            published=ev.published,
            score=ev.score,
            sentences=[Span(start=s.start, end=s.end) for s in nxt],
            entities=[e for e in art.entities if ev.end <= e[0] and e[1] <= end],
        )
    return out


def _check_k(k: int | None) -> None:
    if k is not None and k < 1:
        raise AssistantError(f"k (passages to retrieve) must be 1 or more, not {k}.")


def _headline_and_lead(art: Article) -> tuple[list[int], list[int]]:
    """Sentence starts of the headline (the title line, or a first paragraph that is the
    title) and of the lead (the first body paragraph)."""
    from assistant.nlp.text import normalise

    title = normalise(art.meta.title or "")
    paras: dict[int, list[int]] = {}
    for s in art.sentences:
        if not s.furniture:
            paras.setdefault(s.paragraph, []).append(s.start)
    order = sorted(paras)
    headline: list[int] = []
    if order:
        first = [s for s in art.sentences if s.paragraph == order[0]]
        text0 = normalise(art.text[first[0].start : first[-1].end])
        if title and (text0 == title or text0 in title or title in text0):
            headline = paras[order[0]]
            order = order[1:]
    return headline, paras[order[0]] if order else []


def needs_fallback(llm: Verified, offline: Verified, on_decline: bool = True) -> bool:
    """Should the verified extractive answer ``offline`` replace the LLM's verified ``llm``?
    (:func:`fallback_reason` says why, or ``None`` when the LLM's answer stands.)"""
    return fallback_reason(llm, offline, on_decline=on_decline) is not None


def fallback_reason(llm: Verified, offline: Verified, on_decline: bool = True) -> str | None:
    """Why the verified extractive answer ``offline`` replaces the LLM's verified ``llm``, or
    ``None`` when the LLM's answer is shown.

    The LLM's answer stands when it holds every claim of the extractive answer (each claim's
    cited sentences, its quotations whole, the speaker it names: :func:`holds_claim`) and
    cites nothing outside the articles the extractive answer cites: it may add sentences of
    those articles the extractive answer left out (the second part of a question, the words
    that follow), or word the same evidence its own way. Whatever it adds cannot take a fact,
    a speaker or a quotation away, nor cite an article the extractive answer does not.

    Replaced, too: an LLM answer that leaves out a claim (on realnews_more a and every other
    development set, a model that wrote one of the extractive answer's sentences, or a
    neighbour of it, lost the fact a later claim held: evals/README, "A strong model's
    answer measured offline"), an answer where the extractive backend abstained (the LLM's answer can only
    cite the evidence it found no verified answer in), and an LLM abstention (the model
    declined, or verification left nothing) -- with ``on_decline`` false
    (``ASSISTANT_LLM_FALLBACK_ON_DECLINE``) a model that itself declined keeps its abstention.
    """
    if offline.abstained:
        return None if llm.abstained else "the extractive backend abstained"
    if llm.abstained:
        return "the model abstained" if on_decline or not llm.declined else None
    docs = {c.doc_id for c in offline.citations}
    if any(c.doc_id not in docs for c in llm.citations):
        return "cites an article the extractive answer does not"
    if not all(holds_claim(llm, claim, cites) for claim, cites in claims(offline)):
        return "leaves out a claim of the extractive answer"
    return None


def _same_span(a: Citation, b: Citation) -> bool:
    """Do two citations point at overlapping text of the same article?"""
    return a.doc_id == b.doc_id and a.start < b.end and b.start < a.end


#: An extractive claim's lead naming its speaker ("Jane Roe: ...").
_SPEAKER_LEAD = re.compile(r"^([^:\[\]]{2,60}): ")
#: A name the extractive answer puts beside an opening pronoun ("He [Jane Roe] will ...").
_NAMED_PRONOUN = re.compile(r"\b(?:He|She|he|she) \[([A-Z][^\]\[\d]{1,60})\]")
#: The time note the extractive answer puts after a sentence's markers ("— on Sunday (Dec. 20, 2015).").
_TIME_NOTE = re.compile(r"\]\s*—\s(.+)$")
#: A quotation in doubled single marks (''...''), as some wire copy prints them.
_DOUBLED_SINGLE = re.compile(r"''(.+?)''")


def claims(v: Verified) -> list[tuple[str, list[Citation]]]:
    """``v``'s claims: each one's text (with its markers) and the citations its ``[n]``
    markers name. The answer's sentences as the verifier splits them
    (:func:`nlp.claims.split_claims`); a sentence without markers belongs to the next one
    that has them (a quotation or a body of two sentences shown before its ``[n]``), and a
    part's own abstention ("The articles do not say: ...") is no claim."""
    from assistant.nlp.claims import CANNOT_ANSWER, MARKER, split_claims

    out, head = [], ""
    for piece in split_claims(v.text):
        if piece.startswith(CANNOT_ANSWER):
            continue
        ns = {int(n) for m in MARKER.findall(piece) for n in re.findall(r"\d+", m)}
        if not ns:
            head = f"{head} {piece}".strip()
            continue
        out.append((f"{head} {piece}".strip(), [c for c in v.citations if c.n in ns]))
        head = ""
    return out


def holds_claim(llm: Verified, claim: str, cites: list[Citation]) -> bool:
    """Does the verified answer ``llm`` hold what an extractive ``claim`` resting on
    ``cites`` holds: it cites every sentence the claim cites, shows every quotation of it
    whole, names the speaker the claim leads with and the person it names beside a pronoun
    (by the name's last word), and shows the time note after its markers? Compared as
    EVAL_SPEC compares text (normalised)."""
    from assistant.answer.verify import quoted_spans
    from assistant.nlp.claims import MARKER
    from assistant.nlp.text import normalise

    if not cites or not all(any(_same_span(a, b) for a in llm.citations) for b in cites):
        return False
    said = normalise(llm.text)
    note = _TIME_NOTE.search(claim)
    claim = re.sub(r"\s*" + MARKER.pattern, "", claim)
    quotes = [normalise(q).strip(" .,") for q in quoted_spans(claim)]
    quotes += [normalise(q) for q in _DOUBLED_SINGLE.findall(claim)]
    who = _SPEAKER_LEAD.match(claim)
    # who the claim says it is: its lead ("Jane Roe: ...") and a name it puts beside a
    # pronoun ("He [Roe] ..."); named when the answer holds the name's last word
    names = [who.group(1)] if who else []
    names += _NAMED_PRONOUN.findall(claim)
    named = all(re.search(rf"\b{re.escape(normalise(n).split()[-1])}\b", said) for n in names if n.split())
    # when it was: the time note after the sentence's markers ("— on Sunday (Dec. 20, 2015).")
    dated = note is None or normalise(note.group(1)).strip(" .,") in said
    return all(q in said for q in quotes) and named and dated


def _quote_day(q: Quote, metas: dict[str, dict[str, Any]]) -> date | None:
    """When the words were said: the statement date, else the article's publication date."""
    published = metas.get(q.doc_id, {}).get("published")
    return q.date or (published if isinstance(published, date) else None)


def _in_range(day: date | None, since: date | None, until: date | None) -> bool:
    if day is None:
        return False
    return (since is None or day >= since) and (until is None or day <= until)


def _time_notes(question: str, evidence: list[Evidence], arts: dict[str, Article]) -> dict[str, str]:
    """For a *when* question: each evidence sentence's time expressions, resolved against
    the article's publication date when there is one, else kept as the text says them. A
    sentence with none of its own gets the time a sentence just before sets the scene at
    (:func:`~assistant.nlp.timex.scene_time`), quoting that sentence."""
    from assistant.nlp.questions import asks_when
    from assistant.nlp.text import quotation_spans
    from assistant.nlp.timex import find_time_expressions, format_when, scene_time, when_or_no_date

    if not asks_when(question):
        return {}
    notes: dict[str, str] = {}
    for ev in evidence:
        art = arts[ev.doc_id]
        at = {s.start: i for i, s in enumerate(art.sentences)}
        for sp in ev.sentences:
            exprs = find_time_expressions(art.text, sp.start, sp.end, art.meta.published)
            if exprs:
                notes[f"{ev.doc_id}:{sp.start}"] = "; ".join(
                    format_when(e) if e.date else when_or_no_date(e) for e in exprs[:2]
                )
                continue
            scene = (
                scene_time(art.text, art.sentences, at[sp.start], art.meta.published)
                if sp.start in at
                else None
            )
            if scene is None:
                continue
            expr, said = scene
            words = art.text[said.start : said.end].rstrip(" .")
            spans, unclosed, unopened = quotation_spans(words)
            source = f": “{words}”" if not (spans or unclosed or unopened) else ""
            when = format_when(expr) if expr.date else when_or_no_date(expr)
            notes[f"{ev.doc_id}:{sp.start}"] = f"{when}, as the article says just before{source}"
    return notes
