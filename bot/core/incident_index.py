"""An in-memory index of incident records: query by place, actor, type, words and date, newest first."""

from __future__ import annotations

import bisect
import calendar
import contextlib
import heapq
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot import metrics
from bot.core.format import as_utc
from bot.core.listing import Listed
from bot.core.word_index import lower_words
from summarizer.text import words

__all__ = ["IncidentHit", "IncidentIndex", "IncidentQuery", "parse_incident_query"]

# Incident fields whose words a query matches first (ACLED names, as in ``Incident.to_dict()``).
_FIELDS = (
    "location", "near", "relation", "road", "admin1", "admin2", "country", "actor1", "actor2",
    "event_type", "sub_event_type", "outcome",
)
_SORT_AT_MOST = 1500  # more matching hits than this: walk the cached order instead of sorting
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


def _record_terms(record: Mapping[str, Any], article: Listed) -> tuple[set[str], set[str]]:
    """The lower-cased words a query may match: from the record's fields and vehicles (strong)
    and from its summary, evidence sentences and article title (weak)."""
    fields = (record.get(name) or "" for name in _FIELDS)
    strong = lower_words("\n".join([article.source or "", *fields, *record.get("vehicles", ())]))
    evidence = (item["text"] for item in record.get("evidence", ()))
    return strong, strong | lower_words("\n".join([article.title, record.get("summary", ""), *evidence]))


class IncidentIndex:
    """Incident hits by article, with a word index and a cached newest-first order.

    A query's words must all occur in a hit; hits whose own fields (place, actors, type...)
    hold every word come before hits that match only through their evidence sentences.
    """

    def __init__(self) -> None:
        self._by_article: dict[str, tuple[IncidentHit, ...]] = {}
        self._first: dict[str, int] = {}  # the serial of each article's first hit (the others follow)
        self._next = 0
        self._by_term: defaultdict[str, set[int]] = defaultdict(set)  # serials by word
        self._strong: dict[int, set[str]] = {}
        self._hits: dict[int, IncidentHit] = {}
        self._newest_first: list[int] | None = None  # serials
        self._rank: dict[int, int] = {}
        self._ordinals: list[int] = []  # minus each hit's date ordinal, in newest-first order

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
            self._changed()
        return hits

    def _insert(self, article: Listed, position: int, record: Mapping[str, Any], serial: int) -> IncidentHit:
        when, precision = _event_date(record, article)
        hit = IncidentHit(article, record, when, precision, position)
        strong, terms = _record_terms(record, article)
        self._strong[serial] = strong
        self._hits[serial] = hit
        for term in terms:
            self._by_term[term].add(serial)
        return hit

    def remove(self, article_id: str) -> None:
        """Forget an article's incidents."""
        hits = self._by_article.pop(article_id, ())
        first = self._first.pop(article_id, 0)
        for hit in hits:
            serial = first + hit.position
            for term in _record_terms(hit.record, hit.article)[1]:
                serials = self._by_term[term]
                serials.discard(serial)
                if not serials:
                    del self._by_term[term]
            del self._strong[serial], self._hits[serial]
        if hits:
            self._changed()

    def _changed(self) -> None:
        self._newest_first = None
        metrics.INCIDENT_INDEX_SIZE.set(len(self._hits))

    def of_article(self, article_id: str) -> tuple[IncidentHit, ...]:
        """The hits of one article, in article order."""
        return self._by_article.get(article_id, ())

    def query(self, query: IncidentQuery, limit: int) -> tuple[list[IncidentHit], int]:
        """Up to ``limit`` matching hits (field matches first, then newest first) and how many
        matched in all. Dates are ranges of the newest-first order, found by bisection."""
        ordered = self._sorted()
        hits = self._hits
        spans = self._spans(query)
        if not query.terms:
            chosen = [hits[s] for lo, hi in spans for s in ordered[lo : min(hi, lo + limit)]][:limit]
            return chosen, sum(hi - lo for lo, hi in spans)
        serials: set[int] | None = None
        for term in sorted(set(query.terms), key=lambda t: len(self._by_term.get(t, ()))):
            found = self._by_term.get(term, set())
            serials = set(found) if serials is None else serials & found
            if not serials:
                return [], 0
        inside = serials or set()
        rank = self._rank
        if spans != [(0, len(ordered))]:
            inside = {s for s in inside if any(lo <= rank[s] < hi for lo, hi in spans)}
        wanted = set(query.terms)
        if len(inside) <= _SORT_AT_MOST:

            def order(serial: int) -> tuple[bool, int]:
                return (not wanted <= self._strong[serial], rank[serial])

            return [hits[s] for s in heapq.nsmallest(limit, inside, key=order)], len(inside)
        # Many matches: walk the newest-first order, field matches first, then the others.
        chosen = []
        for strong in (True, False):
            for lo, hi in spans:
                for serial in ordered[lo:hi]:
                    if len(chosen) >= limit:
                        return chosen, len(inside)
                    if serial in inside and (wanted <= self._strong[serial]) is strong:
                        chosen.append(hits[serial])
        return chosen, len(inside)

    def _sorted(self) -> list[int]:
        if self._newest_first is None:
            hits = self._hits
            self._newest_first = sorted(hits, key=lambda s: _newest_key(hits[s]))
            self._rank = {serial: i for i, serial in enumerate(self._newest_first)}
            self._ordinals = [_newest_key(hits[s])[0] for s in self._newest_first]
        return self._newest_first

    def _spans(self, query: IncidentQuery) -> list[tuple[int, int]]:
        """The ranges of the newest-first order inside the query's dates (merged, in order)."""
        ordinals = self._ordinals
        top = len(ordinals)
        if query.since is not None:
            top = bisect.bisect_right(ordinals, -query.since.toordinal())
        if not query.dates:
            return [(0, top)]
        spans = []
        for prefix in query.dates:
            period = _period(prefix)
            if period is None:
                continue
            first, last = period
            lo = bisect.bisect_left(ordinals, -last.toordinal())
            hi = min(top, bisect.bisect_right(ordinals, -first.toordinal()))
            if lo < hi:
                spans.append((lo, hi))
        merged: list[tuple[int, int]] = []
        for lo, hi in sorted(spans):
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
            else:
                merged.append((lo, hi))
        return merged


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


def _newest_key(hit: IncidentHit) -> tuple[int, str, int]:
    ordinal = hit.when.toordinal() if hit.when else 0
    return (-ordinal, hit.article.id, hit.position)
