"""The Slack adapter: registry commands as slash commands and ``@newsdigest`` mentions (slack-bolt).

``build_app`` turns a ``Registry`` into a bolt ``AsyncApp``: one slash command per registry command
(``/summary``, ``/incident``... names configurable) and an ``app_mention`` listener that answers
``@newsdigest summary ...`` in a thread. Every request is acknowledged at once, parsed by the
registry's one parser, dispatched, rendered to Block Kit (``slack_render``) and answered with
``respond()`` or ``chat.postMessage``. Channel managers (workspace admins and owners, or
``NEWSDIGEST_SLACK_MANAGERS``) manage a channel only in that channel, never in a direct message.
``run`` serves it over Socket Mode (``SLACK_APP_TOKEN``) or
HTTP (``SLACK_SIGNING_SECRET``, ``/slack/events`` on 127.0.0.1 unless told otherwise; see
``slack_http``); the runtime runs the scheduler beside it, posting through ``SlackSender``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import secrets
from collections import OrderedDict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from aiohttp import ClientError, web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack_checks import ChannelCheck, ManagerCheck
from bot.adapters.slack_client import error_code, web_client
from bot.adapters.slack_groups import SlackUserGroups
from bot.adapters.slack_http import EVENTS_PATH, events_app
from bot.adapters.slack_render import SlackMessage, render, unescape_incoming
from bot.config import ConfigError, Secret, Settings
from bot.core.app import build_registry
from bot.core.inflight import InFlight
from bot.core.registry import ManagerStatus, Registry
from bot.core.reply import Reply
from bot.core.services import Services
from bot.core.spelling import Spelling
from bot.store import Store

__all__ = [
    "ManagerCheck",
    "SlackOptions",
    "build_app",
    "check_settings",
    "serve",
    "slash_names",
]

log = logging.getLogger(__name__)

MAX_REPLY_MESSAGES = 5  # a response_url accepts five posts
# Slack's own commands cannot be overridden (https://slack.com/help/articles/201259356).
_BUILT_IN_RENAMES = {"help": "newshelp", "search": "newssearch", "feed": "newsfeed", "remind": "newsremind"}
_SLASH_NAME = re.compile(r"^/[a-z0-9][a-z0-9_.-]{0,31}$")
_MENTION_MARKS = "!/"  # a mention may type a command as on Discord (!summary) or as a slash command


def slash_names(registry: Registry, prefix: str = "", overrides: Mapping[str, str] | None = None
                ) -> dict[str, str]:
    """Registry command name -> slash command (``/summary``).

    ``overrides`` maps a command to its own slash name; otherwise ``prefix`` + name, where names
    Slack keeps for itself (``/help``, ``/search``) become ``/newshelp``, ``/newssearch``.
    """
    overrides = overrides or {}
    unknown = set(overrides) - {c.name for c in registry.commands()}
    if unknown:
        raise ConfigError(f"Slack command names given for unknown commands: {', '.join(sorted(unknown))}")
    names: dict[str, str] = {}
    for command in registry.commands():
        slash = overrides.get(command.name) or (
            f"/{prefix}{command.name}" if prefix else f"/{_BUILT_IN_RENAMES.get(command.name, command.name)}")
        slash = slash if slash.startswith("/") else f"/{slash}"
        if not _SLASH_NAME.match(slash):
            raise ConfigError(f"{slash!r} is not a valid Slack command (lowercase, at most 32 characters)")
        if slash in names.values():
            raise ConfigError(f"two commands would share the Slack command {slash}")
        names[command.name] = slash
    return names


@dataclass(frozen=True)
class SlackOptions:
    """The Slack adapter's settings (tokens stay ``Secret`` until the one call that needs them)."""

    bot_token: Secret
    signing_secret: Secret | None = None
    app_token: Secret | None = None
    api_url: str | None = None
    managers: frozenset[str] = frozenset()
    owners: frozenset[str] = frozenset()  # the operator's Slack user ids (NEWSDIGEST_OWNERS)
    command_prefix: str = ""
    command_overrides: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings) -> SlackOptions:
        """Options from ``Settings``; raises ``ConfigError`` without ``SLACK_BOT_TOKEN``."""
        if settings.slack_bot_token is None:
            raise ConfigError("SLACK_BOT_TOKEN is not set (the app's Bot User OAuth Token, xoxb-...)")
        return cls(
            bot_token=settings.slack_bot_token,
            signing_secret=settings.slack_signing_secret,
            app_token=settings.slack_app_token,
            api_url=settings.slack_api_url,
            managers=frozenset(settings.slack_managers),
            owners=settings.owner_ids("slack"),
            command_prefix=settings.slack_command_prefix,
            command_overrides=dict(settings.slack_commands),
        )


