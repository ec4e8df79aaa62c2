"""A named thing of a kind asked, none named (round 17, abstain17), on invented text: "In
which city did X ...?" is not answered by a sentence that tells the event without a place;
the same question is answered when the sentence names the city, and a name the tagger does
not know ("Quillfeather reported ...") still counts as one."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend, checks
from assistant.answer.ranker import rank
from assistant.nlp.claims import CANNOT_ANSWER
from assistant.types import Draft
from tests.contexts import context, refused_then_answered


def _answer(question: str, items: list[tuple[str, str, str]]) -> Draft:
    """The extractive backend's answer to ``question`` over the invented articles ``items``."""
    return ExtractiveBackend().answer(context(question, items)[0])


def test_a_which_or_what_noun_of_a_kind_asks_for_a_named_thing() -> None:
    city = asked.typed_ask("In which city did the senator accept the medal?")
    assert city is not None and city[0] == "city" and "GPE" in city[1]
    state = asked.typed_ask("In which swing state does the campaign plan to rally voters?")
    assert state is not None and state[0] == "state"
    party = asked.typed_ask("Which party is the moderator registered with?")
    assert party is not None and party[0] == "party" and {"NORP", "ORG"} <= party[1]
    country = asked.typed_ask("Which country is suspected of the break-in?")
    assert country is not None and "NORP" in country[1]  # "Ruritanian hackers"
    firms = asked.typed_ask("Which firms left the harbor?")
    assert firms is not None and firms[0] == "firm"
    # round 34: a court, a charity, a team, a station, a website, a maker, a mosque
    court = asked.typed_ask("Which Ruritanian court gave the hacker his sentence?")
    assert court is not None and court[0] == "court" and "ORG" in court[1]
    mosque = asked.typed_ask("Which mosque in the harbor district did the mayor visit?")
    assert mosque is not None and mosque[0] == "mosque"
    # the ask after a statement before it
    assert asked.typed_ask("The mayor toured the coast. Which town did she visit first?") is not None
    # the kind modifying a role noun asks for a person by role: "Which party chairman ..."
    assert asked.typed_ask("Which party chairman said the ferry fares would rise?") is None
    assert asked.role_which("Which party chairman said the ferry fares would rise?") == "chairman"


def test_a_places_thing_asks_for_the_place() -> None:
    """ "Which four states' primaries ...", "Which state's delegation ...": the place is asked
    (round 40); a role after it asks a person, an auxiliary before it no place."""
    four = asked.typed_ask("Which four states' primaries did the senator lose?")
    assert four is not None and four[0] == "state"
    one = asked.typed_ask("Which state's delegation led the boos?")
    assert one is not None and one[0] == "state"
    assert asked.typed_ask("Which country's leader met the mayor?") is None
    assert asked.typed_ask("What might the Harbor state's delegation do?") is None


def test_a_plural_in_ies_asks_for_its_noun() -> None:
    """The noun's plural is read by the lexical stemmer, "-ies" plurals too."""
    cities = asked.typed_ask("In which cities did the senator rally supporters?")
    assert cities is not None and cities[0] == "city" and "GPE" in cities[1]
    parties = asked.typed_ask("Which parties backed the ferry bill?")
    assert parties is not None and parties[0] == "party" and {"NORP", "ORG"} <= parties[1]
    countries = asked.typed_ask("What countries signed the harbor pact?")
    assert countries is not None and countries[0] == "country" and "NORP" in countries[1]
    agencies = asked.typed_ask("Which news agencies reported the vote?")
    assert agencies is not None and agencies[0] == "agency"
    # the stemmer's reading of a verb form is no plural of the noun
    assert asked.typed_ask("Which networking event did the senator attend?") is None
    assert asked.typed_ask("What partied crowd cheered the senator?") is None
    assert asked.typed_noun("cities") == "city" and asked.typed_noun("partying") is None


