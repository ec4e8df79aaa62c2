"""The asked-for detail in a restatement of the best sentence, and a year asked for
(issue 16, gold10), on invented text: news repeats a statement with the detail added ("He
will also attend the gala on Thursday" after "He is also scheduled to attend the gala"),
and "next year" in an article without a date does not say which year."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends import extractive
from assistant.answer.backends.extractive import Candidate, ExtractiveBackend, _restating, _weak_fit
from assistant.answer.ranker import load_weights, rank
from assistant.settings import AnswerSettings
from assistant.types import Context
from tests.contexts import context, lines_passage

GALA_A = (
    "Northport Daily\n\n"
    "Councillor Mira Okafor arrived in Eastvale on Tuesday for a week of talks with the port "
    "authority.\n\n"
    "During her visit, which began on Tuesday, Mira Okafor plans to meet shipping firms. She is also "
    "scheduled to attend the Eastvale Harvest Gala, a yearly dinner for civic leaders from "
    "across the region.\n"
)
GALA_B = (
    "Valley Gazette\n\n"
    "Councillor Mira Okafor, a former union organiser, is in Eastvale this week to press for "
    "a new ferry route.\n\n"
    "The Northport councillor says she wants to meet the port's largest employers. She will "
    "also attend the Eastvale Harvest Gala in the city on Thursday, a dinner that draws "
    "hundreds of guests.\n"
)
QUESTION = "On which day is Okafor due at the Eastvale Harvest Gala?"


def _gala() -> Context:
    """The two paragraphs as retrieval gives them: the restatement's chunk less similar to
    the question and scored lower than the best sentence's (e5 cosines and scores set as the
    retriever would, so the ranker sees both features)."""
    items = [("northport_daily", GALA_A, "scheduled to attend"), ("valley_gazette", GALA_B, "also attend")]
    ctx = context(QUESTION, items)[0]
    sims = {}
    for ev, needle, sim in ((ctx.evidence[0], "scheduled", 0.9), (ctx.evidence[1], "Thursday", 0.83)):
        sp = next(s for s in ev.sentences if needle in ev.text[s.start - ev.start : s.end - ev.start])
        sims[f"{ev.doc_id}:{sp.start}"] = sim
    second = ctx.evidence[1].model_copy(update={"score": 0.75})
    return ctx.model_copy(update={"similarity": sims, "evidence": [ctx.evidence[0], second]})


def test_a_restatement_holding_the_day_answers_for_the_best_sentence() -> None:
    ctx = _gala()
    threshold = float(load_weights()["threshold"])
    cands = rank(ctx)
    fitting = [c for c in cands if extractive._has_wanted(c, "day", QUESTION, ctx)]
    assert fitting and "Thursday" in fitting[0].text and "Thursday" not in cands[0].text
    assert cands[0].prob >= threshold and _weak_fit(fitting, cands, threshold, AnswerSettings().wanted_ratio)
    restated = _restating(fitting, cands, threshold)
    assert restated[0].span == fitting[0].span and restated[0].prob == cands[0].prob
    assert not _weak_fit(restated, cands, threshold, AnswerSettings().wanted_ratio)
    got = ExtractiveBackend().answer(ctx)
    assert not got.abstained and "on Thursday" in got.text, got.text


def test_a_sentence_about_something_else_is_no_restatement() -> None:
    ctx = _gala()
    threshold = float(load_weights()["threshold"])
    cands = rank(ctx)
    # the visit's sentence gives a day but not the gala the best sentence is about
    other = [c for c in cands if "began on Tuesday" in c.text]
    assert other and other[0].coverage < cands[0].coverage
    assert _restating(other, cands, threshold) == other
    # the best sentence itself holding the thing: nothing to restate
    assert _restating(cands, cands, threshold) == cands


def test_a_year_is_asked_and_given() -> None:
    assert asked.wants_year("In what year does the treaty face its review?")
    assert asked.wants_year("Which year did the mill close?")
    assert not asked.wants_year("On which day did the mill close?")
    assert asked.holds_year("The treaty faces its review in 2031.")
    assert not asked.holds_year("The review is scheduled to start next year.")
    assert asked.holds_year("The review is scheduled to start next year.", "next year (2031)")
    assert not asked.holds_year("The review starts next year.", "next year (the article gives no date)")


def test_next_year_without_a_date_does_not_answer_in_what_year() -> None:
    text_a = (
        "Harbour Times\n\n"
        "The ministry billed the talks as preparation for the first review of the river treaty, "
        "which is scheduled to start next year.\n"
    )
    text_b = (
        "Coastal Record\n\n"
        "In her letter, she urged cooperation on the river treaty as it approaches its first "
        "review in 2031.\n"
    )
    items = [("harbour_times", text_a, "scheduled to start"), ("coastal_record", text_b, "approaches")]
    got = ExtractiveBackend().answer(
        context("In what year does the river treaty face its first review?", items)[0]
    )
    assert not got.abstained and "2031" in got.text.splitlines()[0], got.text


LETTER = (
    "Harbour Times\n\n"
    "Opposition leader Tom Reyes wrote a sharp letter to Mayor Lena Brandt ahead of her trip to "
    "Eastvale, saying she must come back with a ferry deal. “If you come back with excuses, you "
    "will have failed our dock workers,” Reyes said.\n"
)
VISIT = (
    "Valley Gazette\n\n"
    "Councillor Mira Okafor travelled to Eastvale this week to meet port officials about a new "
    "ferry route.\n"
)


def _letter(question: str, items: list[tuple[str, str, str]]) -> Context:
    """The letter's chunk the most similar to the question, as retrieval gives it."""
    ctx = context(question, items)[0]
    sims = {
        f"{ev.doc_id}:{sp.start}": 0.9 if ev.doc_id == "harbour_times" else 0.8
        for ev in ctx.evidence
        for sp in ev.sentences
    }
    return ctx.model_copy(update={"similarity": sims})


