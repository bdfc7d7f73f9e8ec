"""Incident records out: plain text, JSON, JSONL, CSV with ACLED's column names, GeoJSON.

CSV text cells that a spreadsheet would run as a formula are quoted (``spreadsheet.text_cell``).

CSV and GeoJSON give one row (feature) per event: records of several articles that report the
same event are merged (see ``merge``), with how many reports there are and the range of their
fatality counts. Text and JSON keep each article's own records, with all their evidence.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.errors import UsageError
from summarizer.incidents.merge import count_range, group_reports
from summarizer.incidents.model import Incident
from summarizer.spreadsheet import text_cell
from summarizer.terminal import printable

__all__ = ["ACLED_COLUMNS", "FORMATS", "ArticleIncidents", "render"]

FORMATS = ("text", "json", "jsonl", "csv", "geojson")

# ACLED's column names, in ACLED's order, then the fields ACLED has no column for.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "inter1", "actor2", "inter2", "iso", "country", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)  # fmt: skip
EXTRA_COLUMNS = (
    "injuries",
    "near",
    "relation",
    "road",
    "vehicles",
    "outcome",
    "confidence",
    "flags",
    "article_id",
    "sources",
    "fatalities_low",
    "fatalities_high",
)

# ACLED's interaction codes by actor type.
_INTER = {
    "State forces": 1, "Rebel group": 2, "Political militia": 3, "Identity militia": 4, "Rioters": 5,
    "Protesters": 6, "Civilians": 7, "External/Other forces": 8,
}  # fmt: skip
_TIME_PRECISION = {"day": 1, "month": 3, "year": 3}


@dataclass(frozen=True, slots=True)
class ArticleIncidents:
    """The incidents of one article, with what identifies the article."""

    article_id: str
    title: str
    source: str | None
    url: str | None
    incidents: Sequence[Incident]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping: the article's identity and its ``incidents`` list."""
        return {
            "id": self.article_id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "incidents": [incident.to_dict() for incident in self.incidents],
        }


def _iso_numeric(code: str | None) -> str:
    import pycountry  # noqa: PLC0415 - only the CSV export needs numeric country codes

    country = pycountry.countries.get(alpha_2=code) if code else None
    return str(int(country.numeric)) if country is not None else ""


def acled_row(incident: Incident, article: ArticleIncidents, number: int) -> dict[str, Any]:
    """One CSV row: ACLED columns (full dates, interaction codes, numeric ISO) plus our extra fields."""
    date = incident.event_date or ""
    # ACLED writes full dates: a month or year is given as its first day, with time_precision 3.
    full_date = {10: date, 7: f"{date}-01", 4: f"{date}-01-01"}.get(len(date), "")
    return {
        "event_id_cnty": f"{incident.iso or 'XX'}{article.article_id[:8]}-{number}",
        "event_date": full_date,
        "year": date[:4],
        "time_precision": _TIME_PRECISION.get(incident.date_precision or "", ""),
        "event_type": incident.event_type or "",
        "sub_event_type": incident.sub_event_type or "",
        "actor1": incident.actor1 or "",
        "inter1": _INTER.get(incident.actor1_type or "", ""),
        "actor2": incident.actor2 or "",
        "inter2": _INTER.get(incident.actor2_type or "", ""),
        "iso": _iso_numeric(incident.iso),
        "country": incident.country or "",
        "admin1": incident.admin1 or "",
        "admin2": incident.admin2 or "",
        "location": incident.location or "",
        "latitude": "" if incident.latitude is None else incident.latitude,
        "longitude": "" if incident.longitude is None else incident.longitude,
        "geo_precision": incident.geo_precision or "",
        "source": article.source or "",
        "notes": incident.summary,
        "fatalities": incident.fatalities,
        "injuries": incident.injuries,
        "near": incident.near or "",
        "relation": incident.relation or "",
        "road": incident.road or "",
        "vehicles": "; ".join(f"{kind}: {count}" for kind, count in incident.vehicles.items()),
        "outcome": incident.outcome or "",
        "confidence": round(incident.confidence, 2),
        "flags": "; ".join(incident.flags),
        "article_id": article.article_id,
    }


