"""Add the signed-letter records (:mod:`assistant.quotes.signed`) to cached contexts, as an index
built with that code would hold them, without parsing every article again.

The signed pass only ADDS records (the extractor's own are unchanged) for sentences that no
attributed record covers, so a context's quotes under it are the cached ones plus the new
records that overlap an evidence passage (``ask`` keeps the records overlapping its passages).
Checked (labels18): rebuilding the ledgers of the realnews, realnews_last, realnews_fifth and
realnews_check indexes with the added records changes no other record's speaker id or aliases,
and each context's asked speaker resolves alike except one r5_b context, whose answer does not
change (``requote_cache.respeak`` on the rebuilt ledger).

    python evals/signed_cache.py OUT_DIR /tmp/c18/*.pkl
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path
from typing import Any

from assistant.quotes.signed import signed_quotes


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for f in argv[1:]:
        with open(f, "rb") as fh:
            rows: list[tuple[dict[str, Any], Any, dict[str, str]]] = pickle.load(fh)  # abstain_cv's cache
        new, added = [], 0
        for gold, ctx, texts in rows:
            spans: dict[str, list[tuple[int, int]]] = {}
            for e in ctx.evidence:
                spans.setdefault(e.doc_id, []).append((e.start, e.end))
            extra = [
                q
                for d in sorted(spans)
                if d in texts
                for q in signed_quotes(d, texts[d], [x for x in ctx.quotes if x.doc_id == d])
                if any(q.start < b and a < q.end for a, b in spans[d])
            ]
            added += len(extra)
            new.append(
                (gold, ctx.model_copy(update={"quotes": [*ctx.quotes, *extra]}) if extra else ctx, texts)
            )
        with open(out / Path(f).name, "wb") as fh:
            pickle.dump(new, fh)
        print(f"{Path(f).name}: {added} signed records added -> {out / Path(f).name}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
