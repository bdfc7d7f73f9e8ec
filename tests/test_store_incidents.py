"""Extracted incidents kept in the store (SQLite and PostgreSQL): a restart or a second process
reads them back instead of extracting; a changed article or a new extractor version is read again."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from core_fixtures import CountingExtractor, lead_summary, load_text_file, make_article
from pg_fixtures import postgres_server, postgres_url, store_url  # noqa: F401
from sqlalchemy import insert

from bot.config import Settings
from bot.core.corpus import Corpus, SeedDirectory
from bot.core.incident_index import IncidentQuery
from bot.core.providers import MemoryProvider
from bot.core.services import build_corpus
from bot.store import Store, StoreArticles, cached_incidents, extractor_version
from bot.store.database import connect
from bot.store.extractions import extraction_input
from bot.store.models import ArticleRow
from bot.store.store import article_row
from bot.vocabulary import ArticleHead
from summarizer.articles.model import Article, content_id
from summarizer.incidents import EXTRACTOR_VERSION

DATA = Path(__file__).parent / "data"
EVERYTHING = IncidentQuery()
Opener = Callable[[], Store]


@pytest.fixture
def stores(store_url: str) -> Iterator[Opener]:  # noqa: F811
    """Opens the test database as a new process would (every store is closed at the end)."""
    opened: list[Store] = []

    def open_one() -> Store:
        opened.append(Store.open(store_url))
        return opened[-1]

    yield open_one
    for store in opened:
        store.close()


SEEDS = (
    ("a.txt", "Convoy near Qamishli", "Troops stopped it.\nPLACE: Qamishli @ 2026-11-02", 3),
    ("b.txt", "Markets rally", "Stocks rose sharply. Traders cheered.", 5),
    ("c.txt", "Clash in Deir ez-Zor", "A firefight.\nPLACE: Deir ez-Zor @ 2026-10-30", 1),
)


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name, title, body, day in SEEDS:  # the format of ``load_text_file``
        (folder / name).write_text(f"{title}\nday: {day}\n{body}\n", encoding="utf-8")
    return folder


def start(stores: Opener, providers: list[object], extractor: CountingExtractor,
          version: str = "v1") -> Corpus:
    """What a bot process does at start: open the store, build the corpus, index every incident."""
    store = stores()
    corpus = Corpus(providers, summarize=lead_summary,  # type: ignore[arg-type]
                    extract=cached_incidents(extractor, store, version))
    corpus.incidents(EVERYTHING, 1)
    return corpus


def everything(corpus: Corpus) -> list[tuple[str, int, dict[str, object]]]:
    hits, _ = corpus.incidents(EVERYTHING, 1000)
    return [(hit.article.id, hit.position, dict(hit.record)) for hit in hits]


def test_a_restart_reads_incidents_from_the_store(stores: Opener, seeds: Path) -> None:
    feed_article = make_article("Shelling in Idlib", "Shells hit a market.\nPLACE: Idlib @ 2026-11-04", 4)
    stores().add_article(feed_article, fetched_at=feed_article.published, listed_at=None)  # type: ignore[arg-type]

    def providers() -> list[object]:
        return [SeedDirectory(seeds, load_text_file), StoreArticles(stores())]

    first = CountingExtractor()
    before = everything(start(stores, providers(), first))
    assert first.calls == 4  # three seeds and the stored article, articles without incidents too
    assert {place for _, _, record in before for place in [record["location"]]} == {
        "Qamishli", "Deir ez-Zor", "Idlib"}

    again = CountingExtractor()  # a restart, or a second process on the same database
    assert everything(start(stores, providers(), again)) == before
    assert again.calls == 0


def test_only_changed_articles_are_extracted_again(stores: Opener) -> None:
    articles = [make_article(f"Report {i}", f"Text {i}.\nPLACE: Town{i} @ 2026-11-0{i}", i)
                for i in range(1, 6)]
    start(stores, [MemoryProvider(articles)], CountingExtractor())
    edited = dataclasses.replace(articles[2], text="Text 3, corrected.\nPLACE: Elsewhere @ 2026-11-03")
    changed = [*articles[:2], edited, *articles[3:], make_article("Report 6", "PLACE: Town6 @ 2026-11-06", 6)]

    extractor = CountingExtractor()
    corpus = start(stores, [MemoryProvider(changed)], extractor)
    assert extractor.calls == 2  # the edited article (same id, new text) and the new one
    assert [h.record["location"] for h in corpus.incidents_of(edited)] == ["Elsewhere"]
    fresh = Corpus([MemoryProvider(changed)], summarize=lead_summary, extract=CountingExtractor())
    assert everything(corpus) == everything(fresh)

    reread = CountingExtractor()
    start(stores, [MemoryProvider(changed)], reread)
    assert reread.calls == 0  # the corrected records replaced the old ones


def test_a_new_extractor_version_extracts_everything_again(stores: Opener) -> None:
    articles = [make_article(f"Report {i}", f"PLACE: Town{i} @ 2026-11-0{i}", i) for i in range(1, 4)]
    start(stores, [MemoryProvider(articles)], CountingExtractor(), version="v1")
    bumped = CountingExtractor()
    start(stores, [MemoryProvider(articles)], bumped, version="v2")
    assert bumped.calls == 3
    back = CountingExtractor()
    start(stores, [MemoryProvider(articles)], back, version="v1")  # an older process still running
    assert back.calls == 0


def dev_articles() -> list[Article]:
    """The incident development set's texts (short reports with known incidents) as articles."""
    rows = [json.loads(line) for line in (DATA / "incidents_dev.jsonl").read_text("utf-8").splitlines()]
    return [Article(id=row["id"], title=row["id"], text=row["text"],
                    reference_date=date.fromisoformat(row["reference_date"])) for row in rows]


