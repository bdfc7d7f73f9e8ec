"""Full-length articles: the page's date line, days still to come, and the country a headline names."""

from __future__ import annotations

from datetime import date, datetime

from summarizer.articles import Article
from summarizer.document import prepare
from summarizer.incidents import extract_incidents
from summarizer.incidents.gazetteer import gazetteer
from summarizer.incidents.reading import dominant_country, read_sentence


def article(text: str, title: str = "Rally in Minsk") -> Article:
    return Article(id="a", title=title, text=text, published=datetime(2020, 8, 3))


def test_a_date_line_above_the_text_never_dates_the_event() -> None:
    text = "\nMonday, August 3, 2020\xa0\nOn Thursday, thousands of protesters marched in Minsk, Belarus.\n"
    [incident] = extract_incidents(article(text))
    assert incident.event_date == "2020-07-30"


def test_a_day_something_is_still_to_happen_on_never_dates_the_event() -> None:
    text = (
        "On Thursday, thousands of protesters marched in Minsk, Belarus, before the election"
        " to be held on August 9.\n"
    )
    [incident] = extract_incidents(article(text))
    assert incident.event_date == "2020-07-30"


def test_the_country_a_headline_names_outweighs_one_named_in_passing() -> None:
    gaz = gazetteer()
    text = "A bomb went off at a market on Sunday. The group once fought in Iraq."
    reads = [facts for s in prepare(text).sentences for facts in read_sentence(s, date(2020, 8, 3), 1)]
    assert dominant_country(reads, gaz) == "IQ"
    assert dominant_country(reads, gaz, headline="Bomb kills five in the Philippines") == "PH"


def test_an_incident_dated_by_its_report_takes_the_day_a_later_sentence_states() -> None:
    text = (
        "It was reported on Saturday that a prisoner was stabbed in a prison in San Diego, California.\n\n"
        "The prison's guards had seen nothing unusual that week.\n\n"
        'The department said: "There was an assault on an inmate on Friday, August 30 in the prison."\n'
    )
    published = Article(id="p", title="Prisoner stabbed", text=text, published=datetime(2019, 9, 3))
    assert [i.event_date for i in extract_incidents(published)] == ["2019-08-30"]


def test_a_stabbing_followed_by_an_arrest_is_the_stabbing() -> None:
    text = "A man has been arrested after the mayor of Gdansk, Poland, was stabbed last night on stage.\n"
    [incident] = extract_incidents(article(text, "Mayor stabbed"))
    assert (incident.event_type, incident.sub_event_type) == ("Violence against civilians", "Attack")


def test_police_who_responded_to_an_attack_on_civilians_did_not_carry_it_out() -> None:
    text = (
        "Early on Saturday, police in Clairton, Pennsylvania, responded to reports of a shooting at a party."
        " Four teenagers were injured in the shooting.\n\n"
        "According to police, they received the first call about the attack at midnight.\n"
    )
    published = Article(id="c", title="Teenagers shot", text=text, published=datetime(2019, 7, 23))
    [incident] = extract_incidents(published)
    assert incident.event_type == "Violence against civilians"
    assert incident.actor1 == "Unidentified Armed Group (United States)"


def test_a_weapon_said_to_be_fake_does_not_type_the_event() -> None:
    text = (
        "On Friday, a man stabbed several people at a hall in London with a large knife.\n\n"
        "Police also said the attacker had appeared to be wearing a suicide vest, though it was later"
        " found to be a harmless fake.\n"
    )
    published = Article(id="f", title="Stabbing in London", text=text, published=datetime(2019, 12, 2))
    [incident] = extract_incidents(published)
    assert (incident.event_type, incident.sub_event_type) == ("Violence against civilians", "Attack")


def test_protesters_throwing_projectiles_riot_rather_than_shell() -> None:
    text = (
        "Violence broke out on Saturday when several thousand people rallied in Washington, DC, to protest"
        " the election results. Video captured two groups of protesters pushing, punching, and throwing"
        " projectiles.\n"
    )
    published = Article(id="r", title="Violence at protest", text=text, published=datetime(2020, 11, 17))
    [incident] = extract_incidents(published)
    assert (incident.event_type, incident.sub_event_type) == ("Riots", "Violent demonstration")


def test_an_event_recalled_as_a_time_does_not_type_the_incident() -> None:
    text = (
        "North and South Korea exchanged artillery fire yesterday near Yeoncheon, South Korea.\n\n"
        "After the exchange of fire, North Korea said it would attack any loudspeakers within 48 hours.\n"
    )
    published = Article(id="k", title="Artillery fire", text=text, published=datetime(2015, 8, 21))
    [incident] = extract_incidents(published)
    assert incident.sub_event_type == "Shelling/artillery/missile attack"


def test_a_country_named_in_passing_in_another_sentence_does_not_place_the_incident() -> None:
    text = (
        "Twin bombings yesterday struck a cathedral in Mindanao, Philippines, killing 20 people.\n\n"
        "The Islamic State of Iraq and the Levant subsequently claimed responsibility for the bombings.\n"
    )
    published = Article(
        id="j", title="Bombs kill 20 in the Philippines", text=text, published=datetime(2019, 1, 28)
    )
    [incident] = extract_incidents(published)
    assert incident.country == "Philippines"


def test_soldiers_named_later_as_the_ones_who_fired_are_the_attackers() -> None:
    text = (
        "Twelve villagers were killed on Sunday in an attack on a village near Mopti, Mali.\n\n"
        "Witnesses said soldiers opened fire on the villagers at dawn.\n"
    )
    published = Article(id="s", title="Villagers killed", text=text, published=datetime(2020, 5, 5))
    [incident] = extract_incidents(published)
    assert incident.actor1 == "Military Forces of Mali"
