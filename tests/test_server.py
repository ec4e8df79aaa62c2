"""The OpenAI-compatible server: real uvicorn on loopback, driven by the real ``openai`` client."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest
from pydantic import BaseModel
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.testclient import TestClient

from assistant.errors import (
    AssistantError,
    BackendError,
    BusyError,
    IndexBusyError,
    IndexMissingError,
)
from assistant.interfaces.chat_protocol import (
    ChatMessage,
    ChatRequestError,
    answer_content,
    split_conversation,
    strip_sources,
)
from assistant.interfaces.server import create_app, from_assistant_error
from assistant.nlp.text import shown_quote
from assistant.service import Assistant
from assistant.types import Answer, Citation
from benchmarks.load import serve
from tests.conftest import isolated_assistant

KEY = "test-key-5b1f0c"
QUESTION = "Who called the China deal a red flag?"


def live(app: Starlette) -> AbstractContextManager[str]:
    """The shared loopback server helper, with info logs (tests read them for secrets)."""
    return serve(app, log_level="info")


class SpyAssistant(Assistant):
    """The real Assistant that also records the keyword arguments of each answer call."""

    def __init__(self, *args: Any, **kw: Any):
        super().__init__(*args, **kw)
        self.calls: list[dict[str, Any]] = []

    def ask(self, question: str, **kw: Any) -> Answer:  # type: ignore[override]
        self.calls.append({"question": question, **kw})
        return super().ask(question, **kw)

    def ask_stream(self, question: str, **kw: Any) -> Iterator[str | Answer]:  # type: ignore[override]
        self.calls.append({"question": question, **kw})
        return super().ask_stream(question, **kw)


@pytest.fixture(scope="module")
def spy(built_index: Path, tmp_path_factory: pytest.TempPathFactory) -> SpyAssistant:
    spy: SpyAssistant = isolated_assistant(built_index, tmp_path_factory, SpyAssistant)
    return spy


@pytest.fixture(scope="module")
def base(spy: SpyAssistant) -> Iterator[str]:
    with live(create_app(spy, api_key=KEY, max_body=8_000, web_dir=None)) as url:
        yield url


@pytest.fixture
def client(base: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{base}/v1", api_key=KEY, max_retries=0, timeout=60)


def article_text(base: str, doc_id: str) -> str:
    r = httpx.get(f"{base}/v1/articles/{doc_id}", headers={"Authorization": f"Bearer {KEY}"})
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {
        "doc_id",
        "title",
        "outlet",
        "author",
        "published",
        "published_source",
        "url",
        "text",
    }
    assert body["doc_id"] == doc_id
    return str(body["text"])


def test_healthz_needs_no_token(base: str) -> None:
    r = httpx.get(f"{base}/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok"}


def test_models_lists_assistant(client: openai.OpenAI) -> None:
    assert [m.id for m in client.models.list()] == ["assistant"]


def test_a_wrong_key_is_refused_by_the_openai_client(base: str) -> None:
    c = openai.OpenAI(base_url=f"{base}/v1", api_key="wrong", max_retries=0)
    with pytest.raises(openai.AuthenticationError) as info:
        c.chat.completions.create(model="assistant", messages=[{"role": "user", "content": QUESTION}])
    assert info.value.status_code == 401
    assert info.value.body["code"] == "invalid_api_key"  # type: ignore[index]


@pytest.mark.parametrize("auth", [None, "Bearer wrong", f"Basic {KEY}", KEY, f"Bearer {KEY}x"])
def test_every_data_route_needs_the_token(base: str, auth: str | None) -> None:
    headers = {"Authorization": auth} if auth else {}
    for method, path in [
        ("GET", "/v1/models"),
        ("GET", "/v1/articles/x"),
        ("GET", "/v1/status"),
        ("GET", "/v1/speakers"),
        ("GET", "/v1/quotes"),
        ("POST", "/v1/ask"),
        ("POST", "/v1/search"),
        ("POST", "/v1/chat/completions"),
        ("GET", "/nope"),
    ]:
        r = httpx.request(method, f"{base}{path}", headers=headers, json={"question": QUESTION})
        assert r.status_code == 401, (method, path)
        assert r.json()["error"]["type"] == "authentication_error"


def test_chat_completion_carries_citations_in_text_and_data(client: openai.OpenAI, base: str) -> None:
    done = client.chat.completions.create(model="assistant", messages=[{"role": "user", "content": QUESTION}])
    content = done.choices[0].message.content or ""
    assert done.object == "chat.completion" and done.choices[0].finish_reason == "stop"
    assert "Jivani" in content and "[1]" in content and "\n\nSources:\n- [1] " in content
    cites = (done.model_extra or {})["citations"]
    assert cites and {c["n"] for c in cites} == {int(n) for n in _markers(content)}
    for c in cites:
        assert article_text(base, c["doc_id"])[c["start"] : c["end"]] == c["quote"]
        assert shown_quote(c["quote"]) in content and c["doc_id"] in content


def _markers(content: str) -> list[str]:
    import re

    return re.findall(r"\[(\d+)\]", content.split("\n\nSources:")[0])


def test_streamed_chat_matches_the_plain_one(client: openai.OpenAI) -> None:
    plain = client.chat.completions.create(
        model="assistant", messages=[{"role": "user", "content": QUESTION}]
    )
    chunks = list(
        client.chat.completions.create(
            model="assistant",
            messages=[{"role": "user", "content": QUESTION}],
            stream=True,
            stream_options={"include_usage": True},
        )
    )
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == plain.choices[0].message.content
    final = [c for c in chunks if c.choices and c.choices[0].finish_reason == "stop"]
    assert len(final) == 1
    assert (final[0].model_extra or {})["citations"] == (plain.model_extra or {})["citations"]
    assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens > 0


def test_raw_sse_ends_with_done(base: str) -> None:
    body = {
        "model": "assistant",
        "stream": True,
        "messages": [{"role": "user", "content": QUESTION}],
    }
    with httpx.stream(
        "POST",
        f"{base}/v1/chat/completions",
        json=body,
        timeout=60,
        headers={"Authorization": f"Bearer {KEY}"},
    ) as r:
        assert r.headers["content-type"].startswith("text/event-stream")
        events = [line for line in r.iter_lines() if line.startswith("data: ")]
    assert events[-1] == "data: [DONE]"
    assert json.loads(events[0][6:])["choices"][0]["delta"]["role"] == "assistant"


def test_earlier_turns_reach_the_assistant_as_history(client: openai.OpenAI, spy: SpyAssistant) -> None:
    first = client.chat.completions.create(
        model="assistant", messages=[{"role": "user", "content": QUESTION}]
    )
    prior = first.choices[0].message.content or ""
    spy.calls.clear()
    client.chat.completions.create(
        model="assistant",
        stream=True,
        messages=[
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": QUESTION},
            {"role": "assistant", "content": prior},
            {"role": "user", "content": [{"type": "text", "text": "What else did he say?"}]},
        ],
        extra_body={"k": 4},
    ).close()
    call = spy.calls[-1]
    assert call["question"] == "What else did he say?" and call["k"] == 4
    assert [(t.role, t.content) for t in call["history"]] == [
        ("user", QUESTION),
        ("assistant", prior.split("\n\nSources:")[0]),
    ]


def test_ask_returns_the_eval_spec_object(base: str) -> None:
    r = httpx.post(
        f"{base}/v1/ask",
        json={"question": QUESTION, "k": 6},
        headers={"Authorization": f"Bearer {KEY}"},
        timeout=60,
    )
    assert r.status_code == 200
    body = r.json()
    assert set(Answer.model_fields) == set(body)
    assert body["question"] == QUESTION and body["abstained"] is False
    assert body["backend"] == "extractive" and set(body["timings_ms"]) >= {
        "retrieve",
        "answer",
        "total",
    }
    assert body["citations"]
    for c in body["citations"]:
        assert set(c) == set(Citation.model_fields)
        assert article_text(base, c["doc_id"])[c["start"] : c["end"]] == c["quote"]
        assert f"[{c['n']}]" in body["answer"]


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        (b"{not json", 400, "bad_json"),
        (json.dumps({"question": ""}).encode(), 400, "invalid_body"),
        (json.dumps({"question": "x", "since": "yesterday"}).encode(), 400, "invalid_body"),
        (json.dumps({"question": "x", "colour": "red"}).encode(), 400, "invalid_body"),
        (json.dumps({"question": "x" * 20_000}).encode(), 413, "body_too_large"),
    ],
)
def test_bad_requests_get_openai_shaped_errors(base: str, payload: bytes, status: int, code: str) -> None:
    r = httpx.post(f"{base}/v1/ask", content=payload, headers={"Authorization": f"Bearer {KEY}"})
    assert r.status_code == status
    err = r.json()["error"]
    assert err["code"] == code and err["message"] and err["type"] == "invalid_request_error"


def test_chunked_oversized_body_is_refused(base: str) -> None:
    def parts() -> Iterator[bytes]:
        yield b'{"question": "'
        for _ in range(20):
            yield b"x" * 1000
        yield b'"}'

    r = httpx.post(f"{base}/v1/ask", content=parts(), headers={"Authorization": f"Bearer {KEY}"})
    assert r.status_code == 413


def test_chat_without_a_user_message_is_a_400(client: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError, match="no user message"):
        client.chat.completions.create(model="assistant", messages=[{"role": "system", "content": "hi"}])


def test_unknown_article_is_404(base: str) -> None:
    r = httpx.get(f"{base}/v1/articles/no-such-doc", headers={"Authorization": f"Bearer {KEY}"})
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_search_and_status(base: str) -> None:
    h = {"Authorization": f"Bearer {KEY}"}
    hits = httpx.post(
        f"{base}/v1/search", json={"query": "red flag China", "k": 3}, headers=h, timeout=60
    ).json()["hits"]
    assert 1 <= len(hits) <= 3 and all(
        article_text(base, x["doc_id"])[x["start"] : x["end"]] == x["text"] for x in hits
    )
    status = httpx.get(f"{base}/v1/status", headers=h).json()
    assert status["exists"] and status["articles"] == 5


def test_the_key_never_reaches_the_logs(base: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    httpx.get(f"{base}/v1/models", headers={"Authorization": f"Bearer {KEY}"})
    httpx.get(f"{base}/v1/models", headers={"Authorization": "Bearer not-the-key-77"})
    assert caplog.records, "uvicorn access log expected"
    assert KEY not in caplog.text and "not-the-key-77" not in caplog.text


# -- behaviour that needs a stand-in for the Assistant ----------------------------------------
class Blocking:
    """Holds every ask until released: fills the server to capacity."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.entered = threading.Event()

    def ask(self, question: str, **kw: Any) -> Answer:
        self.entered.set()
        self.release.wait(10)
        return Answer(question=question, answer="ok", abstained=True, backend="blocking", citations=[])


