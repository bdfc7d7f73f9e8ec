"""Values every layer of the bot speaks of: where a post goes, whom it may ping, the head of an
article, and the incident extractor's shape. This module imports nothing of the bot, so the
store, the feeds, the core and the scheduler can all share it without importing each other."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from summarizer.articles.model import Article

__all__ = ["ArticleHead", "Destination", "ExtractFn", "Listed", "Ping"]


@dataclass(frozen=True, slots=True)
class Destination:
    """Where a digest goes: platform, workspace (Discord guild or Slack team) and channel."""

    platform: str
    channel: str
    workspace: str | None = None


@dataclass(frozen=True, slots=True)
class Ping:
    """A role or user group to mention: the platform's id and the name people know it by."""

    id: str
    name: str


class Listed(Protocol):
    """An article as listed: an ``Article`` or its ``ArticleHead``."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def source(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def published(self) -> datetime | None: ...
    @property
    def reference_date(self) -> date | None: ...


@dataclass(frozen=True, slots=True)
class ArticleHead:
    """An article without its text: what the corpus keeps of every article in memory (the text
    is read on demand)."""

    id: str
    title: str
    source: str | None = None
    url: str | None = None
    published: datetime | None = None
    reference_date: date | None = None

    @classmethod
    def of(cls, article: Article) -> ArticleHead:
        """The head of a loaded article."""
        return cls(article.id, article.title, article.source, article.url, article.published,
                   article.reference_date)


ExtractFn = Callable[[Article], Iterable[Mapping[str, Any]]]
"""article -> its incident records (``Incident.to_dict()`` mappings), in article order."""
