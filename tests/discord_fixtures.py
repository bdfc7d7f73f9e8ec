"""Fixtures running the real discord.py bot against the fake Discord in ``fakes/discord_server.py``."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fakes.discord_server import GUILD_ID, FakeDiscord

from bot.adapters.discord_bot import NewsBot
from bot.config import Settings
from bot.core.registry import Registry
from bot.core.services import Services


def services_for(seeds: Path, tmp_path: Path) -> Services:
    """Services over a seeds directory, no URL fetching."""
    return Services.build(Settings(seeds=seeds, data_dir=tmp_path / "data", fetch_urls=False))


@contextlib.asynccontextmanager
async def running(
    fake: FakeDiscord, registry: Registry, services: Services, caplog: pytest.LogCaptureFixture,
    *, prefix: str = "!", message_content: bool = True,
) -> AsyncIterator[NewsBot]:
    """The bot logged in, connected and ready; on exit, no error may have been logged by the adapter
    (the bot's ``tree.on_error`` and ``on_command_error`` log every failure)."""
    caplog.set_level(logging.WARNING, logger="bot.adapters.discord_bot")
    bot = NewsBot(registry, services, prefix=prefix, guild_id=GUILD_ID, message_content=message_content,
                  guild_ready_timeout=0.05)
    await bot.login("fake-token")
    task = asyncio.create_task(bot.connect(reconnect=False))
    try:
        await fake.wait_ready()
        await asyncio.wait_for(bot.wait_until_ready(), 10)
        yield bot
    finally:
        await bot.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, 5)
    errors = [r for r in caplog.records
              if r.name == "bot.adapters.discord_bot" and r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
