"""A feed server's ``Retry-After`` (RFC 9110: whole seconds or an HTTP date) as a wait."""

from __future__ import annotations

from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

__all__ = ["retry_after"]


def retry_after(value: str | None, now: datetime) -> timedelta | None:
    """The wait ``value`` asks for from ``now`` (never negative); None when absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # str.isdigit alone takes "²", which int() refuses
        return timedelta(seconds=int(value[:9]))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None  # "-0000": a date whose zone the server does not know
    return max(when - now, timedelta(0))
