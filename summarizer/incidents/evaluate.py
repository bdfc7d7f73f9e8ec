"""Accuracy of the incident extractor on human-coded ACLED events (one coded event per row).

Each row gives a report (``text``: an ACLED coder's note or any news text) and the event coded
from it (``event_date``, ``event_type``, ``sub_event_type``, ``actor1``, ``actor2``, ``country``,
``admin1``, ``location``, ``latitude``, ``longitude``, ``fatalities``, ``meta.text_shared_by``).
The rules, also in ``summarizer/incidents/README.md``:

- The row's report is read with no publication date (rows carry none): dates resolve against
  the latest full date in the text, as for any undated article.
- The gold event is paired with the predicted incident that agrees with it most (date 4, place 2,
  event type 1, fatalities 1; ties go to the earlier incident). A row with no incident, or none
  that agrees on anything, counts as wrong on every field.
- Every field is counted over all judged rows: date exact; country, event and sub-event type by
  folded name (no accents, case, hyphens or Arabic article); admin1 by folded name or as another
  of the same unit's names in the gazetteer ("Beograd" for "Belgrade"); location by folded name or,
  when both sides have coordinates, a predicted point within ``LOCATION_KM`` km of the gold one;
  actors by folded ACLED name without the period suffix ("Military Forces of Afghanistan
  (2014-)" is "military forces of afghanistan"), an empty gold actor2 wanting none; fatalities
  exact, judged only on rows whose note is not shared by several coded events.
- Rows split by a hash of their ``id`` into a tuning half and a check half (``half_of``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import TYPE_CHECKING, Any

from summarizer import incidents as extractor
from summarizer.articles.model import Article
from summarizer.errors import InputError
from summarizer.incidents.merge import distance_km, point
from summarizer.incidents.names import fold
from summarizer.incidents.score import pair, read_rows

if TYPE_CHECKING:
    from summarizer.incidents.gazetteer import Gazetteer

__all__ = [
    "ACLED_FIELDS",
    "HALVES",
    "LOCATION_KM",
    "NOTHING_FOUND",
    "GoldRow",
    "Tally",
    "actor_key",
    "agreement",
    "evaluate_rows",
    "field_right",
    "half_of",
    "read_gold_rows",
]

ACLED_FIELDS = (
    "event_date",
    "country",
    "admin1",
    "location",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "fatalities",
)
HALVES = ("tune", "check")
# The name a miss carries when a row yielded no incident at all (its gold value is the event type).
NOTHING_FOUND = "incident"
# A predicted place this close to the coded point is the same place under another spelling.
LOCATION_KM = 5.0
_PERIOD = re.compile(r"\(\d{4}-(?:\d{4})?\)")
_SNIPPET = 200


def actor_key(name: str | None) -> str:
    """An actor name for comparison: no "(2014-)" period suffix, folded; "" for no actor."""
    return fold(_PERIOD.sub(" ", name)) if name else ""


def half_of(row_id: str) -> str:
    """``"tune"`` or ``"check"``: a fixed split by the first byte of the SHA-256 of the row id."""
    return HALVES[hashlib.sha256(row_id.encode("utf-8")).digest()[0] % 2]


@dataclass(frozen=True, slots=True)
class GoldRow:
    """One coded event and the report it was coded from."""

    id: str
    text: str
    gold: dict[str, Any]
    shared_by: int

    @property
    def half(self) -> str:
        """The split this row belongs to: by its id, or by its text when it has none (so the split
        never depends on the path the file was read from)."""
        return half_of(str(self.gold.get("id") or self.text))


def _same_name(gold: Any, predicted: Any) -> bool:
    return bool(gold) and bool(predicted) and fold(str(gold)) == fold(str(predicted))


def _gazetteer() -> Gazetteer:
    from summarizer.incidents.gazetteer import gazetteer  # noqa: PLC0415 - loads only to evaluate

    return gazetteer()


def field_right(name: str, gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """Whether the predicted incident (a ``to_dict`` mapping) has the gold event's field right."""
    if name in {"actor1", "actor2"}:
        return actor_key(gold.get(name)) == actor_key(predicted.get(name))
    if name == "country":
        code = _gazetteer().country(str(gold.get("country") or ""))
        return _same_name(gold.get(name), predicted.get(name)) or (
            code is not None and code == predicted.get("iso")
        )
    if name == "location":
        here, there = point(gold), point(predicted)
        near = here is not None and there is not None and distance_km(here, there) <= LOCATION_KM
        return near or _same_name(gold.get(name), predicted.get(name))
    if name == "admin1":
        code = _gazetteer().country(str(gold.get("country") or ""))
        return _same_name(gold.get(name), predicted.get(name)) or (
            code is not None
            and bool(gold.get(name))
            and bool(predicted.get(name))
            and _gazetteer().same_region(str(gold[name]), str(predicted[name]), code)
        )
    if name in {"event_date", "fatalities"}:
        return gold.get(name) is not None and gold.get(name) == predicted.get(name)
    return _same_name(gold.get(name), predicted.get(name))


