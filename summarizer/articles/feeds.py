"""RSS, Atom and JSON Feed: each entry becomes an article with plain-text title and body.

feedparser reads RSS 0.9x/1.0/2.0, Atom and CDF; JSON Feed 1.0/1.1 (which feedparser does not
read) is plain JSON, read here. Every title, body and feed title goes through ``plain_text``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

from summarizer.articles.infer import from_text, parse_published
from summarizer.articles.model import Article
from summarizer.articles.plaintext import plain_text
from summarizer.errors import InputError

__all__ = ["is_json_feed", "json_feed_articles", "parse_feed"]

_JSON_FEED_VERSION = "https://jsonfeed.org/version/"


@dataclass(frozen=True, slots=True)
class _Entry:
    """One feed entry as raw fields (HTML allowed), whatever the feed format."""

    title: str
    body: str
    url: str | None
    published: object
    tags: tuple[str, ...]


def is_json_feed(value: object) -> TypeGuard[dict[str, Any]]:
    """True for a decoded JSON Feed document (an object whose ``version`` is a jsonfeed.org URL)."""
    return (
        isinstance(value, dict)
        and str(value.get("version", "")).startswith(_JSON_FEED_VERSION)
        and isinstance(value.get("items"), list)
    )


def parse_feed(data: bytes, url: str) -> list[Article]:
    """The entries of an RSS, Atom or JSON feed as articles, in feed order.

    ``url`` is where the feed came from (a URL or a file name); entries' origins are ``url#N``.
    An entry without body text falls back to its title; an entry with neither is skipped.
    Raises ``InputError`` when ``data`` is not a feed (a feed with no entries is an empty list).
    """
    where = url or "input"
    if data.lstrip()[:1] == b"{":
        return json_feed_articles(_json_document(data, where), where)
    return _articles(*_xml_feed(data, where), where)


def json_feed_articles(document: object, where: str) -> list[Article]:
    """The entries of a decoded JSON Feed 1.0/1.1 document as articles (see ``parse_feed``)."""
    if not is_json_feed(document):
        raise InputError(f"{where}: not a readable RSS, Atom or JSON feed")
    return _articles(*_json_feed_entries(document), where)


def _articles(feed_title: str, entries: Iterable[_Entry], where: str) -> list[Article]:
    """Articles from feed entries, titles and bodies as plain text; entries with neither are skipped."""
    source = plain_text(feed_title) or None
    articles: list[Article] = []
    for number, entry in enumerate(entries, start=1):
        title = plain_text(entry.title) or None
        text = plain_text(entry.body) or (title or "")
        if not text:
            continue
        articles.append(
            from_text(
                text,
                title=title,
                source=source,
                url=entry.url,
                published=parse_published(entry.published),
                origin=f"{where}#{number}",
                tags=entry.tags,
            )
        )
    return articles


def _xml_feed(data: bytes, where: str) -> tuple[str, list[_Entry]]:
    import feedparser  # noqa: PLC0415 - feedparser loads only when a feed is read

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    # No entries and no feed version: a web page (feedparser reads <html> as an empty feed).
    if not parsed.entries and (parsed.bozo or not parsed.feed or not parsed.version):
        raise InputError(f"{where}: not a readable RSS, Atom or JSON feed")
    entries = [
        _Entry(
            title=str(entry.get("title") or ""),
            body=_xml_body(entry),
            url=entry.get("link") or None,
            published=entry.get("published_parsed") or entry.get("updated_parsed"),
            tags=tuple(plain_text(t.get("term") or "") for t in entry.get("tags", []) if t.get("term")),
        )
        for entry in parsed.entries
    ]
    return str(parsed.feed.get("title") or ""), entries


def _xml_body(entry: Mapping[str, Any]) -> str:
    """The entry's fullest body: its longest content, else its summary."""
    contents = entry.get("content") or []
    longest = max((str(c.get("value") or "") for c in contents), key=len, default="")
    return longest if longest.strip() else str(entry.get("summary") or "")


def _json_document(data: bytes, where: str) -> object:
    try:
        return json.loads(data)
    except (ValueError, RecursionError):  # bad JSON, bad encoding, or nesting too deep
        raise InputError(f"{where}: not a readable RSS, Atom or JSON feed") from None


def _json_feed_entries(feed: Mapping[str, Any]) -> tuple[str, list[_Entry]]:
    """The title and entries of a JSON Feed document."""
    entries = []
    for item in feed["items"]:
        if not isinstance(item, dict):
            continue
        body = _first_text(item, ("content_html", "content_text", "summary"))
        tags = item.get("tags")
        terms = tags if isinstance(tags, list) else []
        entries.append(
            _Entry(
                title=_first_text(item, ("title",)),
                body=body,
                url=_first_text(item, ("url", "external_url")) or None,
                published=_first_text(item, ("date_published", "date_modified")) or None,
                tags=tuple(plain_text(t) for t in terms if isinstance(t, str) and t.strip()),
            )
        )
    return _first_text(feed, ("title",)), entries


def _first_text(record: Mapping[str, Any], names: tuple[str, ...]) -> str:
    return next((v for v in (record.get(n) for n in names) if isinstance(v, str) and v.strip()), "")
