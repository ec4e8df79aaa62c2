"""The verifier checks the attribution frame around a verified quote, and strips prompt debris.

A verbatim quote can sit inside an invented frame: the model names the wrong speaker, or
gives the right one a title the articles never give. The articles here are invented; the
model is the scripted OpenAI-protocol server on loopback, reached by the real ``openai``
client through :class:`OpenAIBackend`, and its draft goes through :func:`finalize`.
"""

from __future__ import annotations

import pytest

from assistant.answer.backends.openai_backend import OpenAIBackend
from assistant.answer.verify import Frame, answer_frames, finalize, strip_debris
from assistant.settings import Settings
from assistant.types import Context, Draft
from tests.contexts import context, quote
from tests.openai_fake import DEFAULT_MODEL, FakeOpenAIServer

DOC = "harbour_bridge"
# An invented local story: the mayor is named two paragraphs before the councillor's words.
TEXT = (
    "Harbour City council debates bridge repairs\n\n"
    "Mayor Jane Roe opened Monday's council meeting with a report on the harbour bridge.\n\n"
    "Residents filled the public gallery and several asked about the repair budget.\n\n"
    "Councillor Sam Poe disagreed with the report. "
    '"The bridge will cost far more than anyone at this table admits," Poe said.\n\n'
    "The council will vote on the repairs next month.\n"
)
WORDS = "The bridge will cost far more than anyone at this table admits"


def ctx(ledger: bool) -> tuple[Context, dict[str, str]]:
    quotes = [quote(DOC, TEXT, WORDS, "Sam Poe")] if ledger else []
    return context(
        "Who said the bridge would cost more than admitted?",
        [(DOC, TEXT, "Councillor Sam Poe disagreed"), (DOC, TEXT, "Mayor Jane Roe opened")],
        quotes=quotes,
    )


def verify(text: str, ledger: bool = True):  # type: ignore[no-untyped-def]
    c, texts = ctx(ledger)
    return finalize(c, Draft(text=text), texts)


@pytest.mark.parametrize("ledger", [True, False], ids=["ledger", "no-ledger"])
@pytest.mark.parametrize(
    "frame",
    [
        'Jane Roe, the mayor, said "{w}" [1].',
        '"{w}," said Jane Roe [1].',
        'According to Mayor Jane Roe, "{w}" [1].',
        'Jane Roe opened the meeting [2]. She said "{w}" [1].',
    ],
    ids=["appositive", "after", "according-to", "pronoun"],
)
def test_a_verbatim_quote_given_to_the_wrong_speaker_is_dropped(frame: str, ledger: bool) -> None:
    r = verify(frame.format(w=WORDS), ledger=ledger)
    assert r.verification.quotes_failed == 0  # the words are verbatim: only the frame is wrong
    assert r.verification.speaker_mismatches == 1
    assert "table admits" not in r.text


@pytest.mark.parametrize("ledger", [True, False], ids=["ledger", "no-ledger"])
@pytest.mark.parametrize(
    "frame",
    [
        'Sam Poe said "{w}" [1].',
        'Councillor Sam Poe said "{w}" [1].',
        '"{w}," Poe said [1].',
        'Sam Poe disagreed with the report [1]. He said "{w}" [1].',
    ],
    ids=["plain", "title", "after", "pronoun"],
)
def test_the_right_speaker_is_kept(frame: str, ledger: bool) -> None:
    r = verify(frame.format(w=WORDS), ledger=ledger)
    assert r.verification.speaker_mismatches == 0 and not r.abstained
    assert "table admits" in r.text and "Poe" in r.text
    (c,) = {c.quote for c in r.citations if WORDS in c.quote}
    assert c.startswith('"The bridge')


def test_an_invented_title_for_the_right_speaker_is_dropped() -> None:
    r = verify(f'Sam Poe, the city treasurer, said "{WORDS}" [1].')
    assert r.verification.speaker_mismatches == 1 and r.abstained
    kept = verify(f'Sam Poe, a councillor, said "{WORDS}" [1].')
    assert kept.verification.speaker_mismatches == 0 and not kept.abstained


def test_answer_frames_reads_the_speaker_and_role() -> None:
    claims = [f'Jane Roe, the mayor, said "{WORDS}" [1].', "The vote is next month [1]."]
    assert answer_frames(claims) == [[Frame("Jane Roe", "mayor", WORDS)], []]
    assert answer_frames([f'"{WORDS}" [1].']) == [[]]  # no speaker claimed: nothing to judge


def test_prompt_debris_is_stripped() -> None:
    raw = (
        'Answer: <lead source="1">Sam Poe said '
        f'"{WORDS}" [1].</lead>\nQuestion: Who said the bridge would cost more?'
    )
    assert strip_debris(raw) == f'Sam Poe said "{WORDS}" [1].'
    r = verify(raw)
    assert not r.abstained and r.text.startswith("Sam Poe said")
    for debris in ("<lead", "</lead>", "Answer:", "Question"):
        assert debris not in r.text
    # the tags go, the frame inside them is still checked
    wrong = verify(f'<quote source="1" speaker="Sam Poe">Jane Roe said "{WORDS}" [1].</quote>')
    assert wrong.verification.speaker_mismatches == 1 and wrong.abstained


