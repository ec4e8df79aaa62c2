"""Build ``evals/realnews_train/``: a second real-news corpus, from PolNeAR **train** articles.

The articles are chosen by a rule, not by hand:

1. Order the PolNeAR train stems by the SHA-256 hex digest of the stem (as
   ``evals/realnews/build_nearmiss.py`` does) and skip the first 120: the near-miss
   generator (``build_nearmiss.py --train-articles 120``) makes its questions from those.
2. The next 30 stems are the *seeds*.
3. For each seed add up to two *companions*: other train articles (outside the skipped
   120) published within one day of the seed whose titles share at least two content words
   with the seed's title. Content words are the title's spaCy tokens (``spacy.blank("en")``,
   no model needed) that are alphabetic, longer than one letter and not in spaCy's English
   stop words, lower-cased. When more than two qualify, the ones sharing more words come
   first, then the nearer in time, then SHA-256 order.

Seeds and companions linked this way form *stories* (connected groups: a seed can be
another seed's companion). The stories are dealt to two halves, ``a`` and ``b``: ordered by
the SHA-256 of the story's seed stem (the first of its seeds in SHA-256 order) and dealt to
the smaller half, ties alternating (the rule of ``evals/realnews/split.py``). A question's
sources all lie in one story's half, so a multi-article question never straddles halves.

Every article is copied byte for byte with its ``<stem>.meta.json`` sidecar, made by the
functions of ``evals/realnews/build_corpus.py`` (imported, not copied). ``split.json`` records
the halves and the stories.

Train articles span November 2015 to October 2016, so few stories run in several outlets
on the same day: the rule picks 37 articles, 7 seeds with companions.

    python evals/realnews_train/build_corpus.py [--polnear /work/shared/polnear]

The same rule, moved further along the SHA-256 order, builds the check set
``evals/realnews_check/`` (one set, no halves; see its section in ``evals/README.md``):
``--skip N`` skips the first N stems, ``--seeds N`` takes N seeds,
``--exclude-corpus DIR`` (repeatable) keeps the articles of another corpus out of the pool
(neither seed nor companion), and ``--one-set`` writes ``stories.json`` (the stories, no
halves) instead of ``split.json``:

    python evals/realnews_train/build_corpus.py --skip 150 --seeds 20 \
        --exclude-corpus evals/realnews_train/corpus --one-set --out evals/realnews_check

and, further along still, the fresh set ``evals/realnews_fresh/`` (two halves again):

    python evals/realnews_train/build_corpus.py --skip 170 --seeds 20 \
        --exclude-corpus evals/realnews_train/corpus --exclude-corpus evals/realnews_check/corpus \
        --out evals/realnews_fresh
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import json
import shutil
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "realnews"))
from build_corpus import DEFAULT_POLNEAR, rows, sidecar  # noqa: E402  (a sibling script, not a package)

SKIP = 120  # the near-miss generator's train articles
SEEDS = 30
COMPANIONS = 2
MAX_DAYS = 1
MIN_SHARED = 2


def sha(stem: str) -> str:
    return hashlib.sha256(stem.encode()).hexdigest()


@functools.cache
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en")


def title_words(title: str) -> set[str]:
    """The content words of a title (see the module docstring)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return {t.lower_ for t in _tokenizer()(title) if t.is_alpha and len(t) > 1 and t.lower_ not in STOP_WORDS}


def select(
    meta: list[dict[str, str]], skip: int = SKIP, n_seeds: int = SEEDS, exclude: frozenset[str] = frozenset()
) -> tuple[list[str], dict[str, list[str]]]:
    """(seeds, seed -> its companions) by the rule of the module docstring.

    The first ``skip`` stems in SHA-256 order and every stem in ``exclude`` are out of the
    pool; the seeds are the first ``n_seeds`` stems of the pool, companions come from the pool.
    """
    order = sorted(meta, key=lambda r: sha(r["filename"]))
    pool = [r for r in order[skip:] if r["filename"] not in exclude]
    seeds = [r["filename"] for r in pool[:n_seeds]]
    words = {r["filename"]: title_words(r["title"]) for r in pool}
    day = {r["filename"]: dt.date.fromisoformat(r["publication_date"]) for r in pool}
    companions: dict[str, list[str]] = {}
    for seed in seeds:
        found = []
        for r in pool:
            other = r["filename"]
            gap = abs((day[other] - day[seed]).days)
            shared = words[seed] & words[other]
            if other != seed and gap <= MAX_DAYS and len(shared) >= MIN_SHARED:
                found.append((-len(shared), gap, sha(other), other))
        companions[seed] = [f[-1] for f in sorted(found)[:COMPANIONS]]
    return seeds, companions


