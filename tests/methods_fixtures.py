"""Shared helpers for the methods, evaluation and benchmark tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EVAL_DIR = REPO.parent / "shared" / "eval"
SEED = next((REPO / "seeds").glob("*.txt"))

SUMY_METHODS = ("lexrank", "lsa", "textrank", "luhn", "edmundson", "kl", "sumbasic", "reduction")
ALL_METHODS = ("default", "lead", "random", *SUMY_METHODS)

NEWS = """City council approves new budget for road repairs

The city council approved a new budget on Monday that doubles spending on road repairs.
The budget passed by seven votes to two after a long debate about potholes and bridges.

Council member Jane Ortiz said the repairs were overdue. Residents had complained about damaged
roads for years, she said. The repairs will start in March and last two years.

The mayor welcomed the vote. He said the budget would also fund two new bus lines.
Critics said the spending on road repairs was too small for the damage done by the winter.
"""


def eval_rows(name: str, count: int) -> list[dict[str, str]]:
    """The first ``count`` rows of ``../shared/eval/<name>``; skips the test when it is absent."""
    path = EVAL_DIR / name
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    rows: list[dict[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
            if len(rows) == count:
                break
    return rows
