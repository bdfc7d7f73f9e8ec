"""Run methods over a reference set: ROUGE against the references, speed, and peak memory.

Each method runs in a fresh worker process (``jobs`` of them at a time), so one method's
caches never speed up the next and its memory is its own.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from time import perf_counter

from summarizer.document import prepare
from summarizer.errors import UsageError
from summarizer.evaluation.dataset import EvalRow
from summarizer.evaluation.rouge import rouge_f1
from summarizer.methods import summarize
from summarizer.methods.registry import lookup
from summarizer.summary import Length

__all__ = ["MEMORY_SAMPLE", "EvalSettings", "MethodResult", "evaluate", "evaluate_method", "peak_memory_mb"]


@dataclass(frozen=True, slots=True)
class EvalSettings:
    """How long the summaries are and how the texts are split.

    ``sentences=None`` gives each summary as many sentences as its reference has.
    """

    sentences: int | None = 3
    pretokenized: bool = False


@dataclass(frozen=True, slots=True)
class MethodResult:
    """One method's scores: mean ROUGE F1 (percent), articles per second, peak memory (MiB)."""

    method: str
    articles: int
    rouge1: float
    rouge2: float
    rougeL: float
    rougeLsum: float
    articles_per_second: float
    peak_memory_mb: float


MEMORY_SAMPLE = 20
"""How many of the longest articles the memory pass summarizes."""


def _summary_texts(row: EvalRow, method: str, settings: EvalSettings) -> list[str]:
    length = Length(sentences=settings.sentences or row.reference_sentences)
    document = prepare(row.text, title=row.title, pretokenized=settings.pretokenized)
    return summarize(document, method, length).texts


def peak_memory_mb(rows: Sequence[EvalRow], method: str, settings: EvalSettings) -> float:
    """The most memory (MiB, Python heap including numpy arrays) summarizing one article takes.

    Measured with ``tracemalloc`` over the ``MEMORY_SAMPLE`` longest articles, in a pass of its
    own: tracing slows the code down, so the timed pass runs without it.
    """
    longest = sorted(rows, key=lambda row: len(row.text), reverse=True)[:MEMORY_SAMPLE]
    peak = 0
    tracemalloc.start()
    try:
        for row in longest:
            tracemalloc.reset_peak()
            before, _ = tracemalloc.get_traced_memory()
            _summary_texts(row, method, settings)
            peak = max(peak, tracemalloc.get_traced_memory()[1] - before)
    finally:
        tracemalloc.stop()
    return peak / 2**20


def evaluate_method(rows: Sequence[EvalRow], method: str, settings: EvalSettings) -> MethodResult:
    """Summarize every row with ``method`` (clean, split, summarize: timed), then score with ROUGE.

    Memory is measured afterwards in a separate pass (see ``peak_memory_mb``).
    """
    lookup(method)
    start = perf_counter()
    summaries = [_summary_texts(row, method, settings) for row in rows]
    elapsed = perf_counter() - start
    peak = peak_memory_mb(rows, method, settings)
    scores = rouge_f1(summaries, [row.reference for row in rows])
    return MethodResult(
        method=method,
        articles=len(rows),
        rouge1=scores["rouge1"],
        rouge2=scores["rouge2"],
        rougeL=scores["rougeL"],
        rougeLsum=scores["rougeLsum"],
        articles_per_second=len(rows) / elapsed if elapsed > 0 else float("inf"),
        peak_memory_mb=peak,
    )


def evaluate(
    rows: Sequence[EvalRow], methods: Sequence[str], settings: EvalSettings, jobs: int = 1
) -> list[MethodResult]:
    """Evaluate each method in its own worker process, ``jobs`` at a time; results in ``methods`` order."""
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if not methods:
        raise UsageError("give at least one method")
    for method in methods:
        lookup(method)
    context = get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, max_tasks_per_child=1) as pool:
        futures = [pool.submit(evaluate_method, list(rows), method, settings) for method in methods]
        return [future.result() for future in futures]
