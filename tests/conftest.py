"""Shared fixtures: isolated state, a real on-disk index of the bundled corpus."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.netguard import BLOCKED, install_guard
from tests.openai_fake import FakeOpenAIServer

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    """Any attempt to reach a non-loopback host raises and fails the run."""
    uninstall = install_guard()
    yield
    uninstall()
    assert not BLOCKED, f"tests tried to reach the network: {BLOCKED}"


@pytest.fixture(autouse=True)
def _isolate(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's settings or writes outside its tmp_path."""
    for key in list(os.environ):
        if key.startswith("ASSISTANT_") or key.startswith("OPENAI_"):
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus indexed once per session (read-only for tests)."""
    from assistant.service import Assistant

    index_dir = tmp_path_factory.mktemp("bundled") / "index"
    Assistant(index_dir=index_dir).index([CORPUS])
    return index_dir


def index_articles(
    tmp_path_factory: pytest.TempPathFactory,
    articles: list[tuple[str, str, str, str]],
    authors: dict[str, str] | None = None,
) -> Any:
    """A warm, isolated Assistant over an on-disk index of invented articles, each given as
    ``(stem, text, outlet, published)`` (written as ``<stem>.txt`` + ``<stem>.meta.json``);
    ``authors``: the byline of some, by stem."""
    import json

    from assistant.service import Assistant

    corpus = tmp_path_factory.mktemp("news")
    for stem, text, outlet, day in articles:
        (corpus / f"{stem}.txt").write_text(text, encoding="utf-8")
        meta = {"outlet": outlet, "published": day}
        if authors and stem in authors:
            meta["author"] = authors[stem]
        (corpus / f"{stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("idx") / "index"
    Assistant(index_dir=index_dir).index([corpus])
    return isolated_assistant(index_dir, tmp_path_factory)


def index_plain(tmp_path_factory: pytest.TempPathFactory, articles: dict[str, str]) -> tuple[Path, Path]:
    """An on-disk index of invented articles given as ``{stem: text}`` (no sidecars): the
    corpus folder and the index folder, for tests that run the eval tools on them."""
    from assistant.service import Assistant

    corpus = tmp_path_factory.mktemp("news")
    for stem, text in articles.items():
        (corpus / f"{stem}.txt").write_text(text, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("idx") / "index"
    Assistant(index_dir=index_dir).index([corpus])
    return corpus, index_dir


def isolated_assistant(
    built_index: Path, tmp_path_factory: pytest.TempPathFactory, cls: type[Any] | None = None
) -> Any:
    """A warm Assistant on the bundled index for module-scoped fixtures (which cannot use
    the function-scoped ``_isolate``): no ASSISTANT_/OPENAI_ variables, a private HOME."""
    from assistant.service import Assistant

    with pytest.MonkeyPatch.context() as mp:
        for key in list(os.environ):
            if key.startswith(("ASSISTANT_", "OPENAI_")):
                mp.delenv(key)
        mp.setenv("HOME", str(tmp_path_factory.mktemp("home")))
        a = (cls or Assistant)(index_dir=built_index)
        a.ensure_index()
    return a


@pytest.fixture
def index_copy(built_index: Path, tmp_path: Path) -> Path:
    """A private copy of the bundled index that a test may change."""
    dst = tmp_path / "index-copy"
    shutil.copytree(built_index, dst)
    return dst


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "corpus"
    shutil.copytree(CORPUS, dst)
    return dst


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeOpenAIServer]:
    """The scripted OpenAI-compatible server on loopback (tests/openai_fake.py), one per
    test module so module-scoped assistants can point at it; reset before every test that
    uses it (see ``_fresh_fake``), so no test sees another's replies or requests."""
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture(autouse=True)
def _fresh_fake(request: pytest.FixtureRequest) -> None:
    if "fake" in request.fixturenames:
        request.getfixturevalue("fake").reset()
