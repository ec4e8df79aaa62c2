"""A bounded load generator for the assistant's HTTP server, loopback only.

``clients`` threads each open one keep-alive connection and send ``requests`` POSTs
(``/v1/ask`` by default), cycling through the given questions. Every reply is checked:
status 200, a JSON object that answers the question it was sent (``question`` echoed, an
``answer`` string, a ``citations`` list). Anything else counts as an error, with a few
samples kept. A 503 is an error unless ``retry_busy`` allows retries, in which case the
client waits what ``Retry-After`` says (at most 5 s) and tries again; the retries are
counted and the latency covers the whole exchange.

The run is bounded in count (``clients * requests``) and in time (``deadline``: requests
not started by then are reported as ``skipped``). Only loopback hosts are accepted.

CLI::

    python -m benchmarks.load --url http://127.0.0.1:8000 --clients 20 --requests 500 \\
        [--api-key KEY] [--question "..."]...
    python -m benchmarks.load --index-dir index --clients 8 --requests 25
        # serves that index itself on an ephemeral loopback port first

Prints one JSON object (count, errors, p50/p95/max latency, throughput).
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit

from benchmarks.common import percentile

#: Questions about the bundled corpus, used when none are given.
DEFAULT_QUESTIONS = (
    "Who called the China deal a red flag?",
    "What did Jamil Jivani say about China?",
    "Who did Jamil Jivani meet in Washington?",
    "What did Poilievre say about Carney's trip to Washington?",
    "When will Carney meet Trump at the White House?",
)
MAX_RETRY_WAIT = 5.0


@dataclass
class LoadResult:
    """What one load run measured (latencies in milliseconds, over finished requests)."""

    clients: int
    requests: int  # requests finished (answered or failed)
    errors: int
    skipped: int  # never sent: the deadline passed first
    busy_retries: int
    statuses: dict[str, int]
    p50_ms: float
    p95_ms: float
    max_ms: float
    mean_ms: float
    wall_s: float
    throughput_rps: float
    error_samples: list[str] = field(default_factory=list)
    #: question -> how many different answer texts it got (1 when answers are stable).
    distinct_answers: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def is_loopback_host(host: str) -> bool:
    """``localhost`` or a loopback IP address."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _Client:
    """One keep-alive connection sending JSON POSTs; reconnects after a failure."""

    def __init__(self, host: str, port: int, timeout: float, headers: dict[str, str]):
        self.host, self.port, self.timeout, self.headers = host, port, timeout, headers
        self.conn: http.client.HTTPConnection | None = None

    def post(self, path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request("POST", path, body=body, headers=self.headers)
            resp = self.conn.getresponse()
            data = resp.read()
        except (OSError, http.client.HTTPException):
            self.close()
            raise
        if resp.will_close:
            self.close()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def _check(status: int, data: bytes, question: str) -> tuple[str | None, str | None]:
    """``(problem, answer)``: problem is None when the reply answers ``question``."""
    if status != 200:
        return f"HTTP {status}: {data[:160]!r}", None
    try:
        body = json.loads(data)
    except ValueError:
        return f"not JSON: {data[:160]!r}", None
    if not isinstance(body, dict):
        return "reply is not a JSON object", None
    if body.get("question") != question:
        return f"answered another question: {body.get('question')!r}", None
    answer = body.get("answer")
    if not isinstance(answer, str) or not isinstance(body.get("citations"), list):
        return "reply lacks answer/citations", None
    return None, answer


def run_load(
    url: str,
    clients: int = 8,
    requests: int = 25,
    questions: Sequence[str] = DEFAULT_QUESTIONS,
    path: str = "/v1/ask",
    api_key: str | None = None,
    timeout: float = 60.0,
    deadline: float | None = 600.0,
    retry_busy: int = 0,
) -> LoadResult:
    """Send ``clients * requests`` POSTs to ``url + path`` and measure them.

    ``url`` must name a loopback host. ``deadline`` (seconds) bounds the run: requests not
    started by then are skipped. ``retry_busy`` is how many times a request that got 503
    is retried after its ``Retry-After`` wait (0: a 503 is an error).
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme != "http" or not is_loopback_host(host):
        raise ValueError(f"load tests run against http on loopback only, not {url!r}")
    if clients < 1 or requests < 1 or not questions:
        raise ValueError("clients, requests and questions must be positive")
    port = parts.port or 80
    prefix = parts.path.rstrip("/")
    headers = {"Content-Type": "application/json", "Connection": "keep-alive"}
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"

    lock = threading.Lock()
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    samples: list[str] = []
    answers: dict[str, set[str]] = {}
    counts = {"errors": 0, "skipped": 0, "retries": 0}
    t_start = time.perf_counter()
    stop_at = t_start + deadline if deadline else None
    start = threading.Barrier(clients)

    def worker(c: int) -> None:
        client = _Client(host, port, timeout, headers)
        start.wait()
        try:
            for i in range(requests):
                if stop_at is not None and time.perf_counter() > stop_at:
                    with lock:
                        counts["skipped"] += requests - i
                    return
                q = questions[(c * requests + i) % len(questions)]
                body = json.dumps({"question": q}).encode()
                t0 = time.perf_counter()
                problem: str | None
                answer: str | None = None
                status = "conn"
                retries = 0
                while True:
                    try:
                        code, hdrs, data = client.post(prefix + path, body)
                    except (OSError, http.client.HTTPException) as exc:
                        problem = f"{type(exc).__name__}: {exc}"
                        break
                    status = str(code)
                    if code == 503 and retries < retry_busy:
                        retries += 1
                        wait = _retry_after(hdrs.get("retry-after"))
                        time.sleep(wait)
                        continue
                    problem, answer = _check(code, data, q)
                    break
                elapsed = time.perf_counter() - t0
                with lock:
                    latencies.append(elapsed)
                    statuses[status] += 1
                    counts["retries"] += retries
                    if answer is not None:
                        answers.setdefault(q, set()).add(answer)
                    if problem is not None:
                        counts["errors"] += 1
                        if len(samples) < 5:
                            samples.append(problem)
        finally:
            client.close()

    threads = [
        threading.Thread(target=worker, args=(c,), name=f"load-{c}", daemon=True) for c in range(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t_start
    ms = [x * 1000.0 for x in latencies] or [0.0]
    return LoadResult(
        clients=clients,
        requests=len(latencies),
        errors=counts["errors"],
        skipped=counts["skipped"],
        busy_retries=counts["retries"],
        statuses=dict(sorted(statuses.items())),
        p50_ms=round(percentile(ms, 50), 1),
        p95_ms=round(percentile(ms, 95), 1),
        max_ms=round(max(ms), 1),
        mean_ms=round(sum(ms) / len(ms), 1),
        wall_s=round(wall, 2),
        throughput_rps=round(len(latencies) / wall, 1) if wall > 0 else 0.0,
        error_samples=samples,
        distinct_answers={q: len(v) for q, v in answers.items()},
    )


def _retry_after(value: str | None) -> float:
    try:
        return min(max(float(value or 1), 0.0), MAX_RETRY_WAIT)
    except ValueError:
        return 1.0


@contextmanager
def serve(app: Any, log_level: str = "warning") -> Iterator[str]:
    """Run the ASGI ``app`` with uvicorn on an ephemeral loopback port in a thread.

    Yields the base URL (``http://127.0.0.1:PORT``); the server stops on exit.
    """
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_config=None, log_level=log_level, lifespan="off", backlog=256)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", help="Base URL of a running server (loopback).")
    ap.add_argument("--index-dir", help="Serve this index in-process instead of --url.")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=25, help="Requests per client.")
    ap.add_argument("--question", action="append", help="A question (repeatable).")
    ap.add_argument("--api-key")
    ap.add_argument("--deadline", type=float, default=900.0, help="Seconds (bound).")
    ap.add_argument("--retry-busy", type=int, default=0, help="Retries after a 503.")
    args = ap.parse_args(argv)
    questions = tuple(args.question or DEFAULT_QUESTIONS)

    def go(url: str) -> LoadResult:
        return run_load(
            url,
            args.clients,
            args.requests,
            questions,
            api_key=args.api_key,
            deadline=args.deadline,
            retry_busy=args.retry_busy,
        )

    if args.index_dir:
        from assistant.interfaces.server import create_app
        from assistant.service import Assistant

        a = Assistant(index_dir=args.index_dir)
        a.ensure_index()
        a.ask(questions[0])  # warm the engines
        app = create_app(a, api_key=args.api_key, max_concurrency=max(8, args.clients))
        with serve(app) as url:
            result = go(url)
    elif args.url:
        result = go(args.url)
    else:
        ap.error("give --url or --index-dir")
    print(json.dumps(result.to_json(), indent=2))
    return 1 if result.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
