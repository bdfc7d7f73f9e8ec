"""Where the corpus's articles come from: small providers held in memory (seed files) and
archives read incrementally (the store)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from bot.vocabulary import ArticleHead
from summarizer.articles.model import Article

__all__ = ["ArticleArchive", "ArticleProvider", "LoadFn", "MemoryProvider", "SeedDirectory"]

log = logging.getLogger(__name__)

LoadFn = Callable[[Path], Iterable[Article | Exception | object]]
"""A file -> its articles (anything that is not an ``Article`` counts as a load failure)."""


class ArticleProvider(Protocol):
    """A small source of articles held in memory (a seed folder), re-read when it changes."""

    name: str

    def fingerprint(self) -> Hashable:
        """A cheap value that changes whenever ``articles()`` would return something different."""
        ...

    def articles(self) -> Iterable[Article]:
        """Every article this provider holds now."""
        ...


@dataclass
class MemoryProvider:
    """Articles held in a list (an ``ArticleProvider``); replacing ``items`` adds some."""

    items: Sequence[Article]
    name: str = "memory"

    def fingerprint(self) -> int:
        """Changes when the list's length does."""
        return len(self.items)

    def articles(self) -> Iterable[Article]:
        """All of them."""
        return self.items


@runtime_checkable
class ArticleArchive(Protocol):
    """A large, append-only source of articles (the store), read incrementally."""

    name: str

    def heads_after(self, cursor: int) -> list[tuple[int, ArticleHead]]:
        """(cursor, head) of the articles added after ``cursor``, in the order added."""
        ...

    def load(self, article_id: str) -> Article | None:
        """One article with its text."""
        ...

    def search(self, terms: Sequence[str], *, offset: int = 0, limit: int, titles_only: bool = False
               ) -> tuple[list[str], int]:
        """Ids of the articles whose title (or text) holds every (lower-case) term, those whose
        title holds them all first, then newest first: ``limit`` of them from ``offset``, and how
        many match in all."""
        ...

    def extractions(self) -> dict[str, list[dict[str, Any]]]:
        """Incident records already extracted by the current extractor, by article id."""
        ...


class SeedDirectory:
    """Article files in a folder (any format the summarizer loads), re-read only when changed."""

    name = "seeds"

    def __init__(self, path: Path, load: LoadFn) -> None:
        self.path = path
        self._load = load
        self._files: dict[Path, tuple[tuple[int, int], tuple[Article, ...]]] = {}
        self.failures: tuple[str, ...] = ()

    def _scan(self) -> dict[Path, tuple[int, int]]:
        found: dict[Path, tuple[int, int]] = {}
        if not self.path.is_dir():
            return found
        for root, dirs, files in os.walk(self.path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or name.endswith("~"):
                    continue
                path = Path(root, name)
                try:
                    stat = path.stat()
                except OSError:
                    continue
                found[path] = (stat.st_mtime_ns, stat.st_size)
        return found

    def fingerprint(self) -> Hashable:
        """File names, modification times and sizes."""
        return tuple(sorted((str(p), s) for p, s in self._scan().items()))

    def articles(self) -> Iterator[Article]:
        """Articles of every file, re-loading only files that changed since the last call."""
        scanned = self._scan()
        failures: list[str] = []
        files: dict[Path, tuple[tuple[int, int], tuple[Article, ...]]] = {}
        for path, stamp in scanned.items():
            cached = self._files.get(path)
            if cached is not None and cached[0] == stamp:
                files[path] = cached
                continue
            loaded: list[Article] = []
            try:
                for item in self._load(path):
                    if isinstance(item, Article):
                        loaded.append(item)
                    else:
                        failures.append(f"{path.name}: {item}")
            except Exception as exc:  # a broken seed file must not take the bot down
                failures.append(f"{path.name}: {exc}")
            files[path] = (stamp, tuple(loaded))
        self._files = files
        self.failures = tuple(failures)
        for failure in failures:
            log.warning("seed not loaded: %s", failure)
        for _, articles in files.values():
            yield from articles
