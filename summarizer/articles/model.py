"""The one article model every loader produces."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

__all__ = ["Article", "LoadFailure", "content_id"]


def content_id(text: str) -> str:
    """A stable id for an article: the first 16 hex digits of the SHA-256 of its whitespace-folded text."""
    folded = " ".join(text.split())  # str.split and re's \s agree on what whitespace is
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    """An article as loaded: raw body text plus metadata.

    ``inferred`` names the metadata fields that were guessed from the text rather than given
    (``"title"``, ``"source"``, ``"reference_date"``). ``reference_date`` is the date relative
    expressions ("on 21 October", "last month") are resolved against: the publication date
    when known, else a date inferred from the text.
    """

    id: str
    title: str
    text: str
    source: str | None = None
    url: str | None = None
    published: datetime | None = None
    language: str = "en"
    reference_date: date | None = None
    tags: tuple[str, ...] = ()
    origin: str = ""
    inferred: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class LoadFailure:
    """One input that could not be loaded: where it came from and a one-line message for a user."""

    origin: str
    message: str

    def __str__(self) -> str:
        return self.message
