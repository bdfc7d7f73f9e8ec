"""Schedules on a fake clock: plain words and cron, time zones, DST changes, grace and missed slots."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.schedule import ScheduleError, parse_schedule, slot_key


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def slots(text: str, tz: str, start: datetime, count: int) -> list[str]:
    schedule = parse_schedule(text, tz)
    found, moment = [], start
    for _ in range(count):
        moment = schedule.next_after(moment)
        found.append(moment.astimezone(schedule.zone).strftime("%a %m-%d %H:%M %Z"))
    return found


@pytest.mark.parametrize(
    ("text", "cron"),
    [
        ("daily 08:00", "0 8 * * *"),
        ("Daily at 8:05", "5 8 * * *"),
        ("weekdays 07:30", "30 7 * * 1-5"),
        ("weekends 10:00", "0 10 * * 0,6"),
        ("mondays 09:15", "15 9 * * 1"),
        ("every friday 17:00", "0 17 * * 5"),
        ("every 6h", "0 */6 * * *"),
        ("every 2 hours", "0 */2 * * *"),
        ("every 24h", "0 0 * * *"),
        ("every 15m", "*/15 * * * *"),
        ("every 30 minutes", "*/30 * * * *"),
        ("hourly", "0 * * * *"),
        ("0 8 * * 1-5", "0 8 * * 1-5"),
        ("*/10 6-18 * * *", "*/10 6-18 * * *"),
    ],
)
def test_plain_words_and_cron(text: str, cron: str) -> None:
    assert parse_schedule(text, "Europe/Berlin").cron == cron


@pytest.mark.parametrize(
    ("text", "tz", "message"),
    [
        ("daily 25:00", "UTC", "not a time of day"),
        ("every 5h", "UTC", "does not divide the day"),
        ("every 7m", "UTC", "does not divide the hour"),
        ("sometimes", "UTC", "cannot read the schedule"),
        ("0 0 8 * * *", "UTC", "cannot read the schedule"),  # six fields (seconds) are refused
        ("61 * * * *", "UTC", "cannot read the schedule"),
        ("", "UTC", "no schedule"),
        ("daily 08:00", "Mars/Olympus", "unknown time zone"),
        ("daily 08:00", "../etc/passwd", "unknown time zone"),
    ],
)
def test_bad_schedules_get_one_clear_line(text: str, tz: str, message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        parse_schedule(text, tz)


def test_weekdays_in_a_time_zone() -> None:
    # Friday 27 Nov 2026, 20:00 UTC: the next weekday 07:30 in New York is Monday, 12:30 UTC.
    assert slots("weekdays 07:30", "America/New_York", utc(2026, 11, 27, 20), 3) == [
        "Mon 11-30 07:30 EST", "Tue 12-01 07:30 EST", "Wed 12-02 07:30 EST"]
    schedule = parse_schedule("weekdays 07:30", "America/New_York")
    assert schedule.next_after(utc(2026, 11, 27, 20)) == utc(2026, 11, 30, 12, 30)


def test_spring_forward_runs_a_skipped_wall_time_once_when_the_clocks_jump() -> None:
    # Europe/Berlin, 29 Mar 2026: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist that day.
    assert slots("daily 02:30", "Europe/Berlin", utc(2026, 3, 27, 12), 3) == [
        "Sat 03-28 02:30 CET", "Sun 03-29 03:00 CEST", "Mon 03-30 02:30 CEST"]
    assert slots("hourly", "Europe/Berlin", utc(2026, 3, 28, 23, 30), 3) == [
        "Sun 03-29 01:00 CET", "Sun 03-29 03:00 CEST", "Sun 03-29 04:00 CEST"]
    schedule = parse_schedule("daily 08:00", "Europe/Berlin")
    assert schedule.next_after(utc(2026, 3, 28, 12)) - schedule.next_after(utc(2026, 3, 27, 12)) == timedelta(
        hours=23)


def test_fall_back_runs_a_repeated_wall_time_once() -> None:
    # Europe/Berlin, 25 Oct 2026: 03:00 CEST goes back to 02:00 CET; 02:30 happens twice.
    assert slots("daily 02:30", "Europe/Berlin", utc(2026, 10, 24, 12), 2) == [
        "Sun 10-25 02:30 CEST", "Mon 10-26 02:30 CET"]
    schedule = parse_schedule("daily 02:30", "Europe/Berlin")
    second_pass = utc(2026, 10, 25, 1, 45)  # 02:45 CET, after the repeated 02:30
    assert schedule.latest_at_or_before(second_pass) == utc(2026, 10, 25, 0, 30)
    assert schedule.next_after(second_pass) == utc(2026, 10, 26, 1, 30)



def test_every_hour_schedules_follow_elapsed_time_through_both_passes() -> None:
    quarter = parse_schedule("every 30m", "Europe/Berlin")
    assert slots("every 30m", "Europe/Berlin", utc(2026, 10, 24, 23, 50), 6) == [
        "Sun 10-25 02:00 CEST", "Sun 10-25 02:30 CEST", "Sun 10-25 02:00 CET", "Sun 10-25 02:30 CET",
        "Sun 10-25 03:00 CET", "Sun 10-25 03:30 CET"]
    assert quarter.latest_at_or_before(utc(2026, 10, 25, 1, 10)) == utc(2026, 10, 25, 1, 0)
    assert quarter.latest_at_or_before(utc(2026, 10, 25, 0, 59)) == utc(2026, 10, 25, 0, 30)
    # Spring forward: 30 minutes after 01:30 CET comes 03:00 CEST.
    assert slots("every 30m", "Europe/Berlin", utc(2026, 3, 29, 0, 10), 2) == [
        "Sun 03-29 01:30 CET", "Sun 03-29 03:00 CEST"]
    # Half-hour shifts and offsets: Lord Howe goes back 30 minutes, India is UTC+05:30.
    assert slots("hourly", "Australia/Lord_Howe", utc(2026, 4, 4, 13, 30), 3) == [
        "Sun 04-05 01:00 +11", "Sun 04-05 02:00 +1030", "Sun 04-05 03:00 +1030"]
    kolkata = parse_schedule("hourly", "Asia/Kolkata")
    assert kolkata.next_after(utc(2026, 1, 1, 0, 10)) == utc(2026, 1, 1, 0, 30)
    # Across months with DST changes in between (hourly on 1 January only).
    new_year = parse_schedule("0 * 1 1 *", "Europe/Berlin")
    assert new_year.latest_at_or_before(utc(2026, 7, 1)) == utc(2026, 1, 1, 22)
    assert new_year.next_after(utc(2026, 7, 1)) == utc(2026, 12, 31, 23)


def transitions(schedule_zone, year: int) -> list[datetime]:
    """The instants (to the hour) at which a zone's UTC offset changes in a year."""
    found, moment = [], utc(year, 1, 1)
    while moment.year == year:
        after = moment + timedelta(hours=1)
        if moment.astimezone(schedule_zone).utcoffset() != after.astimezone(schedule_zone).utcoffset():
            found.append(after)
        moment = after
    return found


