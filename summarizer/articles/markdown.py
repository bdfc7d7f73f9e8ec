"""Markdown articles: YAML front matter for metadata, and a body reduced to plain prose."""

from __future__ import annotations

import re
from typing import Any

import yaml

from summarizer.errors import InputError

__all__ = ["split_front_matter", "to_plain_text"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.+?)[ \t#]*$", re.MULTILINE)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(?P<text>.+?)(?<=\S)\1")
_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)


def split_front_matter(text: str, origin: str) -> tuple[dict[str, Any], str]:
    """The front matter mapping (empty when there is none) and the body after it."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        meta = yaml.safe_load(match.group("yaml"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise InputError(f"{origin}: the YAML front matter is not valid{where}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(f"{origin}: the YAML front matter must be a mapping of fields")
    return meta, text[match.end() :]


def to_plain_text(body: str) -> tuple[str | None, str]:
    """The first level-one heading (if any) and the body as prose: headings, images and markup removed."""
    first = _HEADING.search(body)
    title = first.group("text").strip() if first and body[first.start() : first.start() + 2] == "# " else None
    text = _HEADING.sub("", body)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\g<text>", text)
    text = _EMPHASIS.sub(r"\g<text>", text)
    text = _QUOTE.sub("", text)
    text = _RULE.sub("", text)
    return title, text
