"""Schedules: cron expressions or plain words, in an IANA time zone, daylight-saving correct.

Slots are computed on the local wall clock and turned into UTC instants:

- a wall time that happens twice (clocks go back) runs once, at its first occurrence;
- a wall time that does not exist (clocks go forward) runs at the instant the clocks jump,
  so "daily 02:30" still runs on that day, once;
- schedules that run every hour or more often (hour field ``*``: ``hourly``, ``every 15m``)
  follow elapsed time instead: the repeated hour runs on both passes, the skipped hour not at all.

Plain words: ``hourly``, ``daily 08:00``, ``weekdays 07:30``, ``weekends 10:00``,
``mondays 09:00`` (any day name), ``every 6h`` / ``every 6 hours`` (N divides 24, aligned to
local midnight), ``every 15m`` / ``every 15 minutes`` (N divides 60). Anything else must be a
five-field cron expression (minute hour day-of-month month day-of-week).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from croniter import CroniterBadDateError, croniter

__all__ = ["Schedule", "ScheduleError", "parse_schedule", "slot_key", "zone", "zone_name"]

_DAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")
_TIME = r"(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})"
_DAILY = re.compile(rf"^(?:daily|every\s+day)\s+{_TIME}$")
_WEEKDAYS = re.compile(rf"^(?:weekdays|every\s+weekday)\s+{_TIME}$")
_WEEKENDS = re.compile(rf"^(?:weekends|every\s+weekend)\s+{_TIME}$")
_DAY = re.compile(rf"^(?:every\s+)?(?P<day>{'|'.join(_DAYS)})s?\s+{_TIME}$")
_EVERY_HOURS = re.compile(r"^every\s+(?P<n>\d+)\s*(?:h|hrs?|hours?)$")
_EVERY_MINUTES = re.compile(r"^every\s+(?P<n>\d+)\s*(?:m|min|mins|minutes?)$")
_HOUR_STEPS = (1, 2, 3, 4, 6, 8, 12, 24)
_MINUTE_STEPS = (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30)
_LOOKBACK = timedelta(hours=3)  # longer than any daylight-saving shift
_MAX_YEARS = 9  # a cron date that exists at all comes at least every 8 years (29 February)


class ScheduleError(ValueError):
    """A schedule or time zone that cannot be used; ``str`` is one line for the user."""


def slot_key(slot: datetime) -> str:
    """The database key of a digest slot: its UTC minute."""
    return slot.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def _clock(match: re.Match[str]) -> tuple[int, int]:
    hour, minute = int(match["hour"]), int(match["minute"])
    if hour > 23 or minute > 59:
        raise ScheduleError(f"{hour:02d}:{minute:02d} is not a time of day (use 00:00 to 23:59)")
    return hour, minute


def _words_to_cron(text: str) -> str | None:
    """The cron expression for a plain-words schedule, or None if ``text`` is not one."""
    if text == "hourly":
        return "0 * * * *"
    for pattern, days in ((_DAILY, "*"), (_WEEKDAYS, "1-5"), (_WEEKENDS, "0,6"), (_DAY, "")):
        if match := pattern.match(text):
            hour, minute = _clock(match)
            return f"{minute} {hour} * * {days or _DAYS.index(match['day'])}"
    if match := _EVERY_HOURS.match(text):
        step = int(match["n"])
        if step not in _HOUR_STEPS:
            raise ScheduleError(f"every {step}h does not divide the day; use one of "
                                + ", ".join(f"{n}h" for n in _HOUR_STEPS))
        return "0 0 * * *" if step == 24 else f"0 */{step} * * *"
    if match := _EVERY_MINUTES.match(text):
        step = int(match["n"])
        if step not in _MINUTE_STEPS:
            raise ScheduleError(f"every {step}m does not divide the hour; use one of "
                                + ", ".join(f"{n}m" for n in _MINUTE_STEPS))
        return f"*/{step} * * * *"
    return None


def zone(name: str) -> ZoneInfo:
    """The IANA time zone ``name``; raises ``ScheduleError`` when unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"unknown time zone {name!r}; use an IANA name like Europe/Berlin") from None


