"""The asked person's quotation in another article than the best sentence: variants of
``extractive._asked_persons_words`` measured on cached contexts (issue 16, whatsaid12b).

Main's rule takes the person's best-ranked quotation above the abstention threshold only
from the best sentence's article; when the person's first-ranked quotation is another
article's, it adds nothing. Each variant here lets that other article's quotation join under
one condition; the rest of the answer step is main's (the function is swapped in for the run,
nothing in the package changes). Conditions, on that first-ranked quotation of the person:

* ``silent``: the best sentence's article quotes the person nowhere in the evidence (ledger);
* ``topic``: the sentence holds a term of the part other than its capitalised words, the
  speech verbs (``CUE_TERMS``, every speech-verb form) and ``QUESTION_TERMS``;
* ``own``: the sentence's own text gives the words to the person (``_words_of`` strict: a
  "X said" in it names the person; "..., Trump told NBC" is not Clinton's, whatever the
  ledger says);
* ``below``: ranked under the threshold (down to ``--floor`` times it); main stops there.

For each cache: the ``abstain_cv.py score`` aggregates (all, by kind) of the variant and the
number of answers whose text differs from main's (by hash). ``--show`` lists the changed
questions' ids and answers: DEVELOPMENT caches only (never realnews_train b, realnews_check,
realnews_fresh b: their aggregates and counts only).

    python evals/whatsaid_elsewhere.py silent_topic_own /tmp/me/tune.pkl /tmp/me/gold.pkl --show
    python evals/whatsaid_elsewhere.py silent_topic_own /tmp/me/rt_b.pkl /tmp/me/rc.pkl
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import abstain_cv as cv  # type: ignore[import-not-found]  # run from the repository root

from assistant.answer import asked
from assistant.answer.backends import extractive as X
from assistant.answer.backends.extractive import backend as XB  # where the backend calls it
from assistant.answer.ranker import CUE_TERMS, QUESTION_TERMS
from assistant.engines.lexical import tokenize
from assistant.evaluation.metrics import summarise
from assistant.nlp import speech_verbs
from assistant.nlp.text import normalise
from assistant.settings import Settings

_VERBS = {tokenize(f)[0] for v in speech_verbs().values() for f in v.forms if tokenize(f)}


def _looks(
    context: Any, part: str, speaker: str, keys: list[str], c: Any, chosen: list[Any]
) -> dict[str, bool]:
    doc0 = context.evidence[chosen[0].n - 1].doc_id
    silent = not any(
        q.doc_id == doc0 and q.speaker and any(k in normalise(q.speaker) for k in keys)
        for q in context.quotes
    )
    lower = " ".join(w for w in part.split() if not w[:1].isupper())
    topic = set(tokenize(lower)) - CUE_TERMS - QUESTION_TERMS - _VERBS
    return {
        "silent": silent,
        "topic": bool(topic & set(tokenize(c.text))),
        "own": X._words_of(c.text, speaker, strict=True),
    }


#: variant -> (condition above the threshold, condition below it; None: main's "nothing")
Rule = Callable[[dict[str, bool]], bool] | None
VARIANTS: dict[str, tuple[Rule, Rule]] = {
    "any": (lambda f: True, None),
    "silent": (lambda f: f["silent"], None),
    "topic_own": (lambda f: f["topic"] and f["own"], None),
    "silent_topic_own": (lambda f: f["silent"] and f["topic"] and f["own"], None),
    "below": (None, lambda f: True),
    "below_topic": (None, lambda f: f["topic"]),
    "below_topic_own": (None, lambda f: f["topic"] and f["own"]),
    "both": (lambda f: f["silent"] and f["topic"] and f["own"], lambda f: f["topic"] and f["own"]),
}


def variant(name: str, floor: float) -> Callable[..., Any]:
    above, below = VARIANTS[name]

    def persons_words(
        context: Any,
        part: str,
        wanted: Any,
        fitting: list[Any],
        chosen: list[Any],
        used: Any,
        threshold: float,
    ) -> Any:
        """``extractive._asked_persons_words`` with the variant's other-article rule."""
        if wanted in ("name", "person"):
            return None
        speaker = X._named_asked(context, part) or (
            X._quoted_one_named(context, part) if wanted is None else None
        )
        keys = asked.name_keys(speaker) if speaker else []
        if not speaker or not keys or not chosen:
            return None

        def quotes_them(c: Any) -> bool:
            who = X._ledger_speaker(c, context.evidence[c.n - 1], context.quotes)
            return who is not None and any(k in normalise(who) for k in keys) and X._quotes_words(c.text)

        for c in fitting:
            low = c.prob < threshold
            if low and (below is None or c.prob < floor * threshold):
                return None
            if not quotes_them(c):
                continue
            if (c.n, c.span.start) in used or any(X._overlaps(c, x) or X._same_words(c, x) for x in chosen):
                return None
            if X._same_article(context, c, chosen[0]):
                return None if low else c
            rule = below if low else above
            return c if rule is not None and rule(_looks(context, part, speaker, keys, c, chosen)) else None
        return None

    return persons_words


def _answers(path: str) -> tuple[list[Any], list[str], list[Any]]:
    rows = cv.load(path)
    out = list(cv.answered(rows, Settings()))
    return rows, [v.text for v, _ in out], [s for _, s in out]


def run(name: str, paths: list[str], floor: float, show: bool) -> None:
    main_fn = XB._asked_persons_words
    for path in paths:
        XB._asked_persons_words = main_fn
        rows, before, _ = _answers(path)
        XB._asked_persons_words = variant(name, floor)
        try:
            _, after, scores = _answers(path)
        finally:
            XB._asked_persons_words = main_fn
        digest = [hashlib.sha256(t.encode()).hexdigest() for t in before]
        changed = [i for i, t in enumerate(after) if hashlib.sha256(t.encode()).hexdigest() != digest[i]]
        print(
            f"{Path(path).stem:24} all  n={len(scores):3} {cv._fmt(summarise(scores))} changed={len(changed)}"
        )
        by: dict[str, list[Any]] = defaultdict(list)
        for s, (gold, _, _) in zip(scores, rows, strict=True):
            by[gold["kind"]].append(s)
        for k in sorted(by):
            print(f"{'':24} {k:14} n={len(by[k]):3} {cv._fmt(summarise(by[k]))}")
        if show:
            for i in changed:
                print(f"  -- {rows[i][0]['id']}\n     main:    {before[i][:400]!r}")
                print(f"     variant: {after[i][:600]!r}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("variant", choices=sorted(VARIANTS))
    p.add_argument("cache", nargs="+")
    p.add_argument(
        "--floor", type=float, default=0.5, help="below-threshold variants: share of the threshold"
    )
    p.add_argument("--show", action="store_true", help="changed answers (development caches only)")
    args = p.parse_args(argv)
    if "heldout" in " ".join(args.cache):
        print("the held-out half is measured once with `assistant eval`, not here", file=sys.stderr)
        return 2
    run(args.variant, args.cache, args.floor, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
