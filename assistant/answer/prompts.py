"""Prompts as files: declared variables validated at load, ``string.Template`` rendering.

A prompt file starts with header lines beginning with ``#``; one of them declares the
variables the body uses::

    # variables: question, sources, quotes
    Question: $question
    ...

The body uses ``$name`` / ``${name}`` placeholders (``$$`` is a literal dollar sign, and
JSON examples need no brace escaping). Loading fails when the body uses an undeclared
variable, declares one it never uses, or holds a malformed ``$`` placeholder, so a broken
prompt is caught before any question is asked. Installed wheels carry the prompts in
``assistant/answer/_prompts/``; a source checkout uses the top-level ``prompts/`` folder.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from string import Template

from assistant.errors import ConfigError

PACKAGE_PROMPTS = Path(__file__).resolve().parent / "_prompts"
SOURCE_PROMPTS = Path(__file__).resolve().parents[2] / "prompts"

_DECLARATION = re.compile(r"^#\s*variables\s*:(.*)$", re.IGNORECASE)
_NAME = re.compile(r"^[_a-z][_a-z0-9]*$", re.IGNORECASE)


def prompt_dir(directory: str | Path | None = None) -> Path:
    """The folder prompts are read from: ``directory``, the package copy, or the source."""
    if directory is not None:
        path = Path(directory)
        if not path.is_dir():
            raise ConfigError(f"Prompt folder {path} does not exist.")
        return path
    if PACKAGE_PROMPTS.is_dir():
        return PACKAGE_PROMPTS
    if SOURCE_PROMPTS.is_dir():
        return SOURCE_PROMPTS
    raise ConfigError(
        f"No prompt files found (looked in {PACKAGE_PROMPTS} and {SOURCE_PROMPTS}); reinstall the package."
    )


@dataclass(frozen=True)
class Prompt:
    """One validated prompt: its body, its declared variables and a content hash."""

    name: str
    body: str
    variables: frozenset[str]
    sha256: str

    def render(self, **values: object) -> str:
        """Substitute every declared variable; missing or extra names are a bug here."""
        given = set(values)
        if given != self.variables:
            missing = sorted(self.variables - given)
            extra = sorted(given - self.variables)
            raise ValueError(f"Prompt {self.name!r} rendered with missing {missing} / undeclared {extra}.")
        return Template(self.body).substitute({k: str(v) for k, v in values.items()})


def parse_prompt(name: str, text: str) -> Prompt:
    """Validate prompt ``text``; raise :class:`ConfigError` naming the problem."""
    lines = text.splitlines(keepends=True)
    declared: set[str] | None = None
    i = 0
    while i < len(lines) and lines[i].lstrip().startswith("#"):
        m = _DECLARATION.match(lines[i].strip())
        if m:
            items = [v.strip() for v in m.group(1).split(",") if v.strip()]
            bad = [v for v in items if not _NAME.match(v)]
            if bad:
                raise ConfigError(f"Prompt {name!r}: invalid variable names {bad}.")
            declared = set(items)
        i += 1
    if declared is None:
        raise ConfigError(
            f"Prompt {name!r} declares no variables: start it with a line "
            "'# variables: a, b' (empty after the colon when it uses none)."
        )
    body = "".join(lines[i:]).strip("\n") + "\n"
    template = Template(body)
    if not template.is_valid():
        bad_at = _first_invalid(body)
        raise ConfigError(
            f"Prompt {name!r} has a malformed placeholder near {bad_at!r}: "
            "write $name or ${name}, and $$ for a dollar sign."
        )
    used = set(template.get_identifiers())
    if used - declared:
        raise ConfigError(
            f"Prompt {name!r} uses undeclared variables {sorted(used - declared)}: "
            "add them to its '# variables:' line."
        )
    if declared - used:
        raise ConfigError(f"Prompt {name!r} declares variables it never uses: {sorted(declared - used)}.")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Prompt(name=name, body=body, variables=frozenset(declared), sha256=digest)


def _first_invalid(body: str) -> str:
    for m in Template.pattern.finditer(body):
        if m.group("invalid") is not None:
            pos = m.start("invalid")
            return body[max(0, pos - 10) : pos + 10]
    return ""


def load_prompt(name: str, directory: str | Path | None = None) -> Prompt:
    """Load and validate ``<name>.txt`` from the prompt folder."""
    path = prompt_dir(directory) / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"Cannot read prompt {name!r} at {path}: {exc.strerror}.") from None
    return parse_prompt(name, text)


class PromptSet:
    """A few prompts loaded together, with one hash identifying their exact contents."""

    def __init__(self, prompts: Iterable[Prompt]) -> None:
        self._prompts = {p.name: p for p in prompts}

    @classmethod
    def load(
        cls,
        names: Iterable[str] = ("system", "answer", "condense"),
        directory: str | Path | None = None,
    ) -> PromptSet:
        return cls(load_prompt(n, directory) for n in names)

    def __getitem__(self, name: str) -> Prompt:
        try:
            return self._prompts[name]
        except KeyError:
            raise ConfigError(f"Prompt {name!r} is not loaded.") from None

    def __contains__(self, name: object) -> bool:
        return name in self._prompts

    @property
    def names(self) -> list[str]:
        return sorted(self._prompts)

    def hash(self, names: Iterable[str] | None = None) -> str:
        """sha256 (first 12 hex) over the named prompts (default: all) in name order."""
        chosen = sorted(names) if names is not None else self.names
        return prompts_hash(self[n] for n in chosen)


def prompts_hash(prompts: Iterable[Prompt]) -> str:
    """Content hash of prompts: sha256 of their names and file contents, 12 hex digits."""
    h = hashlib.sha256()
    for p in sorted(prompts, key=lambda p: p.name):
        h.update(p.name.encode())
        h.update(b"\0")
        h.update(p.sha256.encode())
        h.update(b"\0")
    return h.hexdigest()[:12]
