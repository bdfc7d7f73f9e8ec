"""The runtime's background work: the scheduler runs while the block runs and stops with it;
one that does not stop within ``SHUTDOWN_GRACE`` is cancelled; its error is logged, not raised."""

from __future__ import annotations

import asyncio
import logging
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
