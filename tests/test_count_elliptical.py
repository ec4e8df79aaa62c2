"""A count whose noun was named before the number and left out after it ("... adoptees whose
status remains unknown, advocates estimate there could be up to 18,000 from Ruritania")
holds the count asked (round 39: "Up to how many adoptees ...?" had abstained with "the
passages on this do not give the count asked for"); a year, a day and a part of a
further number ("58 of 61 debates") do not."""

from __future__ import annotations

from assistant.answer import asked
from assistant.answer.backends.extractive import ExtractiveBackend
from tests.contexts import context


def test_a_bare_number_after_the_noun_counts_it() -> None:
    text = "Asked about adoptees whose status is unknown, advocates say there could be up to 18,000 from Ruritania."
    assert asked.holds_count(text, "adoptee")
    assert asked.holds_count(
        "A survey of delegates found that 449 of the party insiders back Roe.", "delegate"
    )
    assert asked.holds_count("Of the delegates at stake, Roe won 31.", "delegate")


def test_years_days_and_partitives_are_no_elliptical_count() -> None:
    assert not asked.holds_count("The adoptees arrived in 1981 from Ruritania.", "adoptee")
    assert not asked.holds_count("The adoptees met on July 15 in Brookside.", "adoptee")
    assert not asked.holds_count("Our audience was larger than 58 of 61 debates in 2012.", "audience")


ADOPTEES = (
    "Valley Gazette\n\n"
    "Based on estimates by the Ruritanian government about adoptees whose status remains "
    "unknown, advocates estimate there could be up to 18,000 from Ruritania in this situation.\n\n"
    "The bill to fix their status stalled in committee on Monday.\n"
)


def test_up_to_how_many_is_answered_by_the_elliptical_count() -> None:
    items = [("valley_gazette", ADOPTEES, "advocates estimate")]
    got = ExtractiveBackend().answer(
        context(
            "Up to how many adoptees from Ruritania do advocates estimate have an unknown status?", items
        )[0]
    )
    assert not got.abstained and "18,000" in got.text, got.text
