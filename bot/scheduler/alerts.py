"""Which event an alert is for: reports of one event from several articles alert once.

An incident's event is named by its first report: follow the lowest-id stored incident from
another article that ``summarizer.incidents.merge.same_event`` matches (stored within
``EVENT_WINDOW`` before it) until there is none earlier. Every process derives the same name from
the same stored rows, so the alert's claim key ``alert:<first report>`` lets one post per event,
whichever process and whichever report come first.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from bot.store import StoredIncident
from summarizer.incidents.merge import same_event

__all__ = ["EVENT_WINDOW", "first_report"]

EVENT_WINDOW = timedelta(days=3)  # reports of one event stored further apart alert separately


def first_report(incident: StoredIncident, stored: Sequence[StoredIncident]) -> StoredIncident:
    """The earliest stored report of ``incident``'s event (``stored``: every incident stored
    from ``EVENT_WINDOW`` before ``incident`` on)."""
    report = incident
    while (earlier := _earliest_match(report, stored)) is not None:
        report = earlier
    return report


def _earliest_match(incident: StoredIncident, stored: Sequence[StoredIncident]) -> StoredIncident | None:
    start = incident.created_at - EVENT_WINDOW
    return min((other for other in stored
                if other.id < incident.id and other.article_id != incident.article_id
                and other.created_at >= start and same_event(other.data, incident.data)),
               key=lambda other: other.id, default=None)
