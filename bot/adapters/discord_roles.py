"""``GuildRoles``: a Discord server's roles, for alert pings (``subscribe ... --ping @analysts``).

A role is accepted only when the bot's alert would really ping it: the role allows anyone to
mention it, or the bot has Mention @everyone, @here and All Roles in the channel (Discord shows
any other role mention without notifying anyone)."""

from __future__ import annotations

import re

import discord

from bot.core.format import shorten
from bot.core.mentions import MentionError
from bot.vocabulary import Ping

__all__ = ["GuildRoles"]

_ROLE = re.compile(r"<@&(\d{1,20})>|(\d{1,20})")


class GuildRoles:
    """Finds a role of one guild by mention (``<@&id>``), id or name (``@analysts``, any case),
    that the bot may ping in ``channel`` (the one whose alerts will mention it)."""

    def __init__(self, guild: discord.Guild, channel: object = None) -> None:
        self._guild = guild
        self._channel = channel

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
        if not role.mentionable and not self._may_mention_every_role():
            raise MentionError(
                f"the bot may not ping the role {shorten(role.name, 60)!r}: turn on its 'Allow anyone to "
                "@mention this role', or give the bot 'Mention @everyone, @here and All Roles'")
        return Ping(str(role.id), role.name)

    def _may_mention_every_role(self) -> bool:
        me = self._guild.me
        if me is None:  # the bot's own member is not loaded yet
            raise MentionError("couldn't check the bot's permissions in this server; try again")
        channel = self._channel
        if isinstance(channel, discord.abc.GuildChannel | discord.Thread):
            return channel.permissions_for(me).mention_everyone
        return me.guild_permissions.mention_everyone
