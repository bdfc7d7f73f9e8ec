"""The real bolt AsyncApp on 127.0.0.1: signed slash commands and mentions against a fake Web API."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from slack_fixtures import (
    ADMIN,
    CHANNEL,
    DIRECT,
    GROUP_DM,
    LISTED_MANAGER,
    OWNER,
    PRIVATE,
    USER,
    SlackHarness,
    long_reply,
    serve_slack,
    sign,
)

from bot.adapters.slack_render import MAX_BLOCKS, MAX_TEXT_CHARS, render
from bot.config import Settings
from bot.core.app import build_registry
from bot.core.services import Services
from bot.vocabulary import Destination

REPO_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


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
    assert post.payload["text"] == "Unknown command 'explode'. Try /newshelp."  # as Slack spells it
    assert not slack.fake.calls_to("chat.postMessage")


@pytest.mark.parametrize(("text", "title"), [
    ("<@U0BOT> /newshelp", "Commands"),
    ("<@U0BOT> /incident Qamishli", "Incidents: Qamishli"),
    ("<@U0BOT> !incident Qamishli", "Incidents: Qamishli"),
    ("<@U0BOT> /", "Commands"),
])
async def test_a_mention_takes_a_command_as_slack_spells_it(slack: SlackHarness, text: str,
                                                            title: str) -> None:
    """``@newsdigest /newssearch convoy``: the slash command's own name, typed after a mention."""
    await slack.mention(text)
    [post] = await slack.fake.wait_for("chat.postMessage")
    assert post.payload["text"].startswith(title), post.payload["text"]


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


@pytest.mark.parametrize("user", [ADMIN, LISTED_MANAGER])
async def test_a_direct_message_is_never_a_managed_channel(slack: SlackHarness, user: str) -> None:
    await slack.slash("/subscribe", "daily 08:00", user=user, where=DIRECT)
    await slack.mention("<@U0BOT> subscribe daily 08:00", user=user, channel=DIRECT[0])
    [answer] = await slack.fake.wait_for("response_url")
    [posted] = await slack.fake.wait_for("chat.postEphemeral")
    for payload in (answer.payload, posted.payload):
        assert payload["text"] == "Sorry, only channel managers may use subscribe here."


@pytest.mark.parametrize("user", [ADMIN, LISTED_MANAGER])
async def test_a_mention_in_a_group_dm_is_never_a_managed_channel(slack: SlackHarness, user: str) -> None:
    """An app_mention carries no channel_type, and a modern group DM's id starts with C like a
    channel's: the bot asks Slack what the conversation is."""
    await slack.mention("<@U0BOT> subscribe daily 08:00", user=user, channel=GROUP_DM)
    [posted] = await slack.fake.wait_for("chat.postEphemeral")
    assert posted.payload["text"] == "Sorry, only channel managers may use subscribe here."
    assert [call.payload["channel"] for call in slack.fake.calls_to("conversations.info")] == [GROUP_DM]


@pytest.mark.parametrize("channel", [CHANNEL, PRIVATE])
async def test_a_mention_in_a_channel_lets_its_managers_manage(slack: SlackHarness, channel: str) -> None:
    await slack.mention("<@U0BOT> subscribe daily 08:00", user=ADMIN, channel=channel)
    [posted] = await slack.fake.wait_for("chat.postMessage")
    assert posted.payload["text"] == f"Subscribed {channel}: daily 08:00"


async def test_a_conversation_slack_will_not_describe_is_not_managed(slack: SlackHarness) -> None:
    slack.fake.conversation_errors[CHANNEL] = "missing_scope"
    await slack.mention("<@U0BOT> subscribe daily 08:00", user=ADMIN)
    [posted] = await slack.fake.wait_for("chat.postEphemeral")
    assert posted.payload["text"] == "Sorry, only channel managers may use subscribe here."


