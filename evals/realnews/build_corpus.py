"""Build ``evals/realnews/corpus/``: the 84 PolNeAR dev articles with metadata sidecars.

Every article is copied byte for byte (PolNeAR's annotation offsets refer to those bytes);
next to it goes ``<stem>.meta.json`` (``title``, ``outlet``, ``author``, ``published``) made
from PolNeAR's ``metadata.tsv``. Authors are tidied only as far as a byline needs ("By ",
Twitter handles and the outlet's own name dropped, ALL-CAPS names title-cased); an author of
"None" or "NA" in the TSV is left out, and the assistant then says it has no byline.

Run from the project root (re-running rewrites the same bytes):

    python evals/realnews/build_corpus.py [--polnear ../shared/polnear] [--out evals/realnews/corpus]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_POLNEAR = Path("/work/shared/polnear")

# PolNeAR's publisher codes -> the outlet names the articles ran under in 2016.
OUTLETS = {
    "breitbart": "Breitbart News",
    "huff-post": "The Huffington Post",
    "nyt": "The New York Times",
    "politico": "Politico",
    "usa-today": "USA Today",
    "wash-post": "The Washington Post",
    "west-journal": "Western Journalism",
}
_NO_AUTHOR = {"", "none", "na", "n/a"}
_WIRES = {"AP", "UPI", "AFP"}


def clean_author(raw: str, outlet: str) -> str | None:
    """A byline fit for display, or None when the TSV has none."""
    raw = re.split(r"\.\s*Email:", raw)[0]  # "NAME. Email: ..., Twitter: @..."
    parts = []
    for part in re.split(r"\s*,\s*", raw.strip()):
        part = re.sub(r"^(?:[Bb]y\s*(?=[A-Z])|and\s+)", "", part).strip()
        if not part or part.lower() in _NO_AUTHOR or part.startswith("@"):
            continue
        if part.lower() == outlet.lower() and parts:
            continue  # "David Jackson, @djusatoday, USA TODAY": the outlet is no author
        if part.endswith("contributed research."):
            continue  # a research credit, not a byline
        words = part.split()
        if part not in _WIRES and all(w.isupper() or w == "and" for w in words):
            part = " ".join(w.title() if w.isupper() else w for w in words)  # "MARK LANDLER and ..."
        parts.append(part)
    return ", ".join(parts) or None


def rows(polnear: Path, split: str = "dev") -> list[dict[str, str]]:
    """The metadata rows of ``split``, each checked to have its article file."""
    tsv = polnear / "metadata.tsv"
    if not tsv.is_file():
        sys.exit(f"build_corpus: no metadata.tsv under {polnear} (pass --polnear DIR)")
    with tsv.open(encoding="utf-8", newline="") as fh:
        out = [r for r in csv.DictReader(fh, delimiter="\t") if r["compartment"] == split]
    for r in out:
        if not (polnear / split / "text" / f"{r['filename']}.txt").is_file():
            sys.exit(f"build_corpus: metadata.tsv lists {r['filename']} but {split}/text has no such file")
    return out


def sidecar(row: dict[str, str]) -> dict[str, str]:
    """The ``<stem>.meta.json`` object for one metadata row."""
    publisher = row["publisher"]
    if publisher not in OUTLETS:
        sys.exit(f"build_corpus: unknown publisher {publisher!r} in metadata.tsv; add it to OUTLETS")
    outlet = OUTLETS[publisher]
    meta = {"title": row["title"].strip(), "outlet": outlet, "published": row["publication_date"]}
    author = clean_author(row["author"], outlet)
    if author:
        meta["author"] = author
    return meta


def build(polnear: Path, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    made = 0
    for row in rows(polnear):
        stem = row["filename"]
        shutil.copyfile(polnear / "dev" / "text" / f"{stem}.txt", out / f"{stem}.txt")
        text = json.dumps(sidecar(row), ensure_ascii=False, indent=1) + "\n"
        (out / f"{stem}.meta.json").write_text(text, encoding="utf-8")
        made += 1
    return made


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    ap.add_argument("--out", type=Path, default=HERE / "corpus")
    args = ap.parse_args()
    n = build(args.polnear, args.out)
    print(f"build_corpus: {n} articles with sidecars in {args.out}")


if __name__ == "__main__":
    main()
