"""The one module that imports ``openai``: client construction and error mapping.

Works with OpenAI and any OpenAI-compatible server (vLLM, Ollama, llama.cpp, LM Studio).
Every failure is turned into one :class:`~assistant.errors.BackendError` line a user can
act on; API keys never appear in those messages (they are redacted if a server echoes
them back).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import httpx2  # the HTTP library under the openai client
import openai

from assistant.errors import BackendError

T = TypeVar("T")

#: Sent when a local server needs no key (the openai client insists on one).
PLACEHOLDER_KEY = "not-needed"

_SECRETS: set[str] = set()
_KEYLIKE = re.compile(r"\bsk-[A-Za-z0-9_\-]{8,}")


def make_client(
    base_url: str | None = None,
    api_key: str | None = None,
    timeout: float = 60.0,
    max_retries: int = 2,
) -> openai.OpenAI:
    """An ``openai.OpenAI`` client for ``base_url`` (default: OpenAI itself).

    A base URL with no key gets a placeholder key (local servers ignore it). Without a
    base URL a key is required, from ``api_key`` or ``OPENAI_API_KEY``. The client retries
    429 and 5xx replies ``max_retries`` times with exponential backoff.
    """
    key = api_key or os.environ.get("OPENAI_API_KEY") or None
    if key is None:
        if not base_url:
            raise BackendError(
                "No API key: set OPENAI_API_KEY (or OPENAI_BASE_URL for a local "
                "OpenAI-compatible server), or use --backend extractive."
            )
        key = PLACEHOLDER_KEY
    if key != PLACEHOLDER_KEY:
        _SECRETS.add(key)
    return openai.OpenAI(
        base_url=base_url or None,
        api_key=key,
        timeout=timeout,
        max_retries=max(0, max_retries),
    )


def redact(message: str) -> str:
    """``message`` with every known key (and anything shaped like one) masked."""
    for secret in _SECRETS:
        if secret:
            message = message.replace(secret, "***")
    return _KEYLIKE.sub("***", message)


def _url(exc: Any) -> str:
    request = getattr(exc, "request", None)
    url = getattr(request, "url", None)
    if url is None:
        return "the model server"
    text = str(url).split("?", 1)[0]
    return redact(text)


def _base(url: str) -> str:
    """The server part of an endpoint URL, as a user would configure it."""
    for tail in ("/chat/completions", "/completions", "/embeddings", "/models"):
        if url.endswith(tail):
            return url[: -len(tail)]
    return url


def _requested_model(exc: Any) -> str | None:
    request = getattr(exc, "request", None)
    try:
        body = json.loads(request.content) if request is not None else None
    except (ValueError, TypeError, AttributeError, RuntimeError):
        return None
    model = body.get("model") if isinstance(body, dict) else None
    return str(model) if model else None


def _server_message(exc: Any) -> str:
    body = getattr(exc, "body", None)
    msg: Any = None
    if isinstance(body, dict):
        inner = body.get("error", body)
        msg = inner.get("message") if isinstance(inner, dict) else inner
    if not msg:
        msg = getattr(exc, "message", None) or str(exc)
    line = " ".join(str(msg).split())
    return redact(line[:200])


def describe(exc: BaseException, base_url: str | None = None) -> str:
    """One clear line for an ``openai`` exception (or a malformed reply)."""
    url = _url(exc)
    if url == "the model server" and base_url:
        url = redact(base_url.rstrip("/"))
    if isinstance(exc, openai.APITimeoutError):
        return (
            f"The model server at {_base(url)} did not answer in time (timeout); "
            "raise ASSISTANT_LLM_TIMEOUT or check the server."
        )
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__ or exc.__context__
        why = "connection refused" if "refused" in str(cause).lower() else "cannot connect"
        return (
            f"Cannot reach the model server at {_base(url)} ({why}): is it running? "
            "Set OPENAI_BASE_URL to a running server, or use --backend extractive."
        )
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return (
            f"The model server at {_base(url)} rejected the API key "
            f"(HTTP {exc.status_code}): set OPENAI_API_KEY to a valid key, "
            "or use --backend extractive."
        )
    if isinstance(exc, openai.NotFoundError):
        model = _requested_model(exc)
        if model:
            return (
                f"Unknown model {model!r} at {_base(url)} (HTTP 404): set "
                "ASSISTANT_LLM_MODEL (or --model) to a model the server serves."
            )
        return f"Not found at {url} (HTTP 404): check OPENAI_BASE_URL."
    if isinstance(exc, openai.RateLimitError):
        return (
            f"The model server at {_base(url)} is still rate limiting (HTTP 429) after "
            f"retries: {_server_message(exc)}; wait and try again."
        )
    if isinstance(exc, openai.APIStatusError):
        code = exc.status_code
        if code >= 500:
            return (
                f"The model server at {_base(url)} failed (HTTP {code}) after retries: {_server_message(exc)}"
            )
        return f"The model server at {_base(url)} refused the request (HTTP {code}): " + (
            _server_message(exc)
        )
    if isinstance(exc, openai.APIResponseValidationError | ValueError):
        return f"The model server at {_base(url)} sent a malformed reply (not valid JSON)."
    return redact(f"Model server error: {' '.join(str(exc).split())[:200]}")


def call(fn: Callable[[], T], base_url: str | None = None) -> T:
    """Run ``fn`` (one request through an openai client) with errors mapped.

    Raises :class:`BackendError` with one line (``base_url`` names the server when the
    exception does not); the original exception is chained for debugging but its
    message is never shown to the user by the CLI.
    """
    try:
        return fn()
    except (openai.OpenAIError, ValueError) as exc:
        raise BackendError(describe(exc, base_url)) from exc


def _where(client: openai.OpenAI) -> str:
    return str(client.base_url).rstrip("/")


def _create(
    client: openai.OpenAI,
    model: str,
    messages: list[dict[str, str]],
    stream: bool,
    params: dict[str, Any],
) -> Any:
    """One chat completion request; models that refuse ``temperature`` get it dropped."""

    def go(p: dict[str, Any]) -> Any:
        return client.chat.completions.create(
            model=model,
            messages=messages,  # type: ignore[arg-type]
            stream=stream,
            **p,
        )

    try:
        return go(params)
    except openai.BadRequestError as exc:
        # Reasoning models (o-series and the like) reject sampling parameters and want
        # ``max_completion_tokens`` for ``max_tokens``.
        said = str(exc).lower()
        if "temperature" in params and "temperature" in said:
            return _create(
                client, model, messages, stream, {k: v for k, v in params.items() if k != "temperature"}
            )
        if "max_tokens" in params and "max_tokens" in said:
            fixed = {k: v for k, v in params.items() if k != "max_tokens"}
            return go(fixed | {"max_completion_tokens": params["max_tokens"]})
        raise


def complete(
    client: openai.OpenAI,
    model: str,
    messages: list[dict[str, str]],
    **params: Any,
) -> str:
    """The reply text of one non-streaming chat completion."""
    resp = call(lambda: _create(client, model, messages, False, params), _where(client))
    try:
        content = resp.choices[0].message.content
    except (AttributeError, IndexError, TypeError, KeyError):
        raise BackendError(
            f"The model server at {_where(client)} sent a malformed reply (no choices)."
        ) from None
    return content or ""


def stream(
    client: openai.OpenAI,
    model: str,
    messages: list[dict[str, str]],
    **params: Any,
) -> Iterator[str]:
    """Yield the reply's text deltas as the server sends them (SSE)."""
    chunks = call(lambda: _create(client, model, messages, True, params), _where(client))
    events = 0
    try:
        for chunk in chunks:
            events += 1
            choices = getattr(chunk, "choices", None) or []
            for choice in choices:
                delta = getattr(choice, "delta", None)
                text = getattr(delta, "content", None)
                if text:
                    yield text
    except (openai.OpenAIError, ValueError, OSError, httpx2.HTTPError) as exc:
        if events and isinstance(exc, openai.APIConnectionError | OSError | httpx2.HTTPError):
            raise BackendError(
                f"The model server at {_where(client)} dropped the connection mid-reply "
                f"({type(exc).__name__}); try again."
            ) from exc
        raise BackendError(describe(exc, _where(client))) from exc
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()
    if not events:
        raise BackendError(f"The model server at {_where(client)} sent a malformed reply (no stream events).")


def offered_models(client: openai.OpenAI) -> list[str] | None:
    """The model ids the server lists at ``GET /models``; None when it has no such route."""

    def ids() -> list[str] | None:
        try:
            return sorted(m.id for m in client.models.list())
        except openai.NotFoundError:
            return None

    return call(ids, _where(client))


def check_model(client: openai.OpenAI, model: str) -> None:
    """A one-line :class:`BackendError` listing what the server offers when it does not
    list ``model`` (compared exactly: model names are case-sensitive)."""
    offered = offered_models(client)
    if offered is None or model in offered:
        return
    listed = ", ".join(offered[:20]) + (f" (and {len(offered) - 20} more)" if len(offered) > 20 else "")
    raise BackendError(
        f"Unknown model {model!r} at {_where(client)}: it offers {listed or 'no models'}. "
        "Set --model (or ASSISTANT_LLM_MODEL) to one of them."
    )
