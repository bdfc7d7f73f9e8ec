"""Feed polling against RSS and Atom feeds served on 127.0.0.1: conditional requests, back
catalogue, 403/500/malformed feeds with backoff and pause, edited items, teaser full text."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta

import pytest
from fakes.feed_site import FeedSite, Item, atom, rss
from fakes.recording_sender import FakeClock
from store_rows import article_count

from bot.feeds.poller import FeedPoller, PollOptions
from bot.store import Store, StoredIncident, extractor_version
from bot.vocabulary import Destination
from summarizer.articles.download import REFUSED

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
CHANNEL = Destination("discord", "c1", "g1")
BODY = "Shelling hit the central market of the town on Monday morning, officials said."
FULL = " ".join(
    f"Paragraph {n}: witnesses described how the shelling started before dawn and continued for hours, "
    "while rescue teams searched the ruins of the market hall and the nearby school." for n in range(8)
)


def count_killed(article) -> list[dict[str, object]]:
    """Stands in for the incident extractor: "N people were killed"."""
    found = [int(n) for n in re.findall(r"(\d+) people were killed", article.text)]
    return [{"fatalities": n, "flags": ["implausible_fatalities"] if n > 10_000 else []} for n in found]


def stored_incidents(store: Store) -> list[StoredIncident]:
    """What alerts would read: every incident of the listed articles."""
    return store.listed_incidents(CHANNEL, since=NOW, min_fatalities=0, extractor=extractor_version())


@pytest.fixture
async def site():
    served = FeedSite()
    await served.start()
    yield served
    await served.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def poller(store, clock):
    return FeedPoller(store, clock=clock, extract=count_killed,
                      options=PollOptions(pause_after=3, timeout=120))


def item(site: FeedSite, n: int, body: str = BODY, *, published: datetime | None = NOW) -> Item:
    return Item(f"Story {n}", site.url(f"/story/{n}?utm_source=rss"), f"{body} ({n})", published)


def listed(store: Store) -> list[str]:
    found = store.unsent_articles(CHANNEL, since=NOW - timedelta(days=30), limit=100)
    return [s.article.title for s in found]


async def poll(poller: FeedPoller, store: Store, url: str):
    feed = store.get_feed(url)
    assert feed is not None
    return await poller.poll(feed, force=True)


async def test_rss_back_catalogue_is_kept_quiet_and_304_costs_nothing(site, store, clock, poller) -> None:
    old = [item(site, n, published=NOW - timedelta(days=n)) for n in (1, 2, 3)]
    site.pages["/wire.rss"] = (rss("Wire", old), "application/rss+xml")
    feed, _ = store.add_feed(site.url("/wire.rss"), now=clock())
    first = await poller.poll(feed)
    assert (first.status, first.new) == ("updated", 3)
    assert article_count(store) == 3
    assert listed(store) == []  # the back catalogue is stored (for commands) but never posted
    stored = store.get_feed(feed.id)
    assert stored is not None
    assert stored.title == "Wire"
    assert stored.etag
    clock.advance(minutes=20)
    second = await poll(poller, store, feed.url)
    assert second.status == "unchanged"
    assert site.requests[-1][1].get("If-None-Match") == stored.etag
    clock.advance(minutes=20)
    site.pages["/wire.rss"] = (rss("Wire", [item(site, 4, published=clock()), *old]), "application/rss+xml")
    third = await poll(poller, store, feed.url)
    assert (third.status, third.new) == ("updated", 1)
    assert listed(store) == ["Story 4"]


async def test_atom_last_modified_and_explicit_since(site, store, clock, poller) -> None:
    entries = [item(site, 1, published=NOW - timedelta(days=5)),
               item(site, 2, published=NOW - timedelta(hours=2))]
    site.pages["/wire.atom"] = (atom("Atom wire", entries), "application/atom+xml")
    feed, _ = store.add_feed(site.url("/wire.atom"), now=clock(), since=NOW - timedelta(days=1))
    result = await poller.poll(feed)
    assert (result.status, result.new) == ("updated", 2)
    assert listed(store) == ["Story 2"]  # published after --since: posted; older: back catalogue
    stored = store.get_feed(feed.id)
    assert stored is not None
    assert stored.last_modified
    assert (await poll(poller, store, feed.url)).status == "unchanged"
    assert site.requests[-1][1].get("If-Modified-Since") == stored.last_modified


async def test_an_edited_item_is_not_posted_again(site, store, clock, poller) -> None:
    site.pages["/wire.rss"] = (rss("Wire", []), "application/rss+xml")
    feed, _ = store.add_feed(site.url("/wire.rss"), now=clock())
    await poller.poll(feed)
    clock.advance(minutes=20)
    site.pages["/wire.rss"] = (rss("Wire", [item(site, 1)]), "application/rss+xml")
    assert (await poll(poller, store, feed.url)).new == 1
    clock.advance(minutes=20)
    edited = Item("Story 1 (updated)", site.url("/story/1?utm_source=rss&utm_medium=x"),
                  BODY + " Updated with new casualty figures.", clock())
    site.pages["/wire.rss"] = (rss("Wire", [edited]), "application/rss+xml")
    result = await poll(poller, store, feed.url)
    assert (result.status, result.new) == ("updated", 0)
    assert listed(store) == ["Story 1"]
    assert article_count(store) == 1


@pytest.mark.parametrize(("status", "error"), [(403, "HTTP 403"), (500, "HTTP 500")])
async def test_failing_feed_backs_off_then_pauses(site, store, clock, poller, status, error) -> None:
    site.status["/bad.rss"] = status
    feed, _ = store.add_feed(site.url("/bad.rss"), now=clock(), poll_interval=600)
    waits = []
    for _ in range(3):
        current = store.get_feed(feed.id)
        assert current is not None
        result = await poller.poll(current, force=True)
        updated = store.get_feed(feed.id)
        assert updated is not None
        waits.append(updated.next_poll - clock())
    assert result.status == "paused"
    assert result.error == error
    assert waits[:2] == [timedelta(minutes=20), timedelta(minutes=40)]
    paused = store.get_feed(feed.id)
    assert paused is not None
    assert (paused.paused, paused.failures, paused.last_error, paused.failing_since) == (True, 3, error, NOW)
    assert store.due_feeds(clock() + timedelta(days=2)) == []


async def test_a_feed_recovers_after_a_failure(site, store, clock, poller) -> None:
    site.status["/flaky.rss"] = 500
    feed, _ = store.add_feed(site.url("/flaky.rss"), now=clock())
    assert (await poller.poll(feed)).status == "failed"
    del site.status["/flaky.rss"]
    site.pages["/flaky.rss"] = (rss("Flaky", [item(site, 1)]), "application/rss+xml")
    assert (await poll(poller, store, feed.url)).status == "updated"
    recovered = store.get_feed(feed.id)
    assert recovered is not None
    assert (recovered.failures, recovered.failing_since, recovered.last_error) == (0, None, None)


async def test_an_unexpected_error_in_one_feed_is_that_feeds_failure_only(site, store, clock, poller,
                                                                            monkeypatch) -> None:
    site.pages["/good.rss"] = (rss("Good", [item(site, 1)]), "application/rss+xml")
    good, _ = store.add_feed(site.url("/good.rss"), now=clock())
    bad, _ = store.add_feed(site.url("/bad.rss"), now=clock())
    real_fetch = poller._fetch

    async def fetch(feed):
        if feed.id == bad.id:
            raise RuntimeError("a bug met an odd feed")
        return await real_fetch(feed)

    monkeypatch.setattr(poller, "_fetch", fetch)
    results = {r.url: (r.status, r.error) for r in await poller.poll_due()}
    assert results[good.url] == ("updated", None)
    assert results[bad.url] == ("failed", "internal error (RuntimeError)")
    failing = store.get_feed(bad.id)
    assert failing is not None
    assert failing.failures == 1


async def test_malformed_feed_and_unreachable_server(site, store, clock, poller) -> None:
    site.pages["/broken.rss"] = ("<rss><channel><title>half", "application/rss+xml")
    broken, _ = store.add_feed(site.url("/broken.rss"), now=clock())
    result = await poller.poll(broken)
    assert (result.status, result.error) == ("failed", "malformed feed (not RSS or Atom)")
    gone, _ = store.add_feed("http://127.0.0.1:9/feed.rss", now=clock())
    result = await poller.poll(gone)
    assert result.status == "failed"
    assert result.error is not None
    assert result.error.startswith("cannot reach the server")


@pytest.mark.parametrize("page", [
    "<html><head><title>Not found</title></head><body><p>This page is gone.</p></body></html>",
    "<!doctype html><html><body><h1>Our new site</h1></body></html>",
    "<html><body>Sign in to continue</body></html>",
])
async def test_a_web_page_where_the_feed_was_is_a_failure_not_an_empty_feed(site, store, clock, poller,
                                                                            page) -> None:
    """A site that answers its feed address with a web page (a moved feed, a soft 404, a login
    wall) must show as failing, not as a feed that stays "ok" with nothing new."""
    site.pages["/moved.rss"] = (page, "text/html")
    feed, _ = store.add_feed(site.url("/moved.rss"), now=clock())
    result = await poller.poll(feed)
    assert (result.status, result.error) == ("failed", "malformed feed (not RSS or Atom)")


async def test_an_empty_feed_is_still_a_feed(site, store, clock, poller) -> None:
    site.pages["/quiet.rss"] = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title>'
                                "</channel></rss>", "application/rss+xml")
    feed, _ = store.add_feed(site.url("/quiet.rss"), now=clock())
    result = await poller.poll(feed)
    assert (result.status, result.new) == ("updated", 0)


async def test_teasers_get_the_full_article_and_incidents_are_stored(site, store, clock, poller) -> None:
    site.pages["/wire.rss"] = (rss("Wire", []), "application/rss+xml")
    feed, _ = store.add_feed(site.url("/wire.rss"), now=clock())
    await poller.poll(feed)
    page = ("<html><head><title>Story 7</title></head><body><nav>Home | World</nav><article><h1>Story 7</h1>"
            + "".join(f"<p>{p}.</p>" for p in FULL.split(". ")) + "<p>At least 12 people were killed.</p>"
            "</article><footer>Copyright</footer></body></html>")
    site.pages["/story/7"] = (page, "text/html")
    teaser = item(site, 7, "Shelling hit the market.")
    site.pages["/wire.rss"] = (rss("Wire", [teaser]), "application/rss+xml")
    clock.advance(minutes=20)
    assert (await poll(poller, store, feed.url)).new == 1
    (stored,) = store.unsent_articles(CHANNEL, since=NOW)
    assert "rescue teams searched the ruins" in stored.article.text
    assert "Copyright" not in stored.article.text
    assert [(i.article_id, i.fatalities) for i in stored_incidents(store)] == [(stored.id, 12)]


async def test_implausible_fatality_counts_are_not_stored_for_alerts(site, store, clock, poller) -> None:
    site.pages["/wire.rss"] = (rss("Wire", []), "application/rss+xml")
    feed, _ = store.add_feed(site.url("/wire.rss"), now=clock())
    await poller.poll(feed)
    misread = item(site, 8, "At least 250000 people were killed, a typo said. " + FULL)
    site.pages["/wire.rss"] = (rss("Wire", [misread]), "application/rss+xml")
    clock.advance(minutes=20)
    assert (await poll(poller, store, feed.url)).new == 1
    (incident,) = stored_incidents(store)
    assert incident.data == {"fatalities": 250000, "flags": ["implausible_fatalities"]}
    assert incident.fatalities is None


async def test_a_local_folder_is_a_source_too(store, clock, poller, tmp_path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "old.txt").write_text("Old story\n\n" + BODY + "\n", encoding="utf-8")
    feed, _ = store.add_feed(folder.as_uri(), now=clock(), poll_interval=60)
    assert (await poller.poll(feed)).new == 1
    assert listed(store) == []
    (folder / "new.txt").write_text("New story\n\nTalks resumed in Geneva on Tuesday, diplomats said.\n",
                                    encoding="utf-8")
    clock.advance(minutes=2)
    assert (await poll(poller, store, feed.url)).new == 1
    assert listed(store) == ["New story"]


async def test_a_story_dated_today_without_a_time_is_news_not_back_catalogue(store, clock, poller,
                                                                             tmp_path) -> None:
    """``published: 2026-11-24`` (midnight, read as UTC) dropped into a folder read since 09:00 that
    day is today's news; one dated the day before, or present at the first poll, is not."""
    folder = tmp_path / "newsroom"
    folder.mkdir()

    def story(name: str, day: str) -> None:
        (folder / f"{name}.md").write_text(f"---\ntitle: {name}\npublished: {day}\n---\n\n{BODY} {name}.\n",
                                           encoding="utf-8")

    story("Present at the first poll", "2026-11-24")
    feed, _ = store.add_feed(folder.as_uri(), now=clock(), poll_interval=60)
    assert (await poller.poll(feed)).new == 1
    story("Filed today", "2026-11-24")
    story("Filed yesterday", "2026-11-23")
    clock.advance(minutes=2)
    assert (await poll(poller, store, feed.url)).new == 2
    assert listed(store) == ["Filed today"]


