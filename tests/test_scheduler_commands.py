"""The subscribe / unsubscribe / subscriptions / feeds commands through the shared registry."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pg_fixtures import postgres_server, postgres_url, store_url  # noqa: F401
from sqlalchemy import text

from bot.config import Settings
from bot.core.app import build_registry
from bot.core.mentions import GroupDirectory, MentionError
from bot.core.registry import ArgumentError, Invocation, ManagerStatus, RetryLater
from bot.core.reply import Reply
from bot.core.services import Services, build_corpus
from bot.core.spelling import Spelling
from bot.feeds.opml import parse_opml
from bot.store import UNEXPLAINED, UNEXPLAINED_STOP, NewSubscription, Store
from bot.vocabulary import Destination, Ping

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


class Roles:
    """A workspace with one role, ``Analysts`` (id 42)."""

    async def find(self, name: str) -> Ping:
        if name.removeprefix("@").casefold() == "analysts":
            return Ping("42", "Analysts")
        raise MentionError(f"this server has no role {name!r}")


def services_over(store: Store, tmp_path: Path) -> Services:
    settings = Settings(seeds=tmp_path / "no-seeds", data_dir=tmp_path / "data")
    return Services(settings, build_corpus(settings, index_in_background=False), clock=lambda: NOW,
                    fetch=None, store=store)


@pytest.fixture
def services(store, tmp_path) -> Services:
    return services_over(store, tmp_path)


async def run(services: Services, line: str, *, manager: bool = True, channel: str = "C1",
              workspace: str = "T1", owner: bool = False, platform: str = "slack",
              groups: GroupDirectory | None = None):
    registry = build_registry()
    try:
        command, args = registry.parse_line(line)
    except ArgumentError as exc:  # what every adapter does with a parse error
        return Reply.failure(str(exc))
    invocation = Invocation(command.name, args, platform, channel, "U1", workspace=workspace,
                            is_manager=manager, is_owner=owner, groups=groups)
    return await registry.dispatch(invocation, services)


def listed_text(reply: Reply) -> str:
    return "\n".join([reply.title, reply.footer or ""] + [f"{s.title} {s.body}" for s in reply.sections])


async def test_subscribe_list_and_unsubscribe(services, store) -> None:
    reply = await run(services, 'subscribe weekdays 07:30 --tz Europe/Berlin --keywords "Syria, Idlib" '
                                "--sentences 2 --alert 5 --incidents=no")
    assert not reply.error, reply.title
    assert reply.title == "Subscribed: weekdays 07:30"
    fields = {f.name: f.value for f in reply.sections[0].fields}
    assert fields["Keywords"] == "Syria, Idlib"
    assert fields["Alerts"] == "at once for 5+ fatalities"
    assert fields["Incidents"] == "no"
    assert "next 2026-11-25 07:30 CET" in (reply.sections[0].title or "")
    (sub,) = store.subscriptions()
    assert (sub.cron, sub.timezone, sub.sentences, sub.since) == ("30 7 * * 1-5", "Europe/Berlin", 2, NOW)
    await run(services, "subscribe 0 */6 * * *")
    listing = await run(services, "subscriptions", manager=False)
    assert listing.title == "Subscriptions here: 2"
    assert (await run(services, "subscriptions", channel="other")).title == "No subscriptions in this channel"
    missing = await run(services, "unsubscribe 99")
    assert missing.error
    done = await run(services, f"unsubscribe {sub.id}")
    assert done.title == f"Unsubscribed #{sub.id}: no more digests from it here."
    assert len(store.subscriptions()) == 1


async def test_since_starts_the_subscription_earlier(services, store) -> None:
    await run(services, "subscribe daily 08:00 --tz America/New_York --since 2026-11-01")
    (sub,) = store.subscriptions()
    assert sub.since == datetime(2026, 11, 1, 4, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("subscribe", "say when"),
        ("subscribe daily 08:00 --tz Mars/Base", "unknown time zone"),
        ("subscribe sometimes", "cannot read the schedule"),
        ("subscribe daily 08:00 --sentences 0", "sentences must be at least 1"),
        ("subscribe 0 0 31 2 *", "never runs (no such date, like 31 February)"),
        ("subscribe 0 0 31 4 *", "never runs"),
        ("subscribe daily 08:00 --alert 99999999999999999999999", "alert must be at most 100000"),
        ("unsubscribe", "which subscription"),
        ("feeds add ftp://example.org/feed", "http:// or https://"),
        ("feeds add", "feeds add needs the feed's address: feeds add https://"),
        ("feeds add http://127.0.0.1:8080/feed.xml", "not a public web address"),
        ("feeds remove 42", "No such feed"),
    ],
)
async def test_bad_input_gets_one_clear_line(services, line: str, message: str) -> None:
    reply = await run(services, line)
    assert reply.error
    assert message in reply.title


async def test_only_managers_change_subscriptions_and_feeds(services, store) -> None:
    changes = ("subscribe daily 08:00", "unsubscribe 1", "feeds add https://x.org/rss", "feeds remove 9")
    for line in changes:
        reply = await run(services, line, manager=False)
        assert reply.error
        assert reply.title.startswith("Sorry, only channel managers may use")
    assert store.subscriptions() == []
    assert not (await run(services, "feeds", manager=False)).error


@pytest.mark.parametrize(("status", "when"), [(None, "in a moment"), (RetryLater(17), "in 17 s")])
async def test_a_failed_manager_lookup_refuses_only_manager_actions(services, store, status, when) -> None:
    """The platform could not say whether the user manages the channel (it failed, or is rate
    limited for a while): reading works without asking, every change is refused with "try again"
    and when (not "managers only"), nothing changes."""
    asked: list[str] = []

    async def failing_lookup() -> ManagerStatus:
        asked.append("lookup")
        return status

    async def run_line(line: str) -> Reply:
        return await build_registry().run_line(line, services, platform="slack", channel="C1", user="U1",
                                               workspace="T1", is_manager=failing_lookup)

    for line in ("subscriptions", "feeds", "feeds list", "sources", "help subscribe"):
        assert not (await run_line(line)).error, line
    assert asked == []  # read-only commands never look it up
    for line in ("subscribe daily 08:00", "unsubscribe 1", "feeds add https://x.org/rss", "feeds remove 9"):
        reply = await run_line(line)
        assert reply.error
        assert reply.title == f"Sorry, I couldn't check your permissions; try again {when}.", line
    assert len(asked) == 4
    assert store.subscriptions() == []
    assert store.feeds() == []


async def test_the_operators_feed_is_listed_everywhere_and_changed_only_by_an_owner(services, store) -> None:
    assert (await run(services, "feeds")).title == "No feeds here yet"
    feed, _ = store.add_feed("https://wire.example/rss", now=NOW)  # the command line: the operator's feed
    store.feed_failed(feed.id, now=NOW, error="HTTP 503", next_poll=NOW + timedelta(hours=2), pause_after=2)
    failing = await run(services, "feeds list", manager=False)
    status = {f.name: f.value for f in failing.sections[0].fields}["Status"]
    assert status == "failing since 2026-11-24 09:00 UTC: HTTP 503 (1 failure; next try 2026-11-24 11:00 UTC)"
    store.feed_failed(feed.id, now=NOW, error="HTTP 403", next_poll=NOW, pause_after=2)
    listing = await run(services, "feeds list", manager=False)
    status = {f.name: f.value for f in listing.sections[0].fields}["Status"]
    assert status == "paused since 2026-11-24 09:00 UTC: HTTP 403 (2 failures)"
    for action in ("resume", "remove"):
        refused = await run(services, f"feeds {action} {feed.id}")
        assert refused.error
        assert refused.title == f"Feed #{feed.id} is the operator's; only the operator may {action} it."
    assert store.get_feed(feed.id) == store.feeds()[0]
    assert store.feeds()[0].paused
    resumed = await run(services, f"feeds resume {feed.id}", manager=False, owner=True)
    assert resumed.title.startswith(f"Resumed feed #{feed.id}")
    assert not store.feeds()[0].paused
    removed = await run(services, "feeds remove https://wire.example/rss", manager=False, owner=True)
    assert removed.title.startswith(f"Removed feed #{feed.id}")
    assert store.feeds() == []


async def test_a_channel_manages_only_the_feeds_it_added(services, store) -> None:
    theirs, _ = store.add_feed("https://private.example/b.rss", now=NOW,
                               added_by=Destination("slack", "C9", "T9"))
    added = await run(services, "feeds add https://8.8.8.8/a.rss")
    assert added.title.startswith("Added feed #"), added.title
    (ours,) = [f for f in store.feeds() if f.url == "https://8.8.8.8/a.rss"]
    listing = listed_text(await run(services, "feeds", manager=False))
    assert "8.8.8.8/a.rss" in listing
    assert "private.example" not in listing  # another workspace's feed is never shown
    for action in ("remove", "resume"):
        for ref in (str(theirs.id), "https://private.example/b.rss"):
            refused = await run(services, f"feeds {action} {ref}")
            assert refused.error
            # the same reply as for a feed that does not exist
            assert refused.title == "No such feed here; feeds lists them."
    assert store.get_feed(theirs.id) == theirs
    elsewhere = await run(services, f"feeds remove {ours.id}", channel="C2")  # a manager of another channel
    assert elsewhere.error
    assert store.get_feed(ours.id) is not None
    removed = await run(services, f"feeds remove {ours.id}")
    assert removed.title.startswith(f"Removed feed #{ours.id}")
    assert store.get_feed(ours.id) is None  # nobody else followed it
    assert store.get_feed(theirs.id) == theirs


async def test_a_manager_pauses_and_resumes_a_feed_by_number_or_name(services, store) -> None:
    theirs, _ = store.add_feed("https://private.example/b.rss", now=NOW,
                               added_by=Destination("slack", "C9", "T9"))
    store.feed_polled(theirs.id, now=NOW, etag=None, last_modified=None, title="World News",
                      next_poll=NOW)
    await run(services, "feeds add https://8.8.8.8/a.rss")
    (ours,) = [f for f in store.feeds() if f.url == "https://8.8.8.8/a.rss"]
    store.feed_polled(ours.id, now=NOW, etag=None, last_modified=None, title="World News", next_poll=NOW)
    store.feed_failed(ours.id, now=NOW, error="HTTP 503", next_poll=NOW, pause_after=5)
    refused = await run(services, "feeds pause world news", manager=False)
    assert refused.title.startswith("Sorry, only "), refused.title
    assert not store.get_feed(ours.id).paused  # type: ignore[union-attr]
    paused = await run(services, "feeds pause world news")  # its name, any case; another channel's is unseen
    assert paused.title == f"Paused feed #{ours.id} (World News); feeds resume {ours.id} polls it again."
    stored = store.get_feed(ours.id)
    assert stored is not None
    assert (stored.paused, stored.failing_since, stored.failures) == (True, None, 0)  # no failure notice
    assert store.get_feed(theirs.id) == store.feeds()[0]  # the other channel's feed is untouched
    assert not store.feeds()[0].paused
    status = {f.name: f.value for f in (await run(services, "feeds", manager=False)).sections[0].fields}
    assert status["Status"] == (f"paused by a channel manager or the operator; feeds resume {ours.id} "
                                "polls it again")
    again = await run(services, f"feeds pause {ours.id}")
    assert again.title == (f"Feed #{ours.id} (World News) is already paused; feeds resume {ours.id} polls it "
                           "again.")
    assert store.due_feeds(NOW + timedelta(days=1)) == [store.get_feed(theirs.id)]  # not polled while paused
    resumed = await run(services, "feeds resume World News")
    assert resumed.title == f"Resumed feed #{ours.id} (World News); polling it now."
    assert not store.get_feed(ours.id).paused  # type: ignore[union-attr]
    both = await run(services, "feeds pause world news", owner=True)  # an owner sees both feeds
    assert both.title == "2 feeds are named 'world news'; name one by its number (feeds lists them)"
    for line in ("feeds pause", "feeds pause nothing-named-so", "feeds pause 0", "feeds pause #999999"):
        assert (await run(services, line)).error, line


async def test_a_feed_two_channels_added_stays_until_both_remove_it(services, store) -> None:
    url = "https://8.8.8.8/shared.rss"
    first = await run(services, f"feeds add {url}", workspace="TA")
    second = await run(services, f"feeds add {url}", workspace="TB")
    assert first.title == second.title  # the second learns nothing about the first
    again = await run(services, f"feeds add {url}", workspace="TB")
    assert again.title.endswith("is already followed here")
    (feed,) = store.feeds()
    removed = await run(services, f"feeds remove {feed.id}", workspace="TA")
    assert removed.title == f"Removed feed #{feed.id} ({url}) from this channel; its articles stay."
    assert store.get_feed(feed.id) is not None  # TB still uses it
    assert listed_text(await run(services, "feeds", workspace="TA")).startswith("No feeds here yet")
    await run(services, f"feeds remove {feed.id}", workspace="TB")
    assert store.feeds() == []


async def test_a_manager_cannot_pause_a_feed_other_channels_follow(services, store) -> None:
    """A feed two workspaces follow is polled once for both: a manager of one may stop it only
    for their own channel (remove); pausing it for everyone is the owner's."""
    url = "https://8.8.8.8/shared.rss"
    await run(services, f"feeds add {url}", workspace="TA")
    await run(services, f"feeds add {url}", workspace="TB")
    (feed,) = store.feeds()
    refused = await run(services, f"feeds pause {feed.id}", workspace="TB")
    assert refused.error
    assert refused.title == (f"Feed #{feed.id} ({url}) is followed by other channels too, so only the bot's "
                             f"owner may pause it; feeds remove {feed.id} stops its stories here.")
    assert not store.get_feed(feed.id).paused  # type: ignore[union-attr]
    assert store.due_feeds(NOW + timedelta(days=1)) == store.feeds()  # TA's feed is still polled
    on_slack = Invocation("feeds", {"action": "pause", "target": str(feed.id)}, "slack", "C1", "U1",
                          workspace="TB", is_manager=True, spelling=Spelling(names={"/news-feeds": "feeds"}))
    assert (await build_registry().dispatch(on_slack, services)).title.endswith(
        f"; /news-feeds remove {feed.id} stops its stories here.")  # as typed there
    owner = await run(services, f"feeds pause {feed.id}", workspace="TB", owner=True)
    assert owner.title.startswith(f"Paused feed #{feed.id}")
    await run(services, f"feeds resume {feed.id}", workspace="TB", owner=True)
    await run(services, f"feeds remove {feed.id}", workspace="TA")  # TB is now its only follower
    alone = await run(services, f"feeds pause {feed.id}", workspace="TB")
    assert alone.title.startswith(f"Paused feed #{feed.id}"), alone.title


