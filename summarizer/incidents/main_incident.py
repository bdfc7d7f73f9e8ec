"""Which incident an article is about: the one its headline reports comes first.

A long article often opens with other news (a protest the day before, the political setting) and
reports the event of its headline further down; a digest shows an article's first incident under
its headline, so that incident is the headline's. The headline is read like a sentence: the event
it names, the places it names and the toll it gives each vote for the incidents that share them.
"""

from __future__ import annotations

import re

from summarizer.incidents.counts import find_casualties
from summarizer.incidents.events import classify
from summarizer.incidents.model import Incident

__all__ = ["headline_first"]

# How much each kind of agreement with the headline weighs: the place and the event say most.
_PLACE_WEIGHT = 2
_EVENT_WEIGHT = 2
_SUB_EVENT_WEIGHT = 1
_TOLL_WEIGHT = 1
_COUNTRY_WEIGHT = 1


def _names(headline: str, name: str | None) -> bool:
    """Whether the headline names ``name`` as a word of its own (any case)."""
    if not name:
        return False
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", headline, re.IGNORECASE) is not None


def _agreement(incident: Incident, headline: str, event: tuple[str, str] | None, toll: int | None) -> int:
    """How much an incident shares with the headline: its place, its event, its toll."""
    score = 0
    if _names(headline, incident.location) or _names(headline, incident.admin1):
        score += _PLACE_WEIGHT
    elif _names(headline, incident.country):
        score += _COUNTRY_WEIGHT
    if event is not None and incident.event_type == event[0]:
        score += _EVENT_WEIGHT + (_SUB_EVENT_WEIGHT if incident.sub_event_type == event[1] else 0)
    if toll:
        low, high = incident.fatality_bounds
        if low <= toll and (high is None or toll <= high):
            score += _TOLL_WEIGHT
    return score


def headline_first(incidents: list[Incident], headline: str | None) -> list[Incident]:
    """``incidents`` in article order, except that the one agreeing most with ``headline`` comes first
    (the earliest of equals; only one dated to the day moves; none moves when the headline names no
    event, place or toll they share, unless the first is dated only to a month or a year: background,
    which the first incident dated to the day then goes before)."""
    if len(incidents) < 2:
        return incidents
    found = classify(headline) if headline else None
    event = (found.event_type, found.sub_event_type) if found is not None else None
    toll = find_casualties(headline).fatalities if headline else None
    scores = [_agreement(incident, headline or "", event, toll) for incident in incidents]
    # An incident dated only to a month or a year is background to the news, never its main event.
    dated = [i for i, incident in enumerate(incidents) if incident.date_precision == "day"]
    best = max(dated or [0], key=lambda i: (scores[i], -i))
    background_first = incidents[0].date_precision != "day"
    if scores[best] < scores[0] or (scores[best] == scores[0] and not background_first) or best == 0:
        return incidents
    return [incidents[best], *incidents[:best], *incidents[best + 1 :]]
