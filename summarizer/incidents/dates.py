"""Dates in conflict reports: absolute, partial and relative, resolved against a reference date.

``find_dates`` returns every date a sentence states, in order, each cut to the precision the text
supports (day, month, year). Numeric dates ("01/05/2012") are read in the order the document
uses (``numeric_order``). Relative expressions ("yesterday", "on Monday", "last month") and
dates without a year ("on 21 October") need the article's reference date; without one they are
skipped rather than guessed. Impossible dates ("31 February") and dates after the reference
date are kept but flagged.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from summarizer.incidents.counts import parse_number
from summarizer.incidents.cues import candidates, cue_text, matches, read

__all__ = [
    "DateMention",
    "PartialDate",
    "cited",
    "find_dates",
    "find_offsets",
    "latest_full_date",
    "numeric_order",
]

_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9
# Month names are matched capitalized only, so "may" the verb is never a month.
_MONTH = r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH += r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}

# 21/10/2021, 21.10.2021, 02-05-2021: read in the document's order (``numeric_order``)
_NUMERIC = re.compile(r"\b(?P<a>[0-3]?\d)([/.-])(?P<b>[0-3]?\d)\2(?P<year>(?:19|20)\d\d)\b")
# "on 18/06": a numeric day and month without the year (only after "on": 3/4 may be a fraction)
_NUMERIC_NO_YEAR = re.compile(r"\b[Oo]n (?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)\b(?![/\d])")
# "01/05/2012: Assailants detonated ...": a database summary opening with its date, month first
# (the convention of incident databases such as the Global Terrorism Database).
_SUMMARY_DATE = re.compile(r"\s*(?:0?[1-9]|1[0-2])/[0-3]?\d/(?:19|20)\d\d:")
# "Between 06/10/2014 and 06/12/2014: ...": a summary opening with the days it spans, read in the
# order that makes the shorter span.
_SUMMARY_SPAN = re.compile(
    r"\s*Between (?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<year>(?:19|20)\d\d)"
    r" and (?P<a2>[0-3]?\d)/(?P<b2>[0-3]?\d)/(?P<year2>(?:19|20)\d\d):"
)
# How long before the reference date a numeric date may fall for the reference to pick its order.
_SHORTLY_BEFORE_DAYS = 31

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)\b")),
    ("numeric", _NUMERIC),
    ("numeric", _NUMERIC_NO_YEAR),
    (
        "range",
        re.compile(
            rf"\b(?:between\s+)?{_DAY}\s*(?:-|–|to|and)\s*[0-3]?\d(?:st|nd|rd"
            rf"|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b"
        ),
    ),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b")),
    (
        "mdy",
        re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|km|kilomet|miles|people|soldiers))(?:,?\s+{_YEAR})?"),
    ),
    # "on the 8th": a day of the reference month (or of the month before, when it is still to come)
    ("day", re.compile(r"\b[Oo]n the (?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?! of)")),
    ("my", re.compile(rf"\b(?:(?:early|mid|late)[- ])?{_MONTH}\s+(?:of\s+)?{_YEAR}\b")),
    (
        "month",
        re.compile(
            rf"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Ee]arly|[Ll]ate"
            rf"|[Mm]id-?)\s+{_MONTH}(?![\w-])(?!,?\s+(?:of\s+)?\d)"
        ),
    ),
    (
        "year",
        re.compile(
            rf"\b(?:(?:[Ii]n|[Dd]uring|[Ss]ince|[Ee]arly|[Ll]ate|[Tt]hroughout)\s+(?:mid-)?|[Mm]id-"
            rf"|(?:summer|winter|spring|autumn|fall) of\s+){_YEAR}\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(?:on|last|early|late|this)\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday"
            r"|Saturday|Sunday)(?:'s|’s)?\b"
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>earlier today|today|tonight|this (?:morning|afternoon|evening)"
            r"|overnight(?!\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
            r"|the day before yesterday|yesterday|last night|(?:over|at|during) the weekend"
            r"|last weekend|last week|earlier this week|last month|this month|earlier this month"
            r"|earlier this year"
            r"|this year|last year)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<count>\d{1,2}|a|an|one|two|three|four|five|six|seven|ten) (?P<unit>days?|weeks?"
            r"|months?) ago\b",
            re.IGNORECASE,
        ),
    ),
]

# The date patterns as ``candidates`` reads them (each pattern first): one pass rules out those a
# sentence cannot match.
_BY_PATTERN = [(pattern, kind) for kind, pattern in _PATTERNS]

# What every date pattern needs (a digit or a month; else a weekday or a relative word, read in the
# lower-cased sentence): a sentence without any is read once instead of once per pattern.
_DATE_CUE = re.compile(r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_DATE_WORD = re.compile(
    r"day\b|tonight|overnight|morning|afternoon|evening|weekend|week\b|month|year|night|ago\b"
)

_OFFSET = re.compile(
    r"\b(?P<count>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen"
    r"|several) (?P<unit>days?|weeks?) (?P<dir>after|before|later|earlier|prior to)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to day, month or year precision."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """``"day"``, ``"month"`` or ``"year"``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """ISO text cut to the precision: ``2021-10-21``, ``2020-08`` or ``2017``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> date:
        """The earliest calendar day the partial date covers."""
        return date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def of(cls, day: date, precision: str = "day") -> PartialDate:
        """Cut a calendar day to ``precision``."""
        if precision == "year":
            return cls(day.year)
        if precision == "month":
            return cls(day.year, day.month)
        return cls(day.year, day.month, day.day)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date stated in a sentence: where, what it resolved to, and why it may not be trusted."""

    start: int
    end: int
    text: str
    value: PartialDate | None
    relative: bool = False
    flags: tuple[str, ...] = ()
    year_stated: bool = False  # the text gives the year ("3 May 2021", "05/03/2021"), not inferred

    @property
    def trusted(self) -> bool:
        """False for impossible or future dates."""
        return self.value is not None and not self.flags


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _infer_year(month: int, day: int | None, reference: date, leeway: int) -> int:
    """The year of a month/day stated without one: the latest not after the reference date."""
    year = reference.year
    check_day = min(day or 1, calendar.monthrange(year, month)[1])
    if date(year, month, check_day) > reference + timedelta(days=leeway):
        year -= 1
    return year


