"""Reply sections for an article summary and an incident record (shared by commands and digests)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bot.core.format import format_date, plural, reading_time, shorten
from bot.core.incident_index import IncidentHit
from bot.core.reply import Field, Section
from bot.vocabulary import Listed
from summarizer.articles.model import Article
from summarizer.incidents.merge import count_range, group_reports
from summarizer.incidents.model import Incident
from summarizer.summary import Summary

__all__ = ["article_fields", "event_sections", "incident_section", "incidents_footer", "summary_section"]


def article_fields(article: Article, number: int | None) -> tuple[Field, ...]:
    """Source, date, reading time and the number to ask for it by."""
    fields = [
        Field("Source", article.source or "unknown"),
        Field("Date", format_date(article.published or article.reference_date)),
        Field("Reading time", reading_time(article.text)),
    ]
    if number is not None:
        fields.append(Field("Number", f"#{number}"))
    return tuple(fields)


def summary_section(
    article: Article, summary: Summary | None, number: int | None, *, title: bool = True
) -> Section:
    """An article's summary as one section: sentences (or the opening words when there is no
    summary), metadata fields and, with its title, the link (without the title, the reply
    carries the link, shown once)."""
    body = (" ".join(summary.texts) if summary else "") or shorten(article.text, 400) or "(no text)"
    return Section(
        title=article.title if title else None,
        body=body,
        fields=article_fields(article, number),
        url=article.url if title else None,
    )


_INCIDENT_FIELDS = frozenset(f.name for f in dataclasses.fields(Incident)) - {"evidence"}


def _typed_incident(record: Mapping[str, Any]) -> Incident:
    """The typed incident of a record as the extractor stored it (``Incident.to_dict()``); the
    evidence sentences are left out, since a card does not show them."""
    return Incident(**{key: value for key, value in record.items() if key in _INCIDENT_FIELDS})


def _place(incident: Incident) -> str:
    parts = [incident.location] if incident.location else []
    if incident.near and incident.near != incident.location:
        parts.append(f"{incident.relation or 'near'} {incident.near}")
    place = ", ".join(parts)
    for extra in (incident.admin1, incident.country):
        if extra and extra not in place:
            place = f"{place}, {extra}" if place else extra
    return place or "unknown place"


def _casualties(incident: Incident) -> str:
    parts = []
    if incident.fatalities:
        parts.append(f"{incident.fatalities} killed")
    if incident.injuries:
        parts.append(f"{incident.injuries} injured")
    return ", ".join(parts) or "none reported"


def _reported_casualties(records: Sequence[Mapping[str, Any]]) -> str:
    """Casualties of one report, or over several: a range where the reports differ ("3-5 killed")."""
    if len(records) == 1:
        return _casualties(_typed_incident(records[0]))
    ranges = {word: count_range(records, name) for name, word in (("fatalities", "killed"),
                                                                    ("injuries", "injured"))}
    parts = [f"{low}-{high} {word}" if low != high else f"{low} {word}"
             for word, (low, high) in ranges.items() if high]
    if not parts:
        return "none reported"
    differ = any(low != high for low, high in ranges.values())
    return ", ".join(parts) + (" (reports differ)" if differ else "")


def _vehicles(incident: Incident) -> str:
    return ", ".join(f"{count} × {kind}" for kind, count in incident.vehicles.items()) or "none stated"


def _actors(incident: Incident) -> str:
    return " vs ".join(name for name in (incident.actor1, incident.actor2) if name) or "not stated"


def _source(hit: IncidentHit, number: int | None) -> str:
    return hit.article.title + (f" (#{number})" if number is not None else "")


def incident_section(
    hit: IncidentHit, number: int | None, *, others: Sequence[tuple[IncidentHit, int | None]] = ()
) -> Section:
    """An incident card: date, place, actors, vehicles, casualties, outcome, source article
    (with ``others``: the other articles that report the same event, and their casualty range)."""
    incident = _typed_incident(hit.record)
    kind = incident.sub_event_type or incident.event_type
    place = _place(incident)
    sources = [_source(hit, number), *(_source(other, n) for other, n in others)]
    fields = [
        Field("Date", format_date(hit.when, precision=hit.precision)),
        Field("Place", place),
        Field("Actors", _actors(incident)),
        Field("Vehicles", _vehicles(incident)),
        Field("Casualties", _reported_casualties([hit.record, *(other.record for other, _ in others)])),
        Field("Outcome", incident.outcome or "not stated"),
    ]
    if kind:
        fields.append(Field("Type", kind))
    label = "Source" if len(sources) == 1 else f"Sources ({len(sources)} reports)"
    fields.append(Field(label, shorten("; ".join(sources), 200 * min(len(sources), 3)), inline=False))
    return Section(
        title=f"{format_date(hit.when, precision=hit.precision)} · {place}",
        body=incident.summary,
        fields=tuple(fields),
        url=hit.article.url,
    )


def event_sections(
    hits: Sequence[IncidentHit], number: Callable[[Listed], int | None], limit: int
) -> list[Section]:
    """One card per event, at most ``limit``: records of one event from several articles merged."""
    events = group_reports(hits, record=lambda h: h.record, article=lambda h: h.article.id)
    return [
        incident_section(first, number(first.article), others=[(o, number(o.article)) for o in rest])
        for first, *rest in events[:limit]
    ]


def incidents_footer(shown: int, total: int) -> str:
    """``"3 of 12 incidents"``."""
    return f"{shown} of {plural(total, 'incident')}" if total > shown else plural(total, "incident")
