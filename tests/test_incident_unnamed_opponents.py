"""Sides a report leaves unnamed, in ACLED's conventions (invented sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.articles.model import Article
from summarizer.incidents import Incident, extract_incidents


def extract(text: str) -> list[Incident]:
    return extract_incidents(Article(id="t", title="", text=text, reference_date=date(2021, 3, 9)))


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "Civil police officers trading gunfire with suspects during a dawn search of a house in "
            "Caruaru, Pernambuco, left one suspect dead on 7 March 2021, the state security department said.",
            "Police Forces of Brazil Civil Police",
            "Unidentified Gang and/or Police Militia",
        ),
        (
            "On 6 March 2021, soldiers exchanged fire with someone near Dori, Seno, Burkina Faso. "
            "One soldier was wounded.",
            "Military Forces of Burkina Faso",
            "Unidentified Armed Group (Burkina Faso)",
        ),
    ],
)
def test_forces_that_fought_an_unnamed_side_face_the_unnamed_attacker_of_the_place(
    text: str, actor1: str, actor2: str
) -> None:
    incident = extract(text)[0]
    assert (incident.event_type, incident.actor1, incident.actor2) == ("Battles", actor1, actor2)


def test_a_clash_between_two_named_sides_keeps_both() -> None:
    incident = extract(
        "On 5 March 2021, soldiers clashed with Al Shabaab fighters near Jowhar, Middle Shabelle, Somalia."
    )[0]
    assert (incident.actor1, incident.actor2) == ("Military Forces of Somalia", "Al Shabaab")


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March 2021, fishermen and market porters clashed with sticks over a jetty in Kisumu, Kenya, "
        "and four people were injured.",
        "On 3 March 2021, a brawl broke out between two crowds of football fans in Kumasi, Ghana; "
        "several cars were vandalised.",
    ],
)
def test_a_riot_told_as_a_clash_with_no_force_in_it_is_rioters_against_rioters(text: str) -> None:
    incident = extract(text)[0]
    country = incident.country
    assert (incident.event_type, incident.actor1, incident.actor2) == (
        "Riots",
        f"Rioters ({country})",
        f"Rioters ({country})",
    )


def test_a_riot_against_police_keeps_the_police_as_target() -> None:
    incident = extract(
        "On 2 March 2021, traders clashed with police and burned tyres in Mwanza, Tanzania, after their "
        "stalls were demolished."
    )[0]
    assert (incident.actor1, incident.actor2) == ("Rioters (Tanzania)", "Police Forces of Tanzania")


def test_a_group_named_in_the_aside_about_a_claimant_is_no_side() -> None:
    incident = extract(
        "On 1 March 2021, a bomb exploded at a bus depot in Marawi, Lanao del Sur, Philippines, killing "
        "three drivers. The Islamic State, which is allied with the Abu Sayyaf Group, claimed responsibility."
    )[0]
    assert incident.actor1 == "Islamic State (Philippines)"
    assert incident.actor2 != "ASG: Abu Sayyaf"


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "Drug traffickers opened fire on civil police officers at a roadblock in Anapolis, Goias, on "
            "6 March 2021, and one trafficker was wounded in the shoot-out that followed.",
            "Unidentified Gang (Brazil)",
            "Police Forces of Brazil Civil Police",
        ),
        (
            "Gunmen ambushed a state police convoy on a highway outside Ciudad Obregon, Sonora, on "
            "6 March 2021, wounding one officer, Mexican authorities said.",
            "Unidentified Armed Group (Mexico)",
            "Police Forces of Mexico State Police",
        ),
        (
            "State police officers opened fire on a carload of armed men at a checkpoint outside Ciudad "
            "Obregon, Sonora, Mexico, on 6 March 2021, and a gunfight followed; two of the men were wounded.",
            "Police Forces of Mexico State Police",
            "Unidentified Armed Group (Mexico)",
        ),
    ],
)
def test_in_battles_between_forces_and_a_group_the_side_that_opened_fire_comes_first(
    text: str, actor1: str, actor2: str
) -> None:
    incident = extract(text)[0]
    assert (incident.event_type, incident.actor1, incident.actor2) == ("Battles", actor1, actor2)


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "On 2 March 2021, about 200 residents protested in Kavala, Greece, against the transfer of "
            "Afghan asylum seekers to a local hotel.",
            "Protesters (Greece)",
        ),
        (
            "On 2 March 2021, a group of Bolivian migrants protested outside the consulate in Iquique, "
            "Tarapaca, Chile, demanding flights home.",
            "Protesters (Bolivia)",
        ),
        # A preposition of time or number before them leaves them the crowd.
        (
            "On 2 March 2021, about two hundred Syrian refugees protested outside the governor's office in "
            "Gaziantep, Turkey, over cuts to food aid.",
            "Protesters (Syria)",
        ),
        (
            "In Ioannina, Greece, on 2 March 2021, for two weeks Afghan refugees have protested outside the "
            "town hall, demanding asylum papers.",
            "Protesters (Afghanistan)",
        ),
    ],
)
def test_foreigners_a_crowd_protested_about_are_not_the_crowd(text: str, actor1: str) -> None:
    incident = extract(text)[0]
    assert (incident.event_type, incident.actor1) == ("Protests", actor1)


def test_people_a_blast_hurt_unnamed_as_a_side_are_civilians() -> None:
    incident = extract(
        "On 3 March 2021, a grenade thrown by an unknown attacker exploded at a bakery in Gitega, "
        "Burundi. Two people were killed and nine were wounded."
    )[0]
    assert incident.event_type == "Explosions/Remote violence"
    assert incident.actor2 == "Civilians (Burundi)"


def test_fighters_hurt_by_their_own_bomb_are_not_civilians() -> None:
    incident = extract(
        "On 3 March 2021, two Al Shabaab fighters were killed when a bomb they were assembling went off "
        "prematurely near Afgoye, Lower Shabelle, Somalia."
    )[0]
    assert incident.actor2 != "Civilians (Somalia)"


def test_armed_men_a_bomb_killed_are_not_civilians() -> None:
    incident = extract(
        "On 4 March 2021, Al Shabaab detonated a roadside bomb near Bosaso, Bari, Somalia, killing three "
        "gunmen of a local militia."
    )[0]
    assert incident.event_type == "Explosions/Remote violence"
    assert incident.actor2 != "Civilians (Somalia)"
