"""Sides named together: coordination ("X and Y attacked"), one country's forces listed together,
a general name before its units, and the side an attack targeted.

Every sentence is self-written.
"""

from __future__ import annotations

import pytest
from incident_text import extract

from summarizer.incidents.actors import STATE, find_actors, order_actors
from summarizer.incidents.gazetteer import gazetteer


def ordered(sentence: str, country: str) -> list[str]:
    return [a.name for a in order_actors(find_actors(sentence, gazetteer(), country))]


def test_every_subject_of_a_coordinated_attack_acts() -> None:
    sentence = "Witnesses said Turkish troops and the Syrian National Army shelled two farms near Qamishli."
    assert ordered(sentence, "Syria") == ["Military Forces of Turkey", "Syrian National Army"]


@pytest.mark.parametrize(
    ("sentence", "country", "expected"),
    [
        (
            "Kerala police and CRPF personnel exchanged fire with Maoists near a quarry.",
            "India",
            ["Police Forces of India", "Naxal-Maoist Rebels (India)"],
        ),
        (
            "Troops, BSF and state police surrounded a hideout of JeM militants.",
            "India",
            ["Military Forces of India", "JeM: Jaish-e-Mohammed"],
        ),
        (
            "Security forces comprising the Border Security Force and the police cornered LeT fighters.",
            "India",
            ["Police Forces of India Border Security Force", "LeT: Lashkar-e-Taiba"],
        ),
    ],
)
def test_one_countrys_forces_named_together_are_one_side(
    sentence: str, country: str, expected: list[str]
) -> None:
    assert ordered(sentence, country) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenyan police and soldiers clashed over a roadblock in Garissa.",
        "A gunfight between police and soldiers broke out at a bar in Garissa.",
    ],
)
def test_forces_that_fought_each_other_stay_two_sides(sentence: str) -> None:
    assert ordered(sentence, "Kenya") == ["Police Forces of Kenya", "Military Forces of Kenya"]


def test_rival_governments_forces_named_together_stay_two_sides() -> None:
    sentence = "GNA and LNA forces shelled each other's positions south of the airport."
    assert len(ordered(sentence, "Libya")) == 2


def test_a_general_name_stays_when_the_forces_it_includes_are_not_its_units() -> None:
    sentence = "Security forces, including police officers and soldiers, detained the smugglers."
    assert ordered(sentence, "Kenya")[0] == "Military Forces of Kenya"


@pytest.mark.parametrize(
    "sentence",
    [
        "A roadside bomb exploded targeting a supply convoy of the Global Coalition near Samawah.",
        "An explosive device went off targeting Peshmerga fighters in a village near Makhmour.",
    ],
)
def test_the_side_an_attack_targeted_is_its_target(sentence: str) -> None:
    mentions = find_actors(sentence, gazetteer(), "Iraq")
    assert mentions
    assert all(a.victim for a in mentions)


def test_a_groups_military_wing_named_after_it_is_the_group() -> None:
    assert ordered("LNA military vehicles were hit near Sirte.", "Libya") == [
        "Military Forces of Libya Haftar Faction"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2021, traders demonstrated in Kisumu over new market fees; security forces fired tear gas"
        " to disperse them.",
        "On 3 March 2021, youths burned tyres and threw stones at security forces in Kisumu over a blackout.",
    ],
)
def test_security_forces_facing_a_crowd_are_the_police(text: str) -> None:
    incident = extract(text)[0]
    assert incident.event_type in {"Protests", "Riots"}
    assert "Police Forces of Kenya" in {incident.actor1, incident.actor2}


def test_security_forces_in_a_battle_stay_the_military() -> None:
    incident = extract(
        "On 3 March 2021, security forces clashed with Al Shabaab militants near Mandera, Kenya."
    )[0]
    assert incident.actor1 == "Military Forces of Kenya"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "On 4 March 2021, two goatherds died when a landmine went off near Anderamboukane, Menaka. "
            "The device had been planted by ISGS fighters.",
            "Islamic State (Greater Sahara)",
        ),
        (
            "On 4 March 2021, a minibus was riddled with bullets near Bankass, Mopti, killing four "
            "travellers. JNIM militants are the suspected perpetrators.",
            "JNIM: Group for Support of Islam and Muslims",
        ),
        (
            "On 4 March 2021, a roadside bomb hit a police pickup near Afgooye, Lower Shabelle. "
            "Al Shabaab said it had carried out the ambush.",
            "Al Shabaab",
        ),
        (
            "On 4 March 2021, a suicide bomber struck an army checkpoint in Baiji, Salah al-Din, Iraq, "
            "killing three soldiers. The bombing bore the hallmarks of the Islamic State.",
            "Islamic State (Iraq)",
        ),
    ],
)
def test_the_next_sentence_may_name_who_did_it(text: str, actor1: str) -> None:
    assert extract(text)[0].actor1 == actor1