def test_about_whom_reads_the_person_a_say_about_question_names() -> None:
    assert asked.about_whom("What did Tom Reyes say about Mira Okafor's trip?") == "Mira Okafor"
    assert asked.about_whom("What did Reyes say about Okafor being briefed?") == "Okafor"
    assert asked.about_whom("What did Reyes say about the trip?") is None


def test_words_from_an_article_that_never_names_the_person_asked_about_are_no_answer() -> None:
    items = [("harbour_times", LETTER, "sharp letter"), ("valley_gazette", VISIT, "travelled")]
    got = ExtractiveBackend().answer(
        _letter("What did Tom Reyes say about Mira Okafor's trip to Eastvale?", items)
    )
    assert got.abstained and "do not mention Mira Okafor" in got.text, got.text
    # his words on the mayor's trip, which the letter's article is about, still answer
    mayor = ExtractiveBackend().answer(
        _letter("What did Tom Reyes say about Lena Brandt's trip to Eastvale?", items)
    )
    assert not mayor.abstained and "failed our dock workers" in mayor.text, mayor.text


def test_quoted_phrase_reads_a_short_phrase_in_single_or_double_marks() -> None:
    assert asked.quoted_phrase("Who referred to the mayor as a 'landlord' on the radio?") == "landlord"
    assert asked.quoted_phrase("Who called the ferry plan a “sinking ship”?") == "sinking ship"
    assert asked.quoted_phrase("On what day did Reyes attack Brandt's comments on Okafor's show?") is None
    assert asked.quoted_phrase('Who said "we will build the ferry ourselves"?') is None  # a quotation
    assert asked.quotes_phrase("Reyes again called Brandt “landlord” on the radio.", "landlord")
    assert not asked.quotes_phrase("Brandt met several landlords on Monday.", "landlord")


