"""Load articles from a path, a directory, ``-`` (stdin), an http(s) URL or a feed."""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from summarizer.articles.decode import check_size
from summarizer.articles.formats import format_for_name, parse, sniff_format
from summarizer.articles.model import Article, LoadFailure
from summarizer.articles.options import DEFAULT_OPTIONS, LoadOptions
from summarizer.errors import InputError

if TYPE_CHECKING:
    from summarizer.articles.fetch import Fetched

__all__ = ["STDIN", "first_article", "is_url", "load", "load_fetched", "load_one"]

STDIN = "-"
_OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def is_url(source: str) -> bool:
    """True for an http(s) URL."""
    return source.lower().startswith(("http://", "https://"))


def load(source: str | Path, options: LoadOptions = DEFAULT_OPTIONS) -> Iterator[Article | LoadFailure]:
    """Every article ``source`` holds, in order; what cannot be loaded comes as a ``LoadFailure``.

    A directory is walked recursively in sorted order, reading only files whose suffix names a
    format (``.txt .md .html .json .jsonl .xml .rss .atom`` and variants) and skipping hidden
    ones; one bad file is reported and the rest go on. A feed (URL or file) yields its entries.
    """
    name = str(source)
    if name == STDIN:
        return _load_stdin(options)
    if is_url(name):
        return _load_url(name, options)
    if _OTHER_SCHEME.match(name):
        scheme = name.split(":", 1)[0]
        return iter([LoadFailure(name, f"{name}: {scheme}:// addresses are not supported; use http(s)")])
    return _load_path(Path(name), options)


def load_one(source: str | Path, options: LoadOptions = DEFAULT_OPTIONS) -> Article:
    """The first article ``source`` holds; raises ``InputError`` when none can be loaded."""
    return first_article(load(source, options), source)


def first_article(items: Iterable[Article | LoadFailure], source: str | Path) -> Article:
    """The first article of ``items``; raises ``InputError`` (the first failure) when there is none."""
    first_failure: LoadFailure | None = None
    for item in items:
        if isinstance(item, Article):
            return item
        first_failure = first_failure or item
    if first_failure is not None:
        raise InputError(first_failure.message)
    raise InputError(f"{source}: no article found")


def _load_stdin(options: LoadOptions) -> Iterator[Article | LoadFailure]:
    data = sys.stdin.buffer.read(options.max_bytes + 1)
    try:
        check_size(len(data), options.max_bytes, "stdin")
    except InputError as error:
        yield LoadFailure("stdin", str(error))
        return
    yield from parse(data, "stdin", sniff_format(data), options)


def _load_url(url: str, options: LoadOptions) -> Iterator[Article | LoadFailure]:
    # the HTTP stack (httpx, asyncio, ssl) loads only when a URL is fetched
    from summarizer.articles.download import FetchPolicy  # noqa: PLC0415
    from summarizer.articles.fetch import fetch  # noqa: PLC0415

    try:
        fetched = fetch(url, FetchPolicy(timeout=options.timeout, max_bytes=options.max_bytes))
    except InputError as error:
        yield LoadFailure(url, str(error))
        return
    yield from load_fetched(fetched, options)


def load_fetched(fetched: Fetched, options: LoadOptions = DEFAULT_OPTIONS) -> Iterator[Article | LoadFailure]:
    """Every article a fetched body holds (a page, a feed's entries, JSON rows)."""
    return parse(fetched.data, fetched.url, fetched.fmt, options)


def _load_path(path: Path, options: LoadOptions) -> Iterator[Article | LoadFailure]:
    if path.is_dir():
        yield from _load_directory(path, options)
        return
    yield from _load_file(path, options, format_for_name(path.name) or "txt")


def _load_directory(root: Path, options: LoadOptions) -> Iterator[Article | LoadFailure]:
    try:
        entries = sorted(root.rglob("*"))
    except OSError as error:
        yield LoadFailure(str(root), f"{root}: cannot list the directory ({error.strerror or error})")
        return
    for path in entries:
        relative = path.relative_to(root).parts
        if any(part.startswith(".") for part in relative):
            continue
        fmt = format_for_name(path.name)
        if fmt is None or path.is_dir():
            continue
        yield from _load_file(path, options, fmt)


def _load_file(path: Path, options: LoadOptions, fmt: str) -> Iterator[Article | LoadFailure]:
    origin = str(path)
    try:
        data = _read_regular_file(path, options.max_bytes, origin)
    except InputError as error:
        yield LoadFailure(origin, str(error))
        return
    except FileNotFoundError:
        yield LoadFailure(origin, f"{origin}: no such file or directory")
        return
    except OSError as error:
        yield LoadFailure(origin, f"{origin}: cannot read the file ({error.strerror or error})")
        return
    yield from parse(data, origin, fmt, options)


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))  # fmt: skip


def _read_regular_file(path: Path, max_bytes: int, origin: str) -> bytes:
    """The bytes of a regular file, read up to the cap whatever its size says.

    ``/proc`` files and devices report 0 bytes, so the cap bounds what is read, not what ``stat``
    says. The file is opened without waiting (a FIFO would wait for a writer) and anything but a
    regular file (a FIFO, device or socket) is refused by name: stdin (``-``) reads a stream.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            kind = next((name for test, name in _KINDS if test(status.st_mode)), "a special file")
            raise InputError(f"{origin}: {kind}, not a regular file: skipped (pipe a stream to - instead)")
        check_size(status.st_size, max_bytes, origin)
        data = file.read(max_bytes + 1)
    check_size(len(data), max_bytes, origin)
    return data