def test_a_noun_that_is_no_ask_for_a_named_thing_of_its_kind() -> None:
    assert asked.typed_ask("What did the company say about the fares?") is None  # its words
    assert asked.typed_ask("Which company's chief resigned?") is None  # a possessive's head
    assert asked.typed_ask("Which University of Northfield economist said so?") is None  # a name
    assert asked.typed_ask("What is the state of the ferry talks?") is None
    assert asked.typed_ask("How many cities did the tour visit?") is None


RALLY = (
    "Coastal Ledger\n\n"
    "Senator Ada Voss accepted a replica medal from a veteran at a rally on Tuesday, and "
    "thanked the crowd for coming out in the rain.\n\n"
    "Her campaign said the medal would be displayed at her office.\n"
)


def test_extractive_abstains_when_the_sentences_name_no_city() -> None:
    items = [("coastal_ledger", RALLY, "Senator Ada Voss accepted a replica medal")]
    question = "In which city did Ada Voss accept the replica medal from a veteran?"
    got = _answer(question, items)
    assert got.abstained and got.text.startswith(CANNOT_ANSWER), got.text
    assert "do not name the city asked for" in got.text, got.text


def test_extractive_abstains_when_the_sentences_name_none_of_the_cities() -> None:
    items = [("coastal_ledger", RALLY, "Senator Ada Voss accepted a replica medal")]
    got = _answer("In which cities did Ada Voss accept a replica medal from a veteran?", items)
    assert got.abstained and "do not name the city asked for" in got.text, got.text
    placed = RALLY.replace("at a rally on Tuesday", "at a rally in Dayton on Tuesday")
    items = [("coastal_ledger", placed, "Senator Ada Voss accepted a replica medal")]
    got = _answer("In which cities did Ada Voss accept a replica medal from a veteran?", items)
    assert not got.abstained and "Dayton" in got.text, got.text


def test_extractive_answers_when_the_sentence_names_the_city() -> None:
    placed = RALLY.replace("at a rally on Tuesday", "at a rally in Dayton on Tuesday")
    items = [("coastal_ledger", placed, "Senator Ada Voss accepted a replica medal")]
    question = "In which city did Ada Voss accept the replica medal from a veteran?"
    got = _answer(question, items)
    assert not got.abstained, got.text
    assert "Dayton" in got.text, got.text
    # the question that asks no kind of thing is answered by the sentence the city ask refused
    plain = _answer(
        "What did Ada Voss accept from a veteran?", [("coastal_ledger", RALLY, "Senator Ada Voss")]
    )
    assert not plain.abstained and "replica medal" in plain.text, plain.text


def test_a_name_the_tagger_leaves_untagged_counts_as_one() -> None:
    text = (
        "Harbor Notes\n\n"
        "Quillfeather rated the mayor's claim about ferry fares false on Monday, after a week "
        "of checking the harbor board's records.\n"
    )
    items = [("harbor_notes", text, "rated the mayor's claim")]
    question = "Which fact-checking outlet rated the mayor's claim about ferry fares false?"
    got = _answer(question, items)
    assert not got.abstained, got.text
    assert "Quillfeather" in got.text, got.text


def test_a_place_the_kind_lies_in_may_modify_the_kind_noun() -> None:
    # round 18 (abstain18): "In which <Place> town" asks for a town, as "In which town" does
    town = asked.typed_ask("In which Ruritania town did the senator rally supporters?")
    assert town is not None and town[0] == "town", town
    towns = asked.typed_ask("In which North Ruritania towns did the governor campaign?")
    assert towns is not None and towns[0] == "town", towns


RUR = (
    "Valley Courier\n\n"
    "Senator Ada Voss spoke at a rally with supporters in Ruritania on Tuesday, and promised "
    "to return before the vote.\n\n"
    "Her campaign said more events were planned.\n"
)


def test_the_place_the_question_names_is_no_answer_to_which_town_in_it() -> None:
    items = [("valley_courier", RUR, "Senator Ada Voss spoke at a rally")]
    question = "In which Ruritania town did Ada Voss speak at a rally with supporters?"
    got = _answer(question, items)
    assert got.abstained and "do not name the town asked for" in got.text, got.text


