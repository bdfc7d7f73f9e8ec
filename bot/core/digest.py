"""Digests: top stories, each summarized, plus their incidents (for the command and the scheduler)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from bot.core.cards import event_sections, summary_section
from bot.core.corpus import Corpus
from bot.core.format import as_utc, format_date, plural
from bot.core.repeats import VERSIONS_PER_STORY
from bot.core.reply import Field, Reply, Section
from bot.vocabulary import Listed
from summarizer.articles.model import Article
from summarizer.errors import InputError
from summarizer.stories import Story, StoryIndex, fingerprint, group_stories, sources_label
from summarizer.summary import Summary

__all__ = ["article_day", "articles_since", "build_digest"]


def article_day(article: Listed) -> date | None:
    """The day an article was published (else its reference date)."""
    return as_utc(article.published).date() if article.published else article.reference_date


def articles_since(corpus: Corpus, since: date | None, limit: int) -> list[Article]:
    """The newest ``limit`` stories (only articles published on or after ``since`` when given):
    every version of each among the newest ``limit * VERSIONS_PER_STORY`` articles read, as the
    scheduled digest takes them, so that outlets carrying the same story never crowd others out."""
    versions: StoryIndex[int] = StoryIndex()
    chosen: list[Article] = []
    read = stories = 0
    for article in corpus.articles():
        if read >= limit * VERSIONS_PER_STORY:
            break
        if since is not None:
            published = article_day(article)
            if published is None or published < since:
                continue
        read += 1
        loaded = corpus.load(article)
        print_ = fingerprint(loaded)
        if not versions.same_story(print_):
            if stories >= limit:
                continue  # a further story: only versions of the chosen ones are still taken
            stories += 1
        versions.add(len(chosen), print_)
        chosen.append(loaded)
    return chosen


def _summary(corpus: Corpus, article: Article, method: str, sentences: int) -> Summary | None:
    """The article's summary, or None when nothing in it can be summarized (one such article
    must not sink the whole digest)."""
    try:
        return corpus.summary(article, method, sentences)
    except InputError:
        return None


def _story_section(corpus: Corpus, story: Story, method: str, sentences: int) -> Section:
    """A story's most complete version summarized; the outlets that carried it when several did."""
    lead = story.lead
    section = summary_section(lead, _summary(corpus, lead, method, sentences), corpus.number(lead))
    if len(story.sources) < 2:
        return section
    fields = tuple(Field("Sources", sources_label(story.sources)) if f.name == "Source" else f
                   for f in section.fields)
    return replace(section, fields=fields)


def build_digest(
    corpus: Corpus,
    articles: Sequence[Article],
    *,
    method: str,
    sentences: int,
    with_incidents: bool = True,
    heading: str = "Digest",
    max_incidents: int = 10,
) -> Reply:
    """One reply: each story summarized once (versions from several outlets grouped), then the
    incidents they report (newest first)."""
    if not articles:
        return Reply(title=f"{heading}: nothing new", footer="No articles in this period.")
    stories = group_stories(articles)
    sections = [_story_section(corpus, story, method, sentences) for story in stories]
    incident_count = 0
    if with_incidents:
        hits = [hit for article in articles for hit in corpus.incidents_of(article)]
        hits.sort(key=lambda h: h.when.toordinal() if h.when else 0, reverse=True)
        events = event_sections(hits, corpus.number, len(hits))
        incident_count = len(events)
        sections.extend(events[:max_incidents])
    known = sorted(day for day in map(article_day, articles) if day is not None)
    span = format_date(known[0]) if known else "undated"
    if known and known[-1] != known[0]:
        span += f" to {format_date(known[-1])}"
    footer = f"{plural(len(stories), 'story', 'stories')} · {plural(incident_count, 'incident')} · {span}"
    return Reply(title=f"{heading}: {plural(len(stories), 'top story', 'top stories')}",
                 sections=tuple(sections), footer=footer)
