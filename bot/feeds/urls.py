"""Which feed URLs a chat user may add: http(s) on a public internet address only, so nobody can
make the bot read the local network, loopback or cloud metadata services through a feed."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

__all__ = ["FeedURLError", "check_public_feed_url", "check_public_host"]


class FeedURLError(ValueError):
    """A feed URL a chat user may not add; ``str`` is one line for the user."""


def check_public_host(host: str) -> None:
    """Raise ``FeedURLError`` unless ``host`` resolves, and only to public addresses."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        raise FeedURLError(f"cannot resolve {host}") from None
    addresses = {str(info[4][0]).split("%")[0] for info in infos}
    if not addresses or not all(ipaddress.ip_address(a).is_global for a in addresses):
        raise FeedURLError(f"{host} is not a public address; feeds must be on the public web")


def check_public_feed_url(url: str) -> str:
    """``url`` stripped, if it is http(s) and its host resolves only to public addresses."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FeedURLError("a feed must be an http:// or https:// address")
    check_public_host(parts.hostname)
    return url
