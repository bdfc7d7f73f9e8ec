"""Rules of ``events.classify``: which words make which ACLED event and sub-event type."""

from __future__ import annotations

import pytest
from incident_text import extract, kind

from summarizer.incidents.events import not_an_event

SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
CLASH = ("Battles", "Armed clash")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Heavy weapons alone are shelling, even grenade launchers and heavy machine guns.
        ("The rebels fired grenade launchers at army positions near the village.", SHELLING),
        ("Troops fired heavy machine guns at the rebel positions.", SHELLING),
        ("Monitors counted 40 explosions caused by mortars near the town.", SHELLING),
        # Small arms or fire in both directions make it an exchange: a battle.
        ("The rebels fired mortars and small arms at army positions.", CLASH),
        ("Monitors recorded 12 explosions and shots in both directions near the bridge.", CLASH),
        ("Militants threw a grenade at a patrol and the soldiers returned fire.", CLASH),
        # A grenade thrown is still a grenade; an explosion with no weapon named is a device.
        ("A man threw a hand grenade into the bar.", ("Explosions/Remote violence", "Grenade")),
        (
            "An explosion hit the market on Friday.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
    ],
)
def test_weapons_decide_between_shelling_and_battle(sentence: str, expected: tuple[str, str]) -> None:
    assert kind(sentence) == expected


PEACEFUL = ("Protests", "Peaceful protest")


@pytest.mark.parametrize(
    "sentence",
    [
        "About 200 workers gathered in front of the labour ministry on Monday.",
        "Nurses gathered at the hospital gate in the city centre on Monday to demand their unpaid wages.",
        "Taxi drivers held a motorcade through the capital to demand lower fuel prices.",
        "Villagers blocked the main road for three hours over water shortages.",
        "Students chanted slogans against the new fees outside the campus.",
        "Hundreds of labourers came out on the streets of the industrial area.",
        # What a protest is about is not a second event: the arrest, the rape, the killing.
        "Journalists protested against the arrest of their editor.",
        "Activists held a sit-in demanding a law against rape and sexual violence.",
    ],
)
def test_peaceful_protests_without_violence(sentence: str) -> None:
    assert kind(sentence) == PEACEFUL


@pytest.mark.parametrize(
    "sentence",
    [
        "The senator spoke at a rally in the state capital on Friday.",
        "The president held a campaign rally in the city.",
        "The speech was interrupted by protesting legislators.",
    ],
)
def test_campaign_rallies_and_chamber_protests_are_not_protests(sentence: str) -> None:
    assert kind(sentence) is None


def test_a_protest_is_an_event_at_a_court_or_with_a_demand() -> None:
    assert not_an_event("Relatives rallied outside the court on the first day of the trial.") is None
    assert not_an_event("Citizens protested after being denied access to the buses.") is None
    assert not_an_event("The court sentenced the driver to ten years.") == "legal"
    assert not_an_event("The ministry denied the report.") == "opinion"
    assert (
        not_an_event("Residents blocked the road to the hospital where coronavirus cases are treated.")
        is None
    )


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("Police seized two tons of cocaine hidden in a truck.", "Looting/property destruction"),
        (
            "Soldiers dismantled a clandestine drug laboratory near the border.",
            "Looting/property destruction",
        ),
        ("Bandits stole 40 cows from a farm near the village.", "Looting/property destruction"),
        ("Troops discovered a large cache of explosives in a cave.", "Disrupted weapons use"),
        ("Police recovered and defused two bombs planted under a bridge.", "Disrupted weapons use"),
        ("Border guards fired warning shots to push back the herders.", "Other"),
        ("The rebels released 20 soldiers held as prisoners.", "Other"),
    ],
)
def test_strategic_developments(sentence: str, sub_event_type: str) -> None:
    assert kind(sentence) == ("Strategic developments", sub_event_type)


