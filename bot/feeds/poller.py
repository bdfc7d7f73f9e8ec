"""Polling RSS/Atom feeds into the store.

- Conditional requests: the feed's ETag and Last-Modified are sent back; a 304 costs nothing.
- Errors (HTTP 4xx/5xx, network, a malformed feed) back off exponentially; after
  ``pause_after`` failures in a row the feed is paused and the scheduler tells the channels
  that use it ("feed X failing since ...: HTTP 403"). Nothing is dropped silently.
- A feed whose server says it is gone for good (HTTP 410) is paused at once; one that moved for
  good (301/308) is polled at its new address from then on; a server's ``Retry-After`` (429, 503)
  is waited out instead of the exponential backoff.
- The first poll of a new feed stores its back catalogue unlisted (never posted), as do items
  published before the feed's ``since``. Items already stored (same canonical URL or text,
  e.g. an edited entry) are not stored or posted again.
- An entry that carries only a teaser gets its article page fetched and extracted (``extract_page``,
  the same extraction as ``summarizer summarize page.html``).
- A ``file://`` URL names a local folder of article files (how ``seeds/`` becomes a source).
- Every download (feed and article page) is streamed under one deadline and a decoded size cap,
  its redirects checked hop by hop (``summarizer.articles.download``).
- A feed added from chat only ever reaches public internet addresses (its redirects and article
  links included), so no one can make the bot read the local network through a feed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sqlalchemy.exc import OperationalError

from bot.retry_after import retry_after
from bot.store import FeedInfo, Store, cached_incidents
from bot.vocabulary import ExtractFn
from summarizer.articles import Article, content_id, load, parse_feed
from summarizer.articles.addresses import any_address, is_public_address
from summarizer.articles.download import Download, Fetcher, FetchError, FetchPolicy
from summarizer.articles.page import extract_page
from summarizer.errors import InputError

__all__ = ["FeedPoller", "PollOptions", "PollResult"]

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

_USER_AGENT = "newsdigest/0.1 (feed reader; +https://github.com/newsdigest)"


_LONGEST_WAIT = timedelta(days=7)  # a Retry-After beyond this is read as this (then polled again)
GONE_REASON = "HTTP 410 Gone: the publisher removed this feed"  # the error shown for a 410


class FeedError(Exception):
    """One poll failed; ``str`` is the short reason shown to channels (``HTTP 403``). ``gone``:
    retrying cannot help (pause now); ``wait``: how long the server asked us to wait."""

    def __init__(self, reason: str, *, gone: bool = False, wait: timedelta | None = None) -> None:
        super().__init__(reason)
        self.gone = gone
        self.wait = wait


@dataclass(frozen=True)
class _Fetched:
    """A feed's answer: its articles (None: unchanged, a 304), validators and new address."""

    articles: list[Article] | None
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None


@dataclass(frozen=True)
class PollOptions:
    """Limits and thresholds for polling."""

    timeout: float = 20.0  # seconds for a whole download (feed or page), redirects included
    max_bytes: int = 10 * 1024 * 1024  # decoded size cap of a download (10 MB as sizes are shown)
    teaser_chars: int = 600  # an entry shorter than this gets its article page fetched
    fetch_full_text: bool = True
    max_backoff: timedelta = timedelta(hours=6)
    pause_after: int = 5  # failures in a row
    concurrency: int = 8


@dataclass(frozen=True)
class PollResult:
    """The outcome of polling one feed."""

    feed_id: int
    url: str
    status: str  # updated | unchanged | failed | paused | skipped
    new: int = 0
    error: str | None = None


def _utc(article: Article) -> Article:
    """The article with a zone-less date read as UTC (front matter ``published: 2019-01-24``)."""
    published = article.published
    if published is None or published.tzinfo is not None:
        return article
    return replace(article, published=published.replace(tzinfo=UTC))


def _back_catalogue(feed: FeedInfo, article: Article) -> bool:
    """Whether an entry is back catalogue (stored, never posted): undated at the feed's first poll,
    or published before the feed's ``since``. A date without a time of day (front matter
    ``published: 2026-12-01``) means that whole day: once the feed has been read, an entry dated
    the day ``since`` falls in is news, not back catalogue."""
    published = _utc(article).published
    if published is None:
        return not feed.polled_once
    zoneless = article.published is not None and article.published.tzinfo is None
    if zoneless and published.time() == time() and feed.polled_once:  # a date, no time of day
        return published + timedelta(days=1) <= feed.since
    return published < feed.since


