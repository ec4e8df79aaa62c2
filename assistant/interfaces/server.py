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
* ``GET  /v1/quotes``, ``/v1/speakers``   the quote ledger;
  ``/v1/quotes?speaker=&about=&since=&until=`` also maps each quoted article to its
  title, outlet and publication date under ``sources``
* ``GET  /v1/timeline?speaker=&about=``  dated statements and events, in order, each cited
* ``GET  /v1/articles/{doc_id}``     one article's text and metadata
* ``GET  /v1/status``                the index status, plus the answer ``backends`` a client
  may choose from (the default first)
* ``/``                              the static web app in ``assistant/interfaces/web/`` when present

Blocking calls run in the thread pool; the :class:`Assistant` is thread-safe (one lock
of its own), and a call that waits for it longer than its ``queue_timeout`` setting is
answered 503. At most ``max_concurrency`` requests are admitted at once, the rest get 503
at once. The API key and ``Authorization`` header are never logged.
"""

from __future__ import annotations

import hmac
import json
import logging
import queue
import re
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from assistant.errors import (
    AssistantError,
    BackendError,
    BusyError,
    EmbedderMismatchError,
    IndexBusyError,
    IndexMissingError,
)
from assistant.interfaces.chat_protocol import (
    MODEL_ID,
    AskRequest,
    ChatRequest,
    ChatRequestError,
    Completion,
    SearchRequest,
    split_conversation,
    sse,
)
from assistant.nlp.timex import parse_user_date
from assistant.types import Answer

if TYPE_CHECKING:
    from assistant.service import Assistant

log = logging.getLogger("assistant.interfaces.server")

WEB_DIR = Path(__file__).resolve().parent / "web"
_UNAVAILABLE = IndexMissingError | IndexBusyError | EmbedderMismatchError | BusyError
T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


# -- errors --------------------------------------------------------------------------------
class HTTPError(Exception):
    """An error answered as an OpenAI-shaped JSON object."""

    def __init__(
        self,
        status: int,
        message: str,
        type_: str = "invalid_request_error",
        code: str | None = None,
    ):
        super().__init__(message)
        self.status, self.message, self.type, self.code = status, message, type_, code

    def response(self) -> JSONResponse:
        headers = {"Retry-After": "1"} if self.status == 503 else None
        return JSONResponse(
            {
                "error": {
                    "message": self.message,
                    "type": self.type,
                    "param": None,
                    "code": self.code,
                }
            },
            status_code=self.status,
            headers=headers,
        )


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name.removesuffix("Error")).lower() or "assistant"


def from_assistant_error(exc: AssistantError, not_found: bool = False) -> HTTPError:
    """Map the library's error family onto HTTP statuses."""
    code = _snake(type(exc).__name__)
    if isinstance(exc, BusyError):
        return _busy()
    if not_found and not isinstance(exc, _UNAVAILABLE):
        return HTTPError(404, str(exc), "invalid_request_error", "not_found")
    if isinstance(exc, _UNAVAILABLE):
        return HTTPError(503, str(exc), "server_error", code)
    if isinstance(exc, BackendError):
        return HTTPError(502, str(exc), "server_error", code)
    return HTTPError(400, str(exc), "invalid_request_error", code)


def _busy() -> HTTPError:
    return HTTPError(503, "The server is busy; retry shortly.", "server_error", "overloaded")


def _error_event(item: BaseException) -> bytes:
    if isinstance(item, HTTPError):
        err = item
    elif isinstance(item, AssistantError):
        err = from_assistant_error(item)
    else:
        log.error("answer stream failed", exc_info=item)
        err = HTTPError(500, "Internal error while answering.", "server_error", "internal")
    return sse({"error": {"message": err.message, "type": err.type, "code": err.code}})


# -- requests ------------------------------------------------------------------------------
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