def test_a_body_with_signs_of_killing_is_an_attack_a_body_alone_undated_is_not() -> None:
    found = "On 3 October 2021, in Kandahar, Afghanistan, a man was found dead near the market."
    incidents = extract(f"{found} The body was mutilated and his hands were tied.")
    assert [(i.event_type, i.event_date, i.location) for i in incidents] == [
        ("Violence against civilians", "2021-10-03", "Kandahar")
    ]
    drowned = "A man was found dead, apparently drowned, near the market in Kandahar on 3 October."
    assert extract(drowned) == []
    assert extract("The body was mutilated and his hands were tied.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "On December 5, the government executed a planned shutdown of public services.",
        "The minister also agreed to add two members to the oversight council.",
        "The firm acquired an Austrian mortar and shell manufacturer.",
        "Investigators found no trace of explosives at the site.",
        "The governor resigned after two weeks of protests in the capital.",
        "The chancellor strongly condemned the attack.",
    ],
)
def test_words_that_name_no_event(sentence: str) -> None:
    assert kind(sentence) is None


def test_agreements_name_what_was_agreed() -> None:
    assert kind("The two sides agreed to a ceasefire on Sunday.") == ("Strategic developments", "Agreement")


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("A World War II-era bomber crashed near the airport, killing seven people.", "accident"),
        ("He was driving a pickup truck across the center line and struck six motorcycles.", "accident"),
        ("The new virus SARS-CoV-2 has already killed more than 1,000 people.", "accident"),
    ],
)
def test_accidents_and_illness_are_not_incidents(sentence: str, reason: str) -> None:
    assert not_an_event(sentence) == reason


def test_a_suicide_bomber_is_still_violence_in_a_crash() -> None:
    assert not_an_event("A suicide bomber crashed his car into the gate of the base.") is None


def test_an_incident_dated_only_to_a_month_is_background_after_the_lead() -> None:
    vote = (
        "The parliament voted on Sunday to ask foreign troops to leave the country. Lawmakers debated"
        " the motion for six hours. "
    )
    background = "The vote follows a drone strike that killed a general in the capital last week."
    assert extract(vote + background) == []
    [lead] = extract("Last month, police shot dead two demonstrators in the capital, a rights group said.")
    assert lead.event_date == "2021-09"


def test_someone_attacked_on_a_stated_day_is_an_incident() -> None:
    [incident] = extract("Yesterday, the security minister was stabbed, according to the government.")
    assert (incident.event_type, incident.event_date) == ("Violence against civilians", "2021-10-20")
    assert extract("The security minister stabbed the budget, according to the opposition.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 3 October 2021, two groups of villagers clashed over land in Kandahar, Afghanistan.",
            ("Riots", "Mob violence"),
        ),
        (
            "On 3 October 2021, youths clashed with police in Kandahar, Afghanistan, over food prices.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 3 October 2021, armed men clashed with villagers in Kandahar, Afghanistan.",
            ("Battles", "Armed clash"),
        ),
        (
            "On 3 October 2021, villagers beat up a suspected thief in Kandahar, Afghanistan.",
            ("Riots", "Mob violence"),
        ),
        (
            "On 3 October 2021, a man was beaten to death by a group of villagers in Kandahar, Afghanistan.",
            ("Riots", "Mob violence"),
        ),
        (
            "On 3 October 2021, traders protested in Kandahar, Afghanistan, and burned tyres on a road.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 3 October 2021, soldiers beat up three villagers in Kandahar, Afghanistan.",
            ("Violence against civilians", "Attack"),
        ),
    ],
)
def test_unarmed_crowds_that_fight_or_attack_riot(text: str, expected: tuple[str, str]) -> None:
    [incident] = extract(text)
    assert (incident.event_type, incident.sub_event_type) == expected


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("At least 300 people died this year in fighting in the region.", "cumulative"),
        ("More than 300 civilians were killed in attacks in the past two years.", "cumulative"),
        (
            "Residents marked the first anniversary of the massacre in which 40 villagers were killed.",
            "anniversary",
        ),
    ],
)
def test_aggregate_tolls_and_anniversaries_are_not_incidents(sentence: str, reason: str) -> None:
    assert not_an_event(sentence) == reason


def test_threats_and_superlatives() -> None:
    assert kind("The rebels threatened on Monday to attack the capital.") is None
    assert not_an_event("Gunmen killed 12 villagers on Monday, the deadliest attack this year.") is None
    assert not_an_event("Thousands marched on the anniversary of the massacre.") is None