async def test_a_manager_cannot_pause_the_operators_feed_even_when_only_this_channel_follows_it(
        services, store) -> None:
    url = "https://8.8.8.8/wire.rss"
    operators, _ = store.add_feed(url, now=NOW)
    await run(services, f"feeds add {url}", workspace="TA")  # TA is its only chat follower
    refused = await run(services, f"feeds pause {operators.id}", workspace="TA")
    assert refused.error
    assert refused.title == (f"Feed #{operators.id} ({url}) is the operator's, which reach every channel, so "
                             f"only the bot's owner may pause it; feeds remove {operators.id} stops its "
                             "stories here.")
    assert store.due_feeds(NOW) == store.feeds()
    assert (await run(services, f"feeds pause {operators.id}", workspace="TA", owner=True)).title.startswith(
        f"Paused feed #{operators.id}")


async def test_a_manager_cannot_resume_a_shared_feed_the_owner_paused(services, store) -> None:
    url = "https://8.8.8.8/shared.rss"
    await run(services, f"feeds add {url}", workspace="TA")
    await run(services, f"feeds add {url}", workspace="TB")
    (feed,) = store.feeds()
    await run(services, f"feeds pause {feed.id}", workspace="TB", owner=True)
    refused = await run(services, f"feeds resume {feed.id}", workspace="TA")
    assert refused.error
    assert refused.title == (f"Feed #{feed.id} ({url}) is followed by other channels too, so only the bot's "
                             f"owner may resume it; feeds remove {feed.id} stops its stories here.")
    assert store.due_feeds(NOW + timedelta(days=1)) == []
    resumed = await run(services, f"feeds resume {feed.id}", workspace="TA", owner=True)
    assert resumed.title == f"Resumed feed #{feed.id} ({url}); polling it now."
    assert [f.id for f in store.due_feeds(NOW)] == [feed.id]


