"""One writer per index: a file lock on the index directory.

Two Chroma ``PersistentClient`` writers on one directory can hang (chroma #7040), so a
second writer fails fast with a message naming the holder and pointing at server mode.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.errors import IndexBusyError

LOCK_NAME = ".writer.lock"
HOLDER_NAME = ".writer.json"


@contextmanager
def writer_lock(index_dir: Path, chroma_url: str | None = None, timeout: float = 0.0) -> Iterator[None]:
    if chroma_url:  # the server serialises writes itself
        yield
        return
    from filelock import FileLock, Timeout

    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / LOCK_NAME))
    holder = index_dir / HOLDER_NAME
    try:
        lock.acquire(timeout=timeout)
    except Timeout:
        who = "another process"
        try:
            info = json.loads(holder.read_text())
            who = f"pid {info['pid']} on {info['host']} (since {info['since']})"
        except (OSError, ValueError, KeyError):
            pass
        raise IndexBusyError(
            f"The index at {index_dir} is being written by {who}. Wait for it to finish, "
            "or share one store between processes with a Chroma server (--chroma-url)."
        ) from None
    try:
        holder.write_text(
            json.dumps(
                {
                    "pid": os.getpid(),
                    "host": socket.gethostname(),
                    "since": time.strftime("%Y-%m-%dT%H:%M:%S"),
                }
            )
        )
        yield
    finally:
        holder.unlink(missing_ok=True)
        lock.release()
