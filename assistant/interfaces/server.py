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

Starlette does the auth and the errors. Its ``AuthenticationMiddleware`` runs
:class:`BearerKey` on every request: a public path (``/healthz``; with the web page, every
path outside ``/v1``) lets a caller without the key through anonymously; any other path
without the key is refused by ``on_error`` before routing (OpenAI-shaped JSON 401,
``WWW-Authenticate: Bearer``), so an unknown ``/v1`` path or a wrong method is a 401 to a
caller without the key, not a 404/405.
Each data route is also wrapped in ``requires("authenticated")``, so a route is never served
to an anonymous caller even if ``public`` were ever to cover its path. The app's one set of
``exception_handlers`` turns what a route raises into OpenAI-shaped JSON:
:class:`HTTPError` as itself, :class:`AssistantError` by :func:`from_assistant_error`,
``ChatRequestError`` as 400, Starlette's ``HTTPException`` (unknown path, wrong method,
``requires``) by its status; every 503 carries ``Retry-After``. Anything else is a bug and
stays Starlette's plain 500. A pydantic ``ValidationError`` is deliberately not one of the
handled classes: :func:`read_json` turns the request body's own into 400 ``invalid_body``,
while one raised inside the engine is a server fault and stays a 500. Errors after the
first SSE event of a stream cannot change the status and become an SSE error event.
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
from starlette.authentication import (
    AuthCredentials,
    AuthenticationBackend,
    AuthenticationError,
    BaseUser,
    SimpleUser,
    requires,
)
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Mount, Route

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
        headers = _STATUS_HEADERS.get(self.status)
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


#: Headers every response of a status carries: retry a 503 after a second; a 401 names
#: the scheme it wants (RFC 9110 section 11.6.1).
_STATUS_HEADERS = {503: {"Retry-After": "1"}, 401: {"WWW-Authenticate": "Bearer"}}


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
_AUTHENTICATED = "authenticated"


def _key_refused() -> HTTPError:
    return HTTPError(
        401,
        "Missing or wrong API key: send 'Authorization: Bearer <key>'.",
        "authentication_error",
        "invalid_api_key",
    )


class BearerKey(AuthenticationBackend):
    """``Authorization: Bearer KEY`` for Starlette's ``AuthenticationMiddleware``.

    Without a key (``api_key`` empty) every caller is authenticated. With one, a caller is
    authenticated when the first ``Authorization`` header is ``Bearer`` (any case) and the
    key, compared in constant time; otherwise a ``public`` path lets the caller through
    anonymously and any other path raises :class:`AuthenticationError`. Refusing here
    rather than leaving the caller anonymous keeps an unknown path or a wrong method a
    401 to a caller without the key, as it is for a route.
    """

    def __init__(self, api_key: str | None, public: Callable[[str], bool]):
        self._key = api_key.encode() if api_key else None
        self._public = public

    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, BaseUser] | None:
        if self._key is None:
            return AuthCredentials([_AUTHENTICATED]), SimpleUser("anyone")
        scheme, _, rest = conn.headers.get("authorization", "").encode("latin-1").partition(b" ")
        token = rest.strip() if scheme.lower() == b"bearer" else b""
        if hmac.compare_digest(token, self._key):
            return AuthCredentials([_AUTHENTICATED]), SimpleUser("api-key")
        if self._public(conn.scope["path"]):
            return None
        raise AuthenticationError("missing or wrong API key")  # never the header itself


def _refuse(conn: HTTPConnection, exc: AuthenticationError) -> Response:
    """``AuthenticationMiddleware``'s ``on_error``: the OpenAI-shaped 401."""
    return _key_refused().response()


#: Wraps every data route: a caller the backend left anonymous gets the same 401.
protected = requires(_AUTHENTICATED, status_code=401)


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

    @protected
    async def models(request: Request) -> Response:
        return JSONResponse(
            {
                "object": "list",
                "data": [
                    {"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "assistant"},
                ],
            }
        )

    @protected
    async def ask(request: Request) -> Response:
        req = await read_json(request, AskRequest, max_body)
        answer = await svc.call(lambda: a.ask(req.question, **req.ask_kwargs()))
        return JSONResponse(answer.model_dump(mode="json"))

    @protected
    async def search(request: Request) -> Response:
        req = await read_json(request, SearchRequest, max_body)
        hits = await svc.call(lambda: a.search(req.query, req.k, req.since, req.until, req.outlet))
        return JSONResponse({"hits": [h.model_dump(mode="json") for h in hits]})

    @protected
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

    @protected
    async def status(request: Request) -> Response:
        info = await svc.call(a.status)
        return JSONResponse(info.to_dict() | {"backends": a.backends()})

    @protected
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

    @protected
    async def timeline(request: Request) -> Response:
        fn = a.timeline
        speaker = request.query_params.get("speaker") or None
        about = request.query_params.get("about") or None
        got = await svc.call(lambda: fn(speaker=speaker, about=about))
        return JSONResponse({"entries": [e.to_dict() for e in got]})

    @protected
    async def speakers(request: Request) -> Response:
        fn = a.speakers
        got = await svc.call(fn)
        return JSONResponse({"speakers": [s.to_dict() for s in got]})

    @protected
    async def chat(request: Request) -> Response:
        req = await read_json(request, ChatRequest, max_body)
        question, history = split_conversation(req.messages)  # ChatRequestError: 400
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
        Route("/v1/chat/completions", chat, methods=["POST"]),
        Route("/v1/ask", ask, methods=["POST"]),
        Route("/v1/search", search, methods=["POST"]),
        Route("/v1/articles/{doc_id:str}", article, methods=["GET"]),
        Route("/v1/quotes", quotes, methods=["GET"]),
        Route("/v1/speakers", speakers, methods=["GET"]),
        Route("/v1/timeline", timeline, methods=["GET"]),
        Route("/v1/status", status, methods=["GET"]),
    ]
    has_web = web_dir is not None and web_dir.is_dir()
    if has_web:
        from starlette.staticfiles import StaticFiles

        routes.append(Mount("/", app=StaticFiles(directory=str(web_dir), html=True), name="web"))

    def public(path: str) -> bool:
        if path == "/healthz":
            return True
        return has_web and not (path == "/v1" or path.startswith("/v1/"))

    handled = (HTTPError, AssistantError, ChatRequestError, HTTPException)
    app = Starlette(routes=routes, exception_handlers=dict.fromkeys(handled, _error_response))
    app.add_middleware(AuthenticationMiddleware, backend=BearerKey(api_key, public), on_error=_refuse)
    app.state.service = svc
    return app


_ROUTING_CODES = {404: "not_found", 405: "method_not_allowed"}


async def _error_response(request: Request, exc: Exception) -> Response:
    """The app's exception handler for the classes ``create_app`` registers it for."""
    if isinstance(exc, HTTPError):
        return exc.response()
    if isinstance(exc, AssistantError):
        return from_assistant_error(exc).response()
    if isinstance(exc, ChatRequestError):
        return HTTPError(400, str(exc), code=exc.code).response()
    assert isinstance(exc, HTTPException)
    if exc.status_code == 401:  # ``requires`` found the caller anonymous
        return _key_refused().response()
    # Starlette's own 404 / 405 (unknown path, wrong method)
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