def test_the_sentence_quoting_the_asked_word_answers_who_used_it() -> None:
    text_a = (
        "Harbour Times\n\n"
        "Mayor Lena Brandt, standing with several harbour landlords on Monday, said she wants a "
        "fair deal for the mayor's office and the port.\n"
    )
    text_b = (
        "Valley Gazette\n\n"
        "Last week Tom Reyes again lashed out on the radio, calling the mayor “landlord” and "
        "threatening a recall vote.\n"
    )
    items = [("harbour_times", text_a, "harbour landlords"), ("valley_gazette", text_b, "lashed out")]
    ctx = context("Who referred to the mayor as a 'landlord' on the radio?", items)[0]
    sims = {
        f"{ev.doc_id}:{sp.start}": 0.9 if ev.doc_id == "harbour_times" else 0.85
        for ev in ctx.evidence
        for sp in ev.sentences
    }
    ctx = ctx.model_copy(update={"similarity": sims})
    threshold = float(load_weights()["threshold"])
    cands = rank(ctx)
    assert "harbour landlords" in cands[0].text and min(c.prob for c in cands[:2]) >= threshold
    got = ExtractiveBackend().answer(ctx)
    assert not got.abstained and got.text.splitlines()[0].startswith(("Tom Reyes", "Last week Tom Reyes")), (
        got.text
    )


def test_an_answer_opening_with_a_pronoun_says_whom_it_is_about() -> None:
    ctx = _gala().model_copy(update={"question": "What yearly dinner is Okafor attending in Eastvale?"})
    got = ExtractiveBackend().answer(ctx)
    first = got.text.splitlines()[0]
    assert not got.abstained and "Harvest Gala" in first, got.text
    # named beside the pronoun, not as the speaker: the sentence is the writer's, not hers
    assert first.startswith(("She [Okafor] ", "She [Mira Okafor] ")), got.text


def test_a_pronouns_own_words_are_labelled_with_the_person_before_it() -> None:
    ev = lines_passage(
        "harbour",
        "Councillor Ines Marlow toured the dock on Monday.\nShe argued the cranes were unsafe.\n"
        "She is also due at the port board on Friday.",
        0,
        ["Ines Marlow"],
    )
    said, did = (Candidate(1, sp, ev.at(sp.start, sp.end), 1.0, 1.0) for sp in ev.sentences[1:3])
    assert extractive.sentence_speaker(said, ev, []) == "Ines Marlow"
    assert extractive.sentence_speaker(did, ev, []) is None  # what she does, not what she says
    body = ev.at(did.span.start, did.span.end)
    assert (
        extractive._name_pronoun(body, did, ev)
        == "She [Ines Marlow] is also due at the port board on Friday."
    )
    assert extractive._name_pronoun("Marlow is due there.", did, ev) == "Marlow is due there."


def test_a_name_whose_entity_stops_inside_a_nickname_is_shown_whole() -> None:
    # spaCy's PERSON can stop inside a quoted nickname; a label with its mark left open
    # pairs with nothing and the verifier would drop the line it leads
    text = "Marine Ana “Rocky” Pires led the convoy that night.\nShe said the convoy was never warned."
    ev = lines_passage("convoy", text, 0, ["Marine Ana “Rocky"])
    said = Candidate(1, ev.sentences[1], ev.at(ev.sentences[1].start, ev.sentences[1].end), 1.0, 1.0)
    assert extractive.sentence_speaker(said, ev, []) == "Marine Ana “Rocky” Pires"
    cut = lines_passage(
        "convoy", "Marine Ana “Rocky led the convoy.\nShe said it was late.", 0, ["Marine Ana “Rocky"]
    )
    late = Candidate(1, cut.sentences[1], cut.at(cut.sentences[1].start, cut.sentences[1].end), 1.0, 1.0)
    assert (
        extractive.sentence_speaker(late, cut, []) == "Marine Ana Rocky"
    )  # no surname after: marks left out


def test_a_quoted_title_opening_narration_is_not_the_speakers_words_going_on() -> None:
    assert extractive._bare_quotation("“We will rebuild the pier.”")
    assert extractive._bare_quotation("“We will rebuild the pier,” she added.")
    assert extractive._bare_quotation("“We will rebuild it,” the former harbour aide said in an interview.")
    assert not extractive._bare_quotation("“The Long Count” was nominated for a prize at the festival.")
    assert not extractive._bare_quotation("“The pier will stand,” an angry Marlow retaliated at the dock.")
