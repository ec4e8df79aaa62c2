"""Mention parsing, the per-article registry and speaker resolution."""

from __future__ import annotations

from assistant.quotes.attribution import Resolver, cue_lemma, strip_adverbials, suffix_mention
from assistant.quotes.extract import extract_quotes
from assistant.quotes.people import Registry, key, parse_mention, role_head


def test_parse_mention_kinds() -> None:
    m = parse_mention("Prime Minister Mark Carney")
    assert m and (m.kind, m.name, m.role) == ("name", "Mark Carney", "Prime Minister")
    assert parse_mention("he").kind == "pronoun"  # type: ignore[union-attr]
    d = parse_mention("the Ontario MP")
    assert d and d.kind == "desc" and d.head == "mp"
    g = parse_mention("one government source")
    assert g and g.kind == "group" and g.head == "source"
    o = parse_mention("the Tax Foundation")
    assert o and o.kind == "org" and o.name == "Tax Foundation"
    assert parse_mention("a scathing letter") is None
    assert parse_mention("Jivani said U.S. officials") is None


def test_a_title_in_mixed_case_before_a_name() -> None:
    """American news writes a title in lower case before a name ("Tulsa police Chief Chuck
    Jordan", "Fox News host Chris Wallace"): the name is the last capitalised words."""
    for text, name, role in [
        ("Riverton police Chief Dana Holt", "Dana Holt", "Riverton police Chief"),
        ("Channel Nine host Omar Bell", "Omar Bell", "Channel Nine host"),
        ("the Green presidential nominee Ivy Stone", "Ivy Stone", "Green presidential nominee"),
        ("former President Ada Quill", "Ada Quill", "former President"),
        ("Harbor Radio's Lee Marsh", "Lee Marsh", "Harbor Radio's"),
    ]:
        m = parse_mention(text)
        assert m and (m.kind, m.name, m.role) == ("name", name, role), text
    assert parse_mention("the crowd cheered President Ada Quill") is None  # a clause, not a title
    d = parse_mention("a Channel Nine host")
    assert d and d.kind == "desc" and d.name is None


def test_a_mixed_case_title_does_not_hide_the_speaker_of_a_quote() -> None:
    text = (
        "The state is investigating the shooting.\n"
        "\u201cI will just make this promise to you: we will find out what happened,\u201d Riverton "
        "police Chief Dana Holt said Monday. \u201cI want to assure our community of that.\u201d\n"
    )
    quotes = [q for q in extract_quotes("d", text) if q.kind == "direct"]
    assert quotes and all(q.speaker == "Dana Holt" for q in quotes)


def test_keys_and_role_heads() -> None:
    assert key("J.D. Vance") == key("JD Vance")
    assert role_head("U.S. Vice President") == "vice president"
    assert role_head("U.S. President") == "president"


def test_adverbials_and_suffix() -> None:
    assert strip_adverbials("Prime Minister Ana Ruiz, however, has recently") == "Prime Minister Ana Ruiz"
    m = suffix_mention("It is a move the dockers\u2019 union")
    assert m and m.kind == "group" and m.head == "union"


def test_cue_lemma_base_forms() -> None:
    assert cue_lemma("said") == "say"
    assert cue_lemma("say", "Officials") == "say"  # plural present
    assert cue_lemma("announce", "Ruiz will") is None  # after a modal: not reported speech
    assert cue_lemma("state", "has continued to") == "state"
    assert cue_lemma("state", "the") is None


def test_registry_titles_and_surnames() -> None:
    text = (
        "Health Minister Priya Nair met Senator Olu Adeyemi. Nair later spoke.\n"
        "The Ministry of Health (MOH) issued a notice."
    )
    reg = Registry(text)
    nair = reg.lookup_name("Nair")
    assert nair and nair.name == "Priya Nair" and nair.roles == ["Health Minister"]
    assert reg.acronyms["MOH"] == "Ministry of Health"


def test_a_name_after_a_titles_full_stop_or_opening_a_sentence_is_whole() -> None:
    """ "Sen. Kelly Ayotte": the title's full stop ends no sentence, so "Kelly" is no
    sentence-opening adverb; "Carly Roe said" opens with a given name; "Whether Roe will ..."
    names Roe, not a person "Whether Roe"; "Recently Roe said" still drops the adverb."""
    text = (
        "Aides said Roe could help Sen. Kelly Ayotte.\n\nBut Ayotte is not interested.\n\n"
        "“Uh, no,” she said.\n\nCarly Fiorina said she would wait. Whether Roe will go is unclear. "
        "Recently Dana Pike spoke."
    )
    reg = Registry(text)
    names = {p.name for p in reg.people}
    assert {"Kelly Ayotte", "Carly Fiorina", "Dana Pike"} <= names
    assert not any(n.startswith(("Whether", "Recently")) for n in names)
    q = next(q for q in extract_quotes("d", text) if "Uh, no" in q.quote)
    assert q.speaker == "Kelly Ayotte"


def test_ambiguous_surname_is_not_guessed() -> None:
    text = (
        "Economist Lena Vogel and her brother, investor Karl Vogel, disagree.\n"
        "Vogel said the market would fall.\n"
    )
    qs = extract_quotes("d", text)
    q = next(q for q in qs if "market would fall" in q.quote)
    assert q.speaker is None


def test_description_needs_a_unique_holder() -> None:
    one = "Liberal MP Sara Kent toured the plant.\nThe MP said the jobs would stay in town.\n"
    q = next(q for q in extract_quotes("d", one) if "jobs would stay" in q.quote)
    assert q.speaker == "Sara Kent"
    two = (
        "Liberal MP Sara Kent and Green MP Omar Haddad toured the plant.\n"
        "The MP said the jobs would stay in town.\n"
    )
    q2 = next(q for q in extract_quotes("d", two) if "jobs would stay" in q.quote)
    assert q2.speaker is None


def test_pronoun_respects_gender_learned_in_article() -> None:
    text = (
        "Judge Amara Osei opened the hearing. She said the court would sit late.\n"
        "Lawyer Ben Castillo objected.\n"
        '"This is unfair to my client," he said.\n'
        '"The objection is noted," she said.\n'
    )
    qs = extract_quotes("d", text)
    speakers = {q.quote: q.speaker for q in qs}
    assert speakers["the court would sit late"] == "Amara Osei"
    assert speakers["This is unfair to my client"] == "Ben Castillo"
    assert speakers["The objection is noted"] == "Amara Osei"


def test_org_spokesperson_and_acronym() -> None:
    text = (
        "The Office of the Mayor (OTM) declined to comment.\n"
        '"We are reviewing the report," an OTM spokesperson said in a statement.\n'
    )
    q = next(q for q in extract_quotes("d", text) if "reviewing the report" in q.quote)
    assert q.speaker == "Office of the Mayor" and q.role == "spokesperson"


def test_resolver_forgets_names_inside_quotes() -> None:
    text = "Anna Berg spoke first. Berg said Tom Ruiz was late. He said nothing more.\n"
    reg = Registry(text)
    r = Resolver(text, reg)
    r.forget(text.index("Tom Ruiz"), text.index("late"))
    pos = text.index("He said")
    res = r.resolve(parse_mention("He"), pos)
    assert res is not None and res.person.name == "Anna Berg"
