"""One incident, many reports: records from different articles that describe the same event.

Two records describe the same event when they come from different articles, happened on the
same day, at the same place (points within ``PLACE_KM`` km, or the same place name in the same
country when a point is missing), with a compatible event type (the same, or one unknown) and
compatible actors (one side names none, or they share one). A merged incident keeps every report;
where reports disagree on a count, it carries the range (as UCDP gives low and high estimates).
"""

from __future__ import annotations

import math
from collections import defaultdict
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
    group whose first report is the same event and holds no report of the same article.

    Groups are indexed by day and place, so each item is compared only with the groups of its day
    that are near it or share its place name: grouping grows about linearly with the items.
    """
    groups: list[list[T]] = []
    heads: list[Mapping[str, Any]] = []
    sources: list[set[str]] = []
    index = _EventIndex()
    for item in items:
        fields, source = record(item), article(item)
        home = next(
            (number for number in index.candidates(fields)
             if source not in sources[number] and same_event(heads[number], fields)),
            None,
        )  # fmt: skip
        if home is None:
            index.add(len(groups), fields)
            groups.append([item])
            heads.append(fields)
            sources.append({source})
        else:
            groups[home].append(item)
            sources[home].add(source)
    return groups


_Cell = tuple[int, int, int]
_CELL_SCALE = _EARTH_KM / PLACE_KM
_NEIGHBOURS = [(dx, dy, dz) for dx in (-1, 0, 1) for dy in (-1, 0, 1) for dz in (-1, 0, 1)]


def _cell(here: tuple[float, float]) -> _Cell | None:
    """The grid cell (``PLACE_KM`` wide, on the point's 3-D position) of a point; None for a
    point that is not finite (it is near nothing).

    Two points within ``PLACE_KM`` km along the globe are closer still in a straight line, so
    they lie in the same or neighbouring cells, at the poles and across the date line too.
    """
    if not all(map(math.isfinite, here)):
        return None
    lat, lon = map(math.radians, here)
    position = (math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat))
    x, y, z = (math.floor(axis * _CELL_SCALE) for axis in position)
    return x, y, z


def _day(record: Mapping[str, Any]) -> str | None:
    """The day a record can be merged on, or None when its date is not a single day."""
    return _text(record, "event_date") if record.get("date_precision") == "day" else None


class _EventIndex:
    """The groups' first reports by day, then by the grid cell of their point or by place name."""

    def __init__(self) -> None:
        self._cells: dict[tuple[str, _Cell], list[int]] = defaultdict(list)
        self._names: dict[tuple[str, str, str], list[tuple[int, bool]]] = defaultdict(list)

    def add(self, number: int, record: Mapping[str, Any]) -> None:
        """Index group ``number``, whose first report is ``record``."""
        day = _day(record)
        if day is None:
            return
        here = point(record)
        cell = _cell(here) if here is not None else None
        if cell is not None:
            self._cells[day, cell].append(number)
        place = _text(record, "location")
        if place:
            self._names[day, place, _text(record, "country")].append((number, here is not None))

    def candidates(self, record: Mapping[str, Any]) -> list[int]:
        """The groups that may hold ``record``'s event, in order: same day, and near (both with a
        point) or of the same place name (either without one)."""
        day = _day(record)
        if day is None:
            return []
        here = point(record)
        found: set[int] = set()
        cell = _cell(here) if here is not None else None
        if cell is not None:
            x, y, z = cell
            for dx, dy, dz in _NEIGHBOURS:
                found.update(self._cells.get((day, (x + dx, y + dy, z + dz)), ()))
        place = _text(record, "location")
        if place:
            named = self._names.get((day, place, _text(record, "country")), ())
            found.update(number for number, pointed in named if here is None or not pointed)
        return sorted(found)


def count_range(records: Iterable[Mapping[str, Any]], name: str) -> tuple[int, int]:
    """The lowest and highest value of a count field (``fatalities``, ``injuries``) over reports."""
    found = (r.get(name) for r in records)
    values = [int(v) for v in found if isinstance(v, int) and not isinstance(v, bool)]
    return (min(values), max(values)) if values else (0, 0)
