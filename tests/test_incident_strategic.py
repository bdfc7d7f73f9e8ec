"""Strategic developments and protest forms: each cue, the setting it needs, and what it is not."""

from __future__ import annotations

from datetime import date

import pytest
from linear_time import LINEAR_GROWTH, growth_ratio, repeated

from summarizer.articles.model import Article
from summarizer.incidents import Incident, extract_incidents
from summarizer.incidents.events import classify, not_an_event
from summarizer.incidents.strategic import political_arrest

STRATEGIC = "Strategic developments"
LOOTING = (STRATEGIC, "Looting/property destruction")
ACTIVITY = (STRATEGIC, "Change to group/activity")
OTHER = (STRATEGIC, "Other")
PEACEFUL = ("Protests", "Peaceful protest")


def kind(sentence: str) -> tuple[str, str] | None:
    found = classify(sentence)
    return None if found is None else (found.event_type, found.sub_event_type)


def extract(text: str) -> list[Incident]:
    return extract_incidents(Article(id="t", title="", text=text, reference_date=date(2021, 10, 21)))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Contraband with a quantity in front, decimal comma or point.
        ("Federal police seized 3,2 tons of marijuana hidden in a lorry.", LOOTING),
        ("Soldiers seized 1.5 tonnes of cocaine at the port.", LOOTING),
        ("Customs officers seized 120,000 packs of smuggled cigarettes.", LOOTING),
        ("The army dismantled a cocaine processing laboratory in the hills.", LOOTING),
        ("Troops destroyed two weapons depots found in a rebel camp.", (STRATEGIC, "Disrupted weapons use")),
        # Property destroyed by forces or armed groups, told in the passive.
        ("Five houses were destroyed by the soldiers in the village.", LOOTING),
        ("The shops of the traders were later torched by militants.", LOOTING),
        ("Unidentified men sabotaged the town's water pipeline.", LOOTING),
        ("Police seized on the coast road (BR-101) 2 tons of cannabis.", LOOTING),
        # Armed groups stopping vehicles and taking goods.
        ("Militants stopped a bus and took away the passengers' phones.", LOOTING),
        # Armed groups acting as an authority.
        ("Members of a cartel handed out food parcels to families.", ACTIVITY),
        ("A video shows members of the CJNG delivering food packages to families.", ACTIVITY),
        ("A gang set up two checkpoints on the highway.", ACTIVITY),
        ("Armed men patrolled the streets to enforce the curfew.", ACTIVITY),
        ("The militia conducted military exercises in the district.", ACTIVITY),
        ("The cartel posted videos on social media with threats to shopkeepers.", ACTIVITY),
        # Captives freed, people displaced by hostilities, refugees returning in number.
        ("Twelve soldiers were released from rebel custody.", OTHER),
        ("Hundreds of families evacuated after hostilities between two clans.", OTHER),
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
    [incident] = extract("On 3 October 2021, members of a gang handed out food parcels in Culiacan, Sinaloa.")
    assert (incident.event_type, incident.sub_event_type) == ACTIVITY
    [checkpoints] = extract(
        "On 3 October 2021, a cartel set up two checkpoints on a highway in Coyuca, Guerrero."
    )
    assert (checkpoints.event_type, checkpoints.sub_event_type) == ACTIVITY
    [seizure] = extract("On 3 October 2021, federal police seized 2,5 tons of marijuana in Cascavel, Parana.")
    assert (seizure.event_type, seizure.sub_event_type) == LOOTING


def test_arrests_of_opponents_are_conflict_events_arrests_of_suspects_are_not() -> None:
    assert political_arrest("Police arrested the running mate of the opposition leader.")
    assert political_arrest("The military detained about 70 villagers.")
    assert not political_arrest("Police arrested a man suspected of burglary.")
    [incident] = extract("On 3 October 2021, police arrested 12 opposition activists in Bujumbura, Burundi.")
    assert (incident.event_type, incident.sub_event_type) == (STRATEGIC, "Arrests")
    assert extract("On 3 October 2021, police arrested a burglar in Bujumbura, Burundi.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Students blocked the train's rails to reject the new rules.",
        "Hundreds of workers were protesting by banging pots and pans at their homes.",
        "Locals gathered for the funeral and shouted anti-government slogans.",
        "A small group of supporters gathered and chanted outside the church.",
        "Merchants gathered in the main square to draw attention to their demand for longer hours.",
        "Dozens of members of the union marched towards the ministry.",
        "A group of students occupied the university building to demand free tuition.",
        "Workers commemorated labour day and demanded better health protection.",
        "About 500 residents blocked police from taking the body away.",
    ],
)
def test_protest_forms_without_the_word_protest(sentence: str) -> None:
    assert kind(sentence) == PEACEFUL


def test_a_commemoration_with_a_demand_or_a_road_block_is_no_anniversary() -> None:
    assert not_an_event("Workers commemorated labour day and demanded better pay.") is None
    assert not_an_event("Activists blocked a road in protest against a commemorative rally.") is None
    assert not_an_event("Workers commemorated labour day with a concert.") == "anniversary"


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
    assert kind("Police resorted to a baton charge to disperse the crowd.") == intervention
    assert kind("The central bank intervened to support the currency.") is None
    for after in ("The police intervened and sent them home.", "Police arrested 12."):
        [incident] = extract(f"On 3 October 2021, traders demonstrated in Kayes, Mali, over taxes. {after}")
        assert (incident.event_type, incident.sub_event_type) == intervention
