"""The lexical side of retrieval: BM25 (bm25s) over the committed chunks.

The index is persisted beside the Chroma store (``<index>/lexical``) with the
fingerprint of the articles it was built from; a reader whose fingerprint differs
rebuilds it from Chroma, so it can never disagree with the committed state for long.

The same folder keeps the committed chunks' e5 vectors (``vectors.npy``, row ``i`` for
``ids[i]``) and texts (``texts.bin``, UTF-8, cut at ``text_offsets.npy``), both
memory-mapped on load, so dense retrieval is one exact matrix-vector product over the
very chunks BM25 sees, and a candidate's text a slice of a file, instead of round trips
through Chroma's HNSW graph and SQLite (see :mod:`assistant.retrieval.hybrid`). They are
written in the same atomic folder swap as the BM25 index, so they can never belong to
another set of chunks.

BM25 tokenizes with bm25s's own :class:`bm25s.tokenization.Tokenizer` (indexing and
querying, vocabulary saved beside the index with ``save_vocab`` and read back with
``load_vocab``, so a query maps to the very ids the index was built with). Its
parameters reproduce :func:`tokenize`, which the answer step keeps for its IDF weights
and content terms, token for token, so an IDF looked up by a ``tokenize`` term means the
same word BM25 indexed:

* ``splitter`` is :data:`BM25_PATTERN`, not bm25s's default ``(?u)\\b\\w\\w+\\b``. The
  default drops one-character tokens ("5", the "x" of "x-ray", the "o" of "O'Neill",
  leaving "neill"), splits "don't" into "don", and takes any Unicode word character
  ("café", "snake_case"). Ours keeps one-character tokens and digits, drops the
  possessive/contracted "'s"/"'d" ("Trump's" -> "trump", with no stray "s" token), keeps
  other apostrophe words whole ("O'Neill" -> "o'neill"), and reads ASCII letters and
  digits only, as :func:`tokenize` always has.
* a dotted abbreviation is one word before the split (:func:`undotted`: "F.B.I." -> "fbi",
  "D.C." -> "dc"), as a question writes it: the New York Times's style dots them throughout,
  and one-letter tokens matched nothing asked ("the FBI", "the GOP"). Round 33: fact recall
  +2 on check sets and +1 on development, nothing lost (evals/README.md, "Round 33").
* ``stopwords`` is our list from :mod:`assistant.nlp` (plus its curly-apostrophe spellings:
  bm25s removes stopwords before stemming, on the raw lowercased word).
* ``stemmer`` is :func:`stem` (after reading "’" as "'"). PyStemmer's Snowball stemmer
  (a manylinux wheel, so it would install) was measured in its place and not taken: on
  the 22 cached evaluation sets it changed the contexts of 6-74 questions per set and cost
  an abstention on realnews_train a and on nearmiss fresh b (a check set), a false
  abstention on gold and fact recall on realnews_train b (-0.005), for fact recall +0.027
  on multipart fresh b and +0.015 on realnews_next b (evals/README.md, "BM25 through
  bm25s's own tokenizer"). Its stems also differ from :func:`stem`, so the answer step's
  IDF would need a second tokenization of every chunk.

Queries are tokenized with ``update_vocab=False``: a word whose stem the index lacks is
dropped. bm25s still caches each new query word's stem (``word_to_stem``), one small entry
per distinct word ever asked, for the life of the loaded index.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import mmap
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from assistant.nlp import stopwords
from assistant.nlp.text import unaccented

STOPWORDS = stopwords()
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
#: bm25s's splitter pattern: :data:`_TOKEN` without a possessive/contracted "'s"/"'d"
#: (neither kept on the word nor left as a token of its own), as :func:`tokenize` does.
BM25_PATTERN = (
    r"(?:(?<![a-z0-9]['’])|(?![sd](?![a-z])))"  # not the "s" of "trump's"
    r"[a-z0-9]+(?:['’](?![sd](?![a-z]))[a-z]+)?"
)


#: An abbreviation of single letters with full stops ("F.B.I.", "D.C.", "G.O.P."), lower-cased:
#: one word ("fbi"), as a question writes it ("FBI"), not one-letter tokens that match nothing
#: a question holds (the New York Times's style writes "the F.B.I." throughout).
_DOTTED = re.compile(r"\b[a-z](?:\.[a-z])+\.?(?![a-z0-9])", re.IGNORECASE)


def undotted(text: str) -> str:
    """``text`` with each dotted abbreviation written as one word ("F.B.I." -> "FBI"): the
    first step of :func:`tokenize` and of BM25's splitter, and of any reading of a question's
    words one by one that meets :func:`tokenize`'s terms."""
    return _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)