async def test_a_short_article_file_is_the_whole_article_and_its_url_is_not_fetched(site, store, clock,
                                                                                  poller, tmp_path) -> None:
    site.pages["/story/1"] = (f"<html><body><article><p>{FULL}</p></article></body></html>", "text/html")
    folder = tmp_path / "desk"
    folder.mkdir()
    feed, _ = store.add_feed(folder.as_uri(), now=clock(), poll_interval=60)
    await poller.poll(feed)
    (folder / "brief.md").write_text(f"---\ntitle: Brief\nurl: {site.url('/story/1')}\n---\n\n{BODY}\n",
                                     encoding="utf-8")
    clock.advance(minutes=2)
    assert (await poll(poller, store, feed.url)).new == 1
    [brief] = [s.article for s in store.articles() if s.article.title == "Brief"]
    assert brief.text.strip() == BODY
    assert site.requests == []


async def test_a_date_without_a_zone_is_utc_and_one_failing_entry_skips_only_itself(
    store, clock, poller, tmp_path, monkeypatch, caplog
) -> None:
    folder = tmp_path / "posts"
    folder.mkdir()
    feed, _ = store.add_feed(folder.as_uri(), now=clock(), poll_interval=60)
    await poller.poll(feed)
    for name, title in (("a.md", "Dated story"), ("b.md", "Broken story"), ("c.md", "Third story")):
        (folder / name).write_text(f"---\ntitle: {title}\npublished: 2030-01-24\n---\n\n{BODY}\n{title}.\n",
                                   encoding="utf-8")
    real = store.add_article

    def add_article(article, **kwargs):
        if article.title == "Broken story":
            raise ValueError("this entry cannot be stored")
        return real(article, **kwargs)

    monkeypatch.setattr(store, "add_article", add_article)
    clock.advance(minutes=2)
    result = await poll(poller, store, feed.url)
    assert (result.status, result.new) == ("updated", 2)
    assert listed(store) == ["Dated story", "Third story"]
    (dated,) = [s.article for s in store.articles() if s.article.title == "Dated story"]
    assert dated.published == datetime(2030, 1, 24, tzinfo=UTC)
    assert "skipped" in caplog.text
    assert "this entry cannot be stored" in caplog.text


