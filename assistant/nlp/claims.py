"""The text grammar of an answer, shared by the answer backends, the verifier, chat
follow-ups and the evaluation: ``[n]`` citation markers, claims (the answer's sentences,
markers kept with their sentence) and the fixed sentence that starts every abstention.

Kept as rules of its own rather than a sentence splitter's: an answer is generated text
whose sentence ends carry ``[n]`` markers after the full stop, which news-text splitters
(pysbd, spaCy) do not keep with the sentence they cite.
"""

from __future__ import annotations

import re

from assistant.nlp.text import quotation_spans

#: The fixed sentence that starts every abstention; tests and clients may rely on it.
CANNOT_ANSWER = "The articles do not say"

MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
#: A sentence's end: terminal punctuation, closing marks (a typewriter pair's two apostrophes
#: among them), markers, white space, and a capital or an opening mark next.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?:\s*\[\d+(?:\s*,\s*\d+)*\])*(\s+)(?=[A-Z\"“‘(]|''|``)")

#: Words whose full stop does not end a sentence: initials and acronyms (U.S., J.D.),
#: titles and other common news abbreviations.
_ABBREV = re.compile(
    r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|St|Mt|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Jr|Sr|"
    r"No|Inc|Corp|Ltd|Co|Bros|vs|etc|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Ont|Que|Alta|"
    r"Calif|Mass|Penn|Wash|Ariz|Fla)\.)$"
)


def split_claims(text: str) -> list[str]:
    """Split answer text into sentences (claims), keeping markers with their sentence.

    A quotation that spans sentences stays in one claim, so the words a reader sees
    between quotation marks are checked as one span.
    """
    parts: list[str] = []
    for block in text.split("\n"):
        if not block.strip():
            continue
        last = 0
        for m in _SENTENCE_END.finditer(block):
            if _ABBREV.search(block[last : m.start() + 1]) and block[m.start()] == ".":
                continue  # "U.S. Trade Minister": an abbreviation, not a sentence end
            if quotation_spans(block[last : m.start(1)])[1]:
                continue  # inside a quotation that goes on in the next sentence
            parts.append(block[last : m.start(1)].strip())
            last = m.end(1)
        parts.append(block[last:].strip())
    return [p for p in parts if p]
