"""RSS and Atom feeds: each entry becomes an article (feedparser does the parsing)."""

from __future__ import annotations

from typing import Any

import feedparser
import trafilatura

from summarizer.articles.infer import from_text, parse_published
from summarizer.articles.model import Article
from summarizer.errors import InputError

__all__ = ["parse_feed"]


def _entry_text(entry: Any) -> str:
    """The entry's fullest body (content, else summary) as plain text."""
    contents = entry.get("content") or []
    html = max((c.get("value", "") for c in contents), key=len, default="") or entry.get("summary", "")
    if not html.strip():
        return ""
    if "<" not in html:
        return str(html).strip()
    return str(trafilatura.html2txt(f"<html><body>{html}</body></html>") or "").strip()


def parse_feed(data: bytes, url: str) -> list[Article]:
    """The entries of an RSS/Atom feed as articles, in feed order.

    ``url`` is where the feed came from (a URL or a file name); entries' origins are ``url#N``.
    An entry without body text falls back to its title; an entry with neither is skipped.
    Raises ``InputError`` when ``data`` is not a feed.
    """
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries and (parsed.bozo or not parsed.feed):
        raise InputError(f"{url or 'input'}: not a readable RSS or Atom feed")
    feed_title = parsed.feed.get("title") or None
    articles: list[Article] = []
    for number, entry in enumerate(parsed.entries, start=1):
        title = (entry.get("title") or "").strip() or None
        text = _entry_text(entry) or (title or "")
        if not text:
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        tags = tuple(t.get("term", "") for t in entry.get("tags", []) if t.get("term"))
        articles.append(
            from_text(
                text,
                title=title,
                source=feed_title,
                url=entry.get("link") or None,
                published=parse_published(published),
                origin=f"{url or 'feed'}#{number}",
                tags=tags,
            )
        )
    return articles