async def test_two_pollers_do_not_poll_the_same_feed_at_once(site, store, clock) -> None:
    site.pages["/wire.rss"] = (rss("Wire", [item(site, 1)]), "application/rss+xml")
    store.add_feed(site.url("/wire.rss"), now=clock())
    one, two = FeedPoller(store, clock=clock), FeedPoller(store, clock=clock)
    results = [*(await one.poll_due()), *(await two.poll_due())]
    assert sorted(r.status for r in results) == ["updated"]
    assert [path for path, _ in site.requests].count("/wire.rss") == 1


async def test_a_feed_added_from_chat_never_reaches_private_addresses(site, store, clock, poller) -> None:
    site.pages["/wire.rss"] = (rss("Wire", [item(site, 1)]), "application/rss+xml")
    feed, _ = store.add_feed(site.url("/wire.rss"), now=clock(), added_by=CHANNEL)
    result = await poller.poll(feed)
    assert result.status == "failed"
    assert result.error == REFUSED
    assert site.requests == []


async def test_a_feed_gone_for_good_is_paused_at_once(site, store, clock, poller) -> None:
    site.status["/gone.rss"] = 410
    feed, _ = store.add_feed(site.url("/gone.rss"), now=clock())
    result = await poller.poll(feed)
    assert (result.status, result.error) == ("paused", "HTTP 410 Gone: the publisher removed this feed")
    gone = store.get_feed(feed.id)
    assert gone is not None
    assert (gone.paused, gone.gone, gone.failures, gone.failing_since) == (True, True, 1, NOW)
    assert store.due_feeds(clock() + timedelta(days=30)) == []
    site.status["/gone.rss"] = 503  # resumed, and failing for another reason: no longer gone
    store.resume_feed(feed.id, now=clock())
    resumed = store.get_feed(feed.id)
    assert resumed is not None
    assert not resumed.gone
    assert (await poller.poll(resumed, force=True)).status == "failed"
    failing = store.get_feed(feed.id)
    assert failing is not None
    assert (failing.paused, failing.gone) == (False, False)


