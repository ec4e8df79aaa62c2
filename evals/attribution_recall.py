"""How often ``asked.attributes_to`` gives a named person's quoted words to that person, on
PolNeAR's human annotations (a measurement of the text test the answer step falls back on
when the quote ledger never quotes the person asked about).

For every annotated attribution whose Source is *named* (``benchmarks.quotes_polnear``'s
last-word rule) and whose Content is a direct quote (``--all`` for reported speech too),
the sentence holding the Content's first character and the one holding its last are each
tested with the Source's last two capitalised words as the name (titles dropped), inside
the paragraph as the index stores it (no ledger speaker). *Recall* is the share said to be
the person's; *other-name* tests the same sentence against a named Source of another
attribution of the article whose surname the sentence does not hold: those should all be
false.

    python evals/attribution_recall.py --split train [--limit 300] [--all] [--show 20]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.answer import asked  # noqa: E402
from assistant.nlp.text import paragraphs, split_sentences  # noqa: E402
from assistant.settings import AnswerSettings  # noqa: E402
from assistant.types import Evidence, Span  # noqa: E402
from benchmarks.quotes_polnear import load_split  # noqa: E402

_CAP = re.compile(r"\b[^\W\d_][\w’'.-]+")
_TITLES = {"mr.", "mrs.", "ms.", "dr.", "the", "sen.", "gov.", "rep.", "president"}


def _name(source: str) -> str:
    """The Source's last two capitalised words, as a question would name the person: titles,
    a party tag in parentheses ("(R-Miss.)") and a possessive ("Rubio's") dropped."""
    head = re.sub(r"\([^)]*\)", " ", source.split(",")[0])
    words = [re.sub(r"['’]s?$", "", w) for w in _CAP.findall(head) if w[0].isupper()]
    caps = [w for w in words if w and w.lower() not in _TITLES]
    return " ".join(caps[-2:])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--limit", type=int, default=None, help="first N articles (name order)")
    ap.add_argument("--all", action="store_true", help="reported speech too, not only direct quotes")
    ap.add_argument("--show", type=int, default=0, help="print N missed sentences (seeded sample)")
    args = ap.parse_args(argv)
    gap = AnswerSettings().speaker_gap
    tested = said = others = wrong = 0
    missed: list[tuple[str, str]] = []
    for art in load_split(args.split, limit=args.limit):
        sents = [(s, e, a, b) for s, e in paragraphs(art.text) for a, b in split_sentences(art.text, s, e)]
        named = [
            (g, _name(g.source_text))
            for g in art.gold
            if g.source and g.source_kind == "named" and (args.all or g.direct) and _name(g.source_text)
        ]
        for g, name in named:
            for pos in (g.content[0][0], g.content[-1][1] - 1):
                hit = next(((s, e, a, b) for s, e, a, b in sents if a <= pos < b), None)
                if hit is None:
                    continue
                s, e, a, b = hit
                ev = Evidence(
                    doc_id=art.doc_id,
                    start=s,
                    end=e,
                    text=art.text[s:e],
                    sentences=[Span(start=x, end=y) for s2, _, x, y in sents if s2 == s],
                )
                sp = Span(start=a, end=b)
                tested += 1
                if asked.attributes_to(ev, sp, name, None, gap):
                    said += 1
                else:
                    missed.append((name, art.text[a:b]))
                low = art.text[a:b].lower()
                other = [
                    n
                    for _, n in named
                    if asked.name_keys(n)
                    and asked.name_keys(n) != asked.name_keys(name)
                    and asked.name_keys(n)[0] not in low
                ]
                if other:
                    others += 1
                    wrong += asked.attributes_to(ev, sp, other[0], None, gap)
    kind = "named sources, direct and reported" if args.all else "named sources, direct quotes"
    print(
        f"PolNeAR {args.split} ({kind}): recall {said}/{tested} = {said / max(tested, 1):.3f}; "
        f"other-name {wrong}/{others} = {wrong / max(others, 1):.3f}"
    )
    random.seed(1)
    for name, text in random.sample(missed, min(args.show, len(missed))):
        print(f"  {name}: {text[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
