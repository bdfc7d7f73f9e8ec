"""How loaders read their input: size cap, network timeout and JSON field names."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.articles.decode import DEFAULT_MAX_BYTES

__all__ = ["DEFAULT_OPTIONS", "LoadOptions"]


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """Loader settings. ``text_fields`` are tried in order; the first non-empty string wins."""

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 10.0
    text_fields: tuple[str, ...] = ("article", "text", "body", "content")
    title_field: str = "title"
    url_field: str = "url"
    published_fields: tuple[str, ...] = ("published", "date")
    source_field: str = "source"
    id_field: str = "id"


DEFAULT_OPTIONS = LoadOptions()