def stem(word: str) -> str:
    """A light suffix stripper (plurals, -ing, -ed): enough to match said/say, tariffs/tariff."""
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, repl in (
        ("ies", "y"),
        ("sses", "ss"),
        ("ing", ""),
        ("ied", "y"),
        ("ed", ""),
        ("es", "e"),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: len(word) - len(suffix)] + repl
    return word


def tokenize(text: str, keep_stopwords: bool = False) -> list[str]:
    """Lowercased, stemmed content words (the answer step's terms and IDF keys); BM25's
    tokens (:func:`bm25_tokenizer`) are these, token for token."""
    text = undotted(unaccented(text.lower().replace("’", "'")))
    out = []
    for tok in _TOKEN.findall(text):
        tok = tok.split("'")[0] if tok.endswith(("'s", "'d")) else tok
        if not keep_stopwords and tok in STOPWORDS:
            continue
        out.append(stem(tok))
    return out


def _bm25_stem(word: str) -> str:
    return stem(word.replace("’", "'"))


def bm25_tokenizer() -> Any:
    """A bm25s Tokenizer whose tokens are :func:`tokenize`'s (empty vocabulary)."""
    from bm25s.tokenization import Tokenizer

    words = sorted(STOPWORDS | {w.replace("'", "’") for w in STOPWORDS})
    split = re.compile(BM25_PATTERN).findall

    def splitter(text: str) -> list[str]:
        return split(undotted(unaccented(text)))

    return Tokenizer(lower=True, splitter=splitter, stopwords=words, stemmer=_bm25_stem)


#: Version of the persisted ``chunks.json`` (2: ``published`` as an ISO date; 3: BM25
#: tokenized by bm25s's Tokenizer, its vocabulary in ``bm25/vocab.tokenizer.json``; 4: a dotted
#: abbreviation one token, :func:`undotted`; 5: words read without diacritics, "Peña" one token
#: "pena", not "pe" and "a").
FORMAT = 5


def _dated(meta: dict[str, Any], convert: Any) -> dict[str, Any]:
    """``meta`` with its ``published`` value converted (date <-> ISO string for JSON)."""
    return meta | {"published": convert(meta["published"])} if "published" in meta else meta


def fingerprint(hashes: dict[str, str]) -> str:
    h = hashlib.sha256()
    for doc_id in sorted(hashes):
        h.update(f"{doc_id}\0{hashes[doc_id]}\n".encode())
    return h.hexdigest()[:16]


class _Columns:
    """The filterable metadata of an index's chunks as arrays (built once per index)."""

    def __init__(self, metas: Sequence[dict[str, Any]]):
        self.doc_codes: dict[str, int] = {}
        self.outlet_codes: dict[str, int] = {}
        n = len(metas)
        #: article code per chunk (``len(doc_codes)`` for a chunk without one: never allowed)
        self.doc = np.empty(n, dtype=np.int64)
        #: publication day as a proleptic ordinal, -1 when undated
        self.day = np.full(n, -1, dtype=np.int64)
        #: outlet code per chunk, -1 when none
        self.outlet = np.full(n, -1, dtype=np.int64)
        docs: list[int] = []
        for i, m in enumerate(metas):
            d = m.get("doc_id")
            docs.append(self.doc_codes.setdefault(d, len(self.doc_codes)) if isinstance(d, str) else -1)
            pub = m.get("published")
            if isinstance(pub, date):
                self.day[i] = pub.toordinal()
            o = m.get("outlet")
            if isinstance(o, str):
                self.outlet[i] = self.outlet_codes.setdefault(o, len(self.outlet_codes))
        self.doc[:] = [c if c >= 0 else len(self.doc_codes) for c in docs]


