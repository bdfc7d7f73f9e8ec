"""Detection of events told in phrasings no other cue covers: invented sentences, one class each."""

from __future__ import annotations

import pytest
from incident_text import extract

PEACEFUL = ("Protests", "Peaceful protest")


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(i.event_type, i.sub_event_type) for i in extract(text)]


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday in Eldoret, Kenya, nurses demanded a shorter working week from the county board.",
        "Residents of Harwick demanded an apology from the housing office on Friday.",
        "On 9 June 2021, in Monterrey, Nuevo Leon, bus drivers demanded the payment of overdue wages.",
        "On 9 June 2021, the mayor of Nakuru demanded that the council publish its accounts.",
        "Ramblers have demanded better signs on the coastal path near Truro.",
    ],
)
def test_a_demand_alone_is_ordinary_news_not_a_protest(text: str) -> None:
    assert extract(text) == []


def test_a_scene_set_by_day_and_place_then_a_protest_is_one_protest() -> None:
    text = (
        "On 10 June 2021, nurses gathered at the gate of the district hospital in Kisumu, Kenya. "
        "They chanted slogans against the delayed pay."
    )
    assert _kinds(text) == [PEACEFUL]


@pytest.mark.parametrize(
    "text",
    [
        "On 11 June 2021, in Arequipa, market vendors met the regional council. [size=around 40]",
        "On 13 June 2021, villagers of Bogo marked a year since the flood with a walk. [size=hundreds]",
        "On 14 June 2021, in Tacna, police arrested five of the fishermen at the port. [size=dozens]",
    ],
)
def test_a_coders_crowd_size_tag_is_no_cue_of_an_event(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "On 15 June 2021, in Palmira, Valle del Cauca, a taxi driver was found dead beside a dirt road.",
        "On 16 June 2021, the body of a fisherman was found on a beach near Tumbes, Peru.",
        "On 17 June 2021, two brothers were found dead in a ditch outside Chalatenango, El Salvador.",
    ],
)
def test_someone_unnamed_found_dead_on_a_day_and_place_was_killed(text: str) -> None:
    assert _kinds(text) == [("Violence against civilians", "Attack")]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor of Lindholm, Ake Berg, was found dead on Monday, police in Lindholm said.",
        "On 18 June 2021, a retired actor was found dead last night in his hotel room in Porto.",
    ],
)
def test_a_person_of_the_news_or_someone_found_in_their_room_was_not_killed(text: str) -> None:
    assert extract(text) == []


def test_a_body_found_on_a_weekday_in_a_news_story_is_a_death_in_the_news() -> None:
    text = "Two bodies were found near the spot in Porto, Portugal, where the hiker was rescued on Sunday."
    assert extract(text) == []


def test_protesters_arrested_on_a_day_and_place_are_an_incident_whoever_arrested_them() -> None:
    text = "On 19 June 2021, in Cusco, Peru, nine people who protested against the new tax were arrested."
    assert extract(text) != []


def test_a_suspect_arrested_on_a_day_and_place_is_police_work() -> None:
    assert extract("On 19 June 2021, in Cusco, Peru, a man suspected of theft was arrested.") == []


def test_a_scene_set_aside_as_habitual_still_dates_the_protest_told_after_it() -> None:
    text = (
        "On 3 June 2021, in Lima, Peru, nurses who have repeatedly protested gathered outside the ministry. "
        "The protesters demonstrated against low pay."
    )
    assert [i.event_date for i in extract(text)] == ["2021-06-03"]


