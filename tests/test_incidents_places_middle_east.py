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