def test_a_name_sharing_a_word_with_the_question_still_names_one() -> None:
    # "Harbor News" names an outlet for "Which news outlet ...", though "news" is the question's
    # word: a name with a word of its own counts (before round 18 any shared word disqualified it)
    text = (
        "Morning Brief\n\n"
        "The Harbor News reported on Monday that the ferry board had met in secret twice "
        "before the fare vote.\n"
    )
    items = [("morning_brief", text, "reported on Monday that the ferry board")]
    question = "Which news outlet reported that the ferry board had met in secret?"
    got = _answer(question, items)
    assert not got.abstained, got.text
    assert "Harbor News" in got.text, got.text


def test_a_party_named_by_itself_names_no_company_or_network() -> None:
    """ "the GOP field" names a party: it answers "which party", not "which polling firm"."""
    text = (
        "Harbor Notes\n\n"
        "According to a recent survey of Ruritania voters, Dana Quill drew 30% of the vote, "
        "leading the GOP field by eight points.\n"
    )
    items = [("harbor_notes", text, "leading the GOP field")]
    got = _answer("Which polling firm ran the recent Ruritania survey that put Quill ahead?", items)
    assert got.abstained and "do not name the firm asked for" in got.text, got.text
    named = text.replace("a recent survey", "a recent Brightline Research survey")
    got = _answer(
        "Which polling firm ran the recent Ruritania survey that put Quill ahead?",
        [("harbor_notes", named, "leading the GOP field")],
    )
    assert not got.abstained and "Brightline" in got.text, got.text


def test_a_pronouns_contraction_names_no_city() -> None:
    """ "I'd be ..." opens with a capital and an apostrophe: no untagged name (round 34)."""
    text = (
        "Coastal Ledger\n\n"
        "“I’d be honored to keep it,” Senator Ada Voss said as she accepted a replica medal "
        "from a veteran at a rally on Tuesday.\n"
    )
    refused_then_answered(
        "In which city did Ada Voss accept the replica medal from a veteran?",
        "coastal_ledger",
        text,
        "Senator Ada Voss said as she accepted a replica medal",
        "do not name the city asked for",
        ("at a rally on Tuesday", "at a rally in Dayton on Tuesday"),
        "Dayton",
    )


def test_a_state_a_country_or_an_organisation_names_no_city() -> None:
    """Round 37: "In which Ohio city ...?" is not answered by "in Ohio" nor by another state
    or country ("the United States"), nor by an organisation's name the small tagger labels ORG
    as it labels towns it does not know ("the Harbor Foundation"); "in Dayton" answers it."""
    assert checks._other_grade("city", "the United States", "GPE")
    assert checks._other_grade("town", "Ohio", "GPE")
    assert checks._other_grade("city", "the Harbor Foundation", "ORG")
    assert checks._other_grade("city", "the Harbor Trade and Investment Partnership", "ORG")  # round 40
    assert checks._other_grade("state", "Pakistan", "GPE")
    assert checks._other_grade("country", "Ohio", "GPE")
    assert not checks._other_grade("city", "New York", "GPE")  # a city of that name too
    assert not checks._other_grade("city", "Dayton", "ORG")
    assert not checks._other_grade("state", "Ohio", "GPE")
    assert not checks._other_grade("company", "the Harbor Foundation", "ORG")
    text = (
        "Coastal Ledger\n\n"
        "Senator Ada Voss told a rally in Ohio on Tuesday that the United States should "
        "rebuild its ports, after a dinner for the Harbor Foundation.\n"
    )
    items = [("coastal_ledger", text, "Senator Ada Voss told a rally")]
    question = "In which Ohio city did Ada Voss tell a rally that the ports should be rebuilt?"
    got = _answer(question, items)
    assert got.abstained and "do not name the city asked for" in got.text, got.text
    named = text.replace("a rally in Ohio", "a rally in Dayton, Ohio,")
    got = _answer(question, [("coastal_ledger", named, "Senator Ada Voss told a rally")])
    assert not got.abstained and "Dayton" in got.text, got.text


