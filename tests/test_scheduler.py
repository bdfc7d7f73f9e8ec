"""The scheduler end to end on a fake clock, on SQLite and PostgreSQL: exactly one digest per slot,
only unsent articles, missed slots, empty digests, 429 Retry-After, failing channels, crash
recovery, alerts and feed notices, delivered through a recording sender and the console sender."""

from __future__ import annotations

import asyncio
import io
import math
from datetime import UTC, datetime, timedelta

import pytest
from fakes.recording_sender import FakeClock, RecordingSender
from incident_fixtures import store_incidents
from lease_fixtures import lease_time_passes
from pg_fixtures import postgres_server, postgres_url, store_url  # noqa: F401
from prometheus_client import REGISTRY
from store_rows import deliveries

from bot.adapters.console import ConsoleSender
from bot.config import Settings
from bot.core.sender import LONGEST_RATE_LIMIT_WAIT, ChannelGone, SendError
from bot.core.services import build_corpus
from bot.scheduler import CorpusComposer, Scheduler, SchedulerOptions, parse_schedule
from bot.store import UNEXPLAINED, NewSubscription, Store
from bot.vocabulary import Destination
from summarizer.articles.model import Article, content_id

START = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)  # 07:30 in Berlin
ALPHA = Destination("discord", "alpha", "g1")
BETA = Destination("discord", "beta", "g1")
STORY = ("Rebel fighters shelled the market in Idlib on Monday. Local medics said three people were "
         "killed and nine wounded. The attack came a day after talks in Geneva stalled.")
# A different story (the digests below must not take it for another version of STORY).
OTHER_STORY = ("The city council approved a new tram line on Tuesday after months of debate. Construction "
               "starts in spring and the first trams should run within three years, the mayor said.")


@pytest.fixture
def store(store_url: str):  # noqa: F811
    opened = Store.open(store_url)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def sender() -> RecordingSender:
    return RecordingSender("discord")


@pytest.fixture
def scheduler(store: Store, sender: RecordingSender, clock: FakeClock, tmp_path) -> Scheduler:
    composer = CorpusComposer(build_corpus(Settings(seeds=tmp_path / "no-seeds")))
    return Scheduler(store, {"discord": sender}, composer, clock=clock, sleep=clock.sleep,
                     options=SchedulerOptions(grace=timedelta(minutes=30)), worker="test")


def subscribe(store: Store, clock: FakeClock, destination: Destination = ALPHA, schedule: str = "daily 08:00",
              **options) -> int:
    parsed = parse_schedule(schedule, "Europe/Berlin")
    new = NewSubscription(destination=destination, schedule=parsed.text, cron=parsed.cron,
                          timezone=parsed.timezone, since=options.pop("since", clock()), created_by="u1",
                          **options)
    return store.add_subscription(new, now=clock()).id


def publish(store: Store, clock: FakeClock, title: str, text: str = STORY, *, listed: bool = True) -> int:
    body = f"{title}. {text}"
    article = Article(id=content_id(body), title=title, text=body, source="Wire",
                      url=f"https://news.example/{content_id(body)}", published=clock())
    return store.add_article(article, fetched_at=clock(), listed_at=clock() if listed else None).id


def titles(sender: RecordingSender) -> list[list[str]]:
    return [[s.title or "" for s in reply.sections if s.url and "·" not in (s.title or "")]
            for _, reply in sender.posts]


async def test_one_digest_per_slot_with_only_unsent_articles(store, clock, sender, scheduler):
    publish(store, clock, "Old story", listed=True)  # listed before the subscription: not sent
    clock.advance(seconds=1)
    subscribe(store, clock, include_incidents=False)
    clock.advance(minutes=10)
    publish(store, clock, "First story")
    assert await scheduler.run_once() == []  # 07:40 Berlin: nothing due yet
    clock.now = datetime(2026, 11, 24, 7, 0, 5, tzinfo=UTC)
    outcomes = await scheduler.run_once()
    assert [(o.destination, o.state) for o in outcomes] == [(ALPHA, "sent")]
    for _ in range(3):  # later ticks inside the grace window post nothing more
        clock.advance(minutes=5)
        assert await scheduler.run_once() == []
    publish(store, clock, "Second story", OTHER_STORY)
    clock.now = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
    await scheduler.run_once()
    assert titles(sender) == [["First story"], ["Second story"]]
    assert sender.posts[0][1].title == "Digest (daily 08:00): 1 top story"


async def test_downtime_delivers_the_latest_missed_slot_once_within_grace(store, clock, sender, scheduler):
    subscribe(store, clock, schedule="hourly")
    publish(store, clock, "Story")
    clock.now = datetime(2026, 11, 24, 11, 10, tzinfo=UTC)  # down from 07:00 to 11:10 UTC
    await scheduler.run_once()
    await scheduler.run_once()
    assert len(sender.posts) == 1
    assert [d.slot_key for d in deliveries(store)] == ["2026-11-24T11:00Z"]
    publish(store, clock, "Later story")
    clock.now = datetime(2026, 11, 24, 13, 45, tzinfo=UTC)  # 13:00 missed by 45 min > 30 min grace
    assert await scheduler.run_once() == []
    assert len(sender.posts) == 1


