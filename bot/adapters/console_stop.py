"""SIGTERM in ``newsbot console``: the command being answered is finished and its reply printed
(``SHUTDOWN_GRACE`` seconds at most, unless told otherwise), then the session ends; at the prompt
it ends at once. Either way the session's clean-up runs (the store is closed, the history saved)."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Coroutine, Iterator
from types import FrameType
from typing import TYPE_CHECKING, Any

from bot.core.shutdown_grace import SHUTDOWN_GRACE

if TYPE_CHECKING:
    import asyncio

__all__ = ["StopOnTerminate"]


class StopOnTerminate:
    """Turns SIGTERM into "finish this answer, then stop" while ``installed`` (main thread only);
    the answer under way gets ``grace`` seconds."""

    def __init__(self, grace: float = SHUTDOWN_GRACE) -> None:
        self.grace = grace
        self.requested = False
        self._busy = False  # a line is being answered (and its reply printed)
        self._answering: asyncio.Task[Any] | None = None

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        """SIGTERM handled this way inside the block (signals reach only the main thread)."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = signal.signal(signal.SIGTERM, self._terminate)
        try:
            yield
        finally:
            signal.signal(signal.SIGTERM, previous)

    @contextlib.contextmanager
    def busy(self) -> Iterator[None]:
        """One line's answer, from reading it to printing its reply: a stop waits for it."""
        self._busy = True
        try:
            yield
        finally:
            self._busy = False

    async def answer(self, answering: Coroutine[Any, Any, str | None]) -> str | None:
        """``answering``'s reply; a short notice instead when a stop cut it short."""
        import asyncio  # noqa: PLC0415 (loaded by now: this runs on the session's event loop)

        task = self._answering = asyncio.current_task()
        if self.requested and task is not None:
            self._bound(task)
        try:
            return await answering
        except asyncio.CancelledError:
            if not self.requested:
                raise
            return "(stopped before the answer was ready)"
        finally:
            self._answering = None

    def _terminate(self, signum: int, frame: FrameType | None) -> None:
        self.requested = True
        if not self._busy:
            raise SystemExit(0)  # nothing under way: leave now, through the session's clean-up
        if self._answering is not None:
            self._bound(self._answering)

    def _bound(self, task: asyncio.Task[Any]) -> None:
        """Cancel ``task`` if it is still running ``grace`` seconds from now."""
        loop = task.get_loop()

        def cancel_later() -> None:
            loop.call_later(self.grace, task.cancel)

        loop.call_soon_threadsafe(cancel_later)
