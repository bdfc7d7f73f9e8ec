"""Event types and places that ordinary wording once misread: invented reports only."""

from __future__ import annotations

from datetime import date

import pytest
from incident_text import extract

ON_CIVILIANS = ("Violence against civilians", "Attack")
BATTLE = ("Battles", "Armed clash")
DESTRUCTION = ("Strategic developments", "Looting/property destruction")
MONDAY = date(2025, 9, 22)


def types(text: str) -> list[tuple[str, str]]:
    return [(i.event_type, i.sub_event_type) for i in extract(text, MONDAY)]


def test_suspected_members_of_a_party_are_civilians() -> None:
    text = (
        "On 2 September 2025, soldiers shot dead three suspected members of an opposition party in Bamenda."
    )
    assert types(text) == [ON_CIVILIANS]


@pytest.mark.parametrize(
    "text",
    [
        "On 2 September 2025, soldiers shot dead three suspected members of the Iron Wolves militia.",
        "On 2 September 2025, soldiers shot dead two suspected members of Black Lotus near Bamenda.",
    ],
)
def test_suspected_members_of_an_armed_group_are_armed(text: str) -> None:
    assert types(text) == [BATTLE]


def test_a_guards_wife_and_children_are_civilians() -> None:
    text = "On 2 September 2025, gunmen killed the guard's wife and two children in Herat, Afghanistan."
    assert types(text) == [ON_CIVILIANS]


@pytest.mark.parametrize(
    "text",
    [
        "The two candidates exchanged heavy fire in a televised debate in Washington on Monday.",
        "Fighting between the army and the navy for the defence budget dominated the session in Canberra on"
        " Monday.",
        "Critics attacked the new school building in Leeds as ugly on Monday.",
        "The minister attacked the housing market in Dublin on Monday.",
        "Wolves attacked sheep and cattle near Cuneo on Monday.",
        "A bear raided several homes in Brasov on Monday.",
    ],
)
def test_figures_of_speech_and_animals_give_no_incident(text: str) -> None:
    assert extract(text, MONDAY) == []


def test_a_figurative_arena_with_a_weapon_stays_a_battle() -> None:
    text = (
        "On 2 September 2025, troops exchanged gunfire with rebels near the parliament in Bamenda, Cameroon."
    )
    assert types(text) == [BATTLE]


@pytest.mark.parametrize(
    "text",
    [
        "On 2 September 2025, gunmen attacked a church in Kaduna, Nigeria, during Sunday mass.",
        "On 2 September 2025, gunmen attacked a mosque in Peshawar, Pakistan, as worshippers gathered.",
    ],
)
def test_a_building_attacked_with_people_inside_is_not_property_destruction(text: str) -> None:
    assert types(text) == [ON_CIVILIANS]


def test_a_building_attacked_and_set_alight_is_property_destruction() -> None:
    text = "On 2 September 2025, gunmen attacked a church in Kaduna, Nigeria, and set it alight at night."
    assert types(text) == [DESTRUCTION]


@pytest.mark.parametrize(
    "second",
    ["They burned an effigy of the minister.", "They blocked the roads with burning tyres."],
)
def test_routine_protest_acts_keep_a_protest_peaceful(second: str) -> None:
    text = f"On 2 September 2025, students protested in Dhaka, Bangladesh. {second}"
    assert types(text) == [("Protests", "Peaceful protest")]


def test_rockets_fired_from_one_place_at_another_take_the_targets_country() -> None:
    [incident] = extract(
        "On 2 September 2025, militants in Gaza fired rockets from Gaza City at Sderot, Israel."
    )
    assert (incident.location, incident.country) == ("Sderot", "Israel")
    assert incident.admin1 != "Gaza"
