"""A name that modifies the noun after a cue ("wrote one Sanders supporter", "said a Trump
voter") is not the speaker: the unnamed supporter or voter is (round 27: the ledger gave a
Sanders supporter's tweet to Bernie Sanders, and the answer showed it under his name)."""

from __future__ import annotations

from assistant.quotes.extract import extract_quotes

LEAD = "Sen. Bernie Sanders spoke in Louisville on Tuesday.\n\n"


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes("d1", text)]


def test_a_name_modifying_the_noun_after_the_cue_is_not_the_speaker() -> None:
    said = _speakers(
        LEAD + "\u201cShe does not even care,\u201d wrote one Sanders supporter, linking a story.\n"
    )
    assert "Bernie Sanders" not in said, said
    said = _speakers(LEAD + "\u201cWe love him,\u201d said a Sanders voter, waving a flag.\n")
    assert "Bernie Sanders" not in said, said


def test_a_titled_name_after_the_cue_still_speaks() -> None:
    said = _speakers(LEAD + "\u201cIt is over,\u201d said Sanders spokesman Michael Briggs.\n")
    assert said == ["Michael Briggs"], said
    said = _speakers(LEAD + "\u201cIt is over,\u201d said Sanders on Wednesday.\n")
    assert said == ["Bernie Sanders"], said