async def test_empty_digests_are_skipped_or_announced(store, clock, sender, scheduler):
    subscribe(store, clock, ALPHA)
    subscribe(store, clock, BETA, announce_empty=True)
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    await scheduler.run_once()
    assert sender.channels() == ["beta"]
    assert sender.posts[0][1].title == "Digest (daily 08:00): nothing new"
    assert sorted(d.state for d in deliveries(store)) == ["sent", "skipped"]
    clock.advance(minutes=1)
    publish(store, clock, "Too late for this slot")
    await scheduler.run_once()
    assert sender.channels() == ["beta"]


async def test_a_rate_limited_channel_waits_retry_after_alone(store, clock, sender, scheduler):
    subscribe(store, clock, ALPHA)
    subscribe(store, clock, BETA)
    clock.advance(minutes=1)
    publish(store, clock, "Story")
    sender.rate_limits["alpha"] = [2.5, 4.0]
    beta_posted = asyncio.Event()

    async def wait_for_beta(_seconds: float) -> None:
        await asyncio.wait_for(beta_posted.wait(), timeout=120)

    clock.on_sleep = wait_for_beta
    original = sender.post

    async def post(destination, reply, **idempotency) -> None:
        await original(destination, reply, **idempotency)
        if destination == BETA:
            beta_posted.set()

    sender.post = post  # type: ignore[method-assign]
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    outcomes = await scheduler.run_once()
    assert sorted((o.destination.channel, o.state) for o in outcomes) == [("alpha", "sent"), ("beta", "sent")]
    assert sender.channels() == ["beta", "alpha"]
    assert clock.sleeps == [2.5, 4.0]
    assert all(d.state == "sent" and d.attempts == 1 for d in deliveries(store))


@pytest.mark.parametrize("seconds", [LONGEST_RATE_LIMIT_WAIT, 2.5e11, math.inf, math.nan])
async def test_a_rate_limit_past_a_few_minutes_is_a_failed_attempt_retried_then(store, clock, sender,
                                                                                scheduler, seconds):
    subscribe(store, clock, ALPHA)
    clock.advance(minutes=1)
    publish(store, clock, "Story")
    sender.rate_limits["alpha"] = [seconds]  # Discord's RateLimited carries the body's number as is
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    [outcome] = await scheduler.run_once()
    assert outcome.state == "failed"
    assert clock.sleeps == []
    [delivery] = deliveries(store)
    assert delivery.next_attempt == clock() + timedelta(seconds=LONGEST_RATE_LIMIT_WAIT)


async def test_a_broken_channel_is_retried_later_and_others_are_served(store, clock, sender, scheduler):
    subscribe(store, clock, ALPHA)
    subscribe(store, clock, BETA)
    clock.advance(minutes=1)
    publish(store, clock, "Story")
    sender.broken.add("alpha")
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    outcomes = await scheduler.run_once()
    states = sorted((o.destination.channel, o.state) for o in outcomes)
    assert states == [("alpha", "failed"), ("beta", "sent")]
    assert await scheduler.run_once() == []  # retry waits for its backoff (1 minute)
    sender.broken.clear()
    clock.advance(minutes=1)
    outcomes = await scheduler.run_once()
    assert [(o.destination.channel, o.state) for o in outcomes] == [("alpha", "sent")]
    assert sorted(sender.channels()) == ["alpha", "beta"]
    assert titles(sender)[0] == titles(sender)[1] == ["Story"]


async def test_the_last_failed_attempt_says_the_digest_was_given_up(store, clock, sender, scheduler, caplog):
    subscribe(store, clock, ALPHA)
    clock.advance(minutes=1)
    publish(store, clock, "Story")
    sender.broken.add("alpha")
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    for backoff in (1, 2, 4, 8, 16):
        [outcome] = await scheduler.run_once()
        assert outcome.state == "failed"
        clock.advance(minutes=backoff)
    assert await scheduler.run_once() == []
    retries = [r for r in caplog.records if r.name == "bot.scheduler.runner" and "attempt" in r.message]
    assert [r.message for r in retries if r.levelname == "WARNING" and "failed" in r.message] == [
        f"delivery 1 to discord channel alpha failed (attempt {n} of 5): missing access to alpha; "
        f"next try 2026-11-24 {time} UTC"
        for n, time in ((1, "07:01"), (2, "07:03"), (3, "07:07"), (4, "07:15"))]
    assert [r.message for r in retries if r.levelname == "ERROR"] == [
        "delivery 1 to discord channel alpha failed (attempt 5 of 5): missing access to alpha; given up"]
    sender.broken.clear()  # the bot is invited back: the next digest carries the story given up
    clock.now = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
    assert [o.state for o in await scheduler.run_once()] == ["sent"]
    assert titles(sender) == [["Story"]]


async def test_a_claim_whose_worker_died_is_sent_once_after_the_lease(store, clock, sender, scheduler):
    sub = subscribe(store, clock)
    clock.advance(minutes=1)
    article_id = publish(store, clock, "Story")
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    # Another process claimed the slot and died before posting it.
    store.claim(sub, "2026-11-24T07:00Z", slot_time=clock(), kind="digest", worker="dead", now=clock(),
                lease=timedelta(minutes=10), article_ids=[article_id])
    assert await scheduler.run_once() == []
    clock.advance(minutes=11)
    assert await scheduler.run_once() == []  # the lease runs on the database's clock
    lease_time_passes(store, timedelta(minutes=11))
    outcomes = await scheduler.run_once()
    assert [o.state for o in outcomes] == ["sent"]
    assert await scheduler.run_once() == []
    assert titles(sender) == [["Story"]]
    (delivery,) = deliveries(store)
    assert (delivery.state, delivery.attempts, delivery.worker) == ("sent", 2, "test")


