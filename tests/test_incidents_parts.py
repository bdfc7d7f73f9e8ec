"""Dates, numbers, places, actors and event types: the parts the extractor is built from."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.incidents.actors import find_actors, order_actors
from summarizer.incidents.counts import find_casualties, find_vehicles, parse_number
from summarizer.incidents.dates import find_dates, find_offsets, latest_full_date
from summarizer.incidents.events import EVENT_TYPES, classify, not_an_event
from summarizer.incidents.gazetteer import fold, gazetteer
from summarizer.incidents.places import find_places

REF = date(2021, 10, 21)  # a Thursday


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("On 3 May 2020, an IED exploded", "2020-05-03", "day"),
        ("on October 19, 2021, locals", "2021-10-19", "day"),
        ("on the 5th of March 2019", "2019-03-05", "day"),
        ("dated 2020-08-05 in the log", "2020-08-05", "day"),
        ("on 17/04/2022 militias clashed", "2022-04-17", "day"),
        ("on 10/21/2021 militias clashed", "2021-10-21", "day"),
        ("on Sept. 3, 2021", "2021-09-03", "day"),
        ("in the summer of 2019", "2019", "year"),
        ("In August 2020, a firefight", "2020-08", "month"),
        ("in mid-2019 the town fell", "2019", "year"),
        ("took place on 21 October", "2021-10-21", "day"),
        ("on 30 December", "2020-12-30", "day"),
        ("between 20 and 22 November 2018", "2018-11-20", "day"),
        ("earlier today", "2021-10-21", "day"),
        ("yesterday", "2021-10-20", "day"),
        ("on Monday", "2021-10-18", "day"),
        ("last month", "2021-09", "month"),
        ("in March", "2021-03", "month"),
        ("three days ago", "2021-10-18", "day"),
        ("on the 8th", "2021-10-08", "day"),
        ("on the 30th", "2021-09-30", "day"),
        ("over the weekend", "2021-10-16", "day"),
    ],
)
def test_dates_in_many_formats(text: str, iso: str, precision: str) -> None:
    mentions = find_dates(text, REF)
    assert mentions, text
    assert mentions[0].value is not None
    assert (mentions[0].value.iso(), mentions[0].value.precision) == (iso, precision)


def test_may_the_verb_is_not_a_month() -> None:
    assert find_dates("Officials said the attack may have been planned.", REF) == []


def test_relative_dates_need_a_reference() -> None:
    assert find_dates("on Monday", None) == []
    assert find_dates("on 21 October", None) == []


def test_impossible_and_future_dates_are_flagged() -> None:
    impossible = find_dates("on 31 February 2020", REF)[0]
    assert impossible.flags == ("impossible_date",)
    assert impossible.value is None
    future = find_dates("on 5 December 2025", REF)[0]
    assert "future_date" in future.flags
    assert not future.trusted


def test_inferred_reference_allows_leeway_for_yearless_dates() -> None:
    strict = find_dates("on 21 October", date(2021, 10, 19))[0]
    lenient = find_dates("on 21 October", date(2021, 10, 19), leeway=45)[0]
    assert strict.value is not None
    assert lenient.value is not None
    assert strict.value.iso() == "2020-10-21"
    assert lenient.value.iso() == "2021-10-21"


def test_offsets_and_latest_full_date() -> None:
    assert find_offsets("The incident took place two days after an occurrence") == [(24, 2)]
    assert find_offsets("a week before the vote") == [(0, -7)]
    assert latest_full_date(["posted October 19, 2021", "on 3 May 2020", "in 2022"]) == date(2021, 10, 19)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        ("1,200", 1200),
        ("twenty-one", 21),
        ("three hundred", 300),
        ("at least 12", 12),
        ("more than five", 5),
        ("10 to 12", 10),
        ("10-12", 10),
        ("between 4 and 6", 4),
        ("dozens", 12),
        ("a dozen", 12),
        ("several", 3),
        ("hundreds", 100),
        ("an", 1),
    ],
)
def test_number_phrases(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_not_a_number() -> None:
    assert parse_number("soldiers") is None


@pytest.mark.parametrize(
    ("sentence", "fatalities", "injuries"),
    [
        ("a firefight left one Syrian soldier dead and two others injured.", 1, 2),
        ("Two soldiers were killed and at least 12 people wounded.", 2, 12),
        ("The blast killed 3 soldiers and 2 civilians, including a child.", 5, None),
        ("Four people, including two children, were killed.", 4, None),
        ("Seven soldiers and about 20 attackers were killed.", 27, None),
        ("Gunmen killed twenty-one villagers.", 21, None),
        ("The death toll rose to 45.", 45, None),
        ("Shelling killed 24 people, officials said, raising an earlier toll of 14.", 24, None),
        ("Police said 31 people had died in clashes.", 31, None),
        ("The strike killed a woman and her two children.", 3, None),
        ("A soldier was killed.", 1, None),
        ("killing two and wounding 14", 2, 14),
        ("No casualties were reported.", 0, 0),
        ("There were no injuries.", None, 0),
        ("Two rebels were killed and a soldier was wounded.", 2, 1),
        ("The minister said the deal was dead.", None, None),
    ],
)
def test_casualties(sentence: str, fatalities: int | None, injuries: int | None) -> None:
    found = find_casualties(sentence)
    assert (found.fatalities, found.injuries) == (fatalities, injuries)


@pytest.mark.parametrize(
    ("sentence", "vehicles"),
    [
        ("a convoy of five US Mine Resistant Armoured Vehicles, or MRAPs, was stopped", {"MRAP": 5}),
        ("That incident involved three MRAPs and a Humvee.", {"MRAP": 3, "Humvee": 1}),
        ("destroying three tanks and two armoured vehicles", {"tank": 3, "armoured vehicle": 2}),
        ("shot down two drones", {"drone": 2}),
        ("allowing a bus and an ambulance to pass", {}),
        ("a think tank said", {}),
    ],
)
def test_vehicles(sentence: str, vehicles: dict[str, int]) -> None:
    assert find_vehicles(sentence) == vehicles


def test_fold_matches_spellings() -> None:
    assert fold("Al-Ḩasakah") == fold("Hasakah") == "hasakah"
    assert fold("Ma’rib") == fold("Marib")


def test_gazetteer_towns_regions_countries() -> None:
    gaz = gazetteer()
    qamishli = gaz.town("Qamishli", "SY")
    assert qamishli is not None
    assert (qamishli.country_code, qamishli.admin1) == ("SY", "Al-Hasakeh")
    assert gaz.town("Hamo", "SY") is None  # an alternate spelling of a German town is not trusted
    region = gaz.region("Hasakah", None)
    assert region is not None
    assert region.admin1 == "Al-Hasakeh"
    assert gaz.country("U.S.") == "US"
    assert gaz.country("Congo") == "CD"
    ras_al_ain = gaz.town("Ras al-Ain", "TR")  # curated: GeoNames' list lacks it
    assert ras_al_ain is not None
    assert ras_al_ain.country_code == "SY"
    donetsk = gaz.town("Donetsk", "RU")  # the city, not its small Russian namesake
    assert donetsk is not None
    assert donetsk.country_code == "UA"
    assert gaz.country_name("CD") == "Democratic Republic of Congo"


def test_places_with_directions_roads_and_facilities() -> None:
    gaz = gazetteer()
    found = find_places(
        "Sources said the incident took place at the al-Kazia checkpoint, situated southwest of the city "
        "of Qamishli, on the M4 Motorway.",
        gaz,
        "SY",
    )
    assert found.places[0].name == "al-Kazia checkpoint"
    assert (found.landmarks[0].name, found.landmarks[0].relation) == ("Qamishli", "southwest of")
    assert found.roads == ["M4 Motorway"]
    distance = find_places("A bomb exploded 20 km north of Kabul on Monday.", gaz, None)
    assert (distance.landmarks[0].name, distance.landmarks[0].relation) == ("Kabul", "20 km north of")


def test_acled_style_parenthesis_names_the_place_and_region() -> None:
    found = find_places("militants attacked a base in Bariire (Afgooye, Lower Shabelle).", gazetteer(), None)
    assert found.places[0].name == "Bariire"
    assert [r.country_code for r in found.regions] == ["SO"]


def test_acronyms_descriptions_and_camps_are_read_as_such() -> None:
    gaz = gazetteer()
    rebels = find_places("Rebels of the Allied Democratic Forces (ADF) raided Mamove village.", gaz, "CD")
    assert rebels.places[0].name == "Mamove"
    quarter = find_places("A bomber struck a mainly Hazara neighbourhood of western Kabul.", gaz, "AF")
    assert [p.name for p in quarter.places] == ["Kabul"]
    camp = find_places("Fighters shelled the Abu Shouk displacement camp north of El Fasher.", gaz, "SD")
    assert camp.places[0].name == "Abu Shouk displacement camp"
    city = find_places("Russian forces conducted a missile strike against Kharkiv City.", gaz, "UA")
    kharkiv = city.places[0]
    assert (kharkiv.name, kharkiv.place and kharkiv.place.country_code) == ("Kharkiv City", "UA")


def test_actors_are_normalized() -> None:
    gaz = gazetteer()
    for phrase in ("Syrian forces", "Syrian troops", "the Syrian army", "a Syrian army checkpoint"):
        names = [a.name for a in find_actors(f"{phrase} stopped the convoy.", gaz, "Syria")]
        assert names[0] == "Military Forces of Syria", phrase
    us = find_actors("a US convoy", gaz, "Syria")
    assert us[0].name == "Military Forces of the United States"
    residents = find_actors("local residents blocked the road", gaz, "Syria")
    assert (residents[0].name, residents[0].kind) == ("Civilians (Syria)", "Civilians")
    boko_haram = find_actors("Boko Haram militants attacked", gaz, "Nigeria")[0].name
    assert boko_haram.startswith("Islamic State (West Africa) and/or Boko Haram - ")


def test_passive_agent_leads_and_victims_follow() -> None:
    gaz = gazetteer()
    ordered = order_actors(find_actors("Two soldiers were killed when gunmen attacked", gaz, "Mali"))
    assert ordered[0].name == "Unidentified Armed Group (Mali)"
    ordered = order_actors(find_actors("Villagers were attacked by Fulani militia", gaz, "Mali"))
    assert ordered[0].name == "Fulani Ethnic Militia (Mali)"


def test_sources_are_not_actors() -> None:
    names = [a.name for a in find_actors("Gunmen killed 12 villagers, police said.", gazetteer(), "Nigeria")]
    assert "Police Forces of Nigeria" not in names
    quoted = find_actors("The IDF said troops raided the camp.", gazetteer(), "Palestine")
    assert [a.name for a in quoted] == ["Military Forces of Israel"]


def test_force_abbreviations() -> None:
    gaz = gazetteer()
    assert [a.name for a in find_actors("AS militants attacked SNA forces", gaz, "Somalia")] == [
        "Al Shabaab",
        "Military Forces of Somalia",
    ]
    assert [a.name for a in find_actors("HTS and SNA factions clashed", gaz, "Syria")] == [
        "HTS: Hayat Tahrir al Sham",
        "Syrian National Army",
    ]


@pytest.mark.parametrize(
    ("sentence", "event_type", "sub_event_type"),
    [
        ("A suicide bomber blew himself up at a checkpoint", "Explosions/Remote violence", "Suicide bomb"),
        ("Israeli warplanes struck targets in Gaza", "Explosions/Remote violence", "Air/drone strike"),
        ("A roadside bomb hit a minibus", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
        (
            "Russian forces shelled the town",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        ("a firefight between a US convoy and Syrian forces", "Battles", "Armed clash"),
        ("Taliban fighters captured the city", "Battles", "Non-state actor overtakes territory"),
        ("Gunmen abducted 15 passengers", "Violence against civilians", "Abduction/forced disappearance"),
        ("Police fired tear gas to disperse demonstrators", "Protests", "Protest with intervention"),
        ("Thousands of protesters marched through Baghdad", "Protests", "Peaceful protest"),
        ("An angry mob lynched two suspected thieves", "Riots", "Mob violence"),
        ("Security forces arrested 23 people", "Strategic developments", "Arrests"),
        ("forced a US convoy to turn around", "Strategic developments", "Non-violent activity"),
    ],
)
def test_event_types_come_from_the_fixed_lists(sentence: str, event_type: str, sub_event_type: str) -> None:
    found = classify(sentence)
    assert found is not None
    assert (found.event_type, found.sub_event_type) == (event_type, sub_event_type)
    assert found.sub_event_type in EVENT_TYPES[found.event_type]


def test_hypothetical_and_non_events() -> None:
    assert classify("Shares rose 4% on Tuesday.") is None
    assert classify("The group threatened to attack the base.") is None
    assert not_an_event("Syrian forces regularly confront US forces.") == "habitual"
    assert not_an_event("The sergeant was facing court-martial after the gun battle.") == "legal"
    assert not_an_event("Reminder: The US military has no legal ground to be in Syria.") == "opinion"
    assert not_an_event("Two soldiers were killed on Sunday.") is None
