"""Metrics and health: the endpoint on loopback, and the counters the work updates."""

from __future__ import annotations

import asyncio
import shutil
import socket
import threading
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fakes.recording_sender import FakeClock, RecordingSender
from prometheus_client import REGISTRY

from bot import metrics
from bot.cli import main
from bot.config import ConfigError, Settings
from bot.core.app import build_registry
from bot.core.incident_index import IncidentIndex
from bot.core.services import Services, build_corpus
from bot.scheduler import CorpusComposer, Scheduler, parse_schedule
from bot.scheduler.service import run_background
from bot.store import NewSubscription, Store
from bot.vocabulary import Destination
from summarizer.articles.model import Article, content_id

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
WAIT_LIMIT = 120.0  # seconds: a generous cap for a condition, never a speed assumption


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_the_endpoint_serves_health_and_metrics_on_loopback() -> None:
    server = metrics.serve("127.0.0.1", 0)
    try:
        base = f"http://127.0.0.1:{server.port}"
        assert get(f"{base}/healthz") == (200, "ok\n")
        status, text = get(f"{base}/metrics")
        assert status == 200
        for kind in ("newsdigest_deliveries_total counter", "newsdigest_feed_polls_total counter",
                     "newsdigest_command_seconds histogram", "newsdigest_incident_index_size gauge"):
            assert f"# TYPE {kind}" in text
        assert get(f"{base}/")[0] == 404
    finally:
        server.close()


def test_a_metrics_port_in_use_is_one_error_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        monkeypatch.setenv("NEWSDIGEST_METRICS_PORT", str(taken.getsockname()[1]))
        monkeypatch.setenv("NEWSDIGEST_DATA_DIR", str(tmp_path))
        assert main(["scheduler"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsbot: error: cannot serve metrics on 127.0.0.1:")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_a_bad_metrics_port_is_refused(port: str) -> None:
    with pytest.raises(ConfigError, match="NEWSDIGEST_METRICS_PORT has an invalid value"):
        Settings.load({"NEWSDIGEST_METRICS_PORT": port})


async def test_commands_are_timed_by_name(tmp_path: Path) -> None:
    services = Services(settings=Settings(seeds=SEEDS, data_dir=tmp_path),
                        corpus=build_corpus(Settings(seeds=SEEDS, data_dir=tmp_path)))
    before = sample("newsdigest_command_seconds_count", command="sources")
    reply = await build_registry().run_line("sources", services, platform="console", channel="c", user="u")
    assert not reply.error
    assert sample("newsdigest_command_seconds_count", command="sources") == before + 1


def test_the_incident_index_size_follows_adds_and_removes() -> None:
    for thread in threading.enumerate():  # earlier tests' corpora may still be indexing in background
        if thread.name == "corpus-indexer":
            thread.join(WAIT_LIMIT)
    index = IncidentIndex()
    article = Article(id="a1", title="Clash", text="Clash in Idlib.",
                      published=datetime(2026, 1, 2, tzinfo=UTC))
    index.add(article, [{"event_date": "2026-01-01", "location": "Idlib"}, {"event_date": "2026-01-02"}])
    assert sample("newsdigest_incident_index_size") == 2
    index.remove("a1")
    assert sample("newsdigest_incident_index_size") == 0


async def test_deliveries_count_sent_retried_and_failed(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    clock = FakeClock(datetime(2026, 11, 24, 6, 30, tzinfo=UTC))
    sender = RecordingSender("discord")
    scheduler = Scheduler(store, {"discord": sender}, CorpusComposer(build_corpus(Settings(seeds=tmp_path))),
                          clock=clock, sleep=clock.sleep, worker="test")
    parsed = parse_schedule("every 15m", "UTC")
    for channel in ("ok", "broken"):
        store.add_subscription(NewSubscription(
            destination=Destination("discord", channel, "g1"), schedule=parsed.text,
            cron=parsed.cron, timezone=parsed.timezone, since=clock(), created_by="u1",
            announce_empty=True), now=clock())
    sender.broken.add("broken")
    body = "Story. Rebel fighters shelled the market in Idlib on Monday."
    store.add_article(Article(id=content_id(body), title="Story", text=body, published=clock()),
                      fetched_at=clock(), listed_at=clock())
    counts = {o: sample("newsdigest_deliveries_total", outcome=o) for o in ("sent", "retried", "failed")}
    clock.advance(minutes=15)
    try:
        await scheduler.run_once()
    finally:
        store.close()
    assert sample("newsdigest_deliveries_total", outcome="sent") == counts["sent"] + 1
    assert sample("newsdigest_deliveries_total", outcome="retried") == counts["retried"] + 1
    assert sample("newsdigest_deliveries_total", outcome="failed") == counts["failed"]


async def test_feed_polls_are_counted_by_outcome(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    services = Services.build(Settings(seeds=seeds, data_dir=tmp_path / "data", fetch_urls=False))
    before = sample("newsdigest_feed_polls_total", outcome="updated")
    stop = asyncio.Event()
    task = asyncio.create_task(run_background(services, {}, stop))
    try:
        async with asyncio.timeout(WAIT_LIMIT):
            while sample("newsdigest_feed_polls_total", outcome="updated") == before:
                await asyncio.sleep(0.05)
    finally:
        stop.set()
        await task
        assert services.store is not None
        services.store.close()
