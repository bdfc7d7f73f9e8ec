"""The bot's database: articles (deduplicated), incidents, feeds, subscriptions, deliveries, and
the corpus's caches (summaries, extracted incident records).

SQLite file by default, PostgreSQL by URL (``NEWSDIGEST_DATABASE_URL``); the schema is versioned
with Alembic migrations shipped in ``bot/store/migrations`` and applied when the store opens.
"""

from __future__ import annotations

from pathlib import Path

from bot.config import Settings
from bot.store.archive import StoreArticles
from bot.store.database import StoreError, database_url
from bot.store.explained import UNEXPLAINED, UNEXPLAINED_STOP, stop_reason
from bot.store.extractions import cached_incidents, extractor_version
from bot.store.identity import canonical_url, content_hash
from bot.store.store import STOPPED, AddedArticle, Store, matches_filters
from bot.store.values import (
    Delivery,
    FeedInfo,
    NewSubscription,
    Reclaimed,
    StoredArticle,
    StoredIncident,
    Subscription,
)

__all__ = [
    "STOPPED",
    "UNEXPLAINED",
    "UNEXPLAINED_STOP",
    "AddedArticle",
    "Delivery",
    "FeedInfo",
    "NewSubscription",
    "Reclaimed",
    "Store",
    "StoreArticles",
    "StoreError",
    "StoredArticle",
    "StoredIncident",
    "Subscription",
    "cached_incidents",
    "canonical_url",
    "content_hash",
    "database_url",
    "extractor_version",
    "matches_filters",
    "open_store",
    "settings_store",
    "stop_reason",
]


def open_store(url: str | None, *, sqlite_path: Path) -> Store:
    """Open (and migrate) the store at ``url``, or the SQLite file ``sqlite_path`` when unset."""
    return Store.open(database_url(url, sqlite_path))


def settings_store(settings: Settings) -> Store:
    """The store the settings name (``database_url``, else the SQLite file in ``data_dir``)."""
    url = settings.database_url.reveal() if settings.database_url else None
    return open_store(url, sqlite_path=settings.sqlite_path)
