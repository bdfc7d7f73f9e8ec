"""Commands being answered, so that a stopping adapter delivers their replies before it closes
its connection: ``async with inflight.answering(): ...`` around each answer, then
``await inflight.drain()`` between the stop signal and the close."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from bot.core.shutdown_grace import SHUTDOWN_GRACE

__all__ = ["InFlight"]

log = logging.getLogger(__name__)


class InFlight:
    """Counts the answers under way on one adapter; ``drain`` waits (bounded) until none is left."""

    def __init__(self, platform: str) -> None:
        self.platform = platform
        self._running = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @contextlib.asynccontextmanager
    async def answering(self) -> AsyncIterator[None]:
        """One answer, from the command's arrival to its reply's delivery."""
        self._running += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._running -= 1
            if not self._running:
                self._idle.set()

    async def drain(self, grace: float = SHUTDOWN_GRACE) -> bool:
        """Wait until every answer under way is delivered, ``grace`` seconds at most; False (and a
        warning naming how many) when some were still running."""
        if not self._running:
            return True
        log.info("%s: stopping: waiting up to %g s for %d command(s) being answered",
                 self.platform, grace, self._running)
        try:
            async with asyncio.timeout(grace):
                await self._idle.wait()
        except TimeoutError:
            log.warning("%s: stopped with %d command(s) unanswered after %g s", self.platform,
                        self._running, grace)
            return False
        log.info("%s: every command under way was answered", self.platform)
        return True
