"""The real bolt AsyncApp served on 127.0.0.1 against the fake Slack Web API, plus signed requests."""

from __future__ import annotations

import asyncio
import contextlib
import json
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import aiohttp
from fakes.slack_api import TEAM_ID, FakeSlackApi, serve_on_loopback
from slack_sdk.signature import SignatureVerifier

from bot.adapters.slack_bot import build_app
from bot.adapters.slack_client import web_client
from bot.adapters.slack_http import events_app
from bot.config import Secret
from bot.core.registry import Invocation, Param, Permission, Registry
from bot.core.reply import Field, Reply, Section
from bot.store import Store

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
CHANNEL = "C0NEWS"
USER = "U0READER"
ADMIN = "U0ADMIN"
LISTED_MANAGER = "U0EDITOR"
OWNER = "U0OWNER"  # in NEWSDIGEST_OWNERS, an ordinary member otherwise
DIRECT = ("D0DIRECT", "directmessage")  # a direct message with the bot: channel id and name
GROUP_DM = "C0GROUPDM"  # a group DM (mpim) with a modern C id: nothing in the id tells it apart
PRIVATE = "G0PRIVATE"  # a private channel with a legacy G id, like the group DMs of old

HOSTILE = ("Breaking <!channel> @everyone ping <@U123> and <!here|here> "
           "see <https://evil.example|click> *bold*")


def small_registry() -> Registry:
    """A registry shaped like the real one, with handlers whose answers tests can predict."""
    registry = Registry()

    @registry.command("summary", Param("article", positional=True, rest=True),
                      Param("sentences", int, default=3, minimum=1, maximum=10))
    async def summary(inv: Invocation, services: Any) -> Reply:
        """Summarize an article."""
        title = inv.args["article"] or "Newest story"
        body = " ".join(f"Sentence {n}." for n in range(1, inv.args["sentences"] + 1))
        return Reply(title=f"Summary: {title}",
                     sections=(Section(title=title, body=body, url="https://news.example/a?x=1&y=2",
                                       fields=(Field("Source", "news.example"),)),))

    @registry.command("incident", Param("query", positional=True, rest=True), Param("limit", int, default=5))
    async def incident(inv: Invocation, services: Any) -> Reply:
        """Incidents matching a place, actor, date or type."""
        card = Section(title="2025-02-03 · Qamishli",
                       fields=(Field("Place", str(inv.args["query"])), Field("Casualties", "2")))
        return Reply(title=f"Incidents: {inv.args['query'] or 'latest'}", sections=(card,))

    @registry.command("hostile")
    async def hostile(inv: Invocation, services: Any) -> Reply:
        """An article full of mentions."""
        return Reply(title=HOSTILE, sections=(Section(title=HOSTILE, body=HOSTILE, bullets=(HOSTILE,),
                                                      fields=(Field(HOSTILE, HOSTILE),)),), footer=HOSTILE)

    @registry.command("long", Param("words", int, default=4000))
    async def long(inv: Invocation, services: Any) -> Reply:
        """A very long answer."""
        return long_reply(inv.args["words"])

    @registry.command("subscribe", Param("schedule", positional=True, rest=True),
                      permission=Permission.MANAGER)
    async def subscribe(inv: Invocation, services: Any) -> Reply:
        """Subscribe this channel."""
        return Reply(title=f"Subscribed {inv.channel}: {inv.args['schedule']}")

    @registry.command("slow", Param("seconds", float, default=3.5))
    async def slow(inv: Invocation, services: Any) -> Reply:
        """Slower than Slack's 3-second deadline."""
        await asyncio.sleep(inv.args["seconds"])
        return Reply(title="Finally")

    @registry.command("broken")
    async def broken(inv: Invocation, services: Any) -> Reply:
        """Always fails."""
        raise RuntimeError("secret internals")

    @registry.command("help")
    async def help_(inv: Invocation, services: Any) -> Reply:
        """This help."""
        usages = tuple(c.usage for c in registry.commands())
        return Reply(title="Commands", sections=(Section(bullets=usages),))

    return registry


