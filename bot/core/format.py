"""Platform-free text helpers for replies: reading time, dates, counts, shortening."""

from __future__ import annotations

from datetime import UTC, date, datetime

__all__ = ["as_utc", "format_date", "plural", "reading_time", "shorten"]

WORDS_PER_MINUTE = 230


def reading_time(text: str) -> str:
    """``"4 min read"`` at an adult reading pace (at least one minute)."""
    minutes = max(1, round(len(text.split()) / WORDS_PER_MINUTE))
    return f"{minutes} min read"


def as_utc(moment: datetime) -> datetime:
    """An aware UTC datetime; naive values are taken to be UTC already."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def format_date(value: date | datetime | None, *, precision: str = "day") -> str:
    """``"21 Oct 2021"`` (``"Oct 2021"`` or ``"2021"`` at month/year precision, ``"undated"`` for None)."""
    if value is None:
        return "undated"
    if isinstance(value, datetime):
        value = as_utc(value).date()
    if precision == "year":
        return f"{value.year}"
    if precision == "month":
        return value.strftime("%b %Y")
    return f"{value.day} {value.strftime('%b %Y')}"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``"1 article"``, ``"3 articles"``."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters at a word boundary, marking the cut with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(1, limit - 1)]
    space = cut.rfind(" ")
    if text[len(cut)] != " " and space > limit // 2:  # do not end inside a word
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"
