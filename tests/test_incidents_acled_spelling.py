"""A curated first-level unit is always written ACLED's way, whichever spelling the text uses, and a
curated spelling that other countries' places also bear names the unit only in its own country.
Every sentence here is invented."""

from __future__ import annotations

from datetime import date

import pytest
from incident_text import where


def _where(text: str) -> tuple[str | None, str | None, str | None]:
    return where(text, date(2022, 12, 31))


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        ("On 3 March 2022, a car bomb wounded six shoppers in Hilla, Babel.", "Iraq", "Babil"),
        (
            "On 3 March 2022, insurgents stormed a police post in Lashkar Gah, Hilmand.",
            "Afghanistan",
            "Helmand",
        ),
        (
            "On 3 March 2022, insurgents stormed a police post in Kunduz city, Konduz.",
            "Afghanistan",
            "Kunduz",
        ),
        ("On 3 March 2022, gunmen shot dead a customs officer in Mukalla, Hadhramaut.", "Yemen", "Hadramawt"),
        (
            "On 3 March 2022, a roadside bomb hit an army truck in Baqubah, Diyalah province.",
            "Iraq",
            "Diyala",
        ),
    ],
)
def test_a_town_in_a_curated_unit_takes_acleds_spelling_of_it(text: str, country: str, admin1: str) -> None:
    assert _where(text)[:2] == (country, admin1)


def test_a_curated_spelling_borne_elsewhere_does_not_move_ordinary_news() -> None:
    text = "On 3 March 2022, police fired tear gas at protesters outside the Babel cinema in Haifa."
    assert _where(text)[:2] == ("Israel", "Haifa")


def test_a_curated_spelling_borne_elsewhere_names_the_unit_in_its_country() -> None:
    text = "On 3 March 2022, a roadside bomb killed two Iraqi soldiers in Babel province."
    assert _where(text)[:2] == ("Iraq", "Babil")
