"""A sentence that opens on "he" or "she" for the person the sentence before names is about
that person: the sibling check (``_same_named``) does not read another name in it as the
one that replaces the question's ("Quill led the field. She won 33% ..., followed by Marsh
at 13%"), whatever label the tagger gave the asked name elsewhere."""

from __future__ import annotations

from assistant.answer.backends.extractive.checks import _opens_on_named
from assistant.answer.ranker import Scored
from tests.contexts import lines_passage

TEXT = (
    "Dana Quill entered the debate with a growing lead in the Gazette poll.\n"
    "She received the backing of 33% of harbor voters, followed by Marsh at 13%.\n"
    "Marsh received the backing of 13% of harbor voters."
)


def _sentence(ev, k: int) -> Scored:  # type: ignore[no-untyped-def]
    sp = ev.sentences[k]
    return Scored(n=1, span=sp, text=ev.at(sp.start, sp.end), features={}, coverage=0.0, kinds=set())


def test_a_pronoun_opening_for_the_asked_name_is_about_it() -> None:
    ev = lines_passage("gazette", TEXT, 0, ["Dana Quill"])
    assert _opens_on_named(_sentence(ev, 1), ev, {"ORG": {"quill"}})
    # another name asked: the pronoun is not theirs
    assert not _opens_on_named(_sentence(ev, 1), ev, {"ORG": {"voss"}})
    # no pronoun opening: the sentence names its own subject
    assert not _opens_on_named(_sentence(ev, 2), ev, {"ORG": {"quill"}})
