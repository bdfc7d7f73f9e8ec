"""Event types settled by whom an act was done to, and a protest that turned violent: invented texts."""

from __future__ import annotations

from datetime import date

import pytest
from incident_text import extract, kind

from summarizer.incidents.events import attack_target, classify, names_armed_side

CLASH = ("Battles", "Armed clash")
ATTACK = ("Violence against civilians", "Attack")
PROPERTY = ("Strategic developments", "Looting/property destruction")
RIOT = ("Riots", "Violent demonstration")
MONDAY = date(2024, 5, 10)


def _target(sentence: str) -> str:
    found = classify(sentence)
    assert found is not None
    return attack_target(sentence, found.start, found.start + len(found.cue.rstrip())).strip()


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("On 4 June 2023, raiders shot and killed one warden near Kalvo.", "one warden"),
        ("On 4 June 2023, a forest warden was attacked by herders near Kalvo.", "a forest warden"),
        ("On 4 June 2023, in Kalvo, a suspected member of the Vipers gang, was shot.", "a suspected member"),
        ("Gunmen raided several houses in Kalvo on Tuesday.", "several houses"),
        ("Fighters attacked and burned a clinic in Kalvo.", "a clinic"),
    ],
)
def test_the_target_of_an_act_is_read_from_its_object_or_passive_subject(sentence: str, target: str) -> None:
    assert target in _target(sentence)


@pytest.mark.parametrize(
    "text",
    [
        # armed people as the act's own target: a battle, not violence against civilians
        "On 12 March 2023, insurgents shot and killed one ranger near Pelangi, Sabah, Malaysia.",
        "On 12 March 2023, a prison guard was stabbed by three armed men in Nakuru, Kenya.",
        "On 12 March 2023, in Cali, Valle del Cauca, Colombia, an alleged member of the Cobra gang was shot "
        "dead by rivals.",
        # Middle East and database styles
        "On 12 March 2023, gunmen shot dead a police officer at a checkpoint in Baqubah, Diyala, Iraq.",
        "03/12/2023: Assailants attacked a soldier in Tikrit city, Salah ad-Din governorate, Iraq. No group "
        "claimed responsibility.",
    ],
)
def test_an_attack_on_armed_people_is_a_battle(text: str) -> None:
    incidents = extract(text)
    assert incidents
    assert (incidents[0].event_type, incidents[0].sub_event_type) == CLASH


@pytest.mark.parametrize(
    "text",
    [
        # unarmed people as the target, forces named only in passing
        "On 12 March 2023, men dressed in police uniforms broke into a house in Choloma, Honduras, and "
        "shot dead three men.",
        "On 12 March 2023, militants shot a shepherd who was bringing water to army checkpoints near "
        "Rafah, Egypt.",
        "On 12 March 2023, gunmen killed two farmers near a military base in Saada, Yemen.",
    ],
)
def test_an_attack_on_unarmed_people_stays_violence_against_civilians(text: str) -> None:
    incidents = extract(text)
    assert incidents
    assert (incidents[0].event_type, incidents[0].sub_event_type) == ATTACK


@pytest.mark.parametrize(
    "text",
    [
        "On 12 March 2023, gunmen raided several houses in Dibba, Borno, Nigeria, taking away food and "
        "goats.",
        "On 12 March 2023, militants attacked and burned a school in Kaya, Burkina Faso.",
        "On 12 March 2023, masked men attacked two shops in Hebron, West Bank, smashing their windows.",
    ],
)
def test_an_attack_on_things_with_nobody_harmed_is_property_destruction(text: str) -> None:
    incidents = extract(text)
    assert incidents
    assert (incidents[0].event_type, incidents[0].sub_event_type) == PROPERTY


def test_an_attack_on_things_that_harmed_people_stays_an_attack() -> None:
    text = "On 12 March 2023, gunmen raided several houses in Dibba, Borno, Nigeria. Two women were killed."
    incidents = extract(text)
    assert incidents
    assert incidents[0].event_type != PROPERTY[0]


def test_people_searched_for_are_victims_of_an_earlier_event() -> None:
    found = kind("Soldiers searched for kidnapped traders and clashed with bandits near Tambul.")
    assert found == CLASH