class _Bridge:
    """Turns Slack requests into registry invocations and replies into Slack messages."""

    def __init__(self, registry: Registry, services: Any, *, managers: ManagerCheck, channels: ChannelCheck,
                 groups: SlackUserGroups, inflight: InFlight, spelling: Spelling,
                 owners: Collection[str] = ()) -> None:
        self.registry = registry
        self.spelling = spelling
        self.inflight = inflight
        self.services = services
        self.managers = managers
        self.channels = channels
        self.owners = frozenset(owners)
        self.groups = groups
        self._seen_events: OrderedDict[str, None] = OrderedDict()

    async def answer(self, line: str, *, channel: str, user: str, workspace: str | None,
                     extra: Mapping[str, Any]) -> Reply:
        """Parse (the registry's one parser) and run one command line for a Slack user (a channel
        manager only in a channel, never in a direct message or a group DM).

        A slash command names its conversation (``channel_name``); an event does not, so Slack is
        asked what the conversation is."""
        channel_name = extra.get("channel_name")

        async def is_manager() -> ManagerStatus:  # looked up only for commands that need it
            if channel_name is not None:
                in_channel: ManagerStatus = not direct_message(channel, channel_name)
            else:
                in_channel = await self.channels(channel)
            return await self.managers(user) if in_channel is True else in_channel

        return await self.registry.run_line(
            line, self.services, platform="slack", channel=channel, user=user, workspace=workspace,
            is_manager=is_manager, is_owner=user in self.owners, extra=extra, groups=self.groups,
            spelling=self.spelling,
        )

    async def slash(self, command_name: str, payload: Mapping[str, Any], respond: AsyncRespond) -> None:
        """Answer a slash command through its ``response_url``."""
        async with self.inflight.answering():
            await self._slash(command_name, payload, respond)

    async def _slash(self, command_name: str, payload: Mapping[str, Any], respond: AsyncRespond) -> None:
        try:
            reply = await self.answer(
                f"{command_name} {unescape_incoming(str(payload.get('text', '')))}",
                channel=str(payload.get("channel_id", "")), user=str(payload.get("user_id", "")),
                workspace=payload.get("team_id"), extra={"channel_name": payload.get("channel_name")},
            )
        except Exception:
            log.exception("slack: /%s failed", command_name)
            reply = Reply.failure(f"Something went wrong running {command_name}; it has been logged.")
        response_type = "ephemeral" if reply.ephemeral else "in_channel"
        for message in render(reply, max_messages=MAX_REPLY_MESSAGES):
            try:
                await respond(text=message.text, blocks=message.blocks, response_type=response_type,
                              unfurl_links=False, unfurl_media=False)
            except Exception as exc:
                log.warning("slack: could not answer /%s: %s", command_name, error_code(exc))
                return

    def first_delivery(self, event_id: str | None) -> bool:
        """False for an event Slack delivers again (a retry of one already being answered)."""
        if not event_id:
            return True
        if event_id in self._seen_events:
            return False
        self._seen_events[event_id] = None
        while len(self._seen_events) > 1000:
            self._seen_events.popitem(last=False)
        return True

    async def mention(self, event: Mapping[str, Any], body: Mapping[str, Any], client: AsyncWebClient,
                      bot_user_id: str | None) -> None:
        """Answer ``@newsdigest summary ...`` in the thread of the mention."""
        if event.get("bot_id") or not self.first_delivery(body.get("event_id")):
            return
        async with self.inflight.answering():
            await self._mention(event, body, client, bot_user_id)

    async def _mention(self, event: Mapping[str, Any], body: Mapping[str, Any], client: AsyncWebClient,
                       bot_user_id: str | None) -> None:
        channel, user = str(event.get("channel", "")), str(event.get("user", ""))
        thread_ts = str(event.get("thread_ts") or event.get("ts"))
        line = command_text(str(event.get("text", "")), bot_user_id) or "help"
        try:
            reply = await self.answer(line, channel=channel, user=user,
                                      workspace=body.get("team_id") or event.get("team"),
                                      extra={"thread_ts": thread_ts})
        except Exception:
            log.exception("slack: mention %r failed", line)
            reply = Reply.failure("Something went wrong; it has been logged.")
        for message in render(reply, max_messages=MAX_REPLY_MESSAGES):
            try:
                await self._post(client, message, channel=channel, user=user, thread_ts=thread_ts,
                                 ephemeral=reply.ephemeral)
            except (SlackClientError, ClientError, TimeoutError) as exc:
                log.warning("slack: could not answer a mention in %s: %s", channel, error_code(exc))
                return

    @staticmethod
    async def _post(client: AsyncWebClient, message: SlackMessage, *, channel: str, user: str,
                    thread_ts: str, ephemeral: bool) -> None:
        if ephemeral:
            await client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts,
                                            text=message.text, blocks=message.blocks)
        else:
            await client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=message.text,
                                          blocks=message.blocks, unfurl_links=False, unfurl_media=False)


