"""ACLED codebook conventions for non-violent events and crowds: each rule, and the ordinary news it
must leave alone (every sentence invented for the rule it tests)."""

from __future__ import annotations

import pytest
from incident_text import extract, kind
from linear_time import LINEAR_GROWTH, growth_ratio, repeated

from summarizer.incidents.events import classify
from summarizer.incidents.strategic import political_arrest

STRATEGIC = "Strategic developments"
DISRUPTED = (STRATEGIC, "Disrupted weapons use")
BASE = (STRATEGIC, "Headquarters or base established")
ACTIVITY = (STRATEGIC, "Change to group/activity")
TRANSFER = (STRATEGIC, "Non-violent transfer of territory")
INTERVENTION = ("Protests", "Protest with intervention")
EXCESSIVE = ("Protests", "Excessive force against protesters")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Explosives defused, found, failed or gone off in the hands of those who planted them.
        ("Engineers recovered three improvised explosive devices hidden under a culvert.", DISRUPTED),
        ("A mine the two fighters were burying exploded prematurely behind the ridge.", DISRUPTED),
        ("Two insurgents died while planting a roadside bomb outside Qarvan.", DISRUPTED),
        ("The hand grenade thrown at the patrol did not explode.", DISRUPTED),
        # Drones or missiles intercepted, however many words come between.
        ("Air defences intercepted and destroyed an explosive-laden drone over the port.", DISRUPTED),
        ("The navy intercepted and quickly destroyed two incoming cruise missiles off the cape.", DISRUPTED),
        ("The navy intercepted an incoming anti-ship cruise missile off the coast.", DISRUPTED),
        # Bases and posts set up by an army or an armed group; positions reinforced by an army.
        ("Foreign troops set up a new military base near the front line at Tell Hamra.", BASE),
        ("Near the front line, the army established a military observation post on the hill road.", BASE),
        ("Insurgents set up a new camp in the forest east of Mavoro.", BASE),
        ("The army reinforced its positions along the canal with twenty tanks.", ACTIVITY),
        # Incendiary balloons sent over a border: fires set from afar.
        ("Youths launched incendiary balloons that set fire to a wheat field.", (STRATEGIC, "Other")),
        # Police firing on a crowd; tear gas shells are no shelling.
        ("Riot police fired on demonstrators at the roundabout.", EXCESSIVE),
        ("Police fired tear gas shells at the crowd outside the depot.", INTERVENTION),
        ("Police fired on protesters with tear gas and rubber bullets near the stadium.", INTERVENTION),
        ("Soldiers fired at the marchers with water cannon on the bridge.", INTERVENTION),
        # Gas shells other than tear gas are still shells; Grads are rocket launchers.
        (
            "Government forces fired mustard gas shells at three hill villages.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "Separatists fired Grads at the outskirts of the port town.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        # A campus taken over to press a demand is a protest, not territory captured.
        (
            "Students took over the main hall of the polytechnic in Ostrava to protest tuition fees.",
            ("Protests", "Peaceful protest"),
        ),
    ],
)
def test_codebook_event_kinds(sentence: str, expected: tuple[str, str]) -> None:
    assert kind(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The logistics firm set up a new base in the harbour district.",
        "The rowing club established a new training base beside the lake.",
        "Volunteers opened new camps for families left homeless by the floods.",
        "Police set up a new camp for the homeless near the station.",
        "The airline reinforced its positions in the regional market.",
        "The goalkeeper intercepted the ball and the drone footage showed the pitch.",
        "The email was intercepted and the thieves stole the drone designs.",
        "The stage firework exploded prematurely during the parade.",
        "Engineers damaged a tunnel while digging the new metro line.",
        "The Salvation Army opened a new base for its winter shelter in Dundee.",
        "Soldiers set up a forward base for the search after the landslide.",
        "Allied forces established a new base on the coast during the joint exercise.",
    ],
)
def test_the_same_words_in_ordinary_news_are_no_event(sentence: str) -> None:
    assert extract(f"On 4 March 2022, in Ghent, Belgium: {sentence}") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clash between two named sides that drove people away is still the clash
        (
            "On 8 August 2022, clashes between the army and rebels near Menaka, Mali, forced 3,000 herders to"
            " abandon their camps.",
            ("Battles", "Armed clash"),
        ),
        # "not without a fight", or a town taken with deaths, is no peaceful handover
        (
            "On 8 August 2022, rebels captured Menaka, Mali, although the garrison did not give up the town"
            " without a fight.",
            ("Battles", "Non-state actor overtakes territory"),
        ),
        (
            "On 8 August 2022, rebels captured Menaka, Mali, without a fight; nine soldiers were killed.",
            ("Battles", "Non-state actor overtakes territory"),
        ),
        # the police fired upon, or a commissioner's words, are no force used on a crowd
        (
            "On 8 August 2022, in Kumasi, Ghana, officers who were fired on by protesters detained four men.",
            INTERVENTION,
        ),
        (
            "On 8 August 2022, in Kumasi, Ghana, students rallied and the police commissioner fired at the"
            " protesters in a press conference, calling them vandals.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "On 8 August 2022, in Kumasi, Ghana, the minister fired at protesters in a late-night post,"
            " calling them idle.",
            ("Protests", "Peaceful protest"),
        ),
        # live fire on a crowd, or protesters shot by police, is excessive force
        ("On 8 August 2022, troops fired live rounds at marchers in Kumasi, Ghana.", EXCESSIVE),
        (
            "On 3 March 2022, two protesters who were shot by police during the march in Kisumu, Kenya, died"
            " in hospital.",
            EXCESSIVE,
        ),
        # a protest told apart from a town regained leaves the regaining a battle
        (
            "On 8 August 2022, troops regained control of Menaka, Mali; shopkeepers later protested against"
            " the curfew.",
            ("Battles", "Government regains territory"),
        ),
    ],
)
def test_codebook_rules_leave_these_events_as_they_are(text: str, expected: tuple[str, str]) -> None:
    [incident] = extract(text)
    assert (incident.event_type, incident.sub_event_type) == expected


