"""The one ``Retry-After`` reader: feeds, Slack and Discord read the header the same way."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.adapters.slack_client import DEFAULT_RETRY_SECONDS, rate_limit_seconds
from bot.core.sender import LONGEST_RATE_LIMIT_WAIT
from bot.retry_after import retry_after, retry_after_seconds

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


LONGEST = timedelta(days=7)


@pytest.mark.parametrize(("value", "wait"), [
    ("120", timedelta(minutes=2)),
    (" 7 ", timedelta(seconds=7)),
    ("1.5", timedelta(seconds=1.5)),  # Discord-style fraction
    ("Tue, 24 Nov 2026 12:00:00 GMT", timedelta(hours=3)),
    ("Tue, 24 Nov 2026 08:00:00 GMT", timedelta(0)),  # a date gone by: no wait
    ("9" * 40, LONGEST),  # an absurd number is capped, not an overflow
    ("99999999999", LONGEST),
    ("Fri, 31 Dec 9999 23:59:59 GMT", LONGEST),
    ("0000000001234", timedelta(seconds=1234)),  # leading zeros count for nothing
    ("0000000001234.5", timedelta(seconds=1234.5)),
])
def test_readable_values(value: str, wait: timedelta) -> None:
    assert retry_after(value, NOW, longest=LONGEST) == wait


@pytest.mark.parametrize("value", [
    None, "", "soon", "-5", "nan", "inf", "1e9", "1.", ".5", "\N{SUPERSCRIPT TWO}", "1.\N{SUPERSCRIPT TWO}",
    "Tue, 24 Nov 2026 12:00:00 -0000",  # a date in an unknown zone
    "Tue, 99 Nov 2026 12:00:00 GMT",
])
def test_unreadable_values_are_none(value: str | None) -> None:
    assert retry_after(value, NOW, longest=LONGEST) is None


def test_seconds_fall_back_to_the_default() -> None:
    assert retry_after_seconds("soon", default=30.0, longest=90.0, now=NOW) == 30.0
    assert retry_after_seconds("Tue, 24 Nov 2026 09:01:00 GMT", default=30.0, longest=90.0, now=NOW) == 60.0
    assert retry_after_seconds("Tue, 24 Nov 2026 09:02:00 GMT", default=30.0, longest=90.0, now=NOW) == 90.0


def _slack_429(headers: dict[str, object]) -> SlackApiError:
    response = AsyncSlackResponse(client=None, http_verb="POST", api_url="https://slack.test/api/chat.postMessage",
                                  req_args={}, data={"ok": False, "error": "ratelimited"},
                                  headers=headers, status_code=429)
    return SlackApiError("ratelimited", response)


def test_slack_reads_the_header_with_the_shared_reader() -> None:
    later = (datetime.now(UTC) + timedelta(minutes=2)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert rate_limit_seconds(_slack_429({"Retry-After": "12"})) == 12.0
    assert rate_limit_seconds(_slack_429({"retry-after": ["3"]})) == 3.0  # slack_sdk's list form
    assert 60 < rate_limit_seconds(_slack_429({"Retry-After": later})) <= 120  # an HTTP date too
    assert rate_limit_seconds(_slack_429({"Retry-After": "nan"})) == DEFAULT_RETRY_SECONDS
    assert rate_limit_seconds(_slack_429({})) == DEFAULT_RETRY_SECONDS
    for endless in ("Fri, 31 Dec 9999 23:59:59 GMT", "99999999999"):  # a few minutes at most
        assert rate_limit_seconds(_slack_429({"Retry-After": endless})) == LONGEST_RATE_LIMIT_WAIT
