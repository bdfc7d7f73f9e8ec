"""A small fake Slack Web API on 127.0.0.1 for running the real slack_sdk / slack_bolt clients.

Point a client at it with ``AsyncWebClient(token=..., base_url=fake.api_url)`` (the URL ends in
``/api/``, the trailing slash slack_sdk needs). It answers ``auth.test``, ``users.info`` (from
``users``), ``usergroups.list`` (from ``usergroups``, or ``usergroups_error``), ``chat.postMessage`` and
``chat.postEphemeral`` (recorded in ``calls``), ``conversations.info`` (from ``conversations``: public
channels unless ``add_conversation`` says otherwise; ``conversation_errors[channel]`` answers that
error, as Slack does without the scope to describe it), sinks posts to
``response_url(...)`` addresses, and answers ``apps.connections.open`` with a local websocket where
tests can push Socket Mode envelopes. ``rate_limit(method, times, retry_after)`` makes the next
calls answer HTTP 429 with ``Retry-After``; channels in ``missing_channels`` give ``channel_not_found``.
Posted messages are kept per channel with their ``metadata``; ``conversations.history`` lists them
newest first (metadata only with ``include_all_metadata``, as Slack does).
``fail(method, status, body, ...)`` makes the next calls answer a raw HTTP error (a proxy's HTML or
plain-text page) or stall (``delay``); ``channel_errors[channel]`` answers ``ok: false`` with that error.
``enterprise_id`` makes ``auth.test`` answer as an org-wide install in that Enterprise Grid organisation.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

TEAM_ID = "T0NEWS"
BOT_USER_ID = "U0BOT"
BOT_ID = "B0BOT"
PROXY_PAGE = "<html><body><h1>503 Service Unavailable</h1></body></html>"
ANALYSTS_GROUP_ID = "S0ANALYSTS"


async def serve_on_loopback(app: web.Application) -> tuple[web.AppRunner, int]:
    """Serve ``app`` on 127.0.0.1 at a free port; the caller cleans the runner up."""
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner, runner.addresses[0][1]


@dataclass(frozen=True)
class Fault:
    """A raw HTTP answer (status, body, content type), given after ``delay`` seconds."""

    status: int
    body: str
    content_type: str
    delay: float


@dataclass
class Call:
    """One recorded Web API call (or response_url post): its method and decoded payload."""

    method: str
    payload: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


class FakeSlackApi:
    """The fake server. Use ``async with FakeSlackApi() as fake:``."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.users: dict[str, dict[str, Any]] = {}
        self.missing_channels: set[str] = set()
        self.channel_errors: dict[str, str] = {}
        self.history: dict[str, list[dict[str, Any]]] = {}
        self.conversations: dict[str, dict[str, Any]] = {}
        self.conversation_errors: dict[str, str] = {}
        self.enterprise_id: str | None = None  # set: installed org-wide in this organisation
        self._faults: dict[str, list[Fault]] = {}
        self.usergroups: list[dict[str, Any]] = [
            {"id": ANALYSTS_GROUP_ID, "team_id": TEAM_ID, "handle": "analysts", "name": "Analysts",
             "is_usergroup": True, "date_delete": 0}]
        self.usergroups_error: str | None = None  # e.g. "missing_scope"
        self._rate_limits: dict[str, tuple[int, int, int]] = {}
        self._ts = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._sockets: list[web.WebSocketResponse] = []
        self._socket_acks: list[dict[str, Any]] = []
        self._changed = asyncio.Event()
        self.port = 0

    # ---- lifecycle -------------------------------------------------------------------------
    async def __aenter__(self) -> FakeSlackApi:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{key}", self._response_url)
        app.router.add_get("/socket", self._socket)
        self._runner, self.port = await serve_on_loopback(app)
        return self

    async def __aexit__(self, *exc: object) -> None:
        for socket in self._sockets:
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        """The Web API base URL, with its trailing slash."""
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, key: str = "1") -> str:
        """A response_url whose posts are recorded as method ``response_url``."""
        return f"http://127.0.0.1:{self.port}/response/{key}"

    # ---- configuration ---------------------------------------------------------------------
    def add_user(self, user_id: str, *, admin: bool = False, owner: bool = False, team: str = TEAM_ID,
                 **more: Any) -> None:
        """A member ``users.info`` knows about: of this workspace, or of the ``team`` of another
        organisation sharing a channel (``more``: other fields, e.g. ``is_stranger``)."""
        self.users[user_id] = {"id": user_id, "team_id": team, "name": user_id.lower(),
                               "is_admin": admin, "is_owner": owner, "is_primary_owner": False, **more}

    def add_conversation(self, channel_id: str, kind: str) -> None:
        """A conversation ``conversations.info`` describes: ``channel`` (public), ``group`` (private
        channel), ``mpim`` (group DM) or ``im`` (direct message), with the flags Slack sets for each."""
        self.conversations[channel_id] = {
            "id": channel_id, "is_channel": kind in {"channel", "group"}, "is_group": kind == "group",
            "is_private": kind != "channel", "is_im": kind == "im", "is_mpim": kind == "mpim"}

    def rate_limit(self, method: str, times: int = 1, retry_after: int = 7, *, after: int = 0) -> None:
        """After ``after`` more successful calls, the next ``times`` calls of ``method`` answer 429
        with ``Retry-After: retry_after``."""
        self._rate_limits[method] = (after, times, retry_after)

    def fail(self, method: str, status: int = 503, body: str = PROXY_PAGE, *, content_type: str = "text/html",
             times: int = 1, delay: float = 0.0) -> None:
        """The next ``times`` calls of ``method`` answer ``status`` with a raw ``body`` (not JSON),
        after ``delay`` seconds."""
        self._faults.setdefault(method, []).extend([Fault(status, body, content_type, delay)] * times)

    # ---- inspection ------------------------------------------------------------------------
    def calls_to(self, method: str) -> list[Call]:
        """Recorded calls of one method, in order."""
        return [call for call in self.calls if call.method == method]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 60.0) -> list[Call]:
        """Poll until ``count`` calls of ``method`` arrived (replies run after the ack); ``timeout``
        only ends a test that would otherwise hang, so it is generous for a loaded machine."""
        return await self._wait(lambda: self.calls_to(method), count, timeout, method)

    async def _wait(self, get: Callable[[], list[Any]], count: int, timeout: float, what: str) -> list[Any]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            self._changed.clear()
            found = get()
            if len(found) >= count:
                return found
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), max(deadline - loop.time(), 0))
            if loop.time() >= deadline and len(get()) < count:
                raise AssertionError(f"expected {count} x {what}, got {len(get())}: {self.calls!r}")

    def _record(self, call: Call) -> None:
        self.calls.append(call)
        self._changed.set()

    # ---- handlers --------------------------------------------------------------------------
    async def _payload(self, request: web.Request) -> dict[str, Any]:
        payload: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                payload.update(await request.json())
            else:
                payload.update(dict(await request.post()))
        for key in ("blocks", "attachments"):
            if isinstance(payload.get(key), str):
                payload[key] = json.loads(payload[key])
        return payload

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        payload = await self._payload(request)
        self._record(Call(method, payload, dict(request.headers)))
        faults = self._faults.get(method)
        if faults:
            fault = faults.pop(0)
            await asyncio.sleep(fault.delay)
            return web.Response(status=fault.status, text=fault.body, content_type=fault.content_type)
        after, times, retry_after = self._rate_limits.get(method, (0, 0, 0))
        if after > 0:
            self._rate_limits[method] = (after - 1, times, retry_after)
        elif times > 0:
            self._rate_limits[method] = (0, times - 1, retry_after)
            return web.json_response({"ok": False, "error": "ratelimited"}, status=429,
                                     headers={"Retry-After": str(retry_after)})
        if not request.headers.get("Authorization", "").startswith("Bearer x"):
            return web.json_response({"ok": False, "error": "not_authed"})
        return web.json_response(self._answer(method, payload))

    def _answer(self, method: str, payload: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            identity = {"ok": True, "url": "https://newsroom.example/", "team": "Newsroom",
                        "user": "newsdigest", "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID,
                        "is_enterprise_install": self.enterprise_id is not None}
            if self.enterprise_id is not None:
                identity["enterprise_id"] = self.enterprise_id
            return identity
        if method == "users.info":
            user = self.users.get(str(payload.get("user")))
            return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}
        if method == "conversations.info":
            channel = str(payload.get("channel"))
            if channel in self.conversation_errors:
                return {"ok": False, "error": self.conversation_errors[channel]}
            info = self.conversations.get(channel)
            return {"ok": True, "channel": info} if info else {"ok": False, "error": "channel_not_found"}
        if method == "usergroups.list":
            if self.usergroups_error:
                return {"ok": False, "error": self.usergroups_error}
            return {"ok": True, "usergroups": self.usergroups}
        if method in {"chat.postMessage", "chat.postEphemeral"}:
            channel = str(payload.get("channel"))
            if channel in self.missing_channels:
                return {"ok": False, "error": "channel_not_found"}
            if channel in self.channel_errors:
                return {"ok": False, "error": self.channel_errors[channel]}
            ts = f"1700000000.{next(self._ts):06d}"
            if method == "chat.postEphemeral":
                return {"ok": True, "message_ts": ts}
            message = {"type": "message", "ts": ts, "text": payload.get("text", ""), "bot_id": BOT_ID}
            metadata = payload.get("metadata")
            if metadata:
                message["metadata"] = json.loads(metadata) if isinstance(metadata, str) else metadata
            self.history.setdefault(channel, []).append(message)
            return {"ok": True, "channel": channel, "ts": ts, "message": {"text": payload.get("text", "")}}
        if method == "conversations.history":
            with_metadata = str(payload.get("include_all_metadata", "")).lower() in {"1", "true"}
            limit = int(payload.get("limit") or 100)
            newest_first = list(reversed(self.history.get(str(payload.get("channel")), [])))[:limit]
            shown = [m if with_metadata else {k: v for k, v in m.items() if k != "metadata"}
                     for m in newest_first]
            return {"ok": True, "has_more": False, "messages": shown}
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket"}
        return {"ok": False, "error": "unknown_method"}

    async def _response_url(self, request: web.Request) -> web.Response:
        self._record(Call("response_url", await request.json(), dict(request.headers)))
        return web.Response(text="ok")

    # ---- Socket Mode -----------------------------------------------------------------------
    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        self._changed.set()
        await ws.send_json({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0NEWS"}})
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                self._socket_acks.append(json.loads(message.data))
                self._changed.set()
        return ws

    async def send_envelope(self, envelope_type: str, payload: dict[str, Any], envelope_id: str) -> None:
        """Push a Socket Mode envelope (``slash_commands``, ``events_api``) to the connected client."""
        sockets = await self._wait(lambda: self._sockets, 1, 5.0, "socket connection")
        await sockets[-1].send_json({"envelope_id": envelope_id, "type": envelope_type, "payload": payload,
                                     "accepts_response_payload": envelope_type != "events_api"})

    async def wait_for_ack(self, envelope_id: str, timeout: float = 60.0) -> dict[str, Any]:
        """The client's acknowledgement of one envelope."""
        acks = await self._wait(
            lambda: [a for a in self._socket_acks if a.get("envelope_id") == envelope_id], 1, timeout, "ack")
        return acks[0]
