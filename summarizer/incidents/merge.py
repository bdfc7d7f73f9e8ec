"""One incident, many reports: records from different articles that describe the same event.

Two records describe the same event when they come from different articles, happened on the
same day, at the same place (points within ``PLACE_KM`` km, or the same place name in the same
country when a point is missing), with a compatible event type (the same, or one unknown) and
compatible actors (one side names none, or they share one). A merged incident keeps every report;
where reports disagree on a count, it carries the range (as UCDP gives low and high estimates).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

__all__ = ["PLACE_KM", "count_range", "distance_km", "group_reports", "point", "same_event"]

T = TypeVar("T")

PLACE_KM = 5.0
_EARTH_KM = 6371.0088


def point(record: Mapping[str, Any]) -> tuple[float, float] | None:
    """A record's (latitude, longitude), or None when it has no point."""
    lat, lon = record.get("latitude"), record.get("longitude")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return float(lat), float(lon)
    return None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(math.sqrt(min(1.0, h)))


def _text(record: Mapping[str, Any], name: str) -> str:
    value = record.get(name)
    return str(value).strip().casefold() if value else ""


def _same_place(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    here, there = point(a), point(b)
    if here is not None and there is not None:
        return distance_km(here, there) <= PLACE_KM
    place = _text(a, "location")
    return bool(place) and place == _text(b, "location") and _text(a, "country") == _text(b, "country")


def _actors(record: Mapping[str, Any]) -> set[str]:
    return {name for name in (_text(record, "actor1"), _text(record, "actor2")) if name}


def same_event(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two incident records (``Incident.to_dict()`` mappings) describe the same event."""
    day = _text(a, "event_date")
    if a.get("date_precision") != "day" or b.get("date_precision") != "day" or day != _text(b, "event_date"):
        return False
    kind, other_kind = _text(a, "event_type"), _text(b, "event_type")
    if kind and other_kind and kind != other_kind:
        return False
    actors, other_actors = _actors(a), _actors(b)
    if actors and other_actors and not actors & other_actors:
        return False
    return _same_place(a, b)


def group_reports(
    items: Sequence[T], *, record: Callable[[T], Mapping[str, Any]], article: Callable[[T], str]
) -> list[list[T]]:
    """Items grouped by event, each group where its first report came: an item joins the first
    group whose first report is the same event and holds no report of the same article."""
    groups: list[list[T]] = []
    for item in items:
        home = next((group for group in groups if same_event(record(group[0]), record(item))
                     and all(article(other) != article(item) for other in group)), None)
        if home is None:
            groups.append([item])
        else:
            home.append(item)
    return groups


def count_range(records: Iterable[Mapping[str, Any]], name: str) -> tuple[int, int]:
    """The lowest and highest value of a count field (``fatalities``, ``injuries``) over reports."""
    found = (r.get(name) for r in records)
    values = [int(v) for v in found if isinstance(v, int) and not isinstance(v, bool)]
    return (min(values), max(values)) if values else (0, 0)