# -- auth -----------------------------------------------------------------------------------
class BearerAuth:
    """Pure ASGI middleware: ``Authorization: Bearer KEY`` on every path that is not public."""

    def __init__(self, app: ASGIApp, api_key: str, public: Callable[[str], bool]):
        self.app = app
        self._key = api_key.encode()
        self._public = public

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self._public(scope["path"]):
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
            err = HTTPError(
                401,
                "Missing or wrong API key: send 'Authorization: Bearer <key>'.",
                "authentication_error",
                "invalid_api_key",
            )
            resp = err.response()
            resp.headers["WWW-Authenticate"] = "Bearer"
            await resp(scope, receive, send)
            return
        await self.app(scope, receive, send)


# -- the app --------------------------------------------------------------------------------
class _Service:
    """The Assistant plus the admission counter."""

    def __init__(self, assistant: Assistant, max_body: int, max_concurrency: int):
        self.assistant = assistant
        self.max_body = max_body
        self.max_concurrency = max_concurrency
        self.in_flight = 0  # touched only on the event loop thread

    def admit(self) -> None:
        if self.in_flight >= self.max_concurrency:
            raise _busy()
        self.in_flight += 1

    def leave(self) -> None:
        self.in_flight -= 1

    async def call(self, fn: Callable[[], T]) -> T:
        """Run a blocking Assistant call in the thread pool."""
        self.admit()
        try:
            return await run_in_threadpool(fn)
        finally:
            self.leave()

    def start_stream(
        self, make: Callable[[], Iterator[str | Answer]]
    ) -> tuple[queue.Queue[Any], threading.Event]:
        """Drain ``make()`` on a worker thread into a queue.

        Items are text pieces, then the :class:`Answer`; an exception is put as itself;
        ``None`` ends the stream. Setting the returned event stops the worker early.
        """
        out: queue.Queue[Any] = queue.Queue()
        stop = threading.Event()

        def work() -> None:
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
    max_body: int | None = None,
    max_concurrency: int | None = None,
    web_dir: Path | None = WEB_DIR,
) -> Starlette:
    """The ASGI app serving ``assistant``; see the module docstring for the routes.

    ``api_key`` turns on bearer-token auth for every route but ``/healthz`` and the static
    web page; ``max_body`` bounds request bodies (413); ``max_concurrency`` bounds requests
    in flight (503 beyond); a request waits for the engine at most the assistant's
    ``queue_timeout`` setting (503 beyond).
    """
    from assistant.settings import ServeSettings

    defaults = ServeSettings()  # environment, else defaults; `assistant serve` passes its own
    max_body = defaults.max_body if max_body is None else max_body
    svc = _Service(
        assistant, max_body, defaults.max_concurrency if max_concurrency is None else max_concurrency
    )
    a = assistant

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def models(request: Request) -> Response:
        return JSONResponse(
            {
                "object": "list",
                "data": [
                    {"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "assistant"},
                ],
            }
        )

    async def ask(request: Request) -> Response:
        req = await read_json(request, AskRequest, max_body)
        answer = await svc.call(lambda: a.ask(req.question, **req.ask_kwargs()))
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
            raise from_assistant_error(
                exc,
                not_found=not isinstance(exc, IndexMissingError | IndexBusyError | EmbedderMismatchError),
            ) from None
        m = art.meta
        return JSONResponse(
            {
                "doc_id": art.doc_id,
                "title": m.title,
                "outlet": m.outlet,
                "author": m.author,
                "published": m.published.isoformat() if m.published else None,
                "published_source": m.published_source,
                "url": m.url,
                "text": art.text,
            }
        )

    async def status(request: Request) -> Response:
        info = await svc.call(a.status)
        return JSONResponse(info.to_dict() | {"backends": a.backends()})

    async def quotes(request: Request) -> Response:
        fn = a.quotes
        qp = request.query_params
        speaker = qp.get("speaker") or None
        about = qp.get("about") or None
        since, until = _query_date(qp.get("since"), "since"), _query_date(qp.get("until"), "until")

        def run() -> dict[str, Any]:
            got = fn(speaker=speaker, about=about, since=since, until=until)
            return {
                "quotes": [q.model_dump(mode="json") for q in got],
                "sources": a.sources([q.doc_id for q in got]).to_dict(),
            }

        return JSONResponse(await svc.call(run))

    async def timeline(request: Request) -> Response:
        fn = a.timeline
        speaker = request.query_params.get("speaker") or None
        about = request.query_params.get("about") or None
        got = await svc.call(lambda: fn(speaker=speaker, about=about))
        return JSONResponse({"entries": [e.to_dict() for e in got]})

    async def speakers(request: Request) -> Response:
        fn = a.speakers
        got = await svc.call(fn)
        return JSONResponse({"speakers": [s.to_dict() for s in got]})

    async def chat(request: Request) -> Response:
        req = await read_json(request, ChatRequest, max_body)
        try:
            question, history = split_conversation(req.messages)
        except ChatRequestError as exc:
            raise HTTPError(400, str(exc), code=exc.code) from None
        kw = req.ask_kwargs() | {"history": history}
        done = Completion()
        if not req.stream:
            answer = await svc.call(lambda: a.ask(question, **kw))
            return JSONResponse(done.whole(answer))
        include_usage = bool((req.stream_options or {}).get("include_usage"))
        return await _stream(svc, lambda: a.ask_stream(question, **kw), done, include_usage)

    routes: list[BaseRoute] = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/v1/models", models, methods=["GET"]),
        Route("/v1/chat/completions", _json_error_handler(chat), methods=["POST"]),
        Route("/v1/ask", _json_error_handler(ask), methods=["POST"]),
        Route("/v1/search", _json_error_handler(search), methods=["POST"]),
        Route("/v1/articles/{doc_id:str}", _json_error_handler(article), methods=["GET"]),
        Route("/v1/quotes", _json_error_handler(quotes), methods=["GET"]),
        Route("/v1/speakers", _json_error_handler(speakers), methods=["GET"]),
        Route("/v1/timeline", _json_error_handler(timeline), methods=["GET"]),
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

    app = Starlette(routes=routes, exception_handlers={HTTPException: _routing_error})
    if api_key:
        app.add_middleware(BearerAuth, api_key=api_key, public=public)
    app.state.service = svc
    return app


_ROUTING_CODES = {404: "not_found", 405: "method_not_allowed"}


async def _routing_error(request: Request, exc: Exception) -> Response:
    """Starlette's own 404 / 405 (unknown path, wrong method) as OpenAI-shaped JSON."""
    assert isinstance(exc, HTTPException)
    code = _ROUTING_CODES.get(exc.status_code, "http_error")
    message = {
        404: f"No route {request.url.path}.",
        405: f"Method {request.method} is not allowed on {request.url.path}.",
    }.get(exc.status_code, str(exc.detail))
    resp = HTTPError(exc.status_code, message, code=code).response()
    resp.headers.update(exc.headers or {})
    return resp


def _query_date(value: str | None, name: str) -> date | None:
    """A ``since``/``until`` query parameter as the CLI reads it (ISO, "Oct 7 2025", "last
    week": a period's first day for ``since``, its last for ``until``); 400 when it is none."""
    if not value:
        return None
    try:
        return parse_user_date(value, end=name == "until")
    except AssistantError as exc:
        raise HTTPError(400, f"Invalid request: {name}: {exc}", code="invalid_query") from None


async def _stream(
    svc: _Service,
    make: Callable[[], Iterator[str | Answer]],
    done: Completion,
    include_usage: bool,
) -> Response:
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
            yield done.chunk({"role": "assistant", "content": ""})
            while item is not None:
                if isinstance(item, Answer):
                    for event in done.closing(item, include_usage):
                        yield event
                elif isinstance(item, BaseException):
                    yield _error_event(item)
                elif item:
                    yield done.chunk({"content": str(item)})
                item = await run_in_threadpool(q.get)
            yield sse("[DONE]")
        finally:
            stop.set()
            svc.leave()

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
