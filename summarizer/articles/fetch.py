"""Fetch an http(s) URL with a timeout, a size cap and a content-type check (httpx)."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from summarizer.articles.decode import check_size
from summarizer.errors import InputError

__all__ = ["Fetched", "fetch", "format_for_content_type"]

_CONTENT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html", "text/plain": "txt", "text/markdown": "md",
    "application/json": "json", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed",
}  # fmt: skip
_USER_AGENT = "newsdigest-summarizer/0.1 (+https://github.com/newsdigest)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched body, the format its content type stands for, and the final URL."""

    data: bytes
    fmt: str
    url: str


def format_for_content_type(content_type: str) -> str | None:
    """The loader format for a Content-Type header value, or ``None`` when we cannot read it."""
    return _CONTENT_TYPES.get(content_type.split(";", 1)[0].strip().lower())


def fetch(url: str, *, timeout: float, max_bytes: int) -> Fetched:
    """GET ``url`` and return its body; every failure is an ``InputError`` with one readable line."""
    try:
        with (
            httpx.Client(
                timeout=timeout, follow_redirects=True, headers={"User-Agent": _USER_AGENT}
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise InputError(f"{url}: the server answered HTTP {response.status_code}")
            content_type = response.headers.get("content-type", "")
            fmt = format_for_content_type(content_type)
            if fmt is None:
                shown = content_type.split(";", 1)[0] or "no content type"
                raise InputError(f"{url}: cannot summarize content of type {shown}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit():
                check_size(int(declared), max_bytes, url)
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                check_size(len(body), max_bytes, url)
            return Fetched(bytes(body), fmt, str(response.url))
    except httpx.TimeoutException:
        raise InputError(f"{url}: no answer within {timeout:g} s") from None
    except httpx.InvalidURL:
        raise InputError(f"{url}: not a valid URL") from None
    except httpx.HTTPError as error:
        reason = type(error).__name__
        raise InputError(f"{url}: cannot reach the server ({reason})") from None
