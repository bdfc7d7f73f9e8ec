"""Small hand-written articles and stand-in analysis functions for the core's unit tests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from summarizer.articles.model import Article, content_id
from summarizer.summary import Length, Summary, select
from summarizer.text import split_sentences


def make_article(title: str, text: str, day: int, *, source: str = "Wire", url: str | None = None) -> Article:
    """An article published on ``day`` November 2026."""
    return Article(
        id=content_id(title + text), title=title, text=text, source=source, url=url,
        published=datetime(2026, 11, day, 8, 0, tzinfo=UTC),
    )


def lead_summary(article: Article, method: str, sentences: int) -> Summary:
    """The first sentences (stands in for the real pipeline where only ordering matters)."""
    texts = [s.text for s in split_sentences(article.text)]
    return select(texts, [-float(i) for i in range(len(texts))], Length(sentences=sentences), method)


class CountingExtractor:
    """Reads ``PLACE:`` lines as incidents and counts how often it is called."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, article: Article) -> list[dict[str, Any]]:
        self.calls += 1
        found: list[dict[str, Any]] = []
        for line in article.text.splitlines():
            if line.startswith("PLACE:"):
                place, _, when = line.removeprefix("PLACE:").strip().partition("@")
                found.append({
                    "location": place.strip(), "country": "Syria", "event_date": when.strip() or None,
                    "actor1": "Syrian forces", "vehicles": {"MRAP": 5}, "fatalities": 0, "injuries": 0,
                    "outcome": "convoy turned back",
                })
        return found


def load_text_file(path: Path) -> list[Article]:
    """First line is the title, the rest the text; ``day: N`` sets the date."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines:
        raise ValueError("empty file")
    day = 1
    body = []
    for line in lines[1:]:
        if line.startswith("day:"):
            day = int(line.removeprefix("day:"))
        else:
            body.append(line)
    return [make_article(lines[0], "\n".join(body), day)]


@dataclass
class MemoryProvider:
    """Articles held in a list (an ``ArticleProvider``); a test replaces ``items`` to add some."""

    items: Sequence[Article]
    name: str = "memory"

    def fingerprint(self) -> int:
        """Changes when the list's length does."""
        return len(self.items)

    def articles(self) -> Iterable[Article]:
        """All of them."""
        return self.items
