"""The settings tree: groups, documented environment names kept, secrets never dumped."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

import assistant.settings as settings_mod
from assistant.settings import Settings


def _fields(model: type[BaseModel], prefix: str = "") -> list[tuple[str, str | None]]:
    out = []
    for name, f in model.model_fields.items():
        ann = f.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            out += _fields(ann, f"{prefix}{name}.")
        out.append((prefix + name, f.description))
    return out


def test_every_setting_has_a_description() -> None:
    missing = [name for name, desc in _fields(Settings) if not desc]
    assert not missing, missing
    assert {"retrieval", "ingest", "answer", "quotes", "llm", "serve", "eval"} <= set(Settings.model_fields)


#: The tuning constants that lived in answer/ and quotes/ modules, with their values there.
MOVED = {
    ("answer", "max_sentences"): 3,
    ("answer", "second_ratio"): 0.8,
    ("answer", "max_quotation_sentences"): 4,
    ("answer", "speaker_gap"): 12,
    ("answer", "min_support"): 0.5,
    ("answer", "timeline_about_k"): 24,
    ("quotes", "cue_after_words"): 14,
    ("quotes", "cue_before_tokens"): 40,
    ("quotes", "desc_window"): 600,
}


def test_the_moved_tuning_constants_are_settings_with_their_old_defaults() -> None:
    s = Settings()
    described = dict(_fields(Settings))
    for (group, name), old in MOVED.items():
        assert getattr(getattr(s, group), name) == old, (group, name)
        assert described[f"{group}.{name}"], (group, name)
        assert s.public_dump()[group][name] == old  # type: ignore[index]


def test_speaker_gap_from_the_environment_changes_who_a_sentence_is_attributed_to(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from assistant.answer.asked import attributes_to
    from assistant.types import Evidence, Span

    text = "Scott Bessent, the treasury secretary of the United States, said the tariffs would stay."
    ev = Evidence(doc_id="d", start=0, end=len(text), text=text, sentences=[Span(start=0, end=len(text))])
    sp = ev.sentences[0]
    assert attributes_to(ev, sp, "Scott Bessent")  # "said" is eight words after the name: within 12
    monkeypatch.setenv("ASSISTANT_ANSWER_SPEAKER_GAP", "4")
    assert not attributes_to(ev, sp, "Scott Bessent")
    assert attributes_to(ev, sp, "Scott Bessent", gap=Settings().answer.speaker_gap + 5)


def test_max_quotation_sentences_from_the_environment_reaches_the_extractive_backend(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from assistant.answer.backends.extractive import ExtractiveBackend, whole_quotation
    from tests.contexts import context
    from tests.test_quotations import SPLIT

    ctx, _ = context("What does Ortiz want to do about the ferry budget?", [("d", SPLIT, "You know")])
    ev = ctx.evidence[0]
    first = next(sp for sp in ev.sentences if SPLIT[sp.start : sp.end].startswith('"You know'))
    whole = whole_quotation(ev, first, ExtractiveBackend(Settings()).tuning)[1]
    assert "audit is done” before any cut" in whole  # widened over the two sentences
    monkeypatch.setenv("ASSISTANT_ANSWER_MAX_QUOTATION_SENTENCES", "1")
    span, shown = whole_quotation(ev, first, ExtractiveBackend(Settings()).tuning)
    assert (span.start, span.end) == (first.start, first.end)  # one sentence, its mark closed
    assert shown == SPLIT[first.start : first.end] + '"'


@pytest.mark.parametrize(
    ("env", "value", "path"),
    [
        ("ASSISTANT_K", "5", ("retrieval", "k")),
        ("ASSISTANT_EMBEDDER", "openai:e", ("retrieval", "embedder")),
        ("ASSISTANT_EMBED_BASE_URL", "http://e", ("retrieval", "embed_base_url")),
        ("ASSISTANT_EMBED_BATCH_SIZE", "7", ("ingest", "embed_batch_size")),
        ("ASSISTANT_CORPUS_DIR", "/c", ("ingest", "corpus_dir")),
        ("ASSISTANT_BACKEND", "openai", ("answer", "backend")),
        ("ASSISTANT_LLM_MODEL", "m", ("llm", "model")),
        ("ASSISTANT_LLM_TIMEOUT", "3.5", ("llm", "timeout")),
        ("ASSISTANT_LLM_MAX_RETRIES", "0", ("llm", "max_retries")),
        ("ASSISTANT_LLM_MAX_TOKENS", "9", ("llm", "max_tokens")),
        ("ASSISTANT_LLM_FALLBACK", "false", ("llm", "fallback")),
        ("OPENAI_BASE_URL", "http://llm", ("llm", "base_url")),
        ("ASSISTANT_OPENAI_BASE_URL", "http://llm2", ("llm", "base_url")),
        ("ASSISTANT_RETRIEVAL_DENSE_WEIGHT", "0.5", ("retrieval", "dense_weight")),
        ("ASSISTANT_INGEST_MAX_CHUNK_CHARS", "300", ("ingest", "max_chunk_chars")),
        ("ASSISTANT_SERVE_MAX_CONCURRENCY", "2", ("serve", "max_concurrency")),
        ("ASSISTANT_EVAL_GOLD", "/g.jsonl", ("eval", "gold")),
        ("ASSISTANT_ANSWER_MIN_SUPPORT", "0.7", ("answer", "min_support")),
        ("ASSISTANT_QUOTES_DESC_WINDOW", "100", ("quotes", "desc_window")),
    ],
)
def test_environment_names(
    monkeypatch: pytest.MonkeyPatch, env: str, value: str, path: tuple[str, str]
) -> None:
    monkeypatch.setenv(env, value)
    got = getattr(getattr(Settings(), path[0]), path[1])
    expected = {"false": False}.get(value, value)
    assert str(got) == str(expected) or got == type(got)(expected)


def test_flat_names_still_work_and_keywords_beat_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_LLM_MODEL", "from-env")
    monkeypatch.setenv("ASSISTANT_LLM_TIMEOUT", "9")
    s = Settings(openai_base_url="http://x", llm_timeout=2, k=3)
    assert (s.llm.base_url, s.llm.timeout, s.llm.model, s.retrieval.k) == ("http://x", 2.0, "from-env", 3)
    assert (s.openai_base_url, s.llm_timeout, s.llm_model, s.k) == ("http://x", 2.0, "from-env", 3)
    r = s.replace(backend="openai", llm_model="m2", index_dir=Path("/i"))
    assert (r.backend, r.llm.model, r.index_dir, r.llm.base_url) == ("openai", "m2", Path("/i"), "http://x")
    assert s.backend == "extractive"  # replace made a copy


def test_public_dump_has_every_group_and_no_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env-secret")
    s = Settings()
    assert s.openai_api_key is not None and s.openai_api_key.get_secret_value() == "sk-env-secret"
    dump = s.public_dump()
    assert "sk-env-secret" not in repr(dump) and "api_key" not in dump["llm"]  # type: ignore[operator]
    assert dump["retrieval"]["dense_weight"] == 0.6  # type: ignore[index]


def test_default_paths_checkout_and_installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ASSISTANT_INDEX_DIR")
    assert Settings().index_dir == settings_mod.PROJECT_DIR / "index"  # this checkout: README's index/
    site = tmp_path / "site-packages"  # an installed wheel: no pyproject.toml beside the package
    site.mkdir()
    monkeypatch.setattr(settings_mod, "PROJECT_DIR", site)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    s = Settings()
    assert s.index_dir == tmp_path / "data" / "assistant" / "index"
    assert s.corpus_dir == tmp_path / "data" / "assistant" / "corpus"
