"""Places of ordinary US news: units whose full name is "<kind> of X", landmarks placed in the city
the same phrase names. Every sentence here is invented."""

from __future__ import annotations

from datetime import date

from incident_text import where

from summarizer.incidents.names import region_display_name


def _where(text: str) -> tuple[str | None, str | None, str | None]:
    return where(text, date(2021, 6, 30))


def test_a_unit_named_kind_of_x_keeps_its_full_name() -> None:
    assert region_display_name("District of Columbia", ["Distrito de Columbia"]) == "District of Columbia"
    assert region_display_name("City of Zagreb", ["Zagreb"]) == "City of Zagreb"
    assert region_display_name("Kunar Province", ["Konar"]) == "Kunar"


def test_the_capital_district_is_written_whole() -> None:
    _, admin1, location = _where("Riot police fired tear gas at marchers in Washington, D.C., on Thursday.")
    assert (admin1, location) == ("District of Columbia", "Washington")


def test_a_landmark_followed_by_in_a_city_lies_in_that_city() -> None:
    # namesake towns of the landmarks lie in other states; the city named after "in" contains them
    _, admin1, location = _where(
        "Officers fired tear gas at marchers near the White House in Washington on Sunday."
    )
    assert (admin1, location) == ("District of Columbia", "Washington")
    _, admin1, location = _where(
        "Riot police clashed with hundreds of students on Capitol Hill in Seattle on Friday."
    )
    assert (admin1, location) == ("Washington", "Seattle")


def test_a_part_of_a_city_in_its_own_unit_stays_the_place() -> None:
    _, admin1, location = _where(
        "Officers fired tear gas at tenants marching in Harlem in New York on Sunday."
    )
    assert (admin1, location) == ("New York", "Harlem")


def test_a_unit_named_elsewhere_does_not_move_a_city_to_a_namesake_hamlet() -> None:
    text = (
        "Governors of Michigan and Ohio met on Monday to discuss the budget. "
        "Police fired tear gas at protesters in Atlanta on Tuesday."
    )
    _, admin1, location = _where(text)
    assert (admin1, location) == ("Georgia", "Atlanta")
