"""Whether the extractive fallback replaces a model's own abstention (issue 17, item 3).

``ASSISTANT_LLM_FALLBACK_ON_DECLINE`` (default true) decides. True keeps issue 16's promise,
never worse than the extractive answer, for a model that declines answerable questions;
false keeps a declining model's abstention (right on unanswerable questions the extractive
backend answers anyway) and replaces only drafts that did not verify. Real index, the real
``openai`` client, the scripted OpenAI-protocol server on loopback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.verify import Verified, finalize
from assistant.nlp.claims import CANNOT_ANSWER
from assistant.service import Assistant, needs_fallback
from assistant.settings import Settings
from assistant.types import Citation, Context, Draft, Verification
from tests.openai_fake import DEFAULT_MODEL, FakeOpenAIServer

QUESTION = "Who called Canada's trade deal with China a red flag?"


def test_needs_fallback_tells_a_decline_from_an_unverified_answer() -> None:
    cite = Citation(n=1, doc_id="d", quote="x", start=10, end=20)
    v = Verification()
    answered = Verified("a [1]", [cite], False, v)
    declined = Verified(f"{CANNOT_ANSWER} who said it.", [], True, v, declined=True)
    unverified = Verified(f"{CANNOT_ANSWER} enough.", [], True, v)
    assert needs_fallback(declined, answered) and needs_fallback(unverified, answered)
    assert not needs_fallback(declined, answered, on_decline=False)
    assert needs_fallback(unverified, answered, on_decline=False)  # the model tried; nothing verified
    assert not needs_fallback(declined, declined, on_decline=True)  # nothing to fall back on


def test_finalize_marks_a_decline() -> None:
    ctx = Context(question="q", evidence=[])
    assert finalize(ctx, Draft(text=f"{CANNOT_ANSWER} this.", abstained=True), {}).declined
    dropped = finalize(ctx, Draft(text='Someone said "words never written" [1].'), {})
    assert dropped.abstained and not dropped.declined


def test_the_setting_reads_its_environment_name(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().llm.fallback_on_decline is True
    monkeypatch.setenv("ASSISTANT_LLM_FALLBACK_ON_DECLINE", "false")
    assert Settings().llm.fallback_on_decline is False


@pytest.mark.parametrize("on_decline", [True, False])
def test_a_declining_model(built_index: Path, fake: FakeOpenAIServer, on_decline: bool) -> None:
    settings = Settings(
        openai_base_url=fake.url,
        llm_model=DEFAULT_MODEL,
        llm_max_retries=0,
        llm={"fallback_on_decline": on_decline},
    )
    assistant = Assistant(index_dir=built_index, backend="openai", settings=settings)
    offline = assistant.ask(QUESTION, backend="extractive")
    assert not offline.abstained
    fake.enqueue(f"{CANNOT_ANSWER} who called the deal a red flag.")
    shown = assistant.ask(QUESTION)
    if on_decline:
        assert shown.fallback == "extractive" and shown.answer == offline.answer
    else:
        assert shown.fallback is None and shown.abstained
        assert shown.answer == f"{CANNOT_ANSWER} who called the deal a red flag."
    # a draft that does not verify falls back either way
    fake.enqueue('Angela Merkel said "the deal is wonderful" [1].')
    unverified = assistant.ask(QUESTION)
    assert unverified.fallback == "extractive" and unverified.answer == offline.answer
