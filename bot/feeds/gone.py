"""The reason recorded for a feed whose server says it is gone for good (HTTP 410)."""

from __future__ import annotations

__all__ = ["GONE_REASON"]

GONE_REASON = "HTTP 410 Gone: the publisher removed this feed"
