"""A command under way when the process is told to stop gets its reply before the adapter closes
its connection (Discord against the fake Discord, Slack over Socket Mode and HTTP against the fake
Web API). The command's handler waits until the adapter says it is waiting for it, so nothing
depends on timing: without the wait, ``serve`` would return first, the reply not yet sent."""

from __future__ import annotations

import asyncio
import io
import os
import signal
from collections.abc import Awaitable, Callable
from types import SimpleNamespace
from typing import Any

import aiohttp
import pytest
from discord_fixtures import services_for
from fakes.discord_server import fake_discord
from fakes.log_signal import logged
from fakes.slack_api import TEAM_ID, FakeSlackApi
from slack_fixtures import CHANNEL, SIGNING_SECRET, USER, request_store, sign
from test_discord_bot import REPO_SEEDS, embed_text
from test_slack_serve import free_port, settings_for

from bot.adapters import discord_bot, slack_bot
from bot.adapters.console import Console
from bot.config import Secret, Settings
from bot.core.inflight import InFlight
from bot.core.registry import Invocation, Registry
from bot.core.reply import Reply

__all__ = ["fake_discord"]  # the fixture, imported for pytest

DRAINING = "being answered"  # what the adapter logs while it waits for the commands under way


class SlowCommand:
    """A registry with one command, ``slow``, that answers only once the test releases it."""

    def __init__(self) -> None:
        self.entered = asyncio.Event()
        self.release = asyncio.Event()
        self.registry = Registry()

        @self.registry.command("slow")
        async def slow(inv: Invocation, services: Any) -> Reply:
            """Answers late."""
            self.entered.set()
            await self.release.wait()
            return Reply(title="Late but delivered")

    async def stop_while_running(self, serving: asyncio.Task[None], stop: asyncio.Event) -> None:
        """Stop the adapter while ``slow`` runs; release it once the adapter waits for it (or has
        already returned, the failure this file guards against), then let ``serve`` finish."""
        await self.entered.wait()
        with logged("bot.core.inflight", DRAINING) as draining:
            stop.set()
            waiting = asyncio.ensure_future(draining.wait())
            await asyncio.wait({serving, waiting}, return_when=asyncio.FIRST_COMPLETED)
            waiting.cancel()
        self.release.set()
        await asyncio.wait_for(serving, 60)


async def test_discord_answers_a_command_under_way_before_disconnecting(fake_discord, tmp_path):
    slow = SlowCommand()
    settings = Settings(seeds=REPO_SEEDS, data_dir=tmp_path, fetch_urls=False)
    stop = asyncio.Event()
    serving = asyncio.create_task(discord_bot.serve(settings, Secret("fake-token"), slow.registry,
                                                    services_for(REPO_SEEDS, tmp_path), stop=stop))
    await fake_discord.wait_ready()
    await fake_discord.send_message("!slow")
    await slow.stop_while_running(serving, stop)
    posts = [r for r in fake_discord.posted("/messages") if r.path.startswith("/channels/")]
    assert [embed_text(p.body).strip() for p in posts] == ["**Late but delivered**"]


SlackSend = Callable[[FakeSlackApi, int], Awaitable[None]]


async def _socket_slash(fake: FakeSlackApi, port: int) -> None:
    await fake.send_envelope("slash_commands", {
        "command": "/slow", "text": "", "team_id": TEAM_ID, "channel_id": CHANNEL, "user_id": USER,
        "response_url": fake.response_url("slow"), "api_app_id": "A0NEWS"}, envelope_id="env-1")
    await fake.wait_for_ack("env-1")


async def _http_slash(fake: FakeSlackApi, port: int) -> None:
    body = (f"command=%2Fslow&text=&team_id={TEAM_ID}&channel_id={CHANNEL}&user_id={USER}"
            f"&response_url={fake.response_url('slow')}")
    async with aiohttp.ClientSession() as session, session.post(
            f"http://127.0.0.1:{port}/slack/events", data=body,
            headers={**sign(body), "Content-Type": "application/x-www-form-urlencoded"}) as response:
        assert response.status == 200  # acknowledged at once; the answer follows


@pytest.mark.parametrize(("mode", "send"), [("socket", _socket_slash), ("http", _http_slash)])
async def test_slack_answers_a_command_under_way_before_closing(mode: str, send: SlackSend) -> None:
    slow = SlowCommand()
    port = free_port()
    async with FakeSlackApi() as fake:
        fake.add_user(USER)
        secrets = ({"slack_signing_secret": Secret(SIGNING_SECRET)} if mode == "http"
                   else {"slack_app_token": Secret("xapp-test")})
        started, stop = asyncio.Event(), asyncio.Event()
        with request_store(None) as store:
            serving = asyncio.create_task(slack_bot.serve(
                settings_for(fake, **secrets), http=mode == "http", port=port, registry=slow.registry,
                services=SimpleNamespace(store=store), started=started, stop=stop))
            await started.wait()
            await send(fake, port)
            await slow.stop_while_running(serving, stop)
            answers = fake.calls_to("response_url")
    assert [a.payload["text"] for a in answers] == ["Late but delivered"]


async def test_the_wait_is_bounded_and_says_what_was_left(caplog: pytest.LogCaptureFixture) -> None:
    inflight = InFlight("console")
    assert await inflight.drain(0) is True  # nothing under way: no wait, nothing logged
    release = asyncio.Event()

    async def answer() -> None:
        async with inflight.answering():
            await release.wait()

    running = [asyncio.create_task(answer()) for _ in range(2)]
    await asyncio.sleep(0)  # both entered
    assert await inflight.drain(0) is False
    assert "console: stopped with 2 command(s) unanswered after 0 s" in caplog.text
    release.set()
    await asyncio.gather(*running)
    assert await inflight.drain(0) is True


def _console_session(registry: Registry, lines: str, **options: float) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    services = SimpleNamespace(settings=Settings(), close=lambda: None)
    return Console(registry, services, stdin=io.StringIO(lines), stdout=out,  # type: ignore[arg-type]
                   interactive=False, color=False, **options), out


def test_the_console_prints_the_answer_under_way_at_sigterm_then_stops() -> None:
    registry = Registry()

    @registry.command("slow")
    async def slow(inv: Invocation, services: Any) -> Reply:
        """Told to stop halfway."""
        os.kill(os.getpid(), signal.SIGTERM)
        await asyncio.sleep(0)
        return Reply(title="Late but delivered")

    console, out = _console_session(registry, "slow\nslow\n")
    before = signal.getsignal(signal.SIGTERM)
    assert console.run() == 0
    assert out.getvalue() == "Late but delivered\n\n"  # the second line is never started
    assert signal.getsignal(signal.SIGTERM) == before


def test_the_console_waits_for_an_answer_only_so_long() -> None:
    registry = Registry()

    @registry.command("stuck")
    async def stuck(inv: Invocation, services: Any) -> Reply:
        """Never answers."""
        os.kill(os.getpid(), signal.SIGTERM)
        await asyncio.Event().wait()
        return Reply(title="never")

    console, out = _console_session(registry, "stuck\nstuck\n", shutdown_grace=0.0)
    assert console.run() == 0
    assert out.getvalue() == "(stopped before the answer was ready)\n\n"
