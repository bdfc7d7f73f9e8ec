"""What a channel's members may read of a stored failure, for rows of any release.

Since the refusal-text change a delivery's ``error`` holds only the platform's own refusal or
one of the bot's fixed explanations, and a stopped subscription's reason only the bot's own
schedule check or ``UNEXPLAINED_STOP``. Rows stored before it may hold an exception's own text
(which can name database hosts, users or queries); those are shown through the same fixed
explanations, while the row itself keeps what it holds.
"""

from __future__ import annotations

import re

from bot.schedule import ScheduleError, parse_schedule

__all__ = ["UNEXPLAINED", "UNEXPLAINED_STOP", "delivery_error", "stop_reason"]

# What a channel's members read about a failure that is not the platform's refusal, and about a
# subscription an unexpected error stopped.
UNEXPLAINED = "the bot could not build or post it (see the operator's log)"
UNEXPLAINED_STOP = "an error in the bot stopped it (see the operator's log)"

# The two forms earlier releases stored for a failure that was not the platform's refusal:
# "cannot build the post: <error>" and "<ExceptionClass>: <error>". No refusal text starts so.
_RAW_ERROR = re.compile(r"cannot build the post: |[A-Za-z_][A-Za-z0-9_.]*: ")


def delivery_error(stored: str | None) -> str | None:
    """A delivery's stored error as the channel may read it."""
    if stored is not None and _RAW_ERROR.match(stored):
        return UNEXPLAINED
    return stored


def stop_reason(stored: str | None, schedule: str, timezone: str) -> str | None:
    """Why a subscription stopped, as the channel may read it: the bot's own schedule check (as
    it reads now for that schedule) or ``UNEXPLAINED_STOP``."""
    if stored is None or stored == UNEXPLAINED_STOP:
        return stored
    try:
        parse_schedule(schedule, timezone)
    except ScheduleError as exc:
        if stored == str(exc):
            return stored
    return UNEXPLAINED_STOP
