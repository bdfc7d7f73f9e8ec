"""Reply text helpers: reading time, dates at each precision, counts, shortening."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from bot.core.format import format_date, plural, reading_time, shorten


def test_reading_time_rounds_at_230_words_a_minute() -> None:
    assert reading_time("") == "1 min read"
    assert reading_time("word " * 700) == "3 min read"


def test_dates_at_each_precision_and_in_utc() -> None:
    assert format_date(date(2021, 10, 21)) == "21 Oct 2021"
    assert format_date(date(2020, 8, 1), precision="month") == "Aug 2020"
    assert format_date(date(2017, 1, 1), precision="year") == "2017"
    late_in_new_york = datetime(2021, 10, 21, 23, 30, tzinfo=timezone(timedelta(hours=-4)))
    assert format_date(late_in_new_york) == "22 Oct 2021"
    assert format_date(None) == "undated"


def test_plural_and_shorten() -> None:
    assert plural(1, "story", "stories") == "1 story"
    assert plural(2, "article") == "2 articles"
    assert shorten("short", 10) == "short"
    cut = shorten("The convoy turned back at the checkpoint near the village", 30)
    assert cut == "The convoy turned back at the…"
    assert len(cut) <= 30
