"""Polling RSS/Atom feeds into the store.

- Conditional requests: the feed's ETag and Last-Modified are sent back; a 304 costs nothing.
- Errors (HTTP 4xx/5xx, network, a malformed feed) back off exponentially; after
  ``pause_after`` failures in a row the feed is paused and the scheduler tells the channels
  that use it ("feed X failing since ...: HTTP 403"). Nothing is dropped silently.
- The first poll of a new feed stores its back catalogue unlisted (never posted), as do items
  published before the feed's ``since``. Items already stored (same canonical URL or text,
  e.g. an edited entry) are not stored or posted again.
- An entry that carries only a teaser gets its article page fetched and extracted (trafilatura).
- A ``file://`` URL names a local folder of article files (how ``seeds/`` becomes a source).
- A feed added from chat only ever reaches public internet addresses (its redirects and article
  links included), so no one can make the bot read the local network through a feed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx
import trafilatura
from sqlalchemy.exc import OperationalError

from bot.feeds.urls import FeedURLError, check_public_host
from bot.store import FeedInfo, Store
from summarizer.articles import Article, content_id, load, parse_feed
from summarizer.errors import InputError

__all__ = ["FeedPoller", "PollOptions", "PollResult"]

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
ExtractFn = Callable[[Article], Iterable[Any]]
"""article -> incident records (each with ``to_dict()`` and ``fatalities``)."""

_USER_AGENT = "newsdigest/0.1 (feed reader; +https://github.com/newsdigest)"


class FeedError(Exception):
    """One poll failed; ``str`` is the short reason shown to channels (``HTTP 403``)."""


@dataclass(frozen=True)
class PollOptions:
    """Limits and thresholds for polling."""

    timeout: float = 20.0
    max_bytes: int = 10_000_000
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


async def _public_hosts_only(request: httpx.Request) -> None:
    """httpx request hook: refuse hosts that are not public internet addresses."""
    try:
        await asyncio.to_thread(check_public_host, request.url.host)
    except FeedURLError as exc:
        raise FeedError(str(exc)) from None


def _fatalities(incident: Any) -> int | None:
    """The incident's fatality count, unless the extractor flagged it as implausible (alerts
    must not fire on a misread number)."""
    if "implausible_fatalities" in (getattr(incident, "flags", None) or ()):
        return None
    count = getattr(incident, "fatalities", None)
    return count if isinstance(count, int) else None


def _utc(article: Article) -> Article:
    """The article with a zone-less date read as UTC (front matter ``published: 2019-01-24``)."""
    published = article.published
    if published is None or published.tzinfo is not None:
        return article
    return replace(article, published=published.replace(tzinfo=UTC))


def local_folder(url: str) -> Path | None:
    """The folder a ``file://`` feed URL names (None for other URLs)."""
    parts = urlsplit(url)
    return Path(unquote(parts.path)) if parts.scheme == "file" else None