def _minus_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 - months
    return date(total // 12, total % 12 + 1, 1)


def _relative(phrase: str, reference: date) -> PartialDate:
    phrase = phrase.lower()
    if phrase in {"yesterday", "last night"}:
        return PartialDate.of(reference - timedelta(days=1))
    if phrase == "the day before yesterday":
        return PartialDate.of(reference - timedelta(days=2))
    if phrase.endswith("weekend"):
        # its Saturday: the latest one not after the reference date
        return PartialDate.of(reference - timedelta(days=(reference.weekday() - 5) % 7))
    if phrase == "last week":
        return PartialDate.of(reference - timedelta(days=7), "month")
    if phrase == "earlier this week":
        # a day of the reference's own week, never before its Monday (said on a Monday: that day)
        return PartialDate.of(reference - timedelta(days=min(1, reference.weekday())), "month")
    if phrase == "last month":
        return PartialDate.of(_minus_months(reference, 1), "month")
    if phrase in {"this month", "earlier this month"}:
        return PartialDate.of(reference, "month")
    if phrase in {"this year", "earlier this year"}:
        return PartialDate.of(reference, "year")
    if phrase == "last year":
        return PartialDate(reference.year - 1)
    return PartialDate.of(reference)


def _day_of_month(day: int, reference: date) -> tuple[PartialDate | None, tuple[str, ...]]:
    month_start = reference.replace(day=1)
    if day > reference.day:
        month_start = _minus_months(reference, 1)
    if not _valid(month_start.year, month_start.month, day):
        return None, ("impossible_date",)
    return PartialDate(month_start.year, month_start.month, day), ()


def _count(word: str) -> int:
    return parse_number(word) or 1


def _resolve(
    kind: str, match: re.Match[str], reference: date | None, leeway: int, month_first: bool | None
) -> tuple[PartialDate | None, tuple[str, ...]]:
    groups = match.groupdict()
    if kind in {"relative", "weekday", "ago", "day"}:
        if reference is None:
            return None, ()
        if kind == "relative":
            return _relative(groups["rel"], reference), ()
        if kind == "day":
            return _day_of_month(int(groups["day"]), reference)
        if kind == "weekday":
            back = (reference.weekday() - _WEEKDAYS[groups["weekday"].lower()]) % 7
            return PartialDate.of(reference - timedelta(days=back)), ()
        count, unit = _count(groups["count"]), groups["unit"].lower()
        if unit.startswith("month"):
            return PartialDate.of(_minus_months(reference, count), "month"), ()
        days = count * (7 if unit.startswith("week") else 1)
        return PartialDate.of(
            reference - timedelta(days=days), "month" if unit.startswith("week") else "day"
        ), ()
    year = int(groups["year"]) if groups.get("year") else None
    if kind == "year":
        assert year is not None
        return PartialDate(year), ()
    day: int | None
    if kind == "numeric":
        day, month = _day_month(
            int(groups["a"]), int(groups["b"]), year, reference, leeway=leeway, month_first=month_first
        )
    else:
        month = (
            int(groups["month"])
            if groups["month"].isdigit()
            else _MONTHS[groups["month"].rstrip(".").lower()]
        )
        day = int(groups["day"]) if groups.get("day") else None
    if year is None:
        if reference is None:
            return None, ()
        year = _infer_year(month, day, reference, leeway)
    if day is None:
        return PartialDate(year, month), ()
    if not _valid(year, month, day):
        return None, ("impossible_date",)
    return PartialDate(year, month, day), ()


def _day_month(
    first: int,
    second: int,
    year: int | None,
    reference: date | None,
    *,
    leeway: int,
    month_first: bool | None,
) -> tuple[int | None, int]:
    """(day, month) of "01/05/2012": in the document's order (``month_first``) when that reading is
    valid; else the valid reading; of two, the one nearest before the reference date.

    Without a reference date (or when neither reading comes before it) day first, as most of the
    world writes. A day written 00 ("06/00/2014", as incident databases write an unknown day) is
    unknown: the date is the month.
    """
    if min(first, second) == 0 and 0 < max(first, second) <= 12:
        return None, max(first, second)
    readings = [(first, second)] + ([(second, first)] if first != second else [])
    valid = [(d, m) for d, m in readings if m <= 12 and (year is None or _valid(year, m, d))]
    ordered = (second, first) if month_first else (first, second)
    if month_first is not None and ordered in valid:
        return ordered
    if len(valid) < 2 or reference is None:
        return valid[0] if valid else (first, second)
    latest = reference + timedelta(days=leeway)

    def distance(reading: tuple[int, int]) -> int:
        day, month = reading
        when_year = year if year is not None else _infer_year(month, day, reference, leeway)
        if not _valid(when_year, month, day):
            return 10**6
        when = date(when_year, month, day)
        return (latest - when).days if when <= latest else 10**6

    return min(valid, key=distance)


def numeric_order(texts: Sequence[str], reference: date | None, *, leeway: int = 1) -> bool | None:
    """Whether a document writes its numeric dates month first (True), day first (False), or either
    (None: each date is then read by itself).

    The evidence, strongest first: a numeric date only one order can read ("25/03/2019": day first;
    "03/25/2019": month first; when the document has both kinds, None); a ``reference`` date (when
    the document was written; never one inferred from its own dates) that only one order puts at or
    up to a month before it; a document opening with a database summary's "MM/DD/YYYY:" (month first).
    """
    orders: set[bool] = set()
    ambiguous: list[tuple[int, int, int]] = []
    for text in texts:
        if not _DATE_CUE.search(text):
            continue
        for pattern in (_NUMERIC, _NUMERIC_NO_YEAR):
            for match in pattern.finditer(text):
                first, second = int(match.group("a")), int(match.group("b"))
                if first > 12 >= second:
                    orders.add(False)
                elif second > 12 >= first:
                    orders.add(True)
                elif pattern is _NUMERIC and first != second:
                    ambiguous.append((first, second, int(match.group("year"))))
    if orders:
        return orders.pop() if len(orders) == 1 else None
    if reference is not None:
        orders = {
            month_first
            for first, second, year in ambiguous
            for month_first in (False, True)
            if _shortly_before((first, second), year, month_first, reference, leeway)
            and not _shortly_before((first, second), year, not month_first, reference, leeway)
        }
        if len(orders) == 1:
            return orders.pop()
    opening = next((text for text in texts if text.strip()), "")
    if (span := _SUMMARY_SPAN.match(opening)) is not None:
        return _shorter_span_order(span)
    return True if _SUMMARY_DATE.match(opening) else None


def _shorter_span_order(span: re.Match[str]) -> bool:
    """Whether the days of a "Between D1 and D2" opening read month first (True) or day first
    (False): the order that gives the shorter span that does not run backwards; month first, the
    databases' convention, on a tie or when neither order gives one."""
    lengths: dict[bool, int] = {}
    for month_first in (True, False):
        parts = [(int(span.group(f"year{end}")), *_month_day(span, end, month_first)) for end in ("", "2")]
        if not all(_valid(*part) for part in parts):
            continue
        days = [date(*part) for part in parts]
        if days[1] >= days[0]:
            lengths[month_first] = (days[1] - days[0]).days
    return min(lengths, key=lambda month_first: (lengths[month_first], not month_first), default=True)


def _month_day(span: re.Match[str], end: str, month_first: bool) -> tuple[int, int]:
    """The month and the day of the span's first (``end`` "") or second ("2") date in an order."""
    first, second = int(span.group(f"a{end}")), int(span.group(f"b{end}"))
    return (first, second) if month_first else (second, first)


def _shortly_before(
    numbers: tuple[int, int], year: int, month_first: bool, reference: date, leeway: int
) -> bool:
    """Whether the date read in that order is valid and at or up to a month before the reference date."""
    day, month = numbers[::-1] if month_first else numbers
    if not _valid(year, month, day):
        return False
    when = date(year, month, day)
    return reference - timedelta(days=_SHORTLY_BEFORE_DAYS) <= when <= reference + timedelta(days=leeway)


# A day word governed by a determiner or a possessive, or heading an "of" phrase, names a day of
# something else, not one counted back from the report: "on the last night of the festival", "the
# fair's last night", "the following Friday", "every last Friday", "the first Monday of the month". A
# weekday after "a", "the" or a possessive still is one ("the army's Friday raid", "during a Friday
# prayer"), and so is a weekday heading the object of an action noun ("the raid on Monday of a
# village"); "overnight" is one whatever precedes it ("an overnight raid", "the army's overnight shelling").
_ANY_DAY_GOVERNOR = r"\b(?:every|each|same|following|next|previous|preceding)"
_GOVERNED_WEEKDAY = re.compile(rf"{_ANY_DAY_GOVERNOR}\s+$", re.IGNORECASE)
_GOVERNED_RELATIVE = re.compile(
    rf"(?:{_ANY_DAY_GOVERNOR}|\b(?:a|an|the|its|his|their|our)|['’]s)\s+$", re.IGNORECASE
)
_ORDINAL_WEEKDAY = re.compile(r"\bthe\s+(?:last|first)\s+\w+(?:['’]s)?$", re.IGNORECASE)
_OF_PHRASE_AFTER = re.compile(r"\s+of\s+(?:(?:the|a|an|its|his|her|their|our)\b|(?-i:[A-Z]))", re.IGNORECASE)


def _governed(sentence: str, kind: str, start: int, end: int) -> bool:
    """Whether the relative day word (``kind`` "relative" or "weekday") at ``sentence[start:end]`` is
    part of a longer phrase of time."""
    window = max(0, start - 20)
    if kind == "weekday":
        heads_of = _ORDINAL_WEEKDAY.search(sentence, window, end) is not None
        return _GOVERNED_WEEKDAY.search(sentence, window, start) is not None or (
            heads_of and _OF_PHRASE_AFTER.match(sentence, end) is not None
        )
    if sentence[start:end].lower() == "overnight":
        return False
    return (
        _GOVERNED_RELATIVE.search(sentence, window, start) is not None
        or _OF_PHRASE_AFTER.match(sentence, end) is not None
    )


def find_dates(
    sentence: str, reference: date | None, *, leeway: int = 1, month_first: bool | None = None
) -> list[DateMention]:
    """Every date stated in ``sentence``, in text order, resolved against ``reference``.

    ``month_first`` is the order of the document's numeric dates (``numeric_order``).
    Overlapping matches keep the longest (so "21 October 2021" is one mention, not three). A
    relative day word within a longer phrase of time ("the last night of the festival") is none.
    A date more than ``leeway`` days after ``reference`` is flagged ``future_date``, and a date
    stated without its year takes the latest year that keeps it within that leeway. Use a wide
    leeway when the reference date was inferred from the text (a lower bound on publication).
    """
    mentions: list[DateMention] = []
    last_end = -1
    for start, end, kind, match in _stated(sentence):
        if start < last_end or (kind in {"relative", "weekday"} and _governed(sentence, kind, start, end)):
            continue
        value, flags = _resolve(kind, match, reference, leeway, month_first)
        if value is None and not flags:
            continue
        if (
            value is not None
            and reference is not None
            and value.first_day() > reference + timedelta(days=leeway)
        ):
            flags = (*flags, "future_date")
        mentions.append(
            DateMention(
                start=start,
                end=end,
                text=match.group(0),
                value=value,
                relative=kind in {"relative", "weekday", "ago", "day"},
                flags=flags,
                year_stated=match.groupdict().get("year") is not None,
            )
        )
        last_end = end
    return mentions


@functools.lru_cache(maxsize=4096)
def _stated(sentence: str) -> tuple[tuple[int, int, str, re.Match[str]], ...]:
    """Every match of the date patterns in ``sentence`` (start, end, kind, match), by start and longest
    first; kept for the next reading of the same text (a short report's only sentence is also the
    line read for its reference date)."""
    lower = cue_text(sentence)
    if not _DATE_CUE.search(sentence) and not _DATE_WORD.search(lower):
        return ()
    found = [
        (match.start(), match.end(), kind, match)
        for pattern, kind in candidates(_BY_PATTERN, lower)
        for match in read(pattern, sentence, lower)
    ]
    return tuple(sorted(found, key=lambda item: (item[0], -(item[1] - item[0]))))


def find_offsets(sentence: str) -> list[tuple[int, int]]:
    """Day offsets stated relative to another event: "two days after" -> (position, +2)."""
    result = []
    for match in matches(_OFFSET, sentence, cue_text(sentence)):
        unit = 7 if match.group("unit").lower().startswith("week") else 1
        sign = 1 if match.group("dir").lower() in {"after", "later"} else -1
        result.append((match.start(), sign * unit * _count(match.group("count"))))
    return result


# "the highest since May 10, 2010", "compared with 3 May 2019", "ahead of the 5 May vote": a bound
# or a comparison, not the day of the report or of its event.
_CITED_BEFORE = re.compile(
    r"\b(?:since|until|till|than|compared (?:to|with)|anniversary of|dating back to|as far back as"
    r"|ahead of|before|prior to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def cited(text: str, mention: DateMention) -> bool:
    """Whether a date of ``text`` is cited as a bound or comparison ("the highest since 10 May")."""
    return _CITED_BEFORE.search(text[max(0, mention.start - 40) : mention.start]) is not None


def latest_full_date(texts: list[str]) -> date | None:
    """The latest fully stated, valid day in ``texts`` not cited as a bound or comparison: a fallback
    reference date."""
    best: date | None = None
    month_first = numeric_order(texts, None)
    for text in texts:
        for mention in find_dates(text, None, month_first=month_first):
            value = mention.value
            full = value is not None and value.precision == "day" and not mention.flags
            if value is not None and full and not cited(text, mention):
                day = value.first_day()
                best = day if best is None or day > best else best
    return best
