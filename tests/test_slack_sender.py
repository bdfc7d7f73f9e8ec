"""SlackSender against the fake Web API: posts, 429 -> RetryAfter, lasting refusals -> SendError."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fakes.slack_api import FakeSlackApi
from slack_fixtures import HOSTILE, long_reply
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler

from bot.adapters.slack_client import web_client
from bot.adapters.slack_render import render
from bot.adapters.slack_sender import SlackSender
from bot.core.reply import Reply, Section
from bot.core.sender import RetryAfter, Sender, SendError
from bot.vocabulary import Destination

NEWS = Destination("slack", "C0DIGEST", "T0NEWS")


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlackApi]:
    async with FakeSlackApi() as server:
        yield server


def test_slack_sender_is_a_sender() -> None:
    sender: Sender = SlackSender.connect("xoxb-test", "http://127.0.0.1:9/api")
    assert sender.platform == "slack"


async def test_a_digest_is_posted_with_blocks_and_no_unfurls(fake: FakeSlackApi) -> None:
    sender = SlackSender.connect("xoxb-test", fake.api_url)
    await sender.post(NEWS, Reply(title="Morning digest", sections=(Section(title=HOSTILE, body=HOSTILE),)))
    [call] = fake.calls_to("chat.postMessage")
    assert call.headers["Authorization"] == "Bearer xoxb-test"
    assert call.payload["channel"] == "C0DIGEST"
    assert call.payload["text"] == "Morning digest"
    assert call.payload["unfurl_links"] is False
    assert "<!channel>" not in str(call.payload)
    assert "<@U123>" not in str(call.payload)


async def test_api_url_without_trailing_slash_still_reaches_the_api(fake: FakeSlackApi) -> None:
    sender = SlackSender.connect("xoxb-test", fake.api_url.rstrip("/"))
    await sender.post(NEWS, Reply(title="t"))
    assert len(fake.calls_to("chat.postMessage")) == 1


async def test_429_becomes_retry_after_with_slacks_seconds(fake: FakeSlackApi) -> None:
    fake.rate_limit("chat.postMessage", times=1, retry_after=7)
    sender = SlackSender.connect("xoxb-test", fake.api_url)
    with pytest.raises(RetryAfter) as caught:
        await sender.post(NEWS, Reply(title="t"))
    assert caught.value.seconds == 7
    assert len(fake.calls_to("chat.postMessage")) == 1  # slack_sdk did not retry on its own
    await sender.post(NEWS, Reply(title="t"))
    assert len(fake.calls_to("chat.postMessage")) == 2


async def test_the_sender_drops_slack_sdks_rate_limit_retries_from_its_client(fake: FakeSlackApi) -> None:
    client = web_client("xoxb-test", fake.api_url, retry_rate_limits=True)
    assert any(isinstance(h, AsyncRateLimitErrorRetryHandler) for h in client.retry_handlers)
    sender = SlackSender(client)
    assert not any(isinstance(h, AsyncRateLimitErrorRetryHandler) for h in client.retry_handlers)
    fake.rate_limit("chat.postMessage", times=1, retry_after=3)
    with pytest.raises(RetryAfter):
        await sender.post(NEWS, Reply(title="t"))


async def test_a_retried_long_digest_resumes_after_the_parts_already_posted(fake: FakeSlackApi) -> None:
    reply = long_reply(1500)
    parts = len(render(reply, max_messages=10))
    assert parts >= 2
    sender = SlackSender.connect("xoxb-test", fake.api_url)
    fake.rate_limit("chat.postMessage", times=1, retry_after=1, after=1)
    with pytest.raises(RetryAfter):
        await sender.post(NEWS, reply)
    await sender.post(NEWS, reply)
    posted = [c.payload["text"] for c in fake.calls_to("chat.postMessage")]
    part = [f"Long ({n}/{parts})" for n in range(1, parts + 1)]
    assert posted == [part[0], part[1], *part[1:]]  # part 2 refused once, then sent; part 1 never twice


async def test_the_same_reply_to_another_channel_starts_from_the_top(fake: FakeSlackApi) -> None:
    reply = long_reply(1500)
    parts = len(render(reply, max_messages=10))
    sender = SlackSender.connect("xoxb-test", fake.api_url)
    fake.rate_limit("chat.postMessage", times=1, retry_after=1, after=1)
    with pytest.raises(RetryAfter):
        await sender.post(NEWS, reply)
    await sender.post(Destination("slack", "C0OTHER"), reply)
    other = [c for c in fake.calls_to("chat.postMessage") if c.payload["channel"] == "C0OTHER"]
    assert len(other) == parts


async def test_an_unknown_channel_is_a_send_error(fake: FakeSlackApi) -> None:
    fake.missing_channels.add("C0GONE")
    sender = SlackSender.connect("xoxb-test", fake.api_url)
    with pytest.raises(SendError, match="C0GONE: channel_not_found"):
        await sender.post(Destination("slack", "C0GONE"), Reply(title="t"))


async def test_a_bad_token_is_a_send_error(fake: FakeSlackApi) -> None:
    sender = SlackSender.connect("bad-token", fake.api_url)
    with pytest.raises(SendError, match="not_authed"):
        await sender.post(NEWS, Reply(title="t"))
