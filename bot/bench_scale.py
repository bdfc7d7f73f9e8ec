"""Scale benchmark: the bot over a SQLite store of 1,000 to 100,000 real news articles.

    python -m bot.bench --scale 100000 --corpus PATH/wikinews [--db FILE] [--budget 900]

The store is filled from a folder of real articles (the Wikinews corpus: 317 CC BY 2.5 news
articles as Markdown with front matter) repeated under new ids until it holds ``--scale``
articles. Each copy gets one sentence appended ("Copy 12 of this report.") and its own URL,
so that the store's deduplication by text and by URL keeps every copy. Each article's incidents
are extracted once and stored as cached for every copy (what a bot that has run for a while
has in its store). The measurement then runs in a fresh process, as a bot restart would:

- restart: open the store and list its articles (``summary``, ``search`` and ``sources`` answer
  from then on), then up to a complete incident index from the cached records (``incident``
  answers in full from then on): wall time, and the process's CPU time (what a busy shared
  machine does not inflate);
- a newly polled article: stored while the bot runs, then asked for with ``search`` until it is
  found, then summarized (the time from storing it to both answers);
- ``summary`` (first request per article and cached), ``incident`` and ``search`` latency
  through the console adapter's path (parsing, handler, rendering), p50 and p99;
- resident memory (VmRSS) once all of that has run, and its peak.

A measurement that runs over ``--budget`` seconds is stopped and reported as such.
"""

from __future__ import annotations

import asyncio
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, insert

from bot.adapters.console import Console
from bot.config import Settings
from bot.core.app import build_registry
from bot.core.incident_index import IncidentQuery
from bot.core.services import Services, build_corpus
from bot.store import Store, StoreArticles, extractor_version, open_store
from bot.store.extractions import extraction_input
from bot.store.models import ArticleRow, ExtractionRow, SummaryRow
from bot.store.store import article_row
from summarizer.articles import load
from summarizer.articles.model import Article, content_id
from summarizer.incidents import extract_incidents
from summarizer.text import words

__all__ = ["build_store", "measure", "run"]

_BATCH = 1000
_INCIDENT_QUERIES = ("", "killed", "police", "Iraq", "Afghanistan", "2008", "protest", "bomb",
                     "China", "United States", "fire", "2011-03")
_FRESH_WORD = "Quetzalbenchmark"  # in no real article: only the newly stored one matches


def _originals(corpus: Path) -> list[Article]:
    found = [item for item in load(corpus) if isinstance(item, Article)]
    if not found:
        raise SystemExit(f"no articles found in {corpus}")
    return found


def _copy(article: Article, number: int) -> Article:
    """The article as stored copy ``number``: one sentence added, its own URL and id."""
    text = f"{article.text}\n\nCopy {number} of this report."
    published = article.published.astimezone(UTC) if article.published else None
    url = f"{article.url or 'https://copies.example/'}?copy={number}"
    return Article(
        id=content_id(article.title + text), title=article.title, text=text, source=article.source,
        url=url, published=published, language=article.language,
        reference_date=published.date() if published else None, tags=article.tags, origin=article.origin,
    )


def build_store(path: Path, corpus: Path, count: int) -> None:
    """A SQLite store at ``path`` holding ``count`` copies of the corpus's articles, with their
    incident extractions cached."""
    originals = _originals(corpus)
    version = extractor_version()
    now = datetime.now(UTC)
    records = {}
    began = time.perf_counter()
    for article in originals:
        records[article.id] = [incident.to_dict() for incident in extract_incidents(_copy(article, 0))]
    print(f"  extracted {len(originals)} originals in {time.perf_counter() - began:.1f} s", flush=True)
    store = open_store(None, sqlite_path=path)
    try:
        for start in range(0, count, _BATCH):
            rows, extractions = [], []
            for number in range(start, min(count, start + _BATCH)):
                original = originals[number % len(originals)]
                copy = _copy(original, number)
                arrived = now - timedelta(minutes=count - number)
                rows.append(article_row(copy, fetched_at=arrived, listed_at=None))
                extractions.append({"article_uid": copy.id, "extractor": version,
                                    "input_hash": extraction_input(copy),
                                    "records": records[original.id], "created_at": now})
            with store.engine.begin() as connection:
                connection.execute(insert(ArticleRow), rows)
                connection.execute(insert(ExtractionRow), extractions)
    finally:
        store.close()
    print(f"  stored {count} articles in {time.perf_counter() - began:.1f} s", flush=True)


