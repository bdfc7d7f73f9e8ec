"""The one place a slack_sdk Web API client is configured (base URL, retries)."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.sender import LONGEST_RATE_LIMIT_WAIT
from bot.retry_after import retry_after_seconds

__all__ = ["DEFAULT_API_URL", "api_base_url", "error_code", "rate_limit_seconds", "web_client"]

DEFAULT_API_URL = "https://slack.com/api/"
DEFAULT_RETRY_SECONDS = 30.0  # a 429 without a readable Retry-After
INTERACTIVE_RETRY_SECONDS = 30.0  # the longest rate limit an answer waits out before giving up


def api_base_url(api_url: str | None) -> str:
    """The Web API base URL (``SLACK_API_URL`` or Slack's), always with its trailing slash:
    slack_sdk joins method names onto it, so ``.../api`` would call ``.../apichat.postMessage``."""
    url = (api_url or DEFAULT_API_URL).strip()
    return url if url.endswith("/") else url + "/"


def web_client(token: str, api_url: str | None = None, *, retry_rate_limits: bool) -> AsyncWebClient:
    """An ``AsyncWebClient`` retrying dropped connections once.

    ``retry_rate_limits`` adds one retry after a short ``Retry-After``
    (:class:`InteractiveRateLimitRetry`), right for interactive answers; the scheduler's sender
    passes False so a 429 reaches it as ``RetryAfter`` and it can schedule the retry itself.
    """
    handlers: list[AsyncConnectionErrorRetryHandler | AsyncRateLimitErrorRetryHandler] = [
        AsyncConnectionErrorRetryHandler(max_retry_count=1)
    ]
    if retry_rate_limits:
        handlers.append(InteractiveRateLimitRetry(max_retry_count=1))
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
    return _header_seconds(exc.response.headers or {})


def _header_seconds(headers: Mapping[str, object]) -> float:
    """``Retry-After`` in ``headers`` (any letter case), in seconds, at most ``LONGEST_RATE_LIMIT_WAIT``."""
    raw = next((value for key, value in headers.items() if key.lower() == "retry-after"), None)
    if isinstance(raw, list):  # slack_sdk's retry handlers see each header as a list of values
        raw = raw[0] if raw else None
    return retry_after_seconds(raw if isinstance(raw, str) else None, default=DEFAULT_RETRY_SECONDS,
                               longest=LONGEST_RATE_LIMIT_WAIT)


class InteractiveRateLimitRetry(AsyncRateLimitErrorRetryHandler):
    """slack_sdk's rate-limit retry for answers, with the bot's one ``Retry-After`` reader: a wait
    of at most ``INTERACTIVE_RETRY_SECONDS`` is slept once; a longer one (or a date, a huge or
    unreadable number, which slack_sdk's own handler would sleep or crash on) reaches the caller
    as the 429, whose reply says when to try again."""

    async def _can_retry_async(self, *, state: RetryState, request: HttpRequest,
                               response: HttpResponse | None = None,
                               error: Exception | None = None) -> bool:
        return (response is not None and response.status_code == 429
                and _header_seconds(response.headers) <= INTERACTIVE_RETRY_SECONDS)

    async def prepare_for_next_attempt_async(self, *, state: RetryState, request: HttpRequest,
                                             response: HttpResponse | None = None,
                                             error: Exception | None = None) -> None:
        state.next_attempt_requested = True
        await asyncio.sleep(_header_seconds(response.headers) if response is not None else 1.0)
        state.increment_current_attempt()
