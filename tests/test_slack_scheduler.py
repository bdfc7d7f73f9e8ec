"""Scheduled digests delivered to Slack: the real scheduler and store, SlackSender, the fake Web API."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fakes.recording_sender import FakeClock
from fakes.slack_api import FakeSlackApi
from lease_fixtures import lease_time_passes
from store_rows import deliveries

from bot import runtime
from bot.adapters.slack_sender import SlackSender
from bot.config import Secret, Settings
from bot.core.app import build_registry
from bot.core.sender import LONGEST_RATE_LIMIT_WAIT
from bot.core.services import Services, build_corpus
from bot.scheduler import CorpusComposer, Scheduler, SchedulerOptions, parse_schedule
from bot.store import NewSubscription, Store
from bot.vocabulary import Destination
from summarizer.articles.model import Article, content_id

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)  # 07:30 in Berlin
NEWSROOM = Destination("slack", "C0DIGEST", "T0NEWS")
STORY = ("Rebel fighters shelled the market in Idlib on Monday <!channel>. Local medics said three people "
         "were killed and nine wounded. The attack came a day after talks in Geneva stalled @everyone.")


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlackApi]:
    async with FakeSlackApi() as server:
        yield server


def scheduler_for(store: Store, fake: FakeSlackApi, clock: FakeClock, tmp_path: Path) -> Scheduler:
    composer = CorpusComposer(build_corpus(Settings(seeds=tmp_path / "no-seeds")))
    sender = SlackSender.connect("xoxb-test", fake.api_url)
    return Scheduler(store, {"slack": sender}, composer, clock=clock, sleep=clock.sleep,
                     options=SchedulerOptions(grace=timedelta(minutes=30)), worker="test")


def subscribe_and_publish(store: Store, clock: FakeClock, destination: Destination) -> None:
    parsed = parse_schedule("daily 08:00", "Europe/Berlin")
    store.add_subscription(NewSubscription(
        destination=destination, schedule=parsed.text, cron=parsed.cron, timezone=parsed.timezone,
        since=clock(), created_by="U0ADMIN", include_incidents=False,
    ), now=clock())
    clock.advance(minutes=10)
    body = f"Market shelled in Idlib. {STORY}"
    store.add_article(Article(id=content_id(body), title="Market shelled in Idlib", text=body, source="Wire",
                              url="https://news.example/idlib", published=clock()),
                      fetched_at=clock(), listed_at=clock())
    clock.advance(minutes=21)  # 08:01 in Berlin: the 08:00 slot is due


async def test_a_rate_limited_digest_waits_retry_after_and_arrives_once(store, fake, tmp_path) -> None:
    clock = FakeClock(START)
    subscribe_and_publish(store, clock, NEWSROOM)
    fake.rate_limit("chat.postMessage", times=1, retry_after=7)
    scheduler = scheduler_for(store, fake, clock, tmp_path)
    outcomes = await scheduler.run_once()
    assert [o.state for o in outcomes] == ["sent"]
    assert clock.sleeps == [7]
    calls = fake.calls_to("chat.postMessage")
    assert len(calls) == 2  # refused once with 429, then posted
    posted = json.dumps(calls[-1].payload, ensure_ascii=False)
    assert "Market shelled in Idlib" in posted
    assert "<!channel>" not in posted
    assert "@everyone" not in posted
    assert await scheduler.run_once() == []
    assert len(fake.calls_to("chat.postMessage")) == 2


async def test_an_unknown_channel_fails_the_delivery_with_slacks_reason(store, fake, tmp_path) -> None:
    clock = FakeClock(START)
    gone = Destination("slack", "C0GONE", "T0NEWS")
    fake.missing_channels.add("C0GONE")
    subscribe_and_publish(store, clock, gone)
    [outcome] = await scheduler_for(store, fake, clock, tmp_path).run_once()
    assert outcome.state == "failed"
    assert "channel_not_found" in (outcome.error or "")


async def test_the_slack_process_runs_the_scheduler_itself(fake, tmp_path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    services = Services.build(Settings(seeds=seeds, data_dir=tmp_path / "data", fetch_urls=False))
    assert services.store is not None
    answer = await build_registry().run_line(
        'subscribe --schedule "daily 08:00" --tz Europe/Berlin --incidents=no', services, platform="slack",
        channel=NEWSROOM.channel, user="U0ADMIN", workspace=NEWSROOM.workspace, is_manager=True)
    assert not answer.error, answer.title
    listed = services.clock() + timedelta(seconds=1)
    body = f"Market shelled in Idlib. {STORY}"
    services.store.add_article(Article(id=content_id(body), title="Market shelled in Idlib", text=body,
                                       source="Wire", url="https://news.example/idlib", published=listed),
                               fetched_at=listed, listed_at=listed)
    slot = datetime.combine(listed.astimezone(BERLIN).date(), time(8, 0), tzinfo=BERLIN)
    slot = slot if slot > listed else slot + timedelta(days=1)
    services.clock = FakeClock((slot + timedelta(minutes=1)).astimezone(UTC))
    settings = Settings(slack_bot_token=Secret("xoxb-test"), slack_app_token=Secret("xapp-test"),
                        slack_api_url=fake.api_url, seeds=seeds, data_dir=tmp_path / "data")
    stop = asyncio.Event()
    task = asyncio.create_task(runtime.serve_slack(settings, services, stop))
    try:
        [post] = await fake.wait_for("chat.postMessage", timeout=30)
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
    assert post.payload["channel"] == NEWSROOM.channel
    assert "Market shelled in Idlib" in json.dumps(post.payload)
    assert [d.state for d in deliveries(services.store)] == ["sent"]
    services.store.close()


async def test_a_digest_posted_by_a_process_killed_before_recording_it_is_not_posted_again(
    store, fake, tmp_path
) -> None:
    clock = FakeClock(START)
    subscribe_and_publish(store, clock, NEWSROOM)
    doomed = scheduler_for(store, fake, clock, tmp_path)
    doomed.worker = "doomed"

    class Killed(BaseException):
        """The process dies between the platform's answer and the database write."""

    def killed_before_recording(*_args: object, **_kwargs: object) -> bool:
        raise Killed

    store_mark_sent = store.mark_sent
    store.mark_sent = killed_before_recording  # type: ignore[method-assign]
    with pytest.raises(Killed):
        await doomed.run_once()
    store.mark_sent = store_mark_sent  # type: ignore[method-assign]
    assert len(fake.calls_to("chat.postMessage")) == 1
    lease_time_passes(store, timedelta(minutes=11))
    clock.advance(minutes=11)
    outcomes = await scheduler_for(store, fake, clock, tmp_path).run_once()
    assert [o.state for o in outcomes] == ["sent"]
    assert len(fake.calls_to("chat.postMessage")) == 1  # found by its metadata, not posted again
    assert len(fake.calls_to("conversations.history")) == 1
    (delivery,) = deliveries(store)
    assert (delivery.state, delivery.attempts) == ("sent", 2)


@pytest.mark.parametrize("header", ["Fri, 31 Dec 9999 23:59:59 GMT", "99999999999"])
async def test_an_endless_retry_after_is_a_failed_attempt_retried_after_a_few_minutes(store, fake, tmp_path,
                                                                                     header) -> None:
    clock = FakeClock(START)
    subscribe_and_publish(store, clock, NEWSROOM)
    fake.rate_limit("chat.postMessage", times=1, retry_after=header)  # type: ignore[arg-type]
    [outcome] = await scheduler_for(store, fake, clock, tmp_path).run_once()
    assert outcome.state == "failed"
    assert clock.sleeps == []  # no worker sleeps for years
    [delivery] = deliveries(store)
    assert delivery.next_attempt == clock() + timedelta(seconds=LONGEST_RATE_LIMIT_WAIT)
