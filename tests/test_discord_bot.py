"""The real discord.py bot, built from the real registry, against a fake Discord on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from pathlib import Path
from typing import Any

import discord
import pytest
from discord_fixtures import running, services_for
from fakes.discord_server import (
    APPLICATION_ID,
    BOT_ID,
    DM_CHANNEL_ID,
    EDITOR_ID,
    EDITOR_ROLE_ID,
    GUILD_ID,
    MANAGE_CHANNELS,
    VIEW_AND_SEND,
    FakeDiscord,
    Recorded,
    fake_discord,
)

from bot.adapters import discord_bot
from bot.adapters.discord_bot import serve
from bot.adapters.discord_render import EMBED_DESCRIPTION, EMBED_TOTAL, EMBEDS_PER_MESSAGE
from bot.adapters.discord_sender import PLATFORM
from bot.config import ConfigError, Secret, Settings
from bot.core.app import build_registry
from bot.core.registry import Permission, Registry
from bot.core.reply import Reply, Section
from bot.core.services import Services
from bot.vocabulary import Destination

__all__ = ["fake_discord"]  # the fixture, imported for pytest

REPO_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EPHEMERAL = 64


def channel_posts(fake: FakeDiscord) -> list[Recorded]:
    return [r for r in fake.posted("/messages") if r.path.startswith("/channels/")]


def assert_no_pings(body: dict[str, Any]) -> None:
    """Discord may ping nobody: no @everyone/@here, roles or users parsed, no listed ids, no reply ping."""
    mentions = body["allowed_mentions"]
    assert mentions["parse"] == []
    assert not mentions.get("users")
    assert not mentions.get("roles")
    assert not mentions.get("replied_user")


def embed_text(body: dict[str, Any]) -> str:
    parts = [body.get("content") or ""]
    for embed in body.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [f"{f['name']} {f['value']}" for f in embed.get("fields", [])]
        parts.append((embed.get("footer") or {}).get("text") or "")
    return "\n".join(parts)


def assert_within_limits(body: dict[str, Any]) -> None:
    embeds = body.get("embeds") or []
    assert len(body.get("content") or "") <= 2000
    assert len(embeds) <= EMBEDS_PER_MESSAGE
    total = 0
    for embed in embeds:
        assert len(embed.get("title") or "") <= 256
        assert len(embed.get("description") or "") <= EMBED_DESCRIPTION
        assert len(embed.get("fields", [])) <= 25
        for f in embed.get("fields", []):
            assert len(f["name"]) <= 256
            assert len(f["value"]) <= 1024
        total += sum(len(embed.get(k) or "") for k in ("title", "description"))
        total += sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
        total += len((embed.get("footer") or {}).get("text") or "")
    assert total <= EMBED_TOTAL


async def test_prefix_summary_answers_with_an_embed(fake_discord, tmp_path, caplog):
    services = services_for(REPO_SEEDS, tmp_path)
    async with running(fake_discord, build_registry(), services, caplog):
        await fake_discord.send_message("!summary --sentences 2")
        [post] = await fake_discord.wait_for(lambda r: r.path.endswith("/messages") and r.method == "POST")
    body = post.body
    assert_no_pings(body)
    assert "message_reference" in body  # answers as a reply, without pinging the author
    text = embed_text(body)
    assert body["content"].startswith("**Syrian forces and local civilian residents")
    assert "Sputnik" in text
    assert "2 of 21 sentences" in text
    assert_within_limits(body)


async def test_slash_incident_defers_then_follows_up_with_the_incident(fake_discord, tmp_path, caplog):
    services = services_for(REPO_SEEDS, tmp_path)
    async with running(fake_discord, build_registry(), services, caplog):
        token = await fake_discord.send_interaction(2, {
            "id": "1", "name": "incident", "type": 1,
            "options": [{"name": "query", "type": 3, "value": "Qamishli"}],
        })
        [followup] = await fake_discord.wait_for(lambda r: r.path == f"/webhooks/{APPLICATION_ID}/{token}")
    [callback] = [r for r in fake_discord.requests if r.path.endswith("/callback")]
    assert callback.query == {"with_response": "1"}
    assert callback.body["type"] == 5  # deferred: the 3-second deadline cannot be missed
    assert followup.query.get("wait") == "1"
    body = followup.body
    assert_no_pings(body)
    text = embed_text(body)
    assert "Qamishli" in text
    assert "MRAP" in text  # the vehicles of the al-Kazia checkpoint incident
    assert_within_limits(body)


async def test_article_text_cannot_ping_or_inject_markup(fake_discord, tmp_path, caplog):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    hostile = ("@everyone The convoy <@123> turned back at the checkpoint near <@&456> today. "
               "Residents @here said <#789> and **bold** [click](https://evil.example) were posted. ")
    (seeds / "hostile.txt").write_text("Checkpoint standoff @everyone\n\n" + hostile * 3, encoding="utf-8")
    async with running(fake_discord, build_registry(), services_for(seeds, tmp_path), caplog):
        await fake_discord.send_message("!summary")
        [post] = await fake_discord.wait_for(lambda r: r.path.endswith("/messages") and r.method == "POST")
    body = post.body
    assert_no_pings(body)
    text = embed_text(body)
    assert "convoy" in text
    for token in ("@everyone", "@here", "<@123>", "<@&456>", "<#789>", "**bold**"):
        assert token not in text, token
    assert "\\[click\\]\\(https" in text  # brackets and parentheses escaped: no masked link


async def test_non_manager_is_refused_and_manager_allowed(fake_discord, tmp_path, caplog):
    services = services_for(REPO_SEEDS, tmp_path)
    unsubscribe = {"id": "2", "name": "unsubscribe", "type": 1,
                   "options": [{"name": "id", "type": 4, "value": 1}]}
    async with running(fake_discord, build_registry(), services, caplog):
        await fake_discord.send_message("!unsubscribe 1")
        [refusal] = await fake_discord.wait_for(lambda r: r.path.endswith("/messages"))
        await fake_discord.send_message("!unsubscribe 1", author_id=EDITOR_ID, name="editor",
                                        roles=(EDITOR_ROLE_ID,))
        allowed = (await fake_discord.wait_for(lambda r: r.path.endswith("/messages"), count=2))[1]
        reader = await fake_discord.send_interaction(2, unsubscribe)
        editor = await fake_discord.send_interaction(
            2, unsubscribe, user_id=EDITOR_ID, permissions=VIEW_AND_SEND | MANAGE_CHANNELS)
        slash = await fake_discord.wait_for(lambda r: r.path.endswith("/callback"), count=2)
    assert "only channel managers" in embed_text(refusal.body)
    assert "only channel managers" not in embed_text(allowed.body)
    by_token = {r.path.split("/")[3]: r.body for r in slash}
    assert "only channel managers" in embed_text(by_token[reader]["data"])
    assert by_token[reader]["data"]["flags"] & EPHEMERAL
    assert "only channel managers" not in embed_text(by_token[editor]["data"])


def owned_services(tmp_path: Path, *owners: str) -> Services:
    """Services over the repository's seeds whose store holds one operator feed (#1)."""
    services = Services.build(Settings(seeds=REPO_SEEDS, data_dir=tmp_path / "data", fetch_urls=False,
                                       owners=owners))
    assert services.store is not None
    services.store.add_feed("https://wire.example/rss", now=services.clock())
    return services


