"""The runtime's background work: the scheduler runs while the block runs and stops with it;
one that does not stop within ``SHUTDOWN_GRACE`` is cancelled; its error is logged, not raised."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import threading
from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any

import pytest

from bot import runtime
from bot.core.sender import Sender

SERVICES: Any = SimpleNamespace()


async def test_the_scheduler_runs_while_the_block_runs_and_stops_with_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []

    async def scheduler(services: Any, senders: Mapping[str, Sender], stop: asyncio.Event,
                        **options: Any) -> None:
        events.append(f"started for {sorted(senders)}, feeds {options['poll_feeds']}")
        await stop.wait()
        events.append("stopped")

    monkeypatch.setattr(runtime, "run_background", scheduler)
    async with runtime.background(SERVICES, {"console": SimpleNamespace()}, poll_feeds=False):
        await asyncio.sleep(0)
        assert events == ["started for ['console'], feeds False"]
    assert events[-1] == "stopped"


async def test_a_scheduler_that_does_not_stop_is_cancelled_after_the_grace(
        monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []

    async def stuck(*args: Any, **options: Any) -> None:
        try:
            await asyncio.Event().wait()  # a post that never ends
        except asyncio.CancelledError:
            events.append("cancelled")
            raise

    monkeypatch.setattr(runtime, "run_background", stuck)
    monkeypatch.setattr(runtime, "SHUTDOWN_GRACE", 0)
    async with runtime.background(SERVICES, {}):
        await asyncio.sleep(0)
    assert events == ["cancelled"]


async def test_an_error_of_the_scheduler_is_logged_when_it_stops(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    async def broken(*args: Any, **options: Any) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(runtime, "run_background", broken)
    caplog.set_level(logging.ERROR, logger="bot.runtime")
    async with runtime.background(SERVICES, {}):
        await asyncio.sleep(0)
    [record] = caplog.records
    assert record.getMessage() == "the scheduler stopped with an error"
    assert record.exc_info is not None
    assert "database went away" in str(record.exc_info[1])


class _OnLog(logging.Handler):
    """Runs ``action`` when a record containing ``text`` is logged."""

    def __init__(self, text: str, action: Any) -> None:
        super().__init__()
        self.text, self.action = text, action

    def emit(self, record: logging.LogRecord) -> None:
        if self.text in record.getMessage():
            self.action()


def test_commands_still_running_finish_before_the_store_closes(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """A command answered in its own task (as bolt and discord.py run them) is still writing in a
    worker thread when ``serve`` returns: the services close only after it has finished. The
    write is held until the process says it is waiting (or, failing that, until the close)."""
    events: list[str] = []
    release = threading.Event()

    def write_to_store() -> None:
        release.wait()
        events.append("command wrote")

    def close() -> None:
        events.append("closed")
        release.set()

    running: set[asyncio.Task[None]] = set()

    async def serve(services: Any, stop: asyncio.Event) -> None:
        running.add(asyncio.create_task(asyncio.to_thread(write_to_store)))  # left running

    services = SimpleNamespace(close=close)
    monkeypatch.setattr(runtime.Services, "build", staticmethod(lambda settings: services))
    caplog.set_level(logging.INFO, logger="bot.runtime")
    waiting = _OnLog("waiting up to", release.set)
    logging.getLogger("bot.runtime").addHandler(waiting)
    try:
        runtime._run_until_signalled(SimpleNamespace(metrics_port=None), serve)
    finally:
        logging.getLogger("bot.runtime").removeHandler(waiting)
    assert events == ["command wrote", "closed"]
    assert "waiting up to 10 s for 1 unfinished task(s)" in caplog.text


def test_a_second_signal_while_stopping_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C pressed twice, or ``timeout`` signalling the process and then its group: the second
    signal arrives while a command is still being answered, and the stop goes on as the first began
    it (it raised KeyboardInterrupt with a traceback, the store left unclosed)."""
    events: list[str] = []
    running: set[asyncio.Task[None]] = set()

    async def answer_a_command() -> None:
        os.kill(os.getpid(), signal.SIGINT)  # the second signal, while the process is stopping
        await asyncio.sleep(0.01)  # the loop runs, so the signal is handled before the answer ends
        events.append("answered")

    async def serve(services: Any, stop: asyncio.Event) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        await stop.wait()
        running.add(asyncio.create_task(answer_a_command()))  # left running, as chat adapters do

    services = SimpleNamespace(close=lambda: events.append("closed"))
    monkeypatch.setattr(runtime.Services, "build", staticmethod(lambda settings: services))
    try:
        runtime._run_until_signalled(SimpleNamespace(metrics_port=None), serve)
    except KeyboardInterrupt:
        events.append("KeyboardInterrupt")
    assert events == ["answered", "closed"]


async def test_a_worker_thread_that_does_not_finish_delays_the_close_only_for_the_grace(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    release = threading.Event()
    closed: list[str] = []
    stuck = asyncio.create_task(asyncio.to_thread(release.wait))
    monkeypatch.setattr(runtime, "SHUTDOWN_GRACE", 0)
    caplog.set_level(logging.INFO, logger="bot.runtime")
    try:
        await runtime._close_when_idle(SimpleNamespace(close=lambda: closed.append("closed")))
    finally:
        release.set()
    assert closed == ["closed"]
    await asyncio.gather(stuck, return_exceptions=True)
    assert stuck.cancelled()
    assert "worker threads still running after 0 s; closing the store anyway" in caplog.text


def test_a_worker_thread_that_never_finishes_does_not_hold_the_loop_past_the_grace(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """The store is closed after the grace while the thread still runs, with the loop free to
    handle signals (it was blocked joining the thread, every Ctrl-C and SIGTERM swallowed)."""
    release = threading.Event()
    events: list[str] = []
    running: set[asyncio.Future[None]] = set()

    def hang() -> None:
        release.wait(60)  # only bounds a loop that stays blocked, so that it fails instead of hanging
        events.append("worker ended")

    async def serve(services: Any, stop: asyncio.Event) -> None:  # a thread left running, no task
        running.add(asyncio.get_running_loop().run_in_executor(None, hang))

    def close() -> None:
        events.append("closed")
        release.set()

    monkeypatch.setattr(runtime, "SHUTDOWN_GRACE", 0.01)
    services = SimpleNamespace(close=close)
    monkeypatch.setattr(runtime.Services, "build", staticmethod(lambda settings: services))
    caplog.set_level(logging.INFO, logger="bot.runtime")
    runtime._run_until_signalled(SimpleNamespace(metrics_port=None), serve)
    assert events == ["closed", "worker ended"]
    assert "worker threads still running after 0.01 s; closing the store anyway" in caplog.text
