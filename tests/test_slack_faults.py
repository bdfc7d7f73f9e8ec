"""Slack faults against the fake Web API: 429, 5xx with HTML or plain-text bodies, timeouts and
``ok: false`` refusals, for the scheduler's sender and for the bot answering commands. Nothing
reaches chat as a traceback; the log says what failed."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
from fakes.slack_api import FakeSlackApi
from slack_fixtures import ADMIN, USER, SlackHarness, long_reply, serve_slack
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack_render import render
from bot.adapters.slack_sender import SlackSender
from bot.core.reply import Reply
from bot.core.sender import ChannelGone, RetryAfter, SendError
from bot.vocabulary import Destination

NEWS = Destination("slack", "C0DIGEST", "T0NEWS")


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlackApi]:
    async with FakeSlackApi() as server:
        yield server


@pytest.fixture
async def slack() -> AsyncIterator[SlackHarness]:
    async with serve_slack() as harness:
        yield harness


@pytest.mark.parametrize(("status", "body", "content_type"), [
    (503, "<html><body><h1>503 Service Unavailable</h1></body></html>", "text/html"),
    (500, "upstream connect error or disconnect/reset before headers", "text/plain"),
    (502, "Bad Gateway", "text/plain"),
])
async def test_a_server_error_with_a_page_for_a_body_is_retried(fake, status, body, content_type) -> None:
    fake.fail("chat.postMessage", status, body, content_type=content_type)
    sender = SlackSender.connect("xoxb-test", fake.api_url)
    with pytest.raises(RetryAfter) as caught:
        await sender.post(NEWS, Reply(title="t"))
    assert caught.value.seconds == 30
    await sender.post(NEWS, Reply(title="t"))  # the retry goes through
    assert len(fake.calls_to("chat.postMessage")) == 2


async def test_a_timeout_is_a_send_error_the_scheduler_retries(fake) -> None:
    fake.fail("chat.postMessage", 200, "{}", content_type="application/json", delay=30)
    client = AsyncWebClient(token="xoxb-test", base_url=fake.api_url, timeout=1)
    with pytest.raises(SendError, match="Slack did not answer the post to C0DIGEST"):
        await SlackSender(client).post(NEWS, Reply(title="t"))


@pytest.mark.parametrize(("error", "hint", "gone"), [
    ("channel_not_found", "the channel does not exist", True),
    ("not_in_channel", "/invite @newsdigest", True),
    ("is_archived", "the channel is archived", True),
    ("account_inactive", "deactivated user or uninstalled app", False),  # the token, not the channel
    ("invalid_auth", "SLACK_BOT_TOKEN is not valid", False),
    ("msg_too_long", "", False),
])
async def test_a_refusal_is_a_send_error_with_a_hint(fake, error, hint, gone) -> None:
    """Only a channel gone or closed to the bot is ``ChannelGone`` (its subscription is paused)."""
    fake.channel_errors["C0DIGEST"] = error
    sender = SlackSender.connect("xoxb-test", fake.api_url)
    with pytest.raises(SendError) as caught:
        await sender.post(NEWS, Reply(title="t"))
    assert f"C0DIGEST: {error}" in str(caught.value)
    assert hint in str(caught.value)
    assert isinstance(caught.value, ChannelGone) is gone


async def test_users_info_answering_a_proxy_page_breaks_no_command(slack: SlackHarness, caplog) -> None:
    caplog.set_level(logging.WARNING)
    slack.fake.fail("users.info", 503, "Service Unavailable", content_type="text/plain")
    for command, text in (("/summary", "Qamishli convoy"), ("/incident", "Raqqa"), ("/summary", "")):
        await slack.slash(command, text, user=ADMIN)
    answers = await slack.fake.wait_for("response_url", 3)
    texts = [answer.payload["text"] for answer in answers]
    assert "Summary: Qamishli convoy" in texts
    assert not any("Sorry" in text for text in texts), texts
    assert slack.fake.calls_to("users.info") == []  # read-only commands never ask who is a manager
    await slack.slash("/subscribe", "daily 08:00", user=ADMIN)
    answers = await slack.fake.wait_for("response_url", 4)
    # refused for now with its own message, not "only managers" nor "something went wrong"
    assert answers[3].payload["text"] == "Sorry, I couldn't check your permissions; try again in a moment."
    assert answers[3].payload["response_type"] == "ephemeral"
    assert "users.info failed for U0ADMIN: HTTP 503" in caplog.text
    await slack.slash("/subscribe", "daily 09:00", user=ADMIN)  # the failure was not remembered
    answers = await slack.fake.wait_for("response_url", 5)
    assert answers[4].payload["text"].startswith("Subscribed")


async def test_manager_status_is_cached(slack: SlackHarness) -> None:
    for hour in (7, 8, 9):  # three requests (the same signed request twice would be a replay)
        await slack.slash("/subscribe", f"daily {hour:02d}:00", user=ADMIN)
    answers = await slack.fake.wait_for("response_url", 3)
    assert all(a.payload["text"].startswith("Subscribed") for a in answers)
    assert len(slack.fake.calls_to("users.info")) == 1
    await slack.slash("/subscribe", "daily 08:00", user=USER)
    assert len(await slack.fake.wait_for("users.info", 2)) == 2  # the check may run after the ack


KEY = "7:2026-11-24T07:00Z"


async def test_every_post_carries_its_delivery_key_as_metadata(fake) -> None:
    await SlackSender.connect("xoxb-test", fake.api_url).post(NEWS, Reply(title="t"), key=KEY)
    [call] = fake.calls_to("chat.postMessage")
    assert call.payload["metadata"] == {"event_type": "newsdigest_digest",
                                        "event_payload": {"key": KEY, "part": 0}}
    assert fake.calls_to("conversations.history") == []  # a first attempt does not look


async def test_a_retry_after_a_crash_finds_the_earlier_post_and_does_not_repeat_it(fake) -> None:
    reply = long_reply(1500)
    parts = len(render(reply, max_messages=10))
    fake.rate_limit("chat.postMessage", times=1, retry_after=1, after=1)  # the process dies after part 1
    with pytest.raises(RetryAfter):
        await SlackSender.connect("xoxb-test", fake.api_url).post(NEWS, reply, key=KEY)
    restarted = SlackSender.connect("xoxb-test", fake.api_url)  # no memory of the first attempt
    await restarted.post(NEWS, reply, key=KEY, retry=True)
    await restarted.post(NEWS, reply, key=KEY, retry=True)  # recorded too late again: nothing more
    posted = [m["metadata"]["event_payload"]["part"] for m in fake.history["C0DIGEST"]]
    assert posted == list(range(parts))
    [look, *_] = fake.calls_to("conversations.history")
    assert look.payload["include_all_metadata"] in {"1", "true", True}


async def test_without_the_history_scope_a_retry_posts_again_and_says_why(fake, caplog) -> None:
    caplog.set_level(logging.WARNING)
    await SlackSender.connect("xoxb-test", fake.api_url).post(NEWS, Reply(title="t"), key=KEY)
    fake.fail("conversations.history", 200, '{"ok": false, "error": "missing_scope"}',
              content_type="application/json")
    await SlackSender.connect("xoxb-test", fake.api_url).post(NEWS, Reply(title="t"), key=KEY, retry=True)
    assert len(fake.calls_to("chat.postMessage")) == 2
    assert "cannot look for an earlier post of 7:2026-11-24T07:00Z in C0DIGEST (missing_scope)" in caplog.text
