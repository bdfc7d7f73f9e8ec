"""An asyncio event set when a logger writes a given message: a test waits for a moment the code
under test logs (``stopping: waiting ...``) instead of sleeping."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator


class _Signal(logging.Handler):
    def __init__(self, needle: str) -> None:
        super().__init__(logging.DEBUG)
        self.needle = needle
        self.seen = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if self.needle in record.getMessage():
            self.seen.set()


@contextlib.contextmanager
def logged(logger: str, needle: str) -> Iterator[asyncio.Event]:
    """An event set once ``logger`` (or a child) logs a message containing ``needle``."""
    handler = _Signal(needle)
    target = logging.getLogger(logger)
    level = target.level
    target.addHandler(handler)
    target.setLevel(logging.DEBUG)
    try:
        yield handler.seen
    finally:
        target.removeHandler(handler)
        target.setLevel(level)
