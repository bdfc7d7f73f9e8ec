"""A small fake Discord (REST + gateway) on 127.0.0.1 for running the real discord.py client.

Point discord.py at it with ``discord.http.Route.BASE = fake.api_base`` and
``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)`` (the
``fake_discord`` fixture does both). After the client IDENTIFYs, the fake sends READY and one
GUILD_CREATE (guild ``GUILD_ID`` with channel ``CHANNEL_ID``, an ``@everyone`` role and an
``editors`` role holding Manage Channels, an ``Analysts`` role anyone may mention, a ``Quiet``
role nobody may, and the bot's own role holding ``bot_permissions``). Tests push
MESSAGE_CREATE and INTERACTION_CREATE with ``send_message`` / ``send_interaction`` and assert the
REST calls recorded in ``requests``. ``drop_gateway`` closes the gateway connection as an outage
does and holds every RESUME until ``restore_gateway``; events dispatched meanwhile are kept, and a
client that resumes its session (discord.py tries at once on a resumable close code) then gets
every event after the sequence number it sent, and RESUMED, as Discord replays missed events.
Payloads over Discord's limits get Discord's 400. A message with ``enforce_nonce`` and a nonce
already used in that channel gets the message created then (Discord does so for a few minutes;
the fake keeps it for good). Payload shapes follow discord.py 2.7's ``types/gateway.py``.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from collections import deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import discord
import pytest
import yarl
from aiohttp import WSMsgType, web

APPLICATION_ID = 900_000_000_000_000_001
BOT_ID = APPLICATION_ID
GUILD_ID = 900_000_000_000_000_010
CHANNEL_ID = 900_000_000_000_000_020
EDITOR_ROLE_ID = 900_000_000_000_000_030
USER_ID = 900_000_000_000_000_040  # a member without Manage Channels
EDITOR_ID = 900_000_000_000_000_050  # a member holding the editors role
DM_CHANNEL_ID = 900_000_000_000_000_060  # a direct-message channel between USER_ID and the bot
ANALYST_ROLE_ID = 900_000_000_000_000_070  # a role without permissions that anyone may mention
QUIET_ROLE_ID = 900_000_000_000_000_080  # a role nobody may mention (without Mention Everyone)
BOT_ROLE_ID = 900_000_000_000_000_090  # the bot's own role, holding ``FakeDiscord.bot_permissions``

VIEW_AND_SEND = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 16)  # view, send, embed links, history
MANAGE_CHANNELS = 1 << 4
MENTION_EVERYONE = 1 << 17
TIMESTAMP = "2026-01-05T08:00:00.000000+00:00"

_snowflakes = itertools.count(910_000_000_000_000_000)


def snowflake() -> str:
    """A fresh id."""
    return str(next(_snowflakes))


def user_payload(user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    """A Discord user object."""
    return {"id": str(user_id), "username": name, "global_name": name, "discriminator": "0",
            "avatar": None, "bot": bot, "public_flags": 0}


def member_payload(user_id: int, name: str, roles: list[int]) -> dict[str, Any]:
    """A guild member object with its user."""
    return {"user": user_payload(user_id, name), "roles": [str(r) for r in roles], "joined_at": TIMESTAMP,
            "deaf": False, "mute": False, "flags": 0, "nick": None}


def role_payload(role_id: int, name: str, permissions: int, position: int, *,
                 mentionable: bool = False) -> dict[str, Any]:
    """A role object."""
    return {"id": str(role_id), "name": name, "permissions": str(permissions), "position": position,
            "color": 0, "hoist": False, "managed": False, "mentionable": mentionable, "flags": 0}


def guild_payload(bot_permissions: int = VIEW_AND_SEND) -> dict[str, Any]:
    """The GUILD_CREATE payload of the one test guild (the bot's role holds ``bot_permissions``)."""
    channel = {"id": str(CHANNEL_ID), "type": 0, "name": "news", "position": 0, "guild_id": str(GUILD_ID),
               "permission_overwrites": [], "nsfw": False, "topic": None, "last_message_id": None,
               "rate_limit_per_user": 0, "parent_id": None}
    return {
        "id": str(GUILD_ID), "name": "newsroom", "icon": None, "owner_id": "1", "unavailable": False,
        "large": False, "member_count": 3, "features": [], "emojis": [], "stickers": [], "threads": [],
        "voice_states": [], "presences": [], "stage_instances": [], "guild_scheduled_events": [],
        "soundboard_sounds": [], "verification_level": 0, "default_message_notifications": 0,
        "explicit_content_filter": 0, "mfa_level": 0, "nsfw_level": 0, "premium_tier": 0,
        "preferred_locale": "en-US", "system_channel_flags": 0, "joined_at": TIMESTAMP,
        "roles": [role_payload(GUILD_ID, "@everyone", VIEW_AND_SEND, 0),
                  role_payload(EDITOR_ROLE_ID, "editors", VIEW_AND_SEND | MANAGE_CHANNELS, 1),
                  role_payload(ANALYST_ROLE_ID, "Analysts", VIEW_AND_SEND, 2, mentionable=True),
                  role_payload(QUIET_ROLE_ID, "Quiet", VIEW_AND_SEND, 3),
                  role_payload(BOT_ROLE_ID, "newsdigest", bot_permissions, 4)],
        "channels": [channel],
        "members": [member_payload(USER_ID, "reader", []),
                    member_payload(EDITOR_ID, "editor", [EDITOR_ROLE_ID]),
                    member_payload(BOT_ID, "newsdigest", [BOT_ROLE_ID])],
    }


@dataclass
class Recorded:
    """One REST request the client made."""

    method: str
    path: str
    query: dict[str, str]
    body: Any


@dataclass
class FakeDiscord:
    """The fake server. Use ``async with FakeDiscord() as fake:``."""

    requests: list[Recorded] = field(default_factory=list)
    created: list[dict[str, Any]] = field(default_factory=list)  # every message the bot made, in order
    _nonces: dict[tuple[str, Any], dict[str, Any]] = field(default_factory=dict)
    identify: dict[str, Any] | None = None
    refused_intents: int = 0  # IDENTIFY asking for any of these is closed with 4014 (not enabled)
    bot_permissions: int = VIEW_AND_SEND  # what the bot's role allows in the test guild
    # Scripted failures: path prefix -> queue of (status, headers, body) answered before normal service;
    # status 0 lets one request through.
    failures: dict[str, deque[tuple[int, dict[str, str], Any]]] = field(default_factory=dict)
    _originals: dict[str, dict[str, Any]] = field(default_factory=dict)  # interaction token -> message
    _runner: web.AppRunner | None = None
    _port: int = 0
    _sockets: list[web.WebSocketResponse] = field(default_factory=list)
    _sequence: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _dispatched: list[tuple[int, str]] = field(default_factory=list)  # (sequence, event) for resumes
    resumes: list[dict[str, Any]] = field(default_factory=list)  # every RESUME payload answered
    _gateway_up: asyncio.Event = field(default_factory=asyncio.Event)  # cleared during an outage
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)
    _ready: asyncio.Event = field(default_factory=asyncio.Event)

    async def __aenter__(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = self._runner.addresses[0][1]
        self._gateway_up.set()
        return self

    async def __aexit__(self, *exc: object) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        """The value for ``discord.http.Route.BASE``."""
        return f"http://127.0.0.1:{self._port}/api/v10"

    @property
    def gateway_url(self) -> str:
        """The value for ``DiscordWebSocket.DEFAULT_GATEWAY``."""
        return f"ws://127.0.0.1:{self._port}/gateway"

    # -- scripting -------------------------------------------------------------------------------

    def fail_next(self, path_prefix: str, status: int, *, headers: dict[str, str] | None = None,
                  body: Any = None, times: int = 1, after: int = 0) -> None:
        """Answer ``times`` requests whose path starts with ``path_prefix`` with an error, once ``after``
        more such requests have been served normally."""
        queue = self.failures.setdefault(path_prefix, deque())
        payload = body if body is not None else {"message": "scripted failure", "code": 0}
        queue.extend([(0, {}, None)] * after)
        queue.extend([(status, headers or {}, payload)] * times)

    def rate_limit_next(self, path_prefix: str, retry_after: float, *, times: int = 1,
                        after: int = 0) -> None:
        """Answer with Discord's 429 (``Retry-After`` header, ``retry_after`` in the body, ``Via``)."""
        self.fail_next(
            path_prefix, 429, times=times, after=after,
            headers={"Retry-After": f"{retry_after:g}", "Via": "1.1 google",
                     "X-RateLimit-Scope": "user"},
            body={"message": "You are being rate limited.", "retry_after": retry_after, "global": False},
        )

    async def wait_ready(self, timeout: float = 10) -> None:
        """Wait until a client has identified and received READY."""
        await asyncio.wait_for(self._ready.wait(), timeout)

    async def wait_for(self, predicate: Callable[[Recorded], bool], *, count: int = 1,
                       timeout: float = 60) -> list[Recorded]:
        """Wait until ``count`` recorded requests match ``predicate``; return them."""
        async def matched() -> list[Recorded]:
            async with self._changed:
                await self._changed.wait_for(lambda: len([r for r in self.requests if predicate(r)]) >= count)
                return [r for r in self.requests if predicate(r)]
        return await asyncio.wait_for(matched(), timeout)

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a DISPATCH event to every connected client (kept for a client that resumes)."""
        sequence = next(self._sequence)
        message = json.dumps({"op": 0, "t": event, "s": sequence, "d": data})
        self._dispatched.append((sequence, message))
        for ws in list(self._sockets):
            await ws.send_str(message)

    async def drop_gateway(self, code: int = 4000) -> None:
        """Close every gateway connection with ``code`` (4000: Discord's resumable "unknown error");
        events dispatched until a client resumes reach nobody until then."""
        self._gateway_up.clear()
        dropped, self._sockets[:] = list(self._sockets), []
        for ws in dropped:
            await ws.close(code=code, message=b"gateway outage")

    def restore_gateway(self) -> None:
        """End the outage: held and later RESUMEs are answered."""
        self._gateway_up.set()

    async def wait_resumed(self, count: int = 1, timeout: float = 60) -> None:
        """Wait until clients have resumed ``count`` times in all."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: len(self.resumes) >= count), timeout)

    async def send_message(self, content: str, *, author_id: int = USER_ID, name: str = "reader",
                           roles: tuple[int, ...] = (), direct: bool = False) -> str:
        """Push a MESSAGE_CREATE in the test channel from a member (``direct``: in a direct message
        to the bot, ``DM_CHANNEL_ID``); return the message id."""
        message_id = snowflake()
        member = member_payload(author_id, name, list(roles))
        where: dict[str, Any] = ({"channel_id": str(DM_CHANNEL_ID)} if direct else
                                 {"channel_id": str(CHANNEL_ID), "guild_id": str(GUILD_ID), "member": member})
        await self.dispatch("MESSAGE_CREATE", where | {
            "id": message_id, "author": member.pop("user"), "content": content, "timestamp": TIMESTAMP,
            "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [],
            "mention_roles": [], "attachments": [], "embeds": [], "pinned": False, "type": 0, "flags": 0,
        })
        return message_id

    async def send_interaction(self, kind: int, data: dict[str, Any], *, user_id: int = USER_ID,
                               name: str = "reader", permissions: int = VIEW_AND_SEND,
                               message: dict[str, Any] | None = None, direct: bool = False) -> str:
        """Push an INTERACTION_CREATE (2 command, 3 component, 4 autocomplete); return its token.
        ``direct``: used in a direct message with the bot."""
        token = "itoken-" + snowflake()
        member = member_payload(user_id, name, [])
        member["permissions"] = str(permissions)
        payload: dict[str, Any] = {
            "id": snowflake(), "application_id": str(APPLICATION_ID), "type": kind, "data": data,
            "guild_id": str(GUILD_ID), "channel_id": str(CHANNEL_ID),
            "channel": {"id": str(CHANNEL_ID), "type": 0, "name": "news", "guild_id": str(GUILD_ID),
                        "position": 0, "permission_overwrites": [], "nsfw": False, "parent_id": None},
            "member": member, "token": token, "version": 1, "app_permissions": str(VIEW_AND_SEND),
            "locale": "en-US", "guild_locale": "en-US", "entitlements": [], "context": 0,
            "authorizing_integration_owners": {"0": str(GUILD_ID)}, "attachment_size_limit": 8_388_608,
        }
        if message is not None:
            payload["message"] = message
        if direct:
            for key in ("guild_id", "member", "guild_locale"):
                del payload[key]
            payload |= {"user": member["user"], "channel_id": str(DM_CHANNEL_ID), "context": 1,
                        "channel": {"id": str(DM_CHANNEL_ID), "type": 1, "recipients": [member["user"]]},
                        "authorizing_integration_owners": {"0": str(GUILD_ID)}}
        await self.dispatch("INTERACTION_CREATE", payload)
        return token

    def posted(self, path_part: str) -> list[Recorded]:
        """Requests whose path contains ``path_part`` (e.g. ``/messages`` or a token)."""
        return [r for r in self.requests if path_part in r.path and r.method in {"POST", "PATCH", "PUT"}]

    # -- gateway ---------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 45_000}})
        async for frame in ws:
            if frame.type is not WSMsgType.TEXT:
                continue
            packet = json.loads(frame.data)
            if packet["op"] == 1:  # heartbeat
                await ws.send_json({"op": 11})
            elif packet["op"] == 6:  # resume: replay what the client missed, then RESUMED
                await self._gateway_up.wait()
                missed = [message for sequence, message in self._dispatched if sequence > packet["d"]["seq"]]
                self._sockets.append(ws)  # no await since the snapshot: each event is sent once
                for message in missed:
                    await ws.send_str(message)
                await ws.send_str(json.dumps({"op": 0, "t": "RESUMED", "s": next(self._sequence), "d": {}}))
                async with self._changed:
                    self.resumes.append(packet["d"])
                    self._changed.notify_all()
            elif packet["op"] == 2:  # identify
                self.identify = packet["d"]
                if packet["d"].get("intents", 0) & self.refused_intents:
                    await ws.close(code=4014, message=b"Disallowed intent(s).")
                else:
                    self._sockets.append(ws)
                    await self._send_ready(ws)
        if ws in self._sockets:  # not dropped by drop_gateway
            self._sockets.remove(ws)
        return ws

    async def _send_ready(self, ws: web.WebSocketResponse) -> None:
        ready = {
            "v": 10,
            "user": user_payload(BOT_ID, "newsdigest", bot=True) | {"verified": True, "mfa_enabled": False},
            "guilds": [{"id": str(GUILD_ID), "unavailable": True}], "session_id": "fake-session",
            "resume_gateway_url": self.gateway_url, "shard": [0, 1],
            "application": {"id": str(APPLICATION_ID), "flags": 0},
        }
        await ws.send_str(json.dumps({"op": 0, "t": "READY", "s": next(self._sequence), "d": ready}))
        await ws.send_str(json.dumps({"op": 0, "t": "GUILD_CREATE", "s": next(self._sequence),
                                      "d": guild_payload(self.bot_permissions)}))
        self._ready.set()

    # -- REST ------------------------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["path"]
        body: Any = None
        if request.can_read_body:
            raw = await request.read()
            if request.content_type == "application/json":
                body = json.loads(raw)
            elif request.content_type.startswith("multipart/"):
                body = {"multipart": raw.decode("utf-8", "replace")}
        async with self._changed:
            self.requests.append(Recorded(request.method, path, dict(request.query), body))
            self._changed.notify_all()
        for prefix, queue in self.failures.items():
            if path.startswith(prefix) and queue:
                status, headers, payload = queue.popleft()
                if status:
                    return _json(payload, status=status, headers=headers)
                break
        problem = _invalid(path, body) if request.method in {"POST", "PATCH", "PUT"} else None
        if problem is not None:  # what Discord answers to a payload over its limits
            return _json({"code": 50035, "message": f"Invalid Form Body: {problem}"}, status=400)
        return _json(self._answer(request.method, path, body))

    def _answer(self, method: str, path: str, body: Any) -> Any:
        parts = path.strip("/").split("/")
        if path == "/users/@me":
            return user_payload(BOT_ID, "newsdigest", bot=True)
        if path == "/oauth2/applications/@me":
            return {"id": str(APPLICATION_ID), "name": "newsdigest", "description": "", "icon": None,
                    "bot_public": True, "bot_require_code_grant": False, "verify_key": "0" * 64,
                    "owner": user_payload(1, "owner"), "flags": 0}
        if parts[0] == "applications" and parts[-1] == "commands" and method == "PUT":
            return [command | {"id": snowflake(), "application_id": str(APPLICATION_ID), "version": "1"}
                    for command in body]
        if parts[0] == "channels" and parts[-1] == "messages" and method == "POST":
            nonce = (parts[1], body.get("nonce")) if body.get("enforce_nonce") else None
            if nonce in self._nonces:
                return self._nonces[nonce]
            message = self._message(int(parts[1]), body)
            if nonce is not None:
                self._nonces[nonce] = message
            return message
        if parts[0] == "interactions" and parts[-1] == "callback":
            kind = body["type"] if isinstance(body, dict) else 4
            data = (body.get("data") if isinstance(body, dict) else None) or {}
            message = self._message(CHANNEL_ID, data)
            self._originals[parts[2]] = message
            resource: dict[str, Any] = {"type": kind}
            if kind in (4, 7):
                resource["message"] = message
            return {"interaction": {"id": parts[1], "type": 2, "response_message_id": message["id"],
                                    "response_message_loading": kind == 5,
                                    "response_message_ephemeral": bool((data.get("flags") or 0) & 64)},
                    "resource": resource}
        if parts[0] == "webhooks" and parts[-1] == "@original" and parts[2] in self._originals:
            return self._originals[parts[2]]
        if parts[0] == "webhooks":
            return self._message(CHANNEL_ID, body if isinstance(body, dict) else {})
        return {}

    def _message(self, channel_id: int, body: dict[str, Any]) -> dict[str, Any]:
        message = {
            "id": snowflake(), "channel_id": str(channel_id),
            "author": user_payload(BOT_ID, "newsdigest", bot=True),
            "content": body.get("content") or "", "embeds": body.get("embeds") or [],
            "components": body.get("components") or [], "timestamp": TIMESTAMP, "edited_timestamp": None,
            "tts": False, "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [],
            "pinned": False, "type": 0, "flags": body.get("flags") or 0,
        }
        self.created.append(message)
        return message


_COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")


def _invalid(path: str, body: Any) -> str | None:
    """Why Discord would refuse this payload (message or command limits), else None."""
    if path.endswith("/commands") and isinstance(body, list):
        return next(filter(None, map(_invalid_command, body)), None) if len(body) <= 100 else "commands"
    if not isinstance(body, dict):
        return None
    message = body.get("data") if path.endswith("/callback") else body
    return _invalid_message(message) if isinstance(message, dict) else None


def _invalid_command(command: dict[str, Any]) -> str | None:
    options = command.get("options", [])
    if not _COMMAND_NAME.match(command["name"]) or command["name"] != command["name"].lower():
        return f"name {command['name']!r}"
    if not 1 <= len(command.get("description", "")) <= 100 or len(options) > 25:
        return f"{command['name']}: description or option count"
    for option in options:
        if not _COMMAND_NAME.match(option["name"]) or not 1 <= len(option.get("description", "")) <= 100:
            return f"{command['name']}.{option['name']}"
        if len(option.get("choices", [])) > 25:
            return f"{command['name']}.{option['name']}: choices"
    return None


def _invalid_message(message: dict[str, Any]) -> str | None:
    embeds = message.get("embeds") or []
    if len(message.get("content") or "") > 2000 or len(embeds) > 10:
        return "content or embed count"
    total = 0
    for embed in embeds:
        fields = embed.get("fields", [])
        sizes = {"title": 256, "description": 4096}
        if any(len(embed.get(key) or "") > limit for key, limit in sizes.items()) or len(fields) > 25:
            return "embed title, description or field count"
        if any(len(f["name"]) > 256 or len(f["value"]) > 1024 or not f["name"] or not f["value"]
               for f in fields):
            return "embed field"
        footer = (embed.get("footer") or {}).get("text") or ""
        total += len(embed.get("title") or "") + len(embed.get("description") or "") + len(footer)
        total += sum(len(f["name"]) + len(f["value"]) for f in fields)
    return "embeds over 6000 characters" if total > 6000 else None


def _json(payload: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """A JSON answer with exactly ``Content-Type: application/json`` (discord.py checks it)."""
    response = web.Response(status=status, body=json.dumps(payload).encode(), headers=headers)
    response.headers["Content-Type"] = "application/json"
    return response


@pytest.fixture
async def fake_discord(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    """A fake Discord on 127.0.0.1 that discord.py's REST and gateway clients talk to."""
    async with FakeDiscord() as fake:
        monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base)
        monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url))
        yield fake
