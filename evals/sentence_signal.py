"""How much each single signal picks an answering sentence, on cached contexts (experiment).

For every answerable cached question with at least one answering sentence (the fit script's
``label``): is the top sentence by ``sentence_similarity`` / chunk ``similarity`` /
``coverage`` alone an answer; and within passages holding both an answering and a
non-answering sentence, which signal picks the answering one.

    python evals/sentence_signal.py /tmp/cv/tune.pkl ...
"""

import pickle, sys

sys.path.insert(0, "scripts")
from fit_ranker import Item, label
from assistant.answer.ranker import featurize

for name in sys.argv[1:]:
    rows = pickle.load(open(name, "rb"))
    tot = 0
    hits = {"sentence_similarity": 0, "similarity": 0, "coverage": 0}
    within = {"sentence_similarity": [0, 0], "coverage": [0, 0]}
    for g, ctx, _ in rows:
        if not g["answerable"]:
            continue
        it = Item(g["question"], True, list(g["sources"]), facts=g["facts"])
        cands = featurize(ctx)
        labs = [label(it, ctx.evidence[c.n - 1].doc_id, c.span.start, c.span.end, c.text) for c in cands]
        if not any(labs):
            continue
        tot += 1
        for f in hits:
            best = max(range(len(cands)), key=lambda i: cands[i].features[f])
            hits[f] += labs[best]
        # within passages holding a positive and a negative: does the feature pick the positive?
        by_n = {}
        for c, l in zip(cands, labs):
            by_n.setdefault(c.n, []).append((c, l))
        for group in by_n.values():
            if any(l for _, l in group) and not all(l for _, l in group):
                for f in within:
                    best = max(group, key=lambda x: x[0].features[f])
                    within[f][0] += best[1]
                    within[f][1] += 1
    print(
        name,
        "answerable with a positive:",
        tot,
        {f: round(h / tot, 3) for f, h in hits.items()},
        "within mixed passages:",
        {f: f"{a}/{b}" for f, (a, b) in within.items()},
    )
