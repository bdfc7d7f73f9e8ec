"""Plain records the store hands out (never live ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.vocabulary import Destination, Ping
from summarizer.articles.model import Article

__all__ = [
    "Delivery",
    "FeedInfo",
    "NewSubscription",
    "Reclaimed",
    "StoredArticle",
    "StoredIncident",
    "Subscription",
]


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article with its store id and when it arrived (``listed_at`` None: back catalogue)."""

    id: int
    article: Article
    fetched_at: datetime
    listed_at: datetime | None
    feed_id: int | None = None


@dataclass(frozen=True, slots=True)
class StoredIncident:
    """One incident record (``Incident.to_dict()``) of a stored article's extraction."""

    article_id: int
    position: int  # order within the article's extracted incidents
    data: dict[str, Any]
    fatalities: int | None  # None when the extractor flagged the count as implausible

    @classmethod
    def of(cls, article_id: int, position: int, data: dict[str, Any]) -> StoredIncident:
        """The record with its fatality count, unless the extractor flagged it as implausible
        (alerts must not fire on a misread number)."""
        implausible = "implausible_fatalities" in data.get("flags", ())
        return cls(article_id, position, data, None if implausible else data.get("fatalities"))

    @property
    def slot(self) -> str:
        """Its alert's delivery slot: one alert per incident and subscription."""
        return f"alert:{self.article_id}:{self.position}"


@dataclass(frozen=True, slots=True)
class FeedInfo:
    """A feed and its polling state."""

    id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    since: datetime
    created_at: datetime
    added_by: Destination | None
    poll_interval: int
    next_poll: datetime
    last_polled: datetime | None
    polled_once: bool
    failures: int
    failing_since: datetime | None
    last_error: str | None
    paused: bool
    gone: bool = False  # paused because its server said it was removed for good (HTTP 410)
    operator: bool = False  # the operator's feed, for every channel (else it belongs to its followers)

    @property
    def name(self) -> str:
        """The feed's title when known, else its URL."""
        return self.title or self.url

    @property
    def paused_by_hand(self) -> bool:
        """Paused by a channel manager or the operator, not after failed polls."""
        return self.paused and self.failing_since is None


@dataclass(frozen=True, slots=True)
class NewSubscription:
    """What a ``subscribe`` command asks for."""

    destination: Destination
    schedule: str
    cron: str
    timezone: str
    since: datetime
    created_by: str
    keywords: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    sentences: int = 3
    method: str = "default"
    include_incidents: bool = True
    alert_fatalities: int | None = None
    announce_empty: bool = False
    exclude: tuple[str, ...] = ()  # stories with any of these words are left out
    ping: Ping | None = None  # the role or user group its alerts mention


@dataclass(frozen=True, slots=True)
class Subscription(NewSubscription):
    """A stored subscription."""

    id: int = 0
    created_at: datetime | None = None
    active: bool = True
    quarantined: str | None = None  # why it failed at run time (then it gets no digests)
    paused: str | None = None  # why its channel cannot be posted to (no digests until resumed)


@dataclass(frozen=True, slots=True)
class Delivery:
    """A claimed post: digest slot, alert or notice, with the articles it carries."""

    id: int
    subscription_id: int
    slot_key: str
    slot_time: datetime
    kind: str
    state: str
    attempts: int
    worker: str
    lease_until: datetime
    article_ids: tuple[int, ...] = ()
    payload: dict[str, Any] = field(default_factory=dict)
    error: str | None = None  # why the last attempt failed, as the channel's members may read it
    next_attempt: datetime | None = None  # a failed post's retry; None once given up


@dataclass(frozen=True, slots=True)
class Reclaimed:
    """What ``Store.reclaim`` did: the deliveries it took over for another attempt, and those
    out of attempts that it gave up."""

    taken: list[Delivery]
    given_up: list[Delivery]