async def test_an_unanswered_conversation_lookup_is_asked_again(slack: SlackHarness) -> None:
    slack.fake.fail("conversations.info", status=503)
    await slack.mention("<@U0BOT> subscribe daily 08:00", user=ADMIN, event_id="EvFirst")
    [refused] = await slack.fake.wait_for("chat.postEphemeral")
    assert refused.payload["text"] == "Sorry, I couldn't check your permissions; try again in a moment."
    await slack.mention("<@U0BOT> subscribe daily 08:00", user=ADMIN, event_id="EvAgain")
    [posted] = await slack.fake.wait_for("chat.postMessage")
    assert posted.payload["text"] == f"Subscribed {CHANNEL}: daily 08:00"


async def test_a_rate_limited_conversation_lookup_says_when_to_try_again(slack: SlackHarness) -> None:
    slack.fake.rate_limit("conversations.info", times=2, retry_after=0)  # the client's own retry too
    await slack.mention("<@U0BOT> subscribe daily 08:00", user=ADMIN)
    [refused] = await slack.fake.wait_for("chat.postEphemeral")
    assert refused.payload["text"] == "Sorry, I couldn't check your permissions; try again in 1 s."
    assert slack.fake.calls_to("users.info") == []  # not taken for a channel


@pytest.mark.parametrize("header", ["99999999999", "Fri, 31 Dec 9999 23:59:59 GMT", "31"])
async def test_a_long_rate_limit_is_not_slept_in_an_answer(slack: SlackHarness, header: str) -> None:
    # slack_sdk's own handler would sleep for years on the first two and crash on the date.
    slack.fake.rate_limit("conversations.info", times=1, retry_after=header)  # type: ignore[arg-type]
    await slack.mention("<@U0BOT> subscribe daily 08:00", user=ADMIN)
    [refused] = await slack.fake.wait_for("chat.postEphemeral")
    wait = "31 s" if header == "31" else "300 s"
    assert refused.payload["text"] == f"Sorry, I couldn't check your permissions; try again in {wait}."
    assert len(slack.fake.calls_to("conversations.info")) == 1  # not asked again


async def test_what_a_conversation_is_is_asked_once_for_a_while(slack: SlackHarness) -> None:
    for number, user in enumerate((ADMIN, LISTED_MANAGER, ADMIN), start=1):
        await slack.mention("<@U0BOT> subscribe daily 08:00", user=user, channel=GROUP_DM,
                            event_id=f"Ev{number}")
        refusals = await slack.fake.wait_for("chat.postEphemeral", count=number)  # one after the other
    assert {posted.payload["text"] for posted in refusals} == {
        "Sorry, only channel managers may use subscribe here."}
    assert len(slack.fake.calls_to("conversations.info")) == 1


async def test_reading_by_mention_never_asks_what_the_conversation_is(slack: SlackHarness) -> None:
    await slack.mention("<@U0BOT> summary", user=ADMIN, channel=GROUP_DM)
    await slack.fake.wait_for("chat.postMessage")
    assert not slack.fake.calls_to("conversations.info")


@pytest.mark.parametrize("where", [(CHANNEL, "news"), DIRECT])
async def test_an_owner_manages_anywhere(slack: SlackHarness, where: tuple[str, str]) -> None:
    await slack.slash("/subscribe", "daily 08:00", user=OWNER, where=where)
    [answer] = await slack.fake.wait_for("response_url")
    assert answer.payload["text"] == f"Subscribed {where[0]}: daily 08:00"


@pytest.fixture
def services_with_feeds(tmp_path: Path) -> Services:
    """The real services over the repository's seeds; the store holds the operator's feed #1 and
    feed #2 of another workspace's channel."""
    services = Services.build(Settings(seeds=REPO_SEEDS, data_dir=tmp_path / "data", fetch_urls=False))
    assert services.store is not None
    services.store.add_feed("https://wire.example/rss", now=services.clock())
    services.store.add_feed("https://other-team.example/secret.rss", now=services.clock(),
                            added_by=Destination("slack", "C0THEIRS", "T0OTHER"))
    return services


