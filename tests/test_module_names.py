"""Every module binds each top-level name once. A module constant assigned twice is read with
its last value by every function, even those written above the second assignment: round 40
rebound a year pattern without its word boundaries and a set of figure asks with one more ask,
and both silently changed checks far from the new code (ruff's F811 sees functions and
imports only)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import assistant

PACKAGE = Path(assistant.__file__).resolve().parent


def _bound_twice(path: Path) -> list[str]:
    names: Counter[str] = Counter()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return sorted(name for name, n in names.items() if n > 1)


def test_no_module_binds_a_top_level_name_twice() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 20
    twice = {str(p.relative_to(PACKAGE)): names for p in modules if (names := _bound_twice(p))}
    assert twice == {}


def test_a_name_bound_twice_is_found(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        'import re\n_YEAR = re.compile("19")\n\ndef f():\n    pass\n\n_YEAR = re.compile("20")\n'
    )
    assert _bound_twice(source) == ["_YEAR"]
