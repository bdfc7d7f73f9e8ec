"""Court reports: the violence a hearing concerns is an incident when the report tells its own day."""

from __future__ import annotations

from datetime import datetime

from summarizer.articles import Article
from summarizer.incidents import extract_incidents


def article(text: str, published: datetime = datetime(2022, 5, 16)) -> Article:
    return Article(id="a", title="Hearing in Tauranga", text=text, published=published)


def test_the_violence_a_hearing_concerns_takes_the_day_told_after_it() -> None:
    text = (
        "A 31-year-old man appeared in Tauranga District Court, New Zealand, on Saturday, charged with"
        " murder over a shooting at a marae in Tauranga on Thursday that killed three people.\n"
    )
    [incident] = extract_incidents(article(text))
    assert (incident.event_date, incident.event_type) == ("2022-05-12", "Violence against civilians")
    assert (incident.location, incident.fatalities) == ("Tauranga", 3)


def test_a_single_day_in_a_court_sentence_may_be_the_hearings_and_makes_no_incident() -> None:
    text = (
        "The suspect in a shooting at a marae in Tauranga, New Zealand, that killed three people was"
        " released on bail on Saturday.\n"
    )
    assert extract_incidents(article(text)) == []


def test_an_old_crime_on_trial_is_background() -> None:
    text = (
        "A 31-year-old man appeared in Tauranga District Court, New Zealand, on Saturday, charged with"
        " murder over a shooting at a marae in Tauranga on 3 February 2022 that killed three people.\n"
    )
    assert extract_incidents(article(text)) == []
