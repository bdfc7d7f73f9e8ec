"""Incident extraction: ACLED-style records, with evidence, from conflict news.

``extract_incidents(article)`` returns the incidents an article reports; ``Incident.to_dict()``
gives a JSON-ready record. ``summarizer.incidents.export`` writes JSON, JSONL, CSV (ACLED column
names) and GeoJSON.
"""

from summarizer.incidents.extract import extract_from_sentences, extract_incidents
from summarizer.incidents.model import Evidence, Incident

__all__ = ["EXTRACTOR_VERSION", "Evidence", "Incident", "extract_from_sentences", "extract_incidents"]

EXTRACTOR_VERSION = "2"  # bump when extract_incidents gives different records (stored ones are redone)
