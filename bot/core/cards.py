"""Reply sections for an article summary and an incident record (shared by commands and digests)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bot.core.format import format_date, plural, reading_time, shorten
from bot.core.incident_index import IncidentHit
from bot.core.reply import Field, Section
from bot.vocabulary import Listed
from summarizer.articles.model import Article
from summarizer.incidents.merge import count_range, group_reports
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


def _reported_casualties(records: Sequence[Mapping[str, Any]]) -> str:
    """Casualties of one report, or over several: a range where the reports differ ("3-5 killed")."""
    if len(records) == 1:
        return _casualties(records[0])
    ranges = {word: count_range(records, name) for name, word in (("fatalities", "killed"),
                                                                    ("injuries", "injured"))}
    parts = [f"{low}-{high} {word}" if low != high else f"{low} {word}"
             for word, (low, high) in ranges.items() if high]
    if not parts:
        return "none reported"
    differ = any(low != high for low, high in ranges.values())
    return ", ".join(parts) + (" (reports differ)" if differ else "")


def _vehicles(record: Mapping[str, Any]) -> str:
    vehicles = record.get("vehicles")
    if not isinstance(vehicles, Mapping) or not vehicles:
        return "none stated"
    return ", ".join(f"{count} × {kind}" for kind, count in vehicles.items())


def _actors(record: Mapping[str, Any]) -> str:
    names = [n for n in (_name(record.get("actor1")), _name(record.get("actor2"))) if n]
    return " vs ".join(names) if names else "not stated"


def _source(hit: IncidentHit, number: int | None) -> str:
    return hit.article.title + (f" (#{number})" if number is not None else "")


def incident_section(
    hit: IncidentHit, number: int | None, *, others: Sequence[tuple[IncidentHit, int | None]] = ()
) -> Section:
    """An incident card: date, place, actors, vehicles, casualties, outcome, source article
    (with ``others``: the other articles that report the same event, and their casualty range)."""
    record = hit.record
    kind = _name(record.get("sub_event_type")) or _name(record.get("event_type"))
    place = _place(record)
    sources = [_source(hit, number), *(_source(other, n) for other, n in others)]
    fields = [
        Field("Date", format_date(hit.when, precision=hit.precision)),
        Field("Place", place),
        Field("Actors", _actors(record)),
        Field("Vehicles", _vehicles(record)),
        Field("Casualties", _reported_casualties([record, *(other.record for other, _ in others)])),
        Field("Outcome", _name(record.get("outcome")) or "not stated"),
    ]
    if kind:
        fields.append(Field("Type", kind))
    label = "Source" if len(sources) == 1 else f"Sources ({len(sources)} reports)"
    fields.append(Field(label, shorten("; ".join(sources), 200 * min(len(sources), 3)), inline=False))
    return Section(
        title=f"{format_date(hit.when, precision=hit.precision)} · {place}",
        body=_name(record.get("summary")),
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
