"""Detection cues for a class of phrasing (tense, voice, noun or verb, synonyms): invented sentences."""

from __future__ import annotations

import pytest
from incident_text import extract, kind

AIR = ("Explosions/Remote violence", "Air/drone strike")
IED = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
SUICIDE = ("Explosions/Remote violence", "Suicide bomb")
ATTACK = ("Violence against civilians", "Attack")
ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")
CLASH = ("Battles", "Armed clash")
DISRUPTED = ("Strategic developments", "Disrupted weapons use")
RIOT = ("Riots", "Violent demonstration")
PEACEFUL = ("Protests", "Peaceful protest")
TAKEN = ("Battles", "Non-state actor overtakes territory")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Warplanes carried out four strikes on the hills east of Varnok.", AIR),
        ("Unidentified aircraft conducted raids on a fuel depot near Tel Harun.", AIR),
        ("A military helicopter gunship fired on a farm outside Qasr Amil.", AIR),
        ("The rebels launched an explosive-laden drone towards the airport of Dorvan.", AIR),
        ("An air-strike hit a market in Solbek on Friday.", AIR),
        ("Saudi strikes on the port of Marwan killed two dock workers.", AIR),
        ("A quadcopter hit a checkpoint near Lusk.", AIR),
        ("A car-bomb killed two guards at the governor's office in Hamrit.", IED),
        ("A magnetic bomb attached to a minibus killed its driver in Darel.", IED),
        ("A shepherd was killed when unexploded ordnance went off near Tabra.", IED),
        ("Militants were planting explosives under a bridge near Oska.", IED),
        ("A man wearing an explosive belt blew up a wedding hall in Nasra.", SUICIDE),
        ("The army was bombarding the outskirts of Pelin on Sunday.", SHELLING),
    ],
)
def test_remote_violence_in_its_other_words(sentence: str, expected: tuple[str, str]) -> None:
    assert kind(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Soldiers opening fire at a minibus wounded three passengers in Kaveri.",
        "Masked men opens fire on a cafe in Trelo.",
        "A farmer was bludgeoned to death by raiders in Ubanda.",
        "The guard's car was riddled with bullets outside his house in Moseta.",
        "Two youths splashed acid on a shopkeeper in Reval.",
        "A man poured petrol over a health worker in Santa Ines.",
        "Unknown assailants robbed a bus of passengers near Kiboga.",
    ],
)
def test_attacks_in_their_other_forms(sentence: str) -> None:
    assert kind(sentence) == ATTACK


@pytest.mark.parametrize(
    "sentence",
    [
        "Four masked men forced a trader into their car in Lorca and drove off.",
        "The engineer was bundled into a van outside his office in Taraz.",
        "A teacher was taken away by unknown men from her school in Ilom.",
        "The activist was forcibly disappeared after the rally in Kessa.",
        "Insurgents took nine passengers hostage on the road to Barat.",
        "The kidnap of a nurse in Ondo was reported by her family.",
    ],
)
def test_abductions_told_without_the_word(sentence: str) -> None:
    assert kind(sentence) == ABDUCTION


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hitmen targeted a village guard in Ruda.", CLASH),
        ("Soldiers were clashing with rebels near Moba on Tuesday.", CLASH),
        ("The garrison was repelling an attack on its outpost at Kilo.", CLASH),
    ],
)
def test_battles_in_their_other_forms(sentence: str, expected: tuple[str, str]) -> None:
    assert kind(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Air defences intercepted several armed drones over the city of Nabir.",
        "A ballistic missile was intercepted over Jarash on Sunday.",
        "Two rockets were downed before reaching Ostra.",
        "Engineers neutralised a roadside bomb on the Kelso road.",
    ],
)
def test_weapons_intercepted_or_defused_actively_or_passively(sentence: str) -> None:
    assert kind(sentence) == DISRUPTED


@pytest.mark.parametrize(
    "text",
    [
        "On 3 June 2021, a device exploded near a bakery in Kovar.",
        "On 3 June 2021, an explosion of unknown origin hit a fuel depot in Kovar.",
    ],
)
def test_a_device_that_exploded_or_an_explosion_that_hit_something_is_an_incident(text: str) -> None:
    assert [(i.event_type, i.sub_event_type) for i in extract(text)] == [IED]


@pytest.mark.parametrize(
    "sentence",
    [
        "Protesters set fire to tyres on the main road of Talvi.",
        "Demonstrators blocked the avenue with debris and lit tyres in Moren.",
    ],
)
def test_tyres_set_on_fire_make_a_riot(sentence: str) -> None:
    assert kind(sentence) == RIOT


