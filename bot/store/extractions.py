"""Incident records kept in the store, so restarts and other processes do not extract them again.

Each article's records are stored under its summarizer id and the extractor version, with a
hash of what the extractor reads (title, text, dates): a changed article or a new extractor is
extracted again, everything else is read back. Articles without incidents are stored too (as
``[]``), since most articles have none and those are exactly the ones that cost a full read.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

import summarizer
from bot.store.store import Store
from bot.vocabulary import ExtractFn
from summarizer.articles.model import Article
from summarizer.incidents import EXTRACTOR_VERSION

__all__ = ["cached_incidents", "extraction_input", "extractor_version"]

log = logging.getLogger(__name__)

_DATA_PACKAGES = ("pycountry",)  # the extractor's country tables (its place table ships in summarizer/)


@functools.cache
def extractor_version() -> str:
    """``EXTRACTOR_VERSION`` plus a digest of the summarizer's code and place table and its country
    package's version: records stored by another release of the extractor are never served, even when
    nobody remembered to bump the constant."""
    digest = hashlib.sha256()
    root = Path(summarizer.__file__).parent
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.xz")]):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    for package in _DATA_PACKAGES:
        digest.update(f"{package}=={importlib.metadata.version(package)}".encode())
    return f"{EXTRACTOR_VERSION}+{digest.hexdigest()[:16]}"


def extraction_input(article: Article) -> str:
    """A hash of everything ``extract_incidents`` reads from an article."""
    parts = (
        article.title, article.text,
        article.published.isoformat() if article.published else "",
        article.reference_date.isoformat() if article.reference_date else "",
        "inferred" if "reference_date" in article.inferred else "",
    )
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def cached_incidents(extract: ExtractFn, store: Store, version: str | None = None) -> ExtractFn:
    """``extract`` with its records kept in the store under ``version`` (default
    ``extractor_version()``): each call first asks the store for that article (another process
    or an earlier run may have extracted it). A database hiccup falls back to extracting. (The
    corpus reads the extractions of stored articles in bulk at start, through ``StoreArticles``.)"""
    key = version or extractor_version()

    def stored(uid: str) -> tuple[str, list[dict[str, Any]]] | None:
        try:
            return store.extractions(key, [uid]).get(uid)
        except SQLAlchemyError:
            log.warning("stored incidents unreadable for %s", uid, exc_info=True)
            return None

    def run(article: Article) -> list[dict[str, Any]]:
        digest = extraction_input(article)
        found = stored(article.id)
        if found is not None and found[0] == digest:
            return found[1]
        records = [dict(record) for record in extract(article)]
        try:
            store.save_extraction(article.id, key, digest, records, now=datetime.now(UTC))
        except SQLAlchemyError:
            log.warning("incidents not stored for %s", article.id, exc_info=True)
        return records

    return run
