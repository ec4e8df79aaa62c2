"""CLI wall time: ``assistant --help`` and a cold ``assistant ask`` on an existing index.

Each call is a fresh interpreter (``python -m assistant``, the same code the ``assistant``
console script runs), so imports, model load and index open are all counted: what a user
waits for at the shell. Median of ``repeats`` runs after one untimed run that warms the
OS file cache.

CLI: ``python -m benchmarks.cli_wall --index benchmarks/data/index-1k-hashed``
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.common import machine_info

ROOT = Path(__file__).resolve().parent.parent


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env["HF_HUB_OFFLINE"] = "1"
    return env


def wall(args: list[str], repeats: int = 5, timeout: float = 120.0) -> dict[str, Any]:
    """Median wall seconds of ``python -m assistant ARGS`` (one untimed warm-up run)."""
    cmd = [sys.executable, "-m", "assistant", *args]
    env = _env()
    subprocess.run(cmd, env=env, capture_output=True, timeout=timeout, check=True)
    runs: list[float] = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, timeout=timeout, check=True)
        runs.append(time.perf_counter() - t0)
    return {
        "args": args,
        "median_s": statistics.median(runs),
        "runs_s": runs,
        "loadavg": machine_info()["loadavg_1_5_15"],
    }


def interpreter_floor(repeats: int = 5) -> float:
    """Median wall seconds of ``python -c pass``: the part no lazy import can remove."""
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def measure_cli(index_dir: Path, question: str, repeats: int = 5) -> dict[str, Any]:
    """``--help`` and a cold extractive ``ask --json`` on ``index_dir``."""
    return {
        "python_floor_s": interpreter_floor(repeats),
        "help": wall(["--help"], repeats),
        "ask_cold": wall(["ask", question, "--index-dir", str(index_dir), "--json"], repeats),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.cli_wall")
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--question", default="Who said the tariffs would hurt exporters?")
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)
    print(json.dumps(measure_cli(args.index, args.question, args.repeats), indent=1))


if __name__ == "__main__":
    main()
