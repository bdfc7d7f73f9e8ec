"""Role and user-group mentions: the one thing a post of the bot may ping, and only on alerts.

A channel manager names a group (``subscribe ... --alert 5 --ping @analysts``); the adapter's
``GroupDirectory`` checks it against the platform (Discord guild roles, Slack user groups) and
returns a ``Ping`` kept with the subscription. Alerts carry that ``Ping``; adapters mention it
and allow exactly that mention, so article text still pings nobody.
"""

from __future__ import annotations

from typing import Protocol

from bot.vocabulary import Ping

__all__ = ["GroupDirectory", "MentionError"]


class MentionError(ValueError):
    """A group that cannot be mentioned here; ``str`` is one line for the user."""


class GroupDirectory(Protocol):
    """The roles or user groups of the workspace a command came from."""

    async def find(self, name: str) -> Ping:
        """The group a user named (as typed, a mention or an id); ``MentionError`` when none."""
        ...