def test_victims_of_a_disaster_who_block_a_road_are_protesting() -> None:
    sentence = "On 3 June 2021, residents who were victims of the landslide blocked the highway in Kisoro."
    assert kind(sentence) == ("Protests", "Peaceful protest")
    # the victims of an attack are still no new event
    assert kind("The victims of the bombing were buried in Kisoro.") is None


def test_legislators_who_hold_a_protest_outside_their_chamber_protest() -> None:
    assert kind("Opposition MPs held a protest in the main square of Varna against the new tax.") == (
        "Protests",
        "Peaceful protest",
    )
    assert kind("Opposition MPs protested during the debate on the new tax.") is None


def test_a_demand_that_names_a_crime_is_the_protest_not_the_crime() -> None:
    sentence = "Students staged a sit-in in Ravel, demanding a law punishing every form of sexual assault."
    assert kind(sentence) == ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    "text",
    [
        "On 4 June 2021, Kenyan forces arrested six young men during a raid on a village near Mandera.",
        "On 4 June 2021, police arrested two members of the Liberty Front in Nakuru.",
        "On 4 June 2021, police arrested an ISIS suspect in Mombasa.",
    ],
)
def test_arrests_by_a_countrys_forces_or_of_a_partys_members_are_conflict_events(text: str) -> None:
    found = [(i.event_type, i.sub_event_type) for i in extract(text)]
    assert found == [("Strategic developments", "Arrests")]


def test_arrests_of_ordinary_suspects_by_police_forces_are_no_incident() -> None:
    assert extract("On 4 June 2021, police forces arrested a shoplifter in Nakuru.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Violent demonstrations shook the centre of Lirano on Friday.", RIOT),
        ("Demonstrators burned garbage at the gates of the town hall in Selva.", RIOT),
        ("Marchers left mattresses ablaze on the ring road of Ostin.", RIOT),
        ("Nurses barricaded themselves inside the ministry in Pavo to protest unpaid wages.", PEACEFUL),
        ("Traders held a dharna outside the district office in Rampur.", PEACEFUL),
        ("Shopkeepers observed a bandh in Kalinpur against the new levy.", PEACEFUL),
    ],
)
def test_crowd_forms_riot_or_protest(sentence: str, expected: tuple[str, str]) -> None:
    assert kind(sentence) == expected


def test_patients_who_stormed_out_attacked_nobody() -> None:
    assert kind("Angry patients stormed out of the clinic in Varesk.") is None


def test_an_attack_named_in_a_long_demand_is_what_is_demanded() -> None:
    sentence = (
        "Farmers demonstrated in Olmo to demand more patrols on the roads, the return of the"
        " displaced and an end to the attacks on their fields."
    )
    assert kind(sentence) == PEACEFUL
    # a past verb after the demand happened: the protest was attacked
    assert kind("Farmers demanding water were attacked by guards at the dam near Olmo.") == ATTACK


def test_an_event_dated_to_the_previous_week_is_background() -> None:
    sentence = "Relatives gathered outside the jail after the riots inside it in the previous week."
    assert kind(sentence) is None
    assert kind("Gunmen attacked the market the day before the vote.") == ATTACK


@pytest.mark.parametrize(
    "text",
    [
        "On 2 June 2021, a group of about 30 masked people beat up a suspected thief in Kavala, Kenya.",
        "On 14 August 2022, six people assaulted a cyclist in Eldoret, Kenya.",
    ],
)
def test_a_few_people_or_a_group_named_by_its_size_beating_someone_is_mob_violence(text: str) -> None:
    assert [(i.event_type, i.sub_event_type) for i in extract(text)] == [("Riots", "Mob violence")]


def test_clans_or_villagers_who_clash_with_firearms_fight_a_battle() -> None:
    text = "On 2 June 2021, villagers of two hamlets clashed with rifles near Garissa, Kenya, wounding four."
    assert [(i.event_type, i.sub_event_type) for i in extract(text)] == [CLASH]


def test_a_clash_when_police_break_up_a_protest_is_a_riot() -> None:
    text = (
        "On 9 March 2023, about 200 nurses rallied at the county offices in Nyeri, Kenya."
        " Fighting with the police erupted as officers moved them away from the gate."
    )
    assert [(i.event_type, i.sub_event_type) for i in extract(text)] == [RIOT]


