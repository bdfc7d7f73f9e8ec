"""Place cues first written for Middle East notes, read on invented sentences of other regions:
where people come from, a city's parts, "rural X", roads named after two cities."""

from __future__ import annotations

from datetime import date

import pytest
from incident_text import extract, where


@pytest.mark.parametrize(
    ("text", "country", "location"),
    [
        # Where the people harmed or marching come from counts less than where the event happened.
        (
            "On 4 October 2021, gunmen killed four residents of Jos in an attack on a bus near Mangu.",
            "Nigeria",
            "Mangu",
        ),
        (
            "On 4 October 2021, police said residents of Nairobi protested in Mombasa on Monday.",
            "Kenya",
            "Mombasa",
        ),
        (
            "On 4 October 2021, residents of Lima marched in Cusco against the new mining law.",
            "Peru",
            "Cusco",
        ),
        (
            "On 4 October 2021, residents of Manchester were among the 4 killed when gunmen attacked"
            " a bar in Malaga.",
            "Spain",
            "Malaga",
        ),
        (
            "On 4 October 2021, villagers of Bunia told reporters that militia killed 6 people in Djugu.",
            None,
            "Djugu",
        ),
        (
            "On 4 October 2021, two inhabitants of Quetta died when a bomb went off at a bus stand in Sibi.",
            "Pakistan",
            "Sibi",
        ),
        (
            "On 4 October 2021, inhabitants of Gao said jihadists burned a school at Ansongo.",
            "Mali",
            "Ansongo",
        ),
    ],
)
def test_where_people_come_from_yields_to_where_it_happened(
    text: str, country: str | None, location: str
) -> None:
    found = where(text)
    assert found[2] == location
    if country is not None:
        assert found[0] == country


def test_where_people_come_from_places_an_event_that_names_no_other_place() -> None:
    assert where("On 4 October 2021, hundreds of residents of Eldoret protested against the fuel prices.")[
        ::2
    ] == (
        "Kenya",
        "Eldoret",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A town across the city's boundary keeps itself; a large town of the country keeps itself.
        (
            "On 4 October 2021, a shell killed three children in Damascus's Douma suburb.",
            ("Syria", "Rural Damascus", "Douma"),
        ),
        (
            "On 4 October 2021, police killed two protesters in Delhi's Noida suburb.",
            ("India", "Uttar Pradesh", "Noida"),
        ),
        (
            "On 4 October 2021, gunmen shot dead six men near Cairo's Giza pyramids.",
            ("Egypt", "Al Jizah", "Giza"),
        ),
    ],
)
def test_a_town_a_city_does_not_own_keeps_itself(text: str, expected: tuple[str, str, str]) -> None:
    assert where(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "rural X" is a first-level unit's countryside; a town's countryside places nothing.
        "On 4 October 2021, a gunman killed three people at a farm in rural Santa Cruz.",
        "On 4 October 2021, an arsonist burned four barns in rural Harrogate, police said.",
    ],
)
def test_rural_before_a_town_places_no_town(text: str) -> None:
    incidents = extract(text, date(2021, 10, 21))
    assert all(record.location is None for record in incidents)


def test_rural_before_a_country_is_no_unit_of_its_name() -> None:
    assert where("On 4 October 2021, a gunman killed 3 in rural Mexico.")[:2] == ("Mexico", None)


def test_rural_before_a_first_level_unit_is_the_unit_alone() -> None:
    rural = where("On 3 May 2020, a mortar round killed a shepherd in rural Hama.")
    assert rural == where("On 3 May 2020, a mortar round killed a shepherd in Hama governorate.")
    assert rural[:2] == ("Syria", "Hama")


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # A road named after two cities: no hyphen is left on either end's name.
        ("On 4 October 2021, bandits killed five travellers on the Kano-Zaria road on Friday.", "Kano"),
        ("On 4 October 2021, gunmen ambushed a truck on the Kabul-Jalalabad highway, killing 2.", "Kabul"),
    ],
)
def test_a_road_between_two_cities_leaves_no_hyphen(text: str, admin1: str) -> None:
    assert where(text)[1] == admin1
