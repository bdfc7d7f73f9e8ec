"""Strategic developments and protest forms: each cue, the setting it needs, and what it is not."""

from __future__ import annotations

import pytest
from incident_text import extract, kind
from linear_time import LINEAR_GROWTH, growth_ratio, repeated

from summarizer.incidents.events import classify, not_an_event
from summarizer.incidents.strategic import political_arrest

STRATEGIC = "Strategic developments"
LOOTING = (STRATEGIC, "Looting/property destruction")
ACTIVITY = (STRATEGIC, "Change to group/activity")
OTHER = (STRATEGIC, "Other")
PEACEFUL = ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Contraband with a quantity in front, decimal comma or point.
        ("Navy marines seized 4,8 tonnes of cocaine buried under a shed.", LOOTING),
        ("Soldiers seized 1.5 tonnes of cocaine at the port.", LOOTING),
        ("Border guards confiscated 8,400 cartons of cigarettes near the ferry.", LOOTING),
        ("The army dismantled a cocaine processing laboratory in the hills.", LOOTING),
        ("Troops destroyed two weapons depots found in a rebel camp.", (STRATEGIC, "Disrupted weapons use")),
        # Property destroyed by forces or armed groups, told in the passive.
        ("Several huts were razed by soldiers during the sweep.", LOOTING),
        ("The shops of the traders were later torched by militants.", LOOTING),
        ("Unidentified men sabotaged the town's water pipeline.", LOOTING),
        ("Gendarmes seized at a checkpoint (km 40) 900 kg of heroin.", LOOTING),
        # Armed groups stopping vehicles and taking goods.
        ("Insurgents commandeered two lorries carrying fuel near the dam.", LOOTING),
        # Armed groups acting as an authority.
        ("A cartel gave away hampers to pensioners at Christmas.", ACTIVITY),
        ("Footage showed Zetas members distributing groceries to elderly residents.", ACTIVITY),
        ("A gang set up two checkpoints on the highway.", ACTIVITY),
        ("Armed men patrolled the market area at night.", ACTIVITY),
        ("The rebels staged drills on the outskirts of their camp.", ACTIVITY),
        ("The gang circulated leaflets in the market containing warnings to taxi drivers.", ACTIVITY),
        # Captives freed, people displaced by hostilities, refugees returning in number.
        ("Two aid workers were freed from militia captivity on Sunday.", OTHER),
        ("Villagers fled their farms as clan hostilities spread.", OTHER),
        ("About 300 refugees returned from the neighbouring country on Monday.", OTHER),
    ],
)
def test_strategic_developments_in_a_conflict_setting(sentence: str, expected: tuple[str, str]) -> None:
    assert kind(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # The same acts without an armed group, security forces or hostilities are ordinary news.
        "The charity handed out food parcels to families.",
        "Residents were evacuated before the storm reached the coast.",
        "The singer was released from prison on Monday.",
        "Volunteers patrolled the streets after the festival.",
        "Several old buildings were destroyed to make way for a new school.",
        "Sniffer dogs found 2 kg of cocaine in a suitcase at the airport.",
        "A refugee returned to his home town to open a bakery.",
        "The storm damaged power lines across the county.",
    ],
)
def test_ordinary_news_without_a_conflict_setting(sentence: str) -> None:
    assert kind(sentence) is None


def test_an_armed_group_act_on_a_day_and_place_is_an_incident() -> None:
    [incident] = extract("On 3 October 2021, a gang handed out blankets and food in Mazatlan, Sinaloa.")
    assert (incident.event_type, incident.sub_event_type) == ACTIVITY
    [checkpoints] = extract(
        "On 3 October 2021, a cartel set up a roadblock on a highway near Tumaco, Narino."
    )
    assert (checkpoints.event_type, checkpoints.sub_event_type) == ACTIVITY
    [seizure] = extract("On 3 October 2021, navy marines seized 1,7 tonnes of cocaine in Manzanillo, Colima.")
    assert (seizure.event_type, seizure.sub_event_type) == LOOTING


def test_arrests_of_opponents_are_conflict_events_arrests_of_suspects_are_not() -> None:
    assert political_arrest("Police held the running mate of a presidential challenger.")
    assert political_arrest("Soldiers rounded up a dozen farmers.")
    assert not political_arrest("Police arrested a man suspected of burglary.")
    [incident] = extract("On 3 October 2021, police arrested four journalists in Gitega, Burundi.")
    assert (incident.event_type, incident.sub_event_type) == (STRATEGIC, "Arrests")
    assert extract("On 3 October 2021, police arrested a burglar in Gitega, Burundi.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Farmers blocked the county's highway to oppose the land levy.",
        "Residents beat pots and pans on their balconies every evening.",
        "Mourners at the burial shouted slogans against the governor.",
        "Some fifty party loyalists assembled and shouted near the cathedral.",
        "Fishermen gathered at the harbour to draw attention to the price of diesel.",
        "A column of nurses marched toward the town hall.",
        "Tenants occupied the housing office to demand repairs.",
        "Dockers commemorated their union's founder and called for safer cranes.",
        "Neighbours stopped the police from removing the market stalls.",
    ],
)
def test_protest_forms_without_the_word_protest(sentence: str) -> None:
    assert kind(sentence) == PEACEFUL


def test_a_commemoration_with_a_demand_or_a_road_block_is_no_anniversary() -> None:
    assert not_an_event("Dockers commemorated their union's founder and called for higher wages.") is None
    assert not_an_event("Veterans blocked a bridge in protest at a commemorative parade.") is None
    assert not_an_event("Dockers commemorated their union's founder with a concert.") == "anniversary"


@pytest.mark.parametrize(
    "sentence",
    [
        "Fans chanted the striker's name throughout the match.",
        "The team marched towards the title with a fifth straight win.",
        "She entered the building to collect her award.",
    ],
)
def test_crowd_words_that_are_no_protest(sentence: str) -> None:
    assert kind(sentence) != PEACEFUL


@pytest.mark.parametrize(
    "unit",
    ["seized 1,1 ", "gathered ", "blocked the ", "houses of the ", "gang stopped "],
)
def test_cues_stay_linear_on_repeated_words(unit: str) -> None:
    assert growth_ratio(classify, lambda n: repeated(unit, n, suffix="x")) < LINEAR_GROWTH


def test_the_police_intervening_after_a_protest_makes_it_a_protest_with_intervention() -> None:
    intervention = ("Protests", "Protest with intervention")
    assert kind("Gendarmes used a cane charge to scatter the marchers.") == intervention
    assert kind("The central bank intervened to support the currency.") is None
    for after in ("Gendarmes intervened and escorted the teachers out.", "Police detained nine of them."):
        [incident] = extract(f"On 3 October 2021, teachers demonstrated in Kayes, Mali, over pay. {after}")
        assert (incident.event_type, incident.sub_event_type) == intervention
