"""What a reader is shown by the LLM path, checked the same way whichever model wrote it
(the scripted server of tests/openai_fake.py or the real SmolLM2 of the local-LLM tier)."""

from __future__ import annotations

from typing import Any

from assistant.answer.verify import find_quote, quoted_spans
from assistant.nlp.claims import MARKER, split_claims
from assistant.nlp.text import find_verbatim, normalise, spec_quotations
from assistant.types import Answer, Citation


def check_shown(a: Any, ans: Answer) -> None:
    """Every ``[n]`` is a citation, every citation is verbatim article text, every span
    between quotation marks (closed or left open, in the answer and in each claim) is
    verbatim in a cited article (piece by piece as the verifier finds it, and whole as
    EVAL_SPEC's faithfulness metric reads it), and an abstention cites nothing. ``a`` is the
    :class:`~assistant.service.Assistant` that answered (for the article texts)."""
    markers = {int(x) for m in MARKER.finditer(ans.answer) for x in m.group(1).split(",")}
    assert markers == {c.n for c in ans.citations}, (ans.answer, ans.citations)
    texts = {c.doc_id: a.article(c.doc_id).text for c in ans.citations}
    for c in ans.citations:
        assert texts[c.doc_id][c.start : c.end] == c.quote
    spans = quoted_spans(ans.answer) + [q for claim in split_claims(ans.answer) for q in quoted_spans(claim)]
    for q in spans:
        assert any(find_quote(q, t) for t in texts.values()), (q, ans.answer)
    for q in spec_quotations(ans.answer):  # whole, as EVAL_SPEC's faithfulness reads it
        assert any(find_verbatim(q, t) is not None for t in texts.values()), (q, ans.answer)
    if ans.abstained:
        assert not ans.citations


def check_not_worse(ans: Answer, offline: Answer) -> None:
    """Where the extractive backend abstains (``offline``), so does the shown answer; where it
    answers, the shown answer is that answer, marked ``fallback: "extractive"``, or cites only
    articles it cites, every sentence it cites among them, and shows every quotation of it."""
    if offline.abstained:
        assert ans.abstained, ans.answer
        return
    assert not ans.abstained, ans.answer
    if ans.fallback == "extractive":
        assert (ans.answer, ans.citations) == (offline.answer, offline.citations)
        return
    assert ans.fallback is None

    def within(a: Citation, cites: list[Citation]) -> bool:
        return any(a.doc_id == b.doc_id and a.start < b.end and b.start < a.end for b in cites)

    docs = {b.doc_id for b in offline.citations}
    assert all(a.doc_id in docs for a in ans.citations), (ans.answer, offline.answer)
    assert all(within(b, ans.citations) for b in offline.citations), (ans.answer, offline.answer)
    said = normalise(ans.answer)
    for claim in split_claims(offline.answer):
        for q in quoted_spans(MARKER.sub("", claim)):
            assert normalise(q).strip(" .,") in said, (q, ans.answer)
