"""A later part asking who holds a role ("..., and who was the reporter?") whose best sentence an
earlier part already showed, naming no one beside the role noun, takes the sentence that names
the role's holder beside it (invented text; the parse is set by hand)."""

from __future__ import annotations

from assistant.answer.backends.extractive.parts import _role_holder_for_part
from assistant.answer.backends.extractive.speakers import _role_asked
from assistant.answer.ranker import Scored
from assistant.types import Context, Evidence
from tests.contexts import lines_passage

QUESTION = "The mayor's aide was accused of pushing a Gazette reporter. In which town did it happen, and who was the reporter?"
PART = "The mayor's aide was accused of pushing a Gazette reporter. who was the reporter?"
TEXT = (
    "On Monday in Millbrook, the mayor's aide, Tom Vance, pushed a Gazette reporter as she asked about the budget.\n"
    "The ad shows the alleged shove of Gazette reporter Ann Marlow by Tom Vance, the mayor's aide.\n"
    "Ben Ostrow, a Gazette editor, said the paper would file a complaint."
)


def _scored(ev: Evidence, k: int, prob: float) -> Scored:
    sp = ev.sentences[k]
    return Scored(n=1, span=sp, text=ev.at(sp.start, sp.end), features={}, prob=prob, kinds={"person"})


def _context() -> tuple[Context, list[Scored]]:
    ev = lines_passage("d", TEXT, 0, ["Tom Vance", "Ann Marlow", "Ben Ostrow"])
    ctx = Context(question=QUESTION, evidence=[ev])
    return ctx, [_scored(ev, 0, 0.99), _scored(ev, 2, 0.98), _scored(ev, 1, 0.97)]


def test_who_was_the_role_asks_for_the_roles_holder() -> None:
    assert _role_asked(PART) == "reporter"
    assert _role_asked("Which reporter asked the question?") == "reporter"
    assert _role_asked("Who was the first to speak?") is None


def test_a_shown_sentence_naming_no_one_beside_the_role_gives_way_to_the_one_that_does() -> None:
    ctx, fitting = _context()
    best = fitting[0]
    used = {(best.n, best.span.start)}
    got = _role_holder_for_part(ctx, PART, best, fitting, used, 0.3)
    # not the editor named beside another role, but the reporter named beside "reporter"
    assert got is not None and "Ann Marlow" in got.text
    # a sentence under the threshold does not answer
    assert _role_holder_for_part(ctx, PART, best, fitting, used, 0.985) is None
    # a part asking no role keeps the shown sentence
    assert (
        _role_holder_for_part(
            ctx, PART.replace("who was the reporter", "when was it"), best, fitting, used, 0.3
        )
        is None
    )


def test_a_shown_sentence_naming_the_holder_beside_the_role_stands() -> None:
    ctx, fitting = _context()
    best = fitting[2]  # "Gazette reporter Ann Marlow"
    used = {(best.n, best.span.start)}
    assert _role_holder_for_part(ctx, PART, best, fitting, used, 0.3) is None
