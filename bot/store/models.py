"""The store's tables (SQLAlchemy 2 declarative models). The schema itself is created and
changed only by the Alembic migrations in ``bot/store/migrations``; a test checks they agree."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "ArticleRow",
    "Base",
    "DeliveryRow",
    "ExtractionRow",
    "FeedFollowerRow",
    "FeedRow",
    "SeenRequestRow",
    "SentArticleRow",
    "SubscriptionRow",
    "SummaryRow",
    "UTCDateTime",
]


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime, stored as naive UTC so SQLite and PostgreSQL behave the same."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; pass an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with stable constraint names (migrations refer to them)."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), dict[str, Any]: JSON()}


class FeedRow(Base):
    """An RSS/Atom feed and its polling state. ``operator``: published by the bot's operator (the
    command line) for every channel; a feed added from chat belongs to the channels following it."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    title: Mapped[str | None] = mapped_column(String(500))
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    since: Mapped[datetime]  # items published before this are back catalogue
    created_at: Mapped[datetime]
    added_platform: Mapped[str | None] = mapped_column(String(20))
    added_workspace: Mapped[str | None] = mapped_column(String(100))
    added_channel: Mapped[str | None] = mapped_column(String(100))
    poll_interval: Mapped[int] = mapped_column(Integer)  # seconds
    next_poll: Mapped[datetime]
    last_polled: Mapped[datetime | None]
    polled_once: Mapped[bool] = mapped_column(Boolean, default=False)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    failing_since: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(500))
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    gone: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # HTTP 410
    operator: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class FeedFollowerRow(Base):
    """A channel that added a feed from chat: its managers may remove (unfollow) or resume it."""

    __tablename__ = "feed_followers"
    __table_args__ = (Index("ix_feed_followers_channel", "platform", "workspace", "channel"),)

    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True)
    platform: Mapped[str] = mapped_column(String(20), primary_key=True)
    workspace: Mapped[str] = mapped_column(String(100), primary_key=True)  # "" when the platform has none
    channel: Mapped[str] = mapped_column(String(100), primary_key=True)
    added_at: Mapped[datetime]


class ArticleRow(Base):
    """A stored article, deduplicated by canonical URL and by content hash."""

    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_listed_at", "listed_at"),
        Index("ix_articles_uid", "uid"),
        Index("ix_articles_newest", "published", "uid"),  # search walks it newest first
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(64))  # summarizer Article.id
    canonical_url: Mapped[str | None] = mapped_column(String(2000), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str] = mapped_column(String(1000))
    source: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[datetime | None]
    fetched_at: Mapped[datetime]
    listed_at: Mapped[datetime | None]  # None: back catalogue, never put in a digest
    language: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(JSON)
    origin: Mapped[str] = mapped_column(String(2000))
    feed_id: Mapped[int | None] = mapped_column(ForeignKey("feeds.id", ondelete="SET NULL"))


class SummaryRow(Base):
    """A cached summary of an article for one method and length (``sentences`` holds the
    summary as JSON: method, total sentence count, chosen sentences with index and score)."""

    __tablename__ = "summaries"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    sentences: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime]


class ExtractionRow(Base):
    """The incident records one extractor version found in one article (seed or stored),
    ``[]`` when none, so that restarts and other processes do not extract them again.
    ``input_hash`` covers what the extractor reads; a changed article is extracted again."""

    __tablename__ = "incident_extractions"

    article_uid: Mapped[str] = mapped_column(String(64), primary_key=True)  # summarizer Article.id
    extractor: Mapped[str] = mapped_column(String(100), primary_key=True)
    input_hash: Mapped[str] = mapped_column(String(64))
    records: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    created_at: Mapped[datetime]


class SubscriptionRow(Base):
    """A channel's digest subscription: schedule, filters, length, alert rule."""

    __tablename__ = "subscriptions"
    __table_args__ = (Index("ix_subscriptions_destination", "platform", "workspace", "channel"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    workspace: Mapped[str] = mapped_column(String(100))  # "" when the platform has none
    channel: Mapped[str] = mapped_column(String(100))
    schedule: Mapped[str] = mapped_column(String(200))  # as the user wrote it
    cron: Mapped[str] = mapped_column(String(200))  # normalized cron expression
    timezone: Mapped[str] = mapped_column(String(64))
    keywords: Mapped[list[str]] = mapped_column(JSON)
    sources: Mapped[list[str]] = mapped_column(JSON)
    sentences: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(50))
    include_incidents: Mapped[bool] = mapped_column(Boolean)
    alert_fatalities: Mapped[int | None] = mapped_column(Integer)
    announce_empty: Mapped[bool] = mapped_column(Boolean)
    since: Mapped[datetime]
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    exclude: Mapped[list[str]] = mapped_column(JSON, server_default="[]")
    ping_id: Mapped[str | None] = mapped_column(String(100))  # role / user group its alerts mention
    ping_name: Mapped[str | None] = mapped_column(String(200))
    quarantined: Mapped[str | None] = mapped_column(String(500))  # why it failed at run time
    paused: Mapped[str | None] = mapped_column(String(500))  # why its channel cannot be posted to


class DeliveryRow(Base):
    """One post to a subscription's channel, claimed before it is sent.

    ``slot_key`` is the slot's UTC time for digests, ``alert:<article id>:<position>`` for alerts and
    ``feed:<id>:<since>`` for feed failure notices; (subscription, slot_key) is unique.
    """

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("subscription_id", "slot_key"),
        Index("ix_deliveries_state", "state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id", ondelete="CASCADE"))
    slot_key: Mapped[str] = mapped_column(String(100))
    slot_time: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(20))  # digest | alert | notice
    state: Mapped[str] = mapped_column(String(20))  # claimed | sent | failed | skipped
    attempts: Mapped[int] = mapped_column(Integer)
    worker: Mapped[str] = mapped_column(String(200))
    claimed_at: Mapped[datetime]
    lease_until: Mapped[datetime]
    next_attempt: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    error: Mapped[str | None] = mapped_column(String(500))
    article_ids: Mapped[list[int]] = mapped_column(JSON)
    payload: Mapped[dict[str, Any]]


class SentArticleRow(Base):
    """An article already posted to a channel: never put in that channel's digests again."""

    __tablename__ = "sent_articles"

    platform: Mapped[str] = mapped_column(String(20), primary_key=True)
    workspace: Mapped[str] = mapped_column(String(100), primary_key=True)
    channel: Mapped[str] = mapped_column(String(100), primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    delivery_id: Mapped[int | None] = mapped_column(ForeignKey("deliveries.id", ondelete="SET NULL"))
    sent_at: Mapped[datetime]


class SeenRequestRow(Base):
    """A signed chat-platform request already answered, kept while a replay of it would still be
    accepted (Slack's five-minute window), so no process answers it twice."""

    __tablename__ = "seen_requests"
    __table_args__ = (Index("ix_seen_requests_until", "until"),)

    signature: Mapped[str] = mapped_column(String(100), primary_key=True)
    until: Mapped[datetime]
