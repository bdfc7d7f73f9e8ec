"""Parsers from raw bytes to articles, one per input format."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from summarizer.articles.decode import decode_text, looks_binary, to_utf8, utf16_codec
from summarizer.articles.feeds import is_json_feed, json_feed_articles, parse_feed
from summarizer.articles.infer import from_text, parse_published
from summarizer.articles.markdown import split_front_matter, to_plain_text
from summarizer.articles.model import Article, LoadFailure
from summarizer.articles.options import LoadOptions
from summarizer.articles.page import extract_page
from summarizer.errors import InputError
from summarizer.text import words

__all__ = ["FORMATS", "Parser", "format_for_name", "parse", "sniff_format"]

# Fewer words than this is navigation or a caption, not an article's main text.
_MIN_HTML_WORDS = 8

Parser = Callable[[bytes, str, LoadOptions], Iterator[Article | LoadFailure]]


def _txt(data: bytes, origin: str, options: LoadOptions) -> Iterator[Article | LoadFailure]:
    yield from_text(decode_text(data, origin), origin=origin)


def _markdown(data: bytes, origin: str, options: LoadOptions) -> Iterator[Article | LoadFailure]:
    meta, body = split_front_matter(decode_text(data, origin), origin)
    heading, text = to_plain_text(body)
    if not meta.get("title") and heading:
        meta = {**meta, "title": heading}
    yield _from_record(meta, origin, options, text=text)


def _html(data: bytes, origin: str, options: LoadOptions) -> Iterator[Article | LoadFailure]:
    if looks_binary(data):
        raise InputError(f"{origin}: this is a binary file, not HTML")
    page = extract_page(data, origin if origin.startswith(("http://", "https://")) else None)
    if len(words(page.text)) < _MIN_HTML_WORDS:
        raise InputError(f"{origin}: no main text found in the HTML page")
    yield from_text(
        page.text,
        title=page.title,
        source=page.sitename,
        url=page.url,
        published=parse_published(page.date),
        origin=origin,
    )


def _load_json(text: str, where: str) -> object:
    """Parse JSON text; what the parser refuses, even mid-way, is an ``InputError`` naming ``where``.

    Besides syntax errors, Python's parser refuses an integer of more than 4,300 digits (a
    ``ValueError``) and nesting deeper than the interpreter's recursion limit (``RecursionError``).
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        line = f" at line {error.lineno}" if error.lineno > 1 else ""
        raise InputError(f"{where}: not valid JSON ({error.msg}{line})") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply to read") from None
    except ValueError as error:  # the parser's other refusal: an integer over the digit limit
        reason = str(error).split(":", 1)[0]
        raise InputError(f"{where}: JSON with a number too long to read ({reason})") from None


def _json(data: bytes, origin: str, options: LoadOptions) -> Iterator[Article | LoadFailure]:
    value = _load_json(decode_text(data, origin), origin)
    if is_json_feed(value):
        yield from _entries(json_feed_articles(value, origin), origin)
        return
    records = value if isinstance(value, list) else [value]
    for number, record in enumerate(records, start=1):
        where = origin if len(records) == 1 and not isinstance(value, list) else f"{origin}[{number}]"
        yield _record_or_failure(record, where, options)


def _jsonl(data: bytes, origin: str, options: LoadOptions) -> Iterator[Article | LoadFailure]:
    if looks_binary(data):
        raise InputError(f"{origin}: this is a binary file, not JSON Lines")
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = _load_json(decode_text(raw, where), where)
        except InputError as error:
            yield LoadFailure(where, str(error))
            continue
        yield _record_or_failure(record, where, options)


def _feed(data: bytes, origin: str, options: LoadOptions) -> Iterator[Article | LoadFailure]:
    yield from _entries(parse_feed(data, origin), origin)


def _entries(articles: list[Article], origin: str) -> list[Article]:
    """A feed's articles; a feed without any is an input error (one error row, not silence)."""
    if not articles:
        raise InputError(f"{origin}: the feed has no entry with a title or text")
    return articles


