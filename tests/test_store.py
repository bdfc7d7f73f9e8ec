"""The store on SQLite and on a real PostgreSQL 15: schema, dedupe, feeds, subscriptions, claims."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from incident_fixtures import store_incidents
from lease_fixtures import lease_time_passes
from pg_fixtures import postgres_server, postgres_url, store_url  # noqa: F401
from sqlalchemy import Engine, MetaData, Table, text
from store_rows import article_count, deliveries

from bot.core.summary_cache import SummaryCache
from bot.store import (
    STOPPED,
    NewSubscription,
    Reclaimed,
    Store,
    StoredIncident,
    StoreError,
    canonical_url,
    database_url,
    extractor_version,
)
from bot.store.database import _alembic_config, connect, head_revision, migrate, schema_revision
from bot.store.models import Base
from bot.vocabulary import Destination
from summarizer.articles.model import Article, content_id
from summarizer.summary import ScoredSentence, Summary

NOW = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
CHANNEL = Destination("discord", "c1", "g1")


def article(text: str, url: str | None = None, title: str = "Title", source: str | None = "Wire") -> Article:
    return Article(id=content_id(text), title=title, text=text, url=url, source=source)


@pytest.fixture
def store(store_url: str):  # noqa: F811
    opened = Store.open(store_url)
    yield opened
    opened.close()


def subscription(**changes) -> NewSubscription:
    values = {
        "destination": CHANNEL,
        "schedule": "daily 08:00",
        "cron": "0 8 * * *",
        "timezone": "Europe/Berlin",
        "since": NOW,
        "created_by": "u1",
    }
    values.update(changes)
    return NewSubscription(**values)


def _not_search_index(name: str | None, kind: str, parents: object) -> bool:
    """The full-text search index (SQLite's FTS5 tables, PostgreSQL's expression index) is
    created by a migration and read by raw SQL: the models do not describe it."""
    return not (name or "").startswith(("articles_fts", "ix_articles_fulltext"))


def test_migrations_reach_head_and_match_the_models(store: Store) -> None:
    assert schema_revision(store.engine) == head_revision() == "0011"
    migrate(store.engine)  # a second run is a no-op
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": _not_search_index})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def old_subscription(engine: Engine) -> int:
    """A subscription stored by an older release (in the columns its schema has); its id."""
    table = Table("subscriptions", MetaData(), autoload_with=engine)
    values = {"platform": "discord", "workspace": "g1", "channel": "c1", "schedule": "daily 08:00",
              "cron": "0 8 * * *", "timezone": "Europe/Berlin", "keywords": [], "sources": [], "sentences": 3,
              "method": "default", "include_incidents": True, "announce_empty": False, "since": NOW,
              "created_at": NOW, "created_by": "u1", "active": True}
    with engine.begin() as connection:
        inserted = connection.execute(table.insert().values(**values).returning(table.c.id))
        return int(inserted.scalar_one())


def test_alerts_sent_before_the_one_incident_store_are_not_sent_again(store_url: str) -> None:  # noqa: F811
    engine = connect(store_url)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0005")  # the release with the poller's own table
    old = Store(engine)
    added = old.add_article(article("Two killed."), fetched_at=NOW, listed_at=NOW)
    sub = old_subscription(engine)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO incidents (id, article_id, position, data, fatalities, "
                                "created_at) VALUES (7, :article, 1, '{}', 12, :now)"),
                           {"article": added.id, "now": NOW})
    old.claim(sub, "alert:7", slot_time=NOW, kind="alert", worker="w", now=NOW, lease=timedelta(minutes=5))
    migrate(engine)
    assert [d.slot_key for d in deliveries(Store(engine))] == [f"alert:{added.id}:1"]
    engine.dispose()


def test_feeds_gone_before_their_state_was_stored_are_gone_after_the_upgrade(store_url: str) -> None:  # noqa: F811
    """Before 0010 a feed's "gone" (HTTP 410) was read from its recorded error text."""
    gone_text = "HTTP 410 Gone: the publisher removed this feed"
    engine = connect(store_url)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0009")
        for number, paused, error in [(1, True, gone_text), (2, True, "HTTP 503"), (3, False, gone_text)]:
            connection.execute(text(
                "INSERT INTO feeds (id, url, since, created_at, poll_interval, next_poll, polled_once,"
                " failures, failing_since, last_error, paused, operator)"
                " VALUES (:id, :url, :now, :now, 900, :now, :no, 1, :now, :error, :paused, :no)"),
                {"id": number, "url": f"https://feeds.example/{number}", "now": NOW.replace(tzinfo=None),
                 "error": error, "paused": paused, "no": False})
        connection.execute(text("INSERT INTO feed_followers (feed_id, platform, workspace, channel,"
                                " added_at) VALUES (1, 'discord', 'g1', 'c1', :now)"),
                           {"now": NOW.replace(tzinfo=None)})
    old = Store(engine)
    sub = old_subscription(engine)
    for number, paused, error in [(1, True, gone_text), (2, True, "HTTP 503")]:
        old.claim(sub, f"feed:{number}:x:paused", slot_time=NOW, kind="notice", worker="w", now=NOW,
                  lease=timedelta(minutes=5), payload={"name": str(number), "paused": paused, "error": error,
                                                       "since": NOW.isoformat(), "failures": 1})
    migrate(engine)
    upgraded = Store(engine)
    assert [(f.id, f.paused, f.gone) for f in upgraded.feeds()] == [(1, True, True), (2, True, False),
                                                                    (3, False, False)]
    assert [d.payload.get("gone", False) for d in deliveries(upgraded)] == [True, False]
    assert upgraded.feed_followers(1) == {CHANNEL}  # the upgrade keeps who follows the feed
    engine.dispose()