async def test_a_feed_titled_like_a_number_is_found_when_that_number_is_not_shown_here(
        services, store) -> None:
    theirs, _ = store.add_feed("https://private.example/b.rss", now=NOW,
                               added_by=Destination("slack", "C9", "T9"))
    await run(services, "feeds add https://8.8.8.8/a.rss")
    (ours,) = [f for f in store.feeds() if f.url == "https://8.8.8.8/a.rss"]
    store.feed_polled(ours.id, now=NOW, etag=None, last_modified=None, title=str(theirs.id), next_poll=NOW)
    paused = await run(services, f"feeds pause {theirs.id}")  # another channel's number: our feed's name
    assert paused.title.startswith(f"Paused feed #{ours.id} ({theirs.id})"), paused.title
    assert not store.get_feed(theirs.id).paused  # type: ignore[union-attr]


async def test_outside_a_managed_channel_feed_changes_are_refused(services, store) -> None:
    feed, _ = store.add_feed("https://wire.example/rss", now=NOW)
    for line in (f"feeds remove {feed.id}", f"feeds resume {feed.id}", "feeds add https://8.8.8.8/x.rss",
                 "reload"):
        reply = await run(services, line, manager=False)
        assert reply.error
        assert reply.title.startswith("Sorry, only "), reply.title
    assert [f.id for f in store.feeds()] == [feed.id]


