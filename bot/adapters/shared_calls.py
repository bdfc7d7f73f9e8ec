"""Request coalescing: callers asking for one key while a call for it is in flight share that call."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["SharedCalls"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class SharedCalls(Generic[K, V]):
    """At most one call in flight per key; a call is forgotten once it ends, so the next caller
    starts a fresh one. A caller that is cancelled leaves the call running for the others."""

    def __init__(self) -> None:
        self._running: dict[K, asyncio.Future[V]] = {}

    async def __call__(self, key: K, call: Callable[[], Awaitable[V]]) -> V:
        """The result of the call in flight for ``key``, started with ``call()`` when there is none."""
        running = self._running.get(key)
        if running is None:
            running = self._running[key] = asyncio.ensure_future(call())
            running.add_done_callback(lambda call: self._ended(key, call))
        return await asyncio.shield(running)

    def _ended(self, key: K, call: asyncio.Future[V]) -> None:
        """Forget the ended ``call``; its failure counts as seen, so one that every caller left
        (cancelled) is not reported as "Task exception was never retrieved"."""
        self._running.pop(key, None)
        if not call.cancelled():
            call.exception()
