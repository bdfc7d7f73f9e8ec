"""Alert pings on Discord: a manager names a guild role (checked against the guild's roles); the
alert post mentions that role and allows exactly that mention; article text still pings nobody."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from discord_fixtures import running, services_for
from fakes.discord_server import (
    ANALYST_ROLE_ID,
    CHANNEL_ID,
    EDITOR_ID,
    EDITOR_ROLE_ID,
    GUILD_ID,
    MANAGE_CHANNELS,
    MENTION_EVERYONE,
    QUIET_ROLE_ID,
    VIEW_AND_SEND,
    fake_discord,
)
from fakes.recording_sender import FakeClock
from incident_fixtures import store_incidents

from bot.adapters.discord_sender import DiscordSender
from bot.core.app import build_registry
from bot.scheduler import CorpusComposer, Scheduler
from bot.vocabulary import Ping
from summarizer.articles.model import Article, content_id

__all__ = ["fake_discord"]

MESSAGES = f"/channels/{CHANNEL_ID}/messages"
STORY = ("Militiamen stormed a checkpoint near Gao on Monday @everyone, witnesses said. "
         "Four soldiers were killed <@&1234567890> and <@&" + str(ANALYST_ROLE_ID) + "> wounded.")


def subscribe_options(ping: str) -> dict[str, object]:
    return {"id": "7", "name": "subscribe", "type": 1, "options": [
        {"name": "schedule", "type": 3, "value": "daily 08:00"},
        {"name": "alert", "type": 4, "value": 2},
        {"name": "ping", "type": 3, "value": ping}]}


async def test_a_manager_sets_a_role_ping_and_only_alerts_mention_it(fake_discord, tmp_path, caplog):
    services = services_for(Path(tmp_path / "no-seeds"), tmp_path)
    store = services.store
    assert store is not None
    async with running(fake_discord, build_registry(), services, caplog) as bot:
        refused = await fake_discord.send_interaction(
            2, subscribe_options("@ghosts"), user_id=EDITOR_ID, permissions=VIEW_AND_SEND | MANAGE_CHANNELS)
        [answer] = await fake_discord.wait_for(lambda r: refused in r.path)
        assert "this server has no role '@ghosts'; nothing changed" in json.dumps(answer.body)
        assert store.subscriptions() == []

        await fake_discord.send_message(f"!subscribe daily 08:00 --alert 2 --ping <@&{GUILD_ID}>",
                                        author_id=EDITOR_ID, name="editor", roles=(EDITOR_ROLE_ID,))
        [everyone] = await fake_discord.wait_for(lambda r: r.method == "POST" and r.path == MESSAGES)
        assert "not everyone in the server" in json.dumps(everyone.body)
        assert store.subscriptions() == []

        reader = await fake_discord.send_interaction(2, subscribe_options("@analysts"))
        await fake_discord.wait_for(lambda r: reader in r.path)
        assert store.subscriptions() == []  # a reader may not subscribe, let alone ping

        accepted = await fake_discord.send_interaction(
            2, subscribe_options("@analysts"), user_id=EDITOR_ID, permissions=VIEW_AND_SEND | MANAGE_CHANNELS)
        [confirmation] = await fake_discord.wait_for(lambda r: accepted in r.path)
        assert "pinging @Analysts" in json.dumps(confirmation.body)
        [subscription] = store.subscriptions()
        assert subscription.ping == Ping(str(ANALYST_ROLE_ID), "Analysts")

        clock = FakeClock(services.clock() + timedelta(seconds=1))
        store.add_article(Article(id=content_id(STORY), title="Checkpoint stormed near Gao", text=STORY,
                                  source="Wire", url="https://news.example/gao", published=clock()),
                          fetched_at=clock(), listed_at=clock())
        [stored] = store.articles()
        store_incidents(store, stored.id, [{"fatalities": 4}], now=clock())
        scheduler = Scheduler(store, {"discord": DiscordSender(bot)}, CorpusComposer(services.corpus),
                              clock=clock, sleep=clock.sleep, worker="test")
        assert [(o.kind, o.state) for o in await scheduler.run_once()] == [("alert", "sent")]

    [alert] = [r.body for r in fake_discord.requests
               if r.method == "POST" and r.path == MESSAGES and "Alert" in json.dumps(r.body)]
    assert alert["content"].startswith(f"<@&{ANALYST_ROLE_ID}> **Alert: 4 fatalities reported**")
    assert alert["allowed_mentions"] == {"parse": [], "roles": [ANALYST_ROLE_ID]}
    embeds = json.dumps(alert["embeds"], ensure_ascii=False)
    assert "Checkpoint stormed near Gao" in embeds
    assert "<@&1234567890>" not in embeds
    assert f"<@&{ANALYST_ROLE_ID}>" not in embeds  # article text cannot ping even the chosen role
    assert "@everyone" not in embeds


async def subscribe_pinging(fake, role: str) -> str:
    token = await fake.send_interaction(2, subscribe_options(role), user_id=EDITOR_ID,
                                        permissions=VIEW_AND_SEND | MANAGE_CHANNELS)
    [answer] = await fake.wait_for(lambda r: token in r.path)
    return json.dumps(answer.body)


async def test_a_role_the_bot_may_not_ping_is_refused_and_nothing_changes(fake_discord, tmp_path, caplog):
    """Discord shows a mention of a role that is not mentionable, by a bot without Mention
    @everyone, @here and All Roles, without notifying anyone: such a ping is refused up front."""
    services = services_for(Path(tmp_path / "no-seeds"), tmp_path)
    assert services.store is not None
    async with running(fake_discord, build_registry(), services, caplog):
        answer = await subscribe_pinging(fake_discord, "@quiet")
    assert "the bot may not ping the role 'Quiet'" in answer
    assert "here and All Roles" in answer  # (its @everyone is neutralised in chat)
    assert "nothing changed" in answer
    assert services.store.subscriptions() == []


async def test_a_bot_allowed_to_mention_every_role_may_ping_any_role(fake_discord, tmp_path, caplog):
    fake_discord.bot_permissions = VIEW_AND_SEND | MENTION_EVERYONE
    services = services_for(Path(tmp_path / "no-seeds"), tmp_path)
    assert services.store is not None
    async with running(fake_discord, build_registry(), services, caplog):
        answer = await subscribe_pinging(fake_discord, f"<@&{QUIET_ROLE_ID}>")
    assert "pinging @Quiet" in answer
    [subscription] = services.store.subscriptions()
    assert subscription.ping == Ping(str(QUIET_ROLE_ID), "Quiet")
