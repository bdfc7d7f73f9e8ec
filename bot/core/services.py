"""What command handlers work with: settings, the corpus, the clock and the store."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import Settings
from bot.core.corpus import ArticleArchive, ArticleProvider, Corpus, SeedDirectory
from bot.core.fetch_slots import FetchSlots
from bot.core.repeats import SentStories
from bot.store import Store, StoreArticles, cached_incidents, settings_store
from summarizer import incidents as extractor
from summarizer.articles import load
from summarizer.articles.addresses import is_public_address
from summarizer.articles.loader import first_article, load_fetched
from summarizer.articles.model import Article
from summarizer.pipeline import summarize_article
from summarizer.summary import Length, Summary

if TYPE_CHECKING:
    from summarizer.articles.download import FetchPolicy

__all__ = ["Services", "build_corpus", "fetch_article", "incident_records", "public_pages", "utc_now"]

FetchFn = Callable[[str], Awaitable[Article]]


@cache
def public_pages() -> FetchPolicy:
    """What a chat user may have fetched: public web addresses only (every redirect hop and every
    connection checked), 10 s for the whole download, 20 MB decoded at most. The downloader
    (httpx) is imported at the first download, not when the bot starts."""
    from summarizer.articles.download import FetchPolicy  # noqa: PLC0415

    return FetchPolicy(allowed=is_public_address)


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


def _summarize(article: Article, method: str, sentences: int) -> Summary:
    return summarize_article(article, method=method, length=Length(sentences=sentences))


def incident_records(article: Article) -> list[dict[str, Any]]:
    """The incident extractor's records of ``article`` (``Incident.to_dict()`` mappings)."""
    return [incident.to_dict() for incident in extractor.extract_incidents(article)]


def _load_file(path: Path) -> Iterable[object]:
    return load(str(path))


async def fetch_article(url: str, policy: FetchPolicy | None = None) -> Article:
    """The article at ``url``, downloaded under ``policy`` (``public_pages()`` by default) without
    holding a worker thread while it waits on the network. Raises ``InputError``."""
    from summarizer.articles.fetch import fetch_async  # noqa: PLC0415 (httpx loads at the first download)

    fetched = await fetch_async(url, policy or public_pages())
    return await asyncio.to_thread(lambda: first_article(load_fetched(fetched), url))


def build_corpus(
    settings: Settings, providers: Iterable[ArticleProvider | ArticleArchive] = (), *,
    index_in_background: bool = True, store: Store | None = None,
) -> Corpus:
    """The corpus over ``settings.seeds`` plus extra providers, using the summarizer's pipeline
    and incident extractor (their results kept in ``store`` when given; incidents indexed in a
    background thread unless told not to)."""
    return Corpus(
        [SeedDirectory(settings.seeds, _load_file), *providers],
        summarize=_summarize,
        summary_store=store,
        extract=cached_incidents(incident_records, store) if store is not None else incident_records,
        index_in_background=index_in_background,
    )


@dataclass
class Services:
    """Wiring handed to every command handler."""

    settings: Settings
    corpus: Corpus
    clock: Callable[[], datetime] = utc_now
    fetch: FetchFn | None = fetch_article  # loads an unknown URL; None disables
    store: Store | None = None  # subscriptions, feeds, deliveries (and stored articles)
    fetch_slots: FetchSlots = field(default_factory=FetchSlots)  # downloads at once, per user and in all
    sent_stories: SentStories = field(default_factory=SentStories)  # the digest preview's story fingerprints

    @classmethod
    def build(cls, settings: Settings) -> Services:
        """The default wiring for ``settings``: the store opened (and migrated), its articles
        added to the corpus."""
        store = settings_store(settings)
        return cls(
            settings=settings,
            corpus=build_corpus(settings, [StoreArticles(store)], store=store),
            fetch=fetch_article if settings.fetch_urls else None,
            store=store,
        )

    def close(self) -> None:
        """Stop the corpus's background work, then close the store (SQLite then folds its
        write-ahead log into the database file and removes it)."""
        self.corpus.close()
        if self.store is not None:
            self.store.close()
