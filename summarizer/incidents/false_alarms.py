"""How often articles yield incidents, against labels saying which articles report a conflict event.

The labels are a JSON object mapping an article's file name to ``{"conflict": true|false,
"reason": "..."}``. An ordinary article (``conflict: false``) that yields any incident is a false
alarm; a conflict article that yields none is a miss.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter
from typing import Any

from summarizer import incidents as extractor
from summarizer.articles import Article, LoadFailure, load
from summarizer.errors import InputError
from summarizer.incidents.model import Incident
from summarizer.incidents.score import read_json

__all__ = ["AlarmTally", "Label", "count_alarms", "read_labels"]


@dataclass(frozen=True, slots=True)
class Label:
    """Whether an article reports a conflict event, and why a reader decided so."""

    conflict: bool
    reason: str


def read_labels(path: Path) -> dict[str, Label]:
    """File name -> label, from a JSON labels file."""
    raw = read_json(path, "labels file")
    if not isinstance(raw, dict):
        raise InputError(f"{path}: labels must be an object of file name -> label")
    labels = {}
    for name, value in raw.items():
        if not isinstance(value, dict) or not isinstance(value.get("conflict"), bool):
            raise InputError(f"{path}: {name}: a label needs a true/false 'conflict'")
        labels[name] = Label(value["conflict"], str(value.get("reason", "")))
    return labels


@dataclass(slots=True)
class AlarmTally:
    """Articles per label and how many yielded any incident; unlabelled and unreadable files."""

    ordinary: int = 0
    false_alarms: int = 0
    conflict: int = 0
    found: int = 0
    unlabelled: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """Counts and shares (percent)."""
        return {
            "ordinary": self.ordinary,
            "false_alarm_rate": round(100 * self.false_alarms / self.ordinary, 1) if self.ordinary else None,
            "false_alarms": self.false_alarms,
            "conflict": self.conflict,
            "found_rate": round(100 * self.found / self.conflict, 1) if self.conflict else None,
            "found": self.found,
            "unlabelled": self.unlabelled,
            "failed": self.failed,
            "articles_per_second": (
                round((self.ordinary + self.conflict) / self.seconds, 1) if self.seconds else None
            ),
            "words_per_second": round(self.words / self.seconds) if self.seconds else None,
        }


def count_alarms(
    folder: str,
    labels: dict[str, Label],
    on_wrong: Callable[[Article, Label, list[Incident]], None] | None = None,
    limit: int | None = None,
) -> AlarmTally:
    """Extract from every labelled article under ``folder``; ``on_wrong`` hears false alarms and misses."""
    tally = AlarmTally()
    for item in load(folder):
        if limit is not None and tally.ordinary + tally.conflict >= limit:
            break
        if isinstance(item, LoadFailure):
            tally.failed += 1
            continue
        label = labels.get(Path(item.origin).name)
        if label is None:
            tally.unlabelled += 1
            continue
        start = perf_counter()
        incidents = extractor.extract_incidents(item)
        tally.seconds += perf_counter() - start
        tally.words += len(item.text.split())
        if label.conflict:
            tally.conflict += 1
            tally.found += bool(incidents)
        else:
            tally.ordinary += 1
            tally.false_alarms += bool(incidents)
        if on_wrong is not None and label.conflict != bool(incidents):
            on_wrong(item, label, incidents)
    return tally