@pytest.mark.parametrize(
    "text",
    [
        "On 12 March 2023, about 300 dock workers demonstrated outside the port office in Mombasa, Kenya, "
        "demanding unpaid wages. They burned tyres and threw stones at the gate.",
        "On 12 March 2023, inmates protested in the central prison of Beirut, Lebanon, over visits. "
        "They set mattresses on fire and barricaded the corridors.",
    ],
)
def test_a_protest_that_turned_violent_is_a_riot(text: str) -> None:
    incidents = extract(text)
    assert len(incidents) == 1
    assert (incidents[0].event_type, incidents[0].sub_event_type) == RIOT


def test_a_peaceful_protest_followed_by_ordinary_news_stays_peaceful() -> None:
    text = (
        "On 12 March 2023, nurses demonstrated outside the health ministry in Amman, Jordan, demanding "
        "higher pay. The minister promised talks next week."
    )
    incidents = extract(text)
    assert len(incidents) == 1
    assert incidents[0].event_type == "Protests"


@pytest.mark.parametrize(
    "text",
    [
        # sports, business, relief work, courts, accidents, politics, culture told with the same words
        "The striker shot and killed the match in the last minute, Rovers' manager said on Monday.",
        "The ranger led a guided walk for schoolchildren through the national park on Monday.",
        "A security guard was praised by the mayor on Monday for returning a lost wallet in Leeds.",
        "Investors raided the shares of three carmakers on Monday as markets fell in Frankfurt.",
        "Volunteers searched for missing hikers on Monday near Chamonix and found them safe.",
        "The court heard on Monday that the company had damaged several houses in Bristol while digging.",
        "A lorry hit several parked cars in Cardiff on Monday after its brakes failed.",
        "Fans cheered outside the stadium in Turin on Monday and then went home after the match.",
        "The theatre staged a play on Monday about a riot in a village a century ago.",
        "The party's candidate attacked her rival's housing policy in a debate in Ottawa on Monday.",
    ],
)
def test_ordinary_news_told_with_these_words_yields_no_incident(text: str) -> None:
    assert extract(text, MONDAY) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Victims of the floods protested outside the governor's office in Sukkur.",
        "A group of victims of forced evictions marched to the town hall of Pirapo demanding land.",
    ],
)
def test_victims_of_an_earlier_event_who_protested_are_a_protest(sentence: str) -> None:
    assert kind(sentence) == ("Protests", "Peaceful protest")


def test_victims_of_an_earlier_event_are_not_that_event() -> None:
    assert kind("Victims of the 2019 bombing received compensation in Colombo.") is None


def test_shots_fired_against_people_are_an_attack() -> None:
    assert kind("Soldiers fired against villagers fleeing the camp near Tindrit.") == ATTACK


@pytest.mark.parametrize(
    "text",
    [
        "Victims of the fraud were repaid by the bank in Glasgow on Monday.",
        "The referee said on Monday that the visitors fired against the post twice in Madrid.",
    ],
)
def test_ordinary_news_about_victims_or_shots_on_goal_yields_no_incident(text: str) -> None:
    assert extract(text, MONDAY) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels exchanged gun shots with border police near Dalmo.",
        "The assault began with a rocket-propelled grenade, then an exchange of heavy gunfire near Suran.",
        "A clash between government forces and tribal fighters, with artillery fire, was reported in Hazm.",
        "Fighting between the army and insurgents involved mortars and tanks south of Idlib.",
    ],
)
def test_two_sides_firing_at_each_other_are_an_armed_clash(sentence: str) -> None:
    assert kind(sentence) == CLASH


@pytest.mark.parametrize(
    "text",
    [
        "The two clubs exchanged shots of whisky at the gala dinner in Dundee on Monday.",
        "The two teams exchanged shots on goal in the first half in Madrid on Monday.",
        "A clash between the army chief and the treasurer over the budget marked the cabinet meeting in "
        "Canberra on Monday.",
        "The museum in Brussels opened an exhibition on Monday about the clashes between the army and "
        "strikers in 1921.",
    ],
)
def test_ordinary_news_about_exchanges_and_clashes_yields_no_incident(text: str) -> None:
    assert extract(text, MONDAY) == []


def test_a_crowd_that_clashed_with_armed_police_rioted() -> None:
    text = (
        "On 12 March 2023, about 40 returning foreign nationals clashed with armed police personnel at the "
        "border crossing near Birgunj, Nepal, after they were stopped."
    )
    incidents = extract(text)
    assert incidents
    assert incidents[0].event_type == "Riots"


def test_crowd_words_name_no_armed_group() -> None:
    assert not names_armed_side("Villagers clashed with the armed forces near the dam.")
    assert names_armed_side("Armed villagers clashed with herders near the dam.")
