"""No tracked text file holds a merge-conflict marker line (one once sat in wordlists.txt and
was read as words; two were left in evals/README.md by hand-resolved merges)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_MARKER = re.compile(r"^(?:<{7}|>{7}|\|{7})(?: |$)|^={7}$", re.M)
_TEXT = {
    ".py",
    ".md",
    ".txt",
    ".toml",
    ".cfg",
    ".ini",
    ".yml",
    ".yaml",
    ".json",
    ".jsonl",
    ".html",
    ".js",
    ".css",
    "",
}


def _tracked() -> list[Path]:
    try:
        out = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    except (FileNotFoundError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [REPO / line for line in out.splitlines() if Path(line).suffix in _TEXT]


def test_no_tracked_text_file_holds_a_conflict_marker() -> None:
    found = []
    for path in _tracked():
        if not path.is_file() or path.name == Path(__file__).name:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [
            f"{path.relative_to(REPO)}:{text.count(chr(10), 0, m.start()) + 1}"
            for m in _MARKER.finditer(text)
        ]
    assert not found, found
