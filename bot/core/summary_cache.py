"""The one summary cache: recent summaries in memory, all of them in the store when there is one
(so restarts and other processes reuse them)."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from summarizer.articles.model import Article
from summarizer.summary import ScoredSentence, Summary

__all__ = ["SummarizeFn", "SummaryCache", "SummaryStore"]

log = logging.getLogger(__name__)

SummarizeFn = Callable[[Article, str, int], Summary]
"""(article, method, sentences) -> Summary."""


class SummaryStore(Protocol):
    """Where summaries outlive the process (``bot.store.Store``)."""

    def cached_summary(self, uid: str, key: str) -> dict[str, Any] | None:
        """A summary stored by ``cache_summary``."""
        ...

    def cache_summary(self, uid: str, key: str, data: dict[str, Any], *, now: datetime) -> bool:
        """Keep a summary of a stored article (False when no stored article has ``uid``)."""
        ...


def _to_data(summary: Summary) -> dict[str, Any]:
    return {"method": summary.method, "total": summary.total_sentences,
            "sentences": [[s.index, s.text, s.score] for s in summary.sentences]}


def _from_data(data: dict[str, Any]) -> Summary:
    sentences = tuple(ScoredSentence(int(i), str(text), float(score)) for i, text, score in data["sentences"])
    return Summary(method=str(data["method"]), sentences=sentences, total_sentences=int(data["total"]))


class SummaryCache:
    """Summaries computed once per (article, method, sentences). A store that cannot be read or
    written is logged and summarizing goes on without it."""

    def __init__(self, summarize: SummarizeFn, store: SummaryStore | None = None, size: int = 20_000) -> None:
        self._summarize = summarize
        self._store = store
        self._size = size
        self._lock = threading.Lock()
        self._recent: OrderedDict[tuple[str, str, int], Summary] = OrderedDict()

    def get(self, article: Article, method: str, sentences: int) -> Summary:
        """The article's summary: from memory, else the store, else summarized now."""
        key = (article.id, method, sentences)
        with self._lock:
            cached = self._recent.get(key)
            if cached is not None:
                self._recent.move_to_end(key)
                return cached
        result = self._stored(article, method, sentences)
        if result is None:
            result = self._summarize(article, method, sentences)
            self._keep(article, method, sentences, result)
        with self._lock:
            self._recent[key] = result
            while len(self._recent) > self._size:
                self._recent.popitem(last=False)
        return result

    def forget(self, article_id: str) -> None:
        """Drop an article's summaries from memory."""
        with self._lock:
            for key in [k for k in self._recent if k[0] == article_id]:
                del self._recent[key]

    def _stored(self, article: Article, method: str, sentences: int) -> Summary | None:
        if self._store is None:
            return None
        try:
            data = self._store.cached_summary(article.id, f"{method}:{sentences}")
            return _from_data(data) if data is not None else None
        except Exception:  # a broken cache entry or database: summarize instead
            log.warning("summary cache unreadable for %s", article.id, exc_info=True)
            return None

    def _keep(self, article: Article, method: str, sentences: int, summary: Summary) -> None:
        if self._store is None:
            return
        try:
            self._store.cache_summary(article.id, f"{method}:{sentences}", _to_data(summary),
                                      now=datetime.now(UTC))
        except Exception:  # the summary is still answered
            log.warning("summary cache not written for %s", article.id, exc_info=True)
