"""What the extractor makes of a self-written sentence or text, for the incident rule tests."""

from __future__ import annotations

from datetime import date

from summarizer.articles.model import Article
from summarizer.incidents import Incident, extract_incidents
from summarizer.incidents.events import EVENT_TYPES, classify


def kind(sentence: str) -> tuple[str, str] | None:
    """The event type and sub-event type ``classify`` gives a sentence, or None."""
    found = classify(sentence)
    if found is None:
        return None
    assert found.sub_event_type in EVENT_TYPES[found.event_type]
    return found.event_type, found.sub_event_type


def extract(text: str, reference: date | None = date(2021, 10, 21)) -> list[Incident]:
    """The incidents of an untitled article with ``text``, dated ``reference``."""
    return extract_incidents(Article(id="t", title="", text=text, reference_date=reference))


def where(
    text: str, reference: date | None = date(2021, 10, 21)
) -> tuple[str | None, str | None, str | None]:
    """The country, first-level unit and location of the first incident of ``text`` (one must be found)."""
    incidents = extract(text, reference)
    assert incidents, text
    return incidents[0].country, incidents[0].admin1, incidents[0].location
