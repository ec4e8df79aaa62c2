"""Regression tests for general attribution patterns seen in unseen news (invented text)."""

from __future__ import annotations

from assistant.quotes.attribution import appositive
from assistant.quotes.extract import extract_quotes
from assistant.quotes.people import Registry, parse_mention, role_head


def _speakers(text: str) -> dict[str, str | None]:
    return {q.quote: q.speaker for q in extract_quotes("d", text)}


def test_appositive_after_quote_names_the_speaker() -> None:
    text = (
        "Councillor Bea Lindqvist opened the meeting.\n"
        "\u201cThe bridge will not reopen before winter,\u201d Lindqvist said.\n"
        "\u201cWe warned about the cracks two years ago,\u201d Omar Petrakis, a senior "
        "engineer at Harbour Works, said on Monday.\n"
    )
    sp = _speakers(text)
    assert sp["We warned about the cracks two years ago"] == "Omar Petrakis"
    q = next(q for q in extract_quotes("d", text) if q.quote.startswith("We warned"))
    assert q.role == "senior engineer at Harbour Works"


def test_continuation_quote_keeps_appositive_speaker() -> None:
    text = (
        "Trustee Lena Ward spoke first.\n"
        '"Class sizes are out of control," Ward said.\n'
        '"We are open to changes to the school calendar," Ivo Marsh, the mayor of '
        'Dunmore, said. "I have spoken with parents, and they want answers."\n'
    )
    sp = _speakers(text)
    assert sp["We are open to changes to the school calendar"] == "Ivo Marsh"
    assert sp["I have spoken with parents, and they want answers."] == "Ivo Marsh"


def test_appositive_before_reported_clause_and_description_later() -> None:
    text = (
        "Tariq Bello, the mayor of Kestrel Bay, said that the ferry would run all year.\n"
        "Funding was approved in March.\n"
        "The mayor told reporters that the new terminal would open in June.\n"
    )
    sp = _speakers(text)
    assert sp["the ferry would run all year"] == "Tariq Bello"
    assert sp["the new terminal would open in June"] == "Tariq Bello"


def test_pronoun_never_resolves_to_an_organisation() -> None:
    text = (
        "The Census Bureau published new figures on Friday.\n"
        "\u201cRents have doubled,\u201d Ada Moreau, a housing advocate, wrote in a post. "
        "She also said that the government had ignored the warnings.\n"
        "The Census Bureau said the figures were preliminary.\n"
    )
    sp = _speakers(text)
    assert sp["the government had ignored the warnings"] == "Ada Moreau"
    assert sp["the figures were preliminary"] == "Census Bureau"


def test_organisation_names_keep_their_connectors() -> None:
    text = "The Ministry of Coastal Fisheries said in a statement that quotas would be cut.\n"
    assert _speakers(text)["quotas would be cut"] == "Ministry of Coastal Fisheries"
    m = parse_mention("Minister of Finance Ana Ruiz")
    assert m and (m.kind, m.name, m.role) == ("name", "Ana Ruiz", "Minister of Finance")
    assert parse_mention("Smith and Jones") is None  # two people, not one body
    assert role_head("mayor of Dunmore") == "mayor"


def test_adverb_opening_a_quote_is_not_a_person() -> None:
    text = (
        "\u201cFrankly, the plan is late,\u201d Rosa Lind, a spokesperson for the Dock "
        "Workers Union, said, adding that the union would strike. "
        "She also warned that talks could collapse.\n"
    )
    sp = _speakers(text)
    assert sp["the union would strike"] == "Rosa Lind"
    assert sp["talks could collapse"] == "Rosa Lind"


def test_appositive_parser() -> None:
    app = appositive("Jane Roe, 45, a nurse in Halifax")
    assert app and app[0].name == "Jane Roe" and app[1] == "nurse in Halifax"
    assert appositive("Paris, London") is None
    assert appositive("Carney, however") is None


def test_outlet_after_the_is_a_body_not_a_pronoun_target() -> None:
    text = (
        "Nadia Brook, the premier of Eastland, told The Harbour Gazette that tolls would "
        "fall. She also warned that the bridge would close.\n"
    )
    reg = Registry(text)
    gazette = next(p for p in reg.people if p.name == "Harbour Gazette")
    assert gazette.is_org
    assert _speakers(text)["the bridge would close"] == "Nadia Brook"


