"""Start-up benchmark: ``summarizer summarize one-article.txt`` against a bare ``python -c "import json"``.

Both commands run as fresh processes, interleaved, several times; the report is each one's median
wall time and their ratio, measured in the same run so the machine's speed and load cancel out.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter

from summarizer.errors import SummarizerError

__all__ = ["StartupTimes", "measure_startup"]

BASELINE = (sys.executable, "-c", "import json")


@dataclass(frozen=True, slots=True)
class StartupTimes:
    """Median wall seconds of the summarize command and of the bare interpreter."""

    command: float
    baseline: float

    @property
    def ratio(self) -> float:
        """How many bare interpreter start-ups one summarize command costs."""
        return self.command / self.baseline


def _wall(argv: Sequence[str]) -> float:
    start = perf_counter()
    result = subprocess.run(argv, capture_output=True, check=False)  # noqa: S603 - our own interpreter
    seconds = perf_counter() - start
    if result.returncode != 0:
        raise SummarizerError(f"{' '.join(argv)} failed: {result.stderr.decode(errors='replace').strip()}")
    return seconds


def measure_startup(article: Path, repeats: int) -> StartupTimes:
    """Median wall times of ``summarizer summarize ARTICLE`` and ``python -c "import json"``."""
    command = (sys.executable, "-m", "summarizer", "summarize", str(article))
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(repeats):
        bare.append(_wall(BASELINE))
        ours.append(_wall(command))
    return StartupTimes(statistics.median(ours), statistics.median(bare))