def zone_name(name: str) -> str:
    """The IANA name of time zone ``name`` as IANA spells it ("utc" is "UTC", "europe/berlin"
    "Europe/Berlin"); raises ``ScheduleError`` when there is no such zone."""
    try:
        zone(name)
    except ScheduleError:
        wanted = name.strip().casefold()
        known = next((known for known in available_timezones() if known.casefold() == wanted), None)
        if known is None:
            raise
        return known
    return name


def parse_schedule(text: str, timezone: str = "UTC") -> Schedule:
    """Read a plain-words or cron schedule in ``timezone`` (any letter case); raises ``ScheduleError``."""
    cleaned = " ".join(text.lower().split())
    if not cleaned:
        raise ScheduleError("no schedule given; try 'daily 08:00', 'weekdays 07:30', 'every 6h' or cron")
    timezone = zone_name(timezone)
    cron = _words_to_cron(cleaned)
    if cron is None:
        if len(cleaned.split()) != 5 or not croniter.is_valid(cleaned):
            raise ScheduleError(
                f"cannot read the schedule {text.strip()!r}; try 'daily 08:00', 'weekdays 07:30', "
                "'every 6h', 'hourly' or a five-field cron expression like '0 8 * * 1-5'"
            )
        cron = cleaned
    schedule = Schedule(text=" ".join(text.split()), cron=cron, timezone=timezone)
    schedule.next_after(datetime.now(UTC))  # raises ScheduleError for a date that never comes
    return schedule


def _cron(expression: str, start: datetime) -> croniter:
    """A croniter over ``expression`` that searches at most ``_MAX_YEARS`` for a match."""
    return croniter(expression, start, max_years_between_matches=_MAX_YEARS)


def _first_second(low: datetime, high: datetime, reached: Callable[[datetime], bool]) -> datetime:
    """The first whole second in (low, high] where ``reached`` holds, by bisection (``reached`` is
    false at ``low``, true at ``high``, and changes once between them)."""
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        low, high = (low, middle) if reached(middle) else (middle, high)
    return high.replace(microsecond=0)


def _step(candidates: croniter, cron: str, *, forward: bool) -> datetime:
    """The next (or previous) match; ``ScheduleError`` when the expression never matches."""
    try:
        found: datetime = candidates.get_next(datetime) if forward else candidates.get_prev(datetime)
    except CroniterBadDateError:
        raise ScheduleError(f"the schedule {cron!r} never runs (no such date, like 31 February); "
                            "check the day and month fields") from None
    return found