async def test_without_a_database_the_commands_say_so(services) -> None:
    services.store = None
    reply = await run(services, "subscriptions")
    assert reply.error
    assert "need the database" in reply.title


async def test_a_stored_row_that_never_runs_is_listed_with_the_reason(services, store) -> None:
    stored = store.add_subscription(NewSubscription(
        destination=Destination("slack", "C1", "T1"), schedule="0 0 31 2 *", cron="0 0 31 2 *",
        timezone="UTC", since=NOW, created_by="U1"), now=NOW)
    never = ("the schedule '0 0 31 2 *' never runs (no such date, like 31 February); check the day and "
             "month fields")
    store.quarantine_subscription(stored.id, never)
    listing = await run(services, "subscriptions", manager=False)
    assert not listing.error
    assert "never runs" in (listing.sections[0].title or "")
    fields = {f.name: f.value for f in listing.sections[0].fields}
    assert fields["Stopped"] == never
    refused = await run(services, f"resume {stored.id}")  # it would only be stopped again
    assert refused.error
    assert refused.title == (f"Subscription #{stored.id} cannot run again: {never}. Replace it: "
                             f"unsubscribe {stored.id}, then subscribe with a schedule that runs.")
    assert store.get_subscription(stored.id).quarantined == never  # type: ignore[union-attr]