def test_a_court_sentence_does_not_date_an_event_told_after_it() -> None:
    text = (
        "On 3 June 2021, a court in Lima sentenced a former mayor to six years in prison. "
        "Supporters of the mayor rioted."
    )
    assert extract(text, reference=None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 6 May 2021, a reconnaissance drone violated the airspace over Qalat Rumi, Lebanon.",
            ("Strategic developments", "Other"),
        ),
        (
            "On 7 May 2021, warplanes flew at low altitude over the villages of Nabatieh, Lebanon.",
            ("Strategic developments", "Other"),
        ),
        (
            "On 8 May 2021, soldiers fired flare bombs over farmland near Kfar Tamra, Lebanon.",
            ("Strategic developments", "Other"),
        ),
        (
            "On 9 May 2021, twelve rebels surrendered to the army in Tal Nasri, Syria.",
            ("Strategic developments", "Change to group/activity"),
        ),
        (
            "On 10 May 2021, a militant cell was targeted by army troops near Hawija, Kirkuk, Iraq.",
            ("Battles", "Armed clash"),
        ),
    ],
)
def test_middle_east_notes_of_shows_of_force_surrenders_and_passive_strikes(
    text: str, expected: tuple[str, str]
) -> None:
    assert _kinds(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "On 11 May 2021, a tourist helicopter flew over the glacier near Fox, New Zealand.",
        "On 12 May 2021, a man wanted for fraud surrendered to police in Leeds, England.",
    ],
)
def test_a_tourist_flight_or_a_suspects_surrender_is_no_incident(text: str) -> None:
    assert extract(text) == []


def test_arrests_by_a_regimes_forces_are_a_conflict_event() -> None:
    text = "On 13 May 2021, the Syrian regime forces arrested two young men at a checkpoint in Inkhil, Daraa."
    assert _kinds(text) == [("Strategic developments", "Arrests")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "03/04/2021: Assailants hijacked a minibus carrying farm workers near Rutba, Al Anbar, Iraq.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        (
            "03/05/2021: Assailants destroyed an old shrine in Bashiqa town, Nineveh governorate, Iraq.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "03/06/2021: Assailants poisoned the drinking water of a camp in Hawija district, Kirkuk, Iraq.",
            ("Violence against civilians", "Attack"),
        ),
    ],
)
def test_terrorism_database_acts_on_vehicles_buildings_and_water(
    text: str, expected: tuple[str, str]
) -> None:
    assert _kinds(text) == [expected]


def test_a_hijacked_account_is_no_incident() -> None:
    assert extract("On 14 May 2021, fraudsters hijacked the account of a bank in Leeds, England.") == []


@pytest.mark.parametrize(
    "text",
    [
        "On Saturday in Lyon, France, shots were heard in the distance as the fireworks began.",
        "On 3 May 2021, walkers near Dunmarra, Scotland, heard gunshots from the grouse hunt.",
    ],
)
def test_gunfire_heard_is_no_event(text: str) -> None:
    assert extract(text) == []


def test_a_court_hearing_about_a_stabbing_is_no_incident() -> None:
    text = "On 3 May 2021, at a hearing in Leeds, England, the defendant admitted stabbing a neighbour."
    assert extract(text) == []


def test_a_demand_made_in_writing_or_a_destroyed_building_seen_is_no_incident() -> None:
    assert extract("On 9 June 2021, in Perth, Australia, she wrote a letter demanding people stop.") == []
    assert extract("On 9 June 2021, in Kathmandu, Nepal, residents searched a destroyed temple.") == []


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2021, the remains of a woolly rhinoceros were discovered near Tiksi, Russia.",
        "On 3 May 2021, a walker was found dead on Snowdon, Wales, after a fall.",
        "On 4 June 2021, three mountaineers were found dead near Zermatt, Switzerland.",
        "On 5 June 2021, a farmer was found dead near Tarbes, France, after a heart attack.",
        "On 6 June 2021, two skiers were found dead after an avalanche near Davos, Switzerland.",
    ],
)
def test_remains_of_no_person_and_deaths_by_misadventure_are_no_attack(text: str) -> None:
    assert extract(text) == []


def test_the_remains_of_people_found_on_a_full_date_are_an_attack() -> None:
    text = "On 7 June 2021, the remains of two men were discovered near Esteli, Nicaragua."
    assert _kinds(text) == [("Violence against civilians", "Attack")]


def test_someone_found_dead_is_no_attack_when_the_next_sentence_names_an_accident() -> None:
    found = "On 4 June 2021, two men were found dead near Grenoble, France."
    assert extract(f"{found} An avalanche had buried their tent.") == []
    assert _kinds(f"{found} Their hands were tied.") == [("Violence against civilians", "Attack")]
