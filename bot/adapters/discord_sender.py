"""``DiscordSender``: scheduled digests posted to a Discord channel id over the REST API."""

from __future__ import annotations

import hashlib

import aiohttp
import discord

from bot.adapters.discord_render import NO_MENTIONS, Page, allowed_mentions, render
from bot.config import ConfigError, Secret
from bot.core.reply import Reply
from bot.core.sender import LONGEST_RATE_LIMIT_WAIT, ChannelGone, ResumableParts, RetryAfter, SendError
from bot.retry_after import retry_after_seconds
from bot.vocabulary import Destination

__all__ = ["PLATFORM", "RATE_LIMIT_WAIT", "DiscordSender"]

_HINTS = {  # the channel is gone or closed to the bot (ChannelGone), by Discord's JSON error code
    50013: "give the bot Send Messages and Embed Links in that channel",
    50001: "the bot was removed from the channel or cannot view it",
    10003: "the channel was deleted",
}
RATE_LIMIT_WAIT = 30.0  # discord.py sleeps through shorter 429s itself; longer ones surface (its minimum)
PLATFORM = "discord"  # Destination.platform and Invocation.platform of everything Discord


class DiscordSender:
    """Posts scheduled digests to a channel id over Discord's REST API (``bot.core.sender.Sender``).

    discord.py waits out short rate limits itself; a 429 asking for longer than ``RATE_LIMIT_WAIT``
    seconds becomes ``RetryAfter``, so one slow channel never holds the scheduler. Unknown channels
    and missing access or permissions become ``ChannelGone``, other refusals ``SendError``; network
    trouble and Discord outages ``RetryAfter``.
    """

    platform = PLATFORM

    def __init__(self, client: discord.Client) -> None:
        self._client = client
        self._parts = ResumableParts()

    @classmethod
    async def login(cls, token: Secret) -> DiscordSender:
        """A sender with its own REST session (no gateway), for ``newsbot scheduler``."""
        client = discord.Client(intents=discord.Intents.none(), allowed_mentions=NO_MENTIONS,
                                max_ratelimit_timeout=RATE_LIMIT_WAIT)
        try:
            await client.login(token.reveal())
        except discord.LoginFailure:
            await client.close()
            raise ConfigError("Discord rejected DISCORD_TOKEN") from None
        return cls(client)

    async def close(self) -> None:
        """Close the REST session."""
        await self._client.close()

    async def post(self, destination: Destination, reply: Reply, *, key: str | None = None,
                   retry: bool = False) -> None:
        """Post ``reply`` (every page, in order) to ``destination.channel``. Each page carries a
        nonce derived from ``key`` (else the reply) with ``enforce_nonce`` (discord.py sets it with
        a nonce): Discord answers a repeat within a few minutes with the message it created."""
        try:
            channel = self._client.get_partial_messageable(int(destination.channel))
        except ValueError:
            raise SendError(f"{destination.channel!r} is not a Discord channel id") from None

        mentions = allowed_mentions(reply)

        async def post_one(numbered: tuple[int, Page]) -> None:
            number, page = numbered
            nonce = _nonce(key or repr(reply), number)
            try:
                await channel.send(content=page.content, embeds=list(page.embeds),
                                   allowed_mentions=mentions, nonce=nonce)
            except discord.RateLimited as exc:
                raise RetryAfter(exc.retry_after) from None
            except discord.DiscordServerError as exc:
                raise RetryAfter(60, f"Discord had a server error (HTTP {exc.status})") from exc
            except discord.HTTPException as exc:
                if exc.status == 429:
                    raise RetryAfter(_retry_after(exc)) from None
                hint = "DISCORD_TOKEN is not valid" if exc.status == 401 else _HINTS.get(exc.code)
                text = exc.text or ""  # Discord's message, which may name the status: "401: Unauthorized"
                said = text if text.startswith(str(exc.status)) else f"{exc.status} {text}".strip()
                reason = said + (f" ({hint})" if hint else "")
                refusal = ChannelGone if exc.code in _HINTS else SendError
                raise refusal(f"Discord refused the post to channel {destination.channel}: "
                              + reason) from None
            except (aiohttp.ClientError, OSError) as exc:
                raise RetryAfter(60, f"Discord did not answer ({type(exc).__name__})") from exc

        await self._parts.send(destination, list(enumerate(render(reply))), post_one, fingerprint=repr(reply))


def _nonce(key: str, part: int) -> str:
    """A message nonce for one page of a delivery (Discord takes at most 25 characters)."""
    return hashlib.sha256(f"{key}#{part}".encode()).hexdigest()[:25]


def _retry_after(exc: discord.HTTPException) -> float:
    """The wait Discord asked for (its ``Retry-After`` header) once discord.py's own retries ran out."""
    header = exc.response.headers.get("Retry-After") if exc.response is not None else None
    return retry_after_seconds(header, default=60.0, longest=LONGEST_RATE_LIMIT_WAIT)
