"""A dated article reports the events of its last weeks: when none is that recent, the older events
it tells after its lead are background (an obituary, a profile); an older event beside recent news
or in the lead, and the events told after an old one in the lead, keep their records."""

from __future__ import annotations

from datetime import date

from incident_text import extract

_OBITUARY = (
    "The retired colonel Ivo Marek died at home on Monday, aged 88.\n\n"
    "He had served in the army for forty years.\n\n"
    "On March 4, 2019, soldiers under his command shot dead 14 protesters in Ostrava, Czech Republic."
)


def test_an_article_whose_only_event_is_years_old_reports_none() -> None:
    assert extract(_OBITUARY, reference=date(2021, 10, 21)) == []


def test_the_same_text_undated_still_reports_it() -> None:
    [incident] = extract(_OBITUARY, reference=None)
    assert (incident.event_date, incident.fatalities) == ("2019-03-04", 14)


def test_an_older_event_beside_recent_news_keeps_its_record() -> None:
    text = (
        "Soldiers shot dead two protesters in Ostrava, Czech Republic, on Tuesday.\n\n"
        "On March 4, 2019, soldiers shot dead 14 protesters in the same city."
    )
    incidents = extract(text, reference=date(2021, 10, 21))
    assert [i.event_date for i in incidents] == ["2021-10-19", "2019-03-04"]


def test_an_event_of_last_month_is_still_news() -> None:
    text = "Last month, soldiers shot dead 14 protesters in Ostrava, Czech Republic, a rights group said."
    [incident] = extract(text, reference=date(2021, 10, 21))
    assert incident.event_date == "2021-09"


def test_an_older_event_in_the_lead_is_the_news() -> None:
    text = "On March 4, 2019, soldiers shot dead 14 protesters in Ostrava, Czech Republic, a report found."
    [incident] = extract(text, reference=date(2021, 10, 21))
    assert incident.event_date == "2019-03-04"


def test_a_late_report_led_by_an_old_attack_keeps_the_events_it_tells_after_its_lead() -> None:
    text = (
        "On August 2, 2021, gunmen shot dead 12 traders at the market in Lira, Uganda, a report found.\n\n"
        "The report was published by a group of lawyers.\n\n"
        "On August 5, 2021, soldiers shot dead three fishermen near Gulu, Uganda."
    )
    incidents = extract(text, reference=date(2021, 10, 21))
    assert [i.event_date for i in incidents] == ["2021-08-02", "2021-08-05"]