def answers(fake: FakeDiscord) -> list[str]:
    return [embed_text(r.body).strip() for r in fake.requests
            if r.method == "POST" and r.path.endswith("/messages")]


async def test_a_direct_message_never_manages_feeds_or_reloads(fake_discord, tmp_path, caplog):
    services = owned_services(tmp_path)
    assert services.store is not None
    remove = {"id": "3", "name": "feeds", "type": 1,
              "options": [{"name": "action", "type": 3, "value": "remove"},
                          {"name": "target", "type": 3, "value": "1"}]}
    async with running(fake_discord, build_registry(), services, caplog):
        for line in ("!feeds remove 1", "!feeds resume 1", "!feeds add https://8.8.8.8/rss", "!reload",
                     "!subscribe daily 08:00"):
            await fake_discord.send_message(line, direct=True)
        posts = await fake_discord.wait_for(lambda r: r.path == f"/channels/{DM_CHANNEL_ID}/messages",
                                            count=5)
        token = await fake_discord.send_interaction(2, remove, direct=True)
        [slash] = await fake_discord.wait_for(lambda r: token in r.path and r.path.endswith("/callback"))
    refusals = [embed_text(post.body) for post in posts] + [embed_text(slash.body["data"])]
    assert all(text.strip().startswith("Sorry, only ") for text in refusals), refusals
    assert [f.url for f in services.store.feeds()] == ["https://wire.example/rss"]
    assert services.store.subscriptions() == []