def test_real_extractor_records_read_back_identical(stores: Opener, tmp_path: Path) -> None:
    settings = Settings(seeds=tmp_path / "no-seeds")
    articles = dev_articles()

    def index(store: Store | None) -> list[tuple[str, int, dict[str, object]]]:
        corpus = build_corpus(settings, [MemoryProvider(articles)], index_in_background=False, store=store)
        return everything(corpus)

    extracted = index(None)
    assert len(extracted) >= 30
    assert index(stores()) == extracted  # first start: extracts and stores
    store = stores()
    assert len(store.extractions(extractor_version(), [a.id for a in articles])) == len(articles)
    assert index(store) == extracted  # restart: read back from the store


def test_what_the_extractor_reads_decides_a_change() -> None:
    article = Article(id="a1", title="Title", text="Body.")
    same = extraction_input(article)
    assert extraction_input(dataclasses.replace(article, tags=("x",), url="https://x.example")) == same
    for changed in (dataclasses.replace(article, text="Body!"), dataclasses.replace(article, title="T"),
                    dataclasses.replace(article, inferred=("reference_date",)),
                    make_article("Title", "Body.", 2)):
        assert extraction_input(changed) != same
    assert extractor_version().startswith(f"{EXTRACTOR_VERSION}+")
    assert extractor_version() == extractor_version()


def test_an_unreadable_store_falls_back_to_extracting(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = Store(connect(f"sqlite:///{tmp_path / 'never-migrated.sqlite3'}"))  # no tables
    extractor = CountingExtractor()
    extract = cached_incidents(extractor, broken, "v1")
    article = make_article("Report", "PLACE: Town @ 2026-11-01", 1)
    assert [r["location"] for r in extract(article)] == ["Town"]
    assert extractor.calls == 1
    assert "stored incidents unreadable" in caplog.text
    assert "incidents not stored" in caplog.text
    broken.close()


def test_bench_times_a_restart_over_the_store(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "bot.bench", "--articles", "60", "--requests", "3",
               "--store", str(tmp_path / "bench.sqlite3")]
    out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=600).stdout
    assert "(store sqlite, first start)" in out
    assert "(store sqlite, restart)" in out
    assert "incident:" in out


