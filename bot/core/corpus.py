"""The articles the bot knows, with lookups, search, summaries and incidents: one facade over
the pieces that each do one job.

- ``Catalog``: merges the providers (seed files held in memory, the store read incrementally as
  an archive), numbers the articles newest first, finds one by number, id or URL, reads texts
  on demand;
- ``WordIndex``: title and text words of the articles held in memory (archives search their own
  full-text index);
- ``SummaryCache``: summaries computed once (in memory, and in the store when there is one);
- ``IncidentIndexer``: the incident index, filled in the background as articles arrive.

Providers are polled at most every ``rescan_interval`` seconds, so new seed files and newly
stored articles show up without a restart.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.core.catalog import Catalog
from bot.core.format import shorten
from bot.core.incident_index import IncidentHit, IncidentQuery
from bot.core.incident_indexer import IncidentIndexer, settle
from bot.core.providers import ArticleArchive, ArticleProvider, LoadFn, SeedDirectory
from bot.core.summary_cache import SummarizeFn, SummaryCache, SummaryStore
from bot.core.word_index import WordIndex, lower_words
from bot.vocabulary import ArticleHead, ExtractFn, Listed
from summarizer.articles.model import Article
from summarizer.summary import Summary

log = logging.getLogger(__name__)

# An article's number from sources as typed, in any script's decimal digits (int() reads them), with a
# sign too: "-1" is a wrong number, not words.
_ARTICLE_NUMBER = re.compile(r"[+-]?\d{1,7}")

__all__ = [
    "ArticleArchive",
    "ArticleNotFound",
    "ArticleProvider",
    "Corpus",
    "ExtractFn",
    "LoadFn",
    "RefreshReport",
    "SeedDirectory",
    "SummarizeFn",
]


class ArticleNotFound(LookupError):
    """No article matches a reference; ``str(error)`` is a message for the user."""


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """What a refresh changed."""

    added: int
    removed: int
    total: int
    failures: tuple[str, ...] = ()


class Corpus:
    """Articles from providers, newest first, with lookups, search and cached summaries/incidents.

    Thread-safe: handlers may run the slow parts in a worker thread.
    """

    def __init__(
        self,
        providers: Sequence[ArticleProvider | ArticleArchive],
        *,
        summarize: SummarizeFn,
        extract: ExtractFn,
        summary_store: SummaryStore | None = None,
        rescan_interval: float = 0.5,
        summary_cache_size: int = 20_000,
        index_in_background: bool = False,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._catalog = Catalog(providers)
        self._words = WordIndex()
        self._summaries = SummaryCache(summarize, summary_store, summary_cache_size)
        self._incidents = IncidentIndexer(extract, load=self._load, stored=self._stored_extractions,
                                          in_background=index_in_background)
        self._rescan_interval = rescan_interval
        self._monotonic = monotonic
        self._lock = threading.RLock()
        self._failures: tuple[str, ...] = ()
        self._checked_at: float | None = None

    # -- loading -------------------------------------------------------------------------------

    def refresh(self, *, force: bool = False) -> RefreshReport:
        """Read what the providers added or changed (at most every ``rescan_interval`` seconds
        unless ``force``)."""
        with self._lock:
            now = self._monotonic()
            total = len(self._catalog.ordered)
            if not force and self._checked_at is not None and now - self._checked_at < self._rescan_interval:
                return RefreshReport(0, 0, total, self._failures)
            self._checked_at = now
            changes = self._catalog.refresh(force=force)
            self._failures = changes.failures
            for head, held in changes.removed:
                if held is not None:
                    self._words.remove(held)
                self._summaries.forget(head.id)
            for _, held in changes.added:
                if held is not None:
                    self._words.add(held)
            self._incidents.track((h.id for h, _ in changes.added), (h.id for h, _ in changes.removed))
            self._incidents.start(self.articles)
            return RefreshReport(len(changes.added), len(changes.removed), len(self._catalog.ordered),
                                 self._failures)

    def _stored_extractions(self) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = {}
        for archive in self._catalog.archives:
            try:
                found.update(archive.extractions())
            except Exception as exc:  # extracting again is slower, never wrong
                log.warning("stored incidents of %s unreadable: %s", archive.name, exc)
        return found

    def close(self) -> None:
        """Stop the background work (incident indexing) that writes to the store."""
        self._incidents.stop()

    # -- lookups -------------------------------------------------------------------------------

    def articles(self) -> Sequence[ArticleHead]:
        """Every known article (its head), newest first (numbered from 1 in that order)."""
        self.refresh()
        return self._catalog.ordered

    def __len__(self) -> int:
        return len(self.articles())

    def number(self, article: Listed) -> int | None:
        """The article's number in ``articles()`` (1 = newest), or None when not listed."""
        return self._catalog.number(article)

    def load(self, head: Listed) -> Article:
        """The listed article with its text; raises ``ArticleNotFound`` when its source lost it."""
        found = self._load(head)
        if found is None:
            raise ArticleNotFound(f"The article {shorten(head.title, 80)!r} cannot be read any more.")
        return found

    def _load(self, head: Listed) -> Article | None:
        if isinstance(head, Article):
            return head
        with self._lock:
            found = self._catalog.cached_text(head.id)
        if found is not None:
            return found
        for archive in self._catalog.archives:
            loaded = archive.load(head.id)
            if loaded is not None:
                with self._lock:
                    self._catalog.keep_text(loaded)
                return loaded
        return None

    def get(self, article_id: str) -> Article | None:
        """The article with this id."""
        self.refresh()
        with self._lock:
            found = self._catalog.head(article_id) or self._catalog.cached_text(article_id)
        return self._load(found) if found is not None else None

    def by_url(self, url: str) -> Article | None:
        """The known (or remembered) article with this URL."""
        self.refresh()
        with self._lock:
            found = self._catalog.by_url(url)
        return self._load(found) if found is not None else None

    def remember(self, article: Article) -> None:
        """Keep an article fetched on request (not listed) so its summary is cached."""
        with self._lock:
            self._catalog.remember(article)

    def resolve(self, reference: str | None) -> Article:
        """The article a user means: none = newest; a number from ``sources``; an id or id
        prefix; a known URL; else the newest article whose title has all the words."""
        ordered = self.articles()
        if not ordered:
            raise ArticleNotFound("I do not know any article yet.")
        ref = (reference or "").strip()
        if not ref:
            return self.load(ordered[0])
        if _ARTICLE_NUMBER.fullmatch(ref):
            number = int(ref)
            if 1 <= number <= len(ordered):
                return self.load(ordered[number - 1])
            raise ArticleNotFound(f"There is no article number {number}; sources lists 1 to {len(ordered)}.")
        if ref.startswith(("http://", "https://")):
            found = self.by_url(ref)
            if found is None:
                raise ArticleNotFound(f"I do not know the article at {ref}.")
            return found
        with self._lock:
            by_id = self._catalog.by_reference(ref.lower())
        if by_id is not None:
            return self.load(by_id)
        for titles_only in (True, False):  # the newest whose title has the words, else whose text has
            newest, _ = self._matching(lower_words(ref), 0, 1, titles_only=titles_only)
            if newest:
                return self.load(newest[0])
        raise ArticleNotFound(f"No article matches {shorten(ref, 80)!r}. Try sources or search.")

    def search(self, text: str, *, offset: int = 0, limit: int) -> tuple[list[ArticleHead], int]:
        """Articles containing every word of ``text`` (title or body), those whose title holds
        them all first, then newest first: ``limit`` of them from ``offset``, and how many match."""
        self.refresh()
        return self._matching(lower_words(text), offset, limit, titles_only=False)

    def _matching(self, terms: set[str], offset: int, limit: int, *, titles_only: bool
                  ) -> tuple[list[ArticleHead], int]:
        """A page of the listed articles holding ``terms``: the held ones from the word index,
        the archives' ranked and counted by their own full-text index (only the page is read);
        results of several sources merged by the same ranking."""
        if not terms:
            return [], 0
        catalog = self._catalog
        with self._lock:
            held = [i for i in self._words.matching(terms, titles_only=titles_only)
                    if not catalog.from_archive(i)]
        if not held and len(catalog.archives) == 1:  # one ranking: the archive's own, its page as is
            ids, total = catalog.archives[0].search(sorted(terms), offset=offset, limit=limit,
                                                    titles_only=titles_only)
            with self._lock:
                return [head for head in map(catalog.head, ids) if head is not None], total
        total = len(held)
        found = set(held)
        for archive in catalog.archives:
            ids, count = archive.search(sorted(terms), limit=offset + limit, titles_only=titles_only)
            found.update(ids)
            total += count
        with self._lock:
            heads = [head for head in map(catalog.head, found) if head is not None]

            def rank(head: ArticleHead) -> tuple[bool, int]:
                return (not terms <= lower_words(head.title), catalog.number(head) or 0)

            return sorted(heads, key=rank)[offset : offset + limit], total

    # -- cached analysis -----------------------------------------------------------------------

    def summary(self, article: Article, method: str, sentences: int) -> Summary:
        """The article's summary, computed once per (article, method, sentences)."""
        return self._summaries.get(article, method, sentences)

    def incidents_of(self, article: Article) -> tuple[IncidentHit, ...]:
        """The article's incident records (extracted once)."""
        return self._incidents.of(article)

    def incidents(self, query: IncidentQuery, limit: int) -> tuple[list[IncidentHit], int]:
        """Incidents across the corpus matching ``query``, newest first, and the total matched.

        Articles not indexed yet are indexed first, unless the background indexer has a long
        way to go: then the answer covers what is indexed so far (see ``indexing_backlog``).
        """
        self.refresh()

        def pending() -> list[ArticleHead]:
            with self._lock:
                return [h for h in map(self._catalog.head, self._incidents.pending()) if h is not None]

        return self._incidents.query(query, limit, pending)

    def indexing_backlog(self) -> int:
        """How many articles the background indexer has still to read (0 when idle)."""
        return self._incidents.backlog()

    def warm(self, method: str, sentences: int) -> None:
        """Index everything ahead of the first request (incidents, newest summaries)."""
        self.incidents(IncidentQuery(), 1)
        for head in self.articles()[:50]:
            self.summary(self.load(head), method, sentences)
        settle()
