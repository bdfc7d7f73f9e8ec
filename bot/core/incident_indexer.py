"""The corpus's incident index, filled as articles arrive: extractions an archive already holds
are read back, other articles are extracted, in a background thread when asked."""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from bot.core.incident_index import IncidentHit, IncidentIndex, IncidentQuery
from bot.vocabulary import ArticleHead, ExtractFn
from summarizer.articles.model import Article

__all__ = ["STOP_TIMEOUT", "IncidentIndexer", "settle"]

log = logging.getLogger(__name__)

_WAIT_FOR_BACKLOG = 100  # a request indexes up to this many pending articles itself
STOP_TIMEOUT = 30.0  # seconds ``stop`` waits for the article in hand


def settle() -> None:
    """Move the long-lived indexes just built out of the cyclic garbage collector's scans, so a
    full collection does not pause a request for hundreds of milliseconds on a large corpus."""
    gc.collect()
    gc.freeze()


class IncidentIndexer:
    """Keeps an ``IncidentIndex`` in step with the listed articles (thread-safe)."""

    def __init__(
        self,
        extract: ExtractFn,
        *,
        load: Callable[[ArticleHead], Article | None],
        stored: Callable[[], dict[str, list[dict[str, Any]]]],
        in_background: bool,
    ) -> None:
        self._extract = extract
        self._load = load
        self._read_stored = stored
        self._in_background = in_background
        self._lock = threading.RLock()
        self._index = IncidentIndex()
        self._unindexed: set[str] = set()  # listed articles whose incidents are not indexed yet
        self._stored: dict[str, list[dict[str, Any]]] | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()  # set by stop: no more background indexing

    def track(self, added: Iterable[str], removed: Iterable[str]) -> None:
        """Note listed articles added (to index) and removed (to forget)."""
        with self._lock:
            for article_id in removed:
                self._index.remove(article_id)
                self._unindexed.discard(article_id)
            self._unindexed |= {i for i in added if i not in self._index}

    def start(self, listing: Callable[[], Sequence[ArticleHead]]) -> None:
        """Index what is pending in a background thread (newest first), when so configured."""
        with self._lock:
            if not self._unindexed or not self._in_background or self._busy() or self._stopping.is_set():
                return
            self._thread = threading.Thread(target=self._run, args=(listing,), name="corpus-indexer",
                                            daemon=True)
            self._thread.start()

    def _run(self, listing: Callable[[], Sequence[ArticleHead]]) -> None:
        began = time.perf_counter()
        while True:  # articles that arrive meanwhile are read too
            with self._lock:
                unindexed = set(self._unindexed)
            pending = [a for a in listing() if a.id in unindexed]
            if not pending:
                break
            for head in pending:
                if self._stopping.is_set():
                    return
                self.index((head,))
        settle()
        log.info("incident index ready: %d articles in %.1f s", len(listing()), time.perf_counter() - began)

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """End background indexing after the article in hand and wait for it, ``timeout`` seconds
        at most (before the store closes); requests still index what they need themselves."""
        self._stopping.set()
        with self._lock:
            thread = self._thread
        if thread is None:
            return
        thread.join(timeout)
        if thread.is_alive():
            log.warning("the incident indexer is still reading an article after %g s; going on without it",
                        timeout)

    def _busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def backlog(self) -> int:
        """How many articles the background indexer has still to read (0 when idle)."""
        with self._lock:
            return len(self._unindexed) if self._busy() else 0

    def pending(self) -> set[str]:
        """Ids of the listed articles not indexed yet."""
        with self._lock:
            return set(self._unindexed)

    def index(self, pending: Iterable[ArticleHead]) -> None:
        """Index these articles' incidents: archive extractions read back, the others extracted."""
        with self._lock:
            if self._stored is None:
                self._stored = self._read_stored()
            stored = self._stored
        for head in pending:
            with self._lock:
                if head.id in self._index:
                    self._unindexed.discard(head.id)
                    continue
                records = stored.pop(head.id, None)
                if records is not None:
                    self._unindexed.discard(head.id)
                    self._index.add(head, records)
                    continue
            article = self._load(head)
            if article is not None:
                self._index_safely(article)

    def of(self, article: Article) -> tuple[IncidentHit, ...]:
        """The article's incident records (extracted once)."""
        with self._lock:
            if article.id in self._index:
                return self._index.of_article(article.id)
        records = list(self._extract(article))
        with self._lock:
            self._unindexed.discard(article.id)
            return self._index.add(ArticleHead.of(article), records)

    def _index_safely(self, article: Article) -> None:
        try:
            self.of(article)
        except Exception:  # one article the extractor chokes on must not hide the rest
            log.exception("incident extraction failed for %s", article.id)
            with self._lock:
                self._unindexed.discard(article.id)
                self._index.add(ArticleHead.of(article), ())

    def query(self, query: IncidentQuery, limit: int, pending: Callable[[], Iterable[ArticleHead]]
              ) -> tuple[list[IncidentHit], int]:
        """Hits matching ``query``; the ``pending`` articles are indexed first unless the
        background indexer has a long way to go (then the answer covers what is indexed)."""
        if self.backlog() <= _WAIT_FOR_BACKLOG:
            self.index(pending())
        with self._lock:
            return self._index.query(query, limit)
