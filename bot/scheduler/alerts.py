"""Which alerts a subscription has due: one per event, however many outlets report it.

The alert-worthy incidents are grouped by event (``summarizer.incidents.merge.group_reports``,
in stored-article order, so a report stored later never moves an earlier one to another event).
An event is claimed under the slot of its first report, ``alert:<article id>:<position>``: every
process derives the same key from the same stored rows, so the database lets one post per event.
Every other report of the event is recorded under its own slot as skipped, so it is never posted
or retried; an event with any report already alerted (or claimed) posts nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from bot.store import StoredIncident
from summarizer.incidents.merge import group_reports

__all__ = ["DueAlert", "due_alerts"]


@dataclass(frozen=True, slots=True)
class DueAlert:
    """One event's alert to claim (none when a report of it was alerted already), and the
    reports of it to record as skipped."""

    key: str  # the slot of the event's first report: the claim that decides who posts
    report: StoredIncident | None  # the report the alert shows
    others: tuple[StoredIncident, ...]  # the event's other reports stored so far (its sources)
    skipped: tuple[StoredIncident, ...]


def due_alerts(incidents: Sequence[StoredIncident], alerted: Collection[str],
               wanted: Callable[[StoredIncident], bool]) -> list[DueAlert]:
    """The events of ``incidents`` (oldest article first) with reports not yet in ``alerted``
    (the subscription's alert slots) that ``wanted`` (its filters) accepts."""
    due: list[DueAlert] = []
    for event in group_reports(incidents, record=lambda i: i.data, article=lambda i: str(i.article_id)):
        new = [report for report in event if report.slot not in alerted]
        fresh = [report for report in new if wanted(report)]
        if not fresh:
            continue
        key = event[0].slot
        if len(new) < len(event):  # a report of this event was alerted already
            due.append(DueAlert(key, None, (), tuple(fresh)))
        else:
            report = fresh[0]
            due.append(DueAlert(key, report, tuple(r for r in event if r is not report),
                                tuple(r for r in fresh if r.slot != key)))
    return due