def _judged(name: str, row: GoldRow) -> bool:
    if name == "fatalities":
        return row.shared_by == 1
    return name in {"actor2"} or bool(row.gold.get(name))


def agreement(gold: dict[str, Any], predicted: dict[str, Any]) -> int:
    """How much a predicted incident agrees with a coded one (date 4, place 2, event type 1, fatalities 1)."""
    return (
        4 * field_right("event_date", gold, predicted)
        + 2 * (field_right("location", gold, predicted) or field_right("admin1", gold, predicted))
        + field_right("event_type", gold, predicted)
        + field_right("fatalities", gold, predicted)
    )


@dataclass(slots=True)
class Tally:
    """Right answers per field over the judged rows of one split, and extraction time."""

    rows: int = 0
    found: int = 0
    words: int = 0
    seconds: float = 0.0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ACLED_FIELDS, 0))
    judged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ACLED_FIELDS, 0))

    def add(self, other: Tally) -> None:
        """Add another split's counts to this one."""
        self.rows += other.rows
        self.found += other.found
        self.words += other.words
        self.seconds += other.seconds
        for name in ACLED_FIELDS:
            self.right[name] += other.right[name]
            self.judged[name] += other.judged[name]

    def to_dict(self) -> dict[str, Any]:
        """Shares in percent, with the counts they come from."""
        return {
            "rows": self.rows,
            "found": _percent(self.found, self.rows),
            "fields": {
                name: {
                    "right": self.right[name],
                    "judged": self.judged[name],
                    "accuracy": _percent(self.right[name], self.judged[name]),
                }
                for name in ACLED_FIELDS
            },
            "reports_per_second": round(self.rows / self.seconds, 1) if self.seconds else None,
            "words_per_second": round(self.words / self.seconds) if self.seconds else None,
        }


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass(frozen=True, slots=True)
class Miss:
    """One wrong field of one row, for a person to read."""

    row_id: str
    field: str
    gold: Any
    predicted: Any
    snippet: str

    def __str__(self) -> str:
        return f"{self.row_id} {self.field}: gold {self.gold!r}, got {self.predicted!r} | {self.snippet}"


def evaluate_rows(rows: Sequence[GoldRow], on_miss: Callable[[Miss], None] | None = None) -> dict[str, Tally]:
    """A tally per split (``tune``, ``check``) of the rows given.

    ``on_miss`` hears every wrong field, and once per row that yielded no incident (``NOTHING_FOUND``).
    """
    from summarizer.incidents.gazetteer import gazetteer  # noqa: PLC0415 - loads only to evaluate

    tallies = {name: Tally() for name in HALVES}
    gazetteer()  # loaded once before the clock starts: reports/s is the per-report cost
    for row in rows:
        tally = tallies[row.half]
        article = Article(id=row.id, title="", text=row.text)
        start = perf_counter()
        predicted = [incident.to_dict() for incident in extractor.extract_incidents(article)]
        tally.seconds += perf_counter() - start
        tally.rows += 1
        tally.words += len(row.text.split())
        tally.found += bool(predicted)
        snippet = " ".join(row.text.split())[:_SNIPPET]
        if not predicted and on_miss is not None:
            on_miss(Miss(row.id, NOTHING_FOUND, row.gold.get("event_type"), "no incident", snippet))
        partner = pair([row.gold], predicted, agreement)
        guess = predicted[partner[0][1]] if partner else {}
        for name in ACLED_FIELDS:
            if not _judged(name, row):
                continue
            tally.judged[name] += 1
            if guess and field_right(name, row.gold, guess):
                tally.right[name] += 1
            elif on_miss is not None:
                got = guess.get(name) if guess else "no incident"
                on_miss(Miss(row.id, name, row.gold.get(name), got, snippet))
    return tallies


def _gold_row(record: Any, where: str) -> GoldRow:
    if not isinstance(record, dict):
        raise InputError(f"{where}: not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: no text")
    if not isinstance(record.get("event_date"), str):
        raise InputError(f"{where}: no event_date (rows must be coded events, ACLED-style)")
    meta = record.get("meta")
    shared = meta.get("text_shared_by", 1) if isinstance(meta, dict) else 1
    if not isinstance(shared, int) or shared < 1:
        raise InputError(f"{where}: meta.text_shared_by must be a positive whole number")
    row_id = str(record.get("id") or where)
    return GoldRow(id=row_id, text=text, gold=record, shared_by=shared)


def read_gold_rows(path: Path) -> list[GoldRow]:
    """The coded events of a JSONL file, one a line; a bad row or a file without rows stops with an
    error naming it."""
    rows = [_gold_row(record, f"{path}: row {number}") for number, record in enumerate(read_rows(path), 1)]
    if not rows:
        raise InputError(f"{path}: no rows to evaluate")
    return rows