async def test_a_paused_subscription_is_listed_and_a_manager_resumes_it(services, store) -> None:
    await run(services, "subscribe daily 08:00")
    [sub] = store.subscriptions()
    gone = "Slack refused the post to C1: is_archived (the channel is archived)"
    assert store.pause_subscription(sub.id, gone)
    assert not store.pause_subscription(sub.id, gone)  # paused once: the operator is told once
    listing = await run(services, "subscriptions", manager=False)
    fields = {f.name: f.value for f in listing.sections[0].fields}
    assert fields["Paused"] == f"{gone}; resume {sub.id} once that is fixed"
    assert listing.sections[0].title == f"#{sub.id} · daily 08:00, paused"  # no next time: it will not run
    on_slack = Invocation("subscriptions", {}, "slack", "C1", "U1", workspace="T1",
                          spelling=Spelling(names={"/news-resume": "resume"}))
    listed = await build_registry().dispatch(on_slack, services)
    assert {f.name: f.value for f in listed.sections[0].fields}["Paused"].endswith(
        f"; /news-resume {sub.id} once that is fixed")  # as typed there
    refused = await run(services, f"resume {sub.id}", manager=False)
    assert refused.error
    assert "manage" in refused.title
    assert (await run(services, f"resume {sub.id}", channel="C2")).title == (
        f"This channel has no subscription #{sub.id}; subscriptions lists them.")
    assert store.get_subscription(sub.id).paused == gone  # type: ignore[union-attr]
    later = NOW + timedelta(days=3)
    services = replace(services, clock=lambda: later)
    done = await run(services, f"resume {sub.id}")
    assert done.title == f"Resumed #{sub.id}: daily 08:00 (UTC), next 2026-11-28 08:00 UTC."
    assert done.footer is not None
    assert done.footer.startswith("Its digests and alerts take stories listed from now on;")
    assert store.get_subscription(sub.id).since == later  # type: ignore[union-attr]
    assert store.get_subscription(sub.id).paused is None  # type: ignore[union-attr]
    again = await run(services, f"resume {sub.id}")
    assert again.title == f"Subscription #{sub.id} is not paused; its digests go on."
    for bad in ("resume", "resume 0", "resume x", "resume 99999999999999999999"):
        assert (await run(services, bad)).error, bad


