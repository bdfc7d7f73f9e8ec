"""Reply sections for an article summary and an incident record (shared by commands and digests)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.core.format import format_date, plural, reading_time, shorten
from bot.core.incident_index import IncidentHit
from bot.core.reply import Field, Section
from summarizer.articles.model import Article
from summarizer.summary import Summary

__all__ = ["article_fields", "incident_section", "incidents_footer", "summary_section"]


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
    summary), metadata fields and link."""
    body = (" ".join(summary.texts) if summary else "") or shorten(article.text, 400) or "(no text)"
    return Section(
        title=article.title if title else None,
        body=body,
        fields=article_fields(article, number),
        url=article.url,
    )


def _name(value: Any) -> str:
    """An actor or place given as text or as a mapping with a name."""
    if isinstance(value, Mapping):
        return str(value.get("name") or value.get("actor") or "").strip()
    return str(value).strip() if value else ""


def _place(record: Mapping[str, Any]) -> str:
    location = _name(record.get("location"))
    near = _name(record.get("near"))
    relation = _name(record.get("relation"))
    parts = [location] if location else []
    if near and near != location:
        parts.append(f"{relation} {near}".strip() if relation else f"near {near}")
    place = ", ".join(parts)
    for extra in (record.get("admin1"), record.get("country")):
        text = _name(extra)
        if text and text not in place:
            place = f"{place}, {text}" if place else text
    return place or "unknown place"


def _count(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, Mapping):  # a range such as {"min": 12, "max": 15} or {"value": 3}
        for key in ("value", "min", "low"):
            if isinstance(value.get(key), int):
                return int(value[key])
    return None


def _casualties(record: Mapping[str, Any]) -> str:
    killed, injured = _count(record.get("fatalities")), _count(record.get("injuries"))
    if killed is None and injured is None:
        return "not stated"
    if not killed and not injured:
        return "none reported"
    parts = []
    if killed:
        parts.append(f"{killed} killed")
    if injured:
        parts.append(f"{injured} injured")
    return ", ".join(parts)


def _vehicles(record: Mapping[str, Any]) -> str:
    vehicles = record.get("vehicles")
    if not isinstance(vehicles, Mapping) or not vehicles:
        return "none stated"
    return ", ".join(f"{count} × {kind}" for kind, count in vehicles.items())


def _actors(record: Mapping[str, Any]) -> str:
    names = [n for n in (_name(record.get("actor1")), _name(record.get("actor2"))) if n]
    return " vs ".join(names) if names else "not stated"


def incident_section(hit: IncidentHit, number: int | None) -> Section:
    """An incident card: date, place, actors, vehicles, casualties, outcome, source article."""
    record = hit.record
    kind = _name(record.get("sub_event_type")) or _name(record.get("event_type"))
    place = _place(record)
    source = hit.article.title + (f" (#{number})" if number is not None else "")
    fields = [
        Field("Date", format_date(hit.when, precision=hit.precision)),
        Field("Place", place),
        Field("Actors", _actors(record)),
        Field("Vehicles", _vehicles(record)),
        Field("Casualties", _casualties(record)),
        Field("Outcome", _name(record.get("outcome")) or "not stated"),
    ]
    if kind:
        fields.append(Field("Type", kind))
    fields.append(Field("Source", shorten(source, 200), inline=False))
    return Section(
        title=f"{format_date(hit.when, precision=hit.precision)} · {place}",
        body=_name(record.get("summary")),
        fields=tuple(fields),
        url=hit.article.url,
    )


def incidents_footer(shown: int, total: int) -> str:
    """``"3 of 12 incidents"``."""
    return f"{shown} of {plural(total, 'incident')}" if total > shown else plural(total, "incident")