async def test_a_poll_failing_after_a_pause_by_hand_is_skipped_not_reported_as_paused(
        site, store, clock, poller, caplog) -> None:
    site.status["/busy.rss"] = 503
    feed, _ = store.add_feed(site.url("/busy.rss"), now=clock())
    assert store.pause_feed(feed.id)  # by hand, while the poll of ``feed`` (read before) runs
    with caplog.at_level(logging.INFO, logger="bot.feeds.poller"):
        result = await poller.poll(feed, force=True)
    assert (result.status, result.error) == ("skipped", "HTTP 503")
    assert "paused after" not in caplog.text
    assert "while it was paused by hand" in caplog.text
    stored = store.get_feed(feed.id)
    assert stored is not None
    assert (stored.paused, stored.failures, stored.failing_since) == (True, 0, None)


@pytest.mark.parametrize("status", [301, 308])
async def test_a_feed_moved_for_good_is_polled_at_its_new_address(site, store, clock, poller,
                                                                  status) -> None:
    site.status["/old.rss"] = status
    site.headers["/old.rss"] = {"Location": "/new.rss"}
    site.pages["/new.rss"] = (rss("Wire", [item(site, 1)]), "application/rss+xml")
    feed, _ = store.add_feed(site.url("/old.rss"), now=clock())
    result = await poller.poll(feed)
    assert (result.status, result.url) == ("updated", site.url("/new.rss"))
    moved = store.get_feed(feed.id)
    assert moved is not None
    assert moved.url == site.url("/new.rss")
    site.requests.clear()
    assert (await poller.poll(moved, force=True)).status == "unchanged"
    assert [path for path, _ in site.requests] == ["/new.rss"]