def _record_or_failure(record: object, where: str, options: LoadOptions) -> Article | LoadFailure:
    try:
        return _from_record(record, where, options)
    except InputError as error:
        return LoadFailure(where, str(error))


def _field(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _text(record: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    """The article text: a string, or a list of paragraph strings joined by blank lines."""
    lists = {
        name: "\n\n".join(value)
        for name in names
        if isinstance(value := record.get(name), list) and all(isinstance(item, str) for item in value)
    }
    return _field({**record, **lists}, names)


def _label(record: Mapping[str, Any], name: str) -> str | None:
    """A title or source, which may be a bare number in YAML or JSON ("title: 1984")."""
    value = record.get(name)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return _field(record, (name,))


def _from_record(record: object, origin: str, options: LoadOptions, *, text: str | None = None) -> Article:
    """An article from a JSON object or front matter; ``text`` overrides the text field (Markdown)."""
    if not isinstance(record, dict):
        raise InputError(f"{origin}: expected a JSON object with the article's fields")
    body = text if text is not None else _text(record, options.text_fields)
    if body is None:
        raise InputError(f"{origin}: no article text (looked for fields: {', '.join(options.text_fields)})")
    published_value = next((record[k] for k in options.published_fields if record.get(k)), None)
    tags = record.get("tags") or ()
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    record_id = record.get(options.id_field)
    language = record.get("language")
    return from_text(
        body,
        title=_label(record, options.title_field),
        source=_label(record, options.source_field),
        url=_field(record, (options.url_field,)),
        published=parse_published(published_value),
        origin=origin,
        id=str(record_id) if isinstance(record_id, str | int) and str(record_id) else None,
        tags=tuple(str(t) for t in tags if str(t).strip()) if isinstance(tags, list | tuple) else (),
        language=language if isinstance(language, str) and language else None,
    )


FORMATS: dict[str, Parser] = {
    "txt": _txt,
    "md": _markdown,
    "html": _html,
    "json": _json,
    "jsonl": _jsonl,
    "feed": _feed,
}
_SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
    ".xhtml": "html", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xml": "feed",
    ".rss": "feed", ".atom": "feed",
}  # fmt: skip


def format_for_name(name: str) -> str | None:
    """The format a file name's suffix stands for, or ``None`` when it is not one we load."""
    dot = name.rfind(".")
    return _SUFFIXES.get(name[dot:].lower()) if dot > 0 else None


def sniff_format(data: bytes) -> str:
    """Guess the format of unnamed input (stdin): feed (JSON Feed too), HTML, JSON Lines, JSON or text."""
    codec = utf16_codec(data)
    if codec is not None:
        data = data.decode(codec, "ignore").encode("utf-8")
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf")):
        return "feed" if any(tag in head for tag in (b"<rss", b"<feed", b"<rdf")) else "html"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p", b"<div")):
        return "html"
    if head.startswith(b"{") and b"jsonfeed.org/version/" in head:
        return "feed"
    if head.startswith(b"{"):
        first_line = data.lstrip().split(b"\n", 1)[0]
        try:
            json.loads(first_line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            return "json"
        except (ValueError, RecursionError):
            pass  # a whole line refused mid-way (too long a number, too deep): still a JSON Lines row
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"---\n"):
        return "md"
    return "txt"


def parse(data: bytes, origin: str, fmt: str, options: LoadOptions) -> Iterator[Article | LoadFailure]:
    """Parse ``data`` as ``fmt`` (UTF-16 text read as such); a whole-input failure is one ``LoadFailure``."""
    try:
        data = to_utf8(data, origin)
    except InputError as error:
        yield LoadFailure(origin, str(error))
        return
    items = FORMATS[fmt](data, origin, options)
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except InputError as error:
            yield LoadFailure(origin, str(error))
            return
        yield item
