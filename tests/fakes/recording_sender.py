"""A ``Sender`` that records posts (and can be told to rate-limit or fail), and a fake clock."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bot.core.reply import Reply
from bot.core.sender import RetryAfter, SendError
from bot.vocabulary import Destination


class RecordingSender:
    """Records ``(destination, reply)``; ``rate_limits[channel]`` lists Retry-After seconds to
    raise first, ``broken`` channels raise ``SendError``."""

    def __init__(self, platform: str = "discord") -> None:
        self.platform = platform
        self.posts: list[tuple[Destination, Reply]] = []
        self.rate_limits: dict[str, list[float]] = {}
        self.broken: set[str] = set()
        self.attempts = 0

    async def post(self, destination: Destination, reply: Reply, *, key: str | None = None,
                   retry: bool = False) -> None:
        self.attempts += 1
        await asyncio.sleep(0)
        pending = self.rate_limits.get(destination.channel)
        if pending:
            raise RetryAfter(pending.pop(0))
        if destination.channel in self.broken:
            raise SendError(f"missing access to {destination.channel}")
        self.posts.append((destination, reply))

    def channels(self) -> list[str]:
        return [destination.channel for destination, _ in self.posts]


class FakeClock:
    """``clock()`` returns ``now``; ``sleep`` records the wait, advances the clock and yields
    to other tasks (``on_sleep`` can make it wait for something)."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.sleeps: list[float] = []
        self.on_sleep: Callable[[float], Awaitable[None]] | None = None

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        if self.on_sleep is not None:
            await self.on_sleep(seconds)
        self.now += timedelta(seconds=seconds)
        await asyncio.sleep(0)
