"""How many page downloads chat users may run at once: a few per user and a few in all, so
slow pages can never take the bot away from everyone else. Over the limit, the answer is an
immediate "busy" rather than a queue."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["FetchBusy", "FetchSlots"]


class FetchBusy(Exception):
    """No slot free; ``str`` is the short reply for the user."""


class FetchSlots:
    """Counts running downloads per user and in all (safe across threads and event loops)."""

    def __init__(self, per_user: int = 2, total: int = 8) -> None:
        self.per_user = per_user
        self.total = total
        self._running: Counter[str] = Counter()
        self._lock = threading.Lock()

    @contextmanager
    def claim(self, user: str) -> Iterator[None]:
        """Hold one slot for ``user`` while the block runs; ``FetchBusy`` when none is free."""
        with self._lock:
            if self._running[user] >= self.per_user:
                raise FetchBusy(f"Busy: you have {self.per_user} pages loading; try again when one is done.")
            if self._running.total() >= self.total:
                raise FetchBusy("Busy: too many pages are loading right now; try again in a minute.")
            self._running[user] += 1
        try:
            yield
        finally:
            with self._lock:
                self._running[user] -= 1
                if not self._running[user]:
                    del self._running[user]