async def test_feeds_keep_to_their_channel_through_the_real_registry(services_with_feeds: Services) -> None:
    store = services_with_feeds.store
    assert store is not None
    async with serve_slack(build_registry(), services_with_feeds) as slack:
        answers = []
        news = (CHANNEL, "news")
        for user, line, where in [(USER, "remove 1", DIRECT), (ADMIN, "remove 1", DIRECT),
                                  (ADMIN, "remove 1", news), (ADMIN, "remove 2", news),
                                  (ADMIN, "list", news), (ADMIN, "", DIRECT)]:
            await slack.slash("/feeds", line, user=user, where=where)
            answers.append((await slack.fake.wait_for("response_url", count=len(answers) + 1))[-1].payload)
        await slack.slash("/reload", user=ADMIN)
        refused_reload = (await slack.fake.wait_for("response_url", count=len(answers) + 1))[-1].payload
    reader_dm, admin_dm, operators, theirs, listing, dm_listing = (a["text"] for a in answers)
    assert reader_dm == admin_dm == "Sorry, only channel managers may use feeds remove here."
    assert operators == "Feed #1 is the operator's; only the operator may remove it."
    assert theirs == "No such feed here; feeds lists them."
    for shown in (listing, dm_listing):
        assert "Feeds here: 1" in shown
    for payload in answers:
        assert "other-team.example" not in json.dumps(payload)
    assert refused_reload["text"] == "Sorry, only the bot's operator may use reload here."
    assert [f.id for f in store.feeds()] == [1, 2]


FORM = "application/x-www-form-urlencoded"
FORGED = {"X-Slack-Signature": "v0=00"}


@pytest.mark.parametrize(
    ("body", "headers", "content_type"),
    [
        pytest.param("command=%2Fsummary", {**FORGED, "X-Slack-Request-Timestamp": "abc"}, FORM,
                     id="non-numeric-timestamp"),
        pytest.param("command=%2Fsummary", {**FORGED, "X-Slack-Request-Timestamp": "１２３"}, FORM,
                     id="non-ascii-digits"),
        pytest.param("{not json", {}, "application/json", id="unsigned-malformed-json"),
        pytest.param("payload=%7Bnot", {}, FORM, id="unsigned-malformed-payload"),
        pytest.param("\udcff", {}, "text/plain", id="not-utf-8"),
    ],
)
async def test_malformed_unsigned_requests_get_401_not_500(
        slack: SlackHarness, body: str, headers: dict[str, str], content_type: str) -> None:
    async with slack.session.post(slack.events_url, data=body.encode("utf-8", "surrogateescape"),
                                  headers={**headers, "Content-Type": content_type}) as response:
        assert response.status == 401
    assert not slack.fake.calls


async def test_a_signed_body_that_is_no_slack_payload_gets_400(slack: SlackHarness) -> None:
    assert (await slack.post("payload=%7Bnot", sign("payload=%7Bnot"), FORM))[0] == 400


async def test_a_replayed_request_runs_once(slack: SlackHarness) -> None:
    body = slack.slash_body("/summary", "Qamishli")
    headers = sign(body)
    assert await slack.post(body, headers, FORM) == (200, "")
    assert (await slack.post(body, headers, FORM))[0] == 401
    await slack.fake.wait_for("response_url")
    fresh = sign(body, timestamp=int(time.time()) + 1)  # Slack's own retry is signed anew
    assert (await slack.post(body, fresh, FORM))[0] == 200
    await slack.fake.wait_for("response_url", count=2)
    assert len(slack.fake.calls_to("response_url")) == 2


async def test_a_request_replayed_to_another_process_sharing_the_database_runs_once(tmp_path: Path) -> None:
    shared = Services.build(Settings(seeds=REPO_SEEDS, data_dir=tmp_path / "data", fetch_urls=False))
    async with serve_slack(services=shared) as first, serve_slack(services=shared) as second:
        body = first.slash_body("/summary", "Qamishli")
        headers = sign(body)
        assert (await first.post(body, headers, FORM))[0] == 200
        assert (await second.post(body, headers, FORM))[0] == 401
        await first.fake.wait_for("response_url")
    assert len(first.fake.calls_to("response_url")) == 1  # the replay, refused with 401, never ran
