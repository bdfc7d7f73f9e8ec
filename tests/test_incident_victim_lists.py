"""Full-length news: victims named as a list, the wounded who die later, "earlier this week"."""

from __future__ import annotations

import pytest
from incident_text import extract

from summarizer.incidents.counts import find_casualties


@pytest.mark.parametrize(
    ("sentence", "dead"),
    [
        ("Raiders killed four herders, their interpreter and a cook near the river.", 6),
        ("Two constables, 5 recruits and 1 sergeant were killed in the ambush.", 8),
        ("A clan elder and his nephew were killed at the market on Friday.", 2),
        ("Masked men shot dead a pastor and his wife outside the chapel.", 2),
        ("A fisherman and his two nephews were killed on the jetty.", 3),
        ("The shelling killed 2 soldiers, 3 farmers, a teacher and her daughter.", 7),
    ],
)
def test_each_item_of_a_list_of_victims_counts(sentence: str, dead: int) -> None:
    assert find_casualties(sentence).fatalities == dead


@pytest.mark.parametrize(
    ("sentence", "dead"),
    [
        # the clause after the list is a new one: its subject is no victim
        ("The mortar killed three guards, police said on Sunday.", 3),
        ("Rebels killed a ranger and wounded two others.", 1),
    ],
)
def test_what_follows_a_list_is_not_a_victim(sentence: str, dead: int) -> None:
    assert find_casualties(sentence).fatalities == dead


def test_a_wounded_victim_who_dies_later_adds_to_the_toll() -> None:
    text = (
        "Militants ambushed a police patrol near Garowe, Somalia, on Tuesday, killing two officers.\n\n"
        "The patrol called for reinforcements.\n\n"
        "A third officer died of his wounds in hospital on Wednesday."
    )
    [incident] = extract(text)
    assert incident.fatalities == 3


def test_the_injured_who_die_later_add_to_the_toll() -> None:
    text = (
        "A grenade exploded at a bus depot in Kisumu, Kenya, on Monday, killing one person.\n\n"
        "Three of the injured died in hospital on Tuesday, a nurse said."
    )
    [incident] = extract(text)
    assert incident.fatalities == 4


def test_earlier_this_week_dates_an_event_to_the_month() -> None:
    text = "Earlier this week, gunmen attacked a convoy near Bunia, Democratic Republic of the Congo."
    [incident] = extract(text)
    assert incident.event_date == "2021-10"


@pytest.mark.parametrize(
    "sentence",
    ["The 23 passengers on board were all killed.", "All 23 people aboard the ferry were killed."],
)
def test_the_dead_on_board_a_vehicle_count(sentence: str) -> None:
    assert find_casualties(sentence).fatalities == 23