async def test_an_owner_is_recognised_in_a_direct_message(fake_discord, tmp_path, caplog):
    services = owned_services(tmp_path, f"discord:{EDITOR_ID}", "slack:U0OWNER")
    assert services.store is not None
    async with running(fake_discord, build_registry(), services, caplog):
        await fake_discord.send_message("!reload", author_id=EDITOR_ID, name="editor", direct=True)
        await fake_discord.wait_for(lambda r: r.path == f"/channels/{DM_CHANNEL_ID}/messages")
        await fake_discord.send_message("!feeds remove 1", author_id=EDITOR_ID, name="editor", direct=True)
        await fake_discord.wait_for(lambda r: r.path == f"/channels/{DM_CHANNEL_ID}/messages", count=2)
    reload, removed = answers(fake_discord)
    assert reload.startswith("**Reloaded:")
    assert removed.startswith("**Removed feed #1")
    assert services.store.feeds() == []


async def test_a_server_manager_cannot_touch_another_servers_or_the_operators_feed(
        fake_discord, tmp_path, caplog):
    services = owned_services(tmp_path)
    store = services.store
    assert store is not None
    other = Destination(PLATFORM, "900000000000000777", "900000000000000700")  # another server's channel
    theirs, _ = store.add_feed("https://other-server.example/secret.rss", now=services.clock(),
                               added_by=other)
    editor = {"author_id": EDITOR_ID, "name": "editor", "roles": (EDITOR_ROLE_ID,)}
    async with running(fake_discord, build_registry(), services, caplog):
        replies = []
        for line in (f"!feeds remove {theirs.id}", f"!feeds resume {theirs.id}", "!feeds remove 1",
                     "!feeds list"):  # one at a time: replies come in order
            await fake_discord.send_message(line, **editor)
            await fake_discord.wait_for(lambda r: r.path.endswith("/messages"), count=len(replies) + 1)
            replies = answers(fake_discord)
    remove_theirs, resume_theirs, remove_operators, listing = replies
    assert "No such feed here" in remove_theirs
    assert "No such feed here" in resume_theirs
    assert "the operator's; only the operator may remove it" in remove_operators
    assert "wire.example/rss" in listing
    assert "other-server.example" not in listing
    assert [f.id for f in store.feeds()] == [1, theirs.id]


async def test_sync_registers_every_command_with_typed_options(fake_discord, tmp_path, caplog):
    registry = build_registry()
    async with running(fake_discord, registry, services_for(REPO_SEEDS, tmp_path), caplog):
        path = f"/applications/{APPLICATION_ID}/guilds/{GUILD_ID}/commands"
        [sync] = await fake_discord.wait_for(lambda r: r.method == "PUT" and r.path == path)
    synced = {c["name"]: c for c in sync.body}
    assert set(synced) == {c.name for c in registry.commands()}
    options = {o["name"]: o for o in synced["summary"]["options"]}
    assert options["article"]["type"] == 3
    assert options["article"]["autocomplete"] is True
    assert options["sentences"]["type"] == 4
    assert options["sentences"]["min_value"] == 1
    assert {c["value"] for c in options["method"]["choices"]} >= {"default", "lead"}
    incident = {o["name"]: o for o in synced["incident"]["options"]}
    assert incident["since"]["type"] == 3
    assert "YYYY-MM-DD" in incident["since"]["description"]
    assert incident["limit"]["type"] == 4
    assert all(not o.get("required") for c in sync.body for o in c.get("options", []))
    managers_only = {c.name for c in registry.commands() if c.permission is Permission.MANAGER}
    assert {"unsubscribe", "subscribe"} <= managers_only
    assert registry.get("reload").permission is Permission.OWNER  # owners need not manage channels
    for name, command in synced.items():
        expected = MANAGE_CHANNELS if name in managers_only else None
        assert command.get("default_member_permissions") == expected, name


async def test_autocomplete_offers_article_titles(fake_discord, tmp_path, caplog):
    async with running(fake_discord, build_registry(), services_for(REPO_SEEDS, tmp_path), caplog) as bot:
        await fake_discord.send_interaction(4, {
            "id": "3", "name": "summary", "type": 1,
            "options": [{"name": "article", "type": 3, "value": "", "focused": True}],
        })
        [callback] = await fake_discord.wait_for(lambda r: r.path.endswith("/callback"))
        article = bot.services.corpus.articles()[0]
        chosen = callback.body["data"]["choices"][0]
        token = await fake_discord.send_interaction(2, {
            "id": "3", "name": "summary", "type": 1,
            "options": [{"name": "article", "type": 3, "value": chosen["value"]}],
        })
        [answer] = await fake_discord.wait_for(lambda r: r.path == f"/webhooks/{APPLICATION_ID}/{token}")
    assert callback.body["type"] == 8
    assert chosen == {"name": article.title[:100], "value": article.id}
    assert answer.body["content"].startswith("**" + article.title[:40])


