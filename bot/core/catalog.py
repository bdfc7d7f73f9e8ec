"""The listed articles: merged from the providers, numbered newest first, found by number, id,
id prefix or URL, with their texts read on demand."""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.core.format import as_utc
from bot.core.providers import ArticleArchive, ArticleProvider
from bot.vocabulary import ArticleHead, Listed
from summarizer.articles.model import Article

__all__ = ["Catalog", "Changes"]

log = logging.getLogger(__name__)

_TEXTS_CACHED = 512  # archive articles whose text stays in memory after a request read it
_REMEMBERED = 100  # articles fetched by URL on request (not listed) kept for their summaries
_HEX = re.compile(r"^[0-9a-f]{4,64}$")
_OLDEST = datetime.min.replace(tzinfo=UTC)
_UNSEEN = object()


@dataclass(frozen=True, slots=True)
class Changes:
    """What a refresh changed: heads added and removed (with the held article, if any)."""

    added: tuple[tuple[ArticleHead, Article | None], ...] = ()
    removed: tuple[tuple[ArticleHead, Article | None], ...] = ()
    failures: tuple[str, ...] = ()


def _newest_key(article: Listed) -> tuple[datetime, str]:
    if article.published is not None:
        moment = as_utc(article.published)
    elif article.reference_date is not None:
        moment = datetime(*article.reference_date.timetuple()[:3], tzinfo=UTC)
    else:
        moment = _OLDEST
    return (moment, article.id)


def _place_of(ordered: Sequence[Listed], key: tuple[datetime, str], *, after_equal: bool = True) -> int:
    """Where an article with ``key`` goes in the newest-first ``ordered``: after the articles
    with an equal key, or before them (where a listed one with that key is)."""
    lo, hi = 0, len(ordered)
    while lo < hi:
        middle = (lo + hi) // 2
        here = _newest_key(ordered[middle])
        if here > key or (after_equal and here == key):
            lo = middle + 1
        else:
            hi = middle
    return lo


