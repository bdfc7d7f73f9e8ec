"""The ``Store``: every read and write the bot does against its database.

Methods are synchronous and short (one transaction each); async callers run them with
``asyncio.to_thread``. Times are always passed in (aware UTC) so tests drive a fake clock.
Writes that must happen once (an article, a delivery claim) are single
``INSERT ... ON CONFLICT DO NOTHING`` statements, so concurrent processes cannot double them.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import (
    Engine,
    Text,
    and_,
    case,
    cast,
    delete,
    func,
    or_,
    select,
    text,
    true,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from bot.store.database import connect, migrate
from bot.store.dbclock import database_now
from bot.store.explained import delivery_error, stop_reason
from bot.store.filters import KeywordFilter
from bot.store.identity import canonical_url, content_hash
from bot.store.models import (
    ArticleRow,
    DeliveryRow,
    ExtractionRow,
    FeedFollowerRow,
    FeedRow,
    SeenRequestRow,
    SentArticleRow,
    SubscriptionRow,
    SummaryRow,
)
from bot.store.values import (
    Delivery,
    FeedInfo,
    NewSubscription,
    Reclaimed,
    StoredArticle,
    StoredIncident,
    Subscription,
)
from bot.vocabulary import ArticleHead, Destination, Ping
from summarizer.articles.model import Article

__all__ = ["STOPPED", "AddedArticle", "Store", "article_row", "matches_filters"]

# Why a delivery was given up when its claimant died (its lease ran out) during the last attempt.
STOPPED = "the bot stopped while posting it"

_ERROR_LENGTH = 500
# Full-text search on SQLite: the FTS5 table counts the matches; a page of many matches is read
# by walking ``ix_articles_newest`` newest first until it is full, a page of few by sorting them
# (walking would pass most articles). PostgreSQL queries the expression index of migration 0006.
_FTS5_COUNT = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH :q"
_FTS5_PAGE = (
    "SELECT uid FROM articles {access} "
    "WHERE id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q) {rest} "
    "ORDER BY published DESC, uid DESC LIMIT :limit OFFSET :offset"
)
_WALK_FROM = 1000  # matches
_UNTITLED = "AND id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :t)"
_FTS5_PAGES = {
    (untitled, walk): _FTS5_PAGE.format(access="INDEXED BY ix_articles_newest" if walk else "NOT INDEXED",
                                        rest=_UNTITLED if untitled else "")
    for untitled in (False, True) for walk in (False, True)
}
_TSV_MATCH = "to_tsvector('simple', title || ' ' || text) @@ plainto_tsquery('simple', :q)"
_TSV_IN_TITLE = "to_tsvector('simple', title) @@ plainto_tsquery('simple', :q)"


class AddedArticle:
    """The outcome of ``Store.add_article``: the stored id and whether it was new."""

    __slots__ = ("created", "id")

    def __init__(self, id: int, created: bool) -> None:
        self.id = id
        self.created = created

    def __repr__(self) -> str:
        return f"AddedArticle(id={self.id}, created={self.created})"


MAX_ID = 2**31 - 1  # the largest row id every supported database stores; larger numbers name nothing


RowT = TypeVar("RowT")
RecordT = TypeVar("RecordT")


def _storable(row_id: int) -> bool:
    """Whether a user-given id can name a row at all (a huge number must not reach the driver)."""
    return 0 < row_id <= MAX_ID


class Store:
    """Articles, incidents, feeds, subscriptions and deliveries in SQLite or PostgreSQL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._session = sessionmaker(engine, expire_on_commit=False)  # writes (and reads that must agree)
        self._reading = sessionmaker(engine.execution_options(read_only=True), expire_on_commit=False)

    @classmethod
    def open(cls, url: str, *, upgrade: bool = True) -> Store:
        """Connect to ``url`` and (by default) migrate the schema to the newest revision."""
        engine = connect(url)
        if upgrade:
            try:
                migrate(engine)
            except Exception:
                engine.dispose()
                raise
        return cls(engine)

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def _insert(self, table: Any) -> Any:
        """The dialect's INSERT, which knows ``ON CONFLICT DO NOTHING`` (the package of the dialect
        in use only: importing PostgreSQL's costs a SQLite bot's start tens of milliseconds)."""
        return importlib.import_module(f"sqlalchemy.dialects.{self.dialect}").insert(table)

    # -- articles ------------------------------------------------------------------------

    def add_article(
        self,
        article: Article,
        *,
        fetched_at: datetime,
        listed_at: datetime | None,
        feed_id: int | None = None,
    ) -> AddedArticle:
        """Store ``article`` unless the same story is there already (same canonical URL or the
        same text). ``listed_at`` None keeps it out of digests (back catalogue)."""
        values = article_row(article, fetched_at=fetched_at, listed_at=listed_at, feed_id=feed_id)
        canonical, digest = values["canonical_url"], values["content_hash"]
        statement = self._insert(ArticleRow).values(**values).on_conflict_do_nothing()
        with self._session.begin() as session:
            new_id = session.execute(statement.returning(ArticleRow.id)).scalar_one_or_none()
            if new_id is not None:
                return AddedArticle(new_id, True)
            same = or_(ArticleRow.content_hash == digest, ArticleRow.canonical_url == canonical)
            existing = session.execute(select(ArticleRow.id).where(same).limit(1)).scalar_one()
            return AddedArticle(existing, False)

    def has_article_url(self, url: str) -> bool:
        """Whether an article with this URL (canonically) is stored."""
        canonical = canonical_url(url)
        if canonical is None:
            return False
        with self._reading() as session:
            found = session.execute(select(ArticleRow.id).where(ArticleRow.canonical_url == canonical))
            return found.first() is not None

    def get_article(self, article_id: int) -> StoredArticle | None:
        """One article by store id."""
        with self._reading() as session:
            row = session.get(ArticleRow, article_id)
            return _article(row) if row else None

    def articles(self, *, limit: int | None = None, ids: Iterable[int] | None = None) -> list[StoredArticle]:
        """Stored articles, newest first (or those with ``ids``, in that order)."""
        query = select(ArticleRow)
        if ids is not None:
            wanted = list(ids)
            query = query.where(ArticleRow.id.in_(wanted))
            with self._reading() as session:
                by_id = {row.id: _article(row) for row in session.scalars(query)}
            return [by_id[i] for i in wanted if i in by_id]
        query = query.order_by(ArticleRow.fetched_at.desc(), ArticleRow.id.desc()).limit(limit)
        with self._reading() as session:
            return [_article(row) for row in session.scalars(query)]

    def article_heads(self, after: int = 0) -> list[tuple[int, ArticleHead]]:
        """(store id, head) of the articles stored after the store id ``after``, oldest first:
        what a listing needs, without the text."""
        query = (
            select(ArticleRow.id, ArticleRow.uid, ArticleRow.title, ArticleRow.source, ArticleRow.url,
                   ArticleRow.published)
            .where(ArticleRow.id > after).order_by(ArticleRow.id)
        )
        with self._reading() as session:
            return [
                (row_id, ArticleHead(uid, title, source, url, published,
                                     published.date() if published else None))
                for row_id, uid, title, source, url, published in session.execute(query)
            ]

    def article_by_uid(self, uid: str) -> Article | None:
        """The stored article with summarizer id ``uid``."""
        query = select(ArticleRow).where(ArticleRow.uid == uid).limit(1)
        with self._reading() as session:
            row = session.execute(query).scalar_one_or_none()
            return _article(row).article if row is not None else None

    def search_articles(
        self, terms: Sequence[str], *, offset: int = 0, limit: int, titles_only: bool = False
    ) -> tuple[list[str], int]:
        """Summarizer ids of the stored articles whose title (or text) holds every term, those
        whose title holds them all first, then newest first: ``limit`` of them from ``offset``,
        and how many match in all. Found by the full-text index (SQLite FTS5, PostgreSQL
        ``to_tsvector``; each term matched as a word, or as a phrase of its parts when it has
        hyphens or apostrophes); only the page asked for is ranked and read."""
        if not terms:
            return [], 0
        if self.dialect == "sqlite":
            return self._fts5_search(terms, offset, limit, titles_only=titles_only)
        values = {"q": " ".join(terms)}
        matching = (text(_TSV_MATCH), text(_TSV_IN_TITLE) if titles_only else true())
        count = select(func.count()).select_from(ArticleRow).where(*matching)
        page = select(ArticleRow.uid).where(*matching).order_by(
            text(_TSV_IN_TITLE + " DESC"), ArticleRow.published.desc().nulls_last(), ArticleRow.uid.desc()
        ).limit(limit).offset(offset)
        with self._reading() as session:
            total = int(session.execute(count, values).scalar_one())
            found = session.execute(page, values).scalars() if offset < total else ()
            return list(found), total

    def _fts5_search(self, terms: Sequence[str], offset: int, limit: int, *, titles_only: bool
                     ) -> tuple[list[str], int]:
        """``search_articles`` on SQLite: the title matches newest first, then the others."""
        phrases = " ".join('"' + term.replace('"', '""') + '"' for term in terms)
        in_title = f"title : ({phrases})"
        with self._reading() as session:

            def count(match: str) -> int:
                return int(session.execute(text(_FTS5_COUNT), {"q": match}).scalar_one())

            def newest(match: str, matches: int, start: int, size: int) -> list[str]:
                if size <= 0:
                    return []
                statement = _FTS5_PAGES[match != in_title, matches >= _WALK_FROM]
                values = {"q": match, "t": in_title, "limit": size, "offset": start}
                return list(session.execute(text(statement), values).scalars())

            titled = count(in_title)
            total = titled if titles_only else count(phrases)
            found = newest(in_title, titled, offset, min(limit, titled - offset))
            if not titles_only:
                found += newest(phrases, total, max(0, offset - titled), limit - len(found))
            return found, total

    def fingerprint(self) -> tuple[int, int]:
        """(article count, newest article id): changes whenever an article is added."""
        with self._reading() as session:
            count, newest = session.execute(select(func.count(), func.max(ArticleRow.id))).one()
            return int(count), int(newest or 0)

    def unsent_articles(
        self,
        destination: Destination,
        *,
        since: datetime,
        until: datetime | None = None,
        keywords: Sequence[str] = (),
        sources: Sequence[str] = (),
        exclude: Sequence[str] = (),
        limit: int = 10,
    ) -> list[StoredArticle]:
        """Articles listed from ``since`` (to ``until``) for this channel (``_listed_for``) that it
        has not been sent, matching the keyword, excluded-word and source filters, oldest first
        (nothing starves), at most ``limit``."""
        sent = select(SentArticleRow.article_id).where(*_sent_to(destination))
        query = (
            select(ArticleRow)
            .where(*_listed_for(destination, since))
            .where(ArticleRow.listed_at <= until if until is not None else true())
            .where(ArticleRow.id.not_in(sent))
            .order_by(ArticleRow.listed_at, ArticleRow.id)
        )
        if sources:
            query = query.where(func.lower(ArticleRow.source).in_([s.lower() for s in sources]))
        wanted = KeywordFilter(keywords, exclude)
        chosen: list[StoredArticle] = []
        with self._reading() as session:
            for row in session.scalars(query.execution_options(yield_per=200)):
                if wanted.matches(row.title, row.text):
                    chosen.append(_article(row))
                    if len(chosen) >= limit:
                        break
        return chosen

    def cached_summary(self, uid: str, key: str) -> dict[str, Any] | None:
        """The cached summary (as stored by ``cache_summary``) of the article with summarizer
        id ``uid`` for ``key`` (method and length)."""
        query = (
            select(SummaryRow.sentences)
            .join(ArticleRow, ArticleRow.id == SummaryRow.article_id)
            .where(ArticleRow.uid == uid, SummaryRow.key == key)
            .limit(1)
        )
        with self._reading() as session:
            found = session.execute(query).scalar_one_or_none()
            return dict(found) if found is not None else None

    def cache_summary(self, uid: str, key: str, data: dict[str, Any], *, now: datetime) -> bool:
        """Remember a summary of a stored article (False when no stored article has ``uid``);
        a concurrent identical write is ignored."""
        with self._session.begin() as session:
            article_id = session.execute(
                select(ArticleRow.id).where(ArticleRow.uid == uid).limit(1)
            ).scalar_one_or_none()
            if article_id is None:
                return False
            session.execute(self._insert(SummaryRow).values(
                article_id=article_id, key=key[:200], sentences=data, created_at=now
            ).on_conflict_do_nothing())
            return True

    # -- incidents -----------------------------------------------------------------------

    def extractions(self, extractor: str, uids: Iterable[str]) -> dict[str, tuple[str, list[dict[str, Any]]]]:
        """Stored incident extractions of one extractor version of the articles ``uids``:
        article uid -> (input hash, records)."""
        query = select(ExtractionRow.article_uid, ExtractionRow.input_hash, ExtractionRow.records).where(
            ExtractionRow.extractor == extractor, ExtractionRow.article_uid.in_(list(uids))
        )
        with self._reading() as session:
            return {uid: (digest, list(records)) for uid, digest, records in session.execute(query)}

    def stored_article_extractions(self, extractor: str) -> dict[str, list[dict[str, Any]]]:
        """The records one extractor version found in each stored article, by article uid: read
        as text and decoded only when not empty (most articles report no incident), which keeps
        a restart over 100,000 articles short."""
        query = (
            select(ExtractionRow.article_uid, cast(ExtractionRow.records, Text))
            .join(ArticleRow, ArticleRow.uid == ExtractionRow.article_uid)
            .where(ExtractionRow.extractor == extractor)
        )
        with self._reading() as session:
            return {uid: json.loads(raw) if raw != "[]" else [] for uid, raw in session.execute(query)}

    def save_extraction(
        self, uid: str, extractor: str, input_hash: str, records: Sequence[dict[str, Any]], *, now: datetime
    ) -> None:
        """Store (or replace) what ``extractor`` found in the article ``uid`` with ``input_hash``."""
        values = {"article_uid": uid, "extractor": extractor[:100], "input_hash": input_hash,
                  "records": list(records), "created_at": now}
        statement = self._insert(ExtractionRow).values(**values)
        statement = statement.on_conflict_do_update(
            index_elements=["article_uid", "extractor"],
            set_={"input_hash": input_hash, "records": list(records), "created_at": now},
        )
        with self._session.begin() as session:
            session.execute(statement)

    def listed_incidents(
        self, destination: Destination, *, since: datetime, min_fatalities: int, extractor: str
    ) -> list[StoredIncident]:
        """Incidents with at least ``min_fatalities`` that ``extractor`` found in articles listed
        for this channel since ``since`` (``_listed_for``; back catalogue never alerts), oldest
        article first."""
        query = (
            select(ArticleRow.id, ExtractionRow.records)
            .join(ExtractionRow, ExtractionRow.article_uid == ArticleRow.uid)
            .where(ExtractionRow.extractor == extractor, cast(ExtractionRow.records, Text) != "[]")
            .where(*_listed_for(destination, since))
            .order_by(ArticleRow.id)
        )
        with self._reading() as session:
            found = [StoredIncident.of(article_id, position, record)
                     for article_id, records in session.execute(query)
                     for position, record in enumerate(records)]
        return [i for i in found if (i.fatalities or 0) >= min_fatalities]

    def alert_slots(self, subscription_id: int) -> set[str]:
        """The slots of every alert delivery of this subscription (in any state)."""
        query = select(DeliveryRow.slot_key).where(DeliveryRow.subscription_id == subscription_id,
                                                   DeliveryRow.slot_key.startswith("alert:"))
        with self._reading() as session:
            return set(session.execute(query).scalars())

    # -- feeds ---------------------------------------------------------------------------

    def add_feed(
        self,
        url: str,
        *,
        now: datetime,
        since: datetime | None = None,
        added_by: Destination | None = None,
        poll_interval: int = 900,
    ) -> tuple[FeedInfo, bool]:
        """Add a feed (polled at once) for the chat channel ``added_by`` (which then follows it),
        or, without one, as the operator's feed for every channel. Returns the feed and whether it
        is new to the one adding it (a new follower; a new feed for the operator). Items published
        before ``since`` (default: now) are back catalogue and never posted."""
        [added] = self.add_feeds([(url, None)], now=now, since=since, added_by=added_by,
                                 poll_interval=poll_interval)
        return added

    def add_feeds(
        self,
        feeds: Sequence[tuple[str, str | None]],
        *,
        now: datetime,
        since: datetime | None = None,
        added_by: Destination | None = None,
        poll_interval: int = 900,
    ) -> list[tuple[FeedInfo, bool]]:
        """Add feeds (URL and title, if known) in one transaction, each as ``add_feed`` adds one:
        all of them or, on any error, none."""
        added: list[tuple[FeedInfo, bool]] = []
        with self._session.begin() as session:
            for url, title in feeds:
                statement = self._insert(FeedRow).values(
                    url=url, title=title[:500] if title else None, since=since or now, created_at=now,
                    poll_interval=poll_interval, next_poll=now, polled_once=False, failures=0, paused=False,
                    operator=added_by is None,
                    added_platform=added_by.platform if added_by else None,
                    added_workspace=added_by.workspace if added_by else None,
                    added_channel=added_by.channel if added_by else None,
                ).on_conflict_do_nothing()
                created = session.execute(statement.returning(FeedRow.id)).scalar_one_or_none() is not None
                row = session.execute(select(FeedRow).where(FeedRow.url == url)).scalar_one()
                if added_by is None:
                    row.operator = True
                else:
                    follow = self._insert(FeedFollowerRow).values(
                        feed_id=row.id, added_at=now, **_scope(added_by)).on_conflict_do_nothing()
                    created = session.execute(follow.returning(FeedFollowerRow.feed_id)).first() is not None
                session.flush()
                added.append((_feed(row), created))
        return added

    def feeds(self, visible_to: Destination | None = None) -> list[FeedInfo]:
        """Every feed, oldest first; with ``visible_to``, only the operator's feeds and those
        that channel follows."""
        query = select(FeedRow).order_by(FeedRow.id)
        if visible_to is not None:
            query = query.where(or_(FeedRow.operator.is_(True), FeedRow.id.in_(_followed_by(visible_to))))
        with self._reading() as session:
            return [_feed(r) for r in session.scalars(query)]

    def feed_followers(self, feed_id: int) -> set[Destination]:
        """The chat channels following (that added) the feed."""
        query = select(FeedFollowerRow).where(FeedFollowerRow.feed_id == feed_id)
        with self._reading() as session:
            return {Destination(r.platform, r.channel, r.workspace or None) for r in session.scalars(query)}

    def follows_feed(self, feed_id: int, destination: Destination) -> bool:
        """Whether the chat channel ``destination`` follows (added) the feed."""
        if not _storable(feed_id):
            return False
        query = select(FeedFollowerRow.feed_id).where(FeedFollowerRow.feed_id == feed_id,
                                                      *_at(FeedFollowerRow, destination))
        with self._reading() as session:
            return session.execute(query).first() is not None

    def unfollow_feed(self, feed_id: int, destination: Destination) -> bool:
        """The channel stops following the feed; a chat feed nobody follows any more is deleted
        (its articles stay; see ``_delete_feed``). Returns whether the feed was deleted."""
        if not _storable(feed_id):
            return False
        with self._session.begin() as session:
            session.execute(delete(FeedFollowerRow).where(FeedFollowerRow.feed_id == feed_id,
                                                          *_at(FeedFollowerRow, destination)))
            followed = select(FeedFollowerRow.feed_id).where(FeedFollowerRow.feed_id == feed_id).exists()
            return _delete_feed(session, FeedRow.id == feed_id, FeedRow.operator.is_(False), ~followed)

    def get_feed(self, ref: int | str) -> FeedInfo | None:
        """A feed by id, by its number as typed (``"3"``, ``"#3"``) or by URL."""
        if isinstance(ref, str) and ref.lstrip("#").isdigit():
            ref = int(ref.lstrip("#"))
        column = FeedRow.id if isinstance(ref, int) else FeedRow.url
        if isinstance(ref, int) and not _storable(ref):
            return None
        with self._reading() as session:
            row = session.execute(select(FeedRow).where(column == ref)).scalar_one_or_none()
            return _feed(row) if row else None

    def remove_feed(self, feed_id: int) -> bool:
        """Delete a feed (its articles stay; see ``_delete_feed``); False when there was none."""
        if not _storable(feed_id):
            return False
        with self._session.begin() as session:
            return _delete_feed(session, FeedRow.id == feed_id)

    def due_feeds(self, now: datetime) -> list[FeedInfo]:
        """Unpaused feeds whose next poll time has come."""
        query = select(FeedRow).where(FeedRow.paused.is_(False), FeedRow.next_poll <= now)
        with self._reading() as session:
            return [_feed(r) for r in session.scalars(query.order_by(FeedRow.next_poll))]

    def claim_feed_poll(self, feed_id: int, *, now: datetime, until: datetime) -> bool:
        """Take the feed's due poll (moves its next poll to ``until``); False when another
        process took it first or it is not due."""
        query = (
            update(FeedRow)
            .where(FeedRow.id == feed_id, FeedRow.next_poll <= now, FeedRow.paused.is_(False))
            .values(next_poll=until)
        )
        with self._session.begin() as session:
            return session.execute(query).rowcount == 1  # type: ignore[attr-defined, no-any-return]

    def feed_polled(
        self, feed_id: int, *, now: datetime, etag: str | None, last_modified: str | None,
        title: str | None, next_poll: datetime,
    ) -> None:
        """Record a successful poll (also a 304): validators kept, failures reset."""
        values: dict[str, Any] = {
            "etag": etag, "last_modified": last_modified, "last_polled": now, "next_poll": next_poll,
            "polled_once": True, "failures": 0, "failing_since": None, "last_error": None, "gone": False,
        }
        if title:
            values["title"] = title[:500]
        with self._session.begin() as session:
            session.execute(update(FeedRow).where(FeedRow.id == feed_id).values(**values))

    def move_feed(self, feed_id: int, url: str) -> bool:
        """Give a feed its new address; False when another feed already has it."""
        try:
            with self._session.begin() as session:
                session.execute(update(FeedRow).where(FeedRow.id == feed_id).values(url=url))
        except IntegrityError:
            return False
        return True

    def feed_failed(
        self, feed_id: int, *, now: datetime, error: str, next_poll: datetime, pause_after: int,
        gone: bool = False,
    ) -> FeedInfo:
        """Record a failed poll; after ``pause_after`` failures in a row the feed is paused, and
        at once when ``gone`` (its server said it was removed for good). A feed paused while this
        poll ran (by hand: a paused feed is not polled) stays paused with no failure recorded."""
        with self._session.begin() as session:
            row = session.get(FeedRow, feed_id, with_for_update=True)
            if row is None:
                raise LookupError(f"no feed {feed_id}")
            if row.paused:
                return _feed(row)
            row.failures += 1
            row.failing_since = row.failing_since or now
            row.last_error = error[:_ERROR_LENGTH]
            row.last_polled = now
            row.next_poll = next_poll
            row.gone = gone
            row.paused = gone or row.failures >= pause_after
            session.flush()
            return _feed(row)

    def pause_feed(self, feed_id: int, *, only_for: Destination | None = None) -> bool:
        """Stop polling a feed by hand (its failure record is cleared, so no channel is told it
        failed); False when it was paused already, there is none or, with ``only_for``, it is
        not a chat feed that channel alone follows (checked in the same statement)."""
        values = {"paused": True, "gone": False, "failures": 0, "failing_since": None, "last_error": None}
        return self._set_feed(feed_id, only_for, values, FeedRow.paused.is_(False))

    def resume_feed(self, feed_id: int, *, now: datetime, only_for: Destination | None = None) -> bool:
        """Unpause a feed and poll it at once; False when there is none or, with ``only_for``, it
        is not a chat feed that channel alone follows."""
        values = {"paused": False, "gone": False, "failures": 0, "failing_since": None, "next_poll": now}
        return self._set_feed(feed_id, only_for, values)

    def _set_feed(self, feed_id: int, only_for: Destination | None, values: dict[str, Any],
                  *conditions: Any) -> bool:
        """One conditional UPDATE of a feed, limited with ``only_for`` to a chat feed no channel
        but that one follows (so no other channel can start following it in between)."""
        if not _storable(feed_id):
            return False
        if only_for is not None:
            others = select(FeedFollowerRow.feed_id).where(
                FeedFollowerRow.feed_id == FeedRow.id, ~and_(*_at(FeedFollowerRow, only_for)))
            conditions += (FeedRow.operator.is_(False), ~others.exists())
        with self._session.begin() as session:
            statement = update(FeedRow).where(FeedRow.id == feed_id, *conditions).values(**values)
            result = session.execute(statement)
            return result.rowcount > 0  # type: ignore[attr-defined, no-any-return]

    # -- signed requests -----------------------------------------------------------------

    def first_request(self, signature: str, *, until: datetime, now: datetime) -> bool:
        """Remember a signed request's signature until ``until``; False when it was already
        remembered (a replay). Signatures whose time is over are forgotten."""
        remember = self._insert(SeenRequestRow).values(signature=signature, until=until)
        remember = remember.on_conflict_do_nothing()
        with self._session.begin() as session:
            session.execute(delete(SeenRequestRow).where(SeenRequestRow.until < now))
            return session.execute(remember.returning(SeenRequestRow.signature)).first() is not None

    # -- subscriptions -------------------------------------------------------------------

    def add_subscription(self, new: NewSubscription, *, now: datetime) -> Subscription:
        """Store a subscription."""
        row = SubscriptionRow(
            platform=new.destination.platform, workspace=new.destination.workspace or "",
            channel=new.destination.channel, schedule=new.schedule, cron=new.cron,
            timezone=new.timezone, keywords=list(new.keywords), sources=list(new.sources),
            sentences=new.sentences, method=new.method, include_incidents=new.include_incidents,
            alert_fatalities=new.alert_fatalities, announce_empty=new.announce_empty,
            since=new.since, created_at=now, created_by=new.created_by, active=True,
            exclude=list(new.exclude), ping_id=new.ping.id if new.ping else None,
            ping_name=new.ping.name if new.ping else None,
        )
        with self._session.begin() as session:
            session.add(row)
            session.flush()
            return _subscription(row)

    def subscriptions(self, destination: Destination | None = None) -> list[Subscription]:
        """Active subscriptions, of one channel or all."""
        query = select(SubscriptionRow).where(SubscriptionRow.active.is_(True))
        if destination is not None:
            query = query.where(*_at(SubscriptionRow, destination))
        with self._reading() as session:
            return [_subscription(r) for r in session.scalars(query.order_by(SubscriptionRow.id))]

    def get_subscription(self, subscription_id: int) -> Subscription | None:
        """One subscription (active or not) by id."""
        return self._by_id(SubscriptionRow, subscription_id, _subscription)

    def _by_id(self, row_type: type[RowT], row_id: int, record: Callable[[RowT], RecordT]) -> RecordT | None:
        """The record of the row with a user-given id (converted inside its session), or None."""
        if not _storable(row_id):
            return None
        with self._reading() as session:
            row = session.get(row_type, row_id)
            return record(row) if row else None

    def quarantine_subscription(self, subscription_id: int, reason: str) -> bool:
        """Stop a subscription that fails at run time, keeping why; True only for the call that
        quarantined it (so its channel is told once)."""
        return self._stop_once(subscription_id, "quarantined", reason)

    def pause_subscription(self, subscription_id: int, reason: str) -> bool:
        """Stop scheduling a subscription whose channel cannot be posted to, keeping why; True
        only for the call that paused it (so the operator is told once)."""
        return self._stop_once(subscription_id, "paused", reason)

    def _stop_once(self, subscription_id: int, column: str, reason: str) -> bool:
        """Set the subscription's empty ``column`` (``quarantined`` or ``paused``) to ``reason``;
        False when it was set already."""
        query = (
            update(SubscriptionRow)
            .where(SubscriptionRow.id == subscription_id, getattr(SubscriptionRow, column).is_(None))
            .values({column: reason[:_ERROR_LENGTH]})
        )
        with self._session.begin() as session:
            return session.execute(query).rowcount == 1  # type: ignore[attr-defined, no-any-return]

    def resume_subscription(self, subscription_id: int, destination: Destination, *,
                            now: datetime) -> Subscription | None:
        """Schedule a paused or stopped subscription of this channel again, from ``now``: its
        digests and alerts take only stories listed from then on (what came while it was paused
        is not posted as a burst). The subscription as it was (None when the channel has no such
        subscription)."""
        if not _storable(subscription_id):
            return None
        query = (
            select(SubscriptionRow)
            .where(SubscriptionRow.id == subscription_id, SubscriptionRow.active.is_(True))
            .where(*_at(SubscriptionRow, destination))
            .with_for_update()
        )
        with self._session.begin() as session:
            row = session.scalars(query).one_or_none()
            if row is None:
                return None
            before = _subscription(row)
            if row.paused or row.quarantined:
                row.paused = row.quarantined = None
                row.since = max(row.since, now)
            return before

    def remove_subscription(self, subscription_id: int, destination: Destination) -> bool:
        """Deactivate a subscription of this channel (history is kept); False when none."""
        if not _storable(subscription_id):
            return False
        query = (
            update(SubscriptionRow)
            .where(SubscriptionRow.id == subscription_id, SubscriptionRow.active.is_(True))
            .where(*_at(SubscriptionRow, destination))
            .values(active=False)
        )
        with self._session.begin() as session:
            return session.execute(query).rowcount > 0  # type: ignore[attr-defined, no-any-return]

    # -- deliveries ----------------------------------------------------------------------

    def claim(
        self,
        subscription_id: int,
        slot_key: str,
        *,
        slot_time: datetime,
        kind: str,
        worker: str,
        now: datetime,
        lease: timedelta,
        article_ids: Sequence[int] = (),
        payload: dict[str, Any] | None = None,
        exclusive: bool = True,
    ) -> Delivery | None:
        """Claim a slot before posting it: the one process whose insert lands gets the
        delivery; everyone else (and every later tick) gets None. The lease runs ``lease`` from
        the database's clock (``now`` is the caller's, recorded as the claim time).

        The articles are reserved for the subscription's channel in the same transaction (they
        count as sent from now on, so no other digest of that channel carries them). With
        ``exclusive`` the delivery keeps only the articles it reserved; without (alerts), all.
        """
        statement = self._insert(DeliveryRow).values(
            subscription_id=subscription_id, slot_key=slot_key, slot_time=slot_time, kind=kind,
            state="claimed", attempts=1, worker=worker, claimed_at=now,
            lease_until=database_now(lease.total_seconds()),
            article_ids=[], payload=payload or {},
        ).on_conflict_do_nothing()
        with self._session.begin() as session:
            new_id = session.execute(statement.returning(DeliveryRow.id)).scalar_one_or_none()
            if new_id is None:
                return None
            row = session.get_one(DeliveryRow, new_id)
            wanted = list(dict.fromkeys(article_ids))
            if wanted:
                subscription = session.get_one(SubscriptionRow, subscription_id)
                reserve = self._insert(SentArticleRow).values([
                    {"platform": subscription.platform, "workspace": subscription.workspace,
                     "channel": subscription.channel, "article_id": article_id, "delivery_id": new_id,
                     "sent_at": now}
                    for article_id in wanted
                ]).on_conflict_do_nothing().returning(SentArticleRow.article_id)
                reserved = set(session.execute(reserve).scalars())
                row.article_ids = [a for a in wanted if a in reserved] if exclusive else wanted
                session.flush()
            return _delivery(row)

    def is_claimed(self, subscription_id: int, slot_key: str) -> bool:
        """Whether a delivery exists for this slot (in any state)."""
        query = select(DeliveryRow.id).where(
            DeliveryRow.subscription_id == subscription_id, DeliveryRow.slot_key == slot_key
        )
        with self._reading() as session:
            return session.execute(query).first() is not None

    def last_digests(self, subscription_ids: Iterable[int]) -> dict[int, Delivery]:
        """Each subscription's latest digest that was to be posted (skipped empty ones aside)."""
        wanted = and_(DeliveryRow.subscription_id.in_(list(subscription_ids)), DeliveryRow.kind == "digest",
                      DeliveryRow.state != "skipped")
        latest = (select(DeliveryRow.subscription_id, func.max(DeliveryRow.slot_time).label("slot_time"))
                  .where(wanted).group_by(DeliveryRow.subscription_id).subquery())
        same = and_(DeliveryRow.subscription_id == latest.c.subscription_id,
                    DeliveryRow.slot_time == latest.c.slot_time)
        # ordered so that a tie (impossible for digests: one per slot) always resolves to the last row
        query = select(DeliveryRow).join(latest, same).where(wanted).order_by(DeliveryRow.id)
        with self._reading() as session:
            return {row.subscription_id: _delivery(row) for row in session.scalars(query)}

    def reclaim(
        self, *, worker: str, now: datetime, lease: timedelta, max_attempts: int,
        platforms: Iterable[str] | None = None, skip: Iterable[int] = (),
    ) -> Reclaimed:
        """Take over deliveries whose claimant died (lease expired by the database's clock) or
        whose retry time (``now``, the caller's clock) has come, for subscriptions on
        ``platforms`` (default all), except the ``skip`` ids (the caller's own posts under way).
        Each is taken by one process only (a conditional update that also advances the fence,
        ``attempts``). Those out of attempts are given up: marked failed for good (when the
        claimant died during the last attempt, with ``STOPPED`` as the reason)."""
        retryable = or_(
            and_(DeliveryRow.state == "claimed", DeliveryRow.lease_until < database_now()),
            and_(DeliveryRow.state == "failed", DeliveryRow.next_attempt.is_not(None),
                 DeliveryRow.next_attempt <= now),
        )
        query = select(DeliveryRow.id, DeliveryRow.attempts).where(retryable)
        if skip:
            query = query.where(DeliveryRow.id.not_in(list(skip)))
        if platforms is not None:
            on_platforms = select(SubscriptionRow.id).where(SubscriptionRow.platform.in_(list(platforms)))
            query = query.where(DeliveryRow.subscription_id.in_(on_platforms))
        with self._reading() as session:
            candidates = list(session.execute(query.order_by(DeliveryRow.id)))
        taken: list[Delivery] = []
        given_up: list[Delivery] = []
        died = case((DeliveryRow.state == "claimed", STOPPED), else_=DeliveryRow.error)
        for delivery_id, attempts in candidates:
            with self._session.begin() as session:
                unchanged = and_(DeliveryRow.id == delivery_id, DeliveryRow.attempts == attempts, retryable)
                if attempts >= max_attempts:
                    ended = session.execute(update(DeliveryRow).where(unchanged)
                                            .values(state="failed", next_attempt=None, error=died))
                    if ended.rowcount == 1:  # type: ignore[attr-defined]
                        session.execute(_release(delivery_id))
                        given_up.append(_delivery(session.get_one(DeliveryRow, delivery_id)))
                    continue
                result = session.execute(
                    update(DeliveryRow).where(unchanged)
                    .values(state="claimed", worker=worker, attempts=attempts + 1,
                            lease_until=database_now(lease.total_seconds()), next_attempt=None)
                )
                if result.rowcount == 1:  # type: ignore[attr-defined]
                    taken.append(_delivery(session.get_one(DeliveryRow, delivery_id)))
        return Reclaimed(taken, given_up)

    def extend_lease(self, delivery_id: int, *, fence: int, lease: timedelta) -> bool:
        """Renew a claim for ``lease`` from the database's clock, if it is still held: state
        claimed, fence (``attempts``) unchanged and lease not expired. False means another
        worker took it over (or may now): the caller must not post."""
        query = (
            update(DeliveryRow)
            .where(DeliveryRow.id == delivery_id, DeliveryRow.attempts == fence,
                   DeliveryRow.state == "claimed", DeliveryRow.lease_until >= database_now())
            .values(lease_until=database_now(lease.total_seconds()))
        )
        with self._session.begin() as session:
            return session.execute(query).rowcount == 1  # type: ignore[attr-defined, no-any-return]

    def mark_sent(self, delivery_id: int, *, fence: int, now: datetime) -> bool:
        """Record a delivery as posted (its articles were reserved for the channel at claim).
        Recorded too when the claim was taken over meanwhile but not yet posted or failed by
        the new holder (whose check before posting then fails): the post happened. Returns
        whether this worker still held the claim (``fence`` unchanged)."""
        posted_here = or_(DeliveryRow.attempts == fence, DeliveryRow.state == "claimed")
        with self._session.begin() as session:
            held = session.execute(
                select(DeliveryRow.attempts == fence).where(DeliveryRow.id == delivery_id)
            ).scalar_one()
            session.execute(
                update(DeliveryRow).where(DeliveryRow.id == delivery_id, posted_here)
                .values(state="sent", sent_at=now, error=None, next_attempt=None)
            )
            return bool(held)

    def mark_skipped(self, delivery_id: int, *, now: datetime) -> None:
        """Record a digest slot that had nothing new (and posts nothing)."""
        with self._session.begin() as session:
            session.execute(
                update(DeliveryRow).where(DeliveryRow.id == delivery_id).values(state="skipped", sent_at=now)
            )

    def mark_failed(self, delivery_id: int, *, fence: int, error: str, retry_at: datetime | None) -> bool:
        """Record a failed post: retried from ``retry_at``, or never when it is None (then its
        articles are released for the channel's next digest). Only while the claim with
        ``fence`` is held; False when another worker has it now."""
        with self._session.begin() as session:
            result = session.execute(
                update(DeliveryRow)
                .where(DeliveryRow.id == delivery_id, DeliveryRow.attempts == fence,
                       DeliveryRow.state == "claimed")
                .values(state="failed", error=error[:_ERROR_LENGTH], next_attempt=retry_at)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                return False
            if retry_at is None:
                session.execute(_release(delivery_id))
            return True

    def sent_article_ids(self, destination: Destination) -> set[int]:
        """Ids of the articles already posted to a channel."""
        query = select(SentArticleRow.article_id).where(*_sent_to(destination))
        with self._reading() as session:
            return set(session.scalars(query))


def article_row(
    article: Article, *, fetched_at: datetime, listed_at: datetime | None, feed_id: int | None = None
) -> dict[str, Any]:
    """The ``articles`` row that stores ``article`` (identity columns computed, long fields cut)."""
    return {
        "uid": article.id,
        "canonical_url": canonical_url(article.url),
        "content_hash": content_hash(article.text),
        "url": article.url,
        "title": article.title[:1000],
        "source": article.source[:300] if article.source else None,
        "published": article.published,
        "fetched_at": fetched_at,
        "listed_at": listed_at,
        "language": article.language,
        "text": article.text,
        "tags": list(article.tags),
        "origin": article.origin[:2000],
        "feed_id": feed_id,
    }


def _release(delivery_id: int) -> Any:
    """Forget a given-up delivery's article reservations (the channel's next digest gets them)."""
    return delete(SentArticleRow).where(SentArticleRow.delivery_id == delivery_id)


def _at(model: type[SubscriptionRow] | type[FeedFollowerRow], destination: Destination) -> tuple[Any, ...]:
    """The rows of one channel (``model`` has platform, workspace and channel columns)."""
    return (model.platform == destination.platform, model.workspace == (destination.workspace or ""),
            model.channel == destination.channel)


def _scope(destination: Destination) -> dict[str, str]:
    """A chat channel as the columns of ``feed_followers``."""
    return {"platform": destination.platform, "workspace": destination.workspace or "",
            "channel": destination.channel}


def _followed_by(destination: Destination) -> Any:
    """The ids of the feeds a channel follows."""
    return select(FeedFollowerRow.feed_id).where(*_at(FeedFollowerRow, destination))


def _listed_for(destination: Destination, since: datetime) -> tuple[Any, ...]:
    """Articles listed since ``since`` that a channel's digests and alerts may take: the
    operator's (no feed: seed corpus and folders; or an operator feed) and those of the feeds
    the channel follows, never another channel's feed."""
    operator_feeds = select(FeedRow.id).where(FeedRow.operator.is_(True))
    reaches = or_(ArticleRow.feed_id.is_(None), ArticleRow.feed_id.in_(operator_feeds),
                  ArticleRow.feed_id.in_(_followed_by(destination)))
    return ArticleRow.listed_at.is_not(None), ArticleRow.listed_at >= since, reaches


def _delete_feed(session: Any, *which: Any) -> bool:
    """Delete the feeds ``which`` selects; whether one was. Their articles stay (for ``summary``
    and ``search``), but a chat feed's leave digests and alerts (unlisted): without their feed
    they would read as the operator's and reach every channel."""
    chat_feeds = select(FeedRow.id).where(*which, FeedRow.operator.is_(False))
    session.execute(update(ArticleRow).where(ArticleRow.feed_id.in_(chat_feeds)).values(listed_at=None))
    return session.execute(delete(FeedRow).where(*which)).rowcount > 0  # type: ignore[no-any-return]


def _sent_to(destination: Destination) -> tuple[Any, ...]:
    return (SentArticleRow.platform == destination.platform,
            SentArticleRow.workspace == (destination.workspace or ""),
            SentArticleRow.channel == destination.channel)


def _article(row: ArticleRow) -> StoredArticle:
    article = Article(
        id=row.uid, title=row.title, text=row.text, source=row.source, url=row.url,
        published=row.published, language=row.language,
        reference_date=row.published.date() if row.published else None,
        tags=tuple(row.tags), origin=row.origin,
    )
    return StoredArticle(row.id, article, row.fetched_at, row.listed_at, row.feed_id)


def _feed(row: FeedRow) -> FeedInfo:
    added_by = (
        Destination(row.added_platform, row.added_channel, row.added_workspace)
        if row.added_platform and row.added_channel else None
    )
    return FeedInfo(
        id=row.id, url=row.url, title=row.title, etag=row.etag, last_modified=row.last_modified,
        since=row.since, created_at=row.created_at, added_by=added_by, poll_interval=row.poll_interval,
        next_poll=row.next_poll, last_polled=row.last_polled, polled_once=row.polled_once,
        failures=row.failures, failing_since=row.failing_since, last_error=row.last_error,
        paused=row.paused, gone=row.gone, operator=row.operator,
    )


def _subscription(row: SubscriptionRow) -> Subscription:
    return Subscription(
        destination=Destination(row.platform, row.channel, row.workspace or None),
        schedule=row.schedule, cron=row.cron, timezone=row.timezone, since=row.since,
        created_by=row.created_by, keywords=tuple(row.keywords), sources=tuple(row.sources),
        sentences=row.sentences, method=row.method, include_incidents=row.include_incidents,
        alert_fatalities=row.alert_fatalities, announce_empty=row.announce_empty,
        exclude=tuple(row.exclude),
        ping=Ping(row.ping_id, row.ping_name or row.ping_id) if row.ping_id else None,
        id=row.id, created_at=row.created_at, active=row.active,
        quarantined=stop_reason(row.quarantined, row.schedule, row.timezone), paused=row.paused,
    )


def _delivery(row: DeliveryRow) -> Delivery:
    return Delivery(
        id=row.id, subscription_id=row.subscription_id, slot_key=row.slot_key, slot_time=row.slot_time,
        kind=row.kind, state=row.state, attempts=row.attempts, worker=row.worker,
        lease_until=row.lease_until, article_ids=tuple(row.article_ids), payload=dict(row.payload),
        error=delivery_error(row.error), next_attempt=row.next_attempt,
    )



def matches_filters(article: Article, *, keywords: Sequence[str], sources: Sequence[str],
                    exclude: Sequence[str] = ()) -> bool:
    """Whether an article passes a subscription's source, keyword and excluded-word filters."""
    if sources and (article.source or "").lower() not in {s.lower() for s in sources}:
        return False
    return KeywordFilter(keywords, exclude).matches(article.title, article.text)
