"""Summarize a stream of loaded articles, in one process or several, keeping input order."""

from __future__ import annotations

import functools
import itertools
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from summarizer.articles.model import Article, LoadFailure
from summarizer.commands.output import error_record, summary_record
from summarizer.errors import InputError
from summarizer.pipeline import summarize_article
from summarizer.summary import Length

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["Job", "Progress", "summarize_all"]

# Articles handed to a worker process at a time: large enough to amortize pickling.
_CHUNK = 8
# Chunks in flight per worker: enough to keep workers busy, bounded to keep memory flat.
_WINDOW_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class Job:
    """What to do with each article: method, length, tokenization and method options."""

    method: str
    length: Length
    pretokenized: bool
    options: tuple[tuple[str, Any], ...] = ()


def _summarize_one(job: Job, item: Article | LoadFailure) -> dict[str, Any]:
    if isinstance(item, LoadFailure):
        return error_record(item.origin, item.message)
    try:
        summary = summarize_article(item, job.method, job.length, job.pretokenized, **dict(job.options))
    except InputError as error:
        return error_record(item.origin, str(error))
    return summary_record(item, summary)


def summarize_all(
    items: Iterable[Article | LoadFailure], job: Job, jobs: int = 1
) -> Iterator[dict[str, Any]]:
    """One record per item, in input order; ``jobs`` > 1 spreads the work over processes."""
    if jobs <= 1:
        yield from map(functools.partial(_summarize_one, job), items)
        return
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - multiprocessing only for --jobs

    # Submit chunks while loading goes on (Executor.map would load everything first) and keep a
    # bounded window of chunks in flight; results come back in submission order.
    pending: deque[Future[list[dict[str, Any]]]] = deque()
    stream = iter(items)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        while chunk := list(itertools.islice(stream, _CHUNK)):
            pending.append(pool.submit(_summarize_chunk, job, chunk))
            while len(pending) > jobs * _WINDOW_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _summarize_chunk(job: Job, chunk: list[Article | LoadFailure]) -> list[dict[str, Any]]:
    return [_summarize_one(job, item) for item in chunk]


class Progress:
    """A one-line progress counter on a terminal, shown only once a batch runs for a while."""

    def __init__(self, stream: IO[str], *, enabled: bool, delay: float = 2.0) -> None:
        self._stream = stream
        self._enabled = enabled
        self._start = time.monotonic()
        self._delay = delay
        self._last = 0.0
        self.shown = False
        self.done = 0
        self.failed = 0

    def update(self, failed: bool) -> None:
        """Count one finished item; redraw at most ten times a second."""
        self.done += 1
        self.failed += failed
        if not self._enabled:
            return
        now = time.monotonic()
        if now - self._start < self._delay or now - self._last < 0.1:
            return
        self._last = now
        self.shown = True
        rate = self.done / (now - self._start)
        self._stream.write(f"\rsummarized {self.done} ({self.failed} failed), {rate:.0f}/s ")
        self._stream.flush()

    def close(self) -> None:
        """Erase the progress line."""
        if self.shown:
            self._stream.write("\r\033[K")
            self._stream.flush()
