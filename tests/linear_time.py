"""How CPU time grows from one input to a ten times longer one: linear code grows about tenfold.

CPU time (``time.process_time``) of the best of a few runs is compared between the two sizes, so
a busy machine slows both alike; quadratic code grows about a hundredfold.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

# Linear code stays well below this (about 10), quadratic code far above it (about 100).
LINEAR_GROWTH = 30.0
# Below this many seconds a run is too short to time: the larger input is timed against it instead.
_FLOOR = 0.002


def _best_time(function: Callable[[T], Any], text: T, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        function(text)
        best = min(best, time.process_time() - start)
    return best


def growth_ratio(
    function: Callable[[T], Any],
    make_input: Callable[[int], T],
    small: int = 10_000,
    large: int = 100_000,
    repeats: int = 3,
) -> float:
    """CPU time of ``function`` on ``make_input(large)`` over that on ``make_input(small)``."""
    small_text, large_text = make_input(small), make_input(large)
    small_time = _best_time(function, small_text, repeats)
    large_time = _best_time(function, large_text, repeats)
    return large_time / max(small_time, _FLOOR)


def repeated(unit: str, length: int, prefix: str = "", suffix: str = "") -> str:
    """``prefix``, then ``unit`` repeated, then ``suffix``: about ``length`` characters."""
    count = max(1, (length - len(prefix) - len(suffix)) // len(unit))
    return prefix + unit * count + suffix
