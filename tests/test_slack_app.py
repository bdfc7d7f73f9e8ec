"""The real bolt AsyncApp on 127.0.0.1: signed slash commands and mentions against a fake Web API."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator

import pytest
from slack_fixtures import ADMIN, CHANNEL, LISTED_MANAGER, USER, SlackHarness, long_reply, serve_slack, sign

from bot.adapters.slack_render import MAX_BLOCKS, MAX_TEXT_CHARS, render


@pytest.fixture
async def slack() -> AsyncIterator[SlackHarness]:
    async with serve_slack() as harness:
        yield harness


def texts(payload: dict) -> list[str]:
    """Every text of a message payload's blocks."""
    found = []
    for block in payload.get("blocks", []):
        if "text" in block:
            found.append(block["text"]["text"])
        found += [f["text"] for f in block.get("fields", []) + block.get("elements", [])]
    return found


async def test_summary_slash_command_is_acked_then_answered_in_blocks(slack: SlackHarness) -> None:
    status, ack_body = await slack.slash("/summary", "Qamishli convoy --sentences 2")
    assert (status, ack_body) == (200, "")
    [answer] = await slack.fake.wait_for("response_url")
    payload = answer.payload
    assert payload["response_type"] == "in_channel"
    assert payload["text"] == "Summary: Qamishli convoy"
    shown = texts(payload)
    assert shown[0] == "*Summary: Qamishli convoy*"
    assert "*<https://news.example/a?x=1&amp;y=2|Qamishli convoy>*" in shown
    assert "Sentence 1. Sentence 2." in shown
    assert "Sentence 3." not in " ".join(shown)
    assert "*Source*\nnews.example" in shown
    assert all(block["text"]["verbatim"] for block in payload["blocks"] if "text" in block)


async def test_the_ack_does_not_wait_for_a_slow_answer(slack: SlackHarness) -> None:
    began = time.perf_counter()
    status, _ = await slack.slash("/slow", "--seconds 1.5")
    acked = time.perf_counter() - began
    assert status == 200
    assert acked < 1.0
    assert not slack.fake.calls_to("response_url")
    [answer] = await slack.fake.wait_for("response_url")
    assert answer.payload["text"] == "Finally"


async def test_incident_slash_command_gets_the_incident_card(slack: SlackHarness) -> None:
    status, _ = await slack.slash("/incident", "Qamishli")
    assert status == 200
    [answer] = await slack.fake.wait_for("response_url")
    assert texts(answer.payload) == ["*Incidents: Qamishli*", "*2025-02-03 · Qamishli*",
                                     "*Place*\nQamishli", "*Casualties*\n2"]


async def test_slack_formatted_arguments_are_read_as_typed(slack: SlackHarness) -> None:
    await slack.slash("/summary", "&lt;Assad&gt; &amp; <https://x.example/a|x.example/a> “two words”")
    [answer] = await slack.fake.wait_for("response_url")
    assert answer.payload["text"] == "Summary: &lt;Assad&gt; &amp; https://x.example/a two words"


async def test_bad_arguments_get_an_ephemeral_usage_line(slack: SlackHarness) -> None:
    await slack.slash("/summary", "--sentences lots")
    [answer] = await slack.fake.wait_for("response_url")
    assert answer.payload["response_type"] == "ephemeral"
    assert texts(answer.payload) == [":warning: *sentences must be a whole number, not 'lots'*",
                                     "Usage: summary [article...] [--sentences SENTENCES]"]


async def test_a_failing_handler_shows_no_traceback(slack: SlackHarness) -> None:
    await slack.slash("/broken")
    [answer] = await slack.fake.wait_for("response_url")
    assert answer.payload["response_type"] == "ephemeral"
    assert "secret internals" not in json.dumps(answer.payload)
    assert "Traceback" not in json.dumps(answer.payload)


async def test_help_is_served_as_newshelp_because_slack_keeps_help(slack: SlackHarness) -> None:
    status, _ = await slack.slash("/newshelp")
    assert status == 200
    [answer] = await slack.fake.wait_for("response_url")
    assert answer.payload["text"] == "Commands"


async def test_mention_is_answered_in_a_thread(slack: SlackHarness) -> None:
    status, _ = await slack.mention("<@U0BOT> incident Qamishli --limit 2")
    assert status == 200
    [post] = await slack.fake.wait_for("chat.postMessage")
    assert post.payload["channel"] == CHANNEL
    assert post.payload["thread_ts"] == "1700000100.000200"
    assert texts(post.payload)[0] == "*Incidents: Qamishli*"