async def test_alerts_post_at_once_for_enough_fatalities(store, clock, sender, scheduler):
    old = publish(store, clock, "Back catalogue", listed=False)
    store_incidents(store, old, [{"fatalities": 50}], now=clock())
    earlier = publish(store, clock, "Yesterday's raid", text="A raid killed forty people, witnesses said.")
    store_incidents(store, earlier, [{"fatalities": 40}], now=clock())
    clock.advance(seconds=1)
    # --since brings earlier stories into the first digest, but alerts are only for new ones.
    subscribe(store, clock, alert_fatalities=3, since=clock() - timedelta(days=1))
    clock.advance(minutes=1)
    small = publish(store, clock, "Small clash", text="Two soldiers were wounded near the border post.")
    store_incidents(store, small, [{"fatalities": 1}], now=clock())
    big = publish(store, clock, "Market shelled")
    store_incidents(store, big, [{"fatalities": 3}], now=clock())
    outcomes = await scheduler.run_once()  # 07:31 Berlin: no digest due, the alert goes now
    assert [(o.kind, o.state) for o in outcomes] == [("alert", "sent")]
    reply = sender.posts[0][1]
    assert reply.title == "Alert: 3 fatalities reported"
    assert any(s.title == "Market shelled" for s in reply.sections)
    assert await scheduler.run_once() == []
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    await scheduler.run_once()
    assert titles(sender)[1] == ["Yesterday's raid", "Small clash"]  # the alerted story is not repeated


async def test_an_alert_for_one_death_reads_in_the_singular(store, clock, sender, scheduler):
    subscribe(store, clock, alert_fatalities=1)
    clock.advance(minutes=1)
    shot = publish(store, clock, "Guard shot", text="A guard was shot dead at the gate, police said.")
    store_incidents(store, shot, [{"fatalities": 1}], now=clock())
    assert [(o.kind, o.state) for o in await scheduler.run_once()] == [("alert", "sent")]
    reply = sender.posts[0][1]
    assert (reply.title, reply.footer) == ("Alert: 1 fatality reported", "alert rule: at least 1 fatality")


def report(fatalities: int, *, place: str = "Gao", lat: float = 16.27,
           lon: float = -0.04) -> dict[str, object]:
    """An incident record as the extractor keeps it (the fields that tell events apart)."""
    return {"event_date": "2026-11-23", "date_precision": "day", "event_type": "Battles",
            "actor1": "Militia", "actor2": "Military Forces of Mali", "location": place, "country": "Mali",
            "latitude": lat, "longitude": lon, "fatalities": fatalities}


def report_story(store: Store, clock: FakeClock, title: str, record: dict[str, object]) -> int:
    article = publish(store, clock, title, text=f"{title} by our correspondent. {STORY}")
    store_incidents(store, article, [record], now=clock())
    return article


async def test_an_event_reported_by_several_outlets_alerts_once(store, clock, sender, scheduler):
    """Three outlets on one clash (counts differ, places 2 km apart) alert once, with the three
    sources on its card; a clash elsewhere that day alerts on its own; a later report of the
    first clash, seen by another process, alerts nobody and is never retried."""
    subscription = subscribe(store, clock, alert_fatalities=3)
    clock.advance(minutes=1)
    report_story(store, clock, "Clash near Gao", report(4))
    report_story(store, clock, "Gao fighting kills five", report(5, lat=16.28))
    report_story(store, clock, "Soldiers die in Gao raid", report(3, lat=16.26))
    report_story(store, clock, "Ambush at Menaka", report(6, place="Menaka", lat=15.92, lon=2.40))
    other_process = Scheduler(store, {"discord": sender}, scheduler.composer, clock=clock, sleep=clock.sleep,
                              worker="other")
    first = await scheduler.run_once()
    clock.advance(hours=2)
    report_story(store, clock, "Gao toll rises", report(7))
    again = await other_process.run_once()
    clock.advance(hours=1)
    later = [*await scheduler.run_once(), *await other_process.run_once()]

    assert [(o.kind, o.state) for o in first] == [("alert", "sent")] * 2
    assert again == later == []
    assert [section.title for _, reply in sender.posts for section in reply.sections if section.url
            and "·" not in (section.title or "")] == ["Clash near Gao", "Ambush at Menaka"]
    card = sender.posts[0][1].sections[0]
    assert [f.name for f in card.fields if f.name.startswith("Source")] == ["Sources (3 reports)"]
    assert "Casualties" in [f.name for f in card.fields]
    states = sorted(d.state for d in deliveries(store, subscription))
    assert states == ["sent", "sent", "skipped", "skipped", "skipped"]


def hold_posts(sender: RecordingSender) -> asyncio.Event:
    """Make ``sender`` hold every post until the returned event is set."""
    release = asyncio.Event()
    real_post = sender.post

    async def held_post(destination, reply, **idempotency):
        await release.wait()
        await real_post(destination, reply, **idempotency)

    sender.post = held_post
    return release


