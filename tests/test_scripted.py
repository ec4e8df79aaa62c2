"""The scripted and echo backends: protocol, recording, verifiable echo."""

from __future__ import annotations

from assistant.answer.backends.base import AnswerBackend
from assistant.answer.backends.scripted import EchoBackend, ScriptedBackend
from assistant.answer.verify import finalize
from assistant.nlp.claims import CANNOT_ANSWER
from assistant.types import Draft
from tests.contexts import article, context

DOC = "002_27e68f677fb628f5"


def ctx():  # type: ignore[no-untyped-def]
    return context("Who called the China deal a red flag?", [(DOC, article(DOC), "red flag")])


def test_protocol() -> None:
    for backend in (ScriptedBackend(), EchoBackend()):
        assert isinstance(backend, AnswerBackend)
        assert backend.prompt_hash is None


def test_scripted_replies_in_order_and_records_calls() -> None:
    c, texts = ctx()
    backend = ScriptedBackend(["first [1].", Draft(text="second", abstained=True)])
    backend.enqueue(f"{CANNOT_ANSWER} that.")
    assert backend.answer(c).text == "first [1]."
    assert backend.answer(c).abstained
    assert backend.answer(c).abstained  # the sentinel is parsed
    assert len(backend.calls) == 3 and backend.calls[0].question == c.question


def test_echo_cites_the_best_sentence_and_verifies() -> None:
    c, texts = ctx()
    backend = EchoBackend()
    draft = backend.answer(c)
    assert draft.text.endswith("[1]") and "red flag" in draft.text
    chunks = list(backend.stream(c))
    assert len(chunks) > 3 and "".join(chunks) == draft.text
    result = finalize(c, draft, texts)
    assert not result.abstained and result.verification.quotes_failed == 0
    assert "red flag" in result.citations[0].quote


def test_empty_queue_echoes_and_no_evidence_abstains() -> None:
    c, _ = ctx()
    assert ScriptedBackend().answer(c).text == EchoBackend().answer(c).text
    empty, _ = context("q", [])
    assert EchoBackend().answer(empty).abstained
