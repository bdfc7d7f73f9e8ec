"""Who struck in full-length news (invented texts): weapons carried are not weapons used, and two
sides named as firing together both struck the people harmed."""

from __future__ import annotations

from datetime import date

from incident_text import extract, kind

REFERENCE = date(2023, 9, 14)  # a Thursday


def test_a_list_of_weapons_carried_is_no_explosion() -> None:
    assert (
        kind("The raiders, armed with rifles, machetes and hand grenades, tried to climb the wall.") is None
    )
    assert kind("Attackers hurled grenades at the police post.") == ("Explosions/Remote violence", "Grenade")


def test_two_sides_that_fired_together_struck_the_people_harmed() -> None:
    text = (
        "Shells hit a market in Sake, Congo, on Tuesday, killing seven people, officials said.\n\n"
        "An army spokesman said the shells were fired by M23 rebels and the Rwandan army."
    )
    [incident] = extract(text, REFERENCE)
    assert incident.actor1 == "M23: March 23 Movement"
    assert incident.actor2 == "Civilians (Democratic Republic of Congo)"


def test_a_side_that_fired_at_another_is_still_its_target() -> None:
    text = "Rebels fired mortars at an army base in Sake, Congo, on Tuesday, killing two soldiers."
    [incident] = extract(text, REFERENCE)
    assert incident.actor2 == "Military Forces of the Democratic Republic of Congo"