def test_a_named_attacker_is_not_replaced_by_the_next_sentence() -> None:
    text = (
        "On 4 March 2021, Al Shabaab fighters opened fire on supply lorries outside Bulo Burte, Hiraan. "
        "A truck was later hit by soldiers at a checkpoint."
    )
    assert extract(text)[0].actor1 == "Al Shabaab"


@pytest.mark.parametrize(
    ("sentence", "country", "expected"),
    [
        (
            "The army said it killed nine ISWAP fighters near Gajiram.",
            "Nigeria",
            ["Military Forces of Nigeria", "Islamic State (West Africa)"],
        ),
        (
            "Al Shabaab said its fighters ambushed a convoy near Wanlaweyn.",
            "Somalia",
            ["Al Shabaab"],
        ),
    ],
)
def test_a_source_telling_its_own_act_acted(sentence: str, country: str, expected: list[str]) -> None:
    assert ordered(sentence, country) == expected


def test_a_source_telling_its_own_loss_was_harmed() -> None:
    mentions = find_actors("Hezbollah said two of its fighters died in a drone strike.", gazetteer(), "Syria")
    assert [(a.name, a.victim) for a in mentions] == [("Hezbollah", True)]


def test_a_source_telling_what_others_did_is_no_side() -> None:
    assert ordered("Police said gunmen killed a pastor in Onitsha.", "Nigeria") == [
        "Unidentified Armed Group (Nigeria)",
        "Civilians (Nigeria)",
    ]


def test_a_bare_soldier_belongs_to_the_forces_named_before() -> None:
    sentence = "Israeli troops shot a man who had stabbed a soldier at a checkpoint near Jenin."
    assert ordered(sentence, "Palestine") == ["Military Forces of Israel"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Saraya Awliya al-Dam claimed responsibility for the rocket fire.", "Saraya Awliya al-Dam"),
        ("The Mujahideen Shura Council (MSC) claimed responsibility.", "Mujahideen Shura Council"),
        ("Liwa Thar al-Muhandis has claimed the attack.", "Liwa Thar al-Muhandis"),
        # Words that open the sentence are no part of the name.
        ("Later Kataib Nour al-Din claimed responsibility for the mortar fire.", "Kataib Nour al-Din"),
        ("On Thursday Saraya Awliya al-Dam claimed responsibility.", "Saraya Awliya al-Dam"),
        ("Meanwhile Liwa Thar al-Muhandis claimed credit for the blast.", "Liwa Thar al-Muhandis"),
    ],
)
def test_a_group_known_only_by_its_claim_is_named(sentence: str, expected: str) -> None:
    mentions = find_actors(sentence, gazetteer(), "Iraq")
    assert [(a.name, a.claimant) for a in mentions] == [(expected, True)]


@pytest.mark.parametrize(
    "sentence",
    [
        "No group claimed responsibility for the bombing.",
        "The group claimed responsibility in a statement.",
        "Yesterday Nobody claimed responsibility for the car bomb.",
        "Since January No one claimed responsibility for the shelling.",
        "Five militia members were killed in the blast.",
    ],
)
def test_no_group_is_read_from_words_that_name_none(sentence: str) -> None:
    assert all(
        a.name.startswith(("Unidentified", "Civilians")) for a in find_actors(sentence, gazetteer(), "Iraq")
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine claimed responsibility for the strike on the fuel depot.",
        "Later Ukrainian Forces claimed credit for the sinking of the tug.",
    ],
)
def test_a_country_that_claims_an_attack_is_its_military(sentence: str) -> None:
    mentions = find_actors(sentence, gazetteer(), "Russia")
    assert [(a.name, a.kind, a.claimant) for a in mentions] == [("Military Forces of Ukraine", STATE, True)]
