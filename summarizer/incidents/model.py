"""The incident record: ACLED-compatible fields plus the evidence each field came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Evidence", "Incident"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence that supports one field of an incident (``"report"``: it reports the incident again)."""

    field: str
    sentence_index: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {"field": self.field, "sentence_index": self.sentence_index, "text": self.text}


@dataclass(slots=True)
class Incident:
    """One dated event extracted from an article, with ACLED field names.

    ``event_date`` is ISO text cut to its precision ("2021-10-21", "2020-08", "2017").
    ``fatalities`` and ``injuries`` are 0 when the article states none (the ACLED convention).
    ``fatalities`` is the figure ACLED codes ("dozens" 12, the lower end of "10-12");
    ``fatalities_range`` the low and high count the article allows, as UCDP gives low and high
    estimates ("dozens" 12-99, reports of 131 and 282 dead 131-282; high None: unbounded, "at
    least 5"); None when it is just ``fatalities``.
    ``flags`` names what should not be trusted blindly ("future_date", "impossible_date",
    "implausible_fatalities", ...).
    """

    event_date: str | None = None
    date_precision: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    summary: str = ""
    outcome: str | None = None
    actor1: str | None = None
    actor1_type: str | None = None
    actor2: str | None = None
    actor2_type: str | None = None
    location: str | None = None
    near: str | None = None
    relation: str | None = None
    road: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    iso: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int = 0
    fatalities_range: tuple[int, int | None] | None = None
    injuries: int = 0
    vehicles: dict[str, int] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.0
    flags: list[str] = field(default_factory=list)

    @property
    def sentence_indexes(self) -> list[int]:
        """Indexes of every sentence cited as evidence, in document order."""
        return sorted({e.sentence_index for e in self.evidence})

    @property
    def fatality_bounds(self) -> tuple[int, int | None]:
        """The lowest and highest fatalities the article allows (high None: unbounded)."""
        return self.fatalities_range or (self.fatalities, self.fatalities)

    def evidence_for(self, name: str) -> list[Evidence]:
        """The evidence entries of one field."""
        return [e for e in self.evidence if e.field == name]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping with every field (evidence as a list of mappings)."""
        return {
            "event_date": self.event_date,
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "summary": self.summary,
            "outcome": self.outcome,
            "actor1": self.actor1,
            "actor1_type": self.actor1_type,
            "actor2": self.actor2,
            "actor2_type": self.actor2_type,
            "location": self.location,
            "near": self.near,
            "relation": self.relation,
            "road": self.road,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "country": self.country,
            "iso": self.iso,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geo_precision": self.geo_precision,
            "fatalities": self.fatalities,
            "fatalities_low": self.fatality_bounds[0],
            "fatalities_high": self.fatality_bounds[1],
            "injuries": self.injuries,
            "vehicles": dict(self.vehicles),
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": round(self.confidence, 2),
            "flags": list(self.flags),
        }
