"""One writer per index directory: a second writer fails fast and clearly; readers never wait."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.engines.locking import HOLDER_NAME, writer_lock
from assistant.errors import IndexBusyError
from assistant.interfaces.cli import app
from assistant.service import Assistant

ROOT = Path(__file__).resolve().parent.parent
HOLD = (
    "import sys\nfrom pathlib import Path\nfrom assistant.engines.locking import writer_lock\n"
    "with writer_lock(Path(sys.argv[1])):\n    print('held', flush=True)\n    sys.stdin.read()\n"
)


def hold(index_dir: Path) -> subprocess.Popen[str]:
    """Start another process that holds the writer lock of ``index_dir`` until killed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(index_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None and proc.stdout.readline() == "held\n"
    return proc


@pytest.fixture
def holder(index_copy: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the writer lock of a copy of the bundled index."""
    proc = hold(index_copy)
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(10)


def test_second_writer_gets_a_clear_error_not_a_hang(
    holder: subprocess.Popen[str],
    index_copy: Path,
    corpus_copy: Path,
) -> None:
    res = CliRunner().invoke(app, ["index", str(corpus_copy), "--index-dir", str(index_copy)])
    assert res.exit_code == 1
    msg = res.output
    assert f"pid {holder.pid}" in msg and "--chroma-url" in msg and str(index_copy) in msg
    assert msg.startswith("error: ") and "Traceback" not in msg


def test_readers_do_not_take_the_writer_lock(holder: subprocess.Popen[str], index_copy: Path) -> None:
    a = Assistant(index_dir=index_copy)
    answer = a.ask("Who called the China deal a red flag?")
    assert answer.citations and not answer.abstained
    assert a.status().articles == 5
    with pytest.raises(IndexBusyError, match=f"pid {holder.pid}"):
        a.index()


def test_lock_frees_when_the_holder_dies(holder: subprocess.Popen[str], index_copy: Path) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait(10)
    assert (index_copy / HOLDER_NAME).exists()  # a stale note the next writer overwrites
    with writer_lock(index_copy):
        assert f'"pid": {os.getpid()}' in (index_copy / HOLDER_NAME).read_text()
    assert not (index_copy / HOLDER_NAME).exists()


def test_server_mode_takes_no_local_lock(tmp_path: Path) -> None:
    with writer_lock(tmp_path / "idx", chroma_url="http://127.0.0.1:9"):
        assert not (tmp_path / "idx").exists()


@pytest.mark.parametrize("command", ["serve", "mcp"])
def test_servers_refuse_to_start_on_an_index_being_built(tmp_path: Path, command: str) -> None:
    empty = tmp_path / "empty"
    proc = hold(empty)
    try:
        res = CliRunner().invoke(app, [command, "--index-dir", str(empty)])
    finally:
        proc.kill()
        proc.wait(10)
    assert res.exit_code == 1
    assert f"pid {proc.pid}" in res.output and "--chroma-url" in res.output


class _FailingRead:
    """A collection whose reads fail inside Chroma, as the embedded store's do when read
    mid-commit by another process ("Error finding id")."""

    def __init__(self) -> None:
        self.calls = 0

    def get(self, **kw: object) -> dict[str, list[object]]:
        from chromadb.errors import InternalError

        self.calls += 1
        raise InternalError("Error executing plan: Internal error: Error finding id")


def test_a_read_failing_while_another_process_writes_says_busy(
    holder: subprocess.Popen[str], index_copy: Path
) -> None:
    from assistant.engines.store import Store

    store = Store(index_copy)
    with pytest.raises(IndexBusyError, match=f"pid {holder.pid}"):
        store._read_all(_FailingRead(), include=["metadatas"])


def test_a_read_failing_with_no_writer_is_raised_as_it_is(index_copy: Path) -> None:
    from chromadb.errors import InternalError

    from assistant.engines.store import Store

    with pytest.raises(InternalError):
        Store(index_copy)._read_all(_FailingRead(), include=["metadatas"])