def test_registry_learns_roles_from_appositives_and_skips_bylines() -> None:
    text = "By Carla Mendes\nYusuf Adeyemi, a senior economist at Lakeview Bank, said rates would rise.\n"
    reg = Registry(text, [(0, text.index("\n"))])
    assert [p.name for p in reg.people if not p.is_org] == ["Yusuf Adeyemi"]
    assert reg.lookup_name("Adeyemi").roles == ["senior economist at Lakeview Bank"]  # type: ignore[union-attr]


def test_description_by_title_word_and_by_salience() -> None:
    text = (
        "Hospital Chief Executive Noor Qureshi said on Monday that beds were full.\n"
        "The hospital chief told reporters that nurses were exhausted.\n"
    )
    assert _speakers(text)["nurses were exhausted"] == "Noor Qureshi"
    two = (
        "Trade Minister Ola Berg met Health Minister Tim Dahl on Friday.\n"
        "Later, Health Minister Tim Dahl said the talks went well.\n"
        "The minister told reporters: \u201cWe will keep talking about the plan.\u201d\n"
    )
    assert _speakers(two)["We will keep talking about the plan."] == "Tim Dahl"
    both = (
        "Trade Minister Ola Berg and Health Minister Tim Dahl toured the port.\n"
        "The minister told reporters: \u201cWe will keep talking about the plan.\u201d\n"
    )
    assert _speakers(both)["We will keep talking about the plan."] is None


def test_reported_clause_without_that_opening_with_a_noun_phrase() -> None:
    text = (
        "In a statement, the Harbour Pilots Guild said shipping delays would double by June.\n"
        "Mayor Lea Fonseca said goodbye to the crowd.\n"
    )
    sp = _speakers(text)
    assert sp["shipping delays would double by June"] == "Harbour Pilots Guild"
    assert not any("goodbye" in q for q in sp)


def test_posted_that_and_dates_with_commas() -> None:
    text = (
        "Senator Ruth Okoye spoke in Halifax.\n"
        "Okoye posted on X on Friday that the ferry subsidy was a mistake.\n"
        "Councillor Ben Aalto said on Sept. 2, 2024 that parking fees would rise.\n"
        "Okoye posted a photo of the harbour.\n"
    )
    sp = _speakers(text)
    assert sp["the ferry subsidy was a mistake"] == "Ruth Okoye"
    assert sp["parking fees would rise"] == "Ben Aalto"
    assert not any("photo" in q for q in sp)


def test_name_after_a_verb_is_an_object_not_a_pronoun_target() -> None:
    text = (
        "Ines Varga, the city treasurer, told Metro Wire that the budget was balanced. "
        "She also warned that reserves were low.\n"
    )
    assert _speakers(text)["reserves were low"] == "Ines Varga"


def test_title_case_headline_names_no_one() -> None:
    text = (
        "Port Chief Executive Warns The Dredging Plan Could Stall Exports\n"
        "Port Chief Executive Mina Sato said on Monday that dredging would resume.\n"
        "\u201cWe cannot wait another season,\u201d the chief executive said.\n"
    )
    reg = Registry(text)
    assert [p.name for p in reg.people if not p.is_org] == ["Mina Sato"]
    assert _speakers(text)["We cannot wait another season"] == "Mina Sato"


def test_place_like_surname_and_title_with_connector() -> None:
    text = (
        "Chief of Naval Staff Dara Quill said on Monday that the fleet was ready.\n"
        "Min-jun Park, an economist at Lakeview Bank, warned that costs would rise. "
        "He also said that the budget was too small.\n"
    )
    sp = _speakers(text)
    assert sp["the fleet was ready"] == "Dara Quill"
    assert sp["the budget was too small"] == "Min-jun Park"


def test_reverse_appositive_day_before_clause_and_prefixed_titles() -> None:
    text = (
        "Prime Minister Ada Lund said Monday the government would appeal.\n"
        "The minister of health, Joel Varga, said the clinics would reopen.\n"
        "Police said two people were arrested outside the venue.\n"
        "\u201cThe minister has not called me,\u201d Rui Tam, 52, said.\n"
    )
    sp = _speakers(text)
    assert sp["the government would appeal"] == "Ada Lund"
    assert sp["the clinics would reopen"] == "Joel Varga"
    assert sp["two people were arrested outside the venue"] == "Police"
    assert sp["The minister has not called me"] == "Rui Tam"
    later = text + "The minister told reporters that funding was secure.\n"
    q = next(q for q in extract_quotes("d", later) if q.quote == "funding was secure")
    assert q.speaker == "Joel Varga"  # "the minister" is not the Prime Minister


