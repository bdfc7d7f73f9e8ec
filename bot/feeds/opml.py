"""Feed lists as OPML 2.0, the format every feed reader imports and exports.

Reading is for untrusted files: defusedxml refuses any DTD (so no entity expansion and no
external entities), the file and its outline count are capped, and every feed must be an
http(s) address. A file with any problem is refused as a whole (``OPMLError``), never half read.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from bot.store import FeedInfo

__all__ = ["MAX_FEEDS", "MAX_OPML_BYTES", "OPMLError", "OPMLFeed", "parse_opml", "web_feeds", "write_opml"]

MAX_OPML_BYTES = 1_000_000
MAX_FEEDS = 2_000
_URL_LENGTH = 2000  # what the store keeps of a feed URL


class OPMLError(ValueError):
    """An OPML file that cannot be imported; ``str`` is one line for the user."""


@dataclass(frozen=True, slots=True)
class OPMLFeed:
    """One feed of a list: its address, and its title and web page when known."""

    url: str
    title: str | None = None
    html_url: str | None = None


def _is_http(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


def _outlines(element: ET.Element) -> Iterator[ET.Element]:
    """Every ``outline`` under ``element``, categories included, in document order."""
    for child in element:
        if child.tag == "outline":
            yield child
            yield from _outlines(child)


def _feed(outline: ET.Element, number: int) -> OPMLFeed:
    url = (outline.get("xmlUrl") or "").strip()
    label = outline.get("text") or outline.get("title") or ""
    where = f"outline {number}" + (f" ({label[:60]})" if label else "")
    if not url:
        raise OPMLError(f"{where} has no xmlUrl (a feed address)")
    if not _is_http(url) or len(url) > _URL_LENGTH:
        raise OPMLError(f"{where}: {url[:100]!r} is not an http(s) feed address")
    html_url = (outline.get("htmlUrl") or "").strip()
    title = (outline.get("title") or outline.get("text") or "").strip()
    return OPMLFeed(url, title or None, html_url if _is_http(html_url) else None)


def parse_opml(data: bytes) -> list[OPMLFeed]:
    """The feeds of an OPML file, without repeats; ``OPMLError`` for anything wrong with it.

    Outlines with ``xmlUrl`` are feeds; outlines without one that contain others are categories
    (flattened). Any other outline without ``xmlUrl`` is an error.
    """
    if len(data) > MAX_OPML_BYTES:
        raise OPMLError(f"the file is over {MAX_OPML_BYTES // 1_000_000} MB; split it")
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise OPMLError("the file declares a DTD or entities, which are refused") from None
    except ET.ParseError as exc:
        raise OPMLError(f"not XML: {exc}") from None
    body = root.find("body")
    if root.tag != "opml" or body is None:
        raise OPMLError("not OPML: it needs an <opml> root with a <body>")
    feeds: dict[str, OPMLFeed] = {}
    for number, outline in enumerate(_outlines(body), start=1):
        if outline.get("xmlUrl") is None and len(outline):
            continue  # a category
        feed = _feed(outline, number)
        feeds.setdefault(feed.url, feed)
        if len(feeds) > MAX_FEEDS:
            raise OPMLError(f"more than {MAX_FEEDS} feeds; split the file")
    if not feeds:
        raise OPMLError("the file lists no feeds")
    return list(feeds.values())


def web_feeds(feeds: Iterable[FeedInfo]) -> list[OPMLFeed]:
    """The http(s) feeds among stored ones, for export (local folders stay private)."""
    return [OPMLFeed(feed.url, feed.title) for feed in feeds if _is_http(feed.url)]


def write_opml(feeds: Iterable[OPMLFeed], title: str) -> str:
    """An OPML 2.0 document listing ``feeds`` (readable by ``parse_opml`` and feed readers)."""
    root = ET.Element("opml", version="2.0")
    ET.SubElement(ET.SubElement(root, "head"), "title").text = title
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attributes = {"type": "rss", "text": feed.title or feed.url, "title": feed.title or feed.url,
                      "xmlUrl": feed.url}
        if feed.html_url:
            attributes["htmlUrl"] = feed.html_url
        ET.SubElement(body, "outline", attributes)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