class FeedPoller:
    """Polls due feeds and stores their new articles and incidents."""

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
        self.extract = extract
        self.options = options or PollOptions()
        self._clients: dict[bool, httpx.AsyncClient] = {}

    async def __aenter__(self) -> FeedPoller:
        for public_only in (False, True):
            hooks = {"request": [_public_hosts_only]} if public_only else {}
            self._clients[public_only] = httpx.AsyncClient(
                timeout=self.options.timeout, follow_redirects=True, headers={"User-Agent": _USER_AGENT},
                event_hooks=hooks,
            )
        return self

    async def __aexit__(self, *exc: object) -> None:
        for client in self._clients.values():
            await client.aclose()
        self._clients.clear()

    def _client(self, feed: FeedInfo) -> httpx.AsyncClient:
        """Feeds added from chat may only reach public addresses (redirects and article links
        included); feeds an operator added on the command line may reach anything."""
        if not self._clients:
            raise RuntimeError("use FeedPoller as an async context manager")
        return self._clients[feed.added_by is not None]

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
            return await self._failed(feed, now, str(exc))
        if fetched is None:
            await asyncio.to_thread(self.store.feed_polled, feed.id, now=now, etag=feed.etag,
                                    last_modified=feed.last_modified, title=None, next_poll=now + interval)
            return PollResult(feed.id, feed.url, "unchanged")
        articles, etag, last_modified = fetched
        new = 0
        for article in articles:
            try:
                new += await self._store_article(feed, _utc(article), now)
            except OperationalError:
                raise
            except Exception as exc:  # one bad entry never stops the rest of the feed
                log.warning("feed %s: skipped %s: %s: %s", feed.url, article.url or article.title[:80],
                            type(exc).__name__, exc)
        title = next((a.source for a in articles if a.source), None)
        await asyncio.to_thread(self.store.feed_polled, feed.id, now=now, etag=etag,
                                last_modified=last_modified, title=title, next_poll=now + interval)
        return PollResult(feed.id, feed.url, "updated", new=new)

    async def _fetch(self, feed: FeedInfo) -> tuple[list[Article], str | None, str | None] | None:
        """The feed's articles and validators, or None when unchanged (304)."""
        folder = local_folder(feed.url)
        if folder is not None:
            if not folder.is_dir():
                raise FeedError(f"folder {folder} not found")
            items = await asyncio.to_thread(lambda: list(load(folder)))
            return [a for a in items if isinstance(a, Article)], None, None
        headers = {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        try:
            response = await self._client(feed).get(feed.url, headers=headers)
        except httpx.TimeoutException:
            raise FeedError("timed out") from None
        except httpx.HTTPError as exc:
            raise FeedError(f"cannot connect ({type(exc).__name__})") from None
        if response.status_code == 304:
            return None
        if response.status_code >= 400:
            raise FeedError(f"HTTP {response.status_code}")
        if len(response.content) > self.options.max_bytes:
            raise FeedError(f"feed larger than {self.options.max_bytes} bytes")
        try:
            articles = await asyncio.to_thread(parse_feed, response.content, feed.url)
        except InputError:
            raise FeedError("malformed feed (not RSS or Atom)") from None
        return articles, response.headers.get("etag"), response.headers.get("last-modified")

    async def _failed(self, feed: FeedInfo, now: datetime, error: str) -> PollResult:
        backoff = min(timedelta(seconds=feed.poll_interval) * 2 ** (feed.failures + 1),
                      self.options.max_backoff)
        updated = await asyncio.to_thread(self.store.feed_failed, feed.id, now=now, error=error,
                                          next_poll=now + backoff, pause_after=self.options.pause_after)
        if updated.paused:
            log.warning("feed %s paused after %s failures: %s", feed.url, updated.failures, error)
            return PollResult(feed.id, feed.url, "paused", error=error)
        log.info("feed %s failed (%s); next try in %s", feed.url, error, backoff)
        return PollResult(feed.id, feed.url, "failed", error=error)

    async def _store_article(self, feed: FeedInfo, article: Article, now: datetime) -> int:
        """Store one entry (with its full text and incidents); 1 when it was new."""
        if article.url:
            known: bool = await asyncio.to_thread(self.store.has_article_url, article.url)
            if known:
                return 0  # seen before (possibly edited since): never stored or posted twice
        back_catalogue = (article.published is None and not feed.polled_once) or (
            article.published is not None and article.published < feed.since)
        if not back_catalogue:
            article = await self._full_text(feed, article)
        added = await asyncio.to_thread(self.store.add_article, article, fetched_at=now,
                                        listed_at=None if back_catalogue else now, feed_id=feed.id)
        if added.created and self.extract is not None:
            await asyncio.to_thread(self._store_incidents, self.extract, added.id, article, now)
        return int(added.created)

    def _store_incidents(self, extract: ExtractFn, article_id: int, article: Article, now: datetime) -> None:
        try:
            records = [(i.to_dict(), _fatalities(i)) for i in extract(article)]
        except Exception:
            log.exception("incident extraction failed for %s", article.url or article.id)
            return
        self.store.add_incidents(article_id, records, now=now)

    async def _full_text(self, feed: FeedInfo, article: Article) -> Article:
        """The article with its page's text when the entry carries only a teaser."""
        teaser = len(article.text) < self.options.teaser_chars
        if not (self.options.fetch_full_text and teaser and article.url):
            return article
        try:
            response = await self._client(feed).get(article.url)
        except (httpx.HTTPError, FeedError) as exc:
            log.info("full text of %s not fetched: %s", article.url, exc)
            return article
        is_html = "html" in response.headers.get("content-type", "")
        if response.status_code >= 400 or not is_html or len(response.content) > self.options.max_bytes:
            return article
        text = await asyncio.to_thread(trafilatura.extract, response.text, url=article.url,
                                       include_comments=False, include_tables=False)
        if not text or len(text) <= len(article.text):
            return article
        return replace(article, text=text, id=content_id(text))