def test_noun_phrase_clause_with_ly_nouns() -> None:
    text = "In a statement, the Grocers Association said supply shortages would ease by May.\n"
    assert _speakers(text)["supply shortages would ease by May"] == "Grocers Association"


def test_a_pronoun_opening_the_next_paragraph_quotes_the_person_just_introduced_with_a_title() -> None:
    # the new person is the object of a clause, so not a subject; the older subject loses
    text = (
        "Mayor Tomas Brandt spoke about the ferry at length on Monday.\n\n"
        "While Brandt had a new timetable to show, the cuts worry Ana Ruiz, president of the "
        "Harbour Tenants Union.\n\n"
        "\u201cNobody asked the islanders what they need,\u201d she said.\n\n"
        "\u201cWe will not stop the service,\u201d he said.\n"
    )
    sp = _speakers(text)
    assert sp["Nobody asked the islanders what they need"] == "Ana Ruiz"
    # a pronoun of the other gender is not the person introduced: the older subject it is
    assert sp["We will not stop the service"] == "Tomas Brandt"


def test_a_person_named_without_a_title_or_someone_salient_after_them_keeps_the_older_subject() -> None:
    untitled = (
        "Mayor Tomas Brandt spoke about the ferry at length on Monday.\n\n"
        "While Brandt had a new timetable to show, the cuts worry Omar Petrakis.\n\n"
        "\u201cWe will keep the boats running,\u201d he said.\n"
    )
    assert _speakers(untitled)["We will keep the boats running"] == "Tomas Brandt"
    later = (
        "Mayor Tomas Brandt spoke about the ferry at length on Monday.\n\n"
        "The cuts worry Omar Petrakis, a councillor for the island ward, but Brandt said the "
        "budget left no choice.\n\n"
        "\u201cWe will keep the boats running,\u201d he said.\n"
    )
    assert _speakers(later)["We will keep the boats running"] == "Tomas Brandt"


def test_a_description_that_describes_without_titling_is_the_person_just_written_about() -> None:
    text = (
        "Mayor Tomas Brandt spoke to reporters on Monday.\n\n"
        "Brandt is taking questions in the town hall.\n\n"
        "The veteran politician began by talking about the ferry, saying that the boats are "
        "\u201colder than the harbour.\u201d\n"
    )
    assert _speakers(text)["older than the harbour."] == "Tomas Brandt"
    m = parse_mention("the veteran politician")
    assert m is not None and m.kind == "desc" and m.head == "politician"


def test_such_a_description_after_two_people_or_with_a_or_far_away_names_no_one() -> None:
    two = (
        "Mayor Tomas Brandt met Councillor Ana Ruiz on Monday.\n\n"
        "Ruiz is taking questions in the town hall, and Brandt is listening.\n\n"
        "The veteran politician began by talking about the ferry, saying that the boats are "
        "\u201colder than the harbour.\u201d\n"
    )
    assert _speakers(two)["older than the harbour."] is None
    new = (
        "Mayor Tomas Brandt spoke to reporters on Monday.\n\n"
        "Brandt is taking questions in the town hall.\n\n"
        "A veteran politician in the crowd began by talking about the ferry, saying that the boats "
        "are \u201colder than the harbour.\u201d\n"
    )
    assert _speakers(new)["older than the harbour."] is None


def test_a_subject_set_off_by_an_appositive_is_the_pronoun_target() -> None:
    # "Name, a title ..., verb": the name is the clause's subject, so the next "he" is his,
    # not the older subject's
    text = (
        "Mayor Tomas Brandt opened the hearing on the ferry timetable. Brandt spoke for an hour.\n\n"
        "The council thanked Omar Petrakis. Later Petrakis, a nurse on the island, rode the night "
        "boat home. \u201cWe cannot get to the early shift without it,\u201d he said.\n\n"
        "The council thanked Rui Tam. First, Tam, 52, was shown the door. "
        "\u201cThe boats are always late,\u201d he said.\n"
    )
    sp = _speakers(text)
    assert sp["We cannot get to the early shift without it"] == "Omar Petrakis"
    assert sp["The boats are always late"] == "Rui Tam"

