"""The asked person's words began in the passage before the chosen sentence's: the answer shows
them first.

Retrieval cuts an article into passages at paragraph breaks, and news quotes a person over
several paragraphs. When the ranker picks the first sentence of a passage ("But “the bigger
question,” Okafor added, “is ...”") for a question on that person's words, the sentence before
it -- the last of the passage before, another evidence passage -- holds the asked thing as
often. Invented text; contexts built by hand as retrieval gives them (two passages of one
article, the ledger's speakers set by the test).
"""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.answer.ranker import Scored
from assistant.types import Context, Draft, Quote
from tests.contexts import lines_passage, quote

FIRST = "Mayor Lena Okafor praised the new ferry schedule on Monday."
BEFORE = '"It is a real step forward. The only snag is the late ferry on Sundays."'
CHOSEN = 'But "the bigger question," Okafor added, "is whether the bridge reopens by May."'
AFTER = "The council meets on Tuesday."


def _answer(
    question: str,
    before: str = BEFORE,
    speakers: tuple[str | None, str | None] = ("Lena Okafor", "Lena Okafor"),
    chosen: str = CHOSEN,
    second_first: bool = True,
) -> tuple[Draft, str]:
    """The composed answer when ``chosen``, the first sentence of the article's second passage
    (``second_first``; else its second, after AFTER), is the best sentence. The first passage
    ends with ``before``; the ledger gives ``before`` and ``chosen`` to ``speakers``."""
    head = f"{FIRST}\n{before}\n"
    tail = f"{chosen}\n{AFTER}\n" if second_first else f"{AFTER}\n{chosen}\n"
    text = f"{head}\n{tail}"
    one = lines_passage("d", head, 0, ["Lena Okafor"])
    two = lines_passage("d", tail, len(head) + 1, ["Okafor"])
    quotes: list[Quote] = [
        quote("d", text, words, who) for words, who in ((before, speakers[0]), (chosen, speakers[1])) if who
    ]
    ctx = Context(question=question, evidence=[one, two], quotes=quotes)
    sp = two.sentences[0 if second_first else 1]
    top = Scored(n=2, span=sp, text=two.at(sp.start, sp.end), features={}, prob=0.9, kinds=set())
    return ExtractiveBackend()._compose(ctx, [question], [[top]], []), text


def test_the_asked_persons_words_in_the_passage_before_are_shown_first() -> None:
    draft, text = _answer("What did Lena Okafor say was the one weak point of the schedule?")
    lines = draft.text.split("\n")
    assert len(lines) == 2 and "late ferry" in lines[0] and "bigger question" in lines[1]
    assert [text[c.start : c.end] for c in draft.citations] == [BEFORE, CHOSEN]  # their own offsets
    assert draft.follows == {0: 1}  # the verifier keeps it only with the line it starts
    assert "praised" not in draft.text and "council meets" not in draft.text


def test_a_pronouns_words_before_count_as_the_asked_persons() -> None:
    before = "She said the only snag is the late ferry on Sundays."
    draft, _ = _answer(
        "What did Lena Okafor say was the one weak point of the schedule?", before, (None, "Lena Okafor")
    )
    assert "late ferry" in draft.text and draft.text.index("late ferry") < draft.text.index("bigger question")


def test_another_speakers_words_before_are_not_shown() -> None:
    draft, _ = _answer(
        "What did Lena Okafor say was the one weak point of the schedule?",
        speakers=("Tom Reyes", "Lena Okafor"),
    )
    assert len(draft.citations) == 1 and "late ferry" not in draft.text


def test_nothing_before_when_the_question_asks_about_someone_else() -> None:
    draft, _ = _answer("What did Tom Reyes say was the one weak point of the schedule?")
    assert len(draft.citations) == 1 and "late ferry" not in draft.text


def test_nothing_before_a_sentence_that_does_not_open_its_passage() -> None:
    # the sentence before it is then in its own passage (and a narration, not her words)
    draft, _ = _answer("What did Lena Okafor say was the one weak point of the schedule?", second_first=False)
    assert "late ferry" not in draft.text


def test_nothing_before_for_a_time_ask() -> None:
    draft, _ = _answer("When did Lena Okafor say the bridge would reopen?")
    assert len(draft.citations) == 1 and "late ferry" not in draft.text
