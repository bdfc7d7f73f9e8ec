"""What command handlers work with: settings, the corpus, the clock and the store."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.config import Settings
from bot.core.corpus import ArticleProvider, Corpus, SeedDirectory
from bot.store import Store, StoreArticles, cached_incidents, cached_summaries, settings_store
from summarizer.articles import load, load_one
from summarizer.articles.model import Article
from summarizer.errors import InputError
from summarizer.incidents import extract_incidents
from summarizer.pipeline import summarize_article
from summarizer.summary import Length, Summary

__all__ = ["Services", "build_corpus", "fetch_public_article", "utc_now"]

FetchFn = Callable[[str], Article]


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


def _summarize(article: Article, method: str, sentences: int) -> Summary:
    return summarize_article(article, method=method, length=Length(sentences=sentences))


def _incident_records(article: Article) -> list[dict[str, Any]]:
    return [incident.to_dict() for incident in extract_incidents(article)]


def _load_file(path: Path) -> Iterable[object]:
    return load(str(path))


def _require_public(url: str) -> None:
    """Raise ``InputError`` unless every address of the URL's host is a public internet address."""
    host = urlsplit(url).hostname
    if not host:
        raise InputError("that is not a web address")
    try:
        addresses = {str(info[4][0]) for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)}
    except (OSError, UnicodeError):
        raise InputError(f"cannot resolve {host}") from None
    if not addresses or not all(ipaddress.ip_address(a.split("%")[0]).is_global for a in addresses):
        raise InputError(f"{host} is not a public address; I only fetch public web pages")


def fetch_public_article(url: str) -> Article:
    """Load the article at ``url`` if its host is a public internet address.

    A chat user must not make the bot read private services (cloud metadata, the local network,
    loopback) and post what it finds: the address is checked before the request, and the final
    address after redirects is checked before anything is shown. Raises ``InputError``.
    """
    _require_public(url)
    article = load_one(url)
    final = article.origin  # the address the page was read from, after redirects
    if final.startswith(("http://", "https://")) and final != url:
        _require_public(final)
    return article


def build_corpus(
    settings: Settings, providers: Iterable[ArticleProvider] = (), *, index_in_background: bool = True,
    store: Store | None = None,
) -> Corpus:
    """The corpus over ``settings.seeds`` plus extra providers, using the summarizer's pipeline
    and incident extractor (their results kept in ``store`` when given; incidents indexed in a
    background thread unless told not to)."""
    return Corpus(
        [SeedDirectory(settings.seeds, _load_file), *providers],
        summarize=cached_summaries(_summarize, store) if store is not None else _summarize,
        extract=cached_incidents(_incident_records, store) if store is not None else _incident_records,
        index_in_background=index_in_background,
    )


@dataclass
class Services:
    """Wiring handed to every command handler."""

    settings: Settings
    corpus: Corpus
    clock: Callable[[], datetime] = utc_now
    fetch: FetchFn | None = fetch_public_article  # loads an unknown URL; None disables
    store: Store | None = None  # subscriptions, feeds, deliveries (and stored articles)

    @classmethod
    def build(cls, settings: Settings) -> Services:
        """The default wiring for ``settings``: the store opened (and migrated), its articles
        added to the corpus."""
        store = settings_store(settings)
        return cls(
            settings=settings,
            corpus=build_corpus(settings, [StoreArticles(store)], store=store),
            fetch=fetch_public_article if settings.fetch_urls else None,
            store=store,
        )
