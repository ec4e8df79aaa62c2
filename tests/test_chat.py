"""Follow-up resolution: rule-based (offline) and through the LLM condense prompt."""

from __future__ import annotations

import pytest

from assistant.answer.backends.openai_backend import OpenAIBackend
from assistant.answer.backends.scripted import ScriptedBackend
from assistant.answer.followups import people, resolve_followup
from assistant.settings import Settings
from assistant.types import Turn
from tests.openai_fake import DEFAULT_MODEL, FakeOpenAIServer


def turns(*pairs: tuple[str, str]) -> list[Turn]:
    out: list[Turn] = []
    for question, answer in pairs:
        out += [Turn(role="user", content=question), Turn(role="assistant", content=answer)]
    return out


# Invented people and places: the rules know no names.
HISTORY = turns(
    (
        "What did Amara Okafor say about the port expansion?",
        'Harbour commissioner Amara Okafor called the port expansion "overdue" [1]. '
        "Okafor said the board would vote in March [2].",
    )
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "And what did she say about the fishing fleet?",
            "What did Amara Okafor say about the fishing fleet?",
        ),
        ("Did the same person mention taxes?", "Did Amara Okafor mention taxes?"),
        ("Who criticised her?", "Who criticised Amara Okafor?"),
        ("What was her reason?", "What was Amara Okafor's reason?"),
        ("Who else commented on that?", "Who else commented on the port expansion?"),
        ("What about the airport?", "What did Amara Okafor say about the airport?"),
        ("What about Tomas Lindqvist?", "What did Tomas Lindqvist say about the port expansion?"),
        ("What did Tomas Lindqvist say?", "What did Tomas Lindqvist say?"),
    ],
)
def test_rule_based_rewrites(question: str, expected: str) -> None:
    assert resolve_followup(HISTORY, question) == expected


def test_person_named_only_in_the_answer() -> None:
    history = turns(
        (
            "Who called the tunnel plan reckless?",
            'Councillor Bo Petrov called the tunnel plan "reckless" [1].',
        )
    )
    assert resolve_followup(history, "When did he say it?") == "When did Bo Petrov say it?"


def test_after_a_who_question_he_is_whoever_the_answer_names() -> None:
    history = turns(
        (
            "Who met Marco Rubio?",
            "Jamil Jivani: Jivani said he met Secretary of State Marco Rubio, and that Marco Rubio "
            "listened to Canada's case. [1] Rubio's office confirmed it. [2]",
        )
    )
    assert (
        resolve_followup(history, "What did he say about China?") == "What did Jamil Jivani say about China?"
    )
    history = turns(("What did Marco Rubio say?", "Marco Rubio said the talks went well [1]."))
    assert (
        resolve_followup(history, "What did he say about China?") == "What did Marco Rubio say about China?"
    )


def test_most_recent_person_wins_and_chains_resolve() -> None:
    history = HISTORY + turns(
        ("What did Tomas Lindqvist say?", "Lindqvist said the port was too small [1]."),
        ("And what did he say about the budget?", "Lindqvist warned of a shortfall [1]."),
    )
    assert resolve_followup(history, "Did he vote?") == "Did Tomas Lindqvist vote?"
    assert (
        resolve_followup(history, "What about the harbour?")
        == "What did Tomas Lindqvist say about the harbour?"
    )


def test_standalone_questions_and_empty_history_are_unchanged() -> None:
    assert resolve_followup([], "And what did he say?") == "And what did he say?"
    q = "Who said the port expansion was overdue?"
    assert resolve_followup(HISTORY, q) == q


def test_people_detection_is_general() -> None:
    text = (
        "On Monday Prime Minister Lena Varga met the Supreme Court of Ruritania. "
        'Varga said the ruling was "final." The Northern Bank disagreed.'
    )
    assert people(text) == ["Lena Varga", "Lena Varga"]


def test_scripted_backend_uses_the_rules() -> None:
    backend = ScriptedBackend()
    assert resolve_followup(HISTORY, "Did she vote?", backend) == "Did Amara Okafor vote?"
    assert backend.calls == []  # no answer call was spent on condensing


def llm(fake: FakeOpenAIServer) -> OpenAIBackend:
    settings = Settings(openai_base_url=fake.url, llm_model=DEFAULT_MODEL, llm_timeout=5, llm_max_retries=0)
    return OpenAIBackend(settings)


def test_llm_condense_prompt(fake: FakeOpenAIServer) -> None:
    fake.enqueue("What did Amara Okafor say about the fishing fleet?\n")
    out = resolve_followup(HISTORY, "And what did she say about the fishing fleet?", llm(fake))
    assert out == "What did Amara Okafor say about the fishing fleet?"
    (request,) = fake.chat_requests()
    prompt = request.messages[0]["content"]
    assert "<conversation>" in prompt and "user: What did Amara Okafor say" in prompt
    assert "Follow-up question: And what did she say about the fishing fleet?" in prompt


def test_llm_failure_falls_back_to_rules(fake: FakeOpenAIServer) -> None:
    fake.fail(500, "down")
    out = resolve_followup(HISTORY, "Did she vote?", llm(fake))
    assert out == "Did Amara Okafor vote?"
