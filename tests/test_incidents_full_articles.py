"""Full-length articles: the page's date line, days still to come, and the country a headline names."""

from __future__ import annotations

from datetime import date, datetime

from summarizer.articles import Article
from summarizer.document import prepare
from summarizer.incidents import extract_incidents
from summarizer.incidents.gazetteer import gazetteer
from summarizer.incidents.reading import dominant_country, read_sentence


def article(
    text: str, title: str = "Rally in Tbilisi", published: datetime = datetime(2021, 3, 10)
) -> Article:
    return Article(id="a", title=title, text=text, published=published)


def test_a_date_line_above_the_text_never_dates_the_event() -> None:
    text = (
        "\nWednesday, March 10, 2021\xa0\nOn Friday, hundreds of demonstrators rallied in Tbilisi, Georgia.\n"
    )
    [incident] = extract_incidents(article(text))
    assert incident.event_date == "2021-03-05"


def test_a_day_something_is_still_to_happen_on_never_dates_the_event() -> None:
    text = (
        "On Friday, hundreds of demonstrators rallied in Tbilisi, Georgia, ahead of the referendum"
        " to be held on March 21.\n"
    )
    [incident] = extract_incidents(article(text))
    assert incident.event_date == "2021-03-05"


def test_the_country_a_headline_names_outweighs_one_named_in_passing() -> None:
    gaz = gazetteer()
    text = "A bomb went off at a market on Sunday. The group once fought in Iraq."
    reads = [facts for s in prepare(text).sentences for facts in read_sentence(s, date(2020, 8, 3), 1)]
    assert dominant_country(reads, gaz) == "IQ"
    assert dominant_country(reads, gaz, headline="Bomb kills five in the Philippines") == "PH"


def test_an_incident_dated_by_its_report_takes_the_day_a_later_sentence_states() -> None:
    text = (
        "It was reported on Monday that an inmate was stabbed in a jail in Leeds, England.\n\n"
        "Staff on the wing had noticed no trouble for weeks.\n\n"
        'The prison service said: "An inmate was assaulted on Thursday, October 8 in the jail."\n'
    )
    incidents = extract_incidents(article(text, "Inmate stabbed", datetime(2020, 10, 13)))
    assert [i.event_date for i in incidents] == ["2020-10-08"]


def test_a_stabbing_followed_by_an_arrest_is_the_stabbing() -> None:
    text = "A woman was arrested after a councillor in Porto, Portugal, was stabbed last night at a market.\n"
    [incident] = extract_incidents(article(text, "Councillor stabbed"))
    assert (incident.event_type, incident.sub_event_type) == ("Violence against civilians", "Attack")


def test_police_who_responded_to_an_attack_on_civilians_did_not_carry_it_out() -> None:
    text = (
        "Late on Friday, police in Toledo, Ohio, responded to calls about a shooting at a barbecue."
        " Three young men were wounded in the shooting.\n\n"
        "Officers said the first call came in shortly before eleven.\n"
    )
    [incident] = extract_incidents(article(text, "Three men shot", datetime(2021, 6, 14)))
    assert incident.event_type == "Violence against civilians"
    assert incident.actor1 == "Unidentified Armed Group (United States)"


def test_a_weapon_said_to_be_fake_does_not_type_the_event() -> None:
    text = (
        "On Tuesday, a man attacked shoppers at a mall in Melbourne, Australia, with a machete.\n\n"
        "Officers said the belt he wore had looked like a suicide vest but turned out to be a"
        " fake.\n"
    )
    [incident] = extract_incidents(article(text, "Machete attack", datetime(2021, 5, 6)))
    assert (incident.event_type, incident.sub_event_type) == ("Violence against civilians", "Attack")


def test_protesters_throwing_projectiles_riot_rather_than_shell() -> None:
    text = (
        "Scuffles erupted on Sunday when a few thousand people marched in Ottawa, Canada, against new"
        " fuel taxes. Footage showed two groups of marchers shoving, kicking and hurling"
        " projectiles.\n"
    )
    [incident] = extract_incidents(article(text, "Scuffles at march", datetime(2021, 4, 20)))
    assert (incident.event_type, incident.sub_event_type) == ("Riots", "Violent demonstration")


def test_an_event_recalled_as_a_time_does_not_type_the_incident() -> None:
    text = (
        "Armenia and Azerbaijan exchanged artillery fire yesterday near Tovuz, Azerbaijan.\n\n"
        "After the exchange of fire, Armenia said it would strike any drone crossing the border.\n"
    )
    [incident] = extract_incidents(article(text, "Border shelling", datetime(2020, 7, 14)))
    assert incident.sub_event_type == "Shelling/artillery/missile attack"


def test_a_country_named_in_passing_in_another_sentence_does_not_place_the_incident() -> None:
    text = (
        "Two blasts yesterday hit a mosque in Maiduguri, Nigeria, killing 14 worshippers.\n\n"
        "The Islamic State of Iraq and the Levant later said it had carried out the bombings.\n"
    )
    [incident] = extract_incidents(article(text, "Blasts kill 14 in Nigeria", datetime(2021, 2, 8)))
    assert incident.country == "Nigeria"


def test_soldiers_named_later_as_the_ones_who_fired_are_the_attackers() -> None:
    text = (
        "Twelve villagers were killed on Sunday in an attack on a village near Mopti, Mali.\n\n"
        "Witnesses said soldiers opened fire on the villagers at dawn.\n"
    )
    [incident] = extract_incidents(article(text, "Villagers killed", datetime(2020, 5, 5)))
    assert incident.actor1 == "Military Forces of Mali"