@pytest.mark.parametrize(("stored", "shown"), [
    ("cannot build the post: (psycopg.OperationalError) connection to db.internal:5432 failed",
     UNEXPLAINED),
    ("OperationalError: could not connect to server db.internal as user newsbot", UNEXPLAINED),
    ("sqlalchemy.exc.OperationalError: database is locked", UNEXPLAINED),
    ("Slack refused the post to C1: not_in_channel (invite the bot to the channel (/invite @newsdigest))",
     None),
    ("rate limited; retry after 300 s", None),
    ("the bot stopped while posting it", None),
])
async def test_error_texts_stored_by_older_releases_are_explained_not_shown(shared_store, tmp_path, stored,
                                                                           shown) -> None:
    """Before the refusal-text change a failed digest stored its exception's own text (database
    hosts, users, queries). Chat shows such texts as the fixed explanation new rows carry; the
    platform's refusals stay as they are, and the row keeps what it holds."""
    store = shared_store
    services = services_over(store, tmp_path)
    await run(services, "subscribe daily 08:00")
    [sub] = store.subscriptions()
    claimed = store.claim(sub.id, "2026-11-25T08:00Z", slot_time=NOW, kind="digest", worker="w", now=NOW,
                          lease=timedelta(minutes=10))
    assert claimed is not None
    store.mark_failed(claimed.id, fence=1, error=stored, retry_at=None)
    listing = await run(services, "subscriptions", manager=False)
    last = {f.name: f.value for f in listing.sections[0].fields}["Last digest"]
    assert f": {shown or stored}; its stories wait" in last
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT error FROM deliveries")).scalar_one() == stored


@pytest.mark.parametrize(("stored", "shown"), [
    ("(psycopg.OperationalError) connection to server at db.internal failed", UNEXPLAINED_STOP),
    ("'NoneType' object has no attribute 'cron'", UNEXPLAINED_STOP),
    ("the schedule '0 0 31 2 *' never runs (no such date, like 31 February); check the day and month "
     "fields", None),
    (UNEXPLAINED_STOP, None),
])
async def test_stop_reasons_stored_by_older_releases_are_explained_not_shown(services, store, stored,
                                                                            shown) -> None:
    """A subscription stopped by an unexpected error once kept the error's own text as its reason."""
    added = store.add_subscription(NewSubscription(
        destination=Destination("slack", "C1", "T1"), schedule="0 0 31 2 *", cron="0 0 31 2 *",
        timezone="UTC", since=NOW, created_by="U1"), now=NOW)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE subscriptions SET quarantined = :reason"), {"reason": stored})
    listing = await run(services, "subscriptions", manager=False)
    assert {f.name: f.value for f in listing.sections[0].fields}["Stopped"] == (shown or stored)
    with store.engine.connect() as connection:
        kept = connection.execute(text("SELECT quarantined FROM subscriptions WHERE id = :id"),
                                  {"id": added.id}).scalar_one()
    assert kept == stored


