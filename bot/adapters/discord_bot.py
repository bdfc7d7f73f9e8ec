"""The Discord adapter: every registry command as a prefix command and a slash command.

``NewsBot`` turns ``Registry.commands()`` into a ``commands.Bot``: ``!summary ...`` (prefix
configurable, and ``@newsdigest summary ...``) goes through the shared line parser; ``/summary``
has typed options built from each ``Param`` (choices, min/max, article-title autocomplete) whose
values are checked again by ``Param.convert``. A channel manager is a member with Manage Channels
in a server channel (never anyone in a direct message); owners come from ``NEWSDIGEST_OWNERS``.
Replies are rendered by ``discord_render``; nothing
a command returns can mention anyone. ``serve`` runs what the process puts ``beside`` the bot (the
runtime's scheduler, posting through ``DiscordSender`` on the bot's own REST session).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import inspect
import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager
from datetime import date
from typing import Any

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.adapters.discord_render import NO_MENTIONS, Page, Pager, render
from bot.adapters.discord_roles import GuildRoles
from bot.adapters.discord_sender import PLATFORM, RATE_LIMIT_WAIT
from bot.config import ConfigError, Secret, Settings
from bot.core.inflight import InFlight
from bot.core.registry import ArgumentError, Command, Invocation, Param, Permission, Registry, unknown_command
from bot.core.reply import Reply
from bot.core.services import Services
from bot.core.spelling import Spelling

__all__ = ["Beside", "NewsBot", "serve"]

log = logging.getLogger(__name__)

DEFER_AFTER = 2.0  # seconds before an unfinished slash command is deferred (Discord allows 3)
MAX_SPLIT = 3  # longer replies are paged with buttons instead of posted as many messages
AUTOCOMPLETE_PARAM = "article"
MAX_CHOICES = 25  # Discord's limit; longer lists are typed freely and checked by Param.convert
_DESCRIPTION = 100  # Discord's limit for command and option descriptions
_COMMAND_WORD = re.compile(r"[a-z][a-z0-9_-]{0,31}", re.IGNORECASE)


def command_prefixes(prefix: str) -> Callable[[commands.Bot, discord.Message], list[str]]:
    """What may come before a command name in a message: ``prefix`` (``!summary``), or a mention of
    the bot, alone or followed by ``prefix`` or by the ``/`` of the slash form
    (``@newsdigest /summary``); the longer forms first, since discord.py takes the first that fits."""

    def prefixes(bot: commands.Bot, message: discord.Message) -> list[str]:
        mentions = commands.when_mentioned(bot, message)
        return [*(f"{m}{mark}" for m in mentions for mark in dict.fromkeys(("/", prefix))), *mentions, prefix]

    return prefixes


def _describe(text: str, fallback: str) -> str:
    text = " ".join(text.split()) or fallback
    return text if len(text) <= _DESCRIPTION else text[: _DESCRIPTION - 1] + "…"


def _option_annotation(param: Param) -> Any:
    """The slash-option type for a parameter (dates travel as text, checked by ``Param.convert``)."""
    if param.type in (int, float) and (param.minimum is not None or param.maximum is not None):
        return app_commands.Range[param.type, param.minimum, param.maximum]
    if param.type is date:
        return str
    return param.type


def _option_help(param: Param) -> str:
    hint = " (YYYY-MM-DD)" if param.type is date else ""
    return _describe(param.help + hint, param.name)


def slash_usage(command: Command) -> str:
    """``/summary [article] [sentences] ...``: the slash form of the usage line."""
    return " ".join([f"/{command.name}", *(f"[{p.name}]" for p in command.params)])


def slash_arguments(command: Command, options: Mapping[str, Any]) -> dict[str, Any]:
    """Slash option values checked by the same ``Param.convert`` as typed words, defaults filled."""
    values: dict[str, Any] = {}
    for param in command.params:
        raw = options.get(param.name)
        values[param.name] = param.default if raw is None else param.convert(str(raw))
    return values


async def _manager_status(ctx: commands.Context[NewsBot]) -> bool | None:
    """Manage Channels in a server channel, False in a direct message, None when the bot cannot
    tell (the server, channel or member is not in its cache, as right after a gateway outage)."""
    if isinstance(ctx.channel, discord.abc.PrivateChannel):
        return False
    channel, author = ctx.channel, ctx.author
    if isinstance(channel, discord.abc.GuildChannel | discord.Thread) and isinstance(author, discord.Member):
        return channel.permissions_for(author).manage_channels
    return None


class NewsBot(commands.Bot):
    """A ``commands.Bot`` serving every command of ``registry`` as prefix and slash commands."""

    def __init__(
        self,
        registry: Registry,
        services: Services,
        *,
        prefix: str = "!",
        guild_id: int | None = None,
        message_content: bool = True,
        guild_ready_timeout: float = 2.0,
        shard: tuple[int, int] | None = None,
    ) -> None:
        intents = discord.Intents.default()
        intents.message_content = message_content  # privileged: only prefix commands need it
        super().__init__(
            command_prefix=command_prefixes(prefix),
            intents=intents,
            help_command=None,  # the registry has its own help
            case_insensitive=True,
            allowed_mentions=NO_MENTIONS,
            max_ratelimit_timeout=RATE_LIMIT_WAIT,
            guild_ready_timeout=guild_ready_timeout,
            shard_id=shard[0] if shard else None,
            shard_count=shard[1] if shard else None,
        )
        self.registry = registry
        self.services = services
        self.prefix = prefix
        self.spelling = Spelling(prefixes=(prefix, "/"), shown=prefix)
        # Replies name commands the way the user typed theirs: a slash command's answer never
        # hints a prefix command, which may not work here (Message Content intent off).
        self.slash_spelling = dataclasses.replace(self.spelling, shown="/")
        self.guild_id = guild_id
        self.inflight = InFlight(PLATFORM)  # answers a stopping bot delivers before it disconnects
        self.tree.error(self._on_app_command_error)
        for command in registry.commands():
            self.add_command(self._prefix_command(command))
            self.tree.add_command(self._slash_command(command))

    # -- building --------------------------------------------------------------------------------

    def _prefix_command(self, command: Command) -> commands.Command[Any, ..., None]:
        async def callback(ctx: commands.Context[NewsBot], *, text: str = "") -> None:
            await self.answer_prefix(ctx, command, text)

        return commands.Command(
            callback, name=command.name, aliases=list(command.aliases), help=command.help,
            usage=command.usage, rest_is_raw=True,
        )

    def _slash_command(self, command: Command) -> app_commands.Command[Any, ..., None]:
        async def callback(interaction: discord.Interaction, **options: Any) -> None:
            await self.answer_slash(interaction, command, options)

        parameters = [inspect.Parameter("interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                        annotation=discord.Interaction)]
        parameters += [inspect.Parameter(p.name, inspect.Parameter.KEYWORD_ONLY, default=None,
                                         annotation=_option_annotation(p) | None)
                       for p in command.params]
        callback.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        slash: app_commands.Command[Any, ..., None] = app_commands.Command(
            name=command.name, description=_describe(command.help, command.name), callback=callback
        )
        app_commands.describe(**{p.name: _option_help(p) for p in command.params})(slash)
        choices = {p.name: [app_commands.Choice(name=c, value=c) for c in p.choices]
                   for p in command.params if 0 < len(p.choices) <= MAX_CHOICES}
        if choices:
            app_commands.choices(**choices)(slash)
        if command.permission is Permission.MANAGER:  # hidden from others in Discord's menu too
            slash.default_permissions = discord.Permissions(manage_channels=True)
        if any(p.name == AUTOCOMPLETE_PARAM and not p.choices for p in command.params):
            app_commands.autocomplete(**{AUTOCOMPLETE_PARAM: self.article_choices})(slash)
        return slash

    async def setup_hook(self) -> None:
        """After login: sync the slash commands."""
        await self._sync_commands()

    async def _sync_commands(self) -> None:
        """Sync slash commands: to one guild when ``guild_id`` is set (instant), else globally."""
        guild = discord.Object(id=self.guild_id) if self.guild_id else None
        if guild is not None:
            self.tree.copy_global_to(guild=guild)
        try:
            synced = await self.tree.sync(guild=guild)
        except discord.HTTPException as exc:
            log.error("could not sync slash commands (%s %s); was the bot invited with the "
                      "applications.commands scope? Prefix commands still work.", exc.status, exc.text)
            return
        log.info("synced %d slash commands %s", len(synced),
                 f"to guild {self.guild_id}" if guild else "globally (may take up to an hour to appear)")

    # -- answering -------------------------------------------------------------------------------

    def typed_spelling(self, ctx: commands.Context[Any]) -> Spelling:
        """How replies name commands for a message command: with the prefix, or after a mention
        of the bot (``@newsdigest resume 3``) when the user mentioned it."""
        if ctx.prefix == self.prefix:
            return self.spelling
        return dataclasses.replace(self.spelling, shown=f"@{ctx.me.display_name} ")

    async def answer_prefix(self, ctx: commands.Context[NewsBot], command: Command, text: str) -> None:
        """Parse the words after ``!name`` with the shared parser, run the command, post the reply."""
        async with self.inflight.answering():
            await self._answer_prefix(ctx, command, text)

    async def _answer_prefix(self, ctx: commands.Context[NewsBot], command: Command, text: str) -> None:
        run = self.registry.run_line(
            f"{command.name} {text}", self.services, platform=PLATFORM, channel=str(ctx.channel.id),
            user=str(ctx.author.id), workspace=str(ctx.guild.id) if ctx.guild else None,
            is_manager=lambda: _manager_status(ctx),
            is_owner=str(ctx.author.id) in self.services.settings.owner_ids(PLATFORM),
            groups=GuildRoles(ctx.guild, ctx.channel) if ctx.guild else None,
            spelling=self.typed_spelling(ctx),
        )
        if command.slow:
            async with ctx.typing():
                reply = await run
        else:
            reply = await run
        reference = ctx.message.to_reference(fail_if_not_exists=False)
        await self._post(render(reply), lambda page, view: _send(ctx, page, view, reference))

    async def answer_slash(self, interaction: discord.Interaction, command: Command,
                           options: Mapping[str, Any]) -> None:
        """Check the options, run the command (deferring when slow), answer; errors only to the user."""
        async with self.inflight.answering():
            await self._answer_slash(interaction, command, options)

    async def _answer_slash(self, interaction: discord.Interaction, command: Command,
                            options: Mapping[str, Any]) -> None:
        try:
            args = slash_arguments(command, options)
        except ArgumentError as exc:
            await self.respond(interaction, Reply.failure(str(exc), usage=slash_usage(command)))
            return
        invocation = Invocation(
            command=command.name, args=args, platform=PLATFORM, channel=str(interaction.channel_id),
            user=str(interaction.user.id),
            workspace=str(interaction.guild_id) if interaction.guild_id else None,
            is_manager=interaction.guild_id is not None and interaction.permissions.manage_channels,
            is_owner=str(interaction.user.id) in self.services.settings.owner_ids(PLATFORM),
            groups=GuildRoles(interaction.guild, interaction.channel) if interaction.guild else None,
            spelling=self.slash_spelling,
        )
        if command.slow:  # acknowledge first, then work
            deferred = True
            await interaction.response.defer(thinking=True)
            reply = await self.registry.dispatch(invocation, self.services)
        else:  # answer directly unless it takes longer than DEFER_AFTER
            task = asyncio.ensure_future(self.registry.dispatch(invocation, self.services))
            deferred = not (await asyncio.wait({task}, timeout=DEFER_AFTER))[0]
            if deferred:
                await interaction.response.defer(thinking=True)
            reply = await task
        if deferred and (reply.ephemeral or reply.error):
            # The public "thinking..." message would become the answer: remove it, so the
            # follow-up can be seen by the asker alone.
            with contextlib.suppress(discord.HTTPException):
                await interaction.delete_original_response()
        await self.respond(interaction, reply)

    async def respond(self, interaction: discord.Interaction, reply: Reply) -> None:
        """Answer an interaction (or follow up a deferred one); errors are ephemeral."""
        ephemeral = reply.ephemeral or reply.error

        async def send(page: Page, view: Pager | None) -> discord.Message | discord.WebhookMessage | None:
            extra: dict[str, Any] = {"view": view} if view is not None else {}
            if not interaction.response.is_done():
                await interaction.response.send_message(
                    content=page.content, embeds=list(page.embeds), ephemeral=ephemeral,
                    allowed_mentions=NO_MENTIONS, **extra,
                )
                return await interaction.original_response() if view is not None else None
            return await interaction.followup.send(
                content=page.content or discord.utils.MISSING, embeds=list(page.embeds), ephemeral=ephemeral,
                allowed_mentions=NO_MENTIONS, wait=True, **extra,
            )

        await self._post(render(reply), send)

    @staticmethod
    async def _post(
        pages: list[Page],
        send: Callable[[Page, Pager | None], Awaitable[discord.Message | discord.WebhookMessage | None]],
    ) -> None:
        """Short replies as consecutive messages; long ones as one message paged by buttons."""
        if len(pages) <= MAX_SPLIT:
            for page in pages:
                await send(page, None)
            return
        pager = Pager(pages)
        pager.message = await send(pager.page, pager)

    async def article_choices(self, interaction: discord.Interaction,
                              current: str) -> list[app_commands.Choice[str]]:
        """Up to 25 newest articles whose title contains what the user typed (value: the id)."""
        needle = current.casefold().strip()
        found: list[app_commands.Choice[str]] = []
        for article in self.services.corpus.articles():
            if needle in article.title.casefold():
                name = _describe(article.title, article.id)
                found.append(app_commands.Choice(name=name, value=article.id))
                if len(found) == MAX_CHOICES:
                    break
        return found

    # -- errors ----------------------------------------------------------------------------------

    async def _on_app_command_error(self, interaction: discord.Interaction,
                                    error: app_commands.AppCommandError) -> None:
        """A failure inside a slash command: logged, the user gets one short ephemeral line."""
        if isinstance(error, app_commands.TransformerError | app_commands.CheckFailure):
            message = "That option value is not valid here."
        else:
            log.error("slash command failed", exc_info=error)
            message = "Something went wrong; it has been logged."
        try:
            await self.respond(interaction, Reply.failure(message))
        except discord.HTTPException:
            log.warning("could not report a slash command error to Discord")

    async def on_command_error(self, context: commands.Context[commands.Bot],  # type: ignore[override]
                               exception: commands.CommandError, /) -> None:
        """Prefix-command failures: a short line in the channel, the traceback only in the log."""
        if isinstance(exception, commands.CommandNotFound):
            word = context.invoked_with or ""
            if not _COMMAND_WORD.fullmatch(word):
                return  # "!!!" or "! hi" is not an attempt at a command
            message = unknown_command(word, self.typed_spelling(context))
        else:
            log.error("prefix command failed", exc_info=exception)
            message = "Something went wrong; it has been logged."
        try:
            await self._post(render(Reply.failure(message)), lambda page, view: _send(context, page, view))
        except discord.HTTPException:
            log.warning("could not report a prefix command error to Discord")


async def _send(ctx: commands.Context[Any], page: Page, view: Pager | None,
                reference: discord.MessageReference | None = None) -> discord.Message:
    extra: dict[str, Any] = {"view": view} if view is not None else {}
    if reference is not None:
        extra["reference"] = reference
    return await ctx.send(content=page.content, embeds=list(page.embeds), allowed_mentions=NO_MENTIONS,
                          mention_author=False, **extra)


Beside = Callable[["NewsBot"], AbstractAsyncContextManager[object]]


async def serve(settings: Settings, token: Secret, registry: Registry, services: Services, *,
                stop: asyncio.Event | None = None, beside: Beside | None = None) -> None:
    """Connect and serve until ``stop`` is set; without the Message Content intent, fall back to
    slash commands and mentions. Once logged in, ``beside(bot)`` runs for as long as the bot serves."""
    stop = stop or asyncio.Event()
    for message_content in (True, False):
        bot = NewsBot(registry, services, prefix=settings.prefix, guild_id=settings.discord_guild_id,
                      message_content=message_content, shard=settings.discord_shard)
        try:
            await _serve_until(bot, token, stop, beside)
            return
        except discord.PrivilegedIntentsRequired:
            if not message_content:
                raise
            log.warning("the Message Content intent is not enabled for this bot; prefix commands "
                        "work only when mentioning the bot. Enable it in the Developer Portal "
                        "(Bot > Privileged Gateway Intents) for %scommands.", settings.prefix)


async def _serve_until(bot: NewsBot, token: Secret, stop: asyncio.Event, beside: Beside | None) -> None:
    """Log in, then keep the gateway connection with ``beside(bot)`` until ``stop`` or the connection
    ends; ``beside`` is left first, then the commands under way are answered (``SHUTDOWN_GRACE``
    seconds at most), while the bot's session can still post."""
    async with bot:
        try:
            await bot.login(token.reveal())
        except discord.LoginFailure:
            raise ConfigError("Discord rejected DISCORD_TOKEN") from None
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach Discord at {discord.http.Route.BASE}: {exc}") from None
        connection = asyncio.create_task(bot.connect())
        try:
            async with beside(bot) if beside is not None else contextlib.nullcontext():
                stopped = asyncio.create_task(stop.wait())
                await asyncio.wait({connection, stopped}, return_when=asyncio.FIRST_COMPLETED)
                stopped.cancel()
                if connection.done():
                    connection.result()  # its error (a refused intent), if any
        finally:
            await bot.inflight.drain()
            await bot.close()
            await asyncio.gather(connection, return_exceptions=True)
