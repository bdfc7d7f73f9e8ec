"""Full-length news: the headline's incident first, tolls of compared events, attacks on forces,
vehicle bombs."""

from __future__ import annotations

from datetime import datetime

from summarizer.articles import Article
from summarizer.incidents import extract_incidents


def article(text: str, title: str) -> Article:
    return Article(id="a", title=title, text=text, published=datetime(2021, 3, 10))


_TEXT = (
    "Teachers marched in Lahore, Pakistan, on Tuesday over unpaid wages.\n\n"
    "A bomb exploded at a bus stop in Quetta on Monday, killing four people, police said.\n"
)


def test_the_headlines_incident_comes_first_even_when_told_later() -> None:
    incidents = extract_incidents(article(_TEXT, "Bomb kills four in Quetta"))
    assert [i.location for i in incidents] == ["Quetta", "Lahore"]


def test_the_order_of_the_text_stays_when_the_headline_names_the_first_incident() -> None:
    incidents = extract_incidents(article(_TEXT, "Teachers march in Lahore"))
    assert [i.location for i in incidents] == ["Lahore", "Quetta"]


def test_the_order_of_the_text_stays_when_the_headline_names_nothing_they_share() -> None:
    incidents = extract_incidents(article(_TEXT, "A week in the provinces"))
    assert [i.location for i in incidents] == ["Lahore", "Quetta"]


def test_an_incident_dated_only_by_its_month_never_becomes_the_main_one() -> None:
    text = (
        "Farmers marched in Multan, Pakistan, on Tuesday.\n\n"
        "In February, a bomb exploded at a shrine in Quetta, killing nine people.\n"
    )
    incidents = extract_incidents(article(text, "Quetta bomb remembered as farmers march"))
    assert incidents[0].location == "Multan"


def test_the_toll_of_an_earlier_event_the_article_compares_with_is_not_the_incidents() -> None:
    text = (
        "Raiders attacked a cattle market in Sokoto, Nigeria, on Monday, and at least 40 traders were"
        " killed, officials said. A hospital said 18 people died in the attack.\n\n"
        "It was the deadliest raid in the state since June 3, 2014, when 90 people died in a market fire.\n"
    )
    [incident] = extract_incidents(article(text, "Raid on Sokoto market"))
    # two sources' figures for the same dead: the lowest is coded (ACLED), the range spans both
    assert incident.fatalities == 18
    assert incident.fatality_bounds == (18, None)


def test_a_sentence_comparing_tolls_keeps_its_own_and_drops_the_earlier_events() -> None:
    text = (
        "Raiders attacked a cattle market in Sokoto, Nigeria, on Monday, killing 12 traders, officials"
        " said.\n\n"
        "The toll rose to 27 on Tuesday, the highest in the state since June 3, 2014, when 90 people"
        " died in a market fire.\n"
    )
    [incident] = extract_incidents(article(text, "Raid on Sokoto market"))
    assert incident.fatalities == 27


def test_a_toll_that_rose_since_the_incident_still_updates_it() -> None:
    text = (
        "Gunmen attacked a bus in Sokoto, Nigeria, on Monday, killing six passengers.\n\n"
        "Since Monday, the number of dead has risen to nine, a hospital said.\n"
    )
    [incident] = extract_incidents(article(text, "Bus attacked in Sokoto"))
    assert incident.fatalities == 9


def test_forces_named_only_as_harmed_make_an_attack_an_armed_clash() -> None:
    text = "A police constable was shot outside a station in Leeds, England, on Friday, officials said.\n"
    [incident] = extract_incidents(article(text, "Constable shot in Leeds"))
    assert (incident.event_type, incident.sub_event_type) == ("Battles", "Armed clash")
    assert incident.actor2 == "Police Forces of the United Kingdom"


def test_an_off_duty_officer_harmed_is_still_a_civilian() -> None:
    text = "An off-duty police constable was shot outside a pub in Leeds, England, on Friday.\n"
    [incident] = extract_incidents(article(text, "Constable shot in Leeds"))
    assert incident.event_type == "Violence against civilians"


def test_a_vehicle_bomb_driven_into_its_target_is_a_suicide_bomb() -> None:
    text = "A truck bomb was driven into the gate of an army camp in Baidoa, Somalia, on Monday.\n"
    [incident] = extract_incidents(article(text, "Truck bomb hits Baidoa camp"))
    assert (incident.event_type, incident.sub_event_type) == ("Explosions/Remote violence", "Suicide bomb")