def test_weapons_seized_after_a_fight_do_not_make_it_a_strategic_development() -> None:
    text = (
        "On 2 June 2021, soldiers clashed with al-Shabaab militants near Mandera, Kenya."
        " The soldiers later recovered rifles and ammunition from the militants."
    )
    assert [(i.event_type, i.sub_event_type) for i in extract(text)] == [CLASH]


@pytest.mark.parametrize(
    "sentence",
    [
        "Sirens sounded as nine explosions shook the outskirts of Dobrivka overnight.",
        "Residents heard a series of blasts on the edge of Varnitsa overnight.",
    ],
)
def test_explosions_counted_with_no_device_named_are_shelling(sentence: str) -> None:
    assert kind(sentence) == SHELLING
    assert kind("An explosion tore through a cafe in Varnitsa.") == IED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 11 May 2023, students pelted a traffic police car with stones in Kakamega, Kenya.",
            ("Riots", "Mob violence"),
        ),
        (
            "On 11 May 2023, students pelted a police car with stones in Kakamega, Kenya, demanding a road.",
            RIOT,
        ),
        (
            "On 11 May 2023, hawkers protested and pelted a police car with stones in Kakamega, Kenya.",
            RIOT,
        ),
    ],
)
def test_a_crowds_violence_is_a_violent_demonstration_only_with_a_protest_or_demand(
    text: str, expected: tuple[str, str]
) -> None:
    assert [(i.event_type, i.sub_event_type) for i in extract(text)] == [expected]


def test_someone_abducted_and_then_killed_is_an_attack() -> None:
    text = "On 2 June 2021, gunmen abducted a trader in Bungoma, Kenya, and later killed him. 1 fatality."
    assert [(i.event_type, i.sub_event_type) for i in extract(text)] == [ATTACK]
    kept = extract("On 2 June 2021, gunmen abducted a trader in Bungoma, Kenya.")
    assert [(i.event_type, i.sub_event_type) for i in kept] == [ABDUCTION]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A drone of unknown affiliation struck a pick-up truck near Tel Abyad.", AIR),
        ("Coast guards fired at fishing boats off the shore of Ras Kel.", ATTACK),
        ("Troops neutralised four militants in the mountains above Harzan.", CLASH),
        ("A tribal dispute over grazing land turned deadly in Wadi Sirr.", CLASH),
        (
            "Settlers uprooted dozens of olive trees in the village of Kafr Ain.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "Soldiers fired rubber-coated metal bullets at stone throwers in Beit Rima.",
            ("Protests", "Protest with intervention"),
        ),
    ],
)
def test_middle_east_report_wording(sentence: str, expected: tuple[str, str]) -> None:
    assert kind(sentence) == expected


def test_protesters_who_act_are_not_a_grievance() -> None:
    assert kind("Protesters set fire to the offices of the ruling party in Kut.") == (
        "Strategic developments",
        "Looting/property destruction",
    )
    text = "On 2 June 2021, protesters stormed the county offices in Nakuru, Kenya."
    assert [(i.event_type, i.sub_event_type) for i in extract(text)] == [RIOT]


def test_clashes_between_families_with_heavy_weapons_are_a_battle() -> None:
    text = "On 2 June 2021, two families clashed with light and medium weapons in Wajir, Kenya. One died."
    assert [(i.event_type, i.sub_event_type) for i in extract(text)] == [CLASH]


def test_arrests_by_a_named_countrys_security_forces_are_conflict_events() -> None:
    text = "On 2 June 2021, Ugandan security forces arrested nine members of a religious minority in Gulu."
    assert [(i.event_type, i.sub_event_type) for i in extract(text)] == [
        ("Strategic developments", "Arrests")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebels captured the town of Mirbat after heavy clashes with the army.", TAKEN),
        ("Fighters took control of Qasr Dinar after fierce fighting.", TAKEN),
        ("Troops captured a rebel commander during clashes near Mirbat.", CLASH),
    ],
)
def test_a_place_captured_in_a_fight_is_territory_taken_a_person_captured_is_not(
    sentence: str, expected: tuple[str, str]
) -> None:
    assert kind(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Guards killed a bandit carrying a grenade at the gate of a warehouse in Kitale.",
        "An army operation backed by airstrikes killed nine insurgents in Wadi Ruk.",
        "Soldiers and rebels fought with small and heavy weapons near Ombel.",
    ],
)
def test_a_weapon_carried_or_in_support_does_not_make_the_fight_an_explosion(sentence: str) -> None:
    found = kind(sentence)
    assert found is not None
    assert found[0] != "Explosions/Remote violence"
