"""An OpenAI-compatible HTTP server over :class:`assistant.service.Assistant` (Starlette).

Routes (all but ``/healthz`` and the static web page need ``Authorization: Bearer KEY``
when the app is created with an ``api_key``):

* ``GET  /healthz``                  liveness, no auth
* ``GET  /v1/models``                one model, ``assistant``
* ``POST /v1/chat/completions``      OpenAI chat protocol, streamed (SSE) or not; the last
  user message is the question, earlier turns are history. The content keeps ``[n]``
  markers and ends with a ``Sources:`` block; a top-level ``citations`` array carries the
  same citations as data, so they survive clients that only show text.
* ``POST /v1/ask``                   the ``ask --json`` object (EVAL_SPEC section 3)
* ``POST /v1/search``                ranked passages
* ``GET  /v1/quotes``, ``/v1/speakers``   the quote ledger (501 when not in this build)
* ``GET  /v1/articles/{doc_id}``     one article's text and metadata
* ``GET  /v1/status``                the index status
* ``/``                              the static web app in ``assistant/web/`` when present

The engines behind one :class:`Assistant` are not all thread-safe (the lexical index is
loaded lazily, the embedder is a C engine), so blocking calls run in the thread pool one
at a time under a per-app lock; at most ``max_concurrency`` requests are admitted at
once, the rest get 503 at once. The API key and ``Authorization`` header are never logged.
"""

from __future__ import annotations

import hmac
import json
import logging
import queue
import re
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from assistant.errors import (
    AssistantError,
    BackendError,
    ConfigError,
    EmbedderMismatchError,
    IndexBusyError,
    IndexMissingError,
)
from assistant.types import Answer, Citation, Turn

if TYPE_CHECKING:
    from assistant.service import Assistant

log = logging.getLogger("assistant.server")

MODEL_ID = "assistant"
WEB_DIR = Path(__file__).resolve().parent / "web"
_SOURCES_RE = re.compile(r"\n+Sources:\n(?:- \[\d+\].*(?:\n|$))+\s*$")
T = TypeVar("T")


# -- errors --------------------------------------------------------------------------------
class HTTPError(Exception):
    """An error answered as an OpenAI-shaped JSON object."""

    def __init__(self, status: int, message: str, type_: str = "invalid_request_error",
                 code: str | None = None):
        super().__init__(message)
        self.status, self.message, self.type, self.code = status, message, type_, code

    def response(self) -> JSONResponse:
        headers = {"Retry-After": "1"} if self.status == 503 else None
        return JSONResponse(
            {"error": {"message": self.message, "type": self.type, "param": None, "code": self.code}},
            status_code=self.status, headers=headers,
        )


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name.removesuffix("Error")).lower() or "assistant"


def from_assistant_error(exc: AssistantError, not_found: bool = False) -> HTTPError:
    """Map the library's error family onto HTTP statuses."""
    code = _snake(type(exc).__name__)
    if not_found:
        return HTTPError(404, str(exc), "invalid_request_error", "not_found")
    if isinstance(exc, IndexMissingError | IndexBusyError | EmbedderMismatchError):
        return HTTPError(503, str(exc), "server_error", code)
    if isinstance(exc, BackendError):
        return HTTPError(502, str(exc), "server_error", code)
    if isinstance(exc, ConfigError):
        return HTTPError(400, str(exc), "invalid_request_error", code)
    return HTTPError(400, str(exc), "invalid_request_error", code)


# -- request bodies ------------------------------------------------------------------------
class _Filters(BaseModel):
    k: int | None = Field(default=None, ge=1, le=50)
    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    speaker: str | None = None
    backend: str | None = None


class AskRequest(_Filters):
    """Body of ``POST /v1/ask``."""

    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=1, max_length=4000)


class SearchRequest(BaseModel):
    """Body of ``POST /v1/search``."""

    model_config = ConfigDict(extra="forbid")
    query: str = Field(min_length=1, max_length=4000)
    k: int = Field(default=8, ge=1, le=50)
    since: date | None = None
    until: date | None = None
    outlet: str | None = None


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str
    content: str | list[dict[str, Any]] | None = None


class ChatRequest(_Filters):
    """Body of ``POST /v1/chat/completions``; OpenAI fields we do not use are ignored.

    The filter fields of ``/v1/ask`` (``k``, ``since``...) may be sent as extras
    (``extra_body=`` in the ``openai`` client).
    """

    model_config = ConfigDict(extra="ignore")
    model: str = MODEL_ID
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    stream_options: dict[str, Any] | None = None


M = TypeVar("M", bound=BaseModel)


