"""Incident records kept in the store the way the feed poller keeps them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.store import Store, extractor_version
from bot.store.extractions import extraction_input


def store_incidents(store: Store, article_id: int, records: list[dict[str, Any]], *, now: datetime) -> None:
    """Keep ``records`` as the current extractor's incidents of the stored article ``article_id``."""
    stored = store.get_article(article_id)
    assert stored is not None
    store.save_extraction(stored.article.id, extractor_version(), extraction_input(stored.article), records,
                          now=now)
