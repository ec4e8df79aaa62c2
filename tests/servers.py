"""Servers the tests start for real on loopback: a free port, a child process started
and stopped by its PID, ready once a URL answers 200 (``chroma run``, ``assistant
llm-server``)."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running(
    cmd: Sequence[str],
    ready_url: str,
    log_path: Path,
    *,
    seconds: float = 120.0,
    env: Mapping[str, str] | None = None,
) -> Iterator[subprocess.Popen[bytes]]:
    """Run ``cmd`` (output to ``log_path``) until the block ends; yield once ``ready_url``
    answers 200. Fails with the server's log when it exits or is not ready in ``seconds``;
    stopped by terminate, then kill, on the way out."""
    with log_path.open("wb") as log:
        proc = subprocess.Popen(list(cmd), stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + seconds
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{cmd[0]} exited with {proc.returncode}: {log_path.read_text()[-2000:]}")
            try:
                if httpx.get(ready_url, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{cmd[0]} not ready at {ready_url} after {seconds:.0f} s")
            time.sleep(0.2)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(30)
