"""Whole-article extraction: what is and is not an incident, merging, bad input, accuracy floors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from incident_text import extract

from summarizer.incidents.score import incident_rates, read_rows, score_rows

DATA = Path(__file__).resolve().parent / "data"


def test_business_article_has_no_incidents() -> None:
    text = (
        "Shares of the retailer rose 4% on Tuesday after the company reported quarterly profit above"
        " expectations.\n\nThe chief executive said the firm would open 30 new stores this year and"
        " hire 2,000 workers. Analysts called the results a clash of expectations and reality."
    )
    assert extract(text) == []


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Hello.", "A" * 100_000, "\x00\x01 ))) ((( " * 500])
def test_empty_or_trivial_text_gives_no_incidents(text: str) -> None:
    assert extract(text) == []


def test_two_dated_incidents_in_one_paragraph() -> None:
    incidents = extract(
        "On 1 May 2017, Taliban fighters attacked a police checkpoint in Kunduz province, killing eight"
        " policemen. On 2 May 2017, a roadside bomb struck a minibus in Helmand province, killing five"
        " civilians."
    )
    assert [(i.event_date, i.fatalities, i.country) for i in incidents] == [
        ("2017-05-01", 8, "Afghanistan"),
        ("2017-05-02", 5, "Afghanistan"),
    ]
    assert incidents[0].actor1 == "Taliban"
    assert incidents[1].sub_event_type == "Remote explosive/landmine/IED"


def test_repeated_reports_of_one_incident_merge() -> None:
    incidents = extract(
        "Gunmen killed five villagers in Kadisau in Katsina state on Monday, police said.\n\nThe"
        " governor condemned the attack on Monday. Residents said the attack in Kadisau lasted an"
        " hour.\n\nThe attack was the third this month."
    )
    assert len(incidents) == 1
    assert (incidents[0].event_date, incidents[0].fatalities, incidents[0].location) == (
        "2021-10-18",
        5,
        "Kadisau",
    )
    assert len(incidents[0].sentence_indexes) >= 2


def test_no_casualties_reported_is_zero_with_evidence() -> None:
    [incident] = extract(
        "On 10 August 2021, Russian forces shelled Avdiivka (Donetsk). No casualties were reported."
    )
    assert (incident.fatalities, incident.injuries) == (0, 0)
    assert incident.evidence_for("fatalities")[0].text == "No casualties were reported."
    assert incident.location == "Avdiivka"
    assert incident.country == "Ukraine"


def test_background_years_and_court_cases_are_not_incidents() -> None:
    text = (
        "In 2014, Islamic State militants seized large parts of Iraq. A former officer was sentenced by"
        " a court in Baghdad on Monday for an attack that killed 11 people. On 19 October, Iraqi forces"
        " killed three IS fighters hiding in caves in the Hamrin mountains, the military said."
    )
    [incident] = extract(text)
    assert (incident.event_date, incident.location, incident.fatalities) == ("2021-10-19", "Hamrin", 3)


def test_future_and_impossible_dates_are_flagged_not_trusted() -> None:
    [future] = extract("On 5 December 2030, militants attacked an army base in Gao, killing three soldiers.")
    assert "future_date" in future.flags
    assert future.confidence < 0.8
    [impossible] = extract(
        "On 31 February 2021, militants attacked an army base in Gao, killing three soldiers."
    )
    assert impossible.event_date is None
    assert "impossible_date" in impossible.flags


def test_absurd_numbers_are_flagged() -> None:
    [incident] = extract("On 3 May 2021, an airstrike on Marib killed 2,000,000 people.")
    assert "implausible_fatalities" in incident.flags
    assert incident.confidence < 0.8


def test_year_comes_from_the_reference_date_or_the_text() -> None:
    [with_reference] = extract(
        "On 19 October, locals blocked a US convoy near Qamishli and forced it to turn back."
    )
    assert with_reference.event_date == "2021-10-19"
    [from_text] = extract(
        "On 19 October, locals blocked a US convoy near Qamishli and forced it to turn back.\n— a post"
        " dated October 20, 2021",
        reference=None,
    )
    assert from_text.event_date == "2021-10-19"


def test_record_has_acled_fields_and_evidence() -> None:
    [incident] = extract("Yesterday, a car bomb exploded in the centre of Mogadishu, killing eight people.")
    record = incident.to_dict()
    expected = {"event_date", "event_type", "sub_event_type", "actor1", "admin1", "country", "location"}
    expected |= {"latitude", "longitude", "geo_precision", "fatalities", "evidence", "confidence"}
    assert expected <= set(record)
    assert (record["event_date"], record["country"], record["fatalities"]) == ("2021-10-20", "Somalia", 8)
    assert record["geo_precision"] == 1
    assert {e["field"] for e in record["evidence"]} >= {"event_date", "event_type", "location", "fatalities"}


FIELDS = ("event_date", "country", "fatalities", "event_type", "location")


@pytest.mark.parametrize(
    ("path", "floors"),
    [
        ("incidents_dev.jsonl", dict(zip(FIELDS, (0.95, 0.95, 0.9, 0.9, 0.9), strict=True))),
        ("incidents_holdout.jsonl", dict(zip(FIELDS, (0.9, 0.9, 0.85, 0.8, 0.85), strict=True))),
        ("incidents_holdout_h10.jsonl", dict(zip(FIELDS, (0.95, 0.95, 0.9, 0.9, 0.85), strict=True))),
    ],
)
def test_field_accuracy_stays_above_floors(path: str, floors: dict[str, float]) -> None:
    score = score_rows(read_rows(DATA / path))
    for name, floor in floors.items():
        assert score.correct[name] / score.total[name] >= floor, (name, score.report())
    assert score.empty_correct == score.empty_articles


def test_two_days_after_dates_the_undated_incident() -> None:
    incidents = extract(
        "Syrian troops forced a US convoy to turn back near Qamishli.\n\n"
        "The incident took place two days after an occurrence in Hamo village on 19 October in which "
        "local residents blocked a US convoy."
    )
    assert [(i.event_date, i.actor1) for i in incidents] == [
        ("2021-10-21", "Military Forces of Syria"),
        ("2021-10-19", "Civilians (Syria)"),
    ]


def test_a_report_date_gives_way_to_the_event_date() -> None:
    [incident] = extract(
        "Security forces ended a siege by al-Shabaab militants at a hotel in the capital, Mogadishu, "
        "authorities said on Sunday. At least 21 people were killed.\n\n"
        "The attack began on Friday evening with gunfire."
    )
    assert (incident.event_date, incident.location, incident.fatalities) == ("2021-10-15", "Mogadishu", 21)


def test_running_tolls_are_not_added_to_an_incident() -> None:
    [incident] = extract(
        "Air strikes killed at least 15 people in a market in the town of Maarat al-Numan on Monday, "
        "rescuers said.\n\nThe Syrian war has killed more than 350,000 people since 2011. Militants have "
        "killed more than 100 soldiers in the province so far this year."
    )
    assert (incident.fatalities, incident.location, incident.country) == (15, "Maarat al-Numan", "Syria")
    assert incident.flags == []


def test_accidents_are_not_conflict_incidents() -> None:
    assert (
        extract(
            "At least 40 people were killed and dozens injured when a bus plunged into a ravine on Sunday."
        )
        == []
    )


def test_two_events_in_one_sentence_are_split() -> None:
    incidents = extract(
        "Two policemen and three civilians died in a suicide attack on a hospital in Dera Ismail Khan on "
        "Sunday, hours after gunmen killed two police officers at a checkpoint in the same district."
    )
    assert [(i.event_date, i.sub_event_type, i.fatalities) for i in incidents] == [
        ("2021-10-17", "Suicide bomb", 5),
        ("2021-10-17", "Armed clash", 2),
    ]
    dated = extract(
        "On 1 May 2017, Taliban fighters attacked a checkpoint in Kunduz province, killing eight policemen, "
        "and on 2 May 2017, a roadside bomb struck a minibus in Helmand province, killing five civilians."
    )
    assert [(i.event_date, i.location, i.fatalities) for i in dated] == [
        ("2017-05-01", "Kunduz", 8),
        ("2017-05-02", "Helmand", 5),
    ]
    assert dated[1].summary.startswith("On 2 May 2017")


def test_incident_rates_on_news_without_gold() -> None:
    rows = [
        {"category": "business", "article": "Shares rose 4% on Tuesday after strong results."},
        {"category": "world", "text": "On 3 May 2020, an IED killed two soldiers near Kidal in Mali."},
    ]
    heard: list[str] = []
    report = incident_rates(rows, heard.append)
    assert len(heard) == 1
    assert heard[0].endswith("an IED killed two soldiers near Kidal in Mali.")
    assert "business" in report
    assert "0/1" in report
    assert "1/1" in report
    assert report.splitlines()[-1].split() == ["all", "1/2", "50.0%"]


def test_a_later_toll_updates_the_incident_even_when_dated_later() -> None:
    text = (
        "Two missiles struck the city of Pokrovsk late on Monday, killing seven people and injuring 67.\n"
        "The second missile hit about 40 minutes after the first, officials said.\n"
        "Rescue workers searched the rubble through the night.\n"
        "By Wednesday the death toll had risen to nine, the regional governor said."
    )
    incidents = extract(text, date(2023, 8, 9))
    assert len(incidents) == 1
    assert (incidents[0].event_date, incidents[0].fatalities, incidents[0].injuries) == ("2023-08-07", 9, 67)


@pytest.mark.parametrize(
    ("text", "country", "location"),
    [
        ("MARIB, Feb 5 (Reuters) - Fighting killed 12 fighters on Sunday.", "Yemen", None),
        ("Dissidents killed a soldier in Argelia, Cauca, on Sunday, the army said.", "Colombia", "Argelia"),
        ("Clashes between Fano militiamen and troops in Gondar killed 15 on Monday.", "Ethiopia", "Gondar"),
        ("A Turkish drone strike killed three SDF fighters near Kobani on Tuesday.", "Syria", "Kobani"),
    ],
)
def test_country_from_dateline_region_or_curated_town(text: str, country: str, location: str | None) -> None:
    incidents = extract(text, date(2024, 2, 6))
    assert [(i.country, i.location) for i in incidents] == [(country, location)]


def test_people_who_have_died_since_protests_began_are_a_running_toll() -> None:
    text = (
        "Security forces shot dead three protesters in Nasiriyah on Sunday, medics said.\n"
        "More than 330 people have died since protests against the government began in early October."
    )
    assert [i.fatalities for i in extract(text, date(2019, 11, 25))] == [3]


def test_an_article_naming_no_event_is_not_read_for_places(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every incident has a sentence naming its event: with none, the costly stages are skipped."""

    def fail(*_: object) -> None:
        raise AssertionError("places read for an article without an event")

    monkeypatch.setattr("summarizer.incidents.extract.dominant_country", fail)
    text = "The council of Varnholm approved a new bridge on Monday. Work starts in Ostrava next spring."
    assert extract(text) == []
