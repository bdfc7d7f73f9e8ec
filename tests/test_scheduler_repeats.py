"""Which unsent articles a digest takes: whole stories, repeats of sent stories apart."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.core import repeats
from bot.core.repeats import SentStories
from bot.store import StoredArticle
from bot.vocabulary import Destination
from summarizer.articles.model import Article

HERE = Destination("discord", "c1", "g1")
NOW = datetime(2026, 11, 24, tzinfo=UTC)
TEXTS = [
    "Heavy rain flooded the northern valley on Monday, cutting the main road to the coast and forcing "
    "hundreds of families from their homes while rescue teams reached three villages by boat.",
    "Parliament passed next year's budget late on Tuesday after a long debate over health spending, "
    "with the opposition voting against it and two members abstaining from the final vote.",
    "The city council approved a new tram line on Wednesday after months of debate; construction starts "
    "in spring and the first trams should run within three years, the mayor told reporters.",
]


class FakeStore:
    """The two reads ``SentStories`` makes, over articles kept in memory."""

    def __init__(self, stored: list[StoredArticle], sent: set[int]) -> None:
        self.stored = {s.id: s for s in stored}
        self.sent = sent
        self.read: list[int] = []

    def sent_article_ids(self, destination: Destination) -> set[int]:
        return set(self.sent)

    def articles(self, *, ids: list[int]) -> list[StoredArticle]:
        self.read.extend(ids)
        return [self.stored[i] for i in ids if i in self.stored]


def stored(number: int, text: str, source: str = "Wire") -> StoredArticle:
    article = Article(id=str(number), title=f"Story {number}", text=text, source=source)
    return StoredArticle(number, article, NOW, NOW)


def test_repeats_of_sent_stories_are_apart_and_versions_of_a_new_story_do_not_count() -> None:
    sent = stored(1, TEXTS[0])
    candidates = [stored(2, TEXTS[0] + " More rain is expected.", "AP"), stored(3, TEXTS[1]),
                  stored(4, TEXTS[1], "AFP"), stored(5, TEXTS[2])]
    store = FakeStore([sent, *candidates], {1})
    pick = SentStories().pick(store, HERE, candidates, stories=1)  # type: ignore[arg-type]
    assert pick.repeats == [2]
    assert pick.fresh == [3, 4]  # one story, both versions; the tram story waits for the next digest


def test_the_oldest_fingerprints_are_dropped_past_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repeats, "KEPT", 2)
    candidates = [stored(n, text) for n, text in enumerate(TEXTS, start=1)]
    stories = SentStories()
    stories.pick(FakeStore(candidates, set()), HERE, candidates, stories=3)  # type: ignore[arg-type]
    again = [replace(candidates[0], id=9)]
    store = FakeStore([*candidates, *again], {1, 3})
    pick = stories.pick(store, HERE, again, stories=3)  # type: ignore[arg-type]
    assert store.read == [1]  # dropped (the oldest), so read back; 3 is still kept
    assert pick.repeats == [9]
