"""``serve``: Socket Mode against the fake's apps.connections.open + websocket, HTTP mode on 127.0.0.1,
clear errors for missing tokens, and every registry command reachable as a slash command."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from types import SimpleNamespace
from typing import Any

import aiohttp
import pytest
from fakes.slack_api import TEAM_ID, FakeSlackApi
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_fixtures import CHANNEL, SIGNING_SECRET, USER, request_store, sign, small_registry

from bot.adapters.slack_bot import ManagerCheck, SlackOptions, build_app, serve, slash_names
from bot.adapters.slack_client import web_client
from bot.config import ConfigError, Secret, Settings
from bot.core.registry import Command, Invocation, RetryLater
from bot.core.reply import Reply


def settings_for(fake: FakeSlackApi, **extra: Any) -> Settings:
    return Settings(slack_bot_token=Secret("xoxb-test"), slack_api_url=fake.api_url, **extra)


async def serve_small(settings: Settings, **options: Any) -> None:
    """``serve`` over the small registry; the services hold only a scratch store (where HTTP mode
    remembers signed requests)."""
    with request_store(None) as store:
        await serve(settings, registry=small_registry(), services=SimpleNamespace(store=store),
                    **options)


@asynccontextmanager
async def serving(settings: Settings, **options: Any) -> AsyncIterator[None]:
    started, stop = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(serve_small(settings, started=started, stop=stop, **options))
    waiter = asyncio.create_task(started.wait())
    await asyncio.wait({task, waiter}, timeout=10, return_when=asyncio.FIRST_COMPLETED)
    if task.done():
        waiter.cancel()
        task.result()
    try:
        yield
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_socket_mode_answers_a_slash_command_envelope() -> None:
    async with FakeSlackApi() as fake:
        fake.add_user(USER)
        async with serving(settings_for(fake, slack_app_token=Secret("xapp-test"))):
            [opened] = fake.calls_to("apps.connections.open")
            assert opened.headers["Authorization"] == "Bearer xapp-test"
            await fake.send_envelope("slash_commands", {
                "command": "/incident", "text": "Qamishli", "team_id": TEAM_ID, "channel_id": CHANNEL,
                "user_id": USER, "response_url": fake.response_url("incident"), "api_app_id": "A0NEWS",
            }, envelope_id="env-1")
            ack = await fake.wait_for_ack("env-1")
            [answer] = await fake.wait_for("response_url")
    assert ack["envelope_id"] == "env-1"
    assert answer.payload["text"] == "Incidents: Qamishli"


async def test_socket_mode_answers_a_mention_envelope_in_its_thread() -> None:
    async with FakeSlackApi() as fake:
        fake.add_user(USER)
        async with serving(settings_for(fake, slack_app_token=Secret("xapp-test"))):
            await fake.send_envelope("events_api", {
                "type": "event_callback", "team_id": TEAM_ID, "api_app_id": "A0NEWS", "event_id": "EvS1",
                "event": {"type": "app_mention", "user": USER, "text": "<@U0BOT> summary Raqqa",
                          "ts": "1700000200.000100", "channel": CHANNEL},
            }, envelope_id="env-2")
            await fake.wait_for_ack("env-2")
            [post] = await fake.wait_for("chat.postMessage")
    assert post.payload["thread_ts"] == "1700000200.000100"
    assert post.payload["text"] == "Summary: Raqqa"


def test_options_never_show_a_token() -> None:
    settings = Settings(slack_bot_token=Secret("xoxb-very-secret"),
                        slack_app_token=Secret("xapp-very-secret"),
                        slack_signing_secret=Secret("signing-very-secret"))
    shown = repr(SlackOptions.from_settings(settings))
    assert "very-secret" not in shown


async def test_http_mode_serves_slack_events_on_loopback() -> None:
    port = free_port()
    async with FakeSlackApi() as fake, serving(
        settings_for(fake, slack_signing_secret=Secret(SIGNING_SECRET)), http=True, port=port,
    ), aiohttp.ClientSession() as session:
        fake.add_user(USER)
        body = f"command=%2Fsummary&text=x&team_id={TEAM_ID}&channel_id={CHANNEL}&user_id={USER}" \
               f"&response_url={fake.response_url()}"
        url = f"http://127.0.0.1:{port}/slack/events"
        headers = {**sign(body), "Content-Type": "application/x-www-form-urlencoded"}
        async with session.post(url, data=body, headers=headers) as response:
            assert response.status == 200
        forged = {**headers, "X-Slack-Signature": "v0=00"}
        async with session.post(url, data=body, headers=forged) as response:
            assert response.status == 401
        [answer] = await fake.wait_for("response_url")
    assert answer.payload["text"] == "Summary: x"


@pytest.mark.parametrize(
    ("options", "missing"),
    [({}, "SLACK_APP_TOKEN"), ({"http": True}, "SLACK_SIGNING_SECRET")],
)
async def test_missing_tokens_are_named(options: dict[str, Any], missing: str) -> None:
    async with FakeSlackApi() as fake:
        with pytest.raises(ConfigError, match=missing):
            await serve_small(settings_for(fake), **options)


async def test_refused_tokens_and_a_busy_port_are_one_line_errors() -> None:
    async with FakeSlackApi() as fake:
        bad_bot = Settings(slack_bot_token=Secret("bad-bot-token"), slack_app_token=Secret("xapp-test"),
                           slack_api_url=fake.api_url)
        with pytest.raises(ConfigError, match="Slack refused SLACK_BOT_TOKEN: not_authed"):
            await serve_small(bad_bot)
        bad_app = settings_for(fake, slack_app_token=Secret("bad-app-token"))
        with pytest.raises(ConfigError, match="Slack refused SLACK_APP_TOKEN: not_authed"):
            await serve_small(bad_app)
        with socket.socket() as busy:
            busy.bind(("127.0.0.1", 0))
            busy.listen()
            http = settings_for(fake, slack_signing_secret=Secret(SIGNING_SECRET))
            with pytest.raises(ConfigError, match=r"cannot listen on 127\.0\.0\.1:"):
                await serve_small(http, http=True, port=busy.getsockname()[1])


async def test_an_unreachable_api_is_a_config_error() -> None:
    settings = Settings(slack_bot_token=Secret("xoxb-test"), slack_app_token=Secret("xapp-test"),
                        slack_api_url=f"http://127.0.0.1:{free_port()}/api")
    with pytest.raises(ConfigError, match=r"cannot reach the Slack API at http://127\.0\.0\.1:"):
        await serve_small(settings)


async def test_no_bot_token_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        await serve_small(Settings())


async def test_http_mode_without_a_database_is_a_config_error() -> None:
    async with FakeSlackApi() as fake:
        settings = settings_for(fake, slack_signing_secret=Secret(SIGNING_SECRET))
        with pytest.raises(ConfigError, match="needs the database"):
            await serve(settings, http=True, port=free_port(), registry=small_registry(),
                        services=SimpleNamespace(store=None))


@pytest.mark.parametrize(
    ("prefix", "overrides", "expected"),
    [
        ("", None, {"summary": "/summary", "help": "/newshelp", "long": "/long"}),
        ("nd-", None, {"summary": "/nd-summary", "help": "/nd-help"}),
        ("", {"summary": "digestsum"}, {"summary": "/digestsum", "incident": "/incident"}),
    ],
)
def test_slash_names_are_configurable(prefix: str, overrides: dict[str, str] | None,
                                      expected: dict[str, str]) -> None:
    names = slash_names(small_registry(), prefix, overrides)
    assert {k: names[k] for k in expected} == expected


def test_slash_names_come_from_the_settings() -> None:
    settings = Settings.load(environ={
        "SLACK_BOT_TOKEN": "xoxb-test", "NEWSDIGEST_SLACK_COMMAND_PREFIX": "nd-",
        "NEWSDIGEST_SLACK_COMMANDS": "summary=/sum, incident=incidents",
    })
    options = SlackOptions.from_settings(settings)
    names = slash_names(small_registry(), options.command_prefix, options.command_overrides)
    assert (names["summary"], names["incident"], names["help"]) == ("/sum", "/incidents", "/nd-help")


def test_a_malformed_command_mapping_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="NEWSDIGEST_SLACK_COMMANDS"):
        Settings.load(environ={"NEWSDIGEST_SLACK_COMMANDS": "summary"})


@pytest.mark.parametrize(
    ("overrides", "message"),
    [({"nope": "/x"}, "unknown commands: nope"), ({"summary": "/Bad Name"}, "not a valid Slack command"),
     ({"summary": "/incident"}, "share the Slack command /incident")],
)
def test_bad_slash_names_are_refused(overrides: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        slash_names(small_registry(), "", overrides)


async def test_every_slash_command_reaches_its_handler() -> None:
    registry = small_registry()
    seen: list[str] = []
    for command in registry.commands():
        registry._commands[command.name] = _recording(command, seen)
    async with FakeSlackApi() as fake:
        fake.add_user(USER, admin=True)
        app = build_app(registry, None, web_client("xoxb-test", fake.api_url, retry_rate_limits=False))
        for name, slash in slash_names(registry).items():
            body = {"command": slash, "text": "", "team_id": TEAM_ID, "channel_id": CHANNEL,
                    "channel_name": "news", "user_id": USER, "response_url": fake.response_url(name)}
            response = await app.async_dispatch(AsyncBoltRequest(body=body, mode="socket_mode"))
            assert response.status == 200
        await fake.wait_for("response_url", len(registry.commands()))
    assert sorted(seen) == sorted(c.name for c in registry.commands())


def _recording(command: Command, seen: list[str]) -> Command:
    async def handler(inv: Invocation, services: Any) -> Reply:
        seen.append(inv.command)
        return Reply(title=inv.command)

    return replace(command, handler=handler)


async def test_manager_lookups_are_cached_and_refusals_remembered() -> None:
    async with FakeSlackApi() as fake:
        fake.add_user("U0ADMIN", admin=True)
        check = ManagerCheck(web_client("xoxb-test", fake.api_url, retry_rate_limits=False), ["U0LISTED"])
        assert await check("U0ADMIN")
        assert await check("U0ADMIN")
        assert not await check("U0NOBODY")
        assert not await check("U0NOBODY")
        assert await check("U0LISTED")
        looked_up = [c.payload["user"] for c in fake.calls_to("users.info")]
    assert looked_up == ["U0ADMIN", "U0NOBODY"]


async def test_an_unreachable_api_means_no_manager_rights() -> None:
    client = web_client("xoxb-test", f"http://127.0.0.1:{free_port()}/api/", retry_rate_limits=False)
    check = ManagerCheck(client, ())
    assert isinstance(await check("U0ADMIN"), RetryLater)  # not a manager: "try again in N s"
