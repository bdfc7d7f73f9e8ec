"""Event types settled by whom an act was done to, and crowds whose protest turned violent.

Every report here is invented for the rule it tests (fictional people and groups, real towns).
"""

from __future__ import annotations

from datetime import date

import pytest
from incident_text import extract, kind

from summarizer.incidents.events import attack_target, classify, names_armed_side

BATTLE = ("Battles", "Armed clash")
ON_CIVILIANS = ("Violence against civilians", "Attack")
DESTRUCTION = ("Strategic developments", "Looting/property destruction")
VIOLENT_DEMO = ("Riots", "Violent demonstration")
PUBLISHED = date(2025, 9, 22)


def first_type(text: str) -> tuple[str, str]:
    """The event type and sub-event type of the first incident found in ``text``."""
    incidents = extract(text)
    assert incidents, text
    return incidents[0].event_type, incidents[0].sub_event_type


def target_of(sentence: str) -> str:
    found = classify(sentence)
    assert found is not None
    return attack_target(sentence, found.start, found.start + len(found.cue.rstrip())).strip()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Masked attackers stabbed two border guards outside Zakho.", "two border guards"),
        ("Late at night, a customs officer was ambushed by smugglers outside Zakho.", "a customs officer"),
        ("Outside Zakho, an alleged member of the Night Hawks gang, was shot.", "an alleged member"),
        ("Raiders looted four grain stores outside Zakho overnight.", "four grain stores"),
        ("Insurgents attacked and torched a warehouse outside Zakho.", "a warehouse"),
    ],
)
def test_the_target_is_the_object_of_an_active_verb_or_the_subject_of_a_passive_one(
    sentence: str, expected: str
) -> None:
    assert expected in target_of(sentence)


@pytest.mark.parametrize(
    "text",
    [
        "On 2 September 2025, masked attackers stabbed two border guards outside Zakho, Duhok, Iraq.",
        "On 2 September 2025, a customs officer was ambushed by armed smugglers near Zahedan, Iran.",
        "On 2 September 2025, in Mosul, Nineveh, Iraq, a suspected member of the Night Hawks gang was"
        " gunned down by a rival crew.",
        "09/02/2025: Assailants shot a police sergeant at a roadblock in Kirkuk city, Kirkuk governorate,"
        " Iraq. No group claimed responsibility.",
    ],
)
def test_armed_people_as_the_target_make_an_armed_clash(text: str) -> None:
    assert first_type(text) == BATTLE


@pytest.mark.parametrize(
    "text",
    [
        "On 2 September 2025, intruders wearing army fatigues forced their way into a farmhouse near Taiz,"
        " Yemen, and shot dead two brothers.",
        "On 2 September 2025, gunmen killed a driver who delivered food to the soldiers of a nearby outpost"
        " in Aden, Yemen.",
        "On 2 September 2025, militants shot three labourers beside a police station in Homs, Syria.",
    ],
)
def test_unarmed_people_as_the_target_stay_violence_against_civilians(text: str) -> None:
    assert first_type(text) == ON_CIVILIANS


@pytest.mark.parametrize(
    "text",
    [
        "On 2 September 2025, gunmen raided four grain stores in Zarqa, Jordan, and drove off with the"
        " sacks.",
        "On 2 September 2025, insurgents attacked and torched a warehouse in Deir ez-Zor, Syria.",
        "On 2 September 2025, masked men attacked three shops in Sidon, Lebanon, breaking the glass.",
    ],
)
def test_things_attacked_with_nobody_harmed_are_property_destruction(text: str) -> None:
    assert first_type(text) == DESTRUCTION


def test_things_attacked_while_people_were_harmed_stay_violence() -> None:
    text = "On 2 September 2025, gunmen raided four grain stores in Zarqa, Jordan. Two workers were killed."
    assert first_type(text)[0] != DESTRUCTION[0]


def test_people_being_looked_for_are_victims_of_an_earlier_event_not_this_one() -> None:
    assert kind("Troops went looking for abducted pilgrims and fought smugglers outside Qamishli.") == BATTLE


@pytest.mark.parametrize(
    "text",
    [
        "On 2 September 2025, some 200 taxi drivers rallied at the transport ministry in Basra, Iraq,"
        " against a new licence fee. They hurled rocks at the gate and set a car alight.",
        "On 2 September 2025, detainees staged a protest in the jail of Diyarbakir, Turkey, against"
        " overcrowding. They pelted the wardens with shoes and barricaded the wing.",
    ],
)
def test_a_protest_followed_by_the_crowds_violence_is_one_riot(text: str) -> None:
    incidents = extract(text)
    assert len(incidents) == 1
    assert (incidents[0].event_type, incidents[0].sub_event_type) == VIOLENT_DEMO


