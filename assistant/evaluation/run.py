"""An eval run as a library call: index the corpus, ask every gold question, score, record.

:func:`run` drives anything shaped like :class:`~assistant.service.Assistant` (the
:class:`Subject` protocol: this package sits below the service and does not import it);
``assistant eval`` only parses its options, calls :func:`run` and prints or writes the
result.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from assistant.errors import AssistantError, ConfigError
from assistant.evaluation.harness import EvalRun, GoldItem, rescore, run_eval
from assistant.evaluation.metrics import QuestionScore
from assistant.settings import Settings
from assistant.types import Answer, Article, IndexReport, Status


class Subject(Protocol):
    """What an eval run needs of the assistant it scores."""

    settings: Settings

    def index(self, paths: Sequence[str | Path] | None = None) -> IndexReport: ...

    def ask(self, question: str) -> Answer: ...

    def ask_both(self, question: str) -> tuple[Answer, Answer]: ...

    def backend(self) -> object: ...

    def article(self, doc_id: str) -> Article: ...

    def status(self) -> Status: ...


def fingerprint_dir(path: Path) -> str:
    """Hash of every file's relative name and bytes under ``path`` (articles + sidecars)."""
    h = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    for p in files:
        h.update(str(p.relative_to(path)).encode() + b"\0" + hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:16]


class StoredTexts(Mapping[str, str]):
    """Article texts fetched from the index on first use (citation offsets refer to these)."""

    def __init__(self, fetch: Callable[[str], str]) -> None:
        self._fetch = fetch
        self._cache: dict[str, str | None] = {}

    def __getitem__(self, doc_id: str) -> str:
        if doc_id not in self._cache:
            try:
                self._cache[doc_id] = self._fetch(doc_id)
            except AssistantError:  # not in the index: the citation is scored as unfound
                self._cache[doc_id] = None
        text = self._cache[doc_id]
        if text is None:
            raise KeyError(doc_id)
        return text

    def __iter__(self) -> Iterator[str]:
        return iter([k for k, v in self._cache.items() if v is not None])

    def __len__(self) -> int:
        return sum(v is not None for v in self._cache.values())


def run(
    subject: Subject,
    gold: Sequence[GoldItem],
    corpus: Path,
    *,
    gold_path: str | None = None,
    judge: Callable[[list[QuestionScore]], float | None] | None = None,
    extra: Mapping[str, object] | None = None,
) -> EvalRun:
    """Index ``corpus`` into ``subject`` (incrementally), ask every ``gold`` question, score.

    The report's meta records the backend, embedder, prompt hash, corpus fingerprint and
    ``subject.settings`` (secrets excluded); ``extra`` adds entries (the CLI adds the
    ranker's fitted weights); ``judge`` maps the scored records to a per-claim
    faithfulness recorded as ``judge_faithfulness``.
    """
    return run_both(subject, gold, corpus, gold_path=gold_path, judge=judge, extra=extra)[0]


def run_both(
    subject: Subject,
    gold: Sequence[GoldItem],
    corpus: Path,
    *,
    gold_path: str | None = None,
    judge: Callable[[list[QuestionScore]], float | None] | None = None,
    extra: Mapping[str, object] | None = None,
) -> tuple[EvalRun, EvalRun | None]:
    """:func:`run`, and with a generative backend whose extractive fallback is on, the
    same generation scored a second way: the LLM's own verified answers ("the LLM
    alone"), without asking the model twice. The second is ``None`` otherwise."""
    if not corpus.is_dir():
        raise ConfigError(f"No corpus folder at {corpus}.")
    subject.index([corpus])
    try:
        emb = subject.status().embedder
    except AssistantError:  # status is informative only; never fail the eval over it
        emb = None
    alone: dict[str, Answer] | None = None
    ask: Callable[[str], Answer] = subject.ask
    if getattr(subject.backend(), "generative", False) and subject.settings.llm_fallback:
        alone = {}

        def ask(question: str) -> Answer:
            shown, own = subject.ask_both(question)
            alone[question] = own
            return shown

    texts = StoredTexts(lambda d: subject.article(d).text)
    result = run_eval(
        gold,
        ask,
        texts,
        backend=subject.settings.backend,
        embedder=emb.name if emb is not None and emb.name else None,
        corpus_fingerprint=fingerprint_dir(corpus),
        gold_path=gold_path,
    )
    result.meta.extra["settings"] = subject.settings.public_dump()
    result.meta.extra.update(extra or {})
    if judge is not None:
        result.meta.extra["judge_faithfulness"] = judge(result.records)
    own_run = rescore(result, gold, alone, texts) if alone is not None else None
    return result, own_run
