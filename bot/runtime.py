"""What a ``newsbot`` process runs, and how it starts and stops.

One place decides the services of each long-running process (``newsbot console`` starts from its
adapter, ``bot.adapters.console.run``, so its prompt comes before any of this is imported): the
chat adapter (Discord or Slack), the
scheduler and feed poller beside it (``bot.scheduler.service``) with the platform senders built
here, and the metrics and health endpoint. SIGINT and SIGTERM set one stop event; on stop, a post
under way gets ``SHUTDOWN_GRACE`` seconds to finish (a claim left unsent is retried by the next
process), then commands still being answered and their worker threads get ``SHUTDOWN_GRACE``
seconds before the store closes. Adapters are imported only by the process that serves them, so
``newsbot console`` never loads discord.py or slack-bolt.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager

from bot import metrics
from bot.config import ConfigError, Secret, Settings
from bot.core.app import build_registry
from bot.core.sender import Sender
from bot.core.services import Services
from bot.core.shutdown_grace import SHUTDOWN_GRACE
from bot.scheduler.service import run_background

__all__ = [
    "SHUTDOWN_GRACE",
    "background",
    "run_discord",
    "run_scheduler",
    "run_slack",
    "serve_discord",
    "serve_scheduler",
    "serve_slack",
]

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def background(services: Services, senders: Mapping[str, Sender], *,
                     poll_feeds: bool = True) -> AsyncIterator[None]:
    """The scheduler (and feed poller) while the block runs; on exit a post under way gets
    ``SHUTDOWN_GRACE`` seconds to finish, then it is cancelled."""
    stop = asyncio.Event()
    task = asyncio.create_task(run_background(services, senders, stop, poll_feeds=poll_feeds))
    try:
        yield
    finally:
        stop.set()
        done, _ = await asyncio.wait({task}, timeout=SHUTDOWN_GRACE)
        if not done:
            task.cancel()
        [outcome] = await asyncio.gather(task, return_exceptions=True)
        if isinstance(outcome, Exception):
            log.error("the scheduler stopped with an error", exc_info=outcome)


async def _platform_senders(settings: Settings, stack: contextlib.AsyncExitStack) -> dict[str, Sender]:
    """A sender for every platform with a token, and the console (stdout); closed with ``stack``."""
    from bot.adapters.console import ConsoleSender  # noqa: PLC0415 (adapters load only when used)

    senders: dict[str, Sender] = {"console": ConsoleSender()}
    if settings.discord_token is not None:
        from bot.adapters.discord_sender import DiscordSender  # noqa: PLC0415

        discord_sender = await DiscordSender.login(settings.discord_token)
        stack.push_async_callback(discord_sender.close)
        senders[discord_sender.platform] = discord_sender
    if settings.slack_bot_token is not None:
        from bot.adapters.slack_sender import SlackSender  # noqa: PLC0415

        slack_sender = SlackSender.connect(settings.slack_bot_token.reveal(), settings.slack_api_url)
        senders[slack_sender.platform] = slack_sender
    return senders


async def serve_scheduler(settings: Settings, services: Services, stop: asyncio.Event, *,
                          poll_feeds: bool = True) -> None:
    """``newsbot scheduler``: deliver to every platform with a token (and poll feeds) until ``stop``."""
    async with contextlib.AsyncExitStack() as stack:
        senders = await _platform_senders(settings, stack)
        await run_background(services, senders, stop, poll_feeds=poll_feeds)


def _discord_token(settings: Settings) -> Secret:
    if settings.discord_token is None:
        raise ConfigError("DISCORD_TOKEN is not set; see the README's Discord setup")
    return settings.discord_token


async def serve_discord(settings: Settings, services: Services, stop: asyncio.Event) -> None:
    """The Discord bot until ``stop``; with a store, the scheduler posts through the bot's session."""
    from bot.adapters import discord_bot  # noqa: PLC0415 (adapters load only when used)
    from bot.adapters.discord_sender import DiscordSender  # noqa: PLC0415

    def beside(bot: discord_bot.NewsBot) -> AbstractAsyncContextManager[None]:
        sender = DiscordSender(bot)
        return background(services, {sender.platform: sender})

    await discord_bot.serve(settings, _discord_token(settings), build_registry(), services, stop=stop,
                            beside=beside if services.store is not None else None)