async def test_bad_slash_option_gets_a_usage_line_only_for_the_user(fake_discord, tmp_path, caplog):
    async with running(fake_discord, build_registry(), services_for(REPO_SEEDS, tmp_path), caplog):
        await fake_discord.send_interaction(2, {
            "id": "4", "name": "incident", "type": 1,
            "options": [{"name": "since", "type": 3, "value": "last tuesday"}],
        })
        [callback] = await fake_discord.wait_for(lambda r: r.path.endswith("/callback"))
    data = callback.body["data"]
    assert callback.body["type"] == 4
    assert data["flags"] & EPHEMERAL
    text = embed_text(data)
    assert "since must be a date" in text
    assert "/incident" in text


async def test_a_quick_command_that_turns_out_slow_is_deferred_before_the_deadline(
        fake_discord, tmp_path, caplog, monkeypatch):
    monkeypatch.setattr(discord_bot, "DEFER_AFTER", 0.05)
    registry = Registry()

    @registry.command("ponder")
    async def ponder(inv: Any, services: Any) -> Reply:
        """Takes its time."""
        await asyncio.sleep(0.5)
        return Reply(title="Done pondering")

    async with running(fake_discord, registry, services_for(REPO_SEEDS, tmp_path), caplog):
        token = await fake_discord.send_interaction(2, {"id": "8", "name": "ponder", "type": 1})
        [followup] = await fake_discord.wait_for(lambda r: r.path == f"/webhooks/{APPLICATION_ID}/{token}")
    [callback] = [r for r in fake_discord.requests if r.path.endswith("/callback")]
    assert callback.body["type"] == 5
    assert followup.body["content"] == "**Done pondering**"


async def test_an_error_after_deferring_is_shown_only_to_the_asker(fake_discord, tmp_path, caplog):
    async with running(fake_discord, build_registry(), services_for(REPO_SEEDS, tmp_path), caplog):
        token = await fake_discord.send_interaction(2, {
            "id": "6", "name": "summary", "type": 1,
            "options": [{"name": "article", "type": 3, "value": "zeppelin armada"}],
        })
        [followup] = await fake_discord.wait_for(lambda r: r.path == f"/webhooks/{APPLICATION_ID}/{token}")
    [callback] = [r for r in fake_discord.requests if r.path.endswith("/callback")]
    assert callback.body["type"] == 5  # summary is slow: deferred at once
    deleted = [r for r in fake_discord.requests if r.method == "DELETE" and token in r.path]
    assert [r.path for r in deleted] == [f"/webhooks/{APPLICATION_ID}/{token}/messages/@original"]
    assert followup.body["flags"] & EPHEMERAL
    assert "zeppelin armada" in embed_text(followup.body)


async def test_bad_prefix_arguments_and_unknown_commands_get_short_errors(fake_discord, tmp_path, caplog):
    async with running(fake_discord, build_registry(), services_for(REPO_SEEDS, tmp_path), caplog):
        await fake_discord.send_message("!summary --sentences lots")
        await fake_discord.send_message('!search "unclosed')
        await fake_discord.send_message("!sumary")
        await fake_discord.send_message("!!!")
        posts = await fake_discord.wait_for(lambda r: r.path.endswith("/messages"), count=3)
    texts = sorted(embed_text(p.body) for p in posts)
    assert "Cannot read the arguments" in texts[0]
    assert "Unknown command 'sumary'. Try !help." in texts[1]
    assert "sentences must be a whole number" in texts[2]
    assert "Usage: summary" in texts[2]
    assert len(channel_posts(fake_discord)) == 3  # "!!!" is not answered
    assert all("Traceback" not in t for t in texts)


async def test_a_mention_takes_the_slash_or_prefix_form_of_a_command(fake_discord, tmp_path, caplog):
    """``@newsdigest /sources`` (the slash form typed after a mention) is the command, as
    ``@newsdigest sources`` and ``@newsdigest !sources`` are."""
    async with running(fake_discord, build_registry(), services_for(REPO_SEEDS, tmp_path), caplog):
        for text in (f"<@{BOT_ID}> /sources", f"<@{BOT_ID}> !sources", f"<@{BOT_ID}> sources"):
            await fake_discord.send_message(text)
        posts = await fake_discord.wait_for(lambda r: r.path.endswith("/messages"), count=3)
    assert all("Syrian forces" in embed_text(p.body) for p in posts)