class LexicalIndex:
    """BM25 over chunk texts, with per-chunk doc id, date and outlet for filtering."""

    def __init__(
        self,
        retriever: Any,
        ids: list[str],
        metas: list[dict[str, Any]],
        df: dict[str, int],
        fp: str,
        tokenizer: Any = None,
    ):
        self.retriever = retriever
        #: bm25s's Tokenizer holding the vocabulary ``retriever`` was indexed with
        self.tokenizer = tokenizer if tokenizer is not None else bm25_tokenizer()
        self.ids = ids
        self.metas = metas
        self.df = df
        self.n = max(len(ids), 1)
        self.fingerprint = fp
        #: The store's write generation this index was built or checked under.
        self.generation: str | None = None
        self._committed: dict[str | None, Any] | None = None
        self._columns: _Columns | None = None
        #: The chunks' stored vectors (float32, row ``i`` for ``ids[i]``), or None when
        #: this index was written without them (dense search then asks Chroma).
        self.vectors: np.ndarray | None = None
        #: The chunks' texts, UTF-8, chunk ``i`` at ``_bounds[i]:_bounds[i + 1]`` (None
        #: when written without them: texts are then read from Chroma).
        self._blob: Any = None
        self._bounds: np.ndarray | None = None
        #: the tokens some chunk holds, sorted (built on first :meth:`mentions`)
        self._vocabulary: list[str] | None = None

    def set_texts(self, texts: Sequence[str]) -> None:
        """Keep ``texts`` (one per chunk, in ``ids`` order) for :meth:`text`."""
        parts = [t.encode("utf-8") for t in texts]
        self._bounds = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum([len(p) for p in parts], out=self._bounds[1:])
        self._blob = b"".join(parts)

    def text(self, pos: int) -> str | None:
        """The text of the chunk at ``pos``; None when this index does not keep texts."""
        if self._bounds is None:
            return None
        a, b = int(self._bounds[pos]), int(self._bounds[pos + 1])
        return bytes(self._blob[a:b]).decode("utf-8")

    @property
    def committed(self) -> dict[str | None, Any]:
        """doc id -> the content hash its chunks carry here (computed once, not per query)."""
        if self._committed is None:
            self._committed = {m["doc_id"]: m.get("content_hash") for m in self.metas}
        return self._committed

    def mask(
        self,
        since: date | None = None,
        until: date | None = None,
        outlet: str | None = None,
        doc_ids: Sequence[str] | None = None,
    ) -> np.ndarray:
        """Which chunks pass a filter, as a boolean array over positions.

        The same rules as :meth:`assistant.engines.store.Filters.allows` (an undated
        chunk fails any date bound; ``doc_ids``, when given, lists the only articles
        allowed), computed on columns derived once per index instead of a Python test
        of every chunk's metadata on every filtered search (60 ms at 20k chunks).
        """
        cols = self._columns
        if cols is None:
            cols = self._columns = _Columns(self.metas)
        keep = np.ones(len(self.metas), dtype=bool)
        if since is not None:
            keep &= cols.day >= since.toordinal()
        if until is not None:
            keep &= (cols.day >= 0) & (cols.day <= until.toordinal())
        if outlet:
            code = cols.outlet_codes.get(outlet)
            keep &= cols.outlet == code if code is not None else False
        if doc_ids is not None:
            wanted = np.zeros(len(cols.doc_codes) + 1, dtype=bool)
            wanted[[cols.doc_codes[d] for d in doc_ids if d in cols.doc_codes]] = True
            keep &= wanted[cols.doc]
        return keep

    # -- build / persist -------------------------------------------------------------
    @classmethod
    def build(
        cls, ids: list[str], texts: Sequence[str], metas: list[dict[str, Any]], fp: str
    ) -> LexicalIndex:
        import logging

        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # no "Building index" chatter

        tokenizer = bm25_tokenizer()
        # a chunk without a token is indexed as bm25s's empty token "" (allow_empty)
        tokenized = tokenizer.tokenize(list(texts), update_vocab=True, return_as="tuple", show_progress=False)
        counts: Counter[int] = Counter()
        for doc in tokenized.ids:
            counts.update(set(doc))
        word = {sid: w for w, sid in tokenized.vocab.items()}
        df = {word[sid]: n for sid, n in counts.items()}
        retriever = bm25s.BM25()
        if texts:
            retriever.index(tokenized, show_progress=False)
        keep = ("doc_id", "content_hash", "published", "outlet", "start", "end", "title", "sentences")
        slim = [{k: m[k] for k in keep if k in m} for m in metas]
        return cls(retriever, ids, slim, df, fp, tokenizer)

    def save(self, directory: Path) -> None:
        """Write atomically: a temp folder renamed over the old one."""
        directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".lexical-", dir=directory.parent))
        if self.ids:
            self.retriever.save(str(tmp / "bm25"))
            self.tokenizer.save_vocab(str(tmp / "bm25"))
        if self.vectors is not None:
            np.save(tmp / "vectors.npy", np.ascontiguousarray(self.vectors, dtype=np.float32))
        if self._bounds is not None:
            (tmp / "texts.bin").write_bytes(bytes(self._blob))
            np.save(tmp / "text_offsets.npy", self._bounds)
        (tmp / "chunks.json").write_text(
            json.dumps(
                {
                    "fingerprint": self.fingerprint,
                    "generation": self.generation,
                    "format": FORMAT,
                    "ids": self.ids,
                    "metas": [_dated(m, date.isoformat) for m in self.metas],
                    "df": self.df,
                }
            )
        )
        old = directory.with_name(directory.name + ".old")
        if directory.exists():
            os.replace(directory, old)
        os.replace(tmp, directory)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex | None:
        try:
            data = json.loads((directory / "chunks.json").read_text())
        except (OSError, ValueError):
            return None
        if data.get("format") != FORMAT:  # written by another version: rebuild
            return None
        import bm25s

        tokenizer = bm25_tokenizer()
        if data["ids"]:
            try:
                retriever = bm25s.BM25.load(str(directory / "bm25"))
                tokenizer.load_vocab(str(directory / "bm25"))
            except (OSError, ValueError, KeyError):  # a torn or foreign folder: rebuild
                return None
        else:
            retriever = bm25s.BM25()
        metas = [_dated(m, date.fromisoformat) for m in data["metas"]]
        lex = cls(retriever, data["ids"], metas, data["df"], data["fingerprint"], tokenizer)
        lex.generation = data.get("generation")
        try:
            vectors = np.load(directory / "vectors.npy", mmap_mode="r")
        except (OSError, ValueError):  # written before vectors were kept, or unreadable
            vectors = None
        if vectors is not None and vectors.ndim == 2 and vectors.shape[0] == len(lex.ids):
            lex.vectors = vectors
        try:
            bounds = np.load(directory / "text_offsets.npy")
            with open(directory / "texts.bin", "rb") as fh:
                # a read-only map: pages are read when a chunk's text is first sliced
                blob: Any = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if bounds[-1] else b""
        except (OSError, ValueError, IndexError):  # written before texts were kept
            bounds = None
        if bounds is not None and bounds.shape == (len(lex.ids) + 1,) and len(blob) == bounds[-1]:
            lex._blob, lex._bounds = blob, bounds
        return lex

    # -- query -----------------------------------------------------------------------
    def mentions(self, term: str) -> bool:
        """Does any chunk hold ``term`` (a :func:`tokenize` token) or a token that shares
        its head: the first ``max(4, len - 3)`` letters, as a name and its demonym or
        inflection do ("chines" / "china", "syrian" / "syria")? The stemmer stems words,
        not names, so the head is compared on the sorted vocabulary."""
        if self.df.get(term, 0) > 0:
            return True
        if self._vocabulary is None:
            self._vocabulary = sorted(t for t, n in self.df.items() if n > 0)
        head = term[: max(4, len(term) - 3)]
        i = bisect.bisect_left(self._vocabulary, head)
        return i < len(self._vocabulary) and self._vocabulary[i].startswith(head)

    def idf(self, term: str) -> float:
        df = self.df.get(term, 0)
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def search(
        self, query: str, k: int, allowed: np.ndarray | Iterable[bool] | None = None
    ) -> list[tuple[int, float]]:
        """(chunk position, BM25 score), best first; ``allowed`` (a boolean array such as
        :meth:`mask` returns, or any iterable of booleans) masks filtered-out chunks."""
        if not self.ids:
            return []
        # update_vocab=False: a word whose stem the index lacks is dropped, never added
        # (allow_empty=False: no "" stand-in, which would score every empty chunk)
        ids = self.tokenizer.tokenize(
            [query], update_vocab=False, return_as="ids", show_progress=False, allow_empty=False
        )[0]
        if not ids:
            return []
        scores = np.asarray(self.retriever.get_scores(ids), dtype=np.float32)
        if allowed is not None:
            if not isinstance(allowed, np.ndarray):
                allowed = np.fromiter(allowed, dtype=bool, count=len(scores))
            scores = np.where(allowed, scores, 0.0)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]
