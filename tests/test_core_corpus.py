"""Corpus: provider merging, rescans, lookups, search, caches and the incident index."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from core_fixtures import CountingExtractor, lead_summary, load_text_file, make_article

from bot.core.corpus import ArticleNotFound, Corpus, SeedDirectory
from bot.core.incident_index import parse_incident_query
from bot.core.providers import MemoryProvider


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def write(folder: Path, name: str, title: str, body: str, day: int) -> Path:
    path = folder / name
    path.write_text(f"{title}\nday: {day}\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    write(tmp_path, "a.txt", "Convoy turned back near Qamishli",
          "Troops stopped a convoy. It turned around.\nPLACE: Qamishli @ 2026-11-02", 3)
    write(tmp_path, "b.txt", "Markets rally on trade news", "Stocks rose sharply. Traders cheered.", 5)
    write(tmp_path, "c.txt", "Clash reported in Deir ez-Zor",
          "A firefight broke out. One soldier died.\nPLACE: Deir ez-Zor @ 2026-10-30", 1)
    return tmp_path


def make_corpus(folder: Path, clock: Clock, extractor: CountingExtractor | None = None) -> Corpus:
    return Corpus(
        [SeedDirectory(folder, load_text_file)],
        summarize=lead_summary, extract=extractor or CountingExtractor(), monotonic=clock,
    )


def test_newest_first_and_lookups(seeds: Path) -> None:
    corpus = make_corpus(seeds, Clock())
    titles = [a.title for a in corpus.articles()]
    assert titles == ["Markets rally on trade news", "Convoy turned back near Qamishli",
                      "Clash reported in Deir ez-Zor"]
    newest = corpus.articles()[0]
    assert corpus.resolve(None).id == newest.id
    assert corpus.resolve(None).text == "Stocks rose sharply. Traders cheered."  # with its text
    assert corpus.resolve("2").title.startswith("Convoy")
    assert corpus.resolve(newest.id[:8]).id == newest.id
    assert corpus.resolve("qamishli convoy").title.startswith("Convoy")
    assert corpus.resolve("firefight").title.startswith("Clash")  # falls back to body words
    assert corpus.number(newest) == 1
    with pytest.raises(ArticleNotFound, match="no article number 9"):
        corpus.resolve("9")
    with pytest.raises(ArticleNotFound, match="no article number -1; sources lists 1 to 3"):
        corpus.resolve("-1")  # a number, though signed: not the words of a title or a text
    assert corpus.resolve("+2").title.startswith("Convoy")
    assert corpus.resolve("\u0662").title.startswith("Convoy")  # Arabic-Indic 2
    assert corpus.resolve("\uff12").title.startswith("Convoy")  # full-width 2
    with pytest.raises(ArticleNotFound, match="No article matches"):
        corpus.resolve("\u00b2")  # a superscript is no number to int()
    with pytest.raises(ArticleNotFound, match="No article matches"):
        corpus.resolve("volcano eruption")
    with pytest.raises(ArticleNotFound, match="do not know the article"):
        corpus.resolve("https://example.org/unknown")


def test_new_seed_files_appear_without_restart(seeds: Path) -> None:
    clock = Clock()
    corpus = make_corpus(seeds, clock)
    assert len(corpus) == 3
    write(seeds, "d.txt", "Fresh report", "Something happened today.", 9)
    assert len(corpus) == 3  # within the rescan interval nothing is scanned
    clock.now += 5
    assert corpus.articles()[0].title == "Fresh report"
    os.remove(seeds / "b.txt")
    report = corpus.refresh(force=True)
    assert (report.added, report.removed, report.total) == (0, 1, 3)
    assert corpus.search("stocks", limit=10)[0] == []


def test_broken_seed_file_is_reported_not_fatal(seeds: Path) -> None:
    (seeds / "empty.txt").write_text("", encoding="utf-8")
    corpus = make_corpus(seeds, Clock())
    report = corpus.refresh(force=True)
    assert report.total == 3
    assert any("empty.txt" in failure for failure in report.failures)


def test_search_ranks_title_matches_first(seeds: Path) -> None:
    corpus = make_corpus(seeds, Clock())
    assert [a.title for a in corpus.search("convoy", limit=10)[0]] == ["Convoy turned back near Qamishli"]
    assert corpus.search("turned", limit=10)[0]
    assert corpus.search("TURNED", limit=10)[0][0].title.startswith("Convoy")
    assert corpus.search("convoy stocks", limit=10)[0] == []


def test_summaries_and_incidents_are_computed_once(seeds: Path) -> None:
    extractor = CountingExtractor()
    corpus = make_corpus(seeds, Clock(), extractor)
    article = corpus.resolve("Qamishli")
    first = corpus.summary(article, "lead", 1)
    assert corpus.summary(article, "lead", 1) is first
    assert corpus.summary(article, "lead", 2) is not first
    hits, total = corpus.incidents(parse_incident_query(None), 5)
    assert total == 2
    assert [h.record["location"] for h in hits] == ["Qamishli", "Deir ez-Zor"]
    calls = extractor.calls
    corpus.incidents(parse_incident_query("qamishli"), 5)
    assert extractor.calls == calls == 3


def test_incident_queries_by_place_date_and_since(seeds: Path) -> None:
    corpus = make_corpus(seeds, Clock())
    hits, _ = corpus.incidents(parse_incident_query("Deir"), 5)
    assert [h.record["location"] for h in hits] == ["Deir ez-Zor"]
    hits, _ = corpus.incidents(parse_incident_query("2026-10"), 5)
    assert [h.when for h in hits] == [date(2026, 10, 30)]
    hits, _ = corpus.incidents(parse_incident_query("syrian forces", since=date(2026, 11, 1)), 5)
    assert [h.record["location"] for h in hits] == ["Qamishli"]
    hits, total = corpus.incidents(parse_incident_query("Aleppo"), 5)
    assert (hits, total) == ([], 0)
    hits, total = corpus.incidents(parse_incident_query(None), 1)
    assert (len(hits), total) == (1, 2)


def test_store_like_provider_merges_and_dedupes(seeds: Path) -> None:
    class Provider:
        name = "store"

        def __init__(self) -> None:
            self.items = [make_article("Stored story", "From a feed.", 20, url="https://example.org/s")]

        def fingerprint(self) -> object:
            return len(self.items)

        def articles(self) -> list:
            return list(self.items)

    provider = Provider()
    clock = Clock()
    corpus = Corpus([SeedDirectory(seeds, load_text_file), provider], summarize=lead_summary,
                    extract=CountingExtractor(), monotonic=clock)
    assert corpus.articles()[0].title == "Stored story"
    assert corpus.resolve("https://example.org/s").title == "Stored story"
    provider.items.append(corpus.articles()[1])  # the same article from two providers
    provider.items.append(make_article("Another stored story", "Later.", 21))
    clock.now += 5
    assert len(corpus.articles()) == 5
    assert corpus.articles()[0].title == "Another stored story"


def test_background_indexing_answers_from_what_is_ready() -> None:
    import threading


    release = threading.Event()
    seen: list[str] = []

    def slow_extract(article):
        seen.append(article.id)
        release.wait(timeout=30)
        return CountingExtractor()(article)

    articles = [make_article(f"Report {i}", f"Text {i}.\nPLACE: Town{i} @ 2026-11-01", 1 + i % 20)
                for i in range(300)]
    corpus = Corpus([MemoryProvider(articles)], summarize=lead_summary, extract=slow_extract,
                    index_in_background=True)
    corpus.refresh()
    hits, total = corpus.incidents(parse_incident_query(None), 5)
    assert (hits, total) == ([], 0)  # a long backlog: answered at once from the (empty) index
    assert corpus.indexing_backlog() >= 299
    release.set()
    corpus._incidents._thread.join(timeout=60)
    assert corpus.indexing_backlog() == 0
    assert corpus.incidents(parse_incident_query(None), 5)[1] == 300


def test_articles_indexed_before_they_are_listed_are_not_indexed_again() -> None:

    extractor = CountingExtractor()
    early = make_article("Early", "Seen by a digest first.\nPLACE: Hamo @ 2026-11-01", 2)
    provider = MemoryProvider([make_article("Other", "Nothing here.", 1)])
    clock = Clock()
    corpus = Corpus([provider], summarize=lead_summary, extract=extractor, index_in_background=True,
                    monotonic=clock)
    corpus.incidents_of(early)  # e.g. a scheduled digest of a stored article
    provider.items = [*provider.items, early]
    clock.now += 10
    assert len(corpus.articles()) == 2
    corpus._incidents._thread.join(timeout=30)
    assert not corpus._incidents._thread.is_alive()
    assert extractor.calls == 2  # "Early" once, "Other" once
    assert corpus.incidents(parse_incident_query("hamo"), 5)[1] == 1
