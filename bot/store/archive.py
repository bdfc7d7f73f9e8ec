"""The store as the corpus's archive of articles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.store.extractions import extractor_version
from bot.store.store import Store
from bot.vocabulary import ArticleHead
from summarizer.articles.model import Article

__all__ = ["StoreArticles"]


class StoreArticles:
    """The store's articles as the corpus's archive (``bot.core.corpus.ArticleArchive``): heads
    listed incrementally, text read on demand, words found by the store's full-text index,
    incident extractions read back by article id (stored articles never change)."""

    name = "store"

    def __init__(self, store: Store, extractor: str | None = None) -> None:
        self.store = store
        self.extractor = extractor or extractor_version()

    def heads_after(self, cursor: int) -> list[tuple[int, ArticleHead]]:
        """Articles stored after ``cursor`` (a store id), with their store ids."""
        return self.store.article_heads(cursor)

    def load(self, article_id: str) -> Article | None:
        """One article with its text."""
        return self.store.article_by_uid(article_id)

    def search(self, terms: Sequence[str], *, offset: int = 0, limit: int, titles_only: bool = False
               ) -> tuple[list[str], int]:
        """Ids of the articles holding every term (in the title first, then newest first), a
        page of them, and how many in all."""
        return self.store.search_articles(terms, offset=offset, limit=limit, titles_only=titles_only)

    def extractions(self) -> dict[str, list[dict[str, Any]]]:
        """The extractions of the stored articles by the current extractor version, by article id."""
        return self.store.stored_article_extractions(self.extractor)