def test_a_downgrade_from_0010_keeps_feeds_and_their_followers(store_url: str) -> None:  # noqa: F811
    store = Store.open(store_url)
    feed, _ = store.add_feed("https://feeds.example/rss", now=NOW, added_by=CHANNEL)
    store.feed_failed(feed.id, now=NOW, error="HTTP 410", next_poll=NOW, pause_after=5, gone=True)
    with store.engine.begin() as connection:
        command.downgrade(_alembic_config(connection), "0009")
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT id, url, paused FROM feeds")).all() == [
            (feed.id, "https://feeds.example/rss", True)]
        followers = connection.execute(text("SELECT feed_id, channel FROM feed_followers")).all()
    assert followers == [(feed.id, "c1")]  # a batch rebuild of feeds would have cascade-deleted them
    migrate(store.engine)
    assert [(f.id, f.paused, f.gone) for f in store.feeds()] == [(feed.id, True, False)]
    assert store.feed_followers(feed.id) == {CHANNEL}
    store.close()


def test_a_downgrade_from_0011_keeps_subscriptions_and_their_deliveries(store_url: str) -> None:  # noqa: F811
    """0011 adds ``paused`` in place: going back drops the column only (a batch rebuild of
    ``subscriptions`` would cascade-delete its deliveries), and going forward again works."""
    store = Store.open(store_url)
    sub = store.add_subscription(subscription(), now=NOW)
    store.claim(sub.id, "k", slot_time=NOW, kind="digest", worker="w", now=NOW, lease=timedelta(minutes=5))
    assert store.pause_subscription(sub.id, "the channel was deleted")
    with store.engine.begin() as connection:
        command.downgrade(_alembic_config(connection), "0010")
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM deliveries")).scalar_one() == 1
        assert connection.execute(text("SELECT id FROM subscriptions")).all() == [(sub.id,)]
        columns = {c["name"] for c in connection.dialect.get_columns(connection, "subscriptions")}
    assert "paused" not in columns
    migrate(store.engine)
    upgraded = store.get_subscription(sub.id)
    assert upgraded is not None
    assert upgraded.paused is None  # the older release kept no pause: it is scheduled again
    assert len(deliveries(store)) == 1
    store.close()


def test_resuming_a_paused_subscription_starts_it_from_the_resume_time(store: Store) -> None:
    sub = store.add_subscription(subscription(), now=NOW)
    later = NOW + timedelta(days=3)
    untouched = store.resume_subscription(sub.id, CHANNEL, now=later)  # not paused: nothing changes
    assert untouched is not None
    assert store.get_subscription(sub.id) == untouched
    store.pause_subscription(sub.id, "the channel was deleted")
    before = store.resume_subscription(sub.id, CHANNEL, now=later)
    assert before is not None
    assert before.paused == "the channel was deleted"
    resumed = store.get_subscription(sub.id)
    assert resumed is not None
    assert (resumed.paused, resumed.since) == (None, later)


