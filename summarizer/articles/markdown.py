"""Markdown articles: YAML front matter for metadata, and a body reduced to plain prose."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from summarizer.errors import InputError

if TYPE_CHECKING:
    import yaml

__all__ = ["split_front_matter", "to_plain_text"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# An opening "---" line followed by a "field:" line: front matter, even when it is never closed.
_OPENED = re.compile(r"\A---[ \t]*\r?\n[ \t]*[A-Za-z_][\w -]{0,40}:(?:[ \t]|$)", re.MULTILINE)
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# The heading text runs to the last character that is not a space or closing "#" (one such
# character when there is none), read once: a lazy text would re-read the line's tail at each step.
_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>[^\n]*[^ \t#\n]|[ \t#])[ \t#]*+$", re.MULTILINE)
# Images and links. When a "[" starts none, the alternative after "|" consumes what every later
# "[" before the same "]" (or before the end, when no ")" follows) would fail on too, so each
# character is read a bounded number of times; such a match has no ``text`` and is kept as is.
_IMAGE = re.compile(r"!\[(?:(?P<text>[^\]]*+)\]\([^)]*+\)|[^\]]*+(?:\]\([^)]*+\Z)?)")
_LINK = re.compile(r"\[(?:(?P<text>[^\]]++)\]\([^)]*+\)|[^\]]*+(?:\]\([^)]*+\Z)?)")
# Emphasis and code marks, tried in this order at each mark.
_MARKS = ("**", "__", "*", "_", "`")
_MARK = re.compile(r"[*_`]")
_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)


def split_front_matter(text: str, origin: str) -> tuple[dict[str, Any], str]:
    """The front matter mapping (empty when there is none) and the body after it."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        if _OPENED.match(text):
            raise InputError(f"{origin}: the front matter opened by '---' on line 1 is never closed")
        return {}, text
    import yaml  # noqa: PLC0415 - only a file with front matter needs a YAML parser

    try:
        meta = yaml.load(match.group("yaml"), Loader=_loader())  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise InputError(f"{origin}: the YAML front matter is not valid{where}") from None
    except (ValueError, TypeError, OverflowError) as error:  # a tagged value its constructor refuses
        raise InputError(
            f"{origin}: the YAML front matter has a value that cannot be read: {error}"
        ) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(f"{origin}: the YAML front matter must be a mapping of fields")
    return meta, text[match.end() :]


@cache
def _loader() -> type[yaml.SafeLoader]:
    """PyYAML's safe loader, except that dates stay text, read as every other date is.

    PyYAML turns a date-like value into a ``date`` and fails on an impossible one ("2021-02-30");
    as text it goes through the same date reading as JSON fields, which skips what is not a date.
    """
    import yaml  # noqa: PLC0415 - only a file with front matter needs a YAML parser

    class TextDates(yaml.SafeLoader):
        """The safe loader without the timestamp resolver."""

    TextDates.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP_TAG]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return TextDates


def to_plain_text(body: str) -> tuple[str | None, str]:
    """The first level-one heading (if any) and the body as prose: headings, images and markup removed."""
    first = _HEADING.search(body)
    title = first.group("text").strip() if first and body[first.start() : first.start() + 2] == "# " else None
    text = _HEADING.sub("", body)
    text = _IMAGE.sub(lambda image: "" if image.group("text") is not None else image.group(0), text)
    text = _LINK.sub(lambda link: link.group("text") or link.group(0), text)
    text = _strip_emphasis(text)
    text = _QUOTE.sub("", text)
    text = _RULE.sub("", text)
    return title, text


class _Closers:
    """The first closing ``mark`` (right after a non-space) at or after a position.

    Asked with positions that never decrease, so a search runs only when the last answer lies
    behind the position asked: the text is read about once per mark.
    """

    def __init__(self, text: str, mark: str) -> None:
        self._text = text
        self._pattern = re.compile(r"(?<=\S)" + re.escape(mark))
        self._found: int | None = -1

    def first(self, start: int) -> int | None:
        if self._found is not None and self._found < start:
            match = self._pattern.search(self._text, start)
            self._found = match.start() if match else None
        return self._found


def _strip_emphasis(text: str) -> str:
    """``**a**``, ``__a__``, ``*a*``, ``_a_`` and `` `a` `` reduced to their text, in one pass.

    A mark opens before a non-space and closes at its first repeat after a non-space on the same
    line (the first mark in ``_MARKS`` that does wins); the text between is kept as it is.
    """
    closers = {mark: _Closers(text, mark) for mark in _MARKS}
    pieces: list[str] = []
    kept = position = 0
    line_end = -1
    while (found := _MARK.search(text, position)) is not None:
        at = position = found.start()
        for mark in _MARKS:
            start = at + len(mark)
            if not text.startswith(mark, at) or start >= len(text) or text[start].isspace():
                continue
            if line_end < start:
                newline = text.find("\n", start)
                line_end = newline if newline >= 0 else len(text)
            close = closers[mark].first(start + 1)
            if close is not None and close <= line_end:
                pieces += [text[kept:at], text[start:close]]
                kept = position = close + len(mark)
                break
        else:
            position = at + 1
    pieces.append(text[kept:])
    return "".join(pieces)
