"""Incident extraction: ACLED-style records, with evidence, from conflict news.

``extract_incidents(article)`` returns the incidents an article reports; ``Incident.to_dict()``
gives a JSON-ready record. ``summarizer.incidents.export`` writes JSON, JSONL, CSV (ACLED column
names) and GeoJSON. The extractor (and its gazetteer) is imported on first use, so commands that
never extract incidents do not pay for loading it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.incidents.model import Evidence, Incident
from summarizer.lazy import lazy_attributes

if TYPE_CHECKING:
    from summarizer.incidents.extract import extract_from_sentences, extract_incidents

__all__ = ["EXTRACTOR_VERSION", "Evidence", "Incident", "extract_from_sentences", "extract_incidents"]

EXTRACTOR_VERSION = "2"  # bump when extract_incidents gives different records (stored ones are redone)

__getattr__ = lazy_attributes(__name__, dict.fromkeys(("extract_from_sentences", "extract_incidents"),
                                                  "summarizer.incidents.extract"))