async def test_mention_inside_a_thread_stays_in_that_thread(slack: SlackHarness) -> None:
    await slack.mention("hey <@U0BOT|newsdigest> !summary", thread_ts="1700000000.000001")
    [post] = await slack.fake.wait_for("chat.postMessage")
    assert post.payload["thread_ts"] == "1700000000.000001"
    assert post.payload["text"] == "Summary: Newest story"


async def test_a_redelivered_event_is_answered_once(slack: SlackHarness) -> None:
    await slack.mention("<@U0BOT> summary", event_id="EvSame")
    await slack.mention("<@U0BOT> summary", event_id="EvSame")
    await slack.fake.wait_for("chat.postMessage")
    await slack.mention("<@U0BOT> help", event_id="EvOther")
    posts = await slack.fake.wait_for("chat.postMessage", 2)
    assert [p.payload["text"] for p in posts] == ["Summary: Newest story", "Commands"]


async def test_a_wrong_mention_command_gets_an_ephemeral_error(slack: SlackHarness) -> None:
    await slack.mention("<@U0BOT> explode now")
    [post] = await slack.fake.wait_for("chat.postEphemeral")
    assert post.payload["user"] == USER
    assert post.payload["thread_ts"] == "1700000100.000200"
    assert "Unknown command 'explode'" in post.payload["text"]
    assert not slack.fake.calls_to("chat.postMessage")


@pytest.mark.parametrize(
    ("make_headers", "tamper"),
    [
        pytest.param(lambda body: sign(body, secret="not-the-secret"), False, id="wrong-secret"),
        pytest.param(sign, True, id="tampered-body"),
        pytest.param(lambda body: sign(body, timestamp=int(time.time()) - 301), False, id="stale-timestamp"),
        pytest.param(lambda body: {}, False, id="unsigned"),
    ],
)
async def test_unverified_requests_get_401_and_run_nothing(slack: SlackHarness, make_headers, tamper) -> None:
    body = slack.slash_body("/summary", "Qamishli")
    headers = make_headers(body)
    if tamper:
        body = body.replace("Qamishli", "Raqqa")
    status, _ = await slack.post(body, headers, "application/x-www-form-urlencoded")
    assert status == 401
    assert not slack.fake.calls_to("response_url")


async def test_hostile_article_text_cannot_mention_link_or_format(slack: SlackHarness) -> None:
    await slack.slash("/hostile")
    await slack.mention("<@U0BOT> hostile", event_id="EvHostile")
    [answer] = await slack.fake.wait_for("response_url")
    [post] = await slack.fake.wait_for("chat.postMessage")
    for payload in (answer.payload, post.payload):
        sent = json.dumps(payload, ensure_ascii=False)
        for forbidden in ("<!channel>", "<!here", "<@U123>", "<https://evil", "@everyone", "*bold*"):
            assert forbidden not in sent
        assert "&lt;!channel&gt;" in sent
        assert "@\u2060everyone" in sent
        assert "∗bold∗" in sent


async def test_long_answers_are_split_within_slack_limits(slack: SlackHarness) -> None:
    expected = len(render(long_reply(1500)))
    assert 1 < expected < 5
    await slack.slash("/long", "--words 1500")
    answers = await slack.fake.wait_for("response_url", expected)
    words = []
    for answer in answers:
        blocks = answer.payload["blocks"]
        assert len(blocks) <= MAX_BLOCKS
        assert all(len(t) <= MAX_TEXT_CHARS for t in texts(answer.payload))
        words += " ".join(texts(answer.payload)).split()
    assert words.count("word1499") == 3
    assert words.count("word0") == 3
    assert answers[0].payload["text"].startswith("Long (1/")


async def test_readers_are_refused_manager_commands(slack: SlackHarness) -> None:
    await slack.slash("/subscribe", "daily 08:00", user=USER)
    [answer] = await slack.fake.wait_for("response_url")
    assert answer.payload["response_type"] == "ephemeral"
    assert "only channel managers" in answer.payload["text"]


@pytest.mark.parametrize("user", [ADMIN, LISTED_MANAGER])
async def test_admins_and_listed_managers_may_subscribe(slack: SlackHarness, user: str) -> None:
    await slack.slash("/subscribe", "daily 08:00", user=user)
    [answer] = await slack.fake.wait_for("response_url")
    assert answer.payload["text"] == f"Subscribed {CHANNEL}: daily 08:00"
    assert answer.payload["response_type"] == "in_channel"