def local_folder(url: str) -> Path | None:
    """The folder a ``file://`` feed URL names (None for other URLs)."""
    parts = urlsplit(url)
    return Path(unquote(parts.path)) if parts.scheme == "file" else None


class FeedPoller:
    """Polls due feeds and stores their new articles and their incidents (``extract``'s records,
    kept in the store's one incident store, where alerts, the corpus and digests read them)."""

    def __init__(
        self,
        store: Store,
        *,
        clock: Clock,
        extract: ExtractFn | None = None,
        options: PollOptions | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.extract = cached_incidents(extract, store) if extract is not None else None
        self.options = options or PollOptions()
        self._fetchers = {
            public_only: Fetcher(FetchPolicy(timeout=self.options.timeout, max_bytes=self.options.max_bytes,
                                             allowed=is_public_address if public_only else any_address),
                                 user_agent=_USER_AGENT)
            for public_only in (False, True)
        }

    async def _get(self, feed: FeedInfo, url: str, headers: dict[str, str] | None = None) -> Download:
        """Download ``url`` for ``feed``: feeds added from chat only reach public addresses
        (redirects and article links included); feeds an operator added on the command line
        may reach anything."""
        return await self._fetchers[feed.added_by is not None].get(url, headers)

    async def poll_due(self) -> list[PollResult]:
        """Poll every due feed (a few at a time); one feed's trouble never stops the others."""
        due = await asyncio.to_thread(self.store.due_feeds, self.clock())
        limit = asyncio.Semaphore(self.options.concurrency)

        async def one(feed: FeedInfo) -> PollResult:
            async with limit:
                try:
                    return await self.poll(feed)
                except OperationalError:
                    raise  # the database's trouble: every feed waits for the next tick
                except Exception as exc:  # this feed's: recorded, retried with backoff, others go on
                    log.exception("polling feed %s failed", feed.url)
                    return await self._failed(feed, self.clock(), f"internal error ({type(exc).__name__})")

        return list(await asyncio.gather(*(one(feed) for feed in due)))

    async def poll(self, feed: FeedInfo, *, force: bool = False) -> PollResult:
        """Poll one feed if it is due and no other process took this poll (``force``: now)."""
        now = self.clock()
        interval = timedelta(seconds=feed.poll_interval)
        if not force and not await asyncio.to_thread(self.store.claim_feed_poll, feed.id, now=now,
                                                     until=now + interval):
            return PollResult(feed.id, feed.url, "skipped")
        try:
            fetched = await self._fetch(feed)
        except FeedError as exc:
            return await self._failed(feed, now, str(exc), gone=exc.gone, wait=exc.wait)
        if fetched.moved_to is not None:
            feed = await self._moved(feed, fetched.moved_to)
        articles = fetched.articles
        if articles is None:
            await asyncio.to_thread(self.store.feed_polled, feed.id, now=now, etag=feed.etag,
                                    last_modified=feed.last_modified, title=None, next_poll=now + interval)
            return PollResult(feed.id, feed.url, "unchanged")
        new = 0
        for article in articles:
            try:
                new += await self._store_article(feed, _utc(article), now,
                                                 back_catalogue=_back_catalogue(feed, article))
            except OperationalError:
                raise
            except Exception as exc:  # one bad entry never stops the rest of the feed
                log.warning("feed %s: skipped %s: %s: %s", feed.url, article.url or article.title[:80],
                            type(exc).__name__, exc)
        title = next((a.source for a in articles if a.source), None)
        await asyncio.to_thread(self.store.feed_polled, feed.id, now=now, etag=fetched.etag,
                                last_modified=fetched.last_modified, title=title, next_poll=now + interval)
        return PollResult(feed.id, feed.url, "updated", new=new)

    async def _moved(self, feed: FeedInfo, url: str) -> FeedInfo:
        """``feed`` polled at ``url`` from now on (it answered there after a permanent redirect),
        unless another feed has that address."""
        if await asyncio.to_thread(self.store.move_feed, feed.id, url):
            log.warning("feed %s moved for good to %s; its address is updated", feed.url, url)
            return replace(feed, url=url)
        log.warning("feed %s moved for good to %s, which is another feed already; address kept",
                    feed.url, url)
        return feed

    async def _fetch(self, feed: FeedInfo) -> _Fetched:
        """The feed's articles, validators and new address (articles None: unchanged, a 304)."""
        folder = local_folder(feed.url)
        if folder is not None:
            if not folder.is_dir():
                raise FeedError(f"folder {folder} not found")
            items = await asyncio.to_thread(lambda: list(load(folder)))
            return _Fetched([a for a in items if isinstance(a, Article)])
        headers = {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        try:
            response = await self._get(feed, feed.url, headers)
        except FetchError as exc:
            raise FeedError(exc.reason) from None
        if response.status == 304:
            return _Fetched(None, moved_to=response.moved_to)
        if response.status == 410:
            raise FeedError(GONE_REASON, gone=True)
        if response.status >= 300:
            raise FeedError(f"HTTP {response.status}",
                            wait=retry_after(response.headers.get("retry-after"), self.clock(),
                                             longest=_LONGEST_WAIT))
        try:
            articles = await asyncio.to_thread(parse_feed, response.body, feed.url)
        except InputError:
            raise FeedError("malformed feed (not RSS or Atom)") from None
        return _Fetched(articles, response.headers.get("etag"), response.headers.get("last-modified"),
                        response.moved_to)

    async def _failed(self, feed: FeedInfo, now: datetime, error: str, *, gone: bool = False,
                      wait: timedelta | None = None) -> PollResult:
        """Record a failed poll: the next one after the server's ``wait`` (at least the feed's
        interval) or an exponential backoff; paused now when ``gone``, else after enough failures."""
        interval = timedelta(seconds=feed.poll_interval)
        if wait is not None:
            backoff = min(max(wait, interval), _LONGEST_WAIT)
        else:
            backoff = min(interval * 2 ** (feed.failures + 1), self.options.max_backoff)
        updated = await asyncio.to_thread(self.store.feed_failed, feed.id, now=now, error=error,
                                          next_poll=now + backoff, pause_after=self.options.pause_after,
                                          gone=gone)
        if updated.paused_by_hand:  # paused while this poll ran
            log.info("feed %s failed (%s) while it was paused by hand; nothing recorded", feed.url, error)
            return PollResult(feed.id, feed.url, "skipped", error=error)
        if updated.paused:
            log.warning("feed %s paused after %d failed poll(s): %s", feed.url, updated.failures, error)
            return PollResult(feed.id, feed.url, "paused", error=error)
        log.info("feed %s failed (%s); next try in %s", feed.url, error, backoff)
        return PollResult(feed.id, feed.url, "failed", error=error)

    async def _store_article(self, feed: FeedInfo, article: Article, now: datetime, *,
                             back_catalogue: bool) -> int:
        """Store one entry (with its full text and incidents; never listed for digests when
        ``back_catalogue``); 1 when it was new."""
        if article.url:
            known: bool = await asyncio.to_thread(self.store.has_article_url, article.url)
            if known:
                return 0  # seen before (possibly edited since): never stored or posted twice
        if not back_catalogue:
            article = await self._full_text(feed, article)
        added = await asyncio.to_thread(self.store.add_article, article, fetched_at=now,
                                        listed_at=None if back_catalogue else now, feed_id=feed.id)
        if added.created and self.extract is not None:
            await asyncio.to_thread(self._store_incidents, self.extract, article)
        return int(added.created)

    def _store_incidents(self, extract: ExtractFn, article: Article) -> None:
        try:
            extract(article)
        except Exception:
            log.exception("incident extraction failed for %s", article.url or article.id)

    async def _full_text(self, feed: FeedInfo, article: Article) -> Article:
        """The article with its page's text when the entry carries only a teaser (an article file
        of a local folder is the whole article: its ``url`` is never fetched)."""
        teaser = len(article.text) < self.options.teaser_chars
        if not (self.options.fetch_full_text and teaser and article.url) or local_folder(feed.url):
            return article
        try:
            response = await self._get(feed, article.url)
        except FetchError as exc:
            log.info("full text not fetched: %s", exc)
            return article
        if response.status >= 300 or "html" not in response.headers.get("content-type", ""):
            return article
        text = (await asyncio.to_thread(extract_page, response.body, article.url)).text
        if not text or len(text) <= len(article.text):
            return article
        return replace(article, text=text, id=content_id(text))
