"""Prompt files: declared variables validated at load, rendering, content hash."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assistant.answer import prompts
from assistant.answer.prompts import PromptSet, load_prompt, parse_prompt, prompt_dir
from assistant.errors import ConfigError


def test_bundled_prompts_load_and_render() -> None:
    ps = PromptSet.load()
    assert ps.names == ["answer", "condense", "system"]
    assert ps["answer"].variables == {"question", "sources", "quotes", "leads"}
    assert ps["condense"].variables == {"history", "question"}
    text = ps["answer"].render(question="Who?", sources='<source n="1">x</source>', quotes="", leads="")
    assert "Question: Who?" in text and '<source n="1">x</source>' in text
    assert "variables:" not in text  # header lines are not part of the body
    assert "The articles do not say" in ps["system"].render(sentinel="The articles do not say")


def test_hash_is_12_hex_stable_and_content_sensitive(tmp_path: Path) -> None:
    ps = PromptSet.load()
    h = ps.hash()
    assert re.fullmatch(r"[0-9a-f]{12}", h) and h == PromptSet.load().hash()
    assert ps.hash(["system", "answer"]) != h
    copy = tmp_path / "p"
    shutil.copytree(prompt_dir(), copy)
    assert PromptSet.load(directory=copy).hash() == h
    (copy / "answer.txt").write_text((copy / "answer.txt").read_text() + "Be brief.\n")
    assert PromptSet.load(directory=copy).hash() != h


def test_undeclared_variable_fails_at_load() -> None:
    with pytest.raises(ConfigError, match=r"undeclared variables \['sources'\]"):
        parse_prompt("p", "# variables: question\n$question and $sources\n")


def test_declared_but_unused_variable_fails_at_load() -> None:
    with pytest.raises(ConfigError, match=r"never uses: \['quotes'\]"):
        parse_prompt("p", "# variables: question, quotes\nOnly $question\n")


def test_malformed_placeholder_and_missing_header() -> None:
    with pytest.raises(ConfigError, match="malformed placeholder"):
        parse_prompt("p", "# variables: a\n$a costs $5\n")
    with pytest.raises(ConfigError, match="declares no variables"):
        parse_prompt("p", "Hello $a\n")
    with pytest.raises(ConfigError, match="invalid variable names"):
        parse_prompt("p", "# variables: a-b\nx\n")


def test_dollars_braces_and_empty_declaration() -> None:
    p = parse_prompt("p", '# variables:\nPay $$5 and reply {"ok": true}\n')
    assert p.variables == frozenset() and p.render() == 'Pay $5 and reply {"ok": true}\n'
    q = parse_prompt("q", "# a comment\n# variables: who\n${who}'s turn\n")
    assert q.render(who="Ann") == "Ann's turn\n"


def test_render_with_wrong_names_is_an_error() -> None:
    p = parse_prompt("p", "# variables: a, b\n$a $b\n")
    with pytest.raises(ValueError, match="missing"):
        p.render(a=1)
    with pytest.raises(ValueError, match="undeclared"):
        p.render(a=1, b=2, c=3)


def test_prompt_folder_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A source checkout has no assistant/answer/_prompts, so the top-level prompts/ is used.
    monkeypatch.setattr(prompts, "PACKAGE_PROMPTS", tmp_path / "missing")
    assert prompt_dir() == prompts.SOURCE_PROMPTS
    # An installed wheel carries them inside the package, which wins.
    packaged = tmp_path / "_prompts"
    shutil.copytree(prompts.SOURCE_PROMPTS, packaged)
    monkeypatch.setattr(prompts, "PACKAGE_PROMPTS", packaged)
    assert prompt_dir() == packaged and load_prompt("system").name == "system"
    with pytest.raises(ConfigError, match="does not exist"):
        prompt_dir(tmp_path / "nope")
    with pytest.raises(ConfigError, match="Cannot read prompt 'absent'"):
        load_prompt("absent")


def test_wheel_config_ships_the_prompts() -> None:
    import tomllib

    config = tomllib.loads((prompts.SOURCE_PROMPTS.parent / "pyproject.toml").read_text())
    include = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert include["prompts"] == "assistant/answer/_prompts"
    assert prompts.PACKAGE_PROMPTS.name == "_prompts"