def stories(seeds: list[str], companions: dict[str, list[str]]) -> list[list[str]]:
    """Connected groups of seeds and companions, each listed seed first (SHA-256 order)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for seed in seeds:
        find(seed)
        for other in companions[seed]:
            parent[find(other)] = find(seed)
    groups: dict[str, list[str]] = {}
    for doc in parent:
        groups.setdefault(find(doc), []).append(doc)
    seed_set = set(seeds)
    out = []
    for docs in groups.values():
        own_seeds = sorted((d for d in docs if d in seed_set), key=sha)
        rest = sorted(d for d in docs if d not in seed_set)
        out.append(own_seeds + rest)
    return sorted(out, key=lambda g: sha(g[0]))


def deal(groups: list[list[str]]) -> dict[str, list[list[str]]]:
    """Stories in SHA-256 order of their seed, each to the smaller half (ties alternate)."""
    halves: dict[str, list[list[str]]] = {"a": [], "b": []}
    size = {"a": 0, "b": 0}
    for i, docs in enumerate(groups):
        first, second = ("a", "b") if i % 2 == 0 else ("b", "a")
        target = first if size[first] <= size[second] else second
        halves[target].append(docs)
        size[target] += len(docs)
    return halves


def build(
    polnear: Path,
    out: Path,
    skip: int = SKIP,
    n_seeds: int = SEEDS,
    exclude: frozenset[str] = frozenset(),
    one_set: bool = False,
) -> dict[str, list[list[str]]]:
    """Copy the chosen articles and their sidecars to ``out/corpus``; write ``split.json``
    (two halves) or, with ``one_set``, ``stories.json`` (every story in one set ``all``)."""
    meta = rows(polnear, "train")
    by_stem = {r["filename"]: r for r in meta}
    seeds, companions = select(meta, skip, n_seeds, exclude)
    groups = stories(seeds, companions)
    halves = {"all": groups} if one_set else deal(groups)
    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for groups in halves.values():
        for docs in groups:
            for stem in docs:
                shutil.copyfile(polnear / "train" / "text" / f"{stem}.txt", corpus / f"{stem}.txt")
                text = json.dumps(sidecar(by_stem[stem]), ensure_ascii=False, indent=1) + "\n"
                (corpus / f"{stem}.meta.json").write_text(text, encoding="utf-8")
    if one_set:
        record = {"articles": sorted(d for g in groups for d in g), "stories": {g[0]: g for g in groups}}
        (out / "stories.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        return halves
    split = {
        "a": sorted(d for g in halves["a"] for d in g),
        "b": sorted(d for g in halves["b"] for d in g),
        "stories": {g[0]: g for half in halves.values() for g in half},
    }
    (out / "split.json").write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    return halves


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--skip", type=int, default=SKIP, help="stems skipped at the head of the SHA-256 order")
    ap.add_argument("--seeds", type=int, default=SEEDS, help="seed articles taken after the skipped ones")
    ap.add_argument(
        "--exclude-corpus",
        type=Path,
        action="append",
        default=[],
        help="a corpus folder whose articles stay out of the pool (repeatable)",
    )
    ap.add_argument("--one-set", action="store_true", help="write stories.json (no halves), not split.json")
    args = ap.parse_args()
    exclude: set[str] = set()
    for folder in args.exclude_corpus:
        if not folder.is_dir():
            sys.exit(f"--exclude-corpus {folder}: not a folder")
        exclude.update(p.stem for p in folder.glob("*.txt"))
    halves = build(args.polnear, args.out, args.skip, args.seeds, frozenset(exclude), args.one_set)
    for half, groups in halves.items():
        n = sum(len(g) for g in groups)
        print(f"{half}: {n} articles in {len(groups)} stories")
        for g in groups:
            print("   ", " + ".join(g))


if __name__ == "__main__":
    main()