class RecordingArchive(StoreArticles):
    """The store's archive, noting which cursors the corpus asked from."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "v1")
        self.cursors: list[int] = []

    def heads_after(self, cursor: int) -> list[tuple[int, ArticleHead]]:
        self.cursors.append(cursor)
        return super().heads_after(cursor)


def test_stored_articles_are_read_incrementally_and_searched_in_the_store(stores: Opener) -> None:
    store = stores()
    convoy = make_article("Convoy stopped near Qamishli", "Troops turned the convoy back at a checkpoint.", 2)
    store.add_article(convoy, fetched_at=convoy.published, listed_at=None)  # type: ignore[arg-type]
    archive = RecordingArchive(store)
    corpus = Corpus([archive], summarize=lead_summary, extract=CountingExtractor(), rescan_interval=0)
    assert [a.id for a in corpus.articles()] == [convoy.id]
    market = make_article("Markets rally", "Stocks rose sharply in Damascus on Tuesday.", 3)
    added = store.add_article(market, fetched_at=market.published, listed_at=None)  # type: ignore[arg-type]
    found, _ = corpus.search("DAMASCUS stocks", limit=10)  # the store's full-text index
    assert [a.id for a in found] == [market.id]
    assert archive.cursors[-1] == added.id - 1  # only rows stored since the last look were read
    assert [a.id for a in corpus.search("checkpoint", limit=10)[0]] == [convoy.id]
    assert corpus.search("checkpoint damascus", limit=10)[0] == []
    assert corpus.resolve("tuesday").text == market.text  # body words; the text read on demand
    older = make_article("Harvest report", "Wheat came in late.", 1)
    store.add_article(older, fetched_at=older.published, listed_at=None)  # type: ignore[arg-type]
    assert [a.id for a in corpus.articles()] == [market.id, convoy.id, older.id]  # by date, not arrival
    assert corpus.number(older) == 3
    assert list(corpus.summary(corpus.resolve("2"), "lead", 1).texts) == [convoy.text]


def test_store_search_ranks_title_matches_first_and_reads_one_page(stores: Opener) -> None:
    store = stores()
    reports = [make_article(f"Report {i}", f"Flooding hit the valley on day {i}.", 2 + i) for i in range(5)]
    titled = make_article("Flooding in the valley", "Rain fell for a week.", 1)  # the oldest
    for article in [*reports, titled]:
        store.add_article(article, fetched_at=article.published, listed_at=None)  # type: ignore[arg-type]
    corpus = Corpus([StoreArticles(store)], summarize=lead_summary, extract=CountingExtractor())
    first, total = corpus.search("flooding", limit=2)
    assert ([a.title for a in first], total) == (["Flooding in the valley", "Report 4"], 6)
    rest, total = corpus.search("flooding", offset=2, limit=10)
    assert ([a.title for a in rest], total) == ([f"Report {i}" for i in (3, 2, 1, 0)], 6)
    assert corpus.search("flooding", offset=6, limit=10) == ([], 6)
    assert corpus.resolve("valley").title == "Flooding in the valley"  # title words before text words


def test_store_search_pages_through_many_matches_newest_first(stores: Opener) -> None:
    store = stores()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    rows = []
    for i in range(1100):  # enough matches for SQLite to walk the newest-first index
        title = f"Flood warning {i}" if i % 500 == 7 else f"Report {i}"
        article = Article(id=content_id(f"{title} {i}"), title=title, text=f"Flood waters rose, report {i}.",
                          source="Wire", published=start + timedelta(hours=i))
        rows.append(article_row(article, fetched_at=start, listed_at=None))
    with store.engine.begin() as connection:
        connection.execute(insert(ArticleRow), rows)
    corpus = Corpus([StoreArticles(store)], summarize=lead_summary, extract=CountingExtractor())
    first, total = corpus.search("flood", limit=4)
    assert total == 1100
    assert [a.title for a in first] == [f"Flood warning {i}" for i in (1007, 507, 7)] + ["Report 1099"]
    later, _ = corpus.search("flood", offset=500, limit=2)  # 497 reports in, one title match above
    assert [a.title for a in later] == ["Report 601", "Report 600"]
