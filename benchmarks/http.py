"""Query latency over HTTP: ``assistant serve`` (uvicorn) on loopback, a bounded request count.

The server runs as its own process exactly as a user starts it (``python -m assistant
serve --index-dir ... --port ...``); this process is the client, over one keep-alive
connection (``http.client``), so the figures include JSON encoding, the ASGI stack and
the loopback round trip. Warm: one search and one ask are sent and not counted first.

CLI: ``python -m benchmarks.http --index benchmarks/data/index-1k-hashed \
--corpus benchmarks/data/1k``
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.cli_wall import _env
from benchmarks.common import latency_summary, machine_info


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _post(conn: http.client.HTTPConnection, path: str, body: dict[str, Any]) -> dict[str, Any]:
    conn.request("POST", path, body=json.dumps(body), headers={"Content-Type": "application/json"})
    resp = conn.getresponse()
    data = resp.read()
    if resp.status != 200:
        raise RuntimeError(f"{path} -> HTTP {resp.status}: {data[:200]!r}")
    return dict(json.loads(data))


def start_server(index_dir: Path, port: int, timeout: float = 120.0) -> subprocess.Popen[bytes]:
    """Start ``assistant serve`` and wait until ``/healthz`` answers (or raise)."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "assistant",
            "serve",
            "--index-dir",
            str(index_dir),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            raise RuntimeError(f"assistant serve exited with {proc.returncode}: {err[-500:]}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                conn.close()
                return proc
        except OSError:
            time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError("assistant serve did not become healthy in time")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Terminate the server this module started (by its own handle), then reap it."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    if proc.stderr:
        proc.stderr.close()


def measure_http(index_dir: Path, questions: Sequence[str], max_requests: int = 60) -> dict[str, Any]:
    """p50/p95 of ``POST /v1/search`` and ``POST /v1/ask``; at most ``max_requests`` each."""
    if not questions:
        raise ValueError("measure_http needs at least one question")
    port = free_port()
    t0 = time.perf_counter()
    proc = start_server(index_dir, port)
    startup = time.perf_counter() - t0
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        _post(conn, "/v1/search", {"query": questions[0]})
        _post(conn, "/v1/ask", {"question": questions[0]})
        search_s: list[float] = []
        ask_s: list[float] = []
        qs = [questions[i % len(questions)] for i in range(max_requests)]
        for q in qs:
            t = time.perf_counter()
            _post(conn, "/v1/search", {"query": q})
            search_s.append(time.perf_counter() - t)
            t = time.perf_counter()
            _post(conn, "/v1/ask", {"question": q})
            ask_s.append(time.perf_counter() - t)
        conn.close()
    finally:
        stop_server(proc)
    return {
        "startup_s": startup,
        "requests": len(qs),
        "search": latency_summary(search_s),
        "ask": latency_summary(ask_s),
        "loadavg": machine_info()["loadavg_1_5_15"],
    }


def main(argv: list[str] | None = None) -> None:
    from benchmarks.generate import sample_queries

    ap = argparse.ArgumentParser(prog="python -m benchmarks.http")
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, required=True, help="for its manifest's questions")
    ap.add_argument("--requests", type=int, default=40)
    args = ap.parse_args(argv)
    questions = [q for q, _ in sample_queries(args.corpus, args.requests)]
    print(json.dumps(measure_http(args.index, questions, args.requests), indent=1))


if __name__ == "__main__":
    main()
