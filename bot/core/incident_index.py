"""An in-memory index of incident records: query by place, actor, type, words and date, newest first."""

from __future__ import annotations

import bisect
import calendar
import contextlib
import heapq
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot import metrics
from bot.core.format import as_utc
from bot.vocabulary import Listed
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

    @property
    def key(self) -> tuple[str, int]:
        """Unique within the index."""
        return (self.article.id, self.position)


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
    """The incident's date and precision, else the article's."""
    value = record.get("event_date")
    if isinstance(value, datetime):
        return as_utc(value).date(), "day"
    if isinstance(value, date):
        return value, str(record.get("date_precision") or "day")
    if isinstance(value, str):
        match = _DATE_WORD.match(value.strip()[:10])
        if match:
            year, month, day = match.groups()
            stated = str(record.get("date_precision") or ("day" if day else "month" if month else "year"))
            with contextlib.suppress(ValueError):
                return date(int(year), int(month or 1), int(day or 1)), stated
    if article.published is not None:
        return as_utc(article.published).date(), "day"
    return article.reference_date, "day"


def _record_terms(record: Mapping[str, Any], article: Listed) -> tuple[set[str], set[str]]:
    """The lower-cased words a query may match: from the record's fields (strong) and from its
    summary, evidence sentences and article title (weak)."""
    strong: list[str] = [article.source or ""]
    weak: list[str] = [article.title, str(record.get("summary") or "")]
    for name in _FIELDS:
        value = record.get(name)
        if isinstance(value, str):
            strong.append(value)
        elif isinstance(value, Mapping):
            strong.extend(str(v) for v in value.values() if isinstance(v, str))
    vehicles = record.get("vehicles")
    if isinstance(vehicles, Mapping):
        strong.extend(str(k) for k in vehicles)
    evidence = record.get("evidence")
    if isinstance(evidence, Iterable) and not isinstance(evidence, str | bytes | Mapping):
        for item in evidence:
            if isinstance(item, Mapping):
                weak.append(str(item.get("text") or ""))
            elif isinstance(item, str):
                weak.append(item)
    strong_words = {w.lower() for text in strong for w in words(text)}
    return strong_words, strong_words | {w.lower() for text in weak for w in words(text)}


class IncidentIndex:
    """Incident hits by article, with a word index and a cached newest-first order.

    A query's words must all occur in a hit; hits whose own fields (place, actors, type...)
    hold every word come before hits that match only through their evidence sentences.
    """

    def __init__(self) -> None:
        self._by_article: dict[str, tuple[IncidentHit, ...]] = {}
        self._by_term: dict[str, set[tuple[str, int]]] = {}
        self._terms: dict[tuple[str, int], set[str]] = {}
        self._strong: dict[tuple[str, int], set[str]] = {}
        self._hits: dict[tuple[str, int], IncidentHit] = {}
        self._newest_first: list[IncidentHit] | None = None
        self._rank: dict[tuple[str, int], int] = {}
        self._ordinals: list[int] = []  # minus each hit's date ordinal, in newest-first order

    def __len__(self) -> int:
        return len(self._hits)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._by_article

    def add(self, article: Listed, records: Iterable[Mapping[str, Any]]) -> tuple[IncidentHit, ...]:
        """Index an article's incident records (replacing earlier ones of the same article)."""
        if article.id in self._by_article:
            self.remove(article.id)
        hits = []
        for position, record in enumerate(records):
            when, precision = _event_date(record, article)
            hit = IncidentHit(article, record, when, precision, position)
            hits.append(hit)
            strong, terms = _record_terms(record, article)
            self._strong[hit.key] = strong
            self._terms[hit.key] = terms
            self._hits[hit.key] = hit
            for term in terms:
                self._by_term.setdefault(term, set()).add(hit.key)
        self._by_article[article.id] = tuple(hits)
        self._newest_first = None
        metrics.INCIDENT_INDEX_SIZE.set(len(self._hits))
        return tuple(hits)

    def remove(self, article_id: str) -> None:
        """Forget an article's incidents."""
        for hit in self._by_article.pop(article_id, ()):
            for term in self._terms.pop(hit.key, ()):
                keys = self._by_term.get(term)
                if keys is not None:
                    keys.discard(hit.key)
                    if not keys:
                        del self._by_term[term]
            self._strong.pop(hit.key, None)
            self._hits.pop(hit.key, None)
        self._newest_first = None
        metrics.INCIDENT_INDEX_SIZE.set(len(self._hits))

    def of_article(self, article_id: str) -> tuple[IncidentHit, ...]:
        """The hits of one article, in article order."""
        return self._by_article.get(article_id, ())

    def query(self, query: IncidentQuery, limit: int) -> tuple[list[IncidentHit], int]:
        """Up to ``limit`` matching hits (field matches first, then newest first) and how many
        matched in all. Dates are ranges of the newest-first order, found by bisection."""
        ordered = self._sorted()
        spans = self._spans(query)
        if not query.terms:
            hits: list[IncidentHit] = []
            for lo, hi in spans:
                hits.extend(ordered[lo : min(hi, lo + limit - len(hits))])
            return hits, sum(hi - lo for lo, hi in spans)
        keys: set[tuple[str, int]] | None = None
        for term in sorted(set(query.terms), key=lambda t: len(self._by_term.get(t, ()))):
            found = self._by_term.get(term, set())
            keys = set(found) if keys is None else keys & found
            if not keys:
                return [], 0
        inside = keys or set()
        rank = self._rank
        if spans != [(0, len(ordered))]:
            inside = {k for k in inside if any(lo <= rank[k] < hi for lo, hi in spans)}
        wanted = set(query.terms)
        if len(inside) <= _SORT_AT_MOST:

            def order(key: tuple[str, int]) -> tuple[bool, int]:
                return (not wanted <= self._strong[key], rank[key])

            return [self._hits[k] for k in heapq.nsmallest(limit, inside, key=order)], len(inside)
        # Many matches: walk the newest-first order, field matches first, then the others.
        chosen: list[IncidentHit] = []
        for strong in (True, False):
            for lo, hi in spans:
                for hit in ordered[lo:hi]:
                    if len(chosen) >= limit:
                        return chosen, len(inside)
                    if hit.key in inside and (wanted <= self._strong[hit.key]) is strong:
                        chosen.append(hit)
        return chosen, len(inside)

    def _sorted(self) -> list[IncidentHit]:
        if self._newest_first is None:
            self._newest_first = sorted(self._hits.values(), key=_newest_key)
            self._rank = {hit.key: i for i, hit in enumerate(self._newest_first)}
            self._ordinals = [_newest_key(hit)[0] for hit in self._newest_first]
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
