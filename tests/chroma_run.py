"""A real ``chroma run`` server on loopback for tests, started and stopped by its PID."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.servers import free_port, running

__all__ = ["chroma_binary", "chroma_run", "free_port"]


def chroma_binary() -> str | None:
    found = shutil.which("chroma")
    if found:
        return found
    beside = Path(sys.executable).parent / "chroma"
    return str(beside) if beside.exists() else None


@contextmanager
def chroma_run(exe: str, data: Path) -> Iterator[str]:
    """``chroma run --path data`` on a free loopback port; yields its URL once its heartbeat
    answers (the server's output goes to ``data.parent / "server.log"``)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [exe, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)]
    with running(cmd, f"{url}/api/v2/heartbeat", data.parent / "server.log"):
        yield url