@pytest.fixture
def shared_store(store_url: str):  # noqa: F811
    opened = Store.open(store_url)
    yield opened
    opened.close()


async def test_subscriptions_say_how_the_last_digest_went(shared_store, tmp_path) -> None:
    """A channel the bot cannot post to (on Slack, slash commands work without an invitation) sees
    in ``subscriptions`` that its digests fail, and why, instead of silence; times are in the
    subscription's own zone, as its next run is."""
    store = shared_store
    services = services_over(store, tmp_path)
    await run(services, "subscribe daily 08:00 --tz Europe/Berlin")
    [sub] = store.subscriptions()

    async def last_digest() -> str | None:
        listing = await run(services, "subscriptions", manager=False)
        return {f.name: f.value for f in listing.sections[0].fields}.get("Last digest")

    def claim(day: int) -> int:
        slot = datetime(2026, 11, day, 7, 0, tzinfo=UTC)
        delivery = store.claim(sub.id, f"2026-11-{day}T07:00Z", slot_time=slot, kind="digest", worker="w",
                               now=slot, lease=timedelta(minutes=10), article_ids=[])
        assert delivery is not None
        return delivery.id

    assert await last_digest() is None  # nothing due yet
    first = claim(25)
    assert await last_digest() == "2026-11-25 08:00 CET, being posted (attempt 1)"
    refused = "Slack refused the post to C1: not_in_channel (invite the bot to the channel)"
    store.mark_failed(first, fence=1, error=refused, retry_at=datetime(2026, 11, 25, 7, 1, tzinfo=UTC))
    assert await last_digest() == (
        f"2026-11-25 08:00 CET, attempt 1 failed: {refused}; next try 2026-11-25 08:01 CET")
    [again] = store.reclaim(worker="w", now=datetime(2026, 11, 25, 7, 2, tzinfo=UTC),
                            lease=timedelta(minutes=10), max_attempts=2).taken
    store.mark_failed(again.id, fence=2, error=refused, retry_at=None)
    assert await last_digest() == (
        f"2026-11-25 08:00 CET, not posted after 2 attempts: {refused}; its stories wait for the next digest")
    store.mark_sent(claim(26), fence=1, now=datetime(2026, 11, 26, 7, 0, tzinfo=UTC))
    assert await last_digest() == "2026-11-26 08:00 CET, posted"


async def test_a_manager_sets_a_ping_and_exclusions(services, store) -> None:
    reply = await run(services, 'subscribe daily 08:00 --alert 5 --ping @analysts --exclude "sport, weather"',
                      groups=Roles())
    assert not reply.error, reply.title
    fields = {f.name: f.value for f in reply.sections[0].fields}
    assert fields["Alerts"] == "at once for 5+ fatalities, pinging @Analysts"
    assert fields["Excluded"] == "sport, weather"
    [sub] = store.subscriptions()
    assert (sub.ping, sub.exclude) == (Ping("42", "Analysts"), ("sport", "weather"))


@pytest.mark.parametrize(("line", "manager", "platform", "message"), [
    ("subscribe daily 08:00 --alert 5 --ping @nobody", True, "discord",
     "this server has no role '@nobody'; nothing changed"),
    ("subscribe daily 08:00 --ping @analysts", True, "discord", "add --alert N"),
    ("subscribe daily 08:00 --alert 5 --ping @analysts", False, "discord", "only channel managers"),
    ("subscribe daily 08:00 --alert 5 --ping @analysts", True, "console",
     "there are none here"),
])
async def test_refused_pings_change_nothing(services, store, line, manager, platform, message) -> None:
    groups = Roles() if platform != "console" else None
    reply = await run(services, line, manager=manager, platform=platform, groups=groups)
    assert reply.error
    assert message in reply.title
    assert store.subscriptions() == []


