"""README.md and docs/serving.md stay true: every example command in their fenced
``bash``/``sh`` blocks runs here, as a subprocess, and what its comment promises is checked.

The examples run in a scratch directory holding a copy of the bundled corpus dated with
``.meta.json`` sidecars (the bundled articles carry no publication date; the examples
marked "when dated" need one), with ``HOME``, the index and the corpus pointed there.
Placeholders are mapped, not skipped: ``~/articles`` is a copy of the corpus in that
``HOME``, ``/data/ix`` a scratch index, ``$KEY`` a test key, and port 8000 a free port
(another process may hold 8000).

Skipped, each with its reason in the test id's skip message:

* ``make`` targets: they install ``.venv`` or run this very suite (CI runs ``make test``);
* commands that need an external server: an OpenAI-compatible LLM server such as Ollama
  (the LLM path runs against tests/openai_fake.py in test_cli_llm.py) or a Chroma server
  (server mode runs in test_chroma_server.py);
* the offline LLM block (marked ``<!-- local-llm-example: ... -->``): the local-LLM tier runs
  it as a whole, with the real model (test_local_llm.py).

A command the README gains later is run too: without a promise of its own it must exit 0
without a traceback. The full ``eval`` runs (95 questions) are marked slow.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CORPUS, ROOT

DOCS = [ROOT / "README.md", ROOT / "docs" / "serving.md"]
FENCE = re.compile(r"^```(?:bash|sh)\n(.*?)^```", re.M | re.S)
#: Publication dates for the sidecars: the days these articles appeared (their text says
#: "this week" and "Tuesday" relative to them).
DATES = {
    "000_7842ed249c49b04c": "2026-01-28",
    "001_45f8ca74606231d5": "2026-01-28",
    "002_27e68f677fb628f5": "2026-01-28",
    "003_154467ce215703c6": "2025-10-05",
    "004_f332fd67fe839ed1": "2025-10-06",
}
KEY = "s3cret"
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Example:
    doc: str  # file name
    line: int  # first line of the command in that file
    command: str  # as written (continuation lines joined)
    promise: str  # the comment after it, if any
    block: int  # which fenced block of the file
    tier_block: bool = False  # a block run as a whole by the local-LLM tier

    @property
    def id(self) -> str:
        return f"{self.doc}:{self.line}:{self.command[:60]}"


#: The comment that marks a README block the local-LLM tier runs as a whole.
TIER_MARK = "<!-- local-llm-example:"


def _logical_lines(body: str) -> Iterator[tuple[int, str]]:
    """Commands of a block: continuation lines (``\\`` or an open quote) joined."""
    pending: list[str] = []
    first = 0
    for n, raw in enumerate(body.splitlines()):
        if not pending:
            first = n
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
        pending.append(raw)
        text = "\n".join(pending)
        if text.endswith("\\"):
            continue
        try:
            shlex.split(text, comments=True)
        except ValueError:  # a quote still open: the command goes on
            continue
        yield first, text.replace("\\\n", " ")
        pending = []


def _split_comment(text: str) -> tuple[str, str]:
    """``(command, comment)``: a ``#`` after white space outside quotes starts the comment."""
    quote = ""
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and i > 0 and text[i - 1].isspace():
            return text[:i].rstrip(), text[i + 1 :].strip()
    return text.rstrip(), ""


def examples() -> list[Example]:
    out = []
    for doc in DOCS:
        source = doc.read_text(encoding="utf-8")
        for b, m in enumerate(FENCE.finditer(source)):
            start = source.count("\n", 0, m.start(1)) + 1
            tier = TIER_MARK in source[max(0, m.start() - 200) : m.start()]
            for offset, text in _logical_lines(m.group(1)):
                command, promise = _split_comment(text)
                out.append(Example(doc.name, start + offset, " ".join(command.split()), promise, b, tier))
    return out