def test_a_crowd_marking_an_anniversary_while_police_fire_tear_gas_is_an_event() -> None:
    [incident] = extract(
        "On 4 March 2020, police fired tear gas at protesters marking the anniversary of the uprising"
        " in Sitra, Bahrain."
    )
    assert (incident.event_type, incident.sub_event_type) == INTERVENTION


def test_a_place_entered_without_a_fight_is_a_non_violent_transfer() -> None:
    [incident] = extract(
        "On 9 June 2021, the rebels withdrew from Tal Abyad (Ar-Raqqa) without fighting and the army"
        " entered the town."
    )
    assert (incident.event_type, incident.sub_event_type) == TRANSFER
    [taken] = extract("On 9 June 2021, militants took control of Tell Zahra, Syria, without any resistance.")
    assert (taken.event_type, taken.sub_event_type) == TRANSFER


def test_shots_into_the_air_to_disperse_a_peaceful_crowd_are_an_intervention() -> None:
    [incident] = extract(
        "On 2 October 2021, guards fired into the air to disperse women protesting in Herat, Afghanistan."
    )
    assert (incident.event_type, incident.sub_event_type) == INTERVENTION
    [riot] = extract(
        "On 2 October 2021, protesters burned tyres in Mukalla, Yemen, and police fired into the air to"
        " disperse them."
    )
    assert riot.event_type == "Riots"


@pytest.mark.parametrize(
    "unit", ["intercepted the ", "exploded ", "took over the ", "fired at ", "not ", "protesters who were "]
)
def test_new_cues_stay_linear_on_repeated_words(unit: str) -> None:
    assert growth_ratio(classify, lambda n: repeated(unit, n, suffix="x")) < LINEAR_GROWTH


def test_shots_into_the_air_after_a_crowd_burned_tyres_leave_a_riot() -> None:
    [incident] = extract(
        "On 2 October 2021, protesters burned tyres and blocked roads in Mukalla, Yemen. Guards fired into"
        " the air to disperse them."
    )
    assert incident.event_type == "Riots"


def test_rioters_who_throw_petrol_bombs_riot() -> None:
    [incident] = extract(
        "On 4 March 2021, rioters hurled petrol bombs at a bus depot in Larne, Northern Ireland."
    )
    assert incident.event_type == "Riots"
    assert incident.actor1 == "Rioters (United Kingdom)"


