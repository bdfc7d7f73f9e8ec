"""Which unsent articles a digest takes: whole stories, never a story the channel already got.

A story already posted to a channel is not posted again because another outlet picked it up or
updated it: such a version is a repeat, reserved for the channel (so it never comes back) but
left out of the digest. A genuinely new development shares little text and is news.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from bot.store import Store, StoredArticle, Subscription
from bot.vocabulary import Destination
from summarizer.stories import StoryIndex, StoryPick

__all__ = ["VERSIONS_PER_STORY", "DigestPick", "SentStories"]

# How many of a channel's most recently sent articles new ones are compared with.
SENT_WINDOW = 2000
# How many fingerprints the scheduler keeps (about 1 KB each); the oldest articles go first.
KEPT = 50_000
# Unsent articles read per story a digest takes: room for the versions several outlets carry.
VERSIONS_PER_STORY = 4


@dataclass(frozen=True, slots=True)
class DigestPick:
    """The articles of a digest (``fresh``) and the versions of stories already sent (``repeats``)."""

    fresh: list[int]
    repeats: list[int]


class SentStories:
    """Fingerprints of stored articles (by store id), kept for the life of the scheduler (or of
    the bot, for the ``digest`` command's preview); safe to share between threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    @cached_property
    def _index(self) -> StoryIndex[int]:
        return StoryIndex()  # built on first use: datasketch loads only when a digest is made

    def next_digest(
        self, store: Store, subscription: Subscription, now: datetime, stories: int
    ) -> DigestPick:
        """What ``subscription``'s digest takes at ``now``: up to ``stories`` unsent stories that
        match its filters, and apart the repeats of stories the channel was already sent."""
        candidates = store.unsent_articles(
            subscription.destination, since=subscription.since, until=now, keywords=subscription.keywords,
            sources=subscription.sources, exclude=subscription.exclude, limit=stories * VERSIONS_PER_STORY,
        )  # fmt: skip
        return self.pick(store, subscription.destination, candidates, stories)

    def _learn(self, store: Store, sent: set[int]) -> None:
        """Index the channel's most recently sent articles not indexed yet."""
        missing = sorted((i for i in sent if i not in self._index), reverse=True)[:SENT_WINDOW]
        for stored in store.articles(ids=missing):
            self._index.add(stored.id, stored.article)

    def pick(self, store: Store, destination: Destination, candidates: Sequence[StoredArticle],
             stories: int) -> DigestPick:
        """Up to ``stories`` stories from ``candidates`` (oldest first): every version of each,
        and apart the candidates that repeat a story the channel was sent."""
        with self._lock:
            return self._pick(store, destination, candidates, stories)

    def _pick(self, store: Store, destination: Destination, candidates: Sequence[StoredArticle],
              stories: int) -> DigestPick:
        sent = store.sent_article_ids(destination)
        self._learn(store, sent)
        fresh: StoryPick[int] = StoryPick(stories)
        repeats: list[int] = []
        for stored in candidates:
            similar = self._index.same_story(self._index.add(stored.id, stored.article))
            if sent.isdisjoint(similar):
                fresh.offer(stored.id, similar)
            else:
                repeats.append(stored.id)
        if len(self._index) > KEPT:
            for old in sorted(self._index.keys())[: len(self._index) - KEPT]:
                self._index.remove(old)
        return DigestPick(fresh.taken, repeats)
