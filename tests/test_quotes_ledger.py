"""Cross-article speaker identity, corroboration and look-ups."""

from __future__ import annotations

from assistant.quotes.extract import extract_quotes
from assistant.quotes.ledger import Ledger, build_ledger, slug
from assistant.types import Quote


def _q(
    doc: str, speaker: str | None, words: str, aliases: list[str] | None = None, role: str | None = None
) -> Quote:
    return Quote(
        doc_id=doc, speaker=speaker, quote=words, start=0, end=len(words), aliases=aliases or [], role=role
    )


QUOTES = [
    _q("a", "J.D. Vance", "We want a fair deal for American workers", role="Vice President"),
    _q("b", "JD Vance", "The border must be secured before anything else"),
    _q("c", "Vance", "Nobody in this building is giving up on the talks"),
    _q("a", "Mark Carney", "We will always put Canadian workers first", role="Prime Minister"),
    _q("b", "Carney", "we will always put Canadian workers first."),
    _q("c", "Usha Vance", "Reading opens doors for every child"),
    _q("c", "Mark Carney", "Tariffs are a tax on families"),
    _q("d", None, "Tariffs are a tax on families and businesses alike"),
]


def test_aliases_merge_and_ambiguous_surname_stays_apart() -> None:
    led = build_ledger(QUOTES)
    vance = led.find_speaker("JD Vance")
    assert vance is not None and vance.id == "j-d-vance"
    assert (
        vance is not None
        and vance.quote_count == 2
        and {"J.D. Vance", "JD Vance"} <= {vance.name, *vance.aliases}
    )
    # "Vance" alone is ambiguous (J.D. or Usha) so it is its own entry, never merged by guess
    bare = led.find_speaker("Vance")
    assert bare is not None and bare.name == "Vance"
    carney = led.find_speaker("prime minister mark carney")
    assert carney is not None and carney.quote_count == 3 and carney.doc_ids == ["a", "b", "c"]
    assert led.find_speaker("carney") == carney
    assert "Carney" in carney.aliases and carney.roles == ["Prime Minister"]
    assert led.find_speaker("Usha Vance").name == "Usha Vance"  # type: ignore[union-attr]
    assert led.find_speaker("Nobody Here") is None


def test_corroboration_groups_near_identical_words_across_docs() -> None:
    led = build_ledger(QUOTES)
    first = next(q for q in led.quotes if q.doc_id == "a" and "Canadian workers" in q.quote)
    assert first.corroborated_by == ["b"]
    tax = next(q for q in led.quotes if q.doc_id == "c" and q.quote.startswith("Tariffs"))
    assert tax.corroborated_by == ["d"]  # contained in a longer unattributed quote
    lone = next(q for q in led.quotes if "Reading opens" in q.quote)
    assert lone.corroborated_by == []


def test_who_said_and_check() -> None:  # topic search: the service, on bm25s (test_facade)
    led = build_ledger(QUOTES)
    hits = led.who_said("put Canadian workers first")
    assert hits and hits[0].speaker == "Mark Carney"
    assert led.check_attribution("Carney", "always put Canadian workers first") is True
    assert led.check_attribution("JD Vance", "always put Canadian workers first") is False
    assert led.check_attribution("Carney", "the moon is made of cheese") is None
    assert led.by_speaker("Carney") and all(q.speaker_id == "mark-carney" for q in led.by_speaker("Carney"))


def test_json_round_trip() -> None:
    led = build_ledger(QUOTES)
    back = Ledger.from_json(led.to_json())
    assert [q.model_dump() for q in back.quotes] == [q.model_dump() for q in led.quotes]
    assert [s.id for s in back.speakers()] == [s.id for s in led.speakers()]
    assert back.find_speaker("Carney").id == "mark-carney"  # type: ignore[union-attr]


def test_slug_is_ascii_and_stable() -> None:
    assert slug("Mélanie Joly") == "melanie-joly"
    assert slug("Prime Minister\u2019s Office") == "prime-ministers-office"


def test_ledger_over_extracted_articles() -> None:
    a = 'Mayor Rosalind Okafor said the levy would fund new buses.\n"Riders deserve better," Okafor said.\n'
    b = '"Riders deserve better," Mayor Okafor told the council on Monday.\n'
    led = build_ledger([*extract_quotes("a", a), *extract_quotes("b", b)])
    sp = led.find_speaker("Okafor")
    assert sp is not None and sp.name == "Rosalind Okafor" and sp.doc_ids == ["a", "b"]
    rq = [q for q in led.quotes if q.quote == "Riders deserve better"]
    assert sorted(q.doc_id for q in rq) == ["a", "b"]
    assert all(q.speaker_id == sp.id for q in rq)