def long_reply(words: int) -> Reply:
    """Three sections of ``words`` words each: ``word0 word1 ...``."""
    text = " ".join(f"word{n}" for n in range(words))
    return Reply(title="Long", sections=tuple(Section(title=f"Part {n}", body=text) for n in range(3)))


def sign(body: str, *, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict[str, str]:
    """Slack's v0 signature headers for ``body``."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": str(signature)}


@dataclass
class SlackHarness:
    """The fake Web API, the bolt app served on 127.0.0.1 and an HTTP session to talk to it."""

    fake: FakeSlackApi
    events_url: str
    session: aiohttp.ClientSession

    def slash_body(self, command: str, text: str = "", user: str = USER,
                   where: tuple[str, str] = (CHANNEL, "news")) -> str:
        return urlencode({
            "token": "legacy", "team_id": TEAM_ID, "team_domain": "newsroom", "channel_id": where[0],
            "channel_name": where[1], "user_id": user, "user_name": user.lower(), "command": command,
            "text": text, "api_app_id": "A0NEWS", "response_url": self.fake.response_url(command.strip("/")),
            "trigger_id": "1.2.3",
        })

    async def post(self, body: str, headers: dict[str, str], content_type: str) -> tuple[int, str]:
        async with self.session.post(self.events_url, data=body.encode(),
                                     headers={**headers, "Content-Type": content_type}) as response:
            return response.status, await response.text()

    async def slash(self, command: str, text: str = "", user: str = USER,
                    where: tuple[str, str] = (CHANNEL, "news")) -> tuple[int, str]:
        body = self.slash_body(command, text, user, where)
        return await self.post(body, sign(body), "application/x-www-form-urlencoded")

    async def mention(self, text: str, *, thread_ts: str | None = None, event_id: str = "Ev1",
                      user: str = USER, channel: str = CHANNEL) -> tuple[int, str]:
        event: dict[str, Any] = {"type": "app_mention", "user": user, "text": text, "ts": "1700000100.000200",
                                 "channel": channel, "team": TEAM_ID, "event_ts": "1700000100.000200"}
        if thread_ts:
            event["thread_ts"] = thread_ts
        body = json.dumps({"token": "legacy", "team_id": TEAM_ID, "api_app_id": "A0NEWS", "event": event,
                           "type": "event_callback", "event_id": event_id, "event_time": 1700000100,
                           "authorizations": [{"team_id": TEAM_ID, "user_id": "U0BOT", "is_bot": True}]})
        return await self.post(body, sign(body), "application/json")


@contextlib.contextmanager
def request_store(services: Any) -> Iterator[Store]:
    """The services' store, else a scratch one: where the endpoint remembers signed requests."""
    if services is not None and services.store is not None:
        yield services.store
        return
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{folder}/requests.sqlite3")
        try:
            yield store
        finally:
            store.close()


@contextlib.asynccontextmanager
async def serve_slack(registry: Registry | None = None, services: Any = None) -> AsyncIterator[SlackHarness]:
    """The harness over ``registry`` (default ``small_registry()``), served as ``newsbot slack --http``
    serves it."""
    registry = registry or small_registry()
    with request_store(services) as store:
        async with _serve_slack(registry, services, store) as harness:
            yield harness


@contextlib.asynccontextmanager
async def _serve_slack(registry: Registry, services: Any, store: Store) -> AsyncIterator[SlackHarness]:
    async with FakeSlackApi() as fake, aiohttp.ClientSession() as session:
        fake.add_user(USER)
        fake.add_user(ADMIN, admin=True)
        fake.add_user(LISTED_MANAGER)
        fake.add_user(OWNER)
        for channel, kind in (CHANNEL, "channel"), (PRIVATE, "group"), (GROUP_DM, "mpim"), (DIRECT[0], "im"):
            fake.add_conversation(channel, kind)
        client = web_client("xoxb-test", fake.api_url, retry_rate_limits=True)
        app = build_app(registry, services, client, signing_secret=Secret(SIGNING_SECRET),
                        managers=[LISTED_MANAGER], owners=[OWNER])
        runner, port = await serve_on_loopback(events_app(app, Secret(SIGNING_SECRET), store))
        try:
            yield SlackHarness(fake, f"http://127.0.0.1:{port}/slack/events", session)
        finally:
            await runner.cleanup()
