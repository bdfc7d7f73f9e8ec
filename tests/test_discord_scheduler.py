"""A channel subscribes with /subscribe on Discord; the real scheduler delivers its digest once
through DiscordSender over the bot's own connection, waiting out a long 429 on the fake Discord."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from discord_fixtures import running, services_for
from fakes.discord_server import (
    CHANNEL_ID,
    EDITOR_ID,
    GUILD_ID,
    MANAGE_CHANNELS,
    VIEW_AND_SEND,
    fake_discord,
)
from fakes.recording_sender import FakeClock
from store_rows import deliveries

from bot import runtime
from bot.adapters.discord_sender import DiscordSender
from bot.config import Secret, Settings
from bot.core.app import build_registry
from bot.scheduler import CorpusComposer, Scheduler
from bot.store import Store
from bot.vocabulary import Destination
from summarizer.articles.model import Article, content_id

__all__ = ["fake_discord"]

REPO_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MESSAGES = f"/channels/{CHANNEL_ID}/messages"
STORY = ("Militiamen stormed a checkpoint near Gao on Monday @everyone, witnesses said. "
         "Two soldiers were killed and four wounded <@&1234567890>. The army sent reinforcements.")


def publish(store: Store, now: datetime) -> datetime:
    """Store a new story a second after ``now``; return a minute past the next 08:00 UTC slot."""
    listed = now + timedelta(seconds=1)
    store.add_article(Article(id=content_id(STORY), title="Checkpoint stormed near Gao", text=STORY,
                              source="Wire", url="https://news.example/gao", published=listed),
                      fetched_at=listed, listed_at=listed)
    slot = datetime.combine(listed.date(), time(8, 0), tzinfo=UTC)
    return (slot if slot > listed else slot + timedelta(days=1)) + timedelta(minutes=1)


async def test_a_subscribed_channel_gets_its_digest_once_through_a_long_rate_limit(
        fake_discord, tmp_path, caplog):
    services = services_for(REPO_SEEDS, tmp_path)
    store = services.store
    assert store is not None
    async with running(fake_discord, build_registry(), services, caplog) as bot:
        token = await fake_discord.send_interaction(
            2, {"id": "7", "name": "subscribe", "type": 1, "options": [
                {"name": "schedule", "type": 3, "value": "daily 08:00"},
                {"name": "incidents", "type": 5, "value": False}]},
            user_id=EDITOR_ID, permissions=VIEW_AND_SEND | MANAGE_CHANNELS)
        await fake_discord.wait_for(lambda r: token in r.path)
        [subscription] = store.subscriptions()
        assert subscription.destination == Destination("discord", str(CHANNEL_ID), str(GUILD_ID))

        clock = FakeClock(publish(store, services.clock()))
        scheduler = Scheduler(store, {"discord": DiscordSender(bot)}, CorpusComposer(services.corpus),
                              clock=clock, sleep=clock.sleep, worker="test")
        fake_discord.rate_limit_next(MESSAGES, 120)  # longer than discord.py waits by itself

        outcomes = await scheduler.run_once()
        again = await scheduler.run_once()

    assert [o.state for o in outcomes] == ["sent"]
    assert clock.sleeps == [120]
    posts = [r.body for r in fake_discord.requests if r.method == "POST" and r.path == MESSAGES]
    assert len(posts) == 2  # refused with 429, then posted once
    posted = json.dumps(posts[-1], ensure_ascii=False)
    assert "Checkpoint stormed near Gao" in posted
    assert "@everyone" not in posted
    assert "<@&1234567890>" not in posted
    assert posts[-1]["allowed_mentions"] == {"parse": []}
    assert again == []


async def test_the_bot_process_runs_the_scheduler_itself(fake_discord, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    services = services_for(seeds, tmp_path)
    assert services.store is not None
    answer = await build_registry().run_line(
        'subscribe --schedule "daily 08:00" --incidents=no', services, platform="discord",
        channel=str(CHANNEL_ID), user=str(EDITOR_ID), workspace=str(GUILD_ID), is_manager=True)
    assert not answer.error, answer.title
    services.clock = FakeClock(publish(services.store, services.clock()))
    settings = Settings(discord_token=Secret("fake-token"), discord_guild_id=GUILD_ID, seeds=seeds,
                        data_dir=tmp_path / "data", fetch_urls=False)
    stop = asyncio.Event()
    task = asyncio.create_task(runtime.serve_discord(settings, services, stop))
    try:
        [post] = await fake_discord.wait_for(lambda r: r.method == "POST" and r.path == MESSAGES)
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
    assert "Checkpoint stormed near Gao" in json.dumps(post.body)
    assert [d.state for d in deliveries(services.store)] == ["sent"]
