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
        self._position: dict[str, int] = {}

    def refresh(self, *, force: bool) -> Changes:
        """Read what the providers added (archives) or hold now (the others, when changed)."""
        changed = False
        failures: list[str] = []
        for slot, provider in enumerate(self.providers):
            try:
                changed = self._read(slot, provider, force=force) or changed
            except Exception as exc:  # one broken provider must not hide the others
                log.warning("article provider %s failed: %s", provider.name, exc)
                failures.append(f"{provider.name}: {exc}")
            failures.extend(getattr(provider, "failures", ()))
        return self._rebuild(tuple(failures)) if changed else Changes(failures=tuple(failures))

    def _read(self, slot: int, provider: ArticleProvider | ArticleArchive, *, force: bool) -> bool:
        if isinstance(provider, ArticleArchive):
            new = provider.heads_after(self._cursors.get(slot, 0))
            if new:
                self._cursors[slot] = new[-1][0]
                self._archived.setdefault(slot, {}).update((head.id, head) for _, head in new)
            return bool(new)
        stamp = provider.fingerprint()
        if force or self._fingerprints.get(slot, _UNSEEN) != stamp:
            self._provided[slot] = tuple(provider.articles())
            self._fingerprints[slot] = stamp
            return True
        return False

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
        self._position = {a.id: i for i, a in enumerate(self.ordered, start=1)}
        return Changes(added, removed, failures)

    def head(self, article_id: str) -> ArticleHead | None:
        """The listed article with this id."""
        return self._by_id.get(article_id)

    def is_held(self, article_id: str) -> bool:
        """Whether the article comes from an in-memory provider (not an archive)."""
        return article_id in self._held

    def number(self, article: Listed) -> int | None:
        """The article's number (1 = newest), or None when not listed."""
        return self._position.get(article.id)

    def newest(self, ids: set[str]) -> ArticleHead | None:
        """The newest listed article among ``ids``."""
        listed = [i for i in ids if i in self._position]
        return self._by_id[min(listed, key=self._position.__getitem__)] if listed else None

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
