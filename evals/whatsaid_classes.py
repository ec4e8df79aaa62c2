"""Each missed fact of an answered answerable question, put in one mechanism class.

Development caches only (it prints question ids). ``fact_place.py`` says where a missed fact
group sits (a neighbour of a cited sentence, the same article further on, another article);
this script adds the one thing that tells the mechanisms apart there: whether the fact's
sentence is the words of a speaker the answer already shows (the quote ledger's speaker of
the fact's sentence against the ledger speakers of the cited sentences, by surname), and
whether the question asks a time, a figure or a name. The classes, first match wins:

- the answer abstained (not counted: the refusal is the cause);
- not in the retrieved context (retrieval);
- another article of the context (the second source left uncited);
- a *when* question: the date read from another sentence or event;
- a figure asked, found in another sentence of a cited article;
- the shown speaker's run: the sentence before (-1/-2) or after (+1/+2) is the same
  speaker's words;
- the shown speaker's other words, three or more sentences away;
- a neighbour of another speaker or of none (a topic sentence, then its specifics);
- another sentence of a cited article, three or more away.

    python evals/whatsaid_classes.py /tmp/c/rm_a.pkl /tmp/c/tune.pkl [--list]
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import abstain_cv as cv  # noqa: E402
import fact_place as fp  # noqa: E402

from assistant.settings import Settings  # noqa: E402

_DIGIT = re.compile(r"\d")
#: The held-out half and the check sets, by cache name (aggregates only, never read here).
_NOT_DEVELOPMENT = cv.CHECK_SETS | {"ho"}


def _speaker_at(ctx: object, doc: str, start: int, end: int) -> str | None:
    for q in ctx.quotes:  # type: ignore[attr-defined]
        if q.doc_id == doc and q.speaker and q.start < end and start < q.end:
            return str(q.speaker).lower().split()[-1]
    return None


def _fact_speaker(ctx: object, texts: dict[str, str], answer: object, group: list[str]) -> str | None:
    """The ledger speaker (surname) of the nearest occurrence of the group in a cited article."""
    best: tuple[int, str | None] | None = None
    for c in answer.citations:  # type: ignore[attr-defined]
        text = texts[c.doc_id]
        for alt in group:
            for off in fp._found(text, alt):
                d = min(abs(off - c.start), abs(off - c.end))
                if best is None or d < best[0]:
                    best = (d, _speaker_at(ctx, c.doc_id, off, off + len(alt)))
    return best[1] if best else None


def classify(gold: dict, ctx: object, texts: dict[str, str], answer: object, group: list[str]) -> str:
    where, dist = fp.place(gold, ctx, texts, answer, group)
    if where.startswith("not in"):
        return "not in the retrieved context"
    if where.startswith("another article"):
        return "another article of the context"
    if gold["kind"] == "when":
        return "when: the date of another sentence or event"
    if any(_DIGIT.search(a) for a in group):
        return "a figure: another sentence of a cited article"
    shown = {
        _speaker_at(ctx, c.doc_id, c.start, c.end)
        for c in answer.citations  # type: ignore[attr-defined]
    } - {None}
    same = _fact_speaker(ctx, texts, answer, group) in shown
    if dist is not None and -2 <= dist < 0:
        return "the shown speaker's run, before" if same else "a neighbour before, another speaker or none"
    if dist is not None and 0 < dist <= 2:
        return "the shown speaker's run, after" if same else "a neighbour after (topic, then specifics)"
    if same:
        return "the shown speaker's other words, 3+ away"
    return "another sentence of a cited article, 3+ away"


def main(argv: list[str]) -> int:
    paths = [a for a in argv if not a.startswith("--")]
    if any("heldout" in p or Path(p).stem in _NOT_DEVELOPMENT for p in paths):
        sys.exit("development caches only")
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for path in paths:
        name = Path(path).stem
        rows = cv.load(path)
        for gold, ctx, texts, answer, group in cv.missed_facts(rows, Settings()):
            cls = "abstained" if answer.abstained else classify(gold, ctx, texts, answer, group)
            table[cls][name] += 1
            if "--list" in argv:
                print(f"-- {name} {gold['id']} [{cls}] {group}")
    names = [Path(p).stem for p in paths]
    cv.print_class_table(table, names)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
