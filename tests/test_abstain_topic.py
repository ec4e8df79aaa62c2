"""A person's words asked on a topic their article never reaches (issue 16, item 2;
unans13b), on invented text: the topic of "what did X say about <topic>" is read up to
the occasion or venue after it, and the answer abstains when no text its article gives
holds a word of it -- but answers when the article speaks of the topic, even in other
words than the sentence it shows, and leaves the parts of a multi-part question alone."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from assistant.nlp.claims import CANNOT_ANSWER
from tests.contexts import context


def test_the_topic_ends_where_the_occasion_or_venue_begins() -> None:
    assert asked.topic_asked("What did Dana Quill say about the new bridge toll on Morning Radio?") == {
        "new",
        "bridge",
        "toll",
    }
    # "to", "from", "with" take the topic's own complement
    assert asked.topic_asked("What did Quill tell reporters about being moved to the harbor office?") >= {
        "mov",
        "harbor",
        "office",
    }
    # the speaker's own words are not the topic
    assert asked.topic_asked("What did Quill say about Quill's budget?") == {"budget"}
    # a dotted abbreviation is one word, as tokenize reads the articles ("D.C." -> "dc")
    assert asked.topic_asked("What did Quill say about D.C. becoming a state?") == {"dc", "becom", "state"}


def test_only_a_what_ask_of_someones_words_has_a_topic() -> None:
    assert asked.topic_asked("Who said the toll was too high when asked about the bridge?") == set()
    assert asked.topic_asked("What did Quill say when asked about the bridge toll?") == set()
    assert asked.topic_asked("What did Quill say at the meeting?") == set()
    assert asked.topic_asked("How many people asked about the toll?") == set()


def test_a_topic_word_or_a_longer_word_of_its_family_touches_it() -> None:
    topic = asked.topic_asked("What did Quill say about the ferry's employment rules?")
    assert asked.touches_topic("The ferry hired two new employees.", topic)
    assert asked.touches_topic("Nobody was employed there last year.", topic)
    assert not asked.touches_topic("The council met on Monday to vote on the budget.", topic)


TOWN = (
    "Harbor Gazette\n\n"
    'Council member Dana Quill defended the budget on Monday. "We kept every library open '
    'and every pool staffed," Quill said at the council meeting.\n\n'
    "Residents applauded the decision, and the vote passed seven to two.\n"
)


def test_extractive_abstains_when_the_article_never_speaks_of_the_topic() -> None:
    doc = "harbor_gazette"
    items = [(doc, TOWN, "Council member Dana Quill defended")]
    question = "What did Dana Quill say about the ferry schedule?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "do not speak of the ferry schedule" in got.text
    # the topic the article does speak of: answered, though the shown sentence may
    # paraphrase it ("every library open" for "the budget")
    on_topic = "What did Dana Quill say about the budget?"
    answered = ExtractiveBackend().answer(context(on_topic, items)[0])
    assert not answered.abstained and "library" in answered.text, answered.text


def test_a_part_of_a_multi_part_question_is_left_to_the_other_checks() -> None:
    doc = "harbor_gazette"
    items = [(doc, TOWN, "Council member Dana Quill defended")]
    question = "What did Dana Quill say about the ferry schedule, and how did the vote go?"
    got = ExtractiveBackend().answer(context(question, items)[0])
    assert "do not speak of the ferry schedule" not in got.text, got.text


def test_a_passage_naming_the_person_and_the_topic_leaves_the_answer_to_the_ranker() -> None:
    from assistant.answer.backends.extractive import _topic_untouched
    from assistant.answer.ranker import rank

    question = "What did Dana Quill say about the ferry schedule?"
    doc = "harbor_gazette"
    others = {
        # the topic, with the person asked: the evidence may hold the words asked for
        "Dana Quill grew up near the old ferry dock.": False,
        # the topic, but nobody names the person asked with it: still no answer
        "Harbor pilots said the ferry schedule will change in June.": True,
    }
    for other, abstains in others.items():
        items = [
            (doc, TOWN, "Council member Dana Quill defended"),
            ("coast_weekly", f"Coast Weekly\n\n{other}\n", other),
        ]
        ctx = context(question, items)[0]
        # the town article's sentences, which never speak of the ferry, as the answer
        town = [c for c in rank(ctx, None) if ctx.evidence[c.n - 1].doc_id == doc][:2]
        why = _topic_untouched(ctx, question, town)
        assert (why is not None) == abstains, (other, why)


def test_a_topic_with_a_name_is_told_apart_from_a_common_noun_topic() -> None:
    # round 19 (abstain19): news repeats a name as it is, where it paraphrases a common noun
    assert asked.topic_named("What did Dana Quill say about the Northfield Bridge?")
    assert asked.topic_named("What did Quill say about Mayor Roe's ferry plan during the debate?")
    assert not asked.topic_named("What did Dana Quill say about the new bridge toll on Morning Radio?")
    # the speaker's own name in the topic is no name asked about
    assert not asked.topic_named("What did Quill say about Quill's budget?")
    assert not asked.topic_named("What did Quill say at the meeting?")


BRIDGE = (
    "Harbor Gazette\n\n"
    'Council member Dana Quill defended the budget on Monday. "We kept every library open '
    'and every pool staffed," Quill said at the council meeting.\n\n'
    "Harbor pilot Lena Marsh said the Northfield Bridge had been closed to trucks for a "
    "month, and that the detour cost her crew two hours a day.\n"
)


def _quills_words(question: str, text: str) -> str | None:
    """Why ``_topic_untouched`` refuses the question when the sentences shown are Quill's
    (the first passage's), over the whole invented article as evidence."""
    from assistant.answer.backends.extractive import _topic_untouched
    from assistant.answer.ranker import rank

    doc = "harbor_gazette"
    items = [(doc, text, "Council member Dana Quill defended"), (doc, text, "Harbor pilot Lena Marsh")]
    ctx = context(question, items)[0]
    first = ctx.evidence[0]
    quills = [c for c in rank(ctx, None) if ctx.evidence[c.n - 1] is first][:2]
    assert quills, "no sentence of Quill's passage ranked"
    return _topic_untouched(ctx, question, quills)


def test_a_named_topic_only_anothers_words_hold_is_no_answer_from_the_askeds_words() -> None:
    # the article names the bridge, in the pilot's words; Quill speaks of the budget only
    why = _quills_words("What did Dana Quill say about the Northfield Bridge?", BRIDGE)
    assert why is not None and "do not speak of the Northfield Bridge" in why, why
    assert "Dana Quill's words" in why, why


def test_a_named_topic_in_the_askeds_own_words_stands() -> None:
    spoken = BRIDGE.replace(
        'staffed," Quill said at the council meeting.',
        'staffed," Quill said at the council meeting. She said the Northfield Bridge would reopen in May.',
    )
    assert "Northfield Bridge would reopen" in spoken
    assert _quills_words("What did Dana Quill say about the Northfield Bridge?", spoken) is None


def test_a_common_noun_topic_anothers_words_hold_is_left_to_the_ranker() -> None:
    # "the detour" is a common noun: Quill's words may paraphrase it, so the answer stands
    assert _quills_words("What did Dana Quill say about the detour?", BRIDGE) is None