def test_through_the_openai_backend(fake: FakeOpenAIServer) -> None:
    """The scripted model's drafts, from the real client, through the verifier."""
    backend = OpenAIBackend(Settings(openai_base_url=fake.url, llm_model=DEFAULT_MODEL, llm_max_retries=0))
    c, texts = ctx(ledger=True)
    fake.enqueue(
        f'Answer: Jane Roe, the mayor, said "{WORDS}" [1]. Mayor Jane Roe opened the meeting [2].',
        f'<lead source="1">"{WORDS}," Councillor Sam Poe said [1].</lead>',
    )
    wrong = finalize(c, backend.answer(c), texts)
    assert wrong.verification.speaker_mismatches == 1
    assert wrong.text.startswith("Mayor Jane Roe opened the meeting") and "table admits" not in wrong.text
    right = finalize(c, backend.answer(c), texts)
    assert right.text == f'"{WORDS}," Councillor Sam Poe said [1].' and not right.abstained
    assert len(fake.chat_requests()) == 2


# Poe is named in full two paragraphs before his words, by surname in the paragraph before.
LATER = (
    "Harbour City council debates bridge repairs\n\n"
    "Councillor Sam Poe spoke for the residents of Dock Street, Harbour City.\n\n"
    "Poe questioned the figures again.\n\n"
    f'He said "{WORDS}" at the end of the meeting.\n'
)


@pytest.mark.parametrize(
    "text",
    [LATER, LATER.replace("Poe questioned the figures again.", "He questioned the figures again.")],
    ids=["surname-in-the-paragraph-before", "named-two-paragraphs-before"],
)
def test_a_speaker_named_near_a_pronouns_words_is_kept(text: str) -> None:
    """With no ledger record, the claimed speaker must be named near the words: by surname
    suffices ("Poe" in the paragraph before), as news names a person in full once, and two
    paragraphs before the words' own, as news goes on with "He says", "He adds"."""
    c, texts = context(
        "Who questioned the bridge figures?",
        [(DOC, text, "He said"), (DOC, text, "Councillor Sam Poe")],
        quotes=[],
    )
    r = finalize(c, Draft(text=f'Sam Poe said "{WORDS}" [1].'), texts)
    assert r.verification.speaker_mismatches == 0 and "table admits" in r.text, r.text
    r = finalize(c, Draft(text=f'Jane Roe said "{WORDS}" [1].'), texts)
    assert r.verification.speaker_mismatches == 1 and "table admits" not in r.text, r.text


def test_a_place_the_answer_reads_as_a_speaker_is_not_judged() -> None:
    """The rules reading the answer take "New Hampshire" (a place in the sources' entities)
    for the speaker a later "He adds" goes back to; a place states no one's attribution, so
    the verbatim sentence stays."""
    text = (
        "Harbour City council debates bridge repairs\n\n"
        "Speaking at a town hall in Salem, New Hampshire, Sam Poe went after the plan, "
        "calling it “a costly mistake.”\n\n"
        "Poe says the budget is wrong.\n\n"
        "He adds that the plan is “a waste of money” for the town.\n"
    )
    c, texts = context(
        "What did Poe call the plan?", [(DOC, text, "calling it"), (DOC, text, "He adds")], quotes=[]
    )
    claims = [
        "Speaking at a town hall in Salem, New Hampshire, Sam Poe went after the plan, calling it “a costly mistake.” [1]",
        "He adds that the plan is “a waste of money” for the town. [2]",
    ]
    assert answer_frames(claims)[1][0].speaker == "New Hampshire"  # the rules' reading
    r = finalize(c, Draft(text=" ".join(claims)), texts)
    assert "waste of money" in r.text and r.verification.speaker_mismatches == 0, r.text


def test_a_claims_speaker_label_says_whose_words_a_pronoun_quotes() -> None:
    """The extractive backend labels a claim with its speaker ("Poe: ..."). The rules reading
    the answer send the claim's "he said" to the answer's earlier subject (Jane Roe); the
    label, which the ledger confirms, says whose words they are, so the claim stays. A label
    the sources do not confirm keeps the check."""
    opened = "Mayor Jane Roe opened Monday's council meeting with a report on the harbour bridge [2]."
    kept = verify(f'{opened} Poe: Later, he said "{WORDS}" [1].')
    assert kept.verification.speaker_mismatches == 0 and "table admits" in kept.text, kept.text
    dropped = verify(f'{opened} Harbour City: Later, he said "{WORDS}" [1].')
    assert dropped.verification.speaker_mismatches == 1 and "table admits" not in dropped.text


# A short phrase the article quotes twice, first from the mayor, then from the councillor.
TWICE = (
    "Harbour City council debates bridge repairs\n\n"
    'Mayor Jane Roe had promised to "fix the bridge" before the storm season.\n\n'
    "Residents filled the public gallery.\n\n"
    'Councillor Sam Poe said he would "fix the bridge" too but "not at any price," the council heard.\n'
)


@pytest.mark.parametrize(
    ("speaker", "mismatch"),
    [("Sam Poe", 0), ("Jane Roe", 0), ("Ann Lee", 1)],
    ids=["second", "first", "nobody"],
)
def test_a_recurring_phrase_is_checked_at_every_place_the_article_holds_it(
    speaker: str, mismatch: int
) -> None:
    """The councillor's frame of "fix the bridge" holds though the mayor's place of the phrase
    comes first in the article; a speaker named at no place of it is still dropped."""
    c, texts = context(
        "Who said they would fix the bridge?", [(DOC, TWICE, "Councillor Sam Poe said")], quotes=[]
    )
    r = finalize(c, Draft(text=f'{speaker} said he would "fix the bridge" [1].'), texts)
    assert r.verification.quotes_failed == 0
    assert r.verification.speaker_mismatches == mismatch