def test_over_capacity_gets_503_at_once() -> None:
    fake = Blocking()
    with live(create_app(fake, max_concurrency=1, web_dir=None)) as url:  # type: ignore[arg-type]
        results: list[int] = []
        t = threading.Thread(
            target=lambda: results.append(
                httpx.post(f"{url}/v1/ask", json={"question": "q"}, timeout=20).status_code
            )
        )
        t.start()
        assert fake.entered.wait(10)
        # answered while the first request is still held: refused, not queued behind it
        busy = httpx.post(f"{url}/v1/ask", json={"question": "q"}, timeout=20)
        assert busy.status_code == 503 and not fake.release.is_set()
        assert busy.json()["error"]["code"] == "overloaded" and busy.headers["retry-after"] == "1"
        fake.release.set()
        t.join(10)
        assert results == [200]


class Failing:
    def ask_stream(self, question: str, **kw: Any) -> Iterator[Any]:
        raise IndexBusyError("The index is being written by pid 1.")
        yield  # pragma: no cover


def test_stream_error_before_first_piece_keeps_its_status() -> None:
    with TestClient(create_app(Failing(), web_dir=None)) as tc:  # type: ignore[arg-type]
        r = tc.post(
            "/v1/chat/completions",
            json={"stream": True, "messages": [{"role": "user", "content": "q"}]},
        )
    assert r.status_code == 503 and r.json()["error"]["code"] == "index_busy"


