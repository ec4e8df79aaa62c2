"""One pronoun resolved to the nearest subject does not fix that person's gender (round 36): a
"she" taken by Bernie Sanders when the woman meant is named further back made him "f" for the
rest of the article, and his next "he said" went to Hillary Clinton."""

from __future__ import annotations

from assistant.nlp.parse import parse_one
from assistant.quotes.extract import extract_quotes

TEXT = (
    "Hillary Clinton campaigned in Ohio on Monday. Bernie Sanders campaigned in Michigan.\n\n"
    "\u201cWe will win this state,\u201d she said.\n\n"
    "Sanders spoke about trade on Tuesday. \u201cThe deal is a disaster,\u201d he said.\n"
)


def test_a_pronoun_resolution_does_not_decide_the_gender_of_later_ones() -> None:
    said = {TEXT[q.start : q.end]: q.speaker for q in extract_quotes("d1", TEXT, doc=parse_one(TEXT))}
    assert said["The deal is a disaster"] == "Bernie Sanders", said