@dataclass(frozen=True)
class Schedule:
    """When a subscription runs: a cron expression on the wall clock of ``timezone``."""

    text: str
    cron: str
    timezone: str

    @cached_property
    def zone(self) -> ZoneInfo:
        """The time zone."""
        return zone(self.timezone)

    def _wall(self, instant: datetime) -> datetime:
        return instant.astimezone(self.zone).replace(tzinfo=None)

    def _instant(self, wall: datetime) -> datetime:
        """The UTC instant a wall-clock slot runs at (see the module notes on DST)."""
        first = wall.replace(tzinfo=self.zone, fold=0).astimezone(UTC)
        if self._wall(first) == wall:
            return first
        # In a spring-forward gap: the first minute whose wall time is at or after ``wall``.
        moment = wall.replace(tzinfo=self.zone, fold=1).astimezone(UTC).replace(second=0, microsecond=0)
        while self._wall(moment) < wall:
            moment += timedelta(minutes=1)
        return moment

    @property
    def every_hour(self) -> bool:
        """Whether the schedule runs every hour or more often (hour field ``*``): such schedules
        follow elapsed time, so the repeated hour when clocks go back runs twice."""
        return self.cron.split()[1] in {"*", "*/1"}

    def _offset(self, instant: datetime) -> timedelta:
        return instant.astimezone(self.zone).utcoffset() or timedelta()

    def _offset_change(self, after: datetime, until: datetime, offset: timedelta) -> datetime | None:
        """The first instant in (after, until] whose UTC offset is not ``offset`` (to the second)."""
        low = after
        while low < until:  # weekly steps find the interval, bisection the second
            high = min(low + timedelta(days=7), until)
            if self._offset(high) != offset:
                return _first_second(low, high, lambda instant: self._offset(instant) != offset)
            low = high
        return None

    def _last_offset_change(self, since: datetime, until: datetime) -> datetime | None:
        """The last instant in (since, until] where the offset differs from the one just before it."""
        offset, high = self._offset(until), until
        while high > since:
            low = max(high - timedelta(days=7), since)
            if self._offset(low) != offset:
                return _first_second(low, high, lambda instant: self._offset(instant) == offset)
            high = low
        return None

    def next_after(self, instant: datetime) -> datetime:
        """The first slot strictly after ``instant`` (aware), in UTC."""
        if self.every_hour:
            return self._next_elapsed(instant)
        candidates = _cron(self.cron, self._wall(instant))
        while True:
            slot = self._instant(_step(candidates, self.cron, forward=True))
            if slot > instant:
                return slot

    def _next_elapsed(self, instant: datetime) -> datetime:
        """Next slot of an every-hour schedule: cron matched on the local time of each instant."""
        start, offset = instant.astimezone(UTC), self._offset(instant)
        while True:
            wall = (start + offset).replace(tzinfo=None)
            following = _step(_cron(self.cron, wall), self.cron, forward=True)
            slot = (following - offset).replace(tzinfo=UTC)
            change = self._offset_change(start, slot, offset)
            if change is None:
                return slot
            start, offset = change - timedelta(microseconds=1), self._offset(change)

    def _latest_elapsed(self, instant: datetime) -> datetime:
        """Latest slot of an every-hour schedule at or before ``instant``."""
        end, offset = instant.astimezone(UTC), self._offset(instant)
        while True:
            wall = (end + offset).replace(tzinfo=None, second=0, microsecond=0) + timedelta(minutes=1)
            preceding = _step(_cron(self.cron, wall), self.cron, forward=False)
            slot = (preceding - offset).replace(tzinfo=UTC)
            change = self._last_offset_change(slot, end)
            if change is None:
                return slot
            end = change - timedelta(microseconds=1)
            offset = self._offset(end)

    def latest_at_or_before(self, instant: datetime) -> datetime:
        """The last slot at or before ``instant`` (aware), in UTC."""
        if self.every_hour:
            return self._latest_elapsed(instant)
        offset_now = instant.astimezone(self.zone).utcoffset() or timedelta()
        offset_before = (instant - _LOOKBACK).astimezone(self.zone).utcoffset() or timedelta()
        # After clocks go back, wall times later than now's may already have run.
        start = self._wall(instant) + max(offset_before - offset_now, timedelta()) + timedelta(minutes=1)
        candidates = _cron(self.cron, start.replace(second=0, microsecond=0))
        while True:
            slot = self._instant(_step(candidates, self.cron, forward=False))
            if slot <= instant:
                return slot

    def due(self, now: datetime, *, not_before: datetime, grace: timedelta) -> datetime | None:
        """The slot to deliver at ``now``: the latest one, if it is not older than ``grace`` and
        not before ``not_before`` (the subscription's creation). Older missed slots are never
        delivered, so downtime yields one digest, not one per missed tick."""
        slot = self.latest_at_or_before(now)
        if slot < not_before or now - slot > grace:
            return None
        return slot

    def describe(self, now: datetime) -> str:
        """``weekdays 07:30 (Europe/Berlin), next 2026-11-25 07:30 CET``."""
        following = self.next_after(now).astimezone(self.zone)
        return f"{self.text} ({self.timezone}), next {following:%Y-%m-%d %H:%M %Z}"

