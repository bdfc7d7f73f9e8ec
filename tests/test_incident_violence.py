"""Rules that find violent events (battles, attacks, explosions, riots) named by less common words."""

from __future__ import annotations

import pytest
from incident_text import extract, kind

from summarizer.incidents.counts import find_casualties
from summarizer.incidents.events import classify, not_an_event

AIR = ("Explosions/Remote violence", "Air/drone strike")
DEVICE = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
CLASH = ("Battles", "Armed clash")
ATTACK = ("Violence against civilians", "Attack")
MOB = ("Riots", "Mob violence")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The air force targeted a rebel convoy near the river.", AIR),
        ("Government air forces bombed the market town twice.", AIR),
        ("The military forces of the republic bombed rebel camps in the forest.", AIR),
        ("Bombs were dropped from a plane on the rebel camp.", AIR),
        ("Two bombs planted near the gate injured three guards.", DEVICE),
        ("Insurgents set off explosives beside the pipeline.", DEVICE),
        ("Unknown men bombed the offices of the newspaper.", DEVICE),
        ("The two factions exchanged gun fire near the market.", CLASH),
    ],
)
def test_air_strikes_and_bombs_named_by_their_verb(sentence: str, expected: tuple[str, str]) -> None:
    assert kind(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Suspected militants assassinated a village chief at his home.",
        "Two gunmen fired shots at a retired judge as he left court.",
        "A stray bullet struck a girl in her classroom.",
        "Masked men threw molotov cocktails at a bus depot.",
        "Three women were tonsured by a crowd that accused them of witchcraft.",
        "Police officers detained and began beating a doctor outside the clinic.",
        "An inmate was beaten by prison guards after a visit.",
        "Police beat and injured a street vendor near the station.",
    ],
)
def test_attacks_named_by_less_common_verbs(sentence: str) -> None:
    assert kind(sentence) == ATTACK


@pytest.mark.parametrize(
    "sentence",
    [
        "The home side beat the champions 2-1 on Saturday.",
        "The champions were beaten by the home side in the final.",
        "The film about gangsters beat off strong competition at the awards.",
        "The bakery fired its staff after the strike.",
        "The police found the stolen money in a bag.",
    ],
)
def test_sport_and_ordinary_words_are_no_attack(sentence: str) -> None:
    assert kind(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "A teenager was found dead in a bag behind the school.",
        "Two bodies wrapped in sheets were found in an empty lot.",
        "Human remains in three plastic bags were discovered at a dump.",
        "A dismembered body was discovered in a cornfield.",
        "A dead man with his throat slit was found in a ditch.",
    ],
)
def test_bodies_found_with_signs_of_a_killing(sentence: str) -> None:
    found = classify(sentence)
    assert found is not None
    assert (found.event_type, found.sub_event_type, found.outcome) == (*ATTACK, "body found")


def test_violence_between_communities_is_a_battle_a_fight_among_people_mob_violence() -> None:
    assert kind("Inter-clan violence flared near the wells and left two dead.") == CLASH
    assert kind("Police intervened in a fight between several groups of villagers.") == MOB
    assert kind("A brawl broke out at the wedding.") == MOB
    assert kind("The fight between the two boxers was postponed.") is None


def test_a_scene_set_by_day_and_place_then_the_violence() -> None:
    scene = "On 3 October 2021, in Kandahar, Afghanistan, police went to a market in search of a trader."
    [incident] = extract(f"{scene} A shoot-out broke out and the trader escaped.")
    assert (incident.event_type, incident.event_date) == ("Battles", "2021-10-03")
    assert incident.location == "Kandahar"
    assert extract(f"{scene} The trader was later released.") == []
    # Not when the scene is a paragraph away.
    assert extract(f"{scene}\n\nA shoot-out broke out and the trader escaped.") == []


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("A shopkeeper was beaten to death after a row over coronavirus masks.", None),
        ("A crowd vandalized the clinic and pelted stones at it over coronavirus cases.", None),
        ("The new virus has already killed more than 1,000 people.", "accident"),
        ("Clashes broke out between rival fans during a commemoration for a 1999 disaster.", None),
        ("Residents marked the first anniversary of the massacre.", "anniversary"),
        ("Two families clashed in a village, as one insisted that a returning worker be quarantined.", None),
        ("Protesters were shot by the police, though the police denied it.", None),
        ("The army denied that its soldiers shot the protesters.", "opinion"),
        ("The army should stop attacking villages.", "opinion"),
    ],
)
def test_violence_during_an_epidemic_a_commemoration_or_a_denial_stands(
    sentence: str, reason: str | None
) -> None:
    assert not_an_event(sentence) == reason


def test_armed_sides_clashing_on_a_stated_day_somewhere_unknown() -> None:
    [incident] = extract(
        "On 3 October 2021, armed rustlers clashed with militiamen guarding cattle at an unknown location."
    )
    assert (incident.event_type, incident.event_date) == ("Battles", "2021-10-03")
    assert extract("On 3 October 2021, the two parties clashed over the budget.") == []


SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Fighter jets pounded the hills above the town.", AIR),
        ("The army pounded rebel hideouts for a second day.", SHELLING),
        ("A shell landed near the school.", SHELLING),
        ("Rockets fell on the town overnight.", SHELLING),
        ("Militants mortared the base.", SHELLING),
        ("An explosive charge went off near a patrol.", DEVICE),
        ("The army and the rebels engaged in heavy combat near the town.", CLASH),
        ("A police patrol came under fire near the border.", CLASH),
        ("Unknown assailants attempted to kill the judge.", ATTACK),
        ("A farmer was wounded by Israeli fire near the fence.", ATTACK),
        ("A man was injured by gunfire from the guards.", ATTACK),
        ("Armed men robbed travellers on the highway.", ATTACK),
        ("Rebels fired on a helicopter over the valley.", ATTACK),
    ],
)
def test_shelling_fire_and_attempts_on_life(sentence: str, expected: tuple[str, str]) -> None:
    assert kind(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister came under fire for his remarks.",
        "The manager was fired on Monday after the defeat.",
        "Waves pounded the coast during the storm.",
        "The shell company fell into debt.",
        "The player was injured by a late tackle.",
    ],
)
def test_criticism_dismissals_and_storms_are_no_attack(sentence: str) -> None:
    assert kind(sentence) is None


def test_an_attempt_to_kill_counts_no_dead() -> None:
    assert find_casualties("A mob attempted to kill a thief and set fire to his shop.").fatalities is None
    assert find_casualties("Gunmen kill 5 soldiers near the border.").fatalities == 5


@pytest.mark.parametrize(
    "sentence",
    [
        "The vote follows a drone strike that killed a general in the capital.",
        "The decision comes after two suicide bombings in the capital.",
        "Turkey would take over guarding captured ISIS fighters.",
    ],
)
def test_background_events_and_prisoners_are_no_new_event(sentence: str) -> None:
    assert kind(sentence) is None


def test_a_toll_counted_up_to_a_day_is_cumulative() -> None:
    assert not_an_event("As of 30 September, officials said 790 soldiers had been killed.") == "cumulative"
    assert kind("Rebels captured the town on Monday.") == ("Battles", "Non-state actor overtakes territory")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Militants targeted a military base near the border.", CLASH),
        ("The drone targeted army positions north of the town.", AIR),
        ("Armed confrontations took place between the army and the rebels.", CLASH),
        ("Violent confrontations erupted between the two tribes.", CLASH),
        ("The rebels launched a new offensive on the town.", CLASH),
        ("Youths hurled stones at the police station.", ("Riots", "Violent demonstration")),
        ("A journalist was shot.", ATTACK),
    ],
)
def test_targeted_confrontations_offensives_and_stones(sentence: str, expected: tuple[str, str]) -> None:
    assert kind(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister launched a charm offensive among voters.",
        "The advertising campaign targeted young voters.",
        "He confronted the minister about the budget.",
    ],
)
def test_campaigns_and_arguments_are_no_battle(sentence: str) -> None:
    assert kind(sentence) is None


@pytest.mark.parametrize(
    "text",
    [
        "On 3 October 2021, in Kandahar, Afghanistan, a smuggler died after exchanging fire with police.",
        "On 3 October 2021, in Kandahar, Afghanistan, a gang member was shot dead by armed men.",
    ],
)
def test_armed_people_killed_in_a_fight_are_a_battle(text: str) -> None:
    [incident] = extract(text)
    assert (incident.event_type, incident.sub_event_type) == CLASH


def test_an_off_duty_or_former_soldier_attacked_is_violence_against_civilians() -> None:
    text = "On 3 October 2021, in Kandahar, Afghanistan, militants shot and killed {} near a mosque."
    [off_duty] = extract(text.format("an off-duty soldier"))
    assert (off_duty.event_type, off_duty.sub_event_type) == ATTACK
    [on_duty] = extract(text.format("a soldier"))
    assert (on_duty.event_type, on_duty.sub_event_type) == CLASH


@pytest.mark.parametrize(
    "text",
    [
        "On 3 October 2021, two communities fought with sticks and stones in Kandahar, Afghanistan.",
        "On 3 October 2021, two mobs clashed over a field in Kandahar, Afghanistan.",
        "On 3 October 2021, members of the ruling party clashed with opposition supporters in Kandahar.",
    ],
)
def test_crowds_that_clash_with_stones_or_as_parties_riot(text: str) -> None:
    [incident] = extract(text)
    assert (incident.event_type, incident.sub_event_type) == MOB


def test_armed_groups_that_clash_are_still_a_battle() -> None:
    [incident] = extract(
        "On 3 October 2021, militants clashed with two communities in Kandahar, Afghanistan."
    )
    assert (incident.event_type, incident.sub_event_type) == CLASH


def test_an_attack_with_looting_is_the_attack_looting_alone_property_destruction() -> None:
    assert kind("Militants attacked the village, beheaded a man and looted shops.") == ATTACK
    looting = ("Strategic developments", "Looting/property destruction")
    assert kind("Unknown men looted shops in the market.") == looting