async def test_a_temporary_redirect_or_a_taken_address_keeps_the_stored_url(site, store, clock,
                                                                            poller) -> None:
    site.pages["/new.rss"] = (rss("Wire", [item(site, 1)]), "application/rss+xml")
    site.status["/moved.rss"] = 301
    site.headers["/moved.rss"] = {"Location": "/hop.rss"}
    site.status["/hop.rss"] = 302
    site.headers["/hop.rss"] = {"Location": "/new.rss"}
    feed, _ = store.add_feed(site.url("/moved.rss"), now=clock())
    assert (await poller.poll(feed)).status == "updated"
    partly = store.get_feed(feed.id)
    assert partly is not None
    assert partly.url == site.url("/hop.rss")  # up to the last permanent hop
    site.status["/twin.rss"] = 301
    site.headers["/twin.rss"] = {"Location": "/new.rss"}
    store.add_feed(site.url("/new.rss"), now=clock())
    twin, _ = store.add_feed(site.url("/twin.rss"), now=clock())
    assert (await poller.poll(twin)).status == "updated"
    kept = store.get_feed(twin.id)
    assert kept is not None
    assert kept.url == site.url("/twin.rss")  # the new address is another feed


@pytest.mark.parametrize(("status", "header", "wait"), [
    (429, "7200", timedelta(hours=2)),
    (503, "Tue, 24 Nov 2026 12:00:00 GMT", timedelta(hours=3)),
    (503, "30", timedelta(minutes=15)),  # never sooner than the feed's own interval
    (503, "Fri, 31 Dec 9999 23:59:59 GMT", timedelta(days=7)),  # never later than a week
    (429, "99999999999", timedelta(days=7)),
    (429, "soon", timedelta(minutes=30)),  # unreadable: the usual backoff
    (429, "\N{SUPERSCRIPT TWO}", timedelta(minutes=30)),  # a Unicode digit (latin-1 0xB2): unreadable too
])
async def test_retry_after_is_waited_out(site, store, clock, poller, status, header, wait) -> None:
    site.status["/busy.rss"] = status
    site.headers["/busy.rss"] = {"Retry-After": header}
    feed, _ = store.add_feed(site.url("/busy.rss"), now=clock(), poll_interval=900)
    result = await poller.poll(feed)
    assert (result.status, result.error) == ("failed", f"HTTP {status}")
    busy = store.get_feed(feed.id)
    assert busy is not None
    assert busy.next_poll - clock() == wait
