"""Evaluation results as an aligned text table or as JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict

from summarizer.evaluation.runner import MethodResult

__all__ = ["format_json", "format_table"]

_COLUMNS = (
    ("method", "method", "{}"),
    ("R1", "rouge1", "{:.2f}"),
    ("R2", "rouge2", "{:.2f}"),
    ("RL", "rougeL", "{:.2f}"),
    ("RLsum", "rougeLsum", "{:.2f}"),
    ("articles/s", "articles_per_second", "{:,.0f}"),
    ("peak MB", "peak_memory_mb", "{:.1f}"),
)


def format_table(results: Sequence[MethodResult], title: str = "") -> str:
    """A plain-text table, one row per method, best ROUGE-1 first."""
    ordered = sorted(results, key=lambda r: -r.rouge1)
    cells = [[header for header, _, _ in _COLUMNS]]
    for result in ordered:
        values = asdict(result)
        cells.append([fmt.format(values[key]) for _, key, fmt in _COLUMNS])
    widths = [max(len(row[i]) for row in cells) for i in range(len(_COLUMNS))]
    lines = [title] if title else []
    for number, row in enumerate(cells):
        padded = [cell.rjust(w) for cell, w in zip(row, widths, strict=True)]
        padded[0] = row[0].ljust(widths[0])
        lines.append("  ".join(padded).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def format_json(results: Sequence[MethodResult], **context: object) -> str:
    """A JSON object: the ``context`` given (data file, length, ...) and one result per method."""
    return json.dumps({**context, "results": [asdict(r) for r in results]}, indent=2)