async def test_a_manager_exports_the_channels_feeds_as_opml(services, store) -> None:
    store.add_feed("https://wire.example/rss", now=NOW)  # the operator's: every channel reads it
    store.add_feed("https://local.example/feed?a=1&b=2", now=NOW, added_by=Destination("slack", "C1", "T1"))
    store.add_feed("https://elsewhere.example/rss", now=NOW, added_by=Destination("slack", "C2", "T1"))
    store.add_feed("file:///srv/newsdigest/seeds", now=NOW)
    assert (await run(services, "feeds export", manager=False)).error
    reply = await run(services, "feeds export")
    assert reply.title == "Feeds here as OPML: 2"
    [section] = reply.sections
    assert section.code
    assert [f.url for f in parse_opml(section.body.encode())] == [
        "https://wire.example/rss", "https://local.example/feed?a=1&b=2"]
    assert "/srv/newsdigest" not in section.body
    assert (await run(services, "feeds export", channel="C9")).title == "Feeds here as OPML: 1"


async def test_too_long_an_export_is_left_to_the_command_line(services, store) -> None:
    for number in range(200):
        store.add_feed(f"https://wire.example/{number}.rss", now=NOW)
    reply = await run(services, "feeds export")
    assert reply.error
    assert "200 feeds make an OPML file too long for a chat message" in reply.title


@pytest.mark.parametrize(("line", "complaint"), [
    ("feeds list extra", "unexpected argument 'extra'"),
    ("feeds export extra", "unexpected argument 'extra'"),
    ("feeds remove 1 --since 2026-01-01", "--since goes only with feeds add"),
    ("feeds --since 2026-01-01", "--since goes only with feeds add"),
])
async def test_feeds_refuses_what_its_action_would_ignore(services, line, complaint) -> None:
    reply = await run(services, line)
    assert reply.error
    assert reply.title == complaint, reply.title


@pytest.mark.parametrize(("option", "value", "error"), [
    ("keywords", " , ", "--keywords needs at least one word or phrase (comma-separated)"),
    ("exclude", "", "--exclude needs at least one word or phrase (comma-separated)"),
    ("sources", ",".join(f"s{n}" for n in range(51)), "--sources takes at most 50 words or phrases, not 51"),
    ("keywords", "k" * 101, "--keywords: a word or phrase has at most 100 characters"),
])
async def test_filters_that_say_nothing_or_too_much_are_refused(services, store, option, value,
                                                                 error) -> None:
    reply = await run(services, f'subscribe daily 08:00 --{option} "{value}"')
    assert reply.error
    assert reply.title == error
    assert store.subscriptions() == []


async def test_filters_at_their_limits_are_kept(services, store) -> None:
    words = ",".join(f"w{n}" for n in range(50))
    reply = await run(services, f'subscribe daily 08:00 --keywords "{words}" --exclude "{"x" * 100}"')
    assert not reply.error, reply.title
    (sub,) = store.subscriptions()
    assert (len(sub.keywords), sub.exclude) == (50, ("x" * 100,))


async def test_a_blank_time_zone_is_refused_not_read_as_utc(services, store) -> None:
    reply = await run(services, 'subscribe daily 08:00 --tz ""')
    assert reply.error
    assert reply.title == "unknown time zone ''; use an IANA name like Europe/Berlin"
    assert store.subscriptions() == []


@pytest.mark.parametrize(("typed", "stored"), [("utc", "UTC"), ("europe/berlin", "Europe/Berlin"),
                                               ("America/New_York", "America/New_York")])
async def test_a_time_zone_in_any_letter_case_is_stored_as_iana_spells_it(services, store, typed,
                                                                          stored) -> None:
    reply = await run(services, f"subscribe daily 08:00 --tz {typed}")
    assert not reply.error, reply.title
    (sub,) = store.subscriptions()
    assert sub.timezone == stored
