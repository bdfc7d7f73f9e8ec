"""Digests: top stories, each summarized, plus their incidents (for the command and the scheduler)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from bot.core.cards import event_sections, summary_section
from bot.core.corpus import Corpus
from bot.core.format import as_utc, format_date, plural
from bot.core.repeats import VERSIONS_PER_STORY
from bot.core.reply import Field, Reply, Section
from bot.vocabulary import Listed
from summarizer.articles.model import Article
from summarizer.errors import InputError
from summarizer.stories import Fingerprint, Story, StoryIndex, StoryPick, group_stories, sources_label
from summarizer.summary import Summary

__all__ = ["Picked", "article_day", "articles_since", "build_digest"]


def article_day(article: Listed) -> date | None:
    """The day an article was published (else its reference date)."""
    return as_utc(article.published).date() if article.published else article.reference_date


class Picked(NamedTuple):
    """Articles chosen for a digest, with their fingerprints (for ``build_digest``)."""

    articles: list[Article]
    prints: list[Fingerprint]


def articles_since(corpus: Corpus, since: date | None, limit: int) -> Picked:
    """The newest ``limit`` stories (only articles published on or after ``since`` when given):
    every version of each among the newest ``limit * VERSIONS_PER_STORY`` articles read, as the
    scheduled digest takes them, so that outlets carrying the same story never crowd others out.
    Reads article texts and fingerprints them: run it in a worker thread."""
    index: StoryIndex[int] = StoryIndex()
    pick: StoryPick[int] = StoryPick(limit)
    read: list[tuple[Article, Fingerprint]] = []
    for article in corpus.articles():
        if len(read) >= limit * VERSIONS_PER_STORY:
            break
        if since is not None:
            published = article_day(article)
            if published is None or published < since:
                continue
        loaded = corpus.load(article)
        print_ = index.add(len(read), loaded)
        pick.offer(len(read), index.same_story(print_))
        read.append((loaded, print_))
    chosen = [read[key] for key in pick.taken]
    return Picked([article for article, _ in chosen], [print_ for _, print_ in chosen])


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
    prints: Sequence[Fingerprint] | None = None,
    method: str,
    sentences: int,
    with_incidents: bool = True,
    heading: str = "Digest",
    max_incidents: int = 10,
) -> Reply:
    """One reply: each story summarized once (versions from several outlets grouped; ``prints``:
    the articles' fingerprints when known), then the incidents they report (newest first)."""
    if not articles:
        return Reply(title=f"{heading}: nothing new", footer="No articles in this period.")
    stories = group_stories(articles, prints=prints)
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
