"""Page, feed and cleaning rules stay linear on hostile text: 10x the input costs about 10x the CPU."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import pytest

from summarizer.articles.page import extract_page
from summarizer.articles.plaintext import plain_text
from summarizer.clean import clean_text

SMALL = 10_000
# Linear work grows 10x; a quadratic pattern would grow 100x. The bound leaves room for noise.
MAX_GROWTH = 35
MEASURABLE = 0.01  # seconds of CPU the small input is run for


def cpu_seconds(run: Callable[[], object], repeat: int) -> float:
    """The least CPU time of three rounds of ``repeat`` runs (CPU, not wall time: load does not matter)."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for _ in range(repeat):
            run()
        best = min(best, time.process_time() - start)
    return best


def growth(make: Callable[[int], str], convert: Callable[[str], object]) -> float:
    small, large = make(SMALL), make(10 * SMALL)
    once = max(cpu_seconds(lambda: convert(small), 1), 1e-5)
    repeat = max(1, math.ceil(MEASURABLE / once))  # enough runs of the small input to measure
    return cpu_seconds(lambda: convert(large), repeat) / cpu_seconds(lambda: convert(small), repeat)


PROMPTS = "Subscribe now to our newsletter and never miss a story from us. "


def page(n: int) -> str:
    return f"<html><body><article><p>{'It was late.The end came. ' * (n // 26)}</p></article></body></html>"


@pytest.mark.parametrize(
    ("make", "convert"),
    [
        (lambda n: "&amp;#8220;<b>x</b>" * (n // 20), plain_text),
        (lambda n: '<?xml version="1.0" encoding="utf-8"?>' + "<a" * (n // 2), plain_text),
        (lambda n: "&#" * (n // 2), plain_text),
        (page, extract_page),
        (lambda n: "| x | y | z\n" * (n // 12), clean_text),
        (lambda n: "a, b, c, d, e, f\n" * (n // 17), clean_text),
        (lambda n: "Tags: " + "x" * (n // 10) + " " + "Facebook Twitter " * 9 + "\n", clean_text),
        (lambda n: (PROMPTS * 4 + "\n") * (n // 260), clean_text),
        (lambda n: "Photo: AP. " * (n // 11), clean_text),
        (lambda n: "Home " + "x | " * (n // 4), clean_text),
        (lambda n: "Data: " + "A. Bc, " * (n // 7), clean_text),
        (lambda n: "2013;" * (n // 5), clean_text),
        (lambda n: "x " * (n // 4) + "\n" + "x " * (n // 4) + "y", clean_text),
    ],
)  # fmt: skip
def test_growth_is_linear(make: Callable[[int], str], convert: Callable[[str], object]) -> None:
    assert growth(make, convert) < MAX_GROWTH