@pytest.mark.parametrize(
    "tz", ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Kolkata"]
)
def test_slots_strictly_increase_and_round_trip_around_every_dst_change(tz: str) -> None:
    for text in ("every 30m", "daily 02:30", "hourly"):
        schedule = parse_schedule(text, tz)
        for change in transitions(schedule.zone, 2026) or [utc(2026, 6, 1)]:
            moment, previous = change - timedelta(days=1), None
            while moment < change + timedelta(days=1):
                moment = schedule.next_after(moment)
                assert schedule.latest_at_or_before(moment) == moment
                if previous is not None:
                    assert moment > previous
                    assert schedule.latest_at_or_before(moment - timedelta(seconds=1)) == previous
                previous = moment


def test_due_uses_the_grace_window_and_never_replays_older_missed_slots() -> None:
    schedule = parse_schedule("every 6h", "UTC")
    created = utc(2026, 11, 20)
    grace = timedelta(hours=1)
    assert schedule.due(utc(2026, 11, 24, 6, 0), not_before=created, grace=grace) == utc(2026, 11, 24, 6)
    assert schedule.due(utc(2026, 11, 24, 6, 59), not_before=created, grace=grace) == utc(2026, 11, 24, 6)
    assert schedule.due(utc(2026, 11, 24, 7, 1), not_before=created, grace=grace) is None
    # Down from 01:00 to 12:30: the 06:00 slot is past the grace window, 12:00 is delivered once.
    assert schedule.due(utc(2026, 11, 24, 12, 30), not_before=created, grace=grace) == utc(2026, 11, 24, 12)
    # A subscription created after the slot waits for the next one.
    assert schedule.due(utc(2026, 11, 24, 6, 10), not_before=utc(2026, 11, 24, 6, 5), grace=grace) is None


def test_slot_key_is_the_utc_minute() -> None:
    berlin = parse_schedule("daily 08:00", "Europe/Berlin")
    slot = berlin.next_after(utc(2026, 11, 24))
    assert slot_key(slot) == "2026-11-24T07:00Z"
    assert "next 2026-11-25 08:00 CET" in berlin.describe(utc(2026, 11, 24, 9))
