"""A transcript: a paragraph that opens with a speaker's name in capitals and a colon is that
speaker's turn. Invented exchanges; the whole article text goes to the ledger's extractor."""

from __future__ import annotations

from assistant.answer.ranker import in_quote, spoken_by
from assistant.quotes import extract_quotes
from assistant.quotes.transcripts import transcript_turns
from assistant.types import Span

EXCHANGE = """Ferry chief defends night service cuts.

The harbour board's chief spoke with radio host Lena Marsh on Sunday. Here is part of the exchange.

LENA MARSH: Why end the night ferry now?

OWEN DALE: Because it runs half empty after nine. We cannot keep paying for an empty boat.

MARSH: The workers of the east bank say they have no other way home.

DALE: We will run a bus instead, and it will stop at every pier.

The board votes on the plan next month.
"""

NOTES = """Ferry service to end in March.

UPDATE: The board has moved its vote to Friday.

CORRECTION: An earlier version gave the wrong date for the vote.

EDITOR'S NOTE: This story has been updated.

The board votes on the plan next month.
"""


def _turns(text: str) -> dict[str, str | None]:
    return {q.quote[:20]: q.speaker for q in transcript_turns("d", text)}


def test_each_tagged_paragraph_is_its_speakers_turn() -> None:
    assert _turns(EXCHANGE) == {
        "Why end the night fe": "Lena Marsh",
        "Because it runs half": "Owen Dale",
        # a one-word tag is the speaker the fuller tag named
        "The workers of the e": "Lena Marsh",
        "We will run a bus in": "Owen Dale",
    }


def test_the_ledger_holds_the_turns_and_not_the_narration() -> None:
    got = {(q.quote[:20], q.speaker) for q in extract_quotes("d", EXCHANGE) if q.speaker}
    assert ("Because it runs half", "Owen Dale") in got
    assert not any(words.startswith(("The board votes", "The harbour board")) for words, _ in got)


def test_run_in_notes_in_capitals_are_no_transcript() -> None:
    # three tagged paragraphs and three tags, but no one takes a second turn
    assert transcript_turns("d", NOTES) == []
    # two turns alone are no exchange either
    two = EXCHANGE.replace("\nMARSH: ", "\n").replace("\nDALE: ", "\n")
    assert two.count(": ") == 2 and "LENA MARSH: " in two and "OWEN DALE: " in two
    assert transcript_turns("d", two) == []


def test_the_ranker_features_do_not_see_a_transcripts_turns() -> None:
    turns = transcript_turns("d", EXCHANGE)
    q = next(q for q in turns if q.speaker == "Owen Dale")
    sp = Span(start=q.start, end=q.end)
    assert not in_quote(turns, "d", sp)
    assert not spoken_by(turns, "d", sp, ["dale"])
    # a reported-speech record with a cue of words on the same span is seen (control)
    reported = [q.model_copy(update={"cue": "said"})]
    assert in_quote(reported, "d", sp) and spoken_by(reported, "d", sp, ["dale"])
