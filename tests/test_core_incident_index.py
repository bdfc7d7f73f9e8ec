"""The incident index: word matches, field matches first, date ranges, big result sets."""

from __future__ import annotations

import logging
import threading
from datetime import date, timedelta

import pytest
from core_fixtures import make_article

from bot.core.incident_index import IncidentIndex, parse_incident_query
from bot.core.incident_indexer import IncidentIndexer
from bot.vocabulary import ArticleHead
from summarizer.articles.model import Article


def _index(count: int) -> IncidentIndex:
    index = IncidentIndex()
    start = date(2020, 1, 1)
    for i in range(count):
        article = make_article(f"Report {i}", f"Body {i}.", 1 + i % 28)
        day = start + timedelta(days=i)
        place = "Qamishli" if i % 2 else "Aleppo"
        index.add(article, [{
            "event_date": day.isoformat(), "location": place, "country": "Syria",
            "summary": f"Fighting near {place}.",
            "evidence": [{"field": "location", "text": "Residents fled to Hamo village."}],
        }])
    return index


def _dates(hits: list) -> list[str]:
    return [h.when.isoformat() for h in hits]


def test_newest_first_and_totals() -> None:
    index = _index(10)
    hits, total = index.query(parse_incident_query(None), 3)
    assert (_dates(hits), total) == (["2020-01-10", "2020-01-09", "2020-01-08"], 10)
    hits, total = index.query(parse_incident_query("aleppo"), 2)
    assert (_dates(hits), total) == (["2020-01-09", "2020-01-07"], 5)


def test_field_matches_come_before_evidence_matches() -> None:
    index = _index(4)
    newer = make_article("Hamo", "x", 28)
    index.add(newer, [{"event_date": "2019-05-01", "location": "Hamo", "country": "Syria"}])
    hits, total = index.query(parse_incident_query("Hamo"), 2)
    assert total == 5  # every record mentions Hamo in its evidence
    assert hits[0].record["location"] == "Hamo"  # but the one that happened there comes first
    assert hits[1].when == date(2020, 1, 4)


@pytest.mark.parametrize(("text", "since", "expected"), [
    ("2020-02", None, 29),
    ("2020-02-29", None, 1),
    ("2020", None, 366),
    ("2020-01 2020-03", None, 62),
    ("2021-13", None, 0),
    ("2020-02", date(2020, 2, 20), 10),
    (None, date(2020, 12, 1), 31),
    ("qamishli 2020-02", None, 15),
])
def test_date_prefixes_and_since(text: str | None, since: date | None, expected: int) -> None:
    index = _index(366)
    hits, total = index.query(parse_incident_query(text, since), 400)
    assert total == expected
    assert len(hits) == expected
    assert _dates(hits) == sorted(_dates(hits), reverse=True)


def test_large_result_sets_are_ranked_and_cut_to_the_page() -> None:
    index = _index(4000)
    hits, total = index.query(parse_incident_query("syria"), 5)
    assert total == 4000
    assert _dates(hits) == [(date(2020, 1, 1) + timedelta(days=i)).isoformat() for i in range(3999, 3994, -1)]
    hits, total = index.query(parse_incident_query("hamo"), 3)  # evidence-only matches, many
    assert total == 4000
    assert len(hits) == 3


def test_removing_an_article_forgets_its_records() -> None:
    index = _index(3)
    victim = index.query(parse_incident_query(None), 1)[0][0].article
    index.remove(victim.id)
    assert index.query(parse_incident_query(None), 5)[1] == 2
    assert victim.id not in index


def test_stopping_the_background_indexer_ends_it_after_the_article_in_hand() -> None:
    """Closing a process stops the indexer before the store closes: the article being extracted
    is finished, the rest wait for a request, and nothing starts the thread again."""
    articles = {a.id: a for a in (make_article(f"Story {n}", "Talks went on.", n + 1) for n in range(3))}
    heads = [ArticleHead.of(a) for a in articles.values()]
    extracted: list[str] = []

    def extract(article: Article) -> list[dict[str, str]]:
        extracted.append(article.id)
        indexer._stopping.wait()  # the first article is in hand until stop is called
        return []

    indexer = IncidentIndexer(extract, load=lambda head: articles[head.id], stored=dict, in_background=True)
    indexer.track(articles, ())
    indexer.start(lambda: heads)
    indexer.stop()
    assert len(extracted) <= 1
    assert len(indexer.pending()) == 3 - len(extracted)
    indexer.start(lambda: heads)
    assert indexer.backlog() == 0
    assert len(extracted) <= 1


def test_stopping_waits_a_bounded_time_for_a_stuck_article(caplog: pytest.LogCaptureFixture) -> None:
    """An article the extractor never finishes does not hold up closing the process for ever."""
    article = make_article("Stuck story", "Talks went on.", 1)
    head = ArticleHead.of(article)
    in_hand, release = threading.Event(), threading.Event()

    def extract(article: Article) -> list[dict[str, str]]:
        in_hand.set()
        release.wait()  # stuck until the test lets it go
        return []

    indexer = IncidentIndexer(extract, load=lambda head: article, stored=dict, in_background=True)
    indexer.track([article.id], ())
    indexer.start(lambda: [head])
    in_hand.wait()
    caplog.set_level(logging.WARNING, logger="bot.core.incident_indexer")
    indexer.stop(timeout=0)  # returns although the thread is still in the article
    assert "still reading an article after 0 s" in caplog.text
    release.set()
    indexer.stop()  # the article finished: a plain wait