def test_capitals_that_open_a_sentence_or_go_on_a_name_name_no_place() -> None:
    """A sentence's first word capitalised as such ("Losing ...", "Meanwhile ..."), a title
    ("Mrs."), or the rest of a name the tagger labelled no place ("the Islamic State") names
    no town; an untagged name inside the sentence still does ("Quillfeather ...")."""
    text = (
        "Coastal Ledger\n\n"
        "Losing a close race, Mrs. Voss, who said oil fields seized by the Islamic State must "
        "be retaken, thanked supporters at a rally on Tuesday.\n"
    )
    items = [("coastal_ledger", text, "Losing a close race")]
    question = "In which town did Ada Voss thank supporters at a rally?"
    got = _answer(question, items)
    assert got.abstained and "do not name the town asked for" in got.text, got.text
    named = text.replace("at a rally on Tuesday", "at a rally in Quillfeather on Tuesday")
    got = _answer(question, [("coastal_ledger", named, "Losing a close race")])
    assert not got.abstained and "Quillfeather" in got.text, got.text


def test_where_in_a_named_place_asks_for_a_place_within_it() -> None:
    """ "Where in Dayton ...?" asks a named place within Dayton (round 37): "in Dayton" alone
    does not answer it, "at Harbor Hall in Dayton" does; "Where in the polls ...?" asks none."""
    place = asked.typed_ask("Where in Dayton will the memorial service be held?")
    assert place is not None and place[0] == "place" and "FAC" in place[1]
    assert asked.typed_ask("Where in the polls does Ada Voss stand?") is None
    assert asked.typed_ask("Where did Ada Voss speak?") is None
    text = "Coastal Ledger\n\nA public memorial service for the senator is planned Friday in Dayton.\n"
    question = "Where in Dayton will the public memorial service for the senator be held?"
    got = _answer(question, [("coastal_ledger", text, "A public memorial service")])
    assert got.abstained and "do not name the place asked for" in got.text, got.text
    named = text.replace("in Dayton", "at the Harbor Arena in Dayton")
    got = _answer(question, [("coastal_ledger", named, "A public memorial service")])
    assert not got.abstained and "Harbor Arena" in got.text, got.text


def test_the_name_of_someones_kin_is_given_beside_the_kin_noun() -> None:
    """Round 37: "What is the name of Ada Voss's husband?" is answered by a name beside
    "husband" ("her husband, Tomas Reyes"), not by a sentence naming others ("the cousin of
    Ada Voss" names the one the cousin is of)."""
    assert asked.kin_asked("What is the name of Ada Voss's husband?") == "husband"
    assert asked.kin_asked("What was the name of the senator's sons?") == "son"
    assert asked.kin_asked("What is the name of the ferry company?") is None
    assert asked.kin_asked("What is the name of Voss's campaign manager?") == "manager"  # a role
    text = (
        "Coastal Ledger\n\n"
        "Senator Ada Voss voted early on Tuesday with her campaign chair, Dana Quill, at the "
        "harbor school.\n"
    )
    question = "What is the name of Ada Voss's husband?"
    got = _answer(question, [("coastal_ledger", text, "Senator Ada Voss voted early")])
    assert got.abstained, got.text
    named = text.replace("with her campaign chair, Dana Quill,", "with her husband, Tomas Reyes,")
    got = _answer(question, [("coastal_ledger", named, "Senator Ada Voss voted early")])
    assert not got.abstained and "Tomas Reyes" in got.text, got.text