async def serve_slack(settings: Settings, services: Services, stop: asyncio.Event, *, http: bool = False,
                      host: str = "127.0.0.1", port: int = 3000) -> None:
    """The Slack bot until ``stop``; once connected (and with a store) the scheduler runs beside it."""
    from bot.adapters import slack_bot  # noqa: PLC0415 (adapters load only when used)
    from bot.adapters.slack_sender import SlackSender  # noqa: PLC0415

    connected = asyncio.Event()
    chat = asyncio.create_task(slack_bot.serve(settings, http=http, host=host, port=port,
                                               registry=build_registry(), services=services,
                                               started=connected, stop=stop))
    waiting = asyncio.create_task(connected.wait())
    try:
        await asyncio.wait({chat, waiting}, return_when=asyncio.FIRST_COMPLETED)
        if chat.done() or services.store is None or settings.slack_bot_token is None:
            await chat  # its error (a refused token), or serving without the scheduler
            return
        sender = SlackSender.connect(settings.slack_bot_token.reveal(), settings.slack_api_url)
        async with background(services, {sender.platform: sender}):
            await chat
    finally:
        waiting.cancel()
        chat.cancel()  # when this coroutine is cancelled itself


def _serve_metrics(settings: Settings) -> None:
    """Start the metrics and health endpoint when a port is configured (it runs until the process exits)."""
    if settings.metrics_port is None:
        return
    try:
        server = metrics.serve(settings.metrics_host, settings.metrics_port)
    except OSError as exc:
        raise ConfigError(f"cannot serve metrics on {settings.metrics_host}:{settings.metrics_port}: "
                          f"{exc.strerror or exc}") from None
    log.info("metrics on http://%s:%d/metrics, health on /healthz", settings.metrics_host, server.port)


def _stop_on_signals(stack: contextlib.AsyncExitStack, stop: asyncio.Event) -> None:
    """SIGINT and SIGTERM set ``stop`` (where the loop supports signal handlers) until the stack closes."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, stop.set)
            stack.callback(loop.remove_signal_handler, sig)


def _run_until_signalled(settings: Settings,
                         serve: Callable[[Services, asyncio.Event], Awaitable[None]]) -> None:
    """A long-running process: the metrics endpoint, then ``serve`` until SIGINT or SIGTERM."""
    _serve_metrics(settings)

    async def main() -> None:
        services = await asyncio.to_thread(Services.build, settings)
        stop = asyncio.Event()
        async with contextlib.AsyncExitStack() as stack:
            _stop_on_signals(stack, stop)  # until the services are closed: a second signal changes nothing
            try:
                await serve(services, stop)
            finally:
                await _close_when_idle(services)

    asyncio.run(main())


async def _close_when_idle(services: Services) -> None:
    """Close the services once the work still running has finished, ``SHUTDOWN_GRACE`` seconds at
    most: the chat adapters answer each command in a task of its own that ``serve`` does not wait
    for, and its worker threads (``asyncio.to_thread``) may still be writing to the store."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + SHUTDOWN_GRACE
    unfinished = asyncio.all_tasks() - {asyncio.current_task()}
    if unfinished:
        log.info("stopping: waiting up to %g s for %d unfinished task(s)", SHUTDOWN_GRACE, len(unfinished))
        _, late = await asyncio.wait(unfinished, timeout=SHUTDOWN_GRACE)
        for task in late:
            task.cancel()
    # The threads of cancelled tasks too; no new ones can start after this. Never cancel the
    # shutdown: on Python 3.11 it then joins its thread, blocking the loop (and every signal).
    threads = asyncio.create_task(loop.shutdown_default_executor())
    done, _ = await asyncio.wait({threads}, timeout=max(deadline - loop.time(), 0.0))
    if not done:
        log.warning("stopping: worker threads still running after %g s; closing the store anyway",
                    SHUTDOWN_GRACE)
    services.close()  # in this thread: the default executor is shut down, and nothing else runs


def run_discord(settings: Settings) -> None:
    """``newsbot discord``: serve Discord, with the scheduler and feed poller, until stopped."""
    _discord_token(settings)  # a missing token is an error before anything starts
    _run_until_signalled(settings, lambda services, stop: serve_discord(settings, services, stop))


def run_slack(settings: Settings, *, http: bool = False, host: str = "127.0.0.1", port: int = 3000) -> None:
    """``newsbot slack``: serve Slack, with the scheduler and feed poller, until stopped."""
    from bot.adapters import slack_bot  # noqa: PLC0415 (adapters load only when used)

    slack_bot.check_settings(settings, http=http)  # a missing token is an error before anything starts
    _run_until_signalled(settings, lambda services, stop: serve_slack(settings, services, stop, http=http,
                                                                      host=host, port=port))


def run_scheduler(settings: Settings, *, poll_feeds: bool = True) -> None:
    """``newsbot scheduler``: deliver scheduled digests (and poll feeds) until stopped."""
    _run_until_signalled(settings, lambda services, stop: serve_scheduler(settings, services, stop,
                                                                          poll_feeds=poll_feeds))
