"""``GuildRoles``: a Discord server's roles, for alert pings (``subscribe ... --ping @analysts``)."""

from __future__ import annotations

import re

import discord

from bot.core.format import shorten
from bot.core.mentions import MentionError
from bot.vocabulary import Ping

__all__ = ["GuildRoles"]

_ROLE = re.compile(r"<@&(\d{1,20})>|(\d{1,20})")


class GuildRoles:
    """Finds a role of one guild by mention (``<@&id>``), id or name (``@analysts``, any case)."""

    def __init__(self, guild: discord.Guild) -> None:
        self._guild = guild

    async def find(self, name: str) -> Ping:
        """The role named; ``MentionError`` when the guild has none such or it is ``@everyone``."""
        text = name.strip()
        match = _ROLE.fullmatch(text)
        if match:
            role = self._guild.get_role(int(match.group(1) or match.group(2)))
        else:
            wanted = text.removeprefix("@").casefold()
            role = next((r for r in self._guild.roles if r.name.casefold() == wanted), None)
        if role is None:
            raise MentionError(f"this server has no role {shorten(text, 60)!r}")
        if role.is_default():
            raise MentionError("alerts may ping a role, not everyone in the server")
        return Ping(str(role.id), role.name)