async def test_racing_processes_post_an_event_once(store, clock, sender, scheduler):
    """While one process posts an event's alert (claimed, not yet sent), another process that
    sees a second report of the event finds the event claimed and posts nothing."""
    subscribe(store, clock, alert_fatalities=3)
    clock.advance(minutes=1)
    report_story(store, clock, "Clash near Gao", report(4))
    release = hold_posts(sender)
    posting = asyncio.create_task(scheduler.run_once())
    await until(lambda: len(deliveries(store)) == 1, timeout=300)
    report_story(store, clock, "Gao fighting kills five", report(5, lat=16.28))
    other = Scheduler(store, {"discord": RecordingSender("discord")}, scheduler.composer, clock=clock,
                      sleep=clock.sleep, worker="other")
    assert await other.run_once() == []
    release.set()
    assert [o.state for o in await posting] == ["sent"]
    assert len(sender.posts) == 1
    assert [d.state for d in deliveries(store)] == ["sent", "skipped"]


async def test_a_report_stored_late_of_an_alerted_event_is_skipped(store, clock, sender, scheduler):
    """An earlier article whose incidents are extracted only after its event alerted (through a
    later article) does not alert that event again."""
    subscribe(store, clock, alert_fatalities=3)
    clock.advance(minutes=1)
    early = publish(store, clock, "Gao fighting kills five", text=f"Early report. {STORY}")
    report_story(store, clock, "Clash near Gao", report(4))
    assert [o.state for o in await scheduler.run_once()] == ["sent"]
    store_incidents(store, early, [report(5, lat=16.28)], now=clock())
    assert await scheduler.run_once() == []
    assert len(sender.posts) == 1
    assert [d.state for d in deliveries(store)] == ["sent", "skipped"]


async def test_a_failing_feed_is_reported_then_paused_once_each(store, clock, sender, scheduler):
    subscribe(store, clock, ALPHA)
    subscribe(store, clock, BETA, sources=("Other wire",))
    feed, _ = store.add_feed("https://feeds.example/rss", now=clock())

    async def fail(times: int) -> None:
        for _ in range(times):
            store.feed_failed(feed.id, now=clock(), error="HTTP 403", next_poll=clock(), pause_after=5)
            clock.advance(minutes=10)
            await scheduler.run_once()

    await fail(2)
    assert sender.posts == []
    await fail(2)  # third failure: reported; fourth: nothing new to say
    await fail(1)  # fifth: paused
    await scheduler.run_once()
    assert sender.channels() == ["alpha", "alpha"]
    title = "Feed https://feeds.example/rss failing since 2026-11-24 06:30 UTC: HTTP 403"
    assert [reply.title for _, reply in sender.posts] == [title, title]
    assert "3 failed polls in a row" in sender.posts[0][1].sections[0].body
    assert "Paused after 5 failed polls" in sender.posts[1][1].sections[0].body
    assert all(reply.error for _, reply in sender.posts)


async def test_a_failing_chat_feed_is_reported_only_to_the_channel_that_added_it(
        store, clock, sender, scheduler):
    subscribe(store, clock, ALPHA)
    subscribe(store, clock, BETA)
    feed, _ = store.add_feed("https://alpha-only.example/rss", now=clock(), added_by=ALPHA)
    for _ in range(3):
        store.feed_failed(feed.id, now=clock(), error="HTTP 403", next_poll=clock(), pause_after=5)
    await scheduler.run_once()
    assert sender.channels() == ["alpha"]  # beta never learns the address of alpha's feed


async def test_platforms_without_a_sender_are_left_to_other_processes(store, clock, sender, scheduler):
    subscribe(store, clock, Destination("slack", "C1", "T1"))
    clock.advance(minutes=1)
    publish(store, clock, "Story")
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    assert await scheduler.run_once() == []
    assert deliveries(store) == []


async def test_console_sender_prints_the_digest(store, clock, tmp_path) -> None:
    stream = io.StringIO()
    composer = CorpusComposer(build_corpus(Settings(seeds=tmp_path / "no-seeds")))
    console = Scheduler(store, {"console": ConsoleSender(stream, color=False)}, composer, clock=clock,
                        worker="console")
    subscribe(store, clock, Destination("console", "local"))
    clock.advance(minutes=1)
    publish(store, clock, "Market shelled")
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    await console.run_once()
    printed = stream.getvalue()
    assert "to local" in printed
    assert "Market shelled" in printed
    assert "Digest (daily 08:00)" in printed