def _rss_mb() -> tuple[float, float]:
    """Resident memory now and at its peak, in MB."""
    now = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            now = int(line.split()[1]) / 1024
    return now, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _percentiles(samples: Sequence[float]) -> str:
    ordered = sorted(samples)
    p50 = ordered[len(ordered) // 2] * 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    return f"p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   n={len(ordered)}"


def _timed(ask: Callable[[str], str], lines: Iterable[str]) -> list[float]:
    samples = []
    for line in lines:
        began = time.perf_counter()
        answer = ask(line)
        samples.append(time.perf_counter() - began)
        if answer.startswith("Error"):
            raise SystemExit(f"benchmark request failed: {line!r} -> {answer!r}")
    return samples


def _search_queries(store: Store, rng: random.Random, count: int) -> list[str]:
    """Two words of the titles of random stored articles."""
    titles = [stored.article.title for stored in store.articles(limit=400)]
    queries = []
    for _ in range(count):
        title_words = [w for w in words(rng.choice(titles)) if len(w) > 3] or ["news"]
        queries.append(" ".join(rng.sample(title_words, min(2, len(title_words)))))
    return queries


def measure(path: Path, requests: int, seed: int) -> None:
    """Restart the bot over the store at ``path`` and time what the module docstring lists."""
    rng = random.Random(seed)  # noqa: S311 (sampling requests, not security)
    _forget_earlier_runs(path)
    with tempfile.TemporaryDirectory() as empty:
        settings = Settings(seeds=Path(empty))
        began, cpu = time.perf_counter(), time.process_time()
        store = open_store(None, sqlite_path=path)
        corpus = build_corpus(settings, [StoreArticles(store)], index_in_background=False, store=store)
        total = len(corpus)
        listed, listed_cpu = time.perf_counter() - began, time.process_time() - cpu
        corpus.incidents(IncidentQuery(), 1)
        ready, ready_cpu = time.perf_counter() - began, time.process_time() - cpu
        print(f"restart, articles listed: {listed:8.2f} s   ({listed_cpu:.2f} s CPU; {total} articles)",
              flush=True)
        print(f"restart, incidents ready: {ready:8.2f} s   ({ready_cpu:.2f} s CPU; every extraction cached)",
              flush=True)
        services = Services(settings=settings, corpus=corpus, fetch=None, store=store)
        console = Console(build_registry(), services, interactive=False, color=False, user="bench")
        with asyncio.Runner() as loop:

            def ask(line: str) -> str:
                return loop.run(console.answer(line)) or ""

            _time_a_new_article(store, ask)
            numbers = rng.sample(range(1, total + 1), min(requests, total))
            cold = _timed(ask, (f"summary {n}" for n in numbers))
            warm = _timed(ask, (f"summary {rng.choice(numbers)}" for _ in range(requests)))
            incident = _timed(ask, (f"incident {rng.choice(_INCIDENT_QUERIES)}" for _ in range(requests)))
            search = _timed(ask, (f"search {q}" for q in _search_queries(store, rng, requests)))
        print(f"summary, first request:   {_percentiles(cold)}")
        print(f"summary, cached:          {_percentiles(warm)}")
        print(f"incident:                 {_percentiles(incident)}")
        print(f"search:                   {_percentiles(search)}")
        rss, peak = _rss_mb()
        print(f"resident memory:          {rss:8.0f} MB   (peak {peak:.0f} MB)", flush=True)
        store.close()


def _forget_earlier_runs(path: Path) -> None:
    """Remove what an earlier measurement left in the store: the newly polled article and the
    summaries it cached (every run then starts from the same state)."""
    store = open_store(None, sqlite_path=path)
    with store.engine.begin() as connection:
        connection.execute(delete(SummaryRow))
        connection.execute(delete(ArticleRow).where(ArticleRow.title.startswith(_FRESH_WORD)))
    store.close()


def _time_a_new_article(store: Store, ask: Callable[[str], str]) -> None:
    """Store an article as the feed poller does and ask for it until search and summary find it."""
    title = f"{_FRESH_WORD} council opens a new bridge"
    text = "The council opened a new bridge on Monday. Traffic moved across it at once. " * 3
    article = Article(id=content_id(title + text), title=title, text=text, source="Bench",
                      url="https://bench.example/new-bridge", published=datetime.now(UTC))
    began = time.perf_counter()
    store.add_article(article, fetched_at=datetime.now(UTC), listed_at=datetime.now(UTC))
    while "opens a new bridge" not in ask(f"search {_FRESH_WORD}"):
        if time.perf_counter() - began > 60:
            raise SystemExit("the new article was not searchable within 60 s")
        time.sleep(0.01)
    searchable = time.perf_counter() - began
    answer = ask(f"summary {article.id}")
    if "bridge" not in answer:
        raise SystemExit(f"the new article could not be summarized: {answer!r}")
    print(f"new article searchable:   {searchable:8.2f} s   summarized {time.perf_counter() - began:.2f} s "
          "after it was stored", flush=True)


def run(count: int, *, corpus: Path | None, db: Path | None, budget: float, requests: int, seed: int) -> int:
    """Build the store (unless ``db`` exists) and measure in a fresh process within ``budget``."""
    with tempfile.TemporaryDirectory() as scratch:
        path = db or Path(scratch, f"scale-{count}.sqlite3")
        if not path.exists():
            if corpus is None:
                raise SystemExit("--corpus is needed to build the store")
            print(f"building a store of {count} articles at {path}", flush=True)
            build_store(path, corpus, count)
        command = [sys.executable, "-m", "bot.bench", "--measure", str(path),
                   "--requests", str(requests), "--seed", str(seed)]
        try:
            return subprocess.run(command, timeout=budget, check=False).returncode  # noqa: S603
        except subprocess.TimeoutExpired:
            print(f"stopped: the measurement took longer than the {budget:.0f} s budget", flush=True)
            return 1
