"""Build near-miss development sets: questions about what the corpus does NOT hold, and twins it does.

The hand-written sets hold ~40 unanswerable questions; rules written while reading them
did not transfer to the held-out half. This script makes more, by construction, from
PolNeAR attribution annotations (spaCy parses each article, as ``build_whosaid.py`` does):

* **unanswerable** (``nearmiss_unanswerable.jsonl``), from PolNeAR **train** articles,
  which are not in the retrieval corpus (the 84 dev articles): for a quote of a named
  person, ``Who said "<its most distinctive words>"?`` and ``What did <person> say about
  <a noun phrase of the quote>?``. Kept only when the corpus cannot hold the answer: the
  quoted window occurs in no corpus article, and no corpus sentence holds the noun phrase's
  content words together with the person's surname. The ``what did`` questions are kept
  only for people the corpus names (a known person asked about a topic the articles never
  give them: the near miss of news QA).
* **answerable twins** (``nearmiss_answerable.jsonl``), the same two templates from the
  dev annotations of the **tuning** half's articles (``split.json``): the noun phrase comes
  from the person's own quote in the indexed article, so the article answers it.

Never from the held-out half. The questions are development data for the abstention
checks (``evals/abstain_cv.py``), not a headline set: their wording comes from the text,
so they are easier than hand-written paraphrases.

    python evals/realnews/build_nearmiss.py [--polnear /work/shared/polnear] [--train-articles 150]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build_whosaid import (  # noqa: E402  (a sibling script, not a package)
    CORPUS,
    QUOTE_MARKS,
    SPLIT_FILE,
    best_window,
    idf_table,
    load_spacy,
    named_speaker,
    normalise,
    parse_ann,
)

PER_ARTICLE = 4  # questions per article and template, so no one article dominates
_STOP = {"the", "a", "an", "this", "that", "these", "those", "it", "we", "you", "they", "he", "she", "i"}
#: Quantifiers and comparison words: "the few ideas", "the enough evidence" read badly.
_QUANT = {"enough", "few", "many", "more", "much", "other", "same", "own", "such", "several", "some"}
_QUANT |= {"all", "any", "every", "each", "no", "most", "less", "fewer", "only", "first", "last", "next"}


def _phrase(doc: Any, start: int, end: int) -> str | None:
    """A noun phrase of the quote worth asking about: two or three words, no pronoun head,
    no name (the question names the person; the topic is a common-noun phrase)."""
    if start >= end:
        return None  # a discontinuous annotation listed out of order
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for chunk in span.noun_chunks:
        toks = [t for t in chunk if t.lower_ not in _STOP and not t.is_punct and t.pos_ != "DET"]
        if not 2 <= len(toks) <= 3 or chunk.root.pos_ != "NOUN":
            continue
        if any(t.ent_type_ or t.pos_ == "PRON" or not t.is_alpha for t in toks):
            continue
        if toks[0].lower_ in _QUANT or toks[0].pos_ not in ("ADJ", "NOUN"):
            continue
        return " ".join(t.text for t in toks).lower()
    return None


def _sentences_with(norm_corpus: list[str], words: list[str]) -> bool:
    return any(all(re.search(rf"\b{re.escape(w)}", s) for w in words) for s in norm_corpus)


def build(polnear: Path, train_articles: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    nlp = load_spacy("build_nearmiss")
    split = {d: h for h, ds in json.loads(SPLIT_FILE.read_text(encoding="utf-8")).items() for d in ds}
    corpus = {p.stem: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
    norm = {k: normalise(v) for k, v in corpus.items()}
    sentences = [normalise(s) for t in corpus.values() for s in re.split(r"(?<=[.!?])\s+", t)]
    whole = " ".join(norm.values())
    idf = idf_table(corpus)
    train = sorted(
        (polnear / "train" / "text").glob("*.txt"), key=lambda p: hashlib.sha256(p.stem.encode()).hexdigest()
    )[:train_articles]
    sources: list[tuple[str, Path, str]] = [("unanswerable", p, p.read_text(encoding="utf-8")) for p in train]
    sources += [("answerable", CORPUS / f"{d}.txt", corpus[d]) for d in sorted(corpus) if split[d] == "tune"]
    out: dict[str, list[dict[str, Any]]] = {"unanswerable": [], "answerable": []}
    seen: set[str] = set()
    for side, path, text in sources:
        folder = "train" if side == "unanswerable" else "dev"
        anns = sorted((polnear / folder / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        spans, events = parse_ann(anns[0])
        doc = nlp(text)
        counts = {"who": 0, "what": 0}
        for ev in events:
            src = spans.get(ev.get("Source", ""))
            contents = [spans[t] for r, t in sorted(ev.items()) if r.startswith("Content") and t in spans]
            if src is None or src.start >= src.end or not contents:
                continue
            speaker = named_speaker(doc, src)
            if speaker is None or len(speaker.split()) < 2:
                continue  # a full name, so the question says whom it means
            surname = normalise(speaker.split()[-1])
            for content in contents:
                item = _item(side, path.stem, doc, content, speaker, surname, idf, norm, sentences, whole)
                for kind, q in item:
                    if counts[kind] >= PER_ARTICLE or q["question"] in seen:
                        continue
                    counts[kind] += 1
                    seen.add(q["question"])
                    q["id"] = f"nm-{side[0]}-{len(out[side]) + 1:03d}"
                    out[side].append(q)
    return out["unanswerable"], out["answerable"]


def _item(
    side: str,
    stem: str,
    doc: Any,
    content: Any,
    speaker: str,
    surname: str,
    idf: dict[str, float],
    norm: dict[str, str],
    sentences: list[str],
    whole: str,
) -> list[tuple[str, dict[str, Any]]]:
    answerable = side == "answerable"
    base: dict[str, Any] = {
        "answerable": answerable,
        "date": None,
        "date_text": None,
        "sources": [stem] if answerable else [],
    }
    found: list[tuple[str, dict[str, Any]]] = []
    if content.text.lstrip()[:1] in QUOTE_MARKS:
        window = best_window(content.text, idf)
        if window is not None and surname not in normalise(window):
            held = normalise(window) in whole
            if held == answerable and (not answerable or normalise(window) in norm[stem]):
                q = f'Who said "{window}"?'
                kind = "who_said" if answerable else "unanswerable"
                who: dict[str, Any] = {**base, "question": q, "kind": kind}
                if answerable:
                    who.update(answer=f"{speaker} said it.", facts=[[speaker.split()[-1]]], speaker=speaker)
                else:
                    who.update(answer="The corpus does not hold these words.", facts=[], speaker=None)
                found.append(("who", who))
    phrase = _phrase(doc, content.start, content.end)
    if phrase is not None and surname in whole:
        words = [normalise(w) for w in phrase.split()]
        about = _sentences_with(sentences, [*words, surname])
        if about == answerable:
            q = f"What did {speaker} say about the {phrase}?"
            item = {**base, "question": q, "kind": "what_said" if answerable else "unanswerable"}
            if answerable:
                item.update(
                    answer=f"{speaker} spoke of the {phrase}.", facts=[[speaker.split()[-1]]], speaker=speaker
                )
            else:
                item.update(answer=f"The articles do not quote {speaker} on this.", facts=[], speaker=None)
            found.append(("what", item))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, default=Path("/work/shared/polnear"))
    ap.add_argument("--train-articles", type=int, default=150)
    args = ap.parse_args()
    if not (args.polnear / "train" / "attributions").is_dir():
        sys.exit(f"build_nearmiss: no train/attributions under {args.polnear} (pass --polnear DIR)")
    unanswerable, answerable = build(args.polnear, args.train_articles)
    for name, items in (("nearmiss_unanswerable", unanswerable), ("nearmiss_answerable", answerable)):
        path = HERE / f"{name}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for item in items:
                f.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"{path.name}: {len(items)} questions")


if __name__ == "__main__":
    main()
