"""Places written the ways Middle East coder notes and news write them.

Every sentence is self-written; the places are real towns and units.
"""

from __future__ import annotations

import pytest
from incident_text import extract

from summarizer.incidents.gazetteer import Context, gazetteer
from summarizer.incidents.unit_lists import place_of_list


def where(text: str) -> tuple[str | None, str | None, str | None]:
    incident = extract(text)[0]
    return incident.country, incident.admin1, incident.location


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A list whose last name is the first-level unit holding the town (ACLED's "North" for
        # Lebanon's North governorate) places a town its namesake abroad would take.
        (
            "On 4 March 2021, youths threw stones at an army post in Tripoli (Tripoli, North).",
            ("Lebanon", "North", "Tripoli"),
        ),
        # A unit only one country has decides the country of a town it does not know.
        (
            "On 9 May 2021, gunmen killed two soldiers in Shaqra (Abyan governorate).",
            ("Yemen", "Abyan", "Shaqra"),
        ),
    ],
)
def test_a_listed_unit_places_the_town(text: str, expected: tuple[str, str, str]) -> None:
    assert where(text) == expected


def test_a_unit_many_countries_name_leaves_the_town_in_its_country() -> None:
    place = place_of_list("Lilongwe", ["Central"], gazetteer(), None, Context(), closed=True)
    assert place is not None
    assert (place.country_code, place.admin1) == ("MW", "Central")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A part a city owns ("Baghdad's Karrada district") is ACLED's "City-Part", in the city's unit.
        (
            "On 8 June 2021, a sticky bomb wounded a driver in Baghdad's Karrada district.",
            ("Iraq", "Baghdad", "Baghdad-Karrada"),
        ),
        (
            "On 8 June 2021, police detained twenty marchers in Istanbul's Kadikoy district.",
            ("Turkey", "Istanbul", "Istanbul-Kadikoy"),
        ),
        # A square a smaller city owns is the city.
        (
            "On 8 June 2021, police fired tear gas at a rally in Beirut's Martyrs Square.",
            ("Lebanon", "Beirut", "Beirut"),
        ),
        # A district of the province named after its capital is no part of the city.
        (
            "On 8 June 2021, a roadside bomb killed two soldiers in Kirkuk's Hawija district.",
            ("Iraq", "Kirkuk", "Hawija"),
        ),
    ],
)
def test_a_city_owns_its_parts(text: str, expected: tuple[str, str, str]) -> None:
    assert where(text) == expected


def test_residents_of_a_town_place_their_protest() -> None:
    text = "On 2 August 2021, residents of Ahvaz protested the water cuts outside the governor's office."
    assert where(text) == ("Iran", "Khuzestan", "Ahvaz")


@pytest.mark.parametrize(
    "text",
    [
        "10/03/2021: An explosive device detonated in Al-Jadida neighborhood, Baghdad, Iraq, killing 2.",
        "On 3 June 2021, gunmen shot a trader dead in the Al-Mansour neighbourhood, Baghdad.",
    ],
)
def test_a_neighbourhood_before_its_city_is_the_city(text: str) -> None:
    assert where(text)[::2] == ("Iraq", "Baghdad")


def test_a_province_word_names_the_only_unit_of_that_name() -> None:
    # "Babel" alone is also a village abroad; with "province" it is Iraq's Babil.
    text = "On 4 June 2021, a roadside bomb killed 3 farmers near a market in Babel province."
    assert where(text)[:2] == ("Iraq", "Babil")


def test_a_road_named_for_towns_places_the_event_in_their_country() -> None:
    # "Deir ez-Zor" keeps its particle; "Palmyra" is read in the country of the larger end.
    text = "On 2 November 2020, a mine hit a bus on the Palmyra-Deir ez-Zor road near Qabajib, killing 4 soldiers."
    assert where(text)[0] == "Syria"
