"""How the scheduler posts to a channel: each adapter implements ``Sender``."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol, TypeVar

from bot.core.reply import Reply
from bot.vocabulary import Destination

__all__ = ["ChannelGone", "ResumableParts", "RetryAfter", "SendError", "Sender"]

P = TypeVar("P")


class SendError(Exception):
    """The platform refused the post (or did not answer): the slot is retried with backoff."""


class ChannelGone(SendError):
    """The channel is gone or closed to the bot (deleted, archived, the bot removed or without
    permission): no retry can help until someone changes that, so its subscription is paused."""


LONGEST_RATE_LIMIT_WAIT = 300.0  # seconds a delivery waits out a 429; past it: a failed attempt retried then


class RetryAfter(Exception):
    """Try again after ``seconds``: the platform asked us to slow down (HTTP 429), or ``why`` (it
    failed for a while: a server error, no answer)."""

    def __init__(self, seconds: float, why: str = "rate limited") -> None:
        super().__init__(f"{why}; retry after {seconds:g} s")
        self.seconds = seconds


class Sender(Protocol):
    """Posts a rendered reply to a channel of one platform."""

    platform: str

    async def post(self, destination: Destination, reply: Reply, *, key: str | None = None,
                   retry: bool = False) -> None:
        """Post ``reply``; raise ``RetryAfter`` on rate limits, ``ChannelGone`` when the channel is gone
        or closed to the bot, and ``SendError`` on other refusals.

        ``key`` names the delivery (the same on every attempt): a platform that can mark a post or
        deduplicate it uses it. ``retry`` says an earlier attempt may have posted (it crashed or
        timed out before recording): a sender that can find its own earlier post skips it.
        """
        ...


class ResumableParts:
    """Remembers how far a multi-message post got, so that its retry resumes instead of reposting.

    A digest longer than one message goes out as several. When a later part fails (a 429), the
    scheduler retries the whole reply; posting it through the same ``ResumableParts`` with the same
    fingerprint skips the parts already posted, so a channel never sees the first pages twice.
    """

    def __init__(self, capacity: int = 100) -> None:
        self._capacity = capacity
        self._progress: OrderedDict[tuple[Destination, str], int] = OrderedDict()

    async def send(
        self,
        destination: Destination,
        parts: Sequence[P],
        post: Callable[[P], Awaitable[None]],
        fingerprint: str | None = None,
    ) -> None:
        """Post ``parts`` in order with ``post``, skipping those a failed earlier attempt posted.

        ``fingerprint`` identifies the content (e.g. the reply's repr) when the parts' own repr does not,
        as with parts that carry the time they were rendered.
        """
        identity = fingerprint if fingerprint is not None else repr(list(parts))
        key = (destination, hashlib.sha256(identity.encode()).hexdigest())
        done = self._progress.pop(key, 0)
        for number, part in enumerate(parts):
            if number < done:
                continue
            try:
                await post(part)
            except BaseException:
                if number:
                    self._progress[key] = number
                    while len(self._progress) > self._capacity:
                        self._progress.popitem(last=False)
                raise

