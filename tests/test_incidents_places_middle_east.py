"""Places of the Middle East as terrorism-database summaries and monitors' notes name them:
names GeoNames writes with an ayn, "X city, Y governorate, COUNTRY", Turkish districts, Yemeni
governorates, West Bank and Gaza villages. Every sentence here is invented."""

from __future__ import annotations

from datetime import date

import pytest
from incident_text import extract

from summarizer.incidents.gazetteer import gazetteer
from summarizer.incidents.names import fold, name_keys


def _where(text: str) -> tuple[str | None, str | None, str | None]:
    incidents = extract(text, date(2020, 12, 31))
    assert incidents, text
    record = incidents[0]
    return record.country, record.admin1, record.location


def test_a_name_opening_with_an_ayn_or_a_lower_case_article_is_keyed() -> None:
    assert name_keys(["‘Ayn Tamr", "al-Ma'arra", "//Karas"], unit=False) == ["ayn tamr", "maarra", "karas"]
    assert name_keys(["wallonne, Region", "12th Street"], unit=False) == []


@pytest.mark.parametrize(
    ("name", "code", "admin1"),
    [("Ayn Tamr", "IQ", "Kerbala"), ("Urif", "PS", "West Bank"), ("Awarta", "PS", "West Bank")],
)
def test_a_town_geonames_writes_with_an_ayn_is_found(name: str, code: str, admin1: str) -> None:
    town = gazetteer().town(name, code)
    assert town is not None
    assert (town.country_code, town.admin1) == (code, admin1)
    assert fold(town.name) == fold(name)


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        (
            "On 9 May 2021, protesters clashed with police in California over a shooting.",
            "United States",
            "California",
        ),
        ("On 9 May 2021, truckers blocked a bridge in Texas over fuel taxes.", "United States", "Texas"),
        ("On 9 May 2021, gunmen burned a bus in Guerrero, killing its driver.", "Mexico", "Guerrero"),
    ],
)
def test_a_first_level_unit_named_alone_beats_a_small_namesake_town(
    text: str, country: str, admin1: str
) -> None:
    assert _where(text)[:2] == (country, admin1)


def test_a_unit_named_alone_keeps_its_namesake_capital() -> None:
    assert _where("On 9 May 2021, bandits shot two herders dead in Katsina.") == (
        "Nigeria",
        "Katsina",
        "Katsina",
    )