def _skip_reason(ex: Example) -> str | None:
    c = ex.command
    if ex.tier_block:
        return "the offline LLM block runs as a whole in the local-LLM tier (test_local_llm.py)"
    if c.startswith("make "):
        return "a make target: it installs .venv or runs this suite (CI runs `make test`)"
    if "OPENAI_BASE_URL=" in c or "--backend openai" in c:
        return "needs an external OpenAI-compatible server (the LLM path: test_cli_llm.py)"
    if c.startswith("chroma ") or "--chroma-url" in c:
        return "needs a Chroma server (server mode: test_chroma_server.py)"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Workspace:
    def __init__(self, root: Path):
        self.root = root
        self.port = _free_port()
        self.servers: dict[tuple[str, int], subprocess.Popen[bytes]] = {}
        home = root / "home"
        corpus = root / "corpus"
        shutil.copytree(CORPUS, corpus)
        for doc_id, day in DATES.items():
            (corpus / f"{doc_id}.meta.json").write_text(json.dumps({"published": day}))
        shutil.copytree(corpus, home / "articles")
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))},
            "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            "HOME": str(home),
            "ASSISTANT_INDEX_DIR": str(root / "index"),
            "ASSISTANT_CORPUS_DIR": str(corpus),
            "HF_HUB_OFFLINE": "1",
            "ANONYMIZED_TELEMETRY": "False",
            "OMP_WAIT_POLICY": "PASSIVE",
            "OMP_NUM_THREADS": "1",
            "KEY": KEY,
        }

    def concrete(self, command: str) -> str:
        command = command.replace("/data/ix", str(self.root / "ix"))
        command = command.replace("127.0.0.1:8000", f"127.0.0.1:{self.port}")
        if command.startswith("assistant serve"):
            command = command.rstrip(" &") + f" --port {self.port}"
        return command

    def run(self, command: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-c", self.concrete(command)],
            cwd=self.root,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def serve(self, ex: Example) -> None:
        """Start the example's server (once per block) and wait until it answers."""
        if any(p.poll() is None for p in self.servers.values()):
            return
        proc = subprocess.Popen(
            ["bash", "-c", f"exec {self.concrete(ex.command)}"],
            cwd=self.root,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.servers[(ex.doc, ex.block)] = proc
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            assert proc.poll() is None, "the server exited"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        raise AssertionError("the server did not start")

    def stop(self) -> None:
        for proc in self.servers.values():
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=30)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    from assistant.service import Assistant

    w = Workspace(tmp_path_factory.mktemp("readme"))
    with pytest.MonkeyPatch.context() as mp:
        for key in list(os.environ):
            if key.startswith(("ASSISTANT_", "OPENAI_")):
                mp.delenv(key)
        mp.setenv("HOME", w.env["HOME"])
        Assistant(index_dir=w.root / "index").index([w.root / "corpus"])
    yield w
    w.stop()


# -- what each example promises --------------------------------------------------------------
Check = Callable[[Workspace, subprocess.CompletedProcess[str]], None]


def _json(out: str) -> Any:
    return json.loads(out)


def _answered(r: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    data: dict[str, Any] = _json(r.stdout)
    assert not data["abstained"] and data["citations"], data["answer"]
    return data


def _index_unchanged(w: Workspace, r: subprocess.CompletedProcess[str]) -> None:
    assert "0 new, 0 changed, 5 unchanged" in r.stderr  # "unchanged articles are skipped"


def _index_elsewhere(w: Workspace, r: subprocess.CompletedProcess[str]) -> None:
    assert "Indexed 5 new" in r.stderr and (w.root / "ix").is_dir()


def _ask_json(w: Workspace, r: subprocess.CompletedProcess[str]) -> None:
    data = _answered(r)
    assert set(data) >= {"question", "answer", "abstained", "backend", "citations", "verification"}


def _jivani_since(w: Workspace, r: subprocess.CompletedProcess[str]) -> None:
    assert "Jivani" in r.stdout and "China" in r.stdout and "Sources:" in r.stdout
    assert "2026-01-28" in r.stdout  # only articles published since 2026-01


def _quotes_by(w: Workspace, r: subprocess.CompletedProcess[str]) -> None:
    lines = r.stdout.strip().splitlines()
    assert lines and all(line.startswith("Jamil Jivani") for line in lines)
    assert all(re.search(r"\(\S+ \d+-\d+\)", line) for line in lines)  # with offsets


def _quotes_about(w: Workspace, r: subprocess.CompletedProcess[str]) -> None:
    found = _json(r.stdout)
    assert found and all({"quote", "doc_id", "start", "end"} <= set(q) for q in found)


def _speakers(w: Workspace, r: subprocess.CompletedProcess[str]) -> None:
    assert "Jamil Jivani" in r.stdout and "quote(s)" in r.stdout


def _timeline(w: Workspace, r: subprocess.CompletedProcess[str]) -> None:
    lines = r.stdout.strip().splitlines()
    assert lines and all(re.match(r"\d{4}-\d{2}-\d{2}", line) for line in lines)
    assert any("Poilievre" in line for line in lines)


def _eval_report(w: Workspace, r: subprocess.CompletedProcess[str]) -> None:
    assert "questions failed a check" in r.stdout
    assert (w.root / "reports" / "eval" / "report.html").is_file()


def _eval_echo(w: Workspace, r: subprocess.CompletedProcess[str]) -> None:
    assert "echo" in r.stdout and (w.root / "reports" / "echo" / "report.json").is_file()


def _eval_baseline(w: Workspace, r: subprocess.CompletedProcess[str]) -> None:
    assert "Δ baseline" in r.stdout


def _eval_quotes(w: Workspace, r: subprocess.CompletedProcess[str]) -> None:
    assert re.search(r"precision", r.stdout + r.stderr, re.I)


def _curl_ask(w: Workspace, r: subprocess.CompletedProcess[str]) -> None:
    data = _answered(r)
    assert all(c["published"] >= "2026-01-01" for c in data["citations"])


def _curl_stream(w: Workspace, r: subprocess.CompletedProcess[str]) -> None:
    assert "data: [DONE]" in r.stdout and '"citations"' in r.stdout


CHECKS: list[tuple[str, Check]] = [
    (r"^assistant index corpus/$", _index_unchanged),
    (r"^assistant index ~/articles", _index_elsewhere),
    (r"^assistant ask .* --json$", _ask_json),
    (r"^assistant ask .*--since 2026-01", _jivani_since),
    (r"^assistant quotes --speaker", _quotes_by),
    (r"^assistant quotes --about .* --json$", _quotes_about),
    (r"^assistant speakers$", _speakers),
    (r"^assistant timeline --speaker", _timeline),
    (r"^assistant eval --report", _eval_report),
    (r"^assistant eval --backend echo", _eval_echo),
    (r"^assistant eval --baseline", _eval_baseline),
    (r"^assistant eval quotes", _eval_quotes),
    (r"^curl .*/v1/ask", _curl_ask),
    (r"^curl .*/v1/chat/completions", _curl_stream),
]
SLOW = re.compile(r"^assistant eval(?! quotes)")  # 95 questions


def _params() -> list[Any]:
    out = []
    for ex in examples():
        marks: list[Any] = []
        reason = _skip_reason(ex)
        if reason:
            marks.append(pytest.mark.skip(reason=reason))
        elif SLOW.match(ex.command):
            marks.append(pytest.mark.slow)
        out.append(pytest.param(ex, id=ex.id, marks=marks))
    return out


def test_the_examples_are_found() -> None:
    found = examples()
    commands = [e.command for e in found]
    assert sum(c.startswith("assistant ") for c in commands) >= 12
    assert any(c.startswith("curl ") and "chat/completions" in c for c in commands)
    multi = next(e for e in found if "chat/completions" in e.command)
    assert multi.command.endswith("]}'") and multi.doc == "serving.md"
    when = next(e for e in found if "When will" in e.command)
    assert when.promise.startswith('"on Tuesday (Oct. 7, 2025)"')


@pytest.mark.parametrize("ex", _params())
def test_readme_example(ex: Example, ws: Workspace) -> None:
    if ex.command.startswith("assistant serve"):
        ws.serve(ex)
        with urllib.request.urlopen(f"http://127.0.0.1:{ws.port}/", timeout=30) as page:
            assert page.status == 200 and b"<html" in page.read().lower()  # "then open ..."
        return
    if ex.command.startswith("curl "):
        serve = next(e for e in examples() if e.doc == ex.doc and e.command.startswith("assistant serve"))
        ws.serve(serve)
    if SLOW.match(ex.command) and "--baseline" in ex.command:
        if not (ws.root / "reports" / "eval" / "report.json").is_file():
            assert ws.run("assistant eval --report reports/eval").returncode == 0
    r = ws.run(ex.command)
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == 0, f"exit {r.returncode}: {r.stderr.strip()[-500:]}"
    quoted = re.match(r'"([^"]+)"', ex.promise)
    if quoted:  # a comment that quotes output promises exactly those words
        assert quoted.group(1) in r.stdout, r.stdout
    for pattern, check in CHECKS:
        if re.search(pattern, ex.command):
            check(ws, r)