async def read_json(request: Request, model: type[M], max_body: int) -> M:
    """Read at most ``max_body`` bytes of JSON and validate it (400 / 413 on failure)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_body:
        raise HTTPError(413, f"Request body over {max_body} bytes.", code="body_too_large")
    body = bytearray()
    async for part in request.stream():
        body += part
        if len(body) > max_body:
            raise HTTPError(413, f"Request body over {max_body} bytes.", code="body_too_large")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise HTTPError(400, "The request body is not valid JSON.", code="bad_json") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise HTTPError(400, f"Invalid request: {where}: {first['msg']}.", code="invalid_body") from None


# -- text rendering -------------------------------------------------------------------------
def render_sources(citations: Sequence[Citation]) -> str:
    """A ``Sources:`` block: one markdown list line per citation, readable as plain text."""
    if not citations:
        return ""
    lines = ["Sources:"]
    for c in citations:
        head = ", ".join(x for x in (c.title, c.outlet, c.published) if x)
        lines.append(f"- [{c.n}] {head} (doc {c.doc_id}): “{c.quote}”" if head
                     else f"- [{c.n}] doc {c.doc_id}: “{c.quote}”")
    return "\n".join(lines)


def answer_content(answer: Answer) -> str:
    """The answer text with its ``[n]`` markers, then the Sources block."""
    block = render_sources(answer.citations)
    return f"{answer.answer.rstrip()}\n\n{block}" if block else answer.answer


def strip_sources(content: str) -> str:
    """An earlier assistant turn without the Sources block this server appended."""
    return _SOURCES_RE.sub("", content).rstrip()


def message_text(content: str | list[dict[str, Any]] | None) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    return "\n".join(str(p.get("text", "")) for p in content if p.get("type") == "text")


def split_conversation(messages: Sequence[ChatMessage]) -> tuple[str, list[Turn]]:
    """The last user message is the question; earlier user/assistant turns are history."""
    last = max((i for i, m in enumerate(messages) if m.role == "user"), default=None)
    if last is None:
        raise HTTPError(400, "messages holds no user message.", code="no_question")
    question = message_text(messages[last].content).strip()
    if not question:
        raise HTTPError(400, "The last user message is empty.", code="no_question")
    history = []
    for m in messages[:last]:
        if m.role in ("user", "assistant"):
            text = message_text(m.content)
            text = strip_sources(text) if m.role == "assistant" else text.strip()
            if text:
                role: Literal["user", "assistant"] = "user" if m.role == "user" else "assistant"
                history.append(Turn(role=role, content=text))
    return question, history


def citations_json(answer: Answer) -> list[dict[str, Any]]:
    return [c.model_dump(mode="json") for c in answer.citations]


# -- auth -----------------------------------------------------------------------------------
class BearerAuth:
    """Pure ASGI middleware: ``Authorization: Bearer KEY`` on every path that is not public."""

    def __init__(self, app: ASGIApp, api_key: str, public: Callable[[str], bool]):
        self.app = app
        self._key = api_key.encode()
        self._public = public

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] == "OPTIONS" or self._public(scope["path"]):
            await self.app(scope, receive, send)
            return
        token = b""
        for name, value in scope["headers"]:
            if name == b"authorization":
                scheme, _, rest = value.partition(b" ")
                if scheme.lower() == b"bearer":
                    token = rest.strip()
                break
        if not hmac.compare_digest(token, self._key):
            err = HTTPError(401, "Missing or wrong API key: send 'Authorization: Bearer <key>'.",
                            "authentication_error", "invalid_api_key")
            resp = err.response()
            resp.headers["WWW-Authenticate"] = "Bearer"
            await resp(scope, receive, send)
            return
        await self.app(scope, receive, send)


# -- the app --------------------------------------------------------------------------------
class _Service:
    """The Assistant behind a lock, plus the admission counter."""

    def __init__(self, assistant: Assistant, max_body: int, max_concurrency: int,
                 queue_timeout: float):
        self.assistant = assistant
        self.max_body = max_body
        self.max_concurrency = max_concurrency
        self.queue_timeout = queue_timeout
        self.lock = threading.Lock()
        self.in_flight = 0  # touched only on the event loop thread

    def admit(self) -> None:
        if self.in_flight >= self.max_concurrency:
            raise HTTPError(503, "The server is busy; retry shortly.", "server_error", "overloaded")
        self.in_flight += 1

    def leave(self) -> None:
        self.in_flight -= 1

    def _locked(self, fn: Callable[[], T]) -> T:
        if not self.lock.acquire(timeout=self.queue_timeout):
            raise HTTPError(503, "The server is busy; retry shortly.", "server_error", "overloaded")
        try:
            return fn()
        finally:
            self.lock.release()

    async def call(self, fn: Callable[[], T]) -> T:
        """Run a blocking Assistant call in the thread pool, one at a time."""
        self.admit()
        try:
            return await run_in_threadpool(self._locked, fn)
        finally:
            self.leave()

    def start_stream(self, make: Callable[[], Iterator[str | Answer]]) -> tuple[queue.Queue[Any], threading.Event]:
        """Drain ``make()`` on a worker thread (holding the lock) into a queue.

        Items are text pieces, then the :class:`Answer`; an exception is put as itself;
        ``None`` ends the stream. Setting the returned event stops the worker early.
        """
        out: queue.Queue[Any] = queue.Queue()
        stop = threading.Event()

        def work() -> None:
            try:
                if not self.lock.acquire(timeout=self.queue_timeout):
                    raise HTTPError(503, "The server is busy; retry shortly.", "server_error", "overloaded")
                try:
                    gen = make()
                    try:
                        for item in gen:
                            out.put(item)
                            if stop.is_set():
                                break
                    finally:
                        close = getattr(gen, "close", None)
                        if close is not None:
                            close()
                finally:
                    self.lock.release()
            except BaseException as exc:  # handed to the event loop, which answers it
                out.put(exc)
            finally:
                out.put(None)

        threading.Thread(target=work, name="assistant-stream", daemon=True).start()
        return out, stop


def _json_error_handler(fn: Callable[[Request], Any]) -> Callable[[Request], Any]:
    async def wrapped(request: Request) -> Response:
        try:
            return await fn(request)  # type: ignore[no-any-return]
        except HTTPError as exc:
            return exc.response()
        except AssistantError as exc:
            return from_assistant_error(exc).response()

    wrapped.__name__ = getattr(fn, "__name__", "endpoint")
    return wrapped


def create_app(
    assistant: Assistant,
    api_key: str | None = None,
    max_body: int = 64_000,
    max_concurrency: int = 8,
    queue_timeout: float = 30.0,
    web_dir: Path | None = WEB_DIR,
) -> Starlette:
    """The ASGI app serving ``assistant``; see the module docstring for the routes.

    ``api_key`` turns on bearer-token auth for every route but ``/healthz`` and the static
    web page; ``max_body`` bounds request bodies (413); ``max_concurrency`` bounds requests
    in flight (503 beyond); a request waits at most ``queue_timeout`` seconds for the engine.
    """
    svc = _Service(assistant, max_body, max_concurrency, queue_timeout)
    a = assistant

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def models(request: Request) -> Response:
        return JSONResponse({"object": "list", "data": [
            {"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "assistant"},
        ]})

    async def ask(request: Request) -> Response:
        req = await read_json(request, AskRequest, max_body)
        answer = await svc.call(lambda: a.ask(
            req.question, k=req.k, since=req.since, until=req.until, outlet=req.outlet,
            speaker=req.speaker, backend=req.backend,
        ))
        return JSONResponse(answer.model_dump(mode="json"))

    async def search(request: Request) -> Response:
        req = await read_json(request, SearchRequest, max_body)
        hits = await svc.call(lambda: a.search(req.query, req.k, req.since, req.until, req.outlet))
        return JSONResponse({"hits": [h.model_dump(mode="json") for h in hits]})

    async def article(request: Request) -> Response:
        doc_id = request.path_params["doc_id"]
        try:
            art = await svc.call(lambda: a.article(doc_id))
        except AssistantError as exc:
            raise from_assistant_error(exc, not_found=not isinstance(
                exc, IndexMissingError | IndexBusyError | EmbedderMismatchError)) from None
        m = art.meta
        return JSONResponse({
            "doc_id": art.doc_id, "title": m.title, "outlet": m.outlet, "author": m.author,
            "published": m.published.isoformat() if m.published else None,
            "published_source": m.published_source, "url": m.url, "text": art.text,
        })

    async def status(request: Request) -> Response:
        return JSONResponse(await svc.call(a.status))

    async def quotes(request: Request) -> Response:
        fn = _optional(a, "quotes")
        speaker = request.query_params.get("speaker") or None
        about = request.query_params.get("about") or None
        got = await svc.call(lambda: fn(speaker=speaker, about=about))
        return JSONResponse({"quotes": [_dump(q) for q in got]})

    async def speakers(request: Request) -> Response:
        fn = _optional(a, "speakers")
        got = await svc.call(fn)
        return JSONResponse({"speakers": [_dump(s) for s in got]})

    async def chat(request: Request) -> Response:
        req = await read_json(request, ChatRequest, max_body)
        question, history = split_conversation(req.messages)
        kw: dict[str, Any] = dict(k=req.k, since=req.since, until=req.until, outlet=req.outlet,
                                  speaker=req.speaker, history=history, backend=req.backend)
        cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        if not req.stream:
            answer = await svc.call(lambda: a.ask(question, **kw))
            return JSONResponse(_completion(cid, created, answer))
        include_usage = bool((req.stream_options or {}).get("include_usage"))
        return await _stream(svc, lambda: a.ask_stream(question, **kw), cid, created, include_usage)

    routes: list[BaseRoute] = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/v1/models", models, methods=["GET"]),
        Route("/v1/chat/completions", _json_error_handler(chat), methods=["POST"]),
        Route("/v1/ask", _json_error_handler(ask), methods=["POST"]),
        Route("/v1/search", _json_error_handler(search), methods=["POST"]),
        Route("/v1/articles/{doc_id:str}", _json_error_handler(article), methods=["GET"]),
        Route("/v1/quotes", _json_error_handler(quotes), methods=["GET"]),
        Route("/v1/speakers", _json_error_handler(speakers), methods=["GET"]),
        Route("/v1/status", _json_error_handler(status), methods=["GET"]),
    ]
    has_web = web_dir is not None and web_dir.is_dir()
    if has_web:
        from starlette.staticfiles import StaticFiles

        routes.append(Mount("/", app=StaticFiles(directory=str(web_dir), html=True), name="web"))

    def public(path: str) -> bool:
        if path == "/healthz":
            return True
        return has_web and not (path == "/v1" or path.startswith("/v1/"))

    app = Starlette(routes=routes)
    if api_key:
        app.add_middleware(BearerAuth, api_key=api_key, public=public)
    app.state.service = svc
    return app


def _optional(assistant: Assistant, name: str) -> Callable[..., Any]:
    """A facade method that a build may lack (the quote ledger): 501 when absent."""
    fn = getattr(assistant, name, None)
    if fn is None:
        raise HTTPError(501, f"{name} is not available in this build of assistant.",
                        "server_error", "not_implemented")
    return fn  # type: ignore[no-any-return]


def _dump(item: Any) -> Any:
    return item.model_dump(mode="json") if isinstance(item, BaseModel) else item


def _usage(question: str, content: str) -> dict[str, int]:
    # Whitespace word counts: a rough stand-in, no tokenizer is involved.
    p, c = len(question.split()), len(content.split())
    return {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}


def _extra(answer: Answer) -> dict[str, Any]:
    return {"abstained": answer.abstained, "backend": answer.backend,
            "timings_ms": answer.timings_ms}


def _completion(cid: str, created: int, answer: Answer) -> dict[str, Any]:
    content = answer_content(answer)
    return {
        "id": cid, "object": "chat.completion", "created": created, "model": MODEL_ID,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                     "finish_reason": "stop", "logprobs": None}],
        "usage": _usage(answer.question, content),
        "citations": citations_json(answer),
        "assistant": _extra(answer),
    }


def _chunk(cid: str, created: int, delta: dict[str, Any], finish: str | None = None,
           **extra: Any) -> bytes:
    body = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": MODEL_ID,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
            **extra}
    return f"data: {json.dumps(body, ensure_ascii=False)}\n\n".encode()


async def _stream(svc: _Service, make: Callable[[], Iterator[str | Answer]], cid: str,
                  created: int, include_usage: bool) -> Response:
    """SSE ``chat.completion.chunk`` events, then ``data: [DONE]``.

    The first item is awaited before the response starts, so an error in retrieval is
    still answered with a proper status code; a later one becomes an SSE error event.
    """
    svc.admit()
    try:
        q, stop = svc.start_stream(make)
        first = await run_in_threadpool(q.get)
        if isinstance(first, BaseException):
            await run_in_threadpool(q.get)  # the worker's closing None
            raise first
    except BaseException:
        svc.leave()
        raise

    async def events() -> AsyncIterator[bytes]:
        item: Any = first
        try:
            yield _chunk(cid, created, {"role": "assistant", "content": ""})
            while item is not None:
                if isinstance(item, Answer):
                    tail = render_sources(item.citations)
                    if tail:
                        yield _chunk(cid, created, {"content": f"\n\n{tail}"})
                    yield _chunk(cid, created, {}, "stop", citations=citations_json(item),
                                 assistant=_extra(item))
                    if include_usage:
                        body = {"id": cid, "object": "chat.completion.chunk", "created": created,
                                "model": MODEL_ID, "choices": [],
                                "usage": _usage(item.question, answer_content(item))}
                        yield f"data: {json.dumps(body)}\n\n".encode()
                elif isinstance(item, BaseException):
                    err = (item if isinstance(item, HTTPError) else from_assistant_error(item)
                           if isinstance(item, AssistantError) else
                           HTTPError(500, "Internal error while answering.", "server_error", "internal"))
                    if not isinstance(item, AssistantError | HTTPError):
                        log.error("stream failed", exc_info=item)
                    yield f"data: {json.dumps({'error': {'message': err.message, 'type': err.type, 'code': err.code}})}\n\n".encode()
                elif item:
                    yield _chunk(cid, created, {"content": str(item)})
                item = await run_in_threadpool(q.get)
            yield b"data: [DONE]\n\n"
        finally:
            stop.set()
            svc.leave()

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
