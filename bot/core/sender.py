"""How the scheduler posts to a channel: each adapter implements ``Sender``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.core.reply import Reply

__all__ = ["Destination", "RetryAfter", "SendError", "Sender"]


@dataclass(frozen=True, slots=True)
class Destination:
    """Where a digest goes: platform, workspace (Discord guild or Slack team) and channel."""

    platform: str
    channel: str
    workspace: str | None = None


class SendError(Exception):
    """Posting failed for good (unknown channel, missing permission): do not retry this slot now."""


class RetryAfter(Exception):
    """The platform asked us to slow down (HTTP 429): try again after ``seconds``."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"rate limited; retry after {seconds:g} s")
        self.seconds = seconds


class Sender(Protocol):
    """Posts a rendered reply to a channel of one platform."""

    platform: str

    async def post(self, destination: Destination, reply: Reply) -> None:
        """Post ``reply``; raise ``RetryAfter`` on rate limits and ``SendError`` on lasting failures."""
        ...
