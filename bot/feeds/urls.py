"""Which feed URLs a chat user may add: http(s) on a public internet address only, so nobody can
make the bot read the local network, loopback or cloud metadata services through a feed. (Each
poll checks again, connection by connection: see ``summarizer.articles.download``.)"""

from __future__ import annotations

from urllib.parse import urlsplit

from summarizer.articles.addresses import (
    REFUSED,
    AddressRefused,
    UnknownHost,
    checked_addresses,
    is_public_address,
)

__all__ = ["FeedURLError", "check_public_feed_url"]


class FeedURLError(ValueError):
    """A feed URL a chat user may not add; ``str`` is one line for the user."""


def check_public_feed_url(url: str) -> str:
    """``url`` stripped, if it is http(s) and its host resolves only to public addresses."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FeedURLError("a feed must be an http:// or https:// address")
    try:
        checked_addresses(parts.hostname, is_public_address)
    except UnknownHost:
        raise FeedURLError(f"cannot resolve {parts.hostname}") from None
    except AddressRefused:
        raise FeedURLError(f"{parts.hostname}: {REFUSED}") from None
    return url