def test_the_name_of_a_person_described_is_given_beside_the_noun() -> None:
    """Round 48: "What was the name of the exchange student who questioned Voss?" is answered
    by a name beside "student", not by a sentence on the student that names only others; a
    child is named as a son or a daughter, so "child" is not read so."""
    question = "What was the name of the former exchange student who questioned Senator Voss?"
    assert asked.kin_asked(question) == "student"
    assert asked.kin_asked("What is the name of Ada Voss's first child?") is None
    text = (
        "Coastal Ledger\n\n"
        "At the town hall, a young woman who had been an exchange student in Lisbon asked Senator Ada "
        "Voss whether Dana Quill or Tomas Reyes would follow her into office.\n"
    )
    got = _answer(question, [("coastal_ledger", text, "At the town hall")])
    assert got.abstained and "the student" in got.text, got.text
    named = text.replace(
        "a young woman who had been an exchange student in Lisbon", "exchange student Mia Lund"
    )
    got = _answer(question, [("coastal_ledger", named, "At the town hall")])
    assert not got.abstained and "Mia Lund" in got.text, got.text


def test_a_title_asked_is_a_works_name_in_title_case_or_a_named_work() -> None:
    """Round 37: "What is the title of Voss's book?" asks a name: "her new book boasts of her
    record" gives none; "her book “Harbor of Hope”" does."""
    assert asked.wants_name("What is the title of Ada Voss's new book?")
    assert asked.name_of_thing("What was the headline of her opinion piece?")
    text = "Coastal Ledger\n\nSenator Ada Voss's new book boasts of her record on the harbor.\n"
    question = "What is the title of Ada Voss's new book?"
    got = _answer(question, [("coastal_ledger", text, "Senator Ada Voss's new book")])
    assert got.abstained, got.text
    named = text.replace("new book boasts", "new book, “Harbor of Hope Returns,” boasts")
    got = _answer(question, [("coastal_ledger", named, "Senator Ada Voss's new book")])
    assert not got.abstained and "Harbor of Hope" in got.text, got.text


def test_the_candidate_a_named_one_chose_is_a_person_named_beside_them() -> None:
    """Round 37: "Which candidate did Gov. Dana Quill endorse?" is not answered by the
    governor's portrait or her own words, which name no one else; "Quill endorsed Ada Voss"
    answers it."""
    text = (
        "Coastal Ledger\n\nDana Quill, the governor of Ruritania, made her endorsement in the "
        "harbor primary on Tuesday, before the primary vote.\n"
    )
    question = "Which candidate did Dana Quill endorse in the harbor primary?"
    got = _answer(question, [("coastal_ledger", text, "Dana Quill, the governor")])
    assert got.abstained and "do not name the candidate asked for" in got.text, got.text
    named = text.replace("made her endorsement", "made her endorsement of Ada Voss")
    got = _answer(question, [("coastal_ledger", named, "Dana Quill, the governor")])
    assert not got.abstained and "Ada Voss" in got.text, got.text


def test_an_attribute_asked_by_its_noun_needs_the_noun() -> None:
    """Round 37: "What is the boiling point of harbor water?" is not answered by a sentence
    that only shares a word with it ("boil it down") and never speaks of the point asked;
    "The boiling point of harbor water is 101 degrees" answers."""
    text = "Coastal Ledger\n\n“Let’s boil it down to the harbor water,” Senator Ada Voss said of the vote.\n"
    question = "What is the boiling point of harbor water?"
    got = _answer(question, [("coastal_ledger", text, "Senator Ada Voss")])
    assert got.abstained and "do not give the boiling point asked for" in got.text, got.text
    told = "Coastal Ledger\n\nThe boiling point of harbor water is 101 degrees, Senator Ada Voss said.\n"
    got = _answer(question, [("coastal_ledger", told, "Senator Ada Voss")])
    assert not got.abstained and "101 degrees" in got.text, got.text


