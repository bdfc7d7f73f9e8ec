"""Start-up benchmark: a command against a bare ``python -c "import json"``.

Both run as fresh processes, interleaved, several times; the report is each one's median wall
time and their ratio, measured in the same run so the machine's speed and load cancel out.
``measure_startup`` times ``summarizer summarize one-article.txt``; ``compare_startup`` times any
measurement (``python -m bot.bench --startup`` uses it for the console's first prompt).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter

from summarizer.errors import SummarizerError

__all__ = ["StartupTimes", "compare_startup", "measure_startup", "startup_report", "wall_seconds"]

BASELINE = (sys.executable, "-c", "import json")


@dataclass(frozen=True, slots=True)
class StartupTimes:
    """Median wall seconds of the command and of the bare interpreter."""

    command: float
    baseline: float

    @property
    def ratio(self) -> float:
        """How many bare interpreter start-ups the command costs."""
        return self.command / self.baseline


def startup_report(times: StartupTimes, label: str, repeats: int) -> list[str]:
    """The benchmark's lines for ``times``: both medians in milliseconds and their ratio."""
    return [
        f"start-up, median of {repeats} fresh processes:",
        f"  python -c 'import json'                 {times.baseline * 1000:7.1f} ms",
        f"  {label:<40}{times.command * 1000:7.1f} ms",
        f"  ratio                                   {times.ratio:7.1f}x",
    ]


def wall_seconds(argv: Sequence[str]) -> float:
    """Wall seconds ``argv`` takes to run to its end; raises ``SummarizerError`` when it fails."""
    start = perf_counter()
    result = subprocess.run(argv, capture_output=True, check=False)  # noqa: S603 - our own interpreter
    seconds = perf_counter() - start
    if result.returncode != 0:
        raise SummarizerError(f"{' '.join(argv)} failed: {result.stderr.decode(errors='replace').strip()}")
    return seconds


def compare_startup(measure: Callable[[], float], repeats: int) -> StartupTimes:
    """Median seconds of ``measure()`` and of ``python -c "import json"``, run in turns ``repeats`` times."""
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(repeats):
        bare.append(wall_seconds(BASELINE))
        ours.append(measure())
    return StartupTimes(statistics.median(ours), statistics.median(bare))


def measure_startup(article: Path, repeats: int) -> StartupTimes:
    """Median wall times of ``summarizer summarize ARTICLE`` and ``python -c "import json"``."""
    command = (sys.executable, "-m", "summarizer", "summarize", str(article))
    return compare_startup(lambda: wall_seconds(command), repeats)