@dataclass(frozen=True, slots=True)
class _Report:
    """One article's record of an incident, numbered within the article."""

    article: ArticleIncidents
    number: int
    incident: Incident
    record: dict[str, Any]


def _events(articles: Iterable[ArticleIncidents]) -> list[list[_Report]]:
    """Every article's records, those of one event (from different articles) merged."""
    reports = [_Report(article, number, incident, incident.to_dict())
               for article in articles for number, incident in enumerate(article.incidents, 1)]
    return group_reports(reports, record=lambda r: r.record, article=lambda r: r.article.article_id)


def _merged_fields(reports: Sequence[_Report]) -> dict[str, Any]:
    """What an event's reports add up to: how many, which outlets and articles, the fatality range
    (``fatalities`` is the lowest figure, the conservative one ACLED records; the range spans every
    report's own range, empty high: unbounded)."""
    lowest, _ = count_range((r.record for r in reports), "fatalities")
    highs = [r.incident.fatality_bounds[1] for r in reports]
    return {
        "source": "; ".join(dict.fromkeys(r.article.source for r in reports if r.article.source)),
        "article_id": "; ".join(r.article.article_id for r in reports),
        "sources": len(reports),
        "fatalities": lowest,
        "fatalities_low": min(r.incident.fatality_bounds[0] for r in reports),
        "fatalities_high": "" if None in highs else max(h for h in highs if h is not None),
    }


def _geojson(articles: Iterable[ArticleIncidents]) -> dict[str, Any]:
    features = []
    for reports in _events(articles):
        located = next((r for r in reports if r.incident.latitude is not None and r.incident.longitude
                        is not None), None)
        if located is None:
            continue
        properties = dict(located.record)
        properties.pop("evidence")
        properties.update(_merged_fields(reports))
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point",
                             "coordinates": [located.incident.longitude, located.incident.latitude]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _text(article: ArticleIncidents) -> str:
    lines = [f"# {article.title or article.article_id}: {len(article.incidents)} incident(s)"]
    for number, incident in enumerate(article.incidents, 1):
        place = ", ".join(p for p in (incident.location, incident.admin1, incident.country) if p)
        if incident.near and incident.relation:
            place += f" ({incident.relation} {incident.near})"
        when = f"{incident.event_date or 'undated'} ({incident.date_precision or '-'})"
        lines.append(f"\n{number}. {when} · {place or '-'}")
        lines.append(
            f"   {incident.event_type or '-'} / {incident.sub_event_type or '-'}: {incident.summary}"
        )
        actors = " vs ".join(a for a in (incident.actor1, incident.actor2) if a)
        if actors:
            lines.append(f"   actors: {actors}")
        lines.append(f"   fatalities: {incident.fatalities} · injuries: {incident.injuries}")
        if incident.vehicles:
            lines.append("   vehicles: " + ", ".join(f"{k} {v}" for k, v in incident.vehicles.items()))
        if incident.outcome:
            lines.append(f"   outcome: {incident.outcome}")
        sentences = ", ".join(str(i) for i in incident.sentence_indexes)
        lines.append(f"   confidence: {incident.confidence:.2f} · evidence sentences: {sentences}")
        if incident.flags:
            lines.append(f"   flags: {', '.join(incident.flags)}")
    return "\n".join(lines) + "\n"


def render(articles: Sequence[ArticleIncidents], fmt: str) -> str:
    """All articles' incidents in one output format (see ``FORMATS``)."""
    if fmt == "text":
        return printable("\n".join(_text(article) for article in articles))
    if fmt == "jsonl":
        return "".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in articles)
    if fmt == "json":
        payload: Any = articles[0].to_dict() if len(articles) == 1 else [a.to_dict() for a in articles]
        return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    if fmt == "geojson":
        return json.dumps(_geojson(articles), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=[*ACLED_COLUMNS, *EXTRA_COLUMNS], lineterminator="\n")
        writer.writeheader()
        for reports in _events(articles):
            first = reports[0]
            row = acled_row(first.incident, first.article, first.number) | _merged_fields(reports)
            writer.writerow({column: text_cell(value) for column, value in row.items()})
        return buffer.getvalue()
    raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
