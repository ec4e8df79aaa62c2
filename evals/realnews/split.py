"""The article split of the real-news sets: a tuning half and a held-out half.

The unit of the split is a *story*: articles that cover the same events (several outlets on
Clinton's health, Trump's taxes, the Charlotte shooting, ...) are kept together, so that a
multi-article or corroborated question never straddles the halves and nothing learnt on one
outlet's version of a story leaks into the other half. Stories were grouped by reading the
titles and openings (``STORIES`` below, by doc id prefix); every other article is a story of
its own. Stories are ordered by the SHA-256 of their name and dealt alternately to the two
halves, which keeps the halves about the same size without anyone choosing which article goes
where.

    python evals/realnews/split.py           # prints the split; split.json holds it
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
SPLIT_FILE = HERE / "split.json"

# story name -> doc id prefixes (the first 30 characters of a doc id are unique here)
STORIES: dict[str, list[str]] = {
    "trump-taxes": [
        "usa-today_2016-09-08_with-two-months-to-go", "nyt_2016-09-30_keep-the-returns",
        "breitbart_2016-10-03_the-latest-trump-s-leaked", "nyt_2016-10-04_in-avoiding-tax",
        "politico_2016-10-04_trump-not-walking", "west-journal_2016-10-04_railing-against-trump",
    ],
    "clinton-health": [
        "breitbart_2016-09-12_stealth-over-health", "west-journal_2016-09-14_clinton-hid-past",
        "breitbart_2016-09-15_pat-caddell", "politico_2016-09-12_former-dnc-chairman",
        "politico_2016-09-15_trump-s-favorite-tv-doctor",
    ],
    "police-shootings": [
        "huff-post_2016-09-20_hillary-clinton-speaks-directly", "west-journal_2016-09-21_chris-christie",
        "wash-post_2016-09-25_phone-video", "wash-post_2016-09-26_charlotte-struggles",
        "breitbart_2016-09-29_politifact-donald-trump",
    ],
    "debate-fact-checking": [
        "usa-today_2016-09-23_trump-questions-the-fairness", "west-journal_2016-09-26_rush-limbaugh",
        "west-journal_2016-09-26_popular-website", "usa-today_2016-09-23_ready-for-trump",
    ],
    "polls": [
        "politico_2016-09-25_poll-clinton-and-trump", "west-journal_2016-09-30_new-poll-shows",
        "breitbart_2016-09-20_poll-wealthy-voters",
    ],
    "campaign-money": [
        "usa-today_2016-09-22_super-pac-haul", "huff-post_2016-09-28_clinton-supporting-super-pacs",
        "breitbart_2016-09-21_only-percent",
    ],
    "black-voters": [
        "nyt_2016-09-19_obama-sees-personal-insult", "west-journal_2016-09-28_clinton-campaign-reportedly",
    ],
    "clinton-emails": [
        "politico_2016-09-22_house-panel-votes", "politico_2016-09-23_partisan-fireworks",
        "usa-today_2016-09-08_laws-don-t-apply",
    ],
    "veterans-forum": [
        "usa-today_2016-09-08_candidates-vie-for-vets", "politico_2016-09-08_flynn-says-trump",
        "usa-today_2016-09-16_every-minutes-a-veteran", "west-journal_2016-09-15_retired-general",
    ],
    "climate": [
        "nyt_2016-09-08_obama-on-climate-change", "huff-post_2016-09-27_obama-power-plant",
        "nyt_2016-10-02_a-curious-plan", "huff-post_2016-09-22_trump-the-dealmaker",
    ],
    "russia": [
        "usa-today_2016-09-08_lawmaker-urges-retaliation", "huff-post_2016-09-10_trump-s-east-european",
        "nyt_2016-09-19_old-hands-help-russia",
    ],
    "terror-attacks": [
        "usa-today_2016-09-22_derelict-obama", "politico_2016-09-17_de-blasio-says",
        "west-journal_2016-09-29_gold-star-mom",
    ],
    "pence": ["breitbart_2016-09-25_pence-gennifer", "west-journal_2016-10-05_pence-gives-gop"],
}  # fmt: skip


def doc_ids(corpus: Path = CORPUS) -> list[str]:
    return sorted(p.stem for p in corpus.glob("*.txt"))


def stories(ids: list[str]) -> dict[str, list[str]]:
    """Story name -> its doc ids; a doc id in no listed story is its own story."""
    out: dict[str, list[str]] = {}
    for doc in ids:
        hits = [name for name, prefixes in STORIES.items() if any(doc.startswith(p) for p in prefixes)]
        if len(hits) > 1:
            raise SystemExit(f"split: {doc} matches several stories {hits}")
        out.setdefault(hits[0] if hits else doc, []).append(doc)
    for name, prefixes in STORIES.items():
        for p in prefixes:
            if not any(d.startswith(p) for d in ids):
                raise SystemExit(f"split: story {name!r} lists {p!r}, which matches no article")
    return out


def make_split(ids: list[str]) -> dict[str, list[str]]:
    """{"tune": [...], "heldout": [...]}: stories in SHA-256 order, dealt alternately."""
    groups = stories(ids)
    order = sorted(groups, key=lambda n: hashlib.sha256(n.encode()).hexdigest())
    halves: dict[str, list[str]] = {"tune": [], "heldout": []}
    for i, name in enumerate(order):
        # deal to the smaller half (ties alternate), so large stories do not unbalance the halves
        a, b = ("tune", "heldout") if i % 2 == 0 else ("heldout", "tune")
        target = a if len(halves[a]) <= len(halves[b]) else b
        halves[target].extend(groups[name])
    return {k: sorted(v) for k, v in halves.items()}


def load_split(path: Path = SPLIT_FILE) -> dict[str, str]:
    """doc id -> "tune" | "heldout"."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {doc: half for half, docs in data.items() for doc in docs}


def main() -> None:
    split = make_split(doc_ids())
    SPLIT_FILE.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    for half, docs in split.items():
        print(f"{half}: {len(docs)} articles")
        for d in docs:
            print("   ", d)


if __name__ == "__main__":
    main()
