"""From an article to incident records: read each sentence, group them, build the records.

Habitual statements, legal proceedings, opinion, denials, running tolls, accidents and background
dated only to an earlier year are not incidents (see ``events.not_an_event`` and ``grouping``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from summarizer.articles.model import Article
from summarizer.document import prepare
from summarizer.incidents.actors import find_actors
from summarizer.incidents.dates import PartialDate, cited, latest_full_date, numeric_order
from summarizer.incidents.gazetteer import gazetteer
from summarizer.incidents.grouping import RECENT_DAYS, Draft, group
from summarizer.incidents.main_incident import headline_first
from summarizer.incidents.model import Incident
from summarizer.incidents.reading import SentenceFacts, dateline_town, dominant_country, read_sentence
from summarizer.incidents.records import build_incident
from summarizer.text import Sentence

__all__ = ["INFERRED_LEEWAY_DAYS", "extract_from_sentences", "extract_incidents"]

_LONG_TOKEN = re.compile(r"\S{80,}")
# A first line that is only a date, the weekday optional ("Monday, August 3, 2020"): the page's dateline.
_DATE_LINE = re.compile(
    r"\A\s*(?:[A-Z][a-z]+day,?\s+)?(?:[A-Z][a-z]+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})[^\S\n]*\n"
)
# How many days after an inferred reference date a stated date is still taken as past.
INFERRED_LEEWAY_DAYS = 45
# How many days a report may come after the event it reports.
_REPORT_LAG_DAYS = 7
# How many sentences open an article (its title and first sentence).
_LEAD = 2


def extract_from_sentences(
    sentences: list[Sentence],
    reference_date: date | None,
    *,
    reference_inferred: bool = False,
    dateline: str | None = None,
    headline: str | None = None,
) -> list[Incident]:
    """Incidents reported by ``sentences`` (cleaned and split), dates resolved against ``reference_date``:
    the one ``headline`` reports first, the others in the order they are reported.

    ``reference_inferred`` says the reference date was guessed from dates in the text: the article
    may be days or weeks younger, so dates up to ``INFERRED_LEEWAY_DAYS`` later are still trusted.
    ``dateline`` is the town of the article's dateline (cleaning removes it from the sentences);
    ``headline`` the article's title, whose places vote for its country.
    """
    gaz = gazetteer()
    leeway = INFERRED_LEEWAY_DAYS if reference_inferred else 1
    # A run of 80+ characters without a space is a link or debris, never a name or a number; it
    # would only make the name patterns slow (they try every capital letter inside it).
    sentences = [Sentence(_LONG_TOKEN.sub("…", s.text), s.index, s.paragraph) for s in sentences]
    # A reference date inferred from the text's own dates cannot tell the order of its numeric dates.
    published = None if reference_inferred else reference_date  # the day a dated article came out
    month_first = numeric_order([s.text for s in sentences], published)
    reads = [facts for s in sentences for facts in read_sentence(s, reference_date, leeway, month_first)]
    if not any(read.event is not None for read in reads):
        # Every incident has a sentence that names its event: none names one, so there is no
        # incident, and the article's places and actors need not be read.
        return []
    dominant = dominant_country(reads, gaz, dateline, headline)
    dominant_name = gaz.country_name(dominant) if dominant else None
    for read in reads:
        read.actors = find_actors(read.sentence.text, gaz, dominant_name) if read.event else []
    drafts = _settle_report_dates(group(reads, reference_date))
    if reference_date is not None:
        # A dated article reports its incidents with a day, a weekday or "yesterday"; an event it
        # never dates is background or a generality ("abortion is punishable", "the speaker is ...").
        drafts = [draft for draft in drafts if draft.date is not None]
    if published is not None and not any(_by_day(d) for d in drafts):
        # A published article tells the incidents it reports by the day, or in its lead ("Last month,
        # police shot dead two demonstrators, a rights group said"); when it does neither, those it
        # dates to a month or a year later on ("in June", "last week") are background to other news.
        drafts = [d for d in drafts if d.date_value is None or _in_lead(d)]
    news_end = None if published is None else _news_end(reads, published)
    if news_end is not None and not any(_recent(d, news_end) or _in_lead(d) for d in drafts):
        # News reports what happened in the weeks before it, or before the period its lead names (a
        # monthly round-up published later); an article with no such event, and none in its lead,
        # tells the older ones it names after its lead as background (an obituary's coup, a profile's
        # first protest). An older event in the lead is the news (a late follow-up report).
        drafts = []
    # The incident the headline reports is the article's main one: it comes first.
    return headline_first([build_incident(draft, gaz, dominant, reads) for draft in drafts], headline)


def _event_type(draft: Draft) -> str | None:
    return next((r.event.event_type for r in draft.members if r.event is not None), None)


def _settle_report_dates(drafts: list[Draft]) -> list[Draft]:
    """Join an incident dated only by its report ("It was reported on Saturday X was stabbed") with
    the next one of the same type that states its own day in the week before: the same event, dated."""
    settled: list[Draft] = []
    for draft in drafts:
        earlier = next(
            (
                d
                for d in settled
                if d.date_reported
                and d.date_value is not None
                and d.date_value.precision == "day"
                and _event_type(d) == _event_type(draft)
            ),
            None,
        )
        value = draft.date_value
        if (
            earlier is not None
            and earlier.date_value is not None
            and value is not None
            and value.precision == "day"
            and not draft.date_reported
            and draft.date is not None
            and draft.date_read is not None
            and 0 < (earlier.date_value.first_day() - value.first_day()).days <= _REPORT_LAG_DAYS
        ):
            earlier.members.extend(draft.members)
            earlier.set_date(draft.date, draft.date_read, reported=False)
            continue
        settled.append(draft)
    return settled


def _recent(draft: Draft, news_end: date) -> bool:
    """Whether the incident may have happened within ``RECENT_DAYS`` before ``news_end`` (a date
    that could not be read may be recent)."""
    value = draft.date_value
    return value is None or _last_day(value) >= news_end - timedelta(days=RECENT_DAYS)


def _last_day(value: PartialDate) -> date:
    if value.month is None:
        return date(value.year, 12, 31)
    if value.day is None:
        return date(value.year, value.month, calendar.monthrange(value.year, value.month)[1])
    return value.first_day()


def _news_end(reads: list[SentenceFacts], reference: date) -> date:
    """The end of the period an article reports: the latest month or day its lead states (not cited
    as a bound or a comparison, nor after ``reference``: "the incidents of August"), else ``reference``."""
    stated = [
        _last_day(mention.value)
        for read in reads
        if read.sentence.index < _LEAD
        for mention in read.dates
        if mention.value is not None
        and mention.trusted
        and mention.value.precision != "year"
        and not cited(read.sentence.text, mention)
    ]
    return min(max(stated), reference) if stated else reference


def _in_lead(draft: Draft) -> bool:
    return draft.members[0].sentence.index < _LEAD


def _by_day(draft: Draft) -> bool:
    return draft.date_value is not None and draft.date_value.precision == "day"


def extract_incidents(article: Article) -> list[Incident]:
    """The incidents an article reports, its headline's first, the others in the order it reports
    them; an empty list when none."""
    # A date on a line of its own before the text is when the page was dated, never an event's date.
    document = prepare(_DATE_LINE.sub("", article.text, count=1), title=article.title or None)
    reference = article.reference_date
    inferred = "reference_date" in article.inferred
    if reference is None and article.published is not None:
        reference = article.published.date()
    if reference is None:
        reference, inferred = latest_full_date(article.text.splitlines()), True
    return extract_from_sentences(
        list(document.sentences),
        reference,
        reference_inferred=inferred,
        dateline=dateline_town(article.text),
        headline=article.title or None,
    )
