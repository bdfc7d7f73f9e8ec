"""Summaries cached in the store, so restarts and other processes reuse them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bot.store.store import Store
from summarizer.articles.model import Article
from summarizer.summary import ScoredSentence, Summary

__all__ = ["SummarizeFn", "cached_summaries"]

log = logging.getLogger(__name__)

SummarizeFn = Callable[[Article, str, int], Summary]
"""(article, method, sentences) -> Summary, as ``bot.core.corpus.Corpus`` takes it."""


def _to_data(summary: Summary) -> dict[str, Any]:
    return {"method": summary.method, "total": summary.total_sentences,
            "sentences": [[s.index, s.text, s.score] for s in summary.sentences]}


def _from_data(data: dict[str, Any]) -> Summary:
    sentences = tuple(ScoredSentence(int(i), str(text), float(score)) for i, text, score in data["sentences"])
    return Summary(method=str(data["method"]), sentences=sentences, total_sentences=int(data["total"]))


def cached_summaries(summarize: SummarizeFn, store: Store) -> SummarizeFn:
    """``summarize`` with its results kept in the store for stored articles (others are just
    summarized). A database hiccup falls back to summarizing."""

    def run(article: Article, method: str, sentences: int) -> Summary:
        key = f"{method}:{sentences}"
        try:
            data = store.cached_summary(article.id, key)
            if data is not None:
                return _from_data(data)
        except (SQLAlchemyError, KeyError, TypeError, ValueError):
            log.warning("summary cache unreadable for %s", article.id, exc_info=True)
        summary = summarize(article, method, sentences)
        try:
            store.cache_summary(article.id, key, _to_data(summary), now=datetime.now(UTC))
        except SQLAlchemyError:
            log.warning("summary cache not written for %s", article.id, exc_info=True)
        return summary

    return run
