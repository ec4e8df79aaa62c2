"""A real OpenAI-protocol HTTP server on 127.0.0.1 for tests.

Speaks enough of the protocol for the real ``openai`` client: ``POST
/v1/chat/completions`` (JSON, or SSE ``chat.completion.chunk`` events ending in
``data: [DONE]`` when ``stream`` is true), ``POST /v1/embeddings`` (deterministic vectors
from a hash of each text) and ``GET /v1/models``. Replies are scripted with
:meth:`FakeOpenAIServer.enqueue`; every request is recorded in ``.requests``; failures
(429, 500, 401, 404 unknown model, slow replies, malformed JSON) are injected per reply.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DEFAULT_MODEL = "fake-model"
EMBED_MODEL = "fake-embed"


@dataclass
class Reply:
    """One scripted reply; consumed by the next chat or embeddings request."""

    content: str | None = None
    status: int = 200
    error: str | None = None
    code: str | None = None
    delay: float = 0.0
    raw: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    #: Streaming only: drop the connection after this many content chunks.
    cut_after: int | None = None


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: Any

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body.get("messages", [])) if isinstance(self.body, dict) else []

    @property
    def prompt(self) -> str:
        """Every message's content joined, to search what the model was sent."""
        return "\n".join(str(m.get("content", "")) for m in self.messages)


def fake_vector(text: str, dim: int = 16) -> list[float]:
    """A deterministic unit vector for ``text`` (same text, same vector)."""
    digest = hashlib.sha256(text.encode()).digest()
    raw = [(digest[i % len(digest)] - 127.5) / 127.5 for i in range(dim)]
    norm = math.sqrt(sum(x * x for x in raw)) or 1.0
    return [x / norm for x in raw]


def token_chunks(text: str) -> list[str]:
    """Split ``text`` into token-like pieces (a word with its leading space)."""
    return re.findall(r"\s*\S+", text) or [text]


