"""What the corpus keeps of every article in memory: the fields a listing, a lookup and an
incident card need (the text is read on demand)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from summarizer.articles.model import Article

__all__ = ["ArticleHead", "Listed"]


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
    """An article without its text."""

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
