"""Incident-database summaries ("MM/DD/YYYY: Assailants ..."): wording rules on self-written summaries."""

from __future__ import annotations

import pytest
from incident_text import extract, kind

from summarizer.incidents.actors import find_actors
from summarizer.incidents.counts import find_casualties
from summarizer.incidents.gazetteer import gazetteer


@pytest.mark.parametrize(
    ("sentence", "dead"),
    [
        ("The gunman and 9 others were killed in the raid.", 10),
        ("The blast killed the bomber and four shoppers.", 5),
        ("In addition to the attacker, seven people were killed and 12 others were hurt.", 8),
        ("Eleven people, including the bomber, were killed.", 11),
        ("The explosion killed 6 people, including the assailant.", 6),
        ("Unknown men assassinated a village headman near the well.", 1),
        ("The victim was later found dead near the road.", 1),
        ("Three hostages were executed by the captors.", 3),
        ("At least 8 people were killed and 20 others were injured.", 8),
        ("Both assailants were killed by the guards.", 2),
        ("The two bombers were killed in the blasts.", 2),
        ("The guard and his three sons were killed at their home.", 4),
    ],
)
def test_database_style_death_counts(sentence: str, dead: int) -> None:
    assert find_casualties(sentence).fatalities == dead


def test_a_person_by_role_counts_with_others_among_the_injured() -> None:
    assert find_casualties("The driver and three passengers were wounded.").injuries == 4


def test_both_of_two_groups_is_no_count() -> None:
    assert find_casualties("Both herders and traders were killed in the raid.").fatalities is None


def test_in_addition_to_needs_a_death() -> None:
    assert find_casualties("In addition to the gunman, two guards were injured.").fatalities is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Raiders took nine miners hostage at the quarry.",
        "A hostage-taking at the bank in Velmor ended at dawn.",
    ],
)
def test_hostage_taking_is_an_abduction(sentence: str) -> None:
    assert kind(sentence) == ("Violence against civilians", "Abduction/forced disappearance")


@pytest.mark.parametrize(
    "sentence",
    [
        "The Islamic State of Iraq and the Levant (ISIL) claimed responsibility for the blast.",
        "The Taliban are suspected of carrying out the ambush.",
        "Local officials attributed the attack to the Taliban.",
    ],
)
def test_claimants_and_suspects(sentence: str) -> None:
    found = find_actors(sentence, gazetteer(), "Iraq")
    assert [a.claimant for a in found][:1] == [True]


def test_a_named_source_is_no_claimant() -> None:
    found = find_actors("Police said the blast destroyed a shop.", gazetteer(), "Iraq")
    assert not any(a.claimant for a in found)


def test_a_summary_end_to_end() -> None:
    text = (
        "02/11/2016: A suicide bomber detonated an explosives-laden vest at a checkpoint in Baqubah "
        "city, Diyala governorate, Iraq. The bomber and four police officers were killed and six others "
        "were injured in the blast. The Islamic State of Iraq and the Levant (ISIL) claimed responsibility."
    )
    [incident] = extract(text, None)
    assert (incident.event_date, incident.country, incident.admin1, incident.location) == (
        "2016-02-11",
        "Iraq",
        "Diyala",
        "Baqubah",
    )
    assert (incident.event_type, incident.sub_event_type) == ("Explosions/Remote violence", "Suicide bomb")
    assert (incident.actor1, incident.actor2, incident.fatalities) == (
        "Islamic State (Iraq)",
        "Police Forces of Iraq",
        5,
    )


def test_no_claim_leaves_an_unidentified_group() -> None:
    text = (
        "07/23/2013: Assailants fired mortar shells at a market in Baiji city, Salah ad-Din governorate, "
        "Iraq. Two civilians were killed. No group claimed responsibility for the incident."
    )
    [incident] = extract(text, None)
    assert (incident.event_type, incident.sub_event_type) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
    assert (incident.actor1, incident.actor2, incident.fatalities) == (
        "Unidentified Armed Group (Iraq)",
        "Civilians (Iraq)",
        2,
    )
    assert incident.event_date == "2013-07-23"


def test_a_related_attack_keeps_its_own_toll() -> None:
    text = (
        "10/04/2012: An explosive device detonated near a bus stop in Kut city, Wasit governorate, Iraq. "
        "Three people were killed and nine others were wounded. This was one of four related attacks in "
        "Wasit on this date; the attacks killed 14 people in total."
    )
    assert [i.fatalities for i in extract(text, None)] == [3]


def test_an_attack_with_explosives_is_a_remote_explosion() -> None:
    assert kind("Raiders struck the Velmor water tower with explosives at night.") == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )


def test_forces_harmed_in_a_later_sentence_are_the_target() -> None:
    text = (
        "09/14/2015: Assailants opened fire on an outpost in Qaryat village, Nineveh governorate, Iraq. "
        "Three soldiers were killed."
    )
    [incident] = extract(text, None)
    assert (incident.event_type, incident.actor1, incident.actor2, incident.fatalities) == (
        "Battles",
        "Unidentified Armed Group (Iraq)",
        "Military Forces of Iraq",
        3,
    )


def test_forces_a_bomb_went_off_near_are_its_target() -> None:
    text = (
        "05/19/2012: An explosive device detonated near a police patrol in Qaryat village, Nineveh "
        "governorate, Iraq. No casualties were reported."
    )
    [incident] = extract(text, None)
    assert (incident.actor1, incident.actor2) == ("Unidentified Armed Group (Iraq)", "Police Forces of Iraq")


def test_a_day_written_00_is_unknown() -> None:
    text = "08/00/2016: Assailants abducted six shepherds near Qaryat village, Nineveh governorate, Iraq."
    assert [i.event_date for i in extract(text, None)] == ["2016-08"]


@pytest.mark.parametrize(
    ("unit", "admin1"),
    [
        ("Salah ad-Din", "Salah al-Din"),
        ("Saladin", "Salah al-Din"),
        ("Ninawa", "Ninewa"),
        ("Al Anbar", "Al-Anbar"),
        ("Tamim", "Kirkuk"),
        ("Dahuk", "Duhok"),
        ("Arbil", "Erbil"),
    ],
)
def test_governorate_spellings(unit: str, admin1: str) -> None:
    text = f"04/16/2013: Assailants shot a shepherd in Qaryat village, {unit} governorate, Iraq."
    assert [i.admin1 for i in extract(text, None)] == [admin1]
