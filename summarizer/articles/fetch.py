"""Fetch an http(s) URL for the loader: one download (see ``download``), then its content type
decides the format it is read as."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from summarizer.articles.download import Download, Fetcher, FetchError, FetchPolicy

__all__ = ["Fetched", "fetch", "fetch_async", "format_for_content_type"]

_CONTENT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html", "text/plain": "txt", "text/markdown": "md",
    "application/json": "json", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed", "application/feed+json": "feed",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched body, the format its content type stands for, and the final URL."""

    data: bytes
    fmt: str
    url: str


def format_for_content_type(content_type: str) -> str | None:
    """The loader format for a Content-Type header value, or ``None`` when we cannot read it."""
    return _CONTENT_TYPES.get(content_type.split(";", 1)[0].strip().lower())


def _readable(url: str, download: Download) -> Fetched:
    if download.status >= 300:
        raise FetchError(url, f"the server answered HTTP {download.status}")
    content_type = download.headers.get("content-type", "")
    fmt = format_for_content_type(content_type)
    if fmt is None:
        shown = content_type.split(";", 1)[0] or "no content type"
        raise FetchError(url, f"cannot summarize content of type {shown}")
    return Fetched(download.body, fmt, download.url)


async def fetch_async(url: str, policy: FetchPolicy) -> Fetched:
    """GET ``url`` under ``policy`` and return its body; every failure is an ``InputError``."""
    return _readable(url, await Fetcher(policy).get(url))


def fetch(url: str, policy: FetchPolicy) -> Fetched:
    """``fetch_async`` for callers without an event loop (the command line)."""
    return asyncio.run(fetch_async(url, policy))
