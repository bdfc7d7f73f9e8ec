"""The articles the bot knows: seed files plus pluggable providers (the store), with caches.

``Corpus`` merges every provider's articles (deduplicated by id), orders them newest first and
answers lookups (number, id, URL, title words), word searches, cached per-article summaries and
an incident index. Small providers (seed files) are held in memory and polled through a cheap
``fingerprint()``; a provider whose fingerprint changed is reloaded, so new files in ``seeds/``
show up without a restart. An archive (the store) is read incrementally: only the heads of
articles stored since the last look (id, title, source, URL, dates) are kept in memory, texts
are read on demand (a bounded cache), words are searched in the archive's own full-text index
and cached incident extractions are read back without reading the texts.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from bot.core.format import as_utc, shorten
from bot.core.incident_index import IncidentHit, IncidentIndex, IncidentQuery
from bot.core.listing import ArticleHead, Listed
from summarizer.articles.model import Article
from summarizer.summary import Summary
from summarizer.text import words

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

log = logging.getLogger(__name__)

SummarizeFn = Callable[[Article, str, int], Summary]
"""(article, method, sentences) -> Summary."""
ExtractFn = Callable[[Article], Iterable[Mapping[str, Any]]]
"""article -> its incident records (``Incident.to_dict()`` mappings), in article order."""
LoadFn = Callable[[Path], Iterable[Article | Exception | object]]
"""A file -> its articles (anything that is not an ``Article`` counts as a load failure)."""

_TEXTS_CACHED = 512  # archive articles whose text stays in memory after a request read it
_WAIT_FOR_BACKLOG = 100  # a request indexes up to this many pending articles itself
_HEX = re.compile(r"^[0-9a-f]{4,64}$")
_OLDEST = datetime.min.replace(tzinfo=UTC)


class ArticleNotFound(LookupError):
    """No article matches a reference; ``str(error)`` is a message for the user."""


class ArticleProvider(Protocol):
    """A source of articles (seed folder, store)."""

    name: str

    def fingerprint(self) -> Hashable:
        """A cheap value that changes whenever ``articles()`` would return something different."""
        ...

    def articles(self) -> Iterable[Article]:
        """Every article this provider holds now."""
        ...


@runtime_checkable
class ArticleArchive(Protocol):
    """A large, append-only source of articles (the store), read incrementally."""

    name: str

    def heads_after(self, cursor: int) -> list[tuple[int, ArticleHead]]:
        """(cursor, head) of the articles added after ``cursor``, in the order added."""
        ...

    def load(self, article_id: str) -> Article | None:
        """One article with its text."""
        ...

    def search(self, terms: Sequence[str]) -> set[str]:
        """Ids of the articles whose title or text holds every (lower-case) term."""
        ...

    def extractions(self) -> dict[str, list[dict[str, Any]]]:
        """Incident records already extracted by the current extractor, by article id."""
        ...


class SeedDirectory:
    """Article files in a folder (any format the summarizer loads), re-read only when changed."""

    name = "seeds"

    def __init__(self, path: Path, load: LoadFn) -> None:
        self.path = path
        self._load = load
        self._files: dict[Path, tuple[tuple[int, int], tuple[Article, ...]]] = {}
        self.failures: tuple[str, ...] = ()

    def _scan(self) -> dict[Path, tuple[int, int]]:
        found: dict[Path, tuple[int, int]] = {}
        if not self.path.is_dir():
            return found
        for root, dirs, files in os.walk(self.path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or name.endswith("~"):
                    continue
                path = Path(root, name)
                try:
                    stat = path.stat()
                except OSError:
                    continue
                found[path] = (stat.st_mtime_ns, stat.st_size)
        return found

    def fingerprint(self) -> Hashable:
        """File names, modification times and sizes."""
        return tuple(sorted((str(p), s) for p, s in self._scan().items()))

    def articles(self) -> Iterator[Article]:
        """Articles of every file, re-loading only files that changed since the last call."""
        scanned = self._scan()
        failures: list[str] = []
        files: dict[Path, tuple[tuple[int, int], tuple[Article, ...]]] = {}
        for path, stamp in scanned.items():
            cached = self._files.get(path)
            if cached is not None and cached[0] == stamp:
                files[path] = cached
                continue
            loaded: list[Article] = []
            try:
                for item in self._load(path):
                    if isinstance(item, Article):
                        loaded.append(item)
                    else:
                        failures.append(f"{path.name}: {item}")
            except Exception as exc:  # a broken seed file must not take the bot down
                failures.append(f"{path.name}: {exc}")
            files[path] = (stamp, tuple(loaded))
        self._files = files
        self.failures = tuple(failures)
        for failure in failures:
            log.warning("seed not loaded: %s", failure)
        for _, articles in files.values():
            yield from articles


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """What a refresh changed."""

    added: int
    removed: int
    total: int
    failures: tuple[str, ...] = ()


def _newest_key(article: Listed) -> tuple[datetime, str]:
    if article.published is not None:
        moment = as_utc(article.published)
    elif article.reference_date is not None:
        moment = datetime(*article.reference_date.timetuple()[:3], tzinfo=UTC)
    else:
        moment = _OLDEST
    return (moment, article.id)


def _lower_words(text: str) -> set[str]:
    return {w.lower() for w in words(text)}


def _unindex(index: dict[str, set[str]], terms: Iterable[str], article_id: str) -> None:
    for term in terms:
        ids = index.get(term)
        if ids is not None:
            ids.discard(article_id)
            if not ids:
                del index[term]


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
        rescan_interval: float = 2.0,
        summary_cache_size: int = 20_000,
        index_in_background: bool = False,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._providers = list(providers)
        self._summarize = summarize
        self._extract = extract
        self._rescan_interval = rescan_interval
        self._monotonic = monotonic
        self._lock = threading.RLock()
        self._fingerprints: dict[int, Hashable] = {}
        self._provided: dict[int, tuple[Article, ...]] = {}
        self._archived: dict[int, dict[str, ArticleHead]] = {}
        self._cursors: dict[int, int] = {}
        self._held: dict[str, Article] = {}  # articles of the in-memory providers, with their text
        self._texts: OrderedDict[str, Article] = OrderedDict()  # archive articles read lately
        self._stored_extractions: dict[str, list[dict[str, Any]]] | None = None
        self._by_id: dict[str, ArticleHead] = {}
        self._by_url: dict[str, ArticleHead] = {}
        self._ordered: list[ArticleHead] = []
        self._position: dict[str, int] = {}
        self._title_words: dict[str, set[str]] = {}
        self._text_words: dict[str, set[str]] | None = None
        self._extra: OrderedDict[str, Article] = OrderedDict()  # fetched by URL, not listed
        self._summaries: OrderedDict[tuple[str, str, int], Summary] = OrderedDict()
        self._summary_cache_size = summary_cache_size
        self._incidents = IncidentIndex()
        self._unindexed: set[str] = set()  # articles whose incidents are not extracted yet
        self._failures: tuple[str, ...] = ()
        self._checked_at: float | None = None
        self._index_in_background = index_in_background
        self._indexer: threading.Thread | None = None

    # -- loading -------------------------------------------------------------------------------

    def refresh(self, *, force: bool = False) -> RefreshReport:
        """Reload providers whose fingerprint changed (at most every ``rescan_interval`` seconds
        unless ``force``)."""
        with self._lock:
            now = self._monotonic()
            if (
                not force
                and self._checked_at is not None
                and now - self._checked_at < self._rescan_interval
            ):
                return RefreshReport(0, 0, len(self._ordered), self._failures)
            self._checked_at = now
            changed = False
            failures: list[str] = []
            for slot, provider in enumerate(self._providers):
                try:
                    changed = self._read(slot, provider, force=force) or changed
                except Exception as exc:  # one broken provider must not hide the others
                    log.warning("article provider %s failed: %s", provider.name, exc)
                    failures.append(f"{provider.name}: {exc}")
                failures.extend(getattr(provider, "failures", ()))
            self._failures = tuple(failures)
            if not changed:
                return RefreshReport(0, 0, len(self._ordered), self._failures)
            return self._rebuild()

    def _read(self, slot: int, provider: ArticleProvider | ArticleArchive, *, force: bool) -> bool:
        """Read what a provider added (an archive) or everything when it changed; True if any."""
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

    def _rebuild(self) -> RefreshReport:
        merged: dict[str, ArticleHead] = {}
        held: dict[str, Article] = {}
        for slot in range(len(self._providers)):
            for article in self._provided.get(slot, ()):
                if article.id not in merged:
                    merged[article.id] = ArticleHead.of(article)
                    held[article.id] = article
            for article_id, head in self._archived.get(slot, {}).items():
                merged.setdefault(article_id, head)
        added = merged.keys() - self._by_id.keys()
        removed = self._by_id.keys() - merged.keys()
        for article_id in removed:
            self._forget(self._by_id[article_id])
        self._unindexed = (self._unindexed - removed) | {i for i in added if i not in self._incidents}
        for article_id in added:
            self._learn(merged[article_id])
        self._held = held
        if self._text_words is not None:
            for article_id in added & held.keys():
                self._learn_text(held[article_id])
        self._by_id = merged
        self._by_url = {a.url: a for a in merged.values() if a.url}
        self._ordered = sorted(merged.values(), key=_newest_key, reverse=True)
        self._position = {a.id: i for i, a in enumerate(self._ordered, start=1)}
        if added and self._index_in_background and not self._indexing():
            self._indexer = threading.Thread(target=self._index_pending, name="corpus-indexer", daemon=True)
            self._indexer.start()
        return RefreshReport(len(added), len(removed), len(merged), self._failures)

    def _index_pending(self) -> None:
        """Extract the incidents of articles not indexed yet (the first ``incident`` is then fast)."""
        began = time.perf_counter()
        while True:  # articles that arrive meanwhile are read too
            with self._lock:
                pending = [a for a in self._ordered if a.id in self._unindexed]  # newest first
            if not pending:
                break
            self._index(pending)
        _settle()
        log.info("incident index ready: %d articles in %.1f s", len(self._ordered),
                 time.perf_counter() - began)

    def _index(self, pending: Iterable[ArticleHead]) -> None:
        """Index these articles' incidents: archive extractions read back, the others extracted."""
        with self._lock:
            if self._stored_extractions is None:
                self._stored_extractions = self._read_extractions()
            stored = self._stored_extractions
        for head in pending:
            with self._lock:
                if head.id in self._incidents:
                    self._unindexed.discard(head.id)
                    continue
                records = stored.pop(head.id, None) if head.id not in self._held else None
                if records is not None:
                    self._unindexed.discard(head.id)
                    self._incidents.add(head, records)
                    continue
            article = self._load(head)
            if article is not None:
                self._index_safely(article)

    def _read_extractions(self) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = {}
        for provider in self._providers:
            if isinstance(provider, ArticleArchive):
                try:
                    found.update(provider.extractions())
                except Exception as exc:  # extracting again is slower, never wrong
                    log.warning("stored incidents of %s unreadable: %s", provider.name, exc)
        return found

    def _learn(self, head: ArticleHead) -> None:
        for word in _lower_words(head.title):
            self._title_words.setdefault(word, set()).add(head.id)

    def _learn_text(self, article: Article) -> None:
        if self._text_words is not None:
            for word in _lower_words(f"{article.title}\n{article.text}"):
                self._text_words.setdefault(word, set()).add(article.id)

    def _forget(self, head: ArticleHead) -> None:
        _unindex(self._title_words, _lower_words(head.title), head.id)
        held = self._held.get(head.id)
        if self._text_words is not None and held is not None:
            _unindex(self._text_words, _lower_words(f"{held.title}\n{held.text}"), head.id)
        self._texts.pop(head.id, None)
        self._incidents.remove(head.id)
        for key in [k for k in self._summaries if k[0] == head.id]:
            del self._summaries[key]

    # -- lookups -------------------------------------------------------------------------------

    def articles(self) -> Sequence[ArticleHead]:
        """Every known article (its head), newest first (numbered from 1 in that order)."""
        self.refresh()
        return self._ordered

    def __len__(self) -> int:
        return len(self.articles())

    def number(self, article: Listed) -> int | None:
        """The article's number in ``articles()`` (1 = newest), or None when not listed."""
        return self._position.get(article.id)

    def load(self, head: Listed) -> Article:
        """The listed article with its text; raises ``ArticleNotFound`` when its source lost it."""
        found = self._load(head)
        if found is None:
            raise ArticleNotFound(f"The article {shorten(head.title, 80)!r} cannot be read any more.")
        return found

    def _load(self, head: Listed) -> Article | None:
        with self._lock:
            found = self._held.get(head.id) or self._extra.get(head.id) or self._texts.get(head.id)
            if found is not None:
                self._texts.move_to_end(head.id) if head.id in self._texts else None
                return found
        for provider in self._providers:
            if isinstance(provider, ArticleArchive):
                loaded = provider.load(head.id)
                if loaded is not None:
                    with self._lock:
                        self._texts[head.id] = loaded
                        while len(self._texts) > _TEXTS_CACHED:
                            self._texts.popitem(last=False)
                    return loaded
        return None

    def get(self, article_id: str) -> Article | None:
        """The article with this id."""
        self.refresh()
        head = self._by_id.get(article_id)
        return self._load(head) if head is not None else self._extra.get(article_id)

    def by_url(self, url: str) -> Article | None:
        """The known (or remembered) article with this URL."""
        self.refresh()
        head = self._by_url.get(url)
        if head is not None:
            return self._load(head)
        return next((a for a in reversed(self._extra.values()) if a.url == url), None)

    def remember(self, article: Article) -> None:
        """Keep an article fetched on request (not listed) so its summary is cached."""
        with self._lock:
            self._extra[article.id] = article
            self._extra.move_to_end(article.id)
            while len(self._extra) > 100:
                self._extra.popitem(last=False)

    def resolve(self, reference: str | None) -> Article:
        """The article a user means: none = newest; a number from ``sources``; an id or id
        prefix; a known URL; else the newest article whose title has all the words."""
        ordered = self.articles()
        if not ordered:
            raise ArticleNotFound("I do not know any article yet.")
        ref = (reference or "").strip()
        if not ref:
            return self.load(ordered[0])
        if ref.isdigit() and len(ref) < 8:
            number = int(ref)
            if 1 <= number <= len(ordered):
                return self.load(ordered[number - 1])
            raise ArticleNotFound(f"There is no article number {number}; sources lists 1 to {len(ordered)}.")
        if ref.startswith(("http://", "https://")):
            found = self.by_url(ref)
            if found is None:
                raise ArticleNotFound(f"I do not know the article at {ref}.")
            return found
        lowered = ref.lower()
        if _HEX.match(lowered):
            exact = self.get(lowered)
            if exact is not None:
                return exact
            prefixed = [a for a in ordered if a.id.startswith(lowered)]
            if len(prefixed) == 1:
                return self.load(prefixed[0])
        for ids in (self._matching(ref, self._title_words), self._containing(ref)):
            if ids:
                return self.load(min((self._by_id[i] for i in ids), key=lambda a: self._position[a.id]))
        raise ArticleNotFound(f"No article matches {shorten(ref, 80)!r}. Try sources or search.")

    def _matching(self, text: str, index: Mapping[str, set[str]]) -> set[str]:
        query = _lower_words(text)
        if not query:
            return set()
        result: set[str] | None = None
        for word in query:
            found = index.get(word, set())
            result = set(found) if result is None else result & found
            if not result:
                return set()
        return result or set()

    def _text_index(self) -> dict[str, set[str]]:
        """Words of the in-memory providers' articles (archives search their own index)."""
        with self._lock:
            if self._text_words is None:
                self._text_words = {}
                for article in self._held.values():
                    self._learn_text(article)
            return self._text_words

    def _containing(self, text: str) -> set[str]:
        """Ids of the listed articles whose title or text holds every word of ``text``."""
        ids = self._matching(text, self._text_index())
        terms = sorted(_lower_words(text))
        if terms:
            for provider in self._providers:
                if isinstance(provider, ArticleArchive):
                    ids |= provider.search(terms)
        return {i for i in ids if i in self._by_id}

    def search(self, text: str) -> list[ArticleHead]:
        """Articles containing every word of ``text`` (title or body): title matches first, then newest."""
        self.refresh()
        ids = self._containing(text)
        query = _lower_words(text)

        def rank(article: ArticleHead) -> tuple[int, int]:
            in_title = sum(1 for w in query if article.id in self._title_words.get(w, ()))
            return (-in_title, self._position[article.id])

        return sorted((self._by_id[i] for i in ids), key=rank)

    # -- cached analysis -----------------------------------------------------------------------

    def summary(self, article: Article, method: str, sentences: int) -> Summary:
        """The article's summary, computed once per (article, method, sentences)."""
        key = (article.id, method, sentences)
        with self._lock:
            cached = self._summaries.get(key)
            if cached is not None:
                self._summaries.move_to_end(key)
                return cached
        result = self._summarize(article, method, sentences)
        with self._lock:
            self._summaries[key] = result
            while len(self._summaries) > self._summary_cache_size:
                self._summaries.popitem(last=False)
        return result

    def incidents_of(self, article: Article) -> tuple[IncidentHit, ...]:
        """The article's incident records (extracted once)."""
        with self._lock:
            if article.id in self._incidents:
                return self._incidents.of_article(article.id)
        records = list(self._extract(article))
        with self._lock:
            self._unindexed.discard(article.id)
            return self._incidents.add(ArticleHead.of(article), records)

    def _index_safely(self, article: Article) -> None:
        try:
            self.incidents_of(article)
        except Exception:  # one article the extractor chokes on must not hide the rest
            log.exception("incident extraction failed for %s", article.id)
            with self._lock:
                self._unindexed.discard(article.id)
                self._incidents.add(ArticleHead.of(article), ())

    def incidents(self, query: IncidentQuery, limit: int) -> tuple[list[IncidentHit], int]:
        """Incidents across the corpus matching ``query``, newest first, and the total matched.

        Articles not indexed yet are indexed first, unless the background indexer has a long
        way to go: then the answer covers what is indexed so far (see ``indexing_backlog``).
        """
        self.refresh()
        if self.indexing_backlog() <= _WAIT_FOR_BACKLOG:
            with self._lock:
                pending = [self._by_id[i] for i in self._unindexed if i in self._by_id]
            self._index(pending)
        with self._lock:
            return self._incidents.query(query, limit)

    def _indexing(self) -> bool:
        return self._indexer is not None and self._indexer.is_alive()

    def indexing_backlog(self) -> int:
        """How many articles the background indexer has still to read (0 when idle)."""
        with self._lock:
            return len(self._unindexed) if self._indexing() else 0

    def warm(self, method: str, sentences: int) -> None:
        """Index everything ahead of the first request (incidents, text words, newest summaries)."""
        self.incidents(IncidentQuery(), 1)
        self._text_index()
        for head in self.articles()[:50]:
            self.summary(self.load(head), method, sentences)
        _settle()


def _settle() -> None:
    """Move the long-lived indexes just built out of the cyclic garbage collector's scans, so a
    full collection does not pause a request for hundreds of milliseconds on a large corpus."""
    gc.collect()
    gc.freeze()


_UNSEEN = object()