def test_a_protest_followed_by_ordinary_news_stays_peaceful() -> None:
    text = (
        "On 2 September 2025, pharmacists rallied in front of parliament in Beirut, Lebanon, against"
        " drug shortages. The speaker agreed to meet their union on Friday."
    )
    incidents = extract(text)
    assert len(incidents) == 1
    assert incidents[0].event_type == "Protests"


@pytest.mark.parametrize(
    "text",
    [
        "The young forward shot and killed off the contest with a late volley, his coach said on Monday.",
        "A park ranger showed a group of pensioners the rare orchids of the reserve on Monday.",
        "A night guard was given an award by the council on Monday for rescuing a cat in Derby.",
        "Divers looked for a lost ring on Monday in the lake at Annecy and found it under a rock.",
        "A judge heard on Monday that a builder had damaged three cottages in Truro with a digger.",
        "A runaway bus struck two parked vans in Swansea on Monday after its driver fainted.",
        "Supporters sang outside the arena in Bologna on Monday and then left quietly after the final.",
        "A ballet about a peasant riot of the eighteenth century opened on Monday in Vienna.",
        "The senator attacked her opponent's transport plan during a radio debate in Perth on Monday.",
    ],
)
def test_ordinary_news_using_the_same_words_gives_no_incident(text: str) -> None:
    assert extract(text, PUBLISHED) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Survivors of the earthquake rallied outside the provincial office in Malatya.",
        "Dozens of victims of a pension scam marched to the finance ministry in Izmir demanding refunds.",
    ],
)
def test_victims_of_something_earlier_who_rally_or_march_are_a_protest(sentence: str) -> None:
    assert kind(sentence) == ("Protests", "Peaceful protest")


def test_victims_of_something_earlier_are_not_that_event_again() -> None:
    assert kind("Victims of the 2016 train bombing were given new homes in Adana.") is None


def test_shooting_against_people_is_an_attack_on_them() -> None:
    assert kind("Guards fired against farmers crossing the canal near Nasiriyah.") == ON_CIVILIANS


@pytest.mark.parametrize(
    "text",
    [
        "Savers who were victims of the scheme got their money back in Leeds on Monday.",
        "The coach said on Monday that his wingers fired against the crossbar three times in Porto.",
    ],
)
def test_ordinary_news_about_victims_or_shots_at_goal_gives_no_incident(text: str) -> None:
    assert extract(text, PUBLISHED) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Smugglers exchanged gunfire with customs officers outside Qamishli.",
        "The raid opened with a mortar round and was followed by an exchange of heavy gunfire near Tal Afar.",
        "A clash between border troops and tribal gunmen, with rocket fire, was reported in Marib.",
        "Fighting between the army and rebels drew in helicopters and tanks east of Raqqa.",
    ],
)
def test_two_armed_sides_firing_at_each_other_are_an_armed_clash(sentence: str) -> None:
    assert kind(sentence) == BATTLE


@pytest.mark.parametrize(
    "text",
    [
        "The two brewers exchanged shots of gin at the trade fair in Bruges on Monday.",
        "Both sides exchanged shots on target in the second half in Lisbon on Monday.",
        "A clash between the defence minister and the auditor over spending marked the cabinet session in"
        " Wellington on Monday.",
        "A library in Ghent opened a show on Monday about clashes between the army and dockers in 1907.",
    ],
)
def test_ordinary_news_about_exchanges_and_clashes_gives_no_incident(text: str) -> None:
    assert extract(text, PUBLISHED) == []


def test_a_crowd_fighting_the_armed_forces_is_a_riot() -> None:
    text = (
        "On 2 September 2025, hundreds of villagers fought the armed forces with sticks at a dam site"
        " near Hasankeyf, Turkey, after the valley was closed."
    )
    assert first_type(text)[0] == "Riots"


def test_armed_forces_and_armed_police_name_the_state_not_an_armed_group() -> None:
    assert not names_armed_side("Shepherds scuffled with the armed forces beside the reservoir.")
    assert not names_armed_side("Students scuffled with armed police beside the stadium.")
    assert names_armed_side("Armed shepherds scuffled with farmers beside the reservoir.")
