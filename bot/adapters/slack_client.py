"""The one place a slack_sdk Web API client is configured (base URL, retries)."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.sender import LONGEST_RATE_LIMIT_WAIT
from bot.retry_after import retry_after_seconds

__all__ = ["DEFAULT_API_URL", "api_base_url", "error_code", "rate_limit_seconds", "web_client"]

DEFAULT_API_URL = "https://slack.com/api/"
DEFAULT_RETRY_SECONDS = 30.0  # a 429 without a readable Retry-After


def api_base_url(api_url: str | None) -> str:
    """The Web API base URL (``SLACK_API_URL`` or Slack's), always with its trailing slash:
    slack_sdk joins method names onto it, so ``.../api`` would call ``.../apichat.postMessage``."""
    url = (api_url or DEFAULT_API_URL).strip()
    return url if url.endswith("/") else url + "/"


def web_client(token: str, api_url: str | None = None, *, retry_rate_limits: bool) -> AsyncWebClient:
    """An ``AsyncWebClient`` retrying dropped connections once.

    ``retry_rate_limits`` adds slack_sdk's ``AsyncRateLimitErrorRetryHandler`` (one retry after
    ``Retry-After``), right for interactive answers; the scheduler's sender passes False so a 429
    reaches it as ``RetryAfter`` and it can schedule the retry itself.
    """
    handlers: list[AsyncConnectionErrorRetryHandler | AsyncRateLimitErrorRetryHandler] = [
        AsyncConnectionErrorRetryHandler(max_retry_count=1)
    ]
    if retry_rate_limits:
        handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=1))
    return AsyncWebClient(token=token, base_url=api_base_url(api_url), retry_handlers=list(handlers))


def error_code(exc: Exception) -> str:
    """What failed, in a few words: Slack's error code, else the HTTP status, else the kind of
    failure. A proxy's 503 page or a 405 has a plain-text or HTML body, not JSON."""
    if isinstance(exc, SlackApiError):
        data = exc.response.data
        code = data.get("error") if isinstance(data, dict) else None
        return str(code or f"HTTP {exc.response.status_code}")
    return type(exc).__name__


def rate_limit_seconds(exc: SlackApiError) -> float:
    """``Retry-After`` of a refused call, in seconds (at most ``LONGEST_RATE_LIMIT_WAIT``)."""
    headers = {key.lower(): value for key, value in (exc.response.headers or {}).items()}
    raw = headers.get("retry-after")
    if isinstance(raw, list):  # slack_sdk's retry handlers see each header as a list of values
        raw = raw[0] if raw else None
    return retry_after_seconds(raw, default=DEFAULT_RETRY_SECONDS, longest=LONGEST_RATE_LIMIT_WAIT)
