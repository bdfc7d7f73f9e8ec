"""An in-memory index of incident records: query by place, actor, type, words and date, newest first."""

from __future__ import annotations

import calendar
import contextlib
import re
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot import metrics
from bot.core.format import as_utc
from bot.vocabulary import Listed
from summarizer.text import words

__all__ = ["IncidentHit", "IncidentIndex", "IncidentQuery", "incident_hit", "parse_incident_query"]

# Incident fields whose words a query matches first (ACLED names, as in ``Incident.to_dict()``).
_FIELDS = (
    "location", "near", "relation", "road", "admin1", "admin2", "country", "actor1", "actor2",
    "event_type", "sub_event_type", "outcome",
)
_DATE_WORD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class IncidentHit:
    """One incident record and the article it came from."""

    article: Listed
    record: Mapping[str, Any]  # ``Incident.to_dict()``
    when: date | None
    precision: str  # "day", "month" or "year"
    position: int  # order within its article


@dataclass(frozen=True, slots=True)
class IncidentQuery:
    """Words every hit must contain, plus date prefixes (``2021``, ``2021-10``, ``2021-10-21``)."""

    terms: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    since: date | None = None


def parse_incident_query(text: str | None, since: date | None = None) -> IncidentQuery:
    """Split a query into words and ISO date prefixes."""
    terms: list[str] = []
    dates: list[str] = []
    for raw in (text or "").split():
        match = _DATE_WORD.match(raw)
        if match:
            dates.append(raw)
        else:
            terms.extend(w.lower() for w in words(raw))
    return IncidentQuery(tuple(terms), tuple(dates), since)


def _event_date(record: Mapping[str, Any], article: Listed) -> tuple[date | None, str]:
    """The incident's date (ISO text cut to its precision) and precision, else the article's."""
    match = _DATE_WORD.match(record.get("event_date") or "")
    if match:
        year, month, day = match.groups()
        stated = record.get("date_precision") or ("day" if day else "month" if month else "year")
        with contextlib.suppress(ValueError):
            return date(int(year), int(month or 1), int(day or 1)), stated
    if article.published is not None:
        return as_utc(article.published).date(), "day"
    return article.reference_date, "day"


def incident_hit(article: Listed, record: Mapping[str, Any], position: int) -> IncidentHit:
    """The record as a hit: dated by its event date, else its article's."""
    return IncidentHit(article, record, *_event_date(record, article), position)


def _record_texts(record: Mapping[str, Any], article: Listed) -> tuple[str, str]:
    """The text a query's words are looked for in: the record's fields and vehicles and the
    article's source (strong), and its summary, evidence sentences and article title (weak)."""
    fields = (record.get(name) or "" for name in _FIELDS)
    evidence = (item["text"] for item in record.get("evidence", ()))
    return ("\n".join([article.source or "", *fields, *record.get("vehicles", ())]),
            "\n".join([article.title, record.get("summary", ""), *evidence]))