def test_web_page_loads_without_token_but_data_does_not(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><body>login</body></html>")
    with TestClient(create_app(object(), api_key=KEY, web_dir=tmp_path)) as tc:  # type: ignore[arg-type]
        assert tc.get("/").status_code == 200 and "login" in tc.get("/").text
        assert tc.get("/healthz").status_code == 200
        assert tc.get("/v1/models").status_code == 401
        assert tc.get("/v1/models", headers={"Authorization": f"Bearer {KEY}"}).status_code == 200


# -- auth and errors through Starlette's own mechanisms (a stand-in Assistant) -----------------
PROTECTED = [
    ("GET", "/v1/models"),
    ("GET", "/v1/articles/x"),
    ("GET", "/v1/status"),
    ("GET", "/v1/speakers"),
    ("GET", "/v1/quotes"),
    ("GET", "/v1/timeline"),
    ("POST", "/v1/ask"),
    ("POST", "/v1/search"),
    ("POST", "/v1/chat/completions"),
]
REFUSED = {
    "error": {
        "message": "Missing or wrong API key: send 'Authorization: Bearer <key>'.",
        "type": "authentication_error",
        "param": None,
        "code": "invalid_api_key",
    }
}


@pytest.mark.parametrize("with_web", [False, True])
def test_a_wrong_key_on_each_protected_route_is_the_json_401(tmp_path: Path, with_web: bool) -> None:
    (tmp_path / "index.html").write_text("<html><body>page</body></html>")
    app = create_app(object(), api_key=KEY, web_dir=tmp_path if with_web else None)  # type: ignore[arg-type]
    with TestClient(app) as tc:
        for method, path in PROTECTED + [("GET", "/v1/no-such-route"), ("DELETE", "/v1/ask")]:
            for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Token {KEY}"}):
                r = tc.request(method, path, headers=headers, json={"question": QUESTION})
                assert (r.status_code, r.json()) == (401, REFUSED), (method, path, headers)
                assert r.headers["www-authenticate"] == "Bearer"


def test_public_paths_need_no_key_and_ignore_a_wrong_one(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><body>page</body></html>")
    (tmp_path / "app.js").write_text("console.log('page');")
    with TestClient(create_app(object(), api_key=KEY, web_dir=tmp_path)) as tc:  # type: ignore[arg-type]
        for headers in ({}, {"Authorization": "Bearer wrong"}):
            assert tc.get("/healthz", headers=headers).json() == {"status": "ok"}
            assert "page" in tc.get("/", headers=headers).text
            assert "console.log" in tc.get("/app.js", headers=headers).text
            missing = tc.get("/no-such-file.css", headers=headers)  # public, so routed: a 404
            assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_the_key_in_any_case_of_bearer_opens_the_routes() -> None:
    with TestClient(create_app(object(), api_key=KEY, web_dir=None)) as tc:  # type: ignore[arg-type]
        for auth in (f"Bearer {KEY}", f"bearer {KEY}", f"BEARER  {KEY} "):
            r = tc.get("/v1/models", headers={"Authorization": auth})
            assert r.status_code == 200 and r.json()["data"][0]["id"] == "assistant", auth


def test_a_protected_route_on_a_public_path_still_requires_the_key() -> None:
    """``requires`` on each data route: a caller the middleware leaves anonymous is refused."""
    from starlette.middleware import Middleware
    from starlette.middleware.authentication import AuthenticationMiddleware
    from starlette.routing import Route

    from assistant.interfaces.server import BearerKey, protected

    served: list[str] = []

    @protected
    async def data(request: Any) -> Any:
        served.append(request.user.display_name)
        return JSONResponse({"ok": True})

    handlers = create_app(object(), web_dir=None).exception_handlers  # type: ignore[arg-type]
    everything_public = BearerKey(KEY, public=lambda path: True)
    app = Starlette(
        routes=[Route("/data", data)],
        middleware=[Middleware(AuthenticationMiddleware, backend=everything_public)],
        exception_handlers=handlers,
    )
    with TestClient(app) as tc:
        r = tc.get("/data", headers={"Authorization": "Bearer wrong"})
        assert (r.status_code, r.json(), r.headers["www-authenticate"]) == (401, REFUSED, "Bearer")
        assert served == []
        assert tc.get("/data", headers={"Authorization": f"Bearer {KEY}"}).json() == {"ok": True}
        assert served == ["api-key"]


class Raising:
    """Every Assistant call raises ``error``."""

    def __init__(self, error: Exception):
        self.error = error

    def _raise(self, *args: Any, **kw: Any) -> Any:
        raise self.error

    ask = ask_stream = search = status = quotes = timeline = speakers = _raise


@pytest.mark.parametrize(
    ("error", "status", "type_", "code"),
    [
        (AssistantError("plain failure"), 400, "invalid_request_error", "assistant"),
        (BackendError("model down"), 502, "server_error", "backend"),
        (IndexMissingError("no index here"), 503, "server_error", "index_missing"),
        (IndexBusyError("being written"), 503, "server_error", "index_busy"),
        (BusyError("engine held"), 503, "server_error", "overloaded"),
    ],
)
def test_an_assistant_error_raised_in_a_route_is_its_json_error(
    error: AssistantError, status: int, type_: str, code: str
) -> None:
    chat = {"messages": [{"role": "user", "content": "q"}]}
    with TestClient(create_app(Raising(error), web_dir=None)) as tc:  # type: ignore[arg-type]
        for method, path, body in [
            ("POST", "/v1/ask", {"question": "q"}),
            ("POST", "/v1/search", {"query": "q"}),
            ("GET", "/v1/quotes", None),
            ("GET", "/v1/timeline", None),
            ("GET", "/v1/speakers", None),
            ("GET", "/v1/status", None),
            ("POST", "/v1/chat/completions", chat),
            ("POST", "/v1/chat/completions", chat | {"stream": True}),
        ]:
            r = tc.request(method, path, json=body)
            assert r.status_code == status, (method, path, body)
            err = r.json()["error"]
            assert (err["type"], err["code"], err["param"]) == (type_, code, None), path
            assert err["message"] == (
                "The server is busy; retry shortly." if code == "overloaded" else str(error)
            )
            assert r.headers.get("retry-after") == ("1" if status == 503 else None)


def test_a_validation_error_inside_the_engine_is_a_500_not_a_bad_body() -> None:
    """Only the request body's own ValidationError is a 400; the engine's is a server fault."""

    class Strict(BaseModel):
        n: int

    def invalid() -> None:
        Strict.model_validate({"n": "not a number"})

    app = create_app(Raising(ValueError()), web_dir=None)  # type: ignore[arg-type]
    app.state.service.assistant.ask = lambda question, **kw: invalid()
    with TestClient(app, raise_server_exceptions=False) as tc:
        r = tc.post("/v1/ask", json={"question": "q"})
        assert r.status_code == 500 and "invalid_body" not in r.text
        bad = tc.post("/v1/ask", json={"question": "q", "k": "many"})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_body"


class FailingLate:
    def ask_stream(self, question: str, **kw: Any) -> Iterator[Any]:
        yield "The first words "
        raise BackendError("The model went away.")


def test_an_error_after_the_first_event_is_an_sse_error_event() -> None:
    body = {"stream": True, "messages": [{"role": "user", "content": "q"}]}
    with TestClient(create_app(FailingLate(), web_dir=None)) as tc:  # type: ignore[arg-type]
        r = tc.post("/v1/chat/completions", json=body)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    events = [e.removeprefix("data: ") for e in r.text.split("\n\n") if e]
    assert events[-1] == "[DONE]"
    pieces = [json.loads(e) for e in events[:-1]]
    assert pieces[1]["choices"][0]["delta"] == {"content": "The first words "}
    assert pieces[-1] == {
        "error": {"message": "The model went away.", "type": "server_error", "code": "backend"}
    }


# -- pure helpers ------------------------------------------------------------------------------
def test_error_mapping() -> None:
    assert from_assistant_error(IndexMissingError("x")).status == 503
    assert from_assistant_error(IndexBusyError("x")).code == "index_busy"
    assert from_assistant_error(BackendError("x")).status == 502
    assert from_assistant_error(AssistantError("x")).status == 400


def test_split_conversation_and_sources_round_trip() -> None:
    c = Citation(
        n=1,
        doc_id="d1",
        title="T",
        outlet="O",
        published="2026-01-02",
        quote="We will.",
        start=0,
        end=8,
    )
    ans = Answer(question="q", answer="She said so [1]", abstained=False, backend="x", citations=[c])
    content = answer_content(ans)
    assert content == "She said so [1]\n\nSources:\n- [1] T, O, 2026-01-02 (doc d1): “We will.”"
    assert strip_sources(content) == "She said so [1]"
    q, hist = split_conversation(
        [
            ChatMessage(role="developer", content="rules"),
            ChatMessage(role="user", content="a"),
            ChatMessage(role="assistant", content=content),
            ChatMessage(role="tool", content="t"),
            ChatMessage(role="user", content=" b "),
            ChatMessage(role="assistant", content=None),
        ]
    )
    assert q == "b" and [(t.role, t.content) for t in hist] == [
        ("user", "a"),
        ("assistant", "She said so [1]"),
    ]


@pytest.mark.parametrize(
    "messages",
    [[ChatMessage(role="system", content="x")], [ChatMessage(role="user", content=[])]],
)
def test_a_conversation_without_a_question_is_refused(messages: list[ChatMessage]) -> None:
    with pytest.raises(ChatRequestError):
        split_conversation(messages)


def test_sources_block_does_not_double_quotation_marks() -> None:
    said = "“I am confident he will do a great job. He’s a smart businessperson.”"
    cites = [
        Citation(n=1, doc_id="d1", quote=said, start=0, end=len(said)),
        Citation(n=2, doc_id="d2", quote='"We will," she said.', start=0, end=20),
        Citation(n=3, doc_id="d3", quote="Ford praised him.", start=0, end=17),
    ]
    content = answer_content(
        Answer(question="q", answer="a [1][2][3]", abstained=False, backend="x", citations=cites)
    )
    assert f"- [1] doc d1: {said}\n" in content
    assert '- [2] doc d2: "We will," she said.\n' in content
    assert content.endswith("- [3] doc d3: “Ford praised him.”")
    assert "““" not in content and "””" not in content and '“"' not in content
