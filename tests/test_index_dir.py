"""Index-dir rules for every read command (issue 13, item 4).

An explicit index (``--index-dir`` or ``ASSISTANT_INDEX_DIR``) that is missing or empty is
exit 1 with one line naming it and the command that builds it; a path that is a file is
exit 1 with one line; nothing is created by the failed command. (The default index built
on first ``ask`` is covered by ``test_cli.py::test_subprocess_builds_missing_default_index…``.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.interfaces.cli import app
from tests.conftest import ROOT

#: Every command that reads an index, with the arguments it needs besides the index.
READERS = [
    ["ask", "Who said it?"],
    ["quotes"],
    ["speakers"],
    ["timeline"],
    ["status"],
    ["chat"],
    ["serve"],
    ["mcp"],
]


def _tree(path: Path) -> list[str]:
    return sorted(str(p.relative_to(path)) for p in path.rglob("*")) if path.is_dir() else []


def _one_line_error(result: object, named: Path) -> str:
    err: str = result.stderr  # type: ignore[attr-defined]
    assert result.exit_code == 1, (result.exit_code, result.output)  # type: ignore[attr-defined]
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("error: "), err
    assert str(named) in err, err
    return err


@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0])
def test_missing_explicit_index_is_one_line_and_creates_nothing(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "typo" / "index"
    result = CliRunner().invoke(app, [*args, "--index-dir", str(missing)], input="")
    err = _one_line_error(result, missing)
    assert "does not exist" in err and f"assistant index PATH --index-dir {missing}" in err
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0])
def test_empty_explicit_index_is_one_line_and_stays_empty(tmp_path: Path, args: list[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(app, [*args, "--index-dir", str(empty)], input="")
    err = _one_line_error(result, empty)
    assert "is empty" in err and "assistant index" in err
    assert _tree(empty) == []


@pytest.mark.parametrize("args", [*READERS, ["index", str(ROOT / "corpus")]], ids=lambda a: a[0])
def test_index_path_that_is_a_file_is_one_line(tmp_path: Path, args: list[str]) -> None:
    f = tmp_path / "index.txt"
    f.write_text("not a directory")
    result = CliRunner().invoke(app, [*args, "--index-dir", str(f)], input="")
    err = _one_line_error(result, f)
    assert "is a file" in err
    assert f.read_text() == "not a directory"


def test_environment_variable_is_explicit_too(tmp_path: Path) -> None:
    """The conftest points ASSISTANT_INDEX_DIR at tmp_path/index for every test."""
    result = CliRunner().invoke(app, ["ask", "Who said it?"])
    _one_line_error(result, tmp_path / "index")
    assert not (tmp_path / "index").exists()


def test_real_process_with_a_mistyped_env_index(tmp_path: Path) -> None:
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(tmp_path / "indx")}
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "ask", "Who called the deal a red flag?", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [
        f"error: The index directory {tmp_path / 'indx'} does not exist: build it with "
        f"`assistant index PATH --index-dir {tmp_path / 'indx'}`."
    ]
    assert not (tmp_path / "indx").exists()


def test_a_built_index_still_answers(built_index: Path) -> None:
    result = CliRunner().invoke(app, ["speakers", "--index-dir", str(built_index)])
    assert result.exit_code == 0 and "quote(s)" in result.stdout