class IncidentIndex:
    """Incident hits by article, their words in a full-text index (SQLite FTS5 in memory: built
    in C, compact, and ranked and cut to a page before any hit reaches Python).

    A query's words must all occur in a hit; hits whose own fields (place, actors, type...)
    hold every word come before hits that match only through their evidence sentences; then
    newest first. Not thread-safe: the indexer holds its lock.
    """

    def __init__(self) -> None:
        self._by_article: dict[str, tuple[IncidentHit, ...]] = {}
        self._first: dict[str, int] = {}  # the serial of each article's first hit (the others follow)
        self._next = 1
        self._hits: dict[int, IncidentHit] = {}
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.executescript(_SCHEMA)

    def __len__(self) -> int:
        return len(self._hits)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._by_article

    def add(self, article: Listed, records: Iterable[Mapping[str, Any]]) -> tuple[IncidentHit, ...]:
        """Index an article's incident records (replacing earlier ones of the same article)."""
        if article.id in self._by_article:
            self.remove(article.id)
        first = self._next
        hits = tuple(self._insert(article, position, record, first + position)
                     for position, record in enumerate(records))
        self._by_article[article.id] = hits
        if hits:
            self._first[article.id] = first
            self._next += len(hits)
            metrics.INCIDENT_INDEX_SIZE.set(len(self._hits))
        return hits

    def _insert(self, article: Listed, position: int, record: Mapping[str, Any], serial: int) -> IncidentHit:
        hit = incident_hit(article, record, position)
        when = hit.when
        strong, weak = _record_texts(record, article)
        self._db.execute("INSERT INTO hits VALUES (?, ?, ?, ?)",
                         (serial, when.toordinal() if when else 0, article.id, position))
        self._db.execute("INSERT INTO words (rowid, strong, weak) VALUES (?, ?, ?)", (serial, strong, weak))
        self._hits[serial] = hit
        return hit

    def remove(self, article_id: str) -> None:
        """Forget an article's incidents."""
        hits = self._by_article.pop(article_id, ())
        if not hits:
            return
        first = self._first.pop(article_id)
        span = (first, first + len(hits) - 1)
        self._db.execute("DELETE FROM hits WHERE serial BETWEEN ? AND ?", span)
        self._db.execute("DELETE FROM words WHERE rowid BETWEEN ? AND ?", span)
        for serial in range(span[0], span[1] + 1):
            del self._hits[serial]
        metrics.INCIDENT_INDEX_SIZE.set(len(self._hits))

    def of_article(self, article_id: str) -> tuple[IncidentHit, ...]:
        """The hits of one article, in article order."""
        return self._by_article.get(article_id, ())

    def query(self, query: IncidentQuery, limit: int) -> tuple[list[IncidentHit], int]:
        """Up to ``limit`` matching hits (field matches first, then newest first) and how many
        matched in all."""
        days = _day_ranges(query)
        if days is None:
            return [], 0
        when = " OR ".join(["h.ordinal BETWEEN ? AND ?"] * len(days)) or "1"
        bounds = [bound for span in days for bound in span]
        if not query.terms:
            count = self._db.execute(_COUNT_ALL.format(when=when), bounds).fetchone()[0]
            rows = self._db.execute(_PAGE_ALL.format(when=when), [*bounds, limit]).fetchall()
        else:
            phrases = " ".join('"' + term.replace('"', '""') + '"' for term in dict.fromkeys(query.terms))
            count = self._db.execute(_COUNT_WORDS.format(when=when), [phrases, *bounds]).fetchone()[0]
            page = [phrases, *bounds, f"strong : ({phrases})", limit]
            rows = self._db.execute(_PAGE_WORDS.format(when=when), page).fetchall()
        return [self._hits[serial] for (serial,) in rows], int(count)


_SCHEMA = """
CREATE TABLE hits (serial INTEGER PRIMARY KEY, ordinal INTEGER NOT NULL, article TEXT NOT NULL,
                   position INTEGER NOT NULL);
CREATE INDEX hits_newest ON hits (ordinal DESC, article, position);
CREATE VIRTUAL TABLE words USING fts5(strong, weak, tokenize='unicode61 remove_diacritics 0');
"""
# ``{when}`` is a fixed ``OR`` of ``h.ordinal BETWEEN ? AND ?`` (every value a bound parameter).
_COUNT_ALL = "SELECT count(*) FROM hits h WHERE ({when})"
_PAGE_ALL = "SELECT serial FROM hits h WHERE ({when}) ORDER BY ordinal DESC, article, position LIMIT ?"
_COUNT_WORDS = (
    "SELECT count(*) FROM words JOIN hits h ON h.serial = words.rowid WHERE words MATCH ? AND ({when})"
)
_PAGE_WORDS = (
    "SELECT h.serial FROM words JOIN hits h ON h.serial = words.rowid WHERE words MATCH ? AND ({when}) "
    "ORDER BY h.serial IN (SELECT rowid FROM words WHERE words MATCH ?) DESC, "
    "h.ordinal DESC, h.article, h.position LIMIT ?"
)


def _day_ranges(query: IncidentQuery) -> list[tuple[int, int]] | None:
    """The query's dates and ``since`` as ranges of day ordinals ([] for any day, None for none
    at all: every date prefix it gave is impossible)."""
    periods = [p for p in map(_period, query.dates) if p is not None]
    if query.dates and not periods:
        return None
    ranges = [(first.toordinal(), last.toordinal()) for first, last in periods] or (
        [(1, date.max.toordinal())] if query.since is not None else [])
    if query.since is not None:
        floor = query.since.toordinal()
        ranges = [(max(first, floor), last) for first, last in ranges if last >= floor]
        if not ranges:
            return None
    return ranges


def _period(prefix: str) -> tuple[date, date] | None:
    """The first and last day a date prefix (``2021``, ``2021-10``, ``2021-10-21``) covers."""
    match = _DATE_WORD.match(prefix)
    if not match:
        return None
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    try:
        if month_text is None:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(month_text)
        if day_text is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(day_text))
        return day, day
    except ValueError:
        return None