class Catalog:
    """Heads of every listed article in memory; texts from the in-memory providers, else read
    from an archive through a small cache (not thread-safe: the corpus holds its lock)."""

    def __init__(self, providers: Sequence[ArticleProvider | ArticleArchive]) -> None:
        self.providers = list(providers)
        self.archives = [p for p in self.providers if isinstance(p, ArticleArchive)]
        self._fingerprints: dict[int, Hashable] = {}
        self._provided: dict[int, tuple[Article, ...]] = {}
        self._archived: dict[int, dict[str, ArticleHead]] = {}
        self._cursors: dict[int, int] = {}
        self._held: dict[str, Article] = {}  # articles of the in-memory providers, with their text
        self._texts: OrderedDict[str, Article] = OrderedDict()  # archive articles read lately
        self._extra: OrderedDict[str, Article] = OrderedDict()  # fetched by URL, not listed
        self._by_id: dict[str, ArticleHead] = {}
        self._by_url: dict[str, ArticleHead] = {}
        self.ordered: list[ArticleHead] = []

    def refresh(self, *, force: bool) -> Changes:
        """Read what the providers added (archives) or hold now (the others, when changed)."""
        provided = False
        archived: list[ArticleHead] = []
        failures: list[str] = []
        for slot, provider in enumerate(self.providers):
            try:
                if isinstance(provider, ArticleArchive):
                    archived.extend(self._read_archive(slot, provider))
                else:
                    provided = self._read(slot, provider, force=force) or provided
            except Exception as exc:  # one broken provider must not hide the others
                log.warning("article provider %s failed: %s", provider.name, exc)
                failures.append(f"{provider.name}: {exc}")
            failures.extend(getattr(provider, "failures", ()))
        if provided or (archived and not self.ordered):
            return self._rebuild(tuple(failures))
        return self._insert(archived, tuple(failures))

    def _read_archive(self, slot: int, archive: ArticleArchive) -> list[ArticleHead]:
        new = archive.heads_after(self._cursors.get(slot, 0))
        if new:
            self._cursors[slot] = new[-1][0]
            self._archived.setdefault(slot, {}).update((head.id, head) for _, head in new)
        return [head for _, head in new]

    def _read(self, slot: int, provider: ArticleProvider, *, force: bool) -> bool:
        stamp = provider.fingerprint()
        if force or self._fingerprints.get(slot, _UNSEEN) != stamp:
            self._provided[slot] = tuple(provider.articles())
            self._fingerprints[slot] = stamp
            return True
        return False

    def _insert(self, heads: list[ArticleHead], failures: tuple[str, ...]) -> Changes:
        """Add a few archive articles to the listing in place (no full re-sort): a newly
        stored article is listed in milliseconds however many are listed already."""
        added = []
        for head in heads:
            if head.id in self._by_id:
                continue
            self._by_id[head.id] = head
            if head.url:
                self._by_url[head.url] = head
            self.ordered.insert(_place_of(self.ordered, _newest_key(head)), head)
            added.append((head, None))
        return Changes(tuple(added), (), failures)

    def _rebuild(self, failures: tuple[str, ...]) -> Changes:
        merged: dict[str, ArticleHead] = {}
        held: dict[str, Article] = {}
        for slot in range(len(self.providers)):
            for article in self._provided.get(slot, ()):
                if article.id not in merged:
                    merged[article.id] = ArticleHead.of(article)
                    held[article.id] = article
            for article_id, head in self._archived.get(slot, {}).items():
                merged.setdefault(article_id, head)
        added = tuple((merged[i], held.get(i)) for i in merged.keys() - self._by_id.keys())
        removed = tuple((self._by_id[i], self._held.get(i)) for i in self._by_id.keys() - merged.keys())
        for head, _ in removed:
            self._texts.pop(head.id, None)
        self._held = held
        self._by_id = merged
        self._by_url = {a.url: a for a in merged.values() if a.url}
        self.ordered = sorted(merged.values(), key=_newest_key, reverse=True)
        return Changes(added, removed, failures)

    def head(self, article_id: str) -> ArticleHead | None:
        """The listed article with this id."""
        return self._by_id.get(article_id)

    def from_archive(self, article_id: str) -> bool:
        """Whether an archive lists the article (an in-memory provider may hold it too)."""
        return any(article_id in listed for listed in self._archived.values())

    def number(self, article: Listed) -> int | None:
        """The article's number (1 = newest), or None when not listed (found by bisection)."""
        head = self._by_id.get(article.id)
        if head is None:
            return None
        return _place_of(self.ordered, _newest_key(head), after_equal=False) + 1

    def by_url(self, url: str) -> Listed | None:
        """The listed (or remembered) article with this URL."""
        found = self._by_url.get(url)
        return found or next((a for a in reversed(self._extra.values()) if a.url == url), None)

    def by_reference(self, lowered: str) -> ArticleHead | Article | None:
        """The article with this id, or the only one whose id starts with it."""
        if not _HEX.match(lowered):
            return None
        exact = self._by_id.get(lowered) or self._extra.get(lowered)
        if exact is not None:
            return exact
        prefixed = [a for a in self.ordered if a.id.startswith(lowered)]
        return prefixed[0] if len(prefixed) == 1 else None

    def remember(self, article: Article) -> None:
        """Keep an article fetched on request (not listed) so its summary is cached."""
        self._extra[article.id] = article
        self._extra.move_to_end(article.id)
        while len(self._extra) > _REMEMBERED:
            self._extra.popitem(last=False)

    def cached_text(self, article_id: str) -> Article | None:
        """The article with its text when it is in memory."""
        found = self._held.get(article_id) or self._extra.get(article_id) or self._texts.get(article_id)
        if article_id in self._texts:
            self._texts.move_to_end(article_id)
        return found

    def keep_text(self, article: Article) -> None:
        """Cache an article read from an archive (the least recently used one goes)."""
        self._texts[article.id] = article
        while len(self._texts) > _TEXTS_CACHED:
            self._texts.popitem(last=False)
