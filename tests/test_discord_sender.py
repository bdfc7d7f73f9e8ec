"""DiscordSender (the scheduler's way to post) against the fake Discord REST API: 429s and failures."""

from __future__ import annotations

from collections.abc import AsyncIterator

import discord
import pytest
from fakes.discord_server import CHANNEL_ID, FakeDiscord, fake_discord

from bot.adapters.discord_sender import DiscordSender
from bot.config import Secret
from bot.core.reply import Reply, Section
from bot.core.sender import ChannelGone, RetryAfter, SendError
from bot.vocabulary import Destination

__all__ = ["fake_discord"]

CHANNEL = Destination("discord", str(CHANNEL_ID), workspace="1")
MESSAGES = f"/channels/{CHANNEL_ID}/messages"
DIGEST = Reply(title="Morning digest",
               sections=(Section(title="Syria", body="@everyone A convoy turned back."),))


@pytest.fixture
async def sender(fake_discord: FakeDiscord) -> AsyncIterator[DiscordSender]:
    sender = await DiscordSender.login(Secret("fake-token"))
    yield sender
    await sender.close()


def posts(fake: FakeDiscord) -> list[dict]:
    return [r.body for r in fake.requests if r.method == "POST" and r.path == MESSAGES]


async def test_posts_the_digest_without_mentions(fake_discord, sender):
    await sender.post(CHANNEL, DIGEST)
    [body] = posts(fake_discord)
    assert body["allowed_mentions"] == {"parse": []}
    assert body["content"] == "**Morning digest**"
    assert body["embeds"][0]["description"] == "@\u200beveryone A convoy turned back."


async def test_a_short_rate_limit_is_waited_out_and_retried(fake_discord, sender):
    fake_discord.rate_limit_next(MESSAGES, 0.05)
    await sender.post(CHANNEL, DIGEST)
    assert len(posts(fake_discord)) == 2  # the 429, then the successful retry


async def test_a_long_rate_limit_becomes_retry_after(fake_discord, sender):
    fake_discord.rate_limit_next(MESSAGES, 120)
    with pytest.raises(RetryAfter) as caught:
        await sender.post(CHANNEL, DIGEST)
    assert caught.value.seconds == 120
    assert len(posts(fake_discord)) == 1  # not slept on, not retried


async def test_rate_limits_that_never_end_become_retry_after(fake_discord, sender):
    fake_discord.rate_limit_next(MESSAGES, 0.01, times=5)
    with pytest.raises(RetryAfter) as caught:
        await sender.post(CHANNEL, DIGEST)
    assert caught.value.seconds == pytest.approx(0.01)
    assert len(posts(fake_discord)) == 5


async def test_a_discord_outage_is_retried_later(fake_discord, sender):
    fake_discord.fail_next(MESSAGES, 503, body={"message": "Service Unavailable", "code": 0})
    with pytest.raises(RetryAfter) as caught:
        await sender.post(CHANNEL, DIGEST)
    assert caught.value.seconds == 60
    assert str(caught.value) == "Discord had a server error (HTTP 503); retry after 60 s"


@pytest.mark.parametrize(("status", "code", "message", "reason", "gone"), [
    (403, 50013, "Missing Permissions",
     "403 Missing Permissions (give the bot Send Messages and Embed Links in that channel)", True),
    (403, 50001, "Missing Access",
     "403 Missing Access (the bot was removed from the channel or cannot view it)", True),
    (404, 10003, "Unknown Channel", "404 Unknown Channel (the channel was deleted)", True),
    (401, 0, "401: Unauthorized", "401: Unauthorized (DISCORD_TOKEN is not valid)", False),  # the status once
    (400, 50035, "Invalid Form Body", "400 Invalid Form Body", False),
])
async def test_lasting_failures_become_send_error_with_a_hint(fake_discord, sender, status, code, message,
                                                              reason, gone):
    """A channel deleted, a bot removed or a token reset: the log line says what to do, as on Slack.
    Only a channel gone or closed to the bot is ``ChannelGone`` (its subscription is paused)."""
    fake_discord.fail_next(MESSAGES, status, body={"message": message, "code": code})
    with pytest.raises(SendError) as refused:
        await sender.post(CHANNEL, DIGEST)
    assert str(refused.value) == f"Discord refused the post to channel {CHANNEL.channel}: {reason}"
    assert isinstance(refused.value, ChannelGone) is gone


async def test_a_channel_that_is_not_an_id_is_a_send_error(sender):
    with pytest.raises(SendError, match="not a Discord channel id"):
        await sender.post(Destination("discord", "#news"), DIGEST)


async def test_a_long_digest_is_posted_as_several_messages_in_order(fake_discord, sender):
    body = " ".join(f"Story {i} sentence about the convoy." for i in range(400))
    await sender.post(CHANNEL, Reply(title="Long digest", sections=(Section(title="All", body=body),)))
    bodies = posts(fake_discord)
    assert len(bodies) > 1
    assert bodies[0]["content"] == "**Long digest**"
    assert not any(b.get("content") for b in bodies[1:])
    text = " ".join(e["description"] for b in bodies for e in b["embeds"])
    assert text == body


async def test_a_retried_long_digest_resumes_after_the_pages_already_posted(fake_discord, sender):
    body = " ".join(f"Story {i} sentence about the convoy." for i in range(400))
    reply = Reply(title="Long digest", sections=(Section(title="All", body=body),))
    fake_discord.rate_limit_next(MESSAGES, 120, after=1)
    with pytest.raises(RetryAfter):
        await sender.post(CHANNEL, reply)
    first = posts(fake_discord)
    assert len(first) == 2  # page 1 posted, page 2 refused
    await sender.post(CHANNEL, reply)
    bodies = posts(fake_discord)
    assert bodies[2]["embeds"][0]["description"] == first[1]["embeds"][0]["description"]  # resumes there
    assert sum(1 for b in bodies if b.get("content") == "**Long digest**") == 1
    text = " ".join(e["description"] for b in bodies[:1] + bodies[2:] for e in b["embeds"])
    assert text == body


async def test_the_fake_refuses_what_discord_refuses(fake_discord):
    """The limit checks above mean something: an oversized post gets Discord's 400."""
    client = discord.Client(intents=discord.Intents.none())
    await client.login("fake-token")
    try:
        channel = client.get_partial_messageable(CHANNEL_ID)
        with pytest.raises(discord.HTTPException, match="Invalid Form Body"):
            await channel.send(content="x" * 2001)
        with pytest.raises(discord.HTTPException, match="6000"):
            await channel.send(embeds=[discord.Embed(description="y" * 4000) for _ in range(2)])
    finally:
        await client.close()


async def test_a_repeated_delivery_is_deduplicated_by_its_nonce(fake_discord, sender):
    await sender.post(CHANNEL, DIGEST, key="7:2026-11-24T07:00Z")
    restarted = await DiscordSender.login(Secret("fake-token"))  # no memory of the first attempt
    try:
        await restarted.post(CHANNEL, DIGEST, key="7:2026-11-24T07:00Z", retry=True)
        await restarted.post(CHANNEL, DIGEST, key="8:2026-11-24T08:00Z")
    finally:
        await restarted.close()
    sent = posts(fake_discord)
    assert [body["enforce_nonce"] for body in sent] == [True, True, True]
    assert sent[0]["nonce"] == sent[1]["nonce"] != sent[2]["nonce"]
    assert len(sent[0]["nonce"]) <= 25
    assert len(fake_discord.created) == 2  # Discord answered the repeat with the first message