def test_a_nations_air_defences_are_its_military_and_intercept_first() -> None:
    [incident] = extract(
        "On 6 May 2021, Ukrainian air defences intercepted two cruise missiles over Vinnytsia, Ukraine."
    )
    assert (incident.event_type, incident.sub_event_type) == DISRUPTED
    assert incident.actor1 is not None
    assert incident.actor1.startswith("Military Forces of Ukraine")


@pytest.mark.parametrize(
    "text",
    [
        "On 11 February 2022, dock workers protested in Mombasa, Kenya, over the arrest of their union leader"
        " by police.",
        "On 17 August 2023, fans of the arrested singer staged a sit-in outside a radio station in Ndola,"
        " Zambia, asking for him to be freed.",
    ],
)
def test_an_arrest_a_protest_names_as_its_grievance_is_no_intervention(text: str) -> None:
    [incident] = extract(text)
    assert (incident.event_type, incident.sub_event_type) == ("Protests", "Peaceful protest")


def test_arrests_at_a_protest_are_still_an_intervention() -> None:
    [incident] = extract(
        "On 14 August 2022, nurses marched on the health ministry in Lusaka, Zambia, and police detained"
        " twelve of the marchers."
    )
    assert (incident.event_type, incident.sub_event_type) == INTERVENTION


def test_a_killing_a_protest_names_as_its_grievance_is_no_excessive_force() -> None:
    [incident] = extract(
        "On 9 September 2022, colleagues of a nurse who was killed in a robbery staged a rally in front of"
        " the governor's office in Kisumu, Kenya."
    )
    assert (incident.event_type, incident.sub_event_type) == ("Protests", "Peaceful protest")


def test_fighting_that_only_drove_people_from_their_homes_is_a_displacement() -> None:
    [incident] = extract(
        "On 12 July 2022, about 900 residents of Kibali village, Ituri, DR Congo, fled their homes because"
        " of fighting nearby."
    )
    assert (incident.event_type, incident.sub_event_type) == (STRATEGIC, "Other")


def test_a_balkan_place_named_grad_is_no_rocket_launcher() -> None:
    [incident] = extract(
        "On 17 June 2022, market traders in Novi Grad, Bosnia and Herzegovina, protested against a rise in"
        " stall rents."
    )
    assert (incident.event_type, incident.sub_event_type) == ("Protests", "Peaceful protest")
    assert kind("Militants fired four Grad rockets at the camp.") == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )


def test_police_regaining_control_of_a_protesting_prison_is_no_battle() -> None:
    [incident] = extract(
        "On 21 March 2022, inmates protested against overcrowding at the central prison in Kisumu, Kenya, and"
        " guards regained control of the prison."
    )
    assert (incident.event_type, incident.sub_event_type) == INTERVENTION
    [battle] = extract(
        "On 29 April 2021, the army regained control of Tabanga village, Kayes, Mali, after clashes with"
        " JNIM militants."
    )
    assert (battle.event_type, battle.sub_event_type) == ("Battles", "Government regains territory")


def test_youths_arrested_in_a_raid_are_civilians() -> None:
    [incident] = extract(
        "On 3 March 2021, Israeli forces raided Beit Ummar town (Hebron) and arrested two Palestinian youths"
        " from their homes."
    )
    assert (incident.event_type, incident.sub_event_type) == (STRATEGIC, "Arrests")
    assert incident.actor2 == "Civilians (Palestine)"


def test_a_nations_bulldozers_demolishing_are_its_forces() -> None:
    [incident] = extract(
        "On 5 May 2021, Israeli bulldozers razed farmland and uprooted olive trees in Kafr ad Dik (Salfit)."
    )
    assert (incident.event_type, incident.sub_event_type) == (STRATEGIC, "Looting/property destruction")
    assert incident.actor1 is not None
    assert incident.actor1.startswith("Military Forces of Israel")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Troops recovered a cache of AK-47 rifles hidden in a cave.", DISRUPTED),
        ("A drone dropped flare bombs over the border village.", (STRATEGIC, "Other")),
        (
            "The drone dropped bombs on the village, killing two.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
    ],
)
def test_weapons_caches_and_flares(sentence: str, expected: tuple[str, str]) -> None:
    assert kind(sentence) == expected


def test_the_islamic_states_short_name_makes_an_arrest_political_not_a_capitalised_headline() -> None:
    assert political_arrest("Police arrested a suspected dealer linked to IS in Ramadi.")
    assert not political_arrest("IS THIS THE END? Police arrested a man in London.")
