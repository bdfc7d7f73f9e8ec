"""The one reader of ``Retry-After`` (RFC 9110: seconds or an HTTP date) for feeds, Slack and Discord."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

__all__ = ["retry_after", "retry_after_seconds"]


def retry_after(value: str | None, now: datetime, *, longest: timedelta) -> timedelta | None:
    """The wait ``value`` asks for from ``now``, at least none and at most ``longest`` (a longer
    wait is read as ``longest``); None when absent or unreadable.

    Seconds are whole (RFC 9110) or, as some platforms send, with a decimal fraction ("1.5"); a
    number without digits on both sides of its point (".5", "5.") is unreadable."""
    if value is None:
        return None
    value = value.strip()
    whole, point, fraction = value.partition(".")
    if _digits(whole) and (not point or _digits(fraction)):  # never float("nan"), "1e9" or "²"
        seconds = float(f"{whole}.{fraction or 0}")  # "1" * 400 is inf
        return timedelta(seconds=min(seconds, longest.total_seconds()))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None  # "-0000": a date whose zone the server does not know
    return min(max(when - now, timedelta(0)), longest)


def retry_after_seconds(value: str | None, *, default: float, longest: float,
                        now: datetime | None = None) -> float:
    """``retry_after`` in seconds from ``now`` (the current time when None), at most ``longest``;
    ``default`` when the header is absent or unreadable."""
    wait = retry_after(value, now or datetime.now(UTC), longest=timedelta(seconds=longest))
    return default if wait is None else wait.total_seconds()


def _digits(text: str) -> bool:
    """Whether ``text`` is ASCII digits only (``str.isdigit`` alone takes "²", which float refuses)."""
    return text.isascii() and text.isdigit()
