"""Reference sets: JSONL rows with an article and a reference summary (one sentence a line)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import InputError

__all__ = ["EvalRow", "read_rows"]

_TEXT_FIELDS = ("article", "text", "body")


@dataclass(frozen=True, slots=True)
class EvalRow:
    """One article of a reference set and its reference summary."""

    id: str
    text: str
    reference: str
    title: str | None = None

    @property
    def reference_sentences(self) -> int:
        """How many sentences (lines) the reference has."""
        return max(1, sum(1 for line in self.reference.splitlines() if line.strip()))


def read_rows(path: str | Path, limit: int | None = None) -> list[EvalRow]:
    """The first ``limit`` rows (all when ``None``) of a JSONL reference set.

    Each line needs ``reference`` and one of ``article``/``text``/``body``; ``id`` and
    ``title`` are optional. A missing file or a bad line raises ``InputError``.
    """
    path = Path(path)
    rows: list[EvalRow] = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if limit is not None and len(rows) >= limit:
                    break
                if line.strip():
                    rows.append(_row(line, f"{path}:{number}"))
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    if not rows:
        raise InputError(f"{path}: no rows to evaluate")
    return rows


def _row(line: str, where: str) -> EvalRow:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not JSON ({error.msg})") from None
    if not isinstance(data, dict):
        raise InputError(f"{where}: expected a JSON object")
    text = next((data[f] for f in _TEXT_FIELDS if isinstance(data.get(f), str)), None)
    reference = data.get("reference")
    if text is None or not isinstance(reference, str):
        raise InputError(f"{where}: needs a 'reference' and an 'article' (or 'text'/'body') string")
    title = data.get("title")
    return EvalRow(
        id=str(data.get("id", where)),
        text=text,
        reference=reference,
        title=title if isinstance(title, str) and title.strip() else None,
    )