async def until(condition, timeout: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not reached"
        await asyncio.sleep(0.01)


async def test_the_loop_serves_others_while_one_waits_a_long_retry_after(store, clock, sender, tmp_path):
    composer = CorpusComposer(build_corpus(Settings(seeds=tmp_path / "no-seeds")))
    looping = Scheduler(store, {"discord": sender}, composer, clock=clock, sleep=clock.sleep,
                        options=SchedulerOptions(tick=0.01), worker="loop")
    subscribe(store, clock, ALPHA, schedule="every 15m", include_incidents=False)
    subscribe(store, clock, BETA, schedule="every 15m", include_incidents=False)
    clock.advance(minutes=1)
    publish(store, clock, "First")
    sender.rate_limits["alpha"] = [240.0]
    release = asyncio.Event()

    async def hold(_seconds: float) -> None:
        await release.wait()

    clock.on_sleep = hold
    stop = asyncio.Event()
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    task = asyncio.create_task(looping.run(stop))
    await until(lambda: sender.channels() == ["beta"] and clock.sleeps == [240.0])
    publish(store, clock, "Second", OTHER_STORY)
    clock.now = datetime(2026, 11, 24, 7, 15, tzinfo=UTC)
    await until(lambda: sender.channels() == ["beta", "beta"])  # alpha is still waiting its 240 s
    release.set()  # alpha posts its 07:00 digest, then (no longer busy) its 07:15 one
    await until(lambda: len(sender.posts) == 4)
    stop.set()
    await asyncio.wait_for(task, timeout=120)
    assert sender.channels() == ["beta", "beta", "alpha", "alpha"]
    assert titles(sender) == [["First"], ["Second"], ["First"], ["Second"]]
    assert [d.attempts for d in deliveries(store)] == [1, 1, 1, 1]


async def test_a_database_hiccup_after_posting_is_no_repost(store, clock, sender, scheduler, monkeypatch):
    from sqlalchemy.exc import OperationalError

    subscribe(store, clock)
    clock.advance(minutes=1)
    publish(store, clock, "Story")
    real = store.mark_sent
    failures = [OperationalError("UPDATE", {}, Exception("server closed the connection"))]

    def flaky(delivery_id, *, fence, now):
        if failures:
            raise failures.pop()
        return real(delivery_id, fence=fence, now=now)

    monkeypatch.setattr(store, "mark_sent", flaky)
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    assert [o.state for o in await scheduler.run_once()] == ["sent"]
    assert clock.sleeps == [1]
    clock.advance(minutes=30)
    assert await scheduler.run_once() == []
    assert len(sender.posts) == 1
    assert [d.state for d in deliveries(store)] == ["sent"]


def publish_version(store: Store, clock: FakeClock, title: str, text: str, source: str) -> int:
    """Another outlet's copy of a story: its own title, URL and a line of its own."""
    body = f"{text} {source} contributed to this report."
    article = Article(id=content_id(body), title=title, text=body, source=source,
                      url=f"https://{source.lower()}.example/{content_id(body)}", published=clock())
    return store.add_article(article, fetched_at=clock(), listed_at=clock()).id


async def test_a_story_is_sent_once_with_its_sources_and_a_new_development_is_sent(
    store, clock, sender, scheduler
):
    subscribe(store, clock, include_incidents=False)
    clock.advance(minutes=1)
    publish_version(store, clock, "Market shelled in Idlib", STORY, "Reuters")
    updated = STORY + " Rescue teams searched the rubble."
    publish_version(store, clock, "UPDATE 1-Idlib market shelled", updated, "AP")
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    await scheduler.run_once()
    first = sender.posts[0][1]
    assert first.title == "Digest (daily 08:00): 1 top story"
    [story] = [s for s in first.sections if s.url]
    assert story.title == "UPDATE 1-Idlib market shelled"  # the most complete version
    assert ("Sources", "AP, Reuters") in [(f.name, f.value) for f in story.fields]
    clock.advance(hours=1)
    publish_version(store, clock, "Idlib: market attack", STORY, "AFP")  # picked up by one more outlet
    publish_version(store, clock, "Tram line approved", OTHER_STORY, "AFP")  # a new story
    clock.now = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
    await scheduler.run_once()
    assert titles(sender)[1] == ["Tram line approved"]
    assert [d.state for d in deliveries(store)] == ["sent", "sent"]
    clock.now = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)
    await scheduler.run_once()  # the repeat was reserved, not left to come back
    assert len(sender.posts) == 2


async def test_a_worker_whose_claim_was_taken_over_does_not_post(store, clock, sender, tmp_path):
    corpus_composer = CorpusComposer(build_corpus(Settings(seeds=tmp_path / "no-seeds")))

    class StallingComposer:
        """Composes, then stalls past the lease: meanwhile another worker takes the claim over."""

        def digest(self, subscription, articles):
            lease_time_passes(store, timedelta(minutes=11))
            assert [d.worker for d in store.reclaim(worker="other", now=clock(), lease=timedelta(minutes=10),
                                                    max_attempts=5).taken] == ["other"]
            return corpus_composer.digest(subscription, articles)

        def alert(self, subscription, article, incident, others=()):
            return corpus_composer.alert(subscription, article, incident, others)

    stalled = Scheduler(store, {"discord": sender}, StallingComposer(), clock=clock, worker="stalled")
    subscribe(store, clock)
    clock.advance(minutes=1)
    publish(store, clock, "Story")
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    assert [o.state for o in await stalled.run_once()] == ["lost"]
    assert sender.posts == []
    (delivery,) = deliveries(store)
    assert (delivery.state, delivery.worker, delivery.attempts) == ("claimed", "other", 2)


