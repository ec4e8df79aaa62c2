"""A named one's reply asked for ("What did X say in reply to ...?") on invented text: the
part abstains when no chosen sentence gives X's own words by a strict reading (the quote
ledger, the sentence's own attribution clause), though the sentences name X near a speech
verb (the act replied to: "Quill said Avery ...") -- and answers when X's words are there."""

from __future__ import annotations

from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.answer.backends.extractive.checks import _REPLY_ASK
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context


def test_the_reply_ask_reads_the_named_one_and_a_reflexive() -> None:
    m = _REPLY_ASK.match("What did Governor Ross Avery himself say in reply to the mayor's call?")
    assert m is not None and m.group("name") == "Governor Ross Avery"
    m = _REPLY_ASK.match("What did Avery say in response to the audit?")
    assert m is not None and m.group("name") == "Avery"
    # no reply asked, or no name: not read
    assert _REPLY_ASK.match("What did Avery say about the audit?") is None
    assert _REPLY_ASK.match("What did the governor say in reply to the audit?") is None
    # a response may be an act ("How did Avery respond?"): not read
    assert _REPLY_ASK.match("How did Avery respond to the audit?") is None


CALL = (
    "Mayor Dana Quill on Saturday called on Governor Ross Avery to resign over the reservoir "
    'leak. "The governor knew about the leak for months and did nothing," Quill said. Quill '
    "said Avery should step aside before the spring floods."
)
CALLED = (
    "Valley Ledger\n\n"
    + CALL
    + "\n\nAvery told reporters on Friday that the state budget would balance by June.\n"
)
REPLIED = (
    "Valley Ledger\n\n" + CALL + ' "I will not step down while the reservoir is being repaired," '
    "Avery said on Sunday in reply to Quill's call for his resignation.\n"
)
QUESTION = "What did Governor Avery say in reply to Quill's call for his resignation?"


def test_the_reply_is_not_in_the_call_it_answers() -> None:
    # Avery speaks in the article, on another matter: the speaker check stands; the call
    # names Avery near "said" ("Quill said Avery should ..."), yet gives no words of his
    items = [
        ("valley_ledger", CALLED, "Mayor Dana Quill on Saturday"),
        ("valley_ledger", CALLED, "Avery told reporters"),
    ]
    got = ExtractiveBackend().answer(context(QUESTION, items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "do not give Governor Avery's reply" in got.text, got.text


def test_the_reply_given_is_answered() -> None:
    items = [("valley_ledger", REPLIED, "Mayor Dana Quill on Saturday")]
    got = ExtractiveBackend().answer(context(QUESTION, items)[0])
    assert not got.abstained and "will not step down" in got.text, got.text
