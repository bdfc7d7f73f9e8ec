"""Who did what to whom (ACLED's conventions per event type) and dates read by validity and history."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.articles.model import Article
from summarizer.incidents import Incident, extract_incidents
from summarizer.incidents.dates import find_dates, latest_full_date


def extract(text: str, reference: date | None = date(2020, 5, 5)) -> list[Incident]:
    return extract_incidents(Article(id="t", title="", text=text, reference_date=reference))


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "On 28 April 2020, about 50 musicians demonstrated at the town hall in Kaya, Burkina Faso.",
            "Protesters (Burkina Faso)",
            None,
        ),
        (
            "On 2 May 2020, police fired tear gas to disperse protesters in Lagos, Nigeria.",
            "Protesters (Nigeria)",
            "Police Forces of Nigeria",
        ),
        (
            "On 3 May 2020, gunmen shot dead two farmers in the village of Kagoro in Kaduna, Nigeria.",
            "Unidentified Armed Group (Nigeria)",
            "Civilians (Nigeria)",
        ),
        (
            "On 27 April 2020, military forces of Armenia fired on the positions of the military forces "
            "of Azerbaijan near Goyali, Gadabay.",
            "Military Forces of Armenia",
            "Military Forces of Azerbaijan",
        ),
    ],
)
def test_actors_follow_acled_conventions(text: str, actor1: str, actor2: str | None) -> None:
    incident = extract(text)[0]
    assert (incident.actor1, incident.actor2) == (actor1, actor2)


def test_a_named_claimant_acts_and_the_victims_do_not() -> None:
    incident = extract(
        "On 4 May 2020, a roadside bomb killed three soldiers near Kandahar, Afghanistan. "
        "The Taliban claimed responsibility for the attack."
    )[0]
    assert incident.actor1 == "Taliban"


@pytest.mark.parametrize(
    ("text", "reference", "iso"),
    [
        ("01/05/2012: militants attacked", date(2012, 1, 7), "2012-01-05"),  # month first: May is to come
        ("01/05/2012: militants attacked", date(2012, 5, 9), "2012-05-01"),
        ("13/05/2012: militants attacked", date(2012, 1, 7), "2012-05-13"),  # only one reading is valid
        ("raided the village on 18/06, killing", date(2020, 7, 5), "2020-06-18"),
    ],
)
def test_numeric_dates_read_by_validity_and_reference(text: str, reference: date, iso: str) -> None:
    value = find_dates(text, reference)[0].value
    assert value is not None
    assert value.iso() == iso


def test_a_date_cited_as_history_is_not_the_reference_date() -> None:
    lines = ["Monday's toll was the highest since May 10, 2010.", "Officials met on 3 March 2009 too."]
    assert latest_full_date(lines) == date(2009, 3, 3)
    assert latest_full_date(lines[:1]) is None


def test_an_epidemic_is_context_not_a_reason_to_drop_a_protest() -> None:
    text = "On 28 April 2020, nurses demonstrated in Quito, Ecuador, during the coronavirus pandemic."
    assert extract(text)[0].event_type == "Protests"
    assert extract("The coronavirus has killed 1,000 people in Ecuador.") == []