def test_a_later_mention_of_a_persons_surname_names_no_thing_of_the_kind() -> None:
    """ "Mayor Bill de Voss ... de Voss wrote": the tagger labels the bare surname an
    organisation (or leaves it untagged); it is the person, not a network (round 38)."""
    text = (
        "Harbor Notes\n\n"
        "With the vote looming, Mayor Bill de Voss on Monday stepped in: if the board would debate "
        'on May 4, de Voss wrote, "I will help you find a hall for the ferry debate."\n'
    )
    question = "Which network will broadcast the May 4 debate on ferry fares?"
    got = _answer(question, [("harbor_notes", text, "ferry")])
    assert got.abstained and "do not name the network asked for" in got.text, got.text
    named = text.replace("on May 4,", "on May 4 on NBC,")
    got = _answer(question, [("harbor_notes", named, "ferry")])
    assert not got.abstained and "NBC" in got.text, got.text


def test_an_untagged_capitalised_word_names_a_town_only_after_a_locative() -> None:
    """Round 39 ([locative_prepositions]): "a VIP rally" names no city; a town the tagger may
    miss is named after "in", "at", "from" ("a rally in Quillby")."""
    question = "In which city did Ada Voss accept the replica medal from a veteran?"
    vip = RALLY.replace("at a rally on Tuesday", "at a VIP rally on Tuesday")
    got = _answer(question, [("coastal_ledger", vip, "Senator Ada Voss accepted a replica medal")])
    assert got.abstained and "do not name the city asked for" in got.text, got.text
    town = RALLY.replace("at a rally on Tuesday", "at a rally in Quillby on Tuesday")
    got = _answer(question, [("coastal_ledger", town, "Senator Ada Voss accepted a replica medal")])
    assert not got.abstained and "Quillby" in got.text, got.text


def test_a_court_is_named_with_its_kind_word() -> None:
    """A court's name says "Court" ("the Ruritania District Court"): the company sued
    ("Quillfeather") is not the court asked for; a noun the kind modifies ("What court
    ruling ...") asks no court's name."""
    story = (
        "Harbor Gazette\n\n"
        "The Brookside families filed a lawsuit against Quillfeather on Monday, saying its ads "
        "misled buyers.\n"
    )
    refused_then_answered(
        "In which court did the Brookside families file their lawsuit against Quillfeather?",
        "harbor_gazette",
        story,
        "The Brookside families filed",
        "do not name the court asked for",
        ("on Monday", "in the Ruritania District Court on Monday"),
        "District Court",
    )
    assert not checks._kind_is_head("What court ruling did the families cite?", "court")
    assert checks._kind_is_head("In which court did they file?", "court")
    assert checks._kind_is_head("Which court ruled against the plan?", "court")


DONORS = (
    "Valley Courier\n\n"
    "Senator Ada Voss held a breakfast for supporters in Dayton on Monday. "
    "Her top donors were promised tickets to a rally and a private dinner with Voss on Friday.\n"
)


def test_a_city_the_sentence_before_names_is_not_where_the_sentence_speaks_of() -> None:
    # round 44: the sentences before a chosen one are read for the place only when it speaks
    # of a place they name ("there", "the city"); a breakfast in Dayton does not place the rally
    question = "In which city was the donors' rally with Voss to be held?"
    items = [("valley_courier", DONORS, "Her top donors were promised tickets")]
    got = _answer(question, items)
    assert got.abstained and "do not name the city asked for" in got.text, got.text
    there = DONORS.replace("a rally and a private dinner", "a rally there and a private dinner")
    got = _answer(question, [("valley_courier", there, "Her top donors were promised tickets")])
    assert not got.abstained and "a rally there" in got.text, got.text