@pytest.mark.parametrize("gone", [False, True])
def test_a_poll_that_fails_after_a_manual_pause_records_nothing(store: Store, gone: bool) -> None:
    """A poll already running when a manager pauses the feed neither unpauses it nor records a
    failure (which would tell every channel it failed)."""
    feed, _ = store.add_feed("https://feeds.example/rss", now=NOW)
    assert store.pause_feed(feed.id)
    after = store.feed_failed(feed.id, now=NOW, error="HTTP 503", next_poll=NOW, pause_after=1, gone=gone)
    stored = store.get_feed(feed.id)
    assert after == stored
    assert stored is not None
    assert (stored.paused, stored.gone, stored.failures, stored.failing_since, stored.last_error) == (
        True, False, 0, None, None)


def test_a_gone_feed_is_state_not_error_text(store: Store) -> None:
    feed, _ = store.add_feed("https://feeds.example/rss", now=NOW)
    gone = store.feed_failed(feed.id, now=NOW, error="HTTP 410", next_poll=NOW, pause_after=5, gone=True)
    assert (gone.paused, gone.gone, gone.failures) == (True, True, 1)
    assert store.resume_feed(feed.id, now=NOW)
    resumed = store.get_feed(feed.id)
    assert resumed is not None
    assert (resumed.paused, resumed.gone) == (False, False)
    store.feed_failed(feed.id, now=NOW, error="HTTP 410", next_poll=NOW, pause_after=5, gone=True)
    store.feed_polled(feed.id, now=NOW, etag=None, last_modified=None, title=None, next_poll=NOW)
    polled = store.get_feed(feed.id)
    assert polled is not None
    assert not polled.gone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://Example.org/a/b/?utm_source=x&utm_medium=y&id=3#comments", "https://example.org/a/b?id=3"),
        ("http://example.org:80/a?fbclid=abc&b=2&a=1", "https://example.org/a?a=1&b=2"),
        ("https://example.org:8443/a?gclid=1", "https://example.org:8443/a"),
        ("https://example.org", "https://example.org/"),
        ("ftp://example.org/a", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_canonical_url(raw: str | None, expected: str | None) -> None:
    assert canonical_url(raw) == expected


def test_same_story_is_stored_once(store: Store) -> None:
    first = store.add_article(
        article("Shelling hit the market.", "https://news.example/a?utm_source=tw"),
        fetched_at=NOW,
        listed_at=NOW,
    )
    by_url = store.add_article(
        article("Shelling hit the market, editors updated.", "https://news.example/a#top"),
        fetched_at=NOW,
        listed_at=NOW,
    )
    republished = store.add_article(
        article("shelling  hit the MARKET.", "https://mirror.example/b", title="Re-post"),
        fetched_at=NOW + timedelta(days=1),
        listed_at=NOW,
    )
    other = store.add_article(article("A different story."), fetched_at=NOW, listed_at=NOW)
    assert first.created
    assert not by_url.created
    assert not republished.created
    assert other.created
    assert by_url.id == republished.id == first.id
    assert article_count(store) == 2
    stored = store.get_article(first.id)
    assert stored is not None
    assert stored.article.title == "Title"
    assert stored.listed_at == NOW


def test_unsent_articles_filters_and_excludes_what_was_sent(store: Store) -> None:
    old = store.add_article(article("Back catalogue."), fetched_at=NOW, listed_at=None)
    a = store.add_article(
        article("Strike near Idlib in Syria.", title="Syria"), fetched_at=NOW, listed_at=NOW
    )
    b = store.add_article(
        article("Markets rallied.", source="Other"), fetched_at=NOW, listed_at=NOW + timedelta(minutes=1)
    )
    c = store.add_article(
        article("Syrian talks resumed."), fetched_at=NOW, listed_at=NOW + timedelta(minutes=2)
    )
    ids = [s.id for s in store.unsent_articles(CHANNEL, since=NOW)]
    assert ids == [a.id, b.id, c.id]
    assert old.id not in ids
    assert [s.id for s in store.unsent_articles(CHANNEL, since=NOW, keywords=["syria"])] == [a.id]
    assert [s.id for s in store.unsent_articles(CHANNEL, since=NOW, sources=["other"])] == [b.id]
    assert [s.id for s in store.unsent_articles(CHANNEL, since=NOW + timedelta(seconds=30))] == [b.id, c.id]
    sub = store.add_subscription(subscription(), now=NOW)
    claimed = store.claim(
        sub.id,
        "k",
        slot_time=NOW,
        kind="digest",
        worker="w",
        now=NOW,
        lease=timedelta(minutes=5),
        article_ids=[a.id, b.id],
    )
    assert claimed is not None
    store.mark_sent(claimed.id, fence=claimed.attempts, now=NOW)
    assert [s.id for s in store.unsent_articles(CHANNEL, since=NOW)] == [c.id]
    other_channel = Destination("slack", "C9", "T1")
    assert len(store.unsent_articles(other_channel, since=NOW)) == 3


def test_articles_are_reserved_for_a_channel_at_claim_and_released_when_given_up(store: Store) -> None:
    ids = [store.add_article(article(f"Story {n}."), fetched_at=NOW, listed_at=NOW).id for n in range(3)]
    first = store.add_subscription(subscription(), now=NOW)
    second = store.add_subscription(subscription(keywords=("story",)), now=NOW)
    lease = timedelta(minutes=5)
    one = store.claim(first.id, "k", slot_time=NOW, kind="digest", worker="a", now=NOW, lease=lease,
                      article_ids=ids[:2])
    two = store.claim(second.id, "k", slot_time=NOW, kind="digest", worker="b", now=NOW, lease=lease,
                      article_ids=ids)
    assert one is not None
    assert two is not None
    assert (one.article_ids, two.article_ids) == (tuple(ids[:2]), (ids[2],))
    alert = store.claim(second.id, "alert:1", slot_time=NOW, kind="alert", worker="b", now=NOW, lease=lease,
                        article_ids=[ids[0]], exclusive=False)
    assert alert is not None
    assert alert.article_ids == (ids[0],)
    store.mark_failed(one.id, fence=one.attempts, error="gone", retry_at=None)
    assert [s.id for s in store.unsent_articles(CHANNEL, since=NOW)] == ids[:2]
    assert store.sent_article_ids(CHANNEL) == {ids[2]}


def test_claim_is_once_per_slot_and_expired_leases_are_reclaimed_once(store: Store) -> None:
    sub = store.add_subscription(subscription(), now=NOW)
    lease = timedelta(minutes=5)
    first = store.claim(
        sub.id, "2026-11-24T07:00Z", slot_time=NOW, kind="digest", worker="a", now=NOW, lease=lease
    )
    again = store.claim(
        sub.id, "2026-11-24T07:00Z", slot_time=NOW, kind="digest", worker="b", now=NOW, lease=lease
    )
    assert first is not None
    assert first.state == "claimed"
    assert first.attempts == 1
    assert again is None
    assert store.is_claimed(sub.id, "2026-11-24T07:00Z")
    # A caller whose clock is far ahead does not judge the lease: the database's clock does.
    later = NOW + timedelta(days=3650)
    assert store.reclaim(worker="b", now=later, lease=lease, max_attempts=3).taken == []
    lease_time_passes(store, timedelta(minutes=6))
    taken = store.reclaim(worker="b", now=NOW, lease=lease, max_attempts=3).taken
    assert [(d.id, d.worker, d.attempts) for d in taken] == [(first.id, "b", 2)]
    assert store.reclaim(worker="c", now=later, lease=lease, max_attempts=3).taken == []
    # The first claimant's fence is stale: it can neither renew nor fail the delivery.
    assert not store.extend_lease(first.id, fence=first.attempts, lease=lease)
    assert not store.mark_failed(first.id, fence=first.attempts, error="late", retry_at=None)
    assert store.extend_lease(first.id, fence=taken[0].attempts, lease=lease)
    assert store.mark_failed(first.id, fence=2, error="boom", retry_at=later + timedelta(minutes=1))
    assert store.reclaim(worker="c", now=later, lease=lease, max_attempts=3).taken == []
    retried = store.reclaim(worker="c", now=later + timedelta(minutes=1), lease=lease, max_attempts=3).taken
    assert [d.attempts for d in retried] == [3]
    store.mark_failed(first.id, fence=3, error="boom", retry_at=later + timedelta(minutes=2))
    ended = store.reclaim(worker="c", now=later + timedelta(hours=1), lease=lease, max_attempts=3)
    assert ended.taken == []
    assert [(d.id, d.state, d.error) for d in ended.given_up] == [(first.id, "failed", "boom")]
    (final,) = deliveries(store, sub.id)
    assert final.state == "failed"
    assert final.error == "boom"


def test_a_delivery_whose_worker_died_in_its_last_attempt_is_given_up_saying_so(store: Store) -> None:
    """Every attempt ended by lease expiry (no error was ever recorded): the reason given up is
    that the bot stopped while posting, not nothing."""
    sub = store.add_subscription(subscription(), now=NOW)
    lease = timedelta(minutes=5)
    first = store.claim(sub.id, "k", slot_time=NOW, kind="digest", worker="a", now=NOW, lease=lease)
    assert first is not None
    lease_time_passes(store, timedelta(minutes=6))
    assert store.reclaim(worker="b", now=NOW, lease=lease, max_attempts=2).given_up == []
    lease_time_passes(store, timedelta(minutes=6))
    ended = store.reclaim(worker="c", now=NOW, lease=lease, max_attempts=2)
    assert ended.taken == []
    assert [(d.id, d.attempts, d.state, d.error) for d in ended.given_up] == [
        (first.id, 2, "failed", STOPPED)]
    assert store.last_digests([sub.id])[sub.id].error == STOPPED
    assert store.reclaim(worker="c", now=NOW, lease=lease, max_attempts=2) == Reclaimed([], [])


def test_last_digests_are_each_subscriptions_latest_digest_to_post(store: Store) -> None:
    """A newer skipped (empty) digest or a newer alert does not hide how the last digest went;
    each subscription gets its own latest, being posted or done."""
    first = store.add_subscription(subscription(), now=NOW)
    second = store.add_subscription(subscription(), now=NOW)
    lease = timedelta(minutes=10)

    def claim(sub: int, hours: int, kind: str = "digest") -> int:
        slot = NOW + timedelta(hours=hours)
        delivery = store.claim(sub, f"{kind}-{hours}", slot_time=slot, kind=kind, worker="w", now=slot,
                               lease=lease)
        assert delivery is not None
        return delivery.id

    assert store.last_digests([]) == {}
    failed = claim(first.id, 1)
    store.mark_failed(failed, fence=1, error="refused", retry_at=None)
    store.mark_skipped(claim(first.id, 2), now=NOW)
    claim(first.id, 3, kind="alert")
    posting = claim(second.id, 1)
    store.mark_sent(claim(second.id, 0), fence=1, now=NOW)
    last = store.last_digests([first.id, second.id])
    assert {sub: (d.id, d.state) for sub, d in last.items()} == {
        first.id: (failed, "failed"), second.id: (posting, "claimed")}
    assert store.last_digests([second.id]).keys() == {second.id}


def test_a_post_by_a_worker_that_lost_its_claim_is_recorded_so_the_new_holder_does_not_post(
    store: Store,
) -> None:
    sub = store.add_subscription(subscription(), now=NOW)
    lease = timedelta(minutes=5)
    first = store.claim(sub.id, "k", slot_time=NOW, kind="digest", worker="a", now=NOW, lease=lease)
    assert first is not None
    lease_time_passes(store, timedelta(minutes=6))
    (taken,) = store.reclaim(worker="b", now=NOW, lease=lease, max_attempts=3).taken
    assert not store.mark_sent(first.id, fence=first.attempts, now=NOW)  # "a" posted late
    assert not store.extend_lease(first.id, fence=taken.attempts, lease=lease)  # "b" must not post
    (final,) = deliveries(store, sub.id)
    assert final.state == "sent"


def test_feeds_state_and_pause(store: Store) -> None:
    feed, created = store.add_feed("https://feeds.example/rss", now=NOW, added_by=CHANNEL)
    assert created
    assert feed.added_by == CHANNEL
    assert feed.since == NOW
    assert not feed.polled_once
    assert store.add_feed("https://feeds.example/rss", now=NOW)[1] is False
    assert [f.id for f in store.due_feeds(NOW)] == [feed.id]
    store.feed_polled(
        feed.id,
        now=NOW,
        etag='"v1"',
        last_modified="Tue, 24 Nov 2026 08:00:00 GMT",
        title="Example wire",
        next_poll=NOW + timedelta(minutes=15),
    )
    assert store.due_feeds(NOW) == []
    polled = store.get_feed("https://feeds.example/rss")
    assert polled is not None
    assert polled.etag == '"v1"'
    assert polled.name == "Example wire"
    assert polled.polled_once
    for attempt in range(1, 4):
        failed = store.feed_failed(
            feed.id, now=NOW + timedelta(hours=attempt), error="HTTP 403", next_poll=NOW, pause_after=3
        )
    assert failed.failures == 3
    assert failed.paused
    assert failed.failing_since == NOW + timedelta(hours=1)
    assert store.due_feeds(NOW + timedelta(days=1)) == []
    assert store.resume_feed(feed.id, now=NOW)
    resumed = store.get_feed(feed.id)
    assert resumed is not None
    assert not resumed.paused
    assert resumed.failures == 0
    assert store.remove_feed(feed.id)
    assert not store.remove_feed(feed.id)


def test_subscriptions_per_channel(store: Store) -> None:
    sub = store.add_subscription(subscription(keywords=("syria",), alert_fatalities=5), now=NOW)
    store.add_subscription(subscription(destination=Destination("slack", "C1", "T1")), now=NOW)
    mine = store.subscriptions(CHANNEL)
    assert [s.id for s in mine] == [sub.id]
    assert mine[0].keywords == ("syria",)
    assert mine[0].alert_fatalities == 5
    assert not store.remove_subscription(sub.id, Destination("discord", "other", "g1"))
    assert store.remove_subscription(sub.id, CHANNEL)
    assert store.subscriptions(CHANNEL) == []
    assert len(store.subscriptions()) == 1


def test_alerts_read_the_one_incident_store(store: Store) -> None:
    added = store.add_article(article("Two killed."), fetched_at=NOW, listed_at=NOW)
    back = store.add_article(article("Old news."), fetched_at=NOW, listed_at=None)
    implausible = {"fatalities": 90000, "flags": ["implausible_fatalities"]}
    store_incidents(store, added.id, [{"fatalities": 2}, {"fatalities": 12}, implausible], now=NOW)
    store_incidents(store, back.id, [{"fatalities": 40}], now=NOW)  # back catalogue never alerts
    store.save_extraction(article("Two killed.").id, "an older extractor", "x", [{"fatalities": 99}], now=NOW)
    sub = store.add_subscription(subscription(), now=NOW)
    def unalerted() -> list[StoredIncident]:
        slots = store.alert_slots(sub.id)
        found = store.listed_incidents(CHANNEL, since=NOW, min_fatalities=10, extractor=extractor_version())
        return [i for i in found if i.slot not in slots]

    found = unalerted()
    assert [(i.article_id, i.position, i.data) for i in found] == [(added.id, 1, {"fatalities": 12})]
    assert found[0].slot == f"alert:{added.id}:1"
    store.claim(sub.id, found[0].slot, slot_time=NOW, kind="alert", worker="w", now=NOW,
                lease=timedelta(minutes=5), article_ids=[added.id])
    assert unalerted() == []



def test_summaries_are_cached_in_the_store(store: Store) -> None:
    text = "Two people were killed. The market was closed. Talks resume on Monday."
    stored = article(text)
    store.add_article(stored, fetched_at=NOW, listed_at=NOW)
    calls = []

    def summarize(item: Article, method: str, sentences: int) -> Summary:
        calls.append((item.id, method, sentences))
        return Summary(method, (ScoredSentence(0, "Two people were killed.", 0.75),), 3)

    cached = SummaryCache(summarize, store)
    first = cached.get(stored, "lead", 1)
    assert cached.get(stored, "lead", 1) == first
    assert SummaryCache(summarize, store).get(stored, "lead", 1) == first  # another process, same cache
    assert calls == [(stored.id, "lead", 1)]
    cached.get(stored, "lead", 2)
    unknown = article("Not stored.")
    cached.get(unknown, "lead", 1)
    assert SummaryCache(summarize, store).get(unknown, "lead", 1) == cached.get(unknown, "lead", 1)
    assert len(calls) == 4  # an article the store does not hold is cached in memory only
    assert store.cached_summary(stored.id, "lead:1") == {
        "method": "lead", "total": 3, "sentences": [[0, "Two people were killed.", 0.75]]}


def test_an_old_schema_is_upgraded_with_its_data(tmp_path) -> None:
    from alembic import command

    from bot.store.database import _alembic_config

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = connect(url)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0001")
    assert schema_revision(engine) == "0001"
    Store(engine).add_article(article("Kept across upgrades."), fetched_at=NOW, listed_at=NOW)
    upgraded = Store.open(url)
    assert schema_revision(upgraded.engine) == head_revision()
    assert [a.article.text for a in upgraded.articles()] == ["Kept across upgrades."]
    upgraded.close()
    engine.dispose()


def test_database_url_defaults_to_a_sqlite_file(tmp_path) -> None:
    path = tmp_path / "data" / "newsdigest.sqlite3"
    assert database_url(None, path) == f"sqlite:///{path}"
    assert path.parent.is_dir()
    assert database_url("postgresql://u@h/db", path) == "postgresql+psycopg://u@h/db"
    with pytest.raises(StoreError, match="unsupported database"):
        connect("mysql://u@h/db")
    with pytest.raises(StoreError, match="cannot be read"):
        connect("::::")


def test_a_folder_error_without_an_os_message_still_says_why(tmp_path, monkeypatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("the file system refused the folder")  # an OSError without errno or strerror

    monkeypatch.setattr("pathlib.Path.mkdir", refuse)
    folder = tmp_path / "data"
    with pytest.raises(StoreError) as refused:
        database_url(None, folder / "newsdigest.sqlite3")
    assert str(refused.value) == (
        f"the database's folder {folder} cannot be created: the file system refused the folder")


def test_the_postgres_fixture_fails_instead_of_skipping_when_ci_requires_it(monkeypatch) -> None:
    from pg_fixtures import _unavailable

    monkeypatch.setenv("NEWSDIGEST_REQUIRE_POSTGRES", "1")
    with pytest.raises(pytest.fail.Exception, match=r"no initdb.*NEWSDIGEST_REQUIRE_POSTGRES=1"):
        _unavailable("no initdb")
    monkeypatch.delenv("NEWSDIGEST_REQUIRE_POSTGRES")
    with pytest.raises(pytest.skip.Exception, match="PostgreSQL test server unavailable: no initdb"):
        _unavailable("no initdb")


def test_a_signed_request_is_remembered_until_its_window_is_over(store: Store) -> None:
    until = NOW + timedelta(minutes=6)
    assert store.first_request("v0=ab", until=until, now=NOW)
    assert not store.first_request("v0=ab", until=until, now=NOW + timedelta(minutes=5))
    assert store.first_request("v0=cd", until=until, now=NOW)
    assert store.first_request("v0=ab", until=until + timedelta(minutes=6), now=until + timedelta(seconds=1))


def test_feeds_follow_their_channels(store: Store) -> None:
    other = Destination("discord", "c2", "g2")
    shared, created = store.add_feed("https://feeds.example/shared", now=NOW, added_by=CHANNEL)
    assert created
    assert store.add_feed("https://feeds.example/shared", now=NOW, added_by=other)[1]
    assert not store.add_feed("https://feeds.example/shared", now=NOW, added_by=other)[1]
    operators, _ = store.add_feed("https://feeds.example/operator", now=NOW)
    assert operators.operator
    assert not shared.operator
    assert store.feed_followers(shared.id) == {CHANNEL, other}
    assert [f.id for f in store.feeds(visible_to=Destination("slack", "C9", "T9"))] == [operators.id]
    assert not store.unfollow_feed(shared.id, CHANNEL)
    assert not store.follows_feed(shared.id, CHANNEL)
    assert store.unfollow_feed(shared.id, other)  # nobody follows it any more: gone
    assert store.get_feed(shared.id) is None
    assert store.add_feed("https://feeds.example/operator", now=NOW, added_by=CHANNEL)[1]
    assert not store.unfollow_feed(operators.id, CHANNEL)  # the operator's feed stays
    assert store.get_feed(operators.id) is not None


def test_upgrading_gives_feeds_their_scope(tmp_path) -> None:
    from alembic import command
    from sqlalchemy import text

    from bot.store.database import _alembic_config

    url = f"sqlite:///{tmp_path / 'feeds.sqlite3'}"
    engine = connect(url)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0003")
        for number, platform, workspace, channel in [(1, None, None, None), (2, "discord", "g1", "c1"),
                                                     (3, "console", None, "console")]:
            connection.execute(text(
                "INSERT INTO feeds (id, url, since, created_at, added_platform, added_workspace,"
                " added_channel, poll_interval, next_poll, polled_once, failures, paused)"
                " VALUES (:id, :url, :now, :now, :p, :w, :c, 900, :now, 0, 0, 0)"),
                {"id": number, "url": f"https://feeds.example/{number}", "now": NOW.replace(tzinfo=None),
                 "p": platform, "w": workspace, "c": channel})
    upgraded = Store.open(url)
    assert [f.operator for f in upgraded.feeds()] == [True, False, False]  # 1: added on the command line
    assert upgraded.feed_followers(2) == {Destination("discord", "c1", "g1")}
    assert upgraded.feed_followers(3) == {Destination("console", "console")}
    assert [f.id for f in upgraded.feeds(visible_to=Destination("discord", "c9", "g9"))] == [1]
    upgraded.close()
    engine.dispose()


def test_a_process_killed_without_closing_the_store_loses_nothing_committed(tmp_path) -> None:
    """A crash skips the checkpoint a clean exit makes: what was committed is in the write-ahead
    log, and the next start reads it back."""
    url = f"sqlite:///{tmp_path / 'crash.sqlite3'}"
    script = ("import os, sys\nfrom datetime import UTC, datetime\nfrom bot.store import Store\n"
              "store = Store.open(sys.argv[1])\n"
              "store.add_feed('https://wire.example/rss', now=datetime.now(UTC))\n"
              "os._exit(9)\n")
    died = subprocess.run([sys.executable, "-c", script, url], capture_output=True, text=True, check=False,
                          timeout=300)
    assert died.returncode == 9, died.stderr
    assert (tmp_path / "crash.sqlite3-wal").exists()
    store = Store.open(url)
    try:
        assert [feed.url for feed in store.feeds()] == ["https://wire.example/rss"]
    finally:
        store.close()
    assert not (tmp_path / "crash.sqlite3-wal").exists()


def test_digests_and_alerts_take_only_the_operators_articles_and_the_channels_own_feeds(store: Store) -> None:
    other = Destination("slack", "C9", "T9")
    theirs, _ = store.add_feed("https://feeds.example/theirs", now=NOW, added_by=other)
    ours, _ = store.add_feed("https://feeds.example/ours", now=NOW, added_by=CHANNEL)
    operators, _ = store.add_feed("https://feeds.example/operator", now=NOW)
    ids = {name: store.add_article(article(f"{name} 12 killed."), fetched_at=NOW, listed_at=NOW,
                                   feed_id=feed).id
           for name, feed in (("Seed", None), ("Theirs", theirs.id), ("Ours", ours.id),
                              ("Operator", operators.id))}
    for article_id in ids.values():
        store_incidents(store, article_id, [{"fatalities": 12}], now=NOW)

    def reaching(destination: Destination) -> tuple[set[int], set[int]]:
        digest = {a.id for a in store.unsent_articles(destination, since=NOW)}
        alerts = {i.article_id for i in store.listed_incidents(destination, since=NOW, min_fatalities=1,
                                                               extractor=extractor_version())}
        return digest, alerts

    everyone = {ids["Seed"], ids["Operator"]}
    assert reaching(CHANNEL) == (everyone | {ids["Ours"]},) * 2
    assert reaching(other) == (everyone | {ids["Theirs"]},) * 2
    assert store.unfollow_feed(theirs.id, other)  # deleted: its articles do not become everyone's
    assert reaching(other) == (everyone,) * 2
    assert reaching(CHANNEL) == (everyone | {ids["Ours"]},) * 2
    assert store.remove_feed(ours.id)
    assert store.remove_feed(operators.id)
    assert reaching(CHANNEL) == (everyone,) * 2
    assert store.get_article(ids["Ours"]) is not None  # kept for summary and search


def test_only_a_chat_feed_one_channel_alone_follows_is_paused_or_resumed_for_it(store: Store) -> None:
    other = Destination("slack", "C9", "T9")
    alone, _ = store.add_feed("https://feeds.example/alone", now=NOW, added_by=CHANNEL)
    shared, _ = store.add_feed("https://feeds.example/shared", now=NOW, added_by=CHANNEL)
    store.add_feed("https://feeds.example/shared", now=NOW, added_by=other)
    operators, _ = store.add_feed("https://feeds.example/operator", now=NOW)
    store.add_feed("https://feeds.example/operator", now=NOW, added_by=CHANNEL)
    assert not store.pause_feed(shared.id, only_for=CHANNEL)
    assert not store.pause_feed(operators.id, only_for=CHANNEL)
    assert store.pause_feed(alone.id, only_for=CHANNEL)
    assert not store.pause_feed(alone.id, only_for=other)
    assert [f.id for f in store.due_feeds(NOW)] == [shared.id, operators.id]
    assert store.pause_feed(shared.id)  # the owner's pause
    assert store.pause_feed(operators.id)
    assert not store.resume_feed(shared.id, now=NOW, only_for=CHANNEL)
    assert not store.resume_feed(operators.id, now=NOW, only_for=CHANNEL)
    assert store.resume_feed(alone.id, now=NOW, only_for=CHANNEL)
    assert store.due_feeds(NOW) == [store.get_feed(alone.id)]