async def test_the_claim_is_renewed_while_a_slow_post_runs(store, clock, sender, tmp_path):
    composer = CorpusComposer(build_corpus(Settings(seeds=tmp_path / "no-seeds")))
    # The lease runs on the database's real clock: 20 s (renewed every 5 s) leaves a loaded machine
    # ample time between the claim and its first renewal, where 2 s let it lapse.
    slow = Scheduler(store, {"discord": sender}, composer, clock=clock, worker="slow",
                     options=SchedulerOptions(lease=timedelta(seconds=20)))
    subscribe(store, clock)
    clock.advance(minutes=1)
    publish(store, clock, "Story")
    release = hold_posts(sender)
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    run = asyncio.create_task(slow.run_once())
    await until(lambda: len(deliveries(store)) == 1)
    first_lease = deliveries(store)[0].lease_until
    await until(lambda: deliveries(store)[0].lease_until > first_lease + timedelta(seconds=1), timeout=60)
    release.set()
    assert [o.state for o in await run] == ["sent"]
    assert titles(sender) == [["Story"]]


async def test_a_row_that_fails_at_run_time_is_quarantined_and_the_rest_delivered(store, clock, sender,
                                                                                   scheduler, caplog):
    gamma = Destination("discord", "gamma", "g1")
    # Rows stored before schedules were checked: a date that never comes, a zone that is gone.
    for destination, cron, timezone in ((ALPHA, "0 0 31 2 *", "UTC"), (gamma, "0 8 * * *", "Mars/Base")):
        store.add_subscription(NewSubscription(destination=destination, schedule=cron, cron=cron,
                                               timezone=timezone, since=clock(), created_by="u1",
                                               alert_fatalities=1), now=clock())
    subscribe(store, clock, BETA)
    clock.advance(minutes=1)
    publish(store, clock, "Story")
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    outcomes = await scheduler.run_once()
    assert sorted((o.destination.channel, o.kind, o.state) for o in outcomes) == [
        ("alpha", "quarantine", "sent"), ("beta", "digest", "sent"), ("gamma", "quarantine", "sent")]
    notices = {destination.channel: reply for destination, reply in sender.posts if reply.error}
    assert notices["alpha"].title == "Subscription #1 (0 0 31 2 *) stopped"
    assert "never runs" in notices["alpha"].sections[0].body
    assert "unknown time zone 'Mars/Base'" in notices["gamma"].sections[0].body
    clock.advance(minutes=30)
    assert await scheduler.run_once() == []  # told once, and the others are not held up
    assert caplog.text.count("quarantined") == 2
    assert [s.quarantined is not None for s in store.subscriptions()] == [True, True, False]


async def test_a_subscription_stopped_by_an_unexpected_error_shows_no_internal_text(store, clock, sender,
                                                                                    scheduler, caplog,
                                                                                    monkeypatch):
    subscribe(store, clock, ALPHA)

    def broken(subscription, now):
        raise ValueError("invalid literal for int() with base 10: 'db.internal:5432'")

    monkeypatch.setattr(scheduler, "_claim_digest", broken)
    clock.advance(minutes=1)
    await scheduler.run_once()
    [(_, notice)] = sender.posts
    shown = notice.title + " ".join(section.body for section in notice.sections)
    assert "db.internal" not in shown
    assert "see the operator's log" in shown
    [stopped] = store.subscriptions()
    assert "db.internal" not in (stopped.quarantined or "")
    assert "ValueError: invalid literal for int() with base 10: 'db.internal:5432'" in caplog.text


async def test_a_feed_paused_at_once_is_reported_at_once(store, clock, sender, scheduler):
    subscribe(store, clock, ALPHA)
    feed, _ = store.add_feed("https://feeds.example/rss", now=clock())
    gone = "HTTP 410 Gone: the publisher removed this feed"
    store.feed_failed(feed.id, now=clock(), error=gone, next_poll=clock(), pause_after=5, gone=True)
    clock.advance(minutes=1)
    await scheduler.run_once()
    await scheduler.run_once()
    [(_, reply)] = sender.posts
    assert reply.title == f"Feed https://feeds.example/rss failing since 2026-11-24 06:30 UTC: {gone}"
    assert "Paused at once" in reply.sections[0].body
    assert "feeds remove" in reply.sections[0].body


async def test_a_feed_gone_after_other_failures_is_reported_as_gone(store, clock, sender, scheduler):
    subscribe(store, clock, ALPHA)
    feed, _ = store.add_feed("https://feeds.example/rss", now=clock())
    for _ in range(2):
        store.feed_failed(feed.id, now=clock(), error="HTTP 503", next_poll=clock(), pause_after=5)
    gone = "HTTP 410 Gone: the publisher removed this feed"
    store.feed_failed(feed.id, now=clock(), error=gone, next_poll=clock(), pause_after=5, gone=True)
    clock.advance(minutes=1)
    await scheduler.run_once()
    [(_, reply)] = sender.posts
    assert reply.title.endswith(gone)
    assert "Paused at once: retrying cannot help" in reply.sections[0].body
    assert "once the feed works again" not in reply.sections[0].body


async def test_a_feed_paused_for_its_failures_is_not_reported_as_gone_whatever_its_error(
        store, clock, sender, scheduler):
    subscribe(store, clock, ALPHA)
    feed, _ = store.add_feed("https://feeds.example/rss", now=clock())
    looks_gone = "HTTP 410 Gone: the publisher removed this feed"  # the text alone decides nothing
    store.feed_failed(feed.id, now=clock(), error=looks_gone, next_poll=clock(), pause_after=1)
    clock.advance(minutes=1)
    await scheduler.run_once()
    [(_, reply)] = sender.posts
    assert "Paused after 1 failed poll in a row" in reply.sections[0].body