def test_a_place_the_tagger_labels_a_person_in_one_sentence_is_a_place_it_labels_elsewhere() -> None:
    """Round 47: spaCy's small model labels "Quillby" a person in "During the Quillby town
    hall, ..." and a place in "Quillby, Ruritania": the town hall's sentence names the city."""
    hall = (
        "Coastal Ledger\n\n"
        "During the Quillby town hall, the host asked Ada Voss about the harbor wall. "
        "The town hall was held in Quillby, Ruritania, on Tuesday night.\n"
    )
    question = "In which city was the town hall where Ada Voss discussed the harbor wall held?"
    ctx, _ = context(question, [("coastal_ledger", hall, "During the Quillby town hall")])
    ev = ctx.evidence[0]
    first = ev.text.index("Quillby") + ev.start
    later = ev.text.index("Quillby", first - ev.start + 1) + ev.start
    tagged = [(s, e, label) for s, e, label in ev.entities if not s <= first < e and not s <= later < e]
    chosen = [c for c in rank(ctx, None, []) if "During the" in c.text]
    ev.entities = [*tagged, (first, first + 7, "PERSON")]
    unnamed = "the passages on this do not name the city asked for"
    assert checks._type_unnamed(ctx, question, chosen) == unnamed
    ev.entities = [*ev.entities, (later, later + 7, "GPE")]
    assert checks._type_unnamed(ctx, question, chosen) is None


def test_the_name_of_a_thing_reads_past_hyphened_adjectives_and_its_name_may_carry_its_noun() -> None:
    """Round 47: "the name of the pollster's own probability-based online panel" asks a thing's
    name (the head noun "panel", past the "-based" adjective); "the Harbor Trends Panel" names
    it though "panel" is the question's word; "Quillwater, a foundation that ..." names the
    foundation a clause after the noun asks of ("the foundation Ada and Ivo Voss started")."""
    question = "What is the name of the pollster's own probability-based online panel?"
    assert asked.name_of_thing(question)
    assert asked.name_of_thing("What is the name of the foundation Ada and Ivo Voss started?")
    assert asked.name_of_thing("What is the name of Roe's super PAC attacking Voss?")
    assert not asked.name_of_thing("What is the name of Roe's campaign manager?")
    assert asked.name_of_thing("What was the name of the short film Roe's campaign aired on radio?")
    text = (
        "Harbor Notes\n\n"
        "The pollster compared nine volunteer samples with its own online probability-based "
        "Harbor Trends Panel, whose members are chosen at random.\n"
    )
    got = _answer(question, [("harbor_notes", text, "volunteer samples")])
    assert not got.abstained and "Harbor Trends Panel" in got.text, got.text
    started = (
        "Coastal Ledger\n\n"
        "Ada and Ivo Voss moved to the coast in 2004. The couple started Quillwater, a foundation "
        "that funds harbor schools and ferry repairs.\n"
    )
    got = _answer(
        "What is the name of the foundation Ada and Ivo Voss started?",
        [("coastal_ledger", started, "The couple started")],
    )
    assert not got.abstained and "Quillwater" in got.text, got.text


def test_a_committee_is_a_kind_asked_and_a_role_after_it_asks_a_person() -> None:
    assert asked.typed_ask("Before which congressional committee did the director testify?") == (
        "committee",
        frozenset({"ORG"}),
    )
    # "chairmen": the plural of "chairman", a role noun, so the committee only modifies it
    assert asked.typed_ask("Which two House committee chairmen asked for the inquiry?") is None
    assert asked.role_which("Which two House committee chairmen asked for the inquiry?") == "chairman"


HEARING = (
    "Capitol Ledger\n\n"
    "The senator's remarks came in answer to a question about her claim and the director's "
    "testimony before Congress at the end of the inquiry.\n"
)


def test_a_body_the_question_names_by_its_adjective_is_no_fresh_name() -> None:
    # "Congress" is the question's own ("congressional"), not the committee asked for
    items = [("capitol_ledger", HEARING, "testimony before Congress")]
    got = _answer("Before which congressional committee did the director testify about the inquiry?", items)
    assert got.abstained and "do not name the committee asked for" in got.text, got.text
    named = HEARING.replace("before Congress", "before the House Oversight Committee")
    items = [("capitol_ledger", named, "testimony before the House Oversight Committee")]
    got = _answer("Before which congressional committee did the director testify about the inquiry?", items)
    assert not got.abstained and "Oversight Committee" in got.text, got.text
