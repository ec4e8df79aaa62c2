"""RAGAS dataset export and an optional LLM judge of per-claim faithfulness.

Export: one JSON object per line with RAGAS ``SingleTurnSample`` fields
(``user_input``, ``retrieved_contexts``, ``response``, ``reference``), loadable with
``ragas.EvaluationDataset.from_jsonl``. The answer format carries the cited passages, not
every retrieved one, so ``retrieved_contexts`` holds the citation quotes: RAGAS
faithfulness is then judged against exactly what the answer cites.

Judge: :func:`judge_faithfulness` asks an injected completion function (any LLM backend's
``complete(prompt) -> str``) whether each claim of an answer is supported by its cited
quotes, and stores the share of supported claims on the record. Nothing here imports an
LLM client.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from string import Template
from typing import Any

from assistant.evaluation.metrics import QuestionScore
from assistant.nlp.claims import MARKER, split_claims

JUDGE_PROMPT = Template(
    """You check whether a claim is supported by source passages.

Passages:
$passages

Claim: $claim

Is every part of the claim stated or directly implied by the passages?
Reply with one word: YES or NO."""
)

_YES = re.compile(r"^\W*(yes|supported|true)\b", re.IGNORECASE)


def ragas_rows(records: Sequence[QuestionScore]) -> list[dict[str, Any]]:
    """Records as RAGAS single-turn samples (abstentions keep their abstention text)."""
    return [
        {
            "user_input": r.question,
            "retrieved_contexts": [str(c.get("quote", "")) for c in r.citations],
            "response": r.answer,
            "reference": r.reference or "",
        }
        for r in records
    ]


def export_ragas(records: Sequence[QuestionScore], path: str | Path) -> Path:
    """Write :func:`ragas_rows` as JSONL to ``path``; return the path."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    with p.open("w", encoding="utf-8") as fh:
        for row in ragas_rows(records):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return p


def judge_faithfulness(records: Sequence[QuestionScore], complete: Callable[[str], str]) -> float | None:
    """Score each answer's claims with ``complete``; return the mean score over answers.

    Each judged record gets ``judge = {"faithfulness": share, "claims": n, "supported":
    k, "unsupported": [claims...]}``. Abstentions, empty answers and answers without
    citations are not judged (``judge`` stays ``None``): there is no claim to hold to a
    source. A reply counts as support only when it starts with yes/supported/true.
    """
    scores: list[float] = []
    for r in records:
        if r.abstained or not r.answer.strip() or not r.citations:
            continue
        passages = "\n".join(f"[{c.get('n')}] {c.get('quote', '')}" for c in r.citations)
        claims = [MARKER.sub("", c).strip() for c in split_claims(r.answer)]
        claims = [c for c in claims if c]
        unsupported = [
            c for c in claims if not _YES.match(complete(JUDGE_PROMPT.substitute(passages=passages, claim=c)))
        ]
        share = (len(claims) - len(unsupported)) / len(claims) if claims else None
        r.judge = {
            "faithfulness": share,
            "claims": len(claims),
            "supported": len(claims) - len(unsupported),
            "unsupported": unsupported,
        }
        if share is not None:
            scores.append(share)
    return sum(scores) / len(scores) if scores else None
