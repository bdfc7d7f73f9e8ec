"""The gateway drops and the bot resumes its session (against the fake Discord): commands sent
during the outage are answered after the resume, a digest due during it is posted over REST
meanwhile, and commands after it work as before. Nothing is lost. A message from a server the
bot has not loaded (as after an outage) gets "try again" for manager actions only."""

from __future__ import annotations

from discord_fixtures import running, services_for
from fakes.discord_server import (
    CHANNEL_ID,
    EDITOR_ID,
    EDITOR_ROLE_ID,
    TIMESTAMP,
    Recorded,
    fake_discord,
    member_payload,
    snowflake,
)
from fakes.recording_sender import FakeClock
from store_rows import deliveries
from test_discord_bot import embed_text
from test_discord_scheduler import REPO_SEEDS, publish

from bot.adapters.discord_sender import DiscordSender
from bot.core.app import build_registry
from bot.scheduler import CorpusComposer, Scheduler

__all__ = ["fake_discord"]

MESSAGES = f"/channels/{CHANNEL_ID}/messages"


def is_post(request: Recorded) -> bool:
    return request.method == "POST" and request.path == MESSAGES


async def test_the_bot_resumes_after_a_gateway_outage_and_loses_nothing(fake_discord, tmp_path, caplog):
    services = services_for(REPO_SEEDS, tmp_path)
    store = services.store
    assert store is not None
    async with running(fake_discord, build_registry(), services, caplog) as bot:
        await fake_discord.send_message("!subscribe daily 08:00 --incidents=no", author_id=EDITOR_ID,
                                        name="editor", roles=(EDITOR_ROLE_ID,))
        await fake_discord.wait_for(is_post)
        [subscription] = store.subscriptions()

        await fake_discord.drop_gateway()
        await fake_discord.send_message("!sources")  # during the outage
        token = await fake_discord.send_interaction(2, {"id": "3", "name": "help", "type": 1})
        clock = FakeClock(publish(store, services.clock()))  # a digest falls due meanwhile
        scheduler = Scheduler(store, {"discord": DiscordSender(bot)}, CorpusComposer(services.corpus),
                              clock=clock, sleep=clock.sleep, worker="test")
        outcomes = await scheduler.run_once()  # REST does not need the gateway
        assert fake_discord.resumes == []  # still down: the command was not delivered yet

        fake_discord.restore_gateway()
        await fake_discord.wait_resumed()
        await fake_discord.wait_for(lambda r: token in r.path)  # the slash command, replayed
        await fake_discord.wait_for(is_post, count=3)  # subscribe, digest, the replayed !sources
        await fake_discord.send_message("!subscriptions")  # after the resume
        posts = await fake_discord.wait_for(is_post, count=4)

    assert [o.state for o in outcomes] == ["sent"]
    assert [d.state for d in deliveries(store)] == ["sent"]
    assert fake_discord.resumes[0]["session_id"] == "fake-session"  # resumed, not identified anew
    assert len(fake_discord.resumes) == 1
    replies = [p.body for p in posts if p.body.get("message_reference")]  # answers to commands
    [digest] = [p.body for p in posts if not p.body.get("message_reference")]  # the scheduler's, once
    assert "Checkpoint stormed near Gao" in str(digest)
    assert "Checkpoint stormed near Gao" in str(replies[1])  # !sources, sent during the outage
    assert "daily 08:00" in str(replies[2])  # !subscriptions, after it
    assert len(posts) == 4  # every command answered once: nothing lost, nothing replayed twice
    assert subscription.schedule == "daily 08:00"


async def test_a_member_the_bot_cannot_see_is_asked_to_try_again_only_for_manager_actions(
        fake_discord, tmp_path, caplog):
    """A message from a server the bot has not (re)loaded yet: it cannot tell whether the author
    manages the channel, so a manager action gets "try again" (not "managers only"); reading works."""
    services = services_for(REPO_SEEDS, tmp_path)
    unseen_guild, unseen_channel = "900000000000000990", "900000000000000991"
    where = f"/channels/{unseen_channel}/messages"
    async with running(fake_discord, build_registry(), services, caplog):
        for content in ("!subscribe daily 08:00", "!subscriptions"):
            member = member_payload(EDITOR_ID, "editor", [EDITOR_ROLE_ID])
            await fake_discord.dispatch("MESSAGE_CREATE", {
                "id": snowflake(), "channel_id": unseen_channel, "guild_id": unseen_guild, "member": member,
                "author": member.pop("user"), "content": content, "timestamp": TIMESTAMP,
                "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [],
                "mention_roles": [], "attachments": [], "embeds": [], "pinned": False, "type": 0, "flags": 0})
            await fake_discord.wait_for(lambda r: r.method == "POST" and r.path == where,
                                        count=1 if content.startswith("!subscribe ") else 2)
    refusal, listing = [embed_text(r.body) for r in fake_discord.requests if r.path == where]
    assert "couldn't check your permissions; try again" in refusal
    assert "only channel managers" not in refusal
    assert "Sorry" not in listing
    assert services.store is not None
    assert services.store.subscriptions() == []