async def test_answers_name_commands_the_way_the_user_typed_theirs(fake_discord, tmp_path, caplog):
    """A slash command's answer names ``/help``, never ``!help`` (prefix commands may not work
    there); a prefix command's names ``!help``; a mention's names the mention form."""
    registry = Registry()

    @registry.command("hint")
    async def hint(inv: Any, services: Any) -> Reply:
        """Names another command."""
        return Reply(title=f"Try {inv.spelling.typed('help')}")

    async with running(fake_discord, registry, services_for(REPO_SEEDS, tmp_path), caplog):
        token = await fake_discord.send_interaction(2, {"id": "8", "name": "hint", "type": 1})
        [callback] = await fake_discord.wait_for(lambda r: r.path.endswith("/callback"))
        await fake_discord.send_message("!hint")
        await fake_discord.send_message(f"<@{BOT_ID}> hint")
        posts = await fake_discord.wait_for(lambda r: r.path.endswith("/messages"), count=2)
    assert token
    assert "Try /help" in embed_text(callback.body["data"])
    texts = sorted(embed_text(p.body) for p in posts)
    assert texts[0] == "**Try !help**"
    assert texts[1].startswith("**Try @")
    assert texts[1].endswith(" help**")


def long_text(length: int) -> str:
    sentence = "The convoy turned back at the checkpoint after a standoff. "
    return (sentence * (length // len(sentence) + 1))[:length]


def long_registry(length: int) -> Registry:
    registry = Registry()

    @registry.command("long")
    async def long(inv: Any, services: Any) -> Reply:
        """A very long answer."""
        return Reply(title="Long", sections=(Section(title="Report", body=long_text(length)),))

    return registry


async def test_a_10000_character_answer_is_split_within_limits(fake_discord, tmp_path, caplog):
    async with running(fake_discord, long_registry(10_000), services_for(REPO_SEEDS, tmp_path), caplog):
        await fake_discord.send_message("!long")
        posts = await fake_discord.wait_for(lambda r: r.path.endswith("/messages"), count=2)
    assert len(posts) == 2
    for post in posts:
        assert_within_limits(post.body)
        assert_no_pings(post.body)
    text = " ".join(e["description"] for p in posts for e in p.body["embeds"])
    assert text == long_text(10_000).strip()  # nothing lost or repeated


async def test_a_very_long_answer_is_paged_with_buttons(fake_discord, tmp_path, caplog):
    async with running(fake_discord, long_registry(60_000), services_for(REPO_SEEDS, tmp_path), caplog):
        await fake_discord.send_interaction(2, {"id": "5", "name": "long", "type": 1})
        [first] = await fake_discord.wait_for(lambda r: r.path.endswith("/callback"))
        [message] = [m for m in fake_discord.created if m["components"]]
        buttons = message["components"][0]["components"]
        await fake_discord.send_interaction(3, {"custom_id": buttons[2]["custom_id"], "component_type": 2},
                                            message=message)
        flips = await fake_discord.wait_for(lambda r: r.path.endswith("/callback"), count=2)
    assert [b["label"] for b in buttons[::2]] == ["◀ Previous", "Next ▶"]
    pages = int(buttons[1]["label"].removeprefix("1/"))
    assert pages > 3
    assert len(channel_posts(fake_discord)) == 0  # one message, not a flood
    assert flips[1].body["type"] == 7  # the same message updated in place
    page_two = flips[1].body["data"]
    assert page_two["components"][0]["components"][1]["label"] == f"2/{pages}"
    assert page_two["embeds"] != first.body["data"]["embeds"]
    assert_no_pings(page_two)
    assert_within_limits(page_two)


async def test_without_the_message_content_intent_it_falls_back_to_slash_and_mentions(
        fake_discord, tmp_path, caplog):
    message_content = 1 << 15
    fake_discord.refused_intents = message_content
    settings = Settings(seeds=REPO_SEEDS, data_dir=tmp_path, discord_guild_id=GUILD_ID, fetch_urls=False)
    caplog.set_level(logging.WARNING, logger="bot.adapters.discord_bot")
    task = asyncio.create_task(serve(settings, Secret("fake-token"), build_registry(),
                                     services_for(REPO_SEEDS, tmp_path)))
    try:
        await fake_discord.wait_ready()
        assert fake_discord.identify is not None
        assert not fake_discord.identify["intents"] & message_content
        await fake_discord.send_message(f"<@{BOT_ID}> sources")
        [post] = await fake_discord.wait_for(lambda r: r.path.endswith("/messages"))
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    assert "Syrian forces" in embed_text(post.body)
    assert "Message Content intent is not enabled" in caplog.text


async def test_an_adapter_failure_is_logged_and_answered_without_a_traceback(fake_discord, tmp_path, caplog):
    registry = Registry()

    @registry.command("broken")
    async def broken(inv: Any, services: Any) -> Reply:
        """Returns something that is not a reply."""
        return None  # type: ignore[return-value]

    async with running(fake_discord, registry, services_for(REPO_SEEDS, tmp_path), caplog):
        await fake_discord.send_message("!broken")
        await fake_discord.send_interaction(2, {"id": "9", "name": "broken", "type": 1})
        [post] = await fake_discord.wait_for(lambda r: r.path.endswith("/messages"))
        [callback] = await fake_discord.wait_for(lambda r: r.path.endswith("/callback"))
        logged = [r for r in caplog.records if r.name == "bot.adapters.discord_bot"]
        assert sorted(r.getMessage() for r in logged) == ["prefix command failed", "slash command failed"]
        caplog.clear()  # expected here; ``running`` fails on any other logged error
    for body in (post.body, callback.body["data"]):
        text = embed_text(body)
        assert "Something went wrong" in text
        assert "Traceback" not in text
        assert "NoneType" not in text
    assert callback.body["data"]["flags"] & EPHEMERAL


async def test_the_prefix_is_configurable(fake_discord, tmp_path, caplog):
    services = services_for(REPO_SEEDS, tmp_path)
    async with running(fake_discord, build_registry(), services, caplog, prefix="?"):
        await fake_discord.send_message("!sources")
        await fake_discord.send_message("?sources")
        [post] = await fake_discord.wait_for(lambda r: r.path.endswith("/messages"))
        await asyncio.sleep(0.2)  # time for a (wrong) answer to "!sources"
    assert len(channel_posts(fake_discord)) == 1
    assert "Syrian forces" in embed_text(post.body)


async def test_help_takes_a_command_with_the_configured_prefix(fake_discord, tmp_path, caplog):
    services = services_for(REPO_SEEDS, tmp_path)
    async with running(fake_discord, build_registry(), services, caplog, prefix="?"):
        await fake_discord.send_message("?help ?sources")
        [post] = await fake_discord.wait_for(lambda r: r.path.endswith("/messages"))
    assert "Usage: sources" in embed_text(post.body)


async def test_a_process_serves_the_one_shard_it_is_given(fake_discord, tmp_path):
    settings = Settings.load(environ={"DISCORD_SHARD_ID": "1", "DISCORD_SHARD_COUNT": "3"},
                             seeds=REPO_SEEDS, data_dir=tmp_path, fetch_urls=False)
    task = asyncio.create_task(serve(settings, Secret("fake-token"), build_registry(),
                                     services_for(REPO_SEEDS, tmp_path)))
    try:
        await fake_discord.wait_ready()
        assert fake_discord.identify is not None
        assert fake_discord.identify["shard"] == [1, 3]
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


@pytest.mark.parametrize("environ", [{"DISCORD_SHARD_ID": "1"}, {"DISCORD_SHARD_COUNT": "2"},
                                     {"DISCORD_SHARD_ID": "2", "DISCORD_SHARD_COUNT": "2"}])
def test_shard_settings_go_together_and_in_range(environ):
    with pytest.raises(ConfigError, match="DISCORD_SHARD_ID and DISCORD_SHARD_COUNT go together"):
        Settings.load(environ=environ)


async def test_discord_out_of_reach_at_login_is_one_error_line(tmp_path, monkeypatch):
    with socket.socket() as probe:  # a port nothing listens on: the connection is refused
        probe.bind(("127.0.0.1", 0))
        closed = int(probe.getsockname()[1])
    monkeypatch.setattr(discord.http.Route, "BASE", f"http://127.0.0.1:{closed}/api/v10")
    settings = Settings(seeds=REPO_SEEDS, data_dir=tmp_path, fetch_urls=False)
    expected = rf"^cannot reach Discord at http://127\.0\.0\.1:{closed}/api/v10: Cannot connect"
    with pytest.raises(ConfigError, match=expected):
        await serve(settings, Secret("fake-token"), build_registry(), services_for(REPO_SEEDS, tmp_path))