class _FailingSender(RecordingSender):
    """Fails every post with an error of the bot's own (not a platform's refusal)."""

    async def post(self, destination: Destination, reply, *, key=None, retry=False) -> None:
        raise RuntimeError("could not connect to server db.internal:5432 as user newsbot")


class _FailingComposer:
    def digest(self, subscription, articles):
        raise RuntimeError("could not connect to server db.internal:5432 as user newsbot")


@pytest.mark.parametrize("stage", ["compose", "post"])
async def test_an_error_of_the_bot_is_logged_in_full_and_shown_to_the_channel_as_unexplained(
    store, clock, tmp_path, caplog, stage
):
    """The text of an internal exception (database hosts, users, SQL) stays in the operator's log;
    ``subscriptions`` tells the channel only that the bot could not build or post the digest."""
    composer = (_FailingComposer() if stage == "compose"
                else CorpusComposer(build_corpus(Settings(seeds=tmp_path / "no-seeds"))))
    sender = _FailingSender() if stage == "post" else RecordingSender()
    scheduler = Scheduler(store, {"discord": sender}, composer, clock=clock, worker="test")
    sub = subscribe(store, clock)
    clock.advance(minutes=1)
    publish(store, clock, "Story")
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    [outcome] = await scheduler.run_once()
    assert outcome.state == "failed"
    assert "db.internal:5432" in (outcome.error or "")
    assert store.last_digests([sub])[sub].error == UNEXPLAINED
    [logged] = [r.message for r in caplog.records if "(attempt 1 of 5)" in r.message]
    assert "could not connect to server db.internal:5432 as user newsbot; next try" in logged


async def test_a_digest_whose_worker_died_in_every_attempt_is_given_up_and_logged(
    store, clock, sender, scheduler, caplog
):
    sub = subscribe(store, clock)
    failed_before = REGISTRY.get_sample_value("newsdigest_deliveries_total", {"outcome": "failed"}) or 0.0
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    store.claim(sub, "2026-11-24T07:00Z", slot_time=clock(), kind="digest", worker="dead1", now=clock(),
                lease=timedelta(minutes=10), article_ids=[])
    for attempt in range(2, 6):  # each worker that takes it over dies too
        lease_time_passes(store, timedelta(minutes=11))
        taken = store.reclaim(worker=f"dead{attempt}", now=clock(), lease=timedelta(minutes=10),
                              max_attempts=5)
        assert [d.attempts for d in taken.taken] == [attempt]
    lease_time_passes(store, timedelta(minutes=11))
    assert await scheduler.run_once() == []
    assert [r.message for r in caplog.records if r.levelname == "ERROR"] == [
        "delivery 1 to discord channel alpha failed (attempt 5 of 5): the bot stopped while posting it; "
        "given up"]
    assert store.last_digests([sub])[sub].error == "the bot stopped while posting it"
    assert sender.posts == []
    # the give-up is a failed delivery in the metrics, like a last attempt that failed while posting
    failed_after = REGISTRY.get_sample_value("newsdigest_deliveries_total", {"outcome": "failed"})
    assert failed_after == failed_before + 1


async def test_a_failure_after_another_worker_took_the_claim_over_is_not_logged_as_given_up(
    store, clock, tmp_path, caplog
):
    class OvertakenSender(RecordingSender):
        async def post(self, destination: Destination, reply, *, key=None, retry=False) -> None:
            lease_time_passes(store, timedelta(minutes=11))
            store.reclaim(worker="other", now=clock(), lease=timedelta(minutes=10), max_attempts=5)
            raise SendError("missing access to alpha")

    composer = CorpusComposer(build_corpus(Settings(seeds=tmp_path / "no-seeds")))
    scheduler = Scheduler(store, {"discord": OvertakenSender()}, composer, clock=clock, worker="test",
                          options=SchedulerOptions(max_attempts=1))
    subscribe(store, clock)
    clock.advance(minutes=1)
    publish(store, clock, "Story")
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    assert [o.state for o in await scheduler.run_once()] == ["lost"]
    messages = [r.message for r in caplog.records if r.name == "bot.scheduler.runner"]
    assert not [m for m in messages if "given up" in m]
    assert [m for m in messages if m.endswith("another worker took it over")] == [
        "delivery 1 to discord channel alpha failed (attempt 1 of 1): missing access to alpha; "
        "another worker took it over"]


class GoneSender(RecordingSender):
    """A platform where the channels in ``gone`` are deleted or closed to the bot."""

    def __init__(self) -> None:
        super().__init__("discord")
        self.gone: set[str] = set()

    async def post(self, destination: Destination, reply, *, key=None, retry=False) -> None:
        if destination.channel in self.gone:
            self.attempts += 1
            raise ChannelGone(f"Discord refused the post to channel {destination.channel}: "
                              "404 Unknown Channel (the channel was deleted)")
        await super().post(destination, reply, key=key, retry=retry)