def direct_message(channel: str, channel_name: object = None) -> bool:
    """Whether a Slack conversation is a direct message (``D...``) or a group DM (``mpdm-...``)."""
    name = str(channel_name or "")
    return channel.startswith("D") or name == "directmessage" or name.startswith("mpdm-")


_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


def command_text(text: str, bot_user_id: str | None) -> str:
    """The command line in a mention: what follows the bot's mention (``<@U0BOT> /newssearch x``
    -> ``/newssearch x``, which the registry reads with the Slack spelling); empty when that is
    nothing but a ``!`` or ``/``."""
    mentions = [m for m in _MENTION.finditer(text) if bot_user_id in (None, m.group(1))]
    rest = unescape_incoming(text[mentions[0].end():] if mentions else text).strip()
    return rest if rest.strip(_MENTION_MARKS).strip() else ""


class SlashCommandListener:
    """The bolt listener of one slash command: ack at once, then answer."""

    def __init__(self, bridge: _Bridge, command: str, slash: str) -> None:
        self.bridge = bridge
        self.command = command
        self.slash = slash

    async def __call__(self, ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        await self.bridge.slash(self.command, command, respond)


class MentionListener:
    """The bolt listener of ``app_mention`` events."""

    def __init__(self, bridge: _Bridge) -> None:
        self.bridge = bridge

    async def __call__(self, event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient,
                       context: dict[str, Any]) -> None:
        await self.bridge.mention(event, body, client, context.get("bot_user_id"))


async def _log_error(error: Exception, body: dict[str, Any]) -> None:
    """Bolt's global error handler: log, never show a traceback in Slack."""
    log.error("slack: unhandled %s for a %s request", type(error).__name__, body.get("type", "slash"),
              exc_info=error)


def build_app(
    registry: Registry,
    services: Any,
    client: AsyncWebClient,
    *,
    signing_secret: Secret | None = None,
    managers: Collection[str] = (),
    owners: Collection[str] = (),
    command_prefix: str = "",
    command_overrides: Mapping[str, str] | None = None,
    inflight: InFlight | None = None,
) -> AsyncApp:
    """A bolt ``AsyncApp`` serving ``registry``: its slash commands and ``@mentions`` (each answer
    counted in ``inflight``, for a stopping ``serve`` to wait for).

    Without ``signing_secret`` (Socket Mode) HTTP requests are still verified, against a random
    secret nobody knows, so an app served over HTTP by mistake rejects every request.
    """
    secret = signing_secret.reveal() if signing_secret else secrets.token_hex(32)
    app = AsyncApp(client=client, signing_secret=secret, name="newsdigest", logger=log)
    names = slash_names(registry, command_prefix, command_overrides)
    spelling = Spelling(prefixes=tuple(_MENTION_MARKS), names={slash: name for name, slash in names.items()})
    bridge = _Bridge(registry, services, managers=ManagerCheck(client, managers),
                     channels=ChannelCheck(client), groups=SlackUserGroups(client),
                     inflight=inflight or InFlight("slack"), spelling=spelling, owners=owners)
    for name, slash in names.items():
        app.command(slash)(SlashCommandListener(bridge, name, slash))
    app.event("app_mention")(MentionListener(bridge))
    app.error(_log_error)
    return app


def check_settings(settings: Settings, *, http: bool) -> None:
    """Raise ``ConfigError`` when a token or secret the mode needs is missing (before anything starts)."""
    _mode_secrets(SlackOptions.from_settings(settings), http=http)


def _mode_secrets(options: SlackOptions, *, http: bool) -> tuple[Secret | None, Secret | None]:
    """The signing secret (HTTP mode) or the app-level token (Socket Mode); the other is None."""
    if http:
        return _require(options.signing_secret, "SLACK_SIGNING_SECRET",
                        "HTTP mode checks requests with it"), None
    return None, _require(options.app_token, "SLACK_APP_TOKEN",
                          "an app-level token with connections:write, for Socket Mode")


def _require(secret: Secret | None, variable: str, purpose: str) -> Secret:
    if secret is None:
        raise ConfigError(f"{variable} is not set ({purpose})")
    return secret


async def _check_bot_token(client: AsyncWebClient) -> None:
    """Fail early, in one line, when Slack refuses ``SLACK_BOT_TOKEN`` or cannot be reached."""
    try:
        identity = await client.auth_test()
    except SlackApiError as exc:
        raise ConfigError(f"Slack refused SLACK_BOT_TOKEN: {error_code(exc)}") from None
    except (ClientError, TimeoutError) as exc:
        raise ConfigError(f"cannot reach the Slack API at {client.base_url}: {exc}") from None
    log.info("slack: signed in as %s in %s", identity.get("user"), identity.get("team"))


async def _listen(stack: contextlib.AsyncExitStack, app: AsyncApp, secret: Secret, store: Store | None,
                  *, host: str, port: int) -> None:
    """HTTP mode: serve ``/slack/events`` on ``host``:``port`` (the database remembers requests)."""
    if store is None:
        raise ConfigError("Slack's HTTP mode needs the database: it remembers signed requests so that "
                          "none is answered twice")
    runner = web.AppRunner(events_app(app, secret, store))
    await runner.setup()
    stack.push_async_callback(runner.cleanup)
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    log.info("slack: serving http://%s:%d%s", host, port, EVENTS_PATH)


async def _connect(stack: contextlib.AsyncExitStack, app: AsyncApp, app_token: Secret) -> None:
    """Socket Mode: open Slack's websocket with the app-level token.

    The first websocket URL is asked for here, so a refused token is one clear error; slack_sdk's
    client would log it and retry forever. Later reconnections are the client's job.
    """
    try:
        opened = await app.client.apps_connections_open(app_token=app_token.reveal())
    except SlackApiError as exc:
        raise ConfigError(f"Slack refused SLACK_APP_TOKEN: {error_code(exc)}") from None
    handler = AsyncSocketModeHandler(app, app_token.reveal())  # opens an aiohttp session
    stack.push_async_callback(handler.close_async)
    handler.client.wss_uri = str(opened["url"])
    await handler.connect_async()  # type: ignore[no-untyped-call]
    log.info("slack: connected over Socket Mode")


async def serve(settings: Settings, *, http: bool = False, host: str = "127.0.0.1", port: int = 3000,
                registry: Registry | None = None, services: Services | None = None,
                started: asyncio.Event | None = None, stop: asyncio.Event | None = None) -> None:
    """Run the Slack bot until ``stop`` is set; ``started`` is set once it is connected. On stop, the
    commands under way are answered (``SHUTDOWN_GRACE`` seconds at most) before the connection closes.

    Socket Mode needs ``SLACK_APP_TOKEN`` (xapp-...); HTTP mode needs ``SLACK_SIGNING_SECRET`` and
    serves ``/slack/events`` on ``host``:``port``. Missing or refused tokens raise ``ConfigError``.
    """
    options = SlackOptions.from_settings(settings)
    secret, app_token = _mode_secrets(options, http=http)
    client = web_client(options.bot_token.reveal(), options.api_url, retry_rate_limits=True)
    await _check_bot_token(client)
    services = services if services is not None else Services.build(settings)
    inflight = InFlight("slack")
    app = build_app(
        registry or build_registry(), services, client, signing_secret=secret, managers=options.managers,
        owners=options.owners, inflight=inflight,
        command_prefix=options.command_prefix, command_overrides=options.command_overrides,
    )
    stop = stop or asyncio.Event()
    async with contextlib.AsyncExitStack() as stack:
        if secret is not None:
            await _listen(stack, app, secret, services.store, host=host, port=port)
        elif app_token is not None:
            await _connect(stack, app, app_token)
        if started is not None:
            started.set()
        await stop.wait()
        await inflight.drain()