class FakeOpenAIServer:
    """An OpenAI-compatible server in a background thread (``with`` starts and stops it)."""

    def __init__(self, models: tuple[str, ...] = (DEFAULT_MODEL, EMBED_MODEL)) -> None:
        self._models = tuple(models)
        self._lock = threading.Lock()
        self.reset()
        self._stop = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def reset(self) -> None:
        """Back to the state it started in: no scripted replies, no recorded requests, no
        required key, the constructor's models and the default reply (the shared fixture
        in tests/conftest.py resets it before every test)."""
        with self._lock:
            self.models = set(self._models)
            self.required_key: str | None = None
            self.default_reply = "The articles do not say enough to answer."
            self.requests: list[Recorded] = []
            self._queue: deque[Reply] = deque()
            self._embed_queue: deque[Reply] = deque()

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """The base URL to give the client (``OPENAI_BASE_URL``)."""
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # scripting -------------------------------------------------------------------
    def enqueue(self, *replies: str | Reply) -> None:
        """Script the next replies (text becomes a normal completion)."""
        with self._lock:
            for r in replies:
                self._queue.append(r if isinstance(r, Reply) else Reply(content=r))

    def fail(self, status: int, message: str = "", code: str | None = None, **kw: Any) -> None:
        """Script an HTTP error reply (429, 500, 401, 404...)."""
        self.enqueue(Reply(status=status, error=message or f"HTTP {status}", code=code, **kw))

    def slow(self, seconds: float, content: str = "late") -> None:
        self.enqueue(Reply(content=content, delay=seconds))

    def malformed(self) -> None:
        self.enqueue(Reply(raw=b'{"id": "chatcmpl-x", "choices": [{"message": '))

    def fail_embeddings(self, status: int, message: str = "") -> None:
        """Script an error for the next embeddings request (chat replies are separate)."""
        with self._lock:
            self._embed_queue.append(Reply(status=status, error=message or f"HTTP {status}"))

    def _next(self, embeddings: bool = False) -> Reply:
        with self._lock:
            queue = self._embed_queue if embeddings else self._queue
            return queue.popleft() if queue else Reply(content=self.default_reply)

    def chat_requests(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True when the server is stopping."""
        return self._stop.wait(seconds)


def _handler_for(server: FakeOpenAIServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass  # keep test output clean

        # plumbing ------------------------------------------------------------------
        def _record(self, body: Any) -> None:
            server.requests.append(
                Recorded(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            )

        def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

        def _error(self, status: int, message: str, code: str | None, headers: dict[str, str]) -> None:
            kind = {401: "invalid_request_error", 404: "invalid_request_error"}.get(
                status, "server_error" if status >= 500 else "requests"
            )
            body = {"error": {"message": message, "type": kind, "param": None, "code": code}}
            # Retry quickly in tests; the real client honours retry-after-ms.
            self._send(status, body, {"retry-after-ms": "10", **headers})

        def _authorised(self) -> bool:
            if server.required_key is None:
                return True
            got = self.headers.get("Authorization", "")
            if got == f"Bearer {server.required_key}":
                return True
            self._error(401, "Incorrect API key provided: " + got[7:], "invalid_api_key", {})
            return False

        # endpoints -----------------------------------------------------------------
        def do_GET(self) -> None:  # noqa: N802
            self._record(None)
            if not self._authorised():
                return
            if self.path.rstrip("/").endswith("/models"):
                data = [{"id": m, "object": "model", "owned_by": "fake"} for m in sorted(server.models)]
                self._send(200, {"object": "list", "data": data})
            else:
                self._error(404, f"No route {self.path}", None, {})

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw or b"null")
            except ValueError:
                body = raw.decode(errors="replace")
            self._record(body)
            if not self._authorised():
                return
            if not isinstance(body, dict):
                self._error(400, "Body is not a JSON object", None, {})
                return
            path = self.path.rstrip("/")
            if path.endswith("/chat/completions"):
                self._chat(body)
            elif path.endswith("/embeddings"):
                self._embeddings(body)
            else:
                self._error(404, f"No route {self.path}", None, {})

        def _scripted(self, body: dict[str, Any], embeddings: bool = False) -> Reply | None:
            """The next reply, or None when an error was already sent."""
            model = body.get("model")
            if model not in server.models:
                self._error(404, f"The model `{model}` does not exist.", "model_not_found", {})
                return None
            reply = server._next(embeddings)
            if reply.delay and server.wait(reply.delay):
                return None
            if reply.status != 200:
                self._error(reply.status, reply.error or "", reply.code, reply.headers)
                return None
            if reply.raw is not None:
                self._send(200, reply.raw, reply.headers)
                return None
            return reply

        def _chat(self, body: dict[str, Any]) -> None:
            reply = self._scripted(body)
            if reply is None:
                return
            text = reply.content or ""
            model = body["model"]
            if body.get("stream"):
                self._stream(model, text, reply.cut_after)
                return
            self._send(
                200,
                {
                    "id": "chatcmpl-fake",
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": model,
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": text},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                },
            )

        def _stream(self, model: str, text: str, cut_after: int | None = None) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.close_connection = True

            def event(delta: dict[str, Any], finish: str | None = None) -> bytes:
                chunk = {
                    "id": "chatcmpl-fake",
                    "object": "chat.completion.chunk",
                    "created": int(time.time()),
                    "model": model,
                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                }
                return f"data: {json.dumps(chunk)}\n\n".encode()

            def send(data: bytes) -> None:
                self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
                self.wfile.flush()

            send(event({"role": "assistant", "content": ""}))
            for i, piece in enumerate(token_chunks(text)):
                if cut_after is not None and i >= cut_after:
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)  # mid-stream failure
                    return
                send(event({"content": piece}))
            send(event({}, "stop"))
            send(b"data: [DONE]\n\n")
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()

        def _embeddings(self, body: dict[str, Any]) -> None:
            reply = self._scripted(body, embeddings=True)
            if reply is None:
                return
            texts = body.get("input")
            texts = [texts] if isinstance(texts, str) else list(texts or [])
            dim = int(body.get("dimensions") or 16)
            data = [
                {"object": "embedding", "index": i, "embedding": fake_vector(str(t), dim)}
                for i, t in enumerate(texts)
            ]
            self._send(
                200,
                {
                    "object": "list",
                    "data": data,
                    "model": body["model"],
                    "usage": {"prompt_tokens": len(texts), "total_tokens": len(texts)},
                },
            )

    return Handler
