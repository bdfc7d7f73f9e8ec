"""Full-length news: what a long article tells after its news (quotes, background, other places
named in passing) makes no incident of its own; what it tells right after, or as a separate event, does."""

from __future__ import annotations

from datetime import datetime

from summarizer.articles import Article
from summarizer.incidents import extract_incidents


def article(text: str, title: str) -> Article:
    return Article(id="a", title=title, text=text, published=datetime(2021, 3, 10))


_MARCH = (
    "Hundreds of nurses marched in Lyon, France, on Saturday to demand higher pay.\n\n"
    "The march started at the station and ended at the town hall.\n\n"
    "Unions said the turnout was the largest this year.\n\n"
    "The health minister said talks would resume next week.\n\n"
)


def test_an_undated_event_named_in_passing_far_after_the_news_takes_no_date_and_makes_no_incident() -> None:
    text = _MARCH + "One nurse said colleagues had protested in Grenoble too.\n"
    incidents = extract_incidents(article(text, "Nurses march in Lyon"))
    assert [i.location for i in incidents] == ["Lyon"]


def test_an_undated_event_elsewhere_right_after_the_news_still_takes_its_date() -> None:
    text = (
        "A bomb exploded at a bus stop in Quetta, Pakistan, on Monday, killing four people, police said.\n\n"
        "Gunmen attacked a police post in Turbat, officials said.\n"
    )
    incidents = extract_incidents(article(text, "Bomb kills four in Quetta"))
    assert [(i.location, i.event_date) for i in incidents] == [
        ("Quetta", "2021-03-08"),
        ("Turbat", "2021-03-08"),
    ]


def test_a_separate_event_told_far_after_the_news_still_takes_its_date() -> None:
    text = (
        "A bomb exploded at a bus stop in Quetta, Pakistan, on Monday, killing four people, police said.\n\n"
        "The wounded were taken to the civil hospital.\n\n"
        "The provincial government announced compensation for the families.\n\n"
        "The city has seen many such attacks.\n\n"
        "In a separate attack, gunmen stormed a police post in Turbat, officials said.\n"
    )
    incidents = extract_incidents(article(text, "Bomb kills four in Quetta"))
    assert [(i.location, i.event_date) for i in incidents] == [
        ("Quetta", "2021-03-08"),
        ("Turbat", "2021-03-08"),
    ]


def test_a_leaders_death_announced_at_no_stated_time_is_no_incident() -> None:
    text = (
        "On Friday, in a short statement, the defence minister said Karim Oduya, a commander of the"
        " Red Ridge Brigade, had been killed.\n\n"
        "The statement gave no date or place.\n\n"
        'It read: "Oduya, a senior commander of the Red Ridge Brigade, was killed in an operation by'
        ' our special forces."\n'
    )
    assert extract_incidents(article(text, "Minister says militant commander Oduya killed")) == []


def test_a_death_announced_then_said_to_have_no_known_time_is_no_incident() -> None:
    text = (
        "Officials said on Friday that soldiers had killed Karim Oduya, a rebel commander, in Lira.\n\n"
        "It is not clear when he was killed.\n"
    )
    assert extract_incidents(article(text, "Rebel commander Oduya killed, officials say")) == []


def test_an_announced_killing_whose_day_nobody_questions_stays_an_incident() -> None:
    text = (
        "On Friday, the defence minister said soldiers had killed Karim Oduya, a rebel commander, in a"
        " raid on his camp near Lira.\n\n"
        "The minister gave no further details.\n"
    )
    [incident] = extract_incidents(article(text, "Rebel commander Oduya killed"))
    assert incident.event_date == "2021-03-05"


_EARLIER_FIRST = (
    "Last month, gunmen attacked a bus in Multan, Pakistan, killing nine people.\n\n"
    "On Tuesday, a bomb exploded at a shrine in Quetta, killing four people, police said.\n"
)


def test_an_incident_dated_only_to_last_month_never_leads_when_the_headline_names_neither() -> None:
    incidents = extract_incidents(article(_EARLIER_FIRST, "A week of violence in the provinces"))
    assert [i.location for i in incidents] == ["Quetta", "Multan"]


def test_an_incident_dated_only_to_last_month_never_leads_without_a_headline() -> None:
    incidents = extract_incidents(article(_EARLIER_FIRST, ""))
    assert [i.location for i in incidents] == ["Quetta", "Multan"]


def test_incidents_dated_to_the_day_keep_the_order_of_the_text_when_the_headline_names_neither() -> None:
    text = (
        "On Monday, gunmen attacked a bus in Multan, Pakistan, killing nine people.\n\n"
        "On Tuesday, a bomb exploded at a shrine in Quetta, killing four people, police said.\n"
    )
    incidents = extract_incidents(article(text, "A week of violence in the provinces"))
    assert [i.location for i in incidents] == ["Multan", "Quetta"]


def test_an_earlier_event_the_incident_is_compared_with_makes_no_incident_of_its_own() -> None:
    text = (
        "Gunmen stormed a cattle market in Sokoto, Nigeria, on Monday, killing 12 traders, police said.\n\n"
        "The wounded were taken to hospitals in the city.\n\n"
        "The state governor visited the market on Tuesday.\n\n"
        "Officials called Monday's raid the deadliest since an attack on Gusau in May 2019, when 30"
        " villagers were killed.\n"
    )
    incidents = extract_incidents(article(text, "Gunmen kill 12 at Sokoto market"))
    assert [(i.location, i.fatalities) for i in incidents] == [("Sokoto", 12)]


def test_the_event_named_after_since_is_a_comparison_not_an_incident() -> None:
    text = (
        "Gunmen stormed a cattle market in Sokoto, Nigeria, on Monday, killing 12 traders, police said.\n\n"
        "It was the worst violence in the state since the bombing of a bus station in Gusau.\n"
    )
    incidents = extract_incidents(article(text, "Gunmen kill 12 at Sokoto market"))
    assert [i.location for i in incidents] == ["Sokoto"]