async def test_a_channel_that_is_gone_pauses_its_subscription_until_a_manager_resumes_it(
    store, clock, tmp_path, caplog
):
    """A deleted channel is tried once, not at every slot forever: the digest is given up, the
    subscription paused with the platform's reason, the operator told once in the log; other
    channels go on, and a resumed subscription is scheduled again."""
    sender = GoneSender()
    composer = CorpusComposer(build_corpus(Settings(seeds=tmp_path / "no-seeds")))
    scheduler = Scheduler(store, {"discord": sender}, composer, clock=clock, sleep=clock.sleep,
                          options=SchedulerOptions(grace=timedelta(minutes=30)), worker="test")
    gone = subscribe(store, clock, schedule="every 15m", announce_empty=True)
    kept = subscribe(store, clock, BETA, schedule="every 15m", announce_empty=True)
    sender.gone.add(ALPHA.channel)
    for _ in range(4):  # an hour of slots
        clock.advance(minutes=15)
        await scheduler.run_once()
        lease_time_passes(store, timedelta(minutes=11))
    assert sender.attempts == 1 + 4  # alpha once, beta at every slot
    assert sender.channels() == [BETA.channel] * 4
    paused = store.get_subscription(gone)
    assert paused is not None
    assert paused.paused == (
        "Discord refused the post to channel alpha: 404 Unknown Channel (the channel was deleted)")
    assert store.get_subscription(kept).paused is None  # type: ignore[union-attr]
    last = store.last_digests([gone])[gone]
    assert (last.state, last.attempts, last.next_attempt) == ("failed", 1, None)  # given up at once
    logged = [r.message for r in caplog.records if "paused" in r.message]
    assert len(logged) == 1
    assert "resume 1" in logged[0]
    assert store.resume_subscription(gone, ALPHA, now=clock()) is not None
    sender.gone.clear()
    clock.advance(minutes=15)
    await scheduler.run_once()
    assert sorted(sender.channels()[-2:]) == [ALPHA.channel, BETA.channel]


def gone_scheduler(store: Store, clock: FakeClock, sender: RecordingSender, tmp_path) -> Scheduler:
    composer = CorpusComposer(build_corpus(Settings(seeds=tmp_path / "no-seeds")))
    return Scheduler(store, {"discord": sender}, composer, clock=clock, sleep=clock.sleep,
                     options=SchedulerOptions(grace=timedelta(minutes=30)), worker="test")


async def test_the_rest_of_a_paused_subscriptions_queue_is_dropped_without_an_attempt(store, clock,
                                                                                       tmp_path):
    """The digest that finds the channel gone pauses the subscription; its alert claimed in the
    same run is given up without another refused call (and is not posted after a resume)."""
    sender = GoneSender()
    scheduler = gone_scheduler(store, clock, sender, tmp_path)
    sub = subscribe(store, clock, alert_fatalities=3, announce_empty=True)
    sender.gone.add(ALPHA.channel)
    clock.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)  # the digest slot, with an alert due too
    report_story(store, clock, "Clash near Gao", report(4))
    outcomes = await scheduler.run_once()
    assert [(o.kind, o.state, o.paused) for o in outcomes] == [("digest", "failed", True),
                                                                 ("alert", "failed", False)]
    assert sender.attempts == 1
    assert [(d.kind, d.state, d.error, d.next_attempt) for d in deliveries(store)][1] == (
        "alert", "failed", "subscription paused", None)
    assert store.get_subscription(sub).paused  # type: ignore[union-attr]


async def test_a_paused_subscription_gets_nothing_and_resumes_with_news_only(store, clock, tmp_path):
    """While paused: no digest, alert or feed notice is claimed. After resume: alerts only for
    stories listed since, and the next digest holds only stories listed since (what came while
    it was paused is not posted as a burst)."""
    sender = GoneSender()
    scheduler = gone_scheduler(store, clock, sender, tmp_path)
    sub = subscribe(store, clock, alert_fatalities=3)
    feed, _ = store.add_feed("https://feeds.example/rss", now=clock())
    assert store.pause_subscription(sub, "Discord refused the post to channel alpha: 404 Unknown Channel")
    for day in range(3):  # three days of news while paused, one failing feed
        clock.advance(hours=6)
        report_story(store, clock, f"Ambush {day}", report(5 + day, place=f"Town {day}", lat=15.0 + day))
        publish(store, clock, f"Paused story {day}", text=f"Story {day}. {OTHER_STORY}")
        store.feed_failed(feed.id, now=clock(), error="HTTP 403", next_poll=clock(), pause_after=9)
        clock.now = datetime(2026, 11, 24 + day, 7, 0, tzinfo=UTC) + timedelta(days=1)
        assert await scheduler.run_once() == []
    assert deliveries(store) == []
    store.feed_polled(feed.id, now=clock(), etag=None, last_modified=None, title=None, next_poll=clock())
    clock.advance(hours=1)
    assert store.resume_subscription(sub, ALPHA, now=clock()) is not None
    assert await scheduler.run_once() == []  # nothing listed while paused is posted
    clock.advance(minutes=5)
    report_story(store, clock, "Clash near Gao", report(4))
    publish(store, clock, "After the resume", text="The river ferry ran again on Friday once the floods had "
                                                   "receded, the port authority said. Traders were relieved.")
    assert [(o.kind, o.state) for o in await scheduler.run_once()] == [("alert", "sent")]
    clock.now = datetime(2026, 11, 28, 7, 0, tzinfo=UTC)
    assert [(o.kind, o.state) for o in await scheduler.run_once()] == [("digest", "sent")]
    assert titles(sender)[1] == ["After the resume"]  # the alerted story is not repeated
