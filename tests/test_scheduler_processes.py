"""Several scheduler processes sharing one real PostgreSQL: each digest is delivered exactly once,
and a process SIGKILLed between claim and send has its digest delivered once after a restart.

The workers run through the same fake times at their own pace (one may be hours ahead of the
other under load): leases are judged by the database's clock, so that never matters."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import store_rows
from lease_fixtures import lease_time_passes
from pg_fixtures import postgres_server, postgres_url  # noqa: F401

from bot.scheduler import parse_schedule
from bot.store import NewSubscription, Store
from bot.vocabulary import Destination
from summarizer.articles.model import Article, content_id

pytestmark = pytest.mark.postgres

TESTS = Path(__file__).resolve().parent
WORKER = TESTS / "fakes" / "scheduler_worker.py"
CREATED = datetime(2026, 11, 24, 0, 30, tzinfo=UTC)


def env() -> dict[str, str]:
    paths = [str(TESTS.parent), str(TESTS), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}


def worker(url: str, out: Path, name: str, times: list[datetime], **extra: object) -> subprocess.Popen[bytes]:
    command = [sys.executable, str(WORKER), url, str(out), "--worker", name]
    for moment in times:
        command += ["--at", moment.isoformat()]
    for key, value in extra.items():
        command += [f"--{key}", str(value)]
    return subprocess.Popen(command, env=env(), stderr=subprocess.PIPE)


def finish(process: subprocess.Popen[bytes]) -> None:
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr.decode(errors="replace")[-2000:]


def posts(out: Path) -> list[dict[str, object]]:
    if not out.exists():
        return []
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def setup(url: str, channels: int, hours: int) -> None:
    store = Store.open(url)
    schedule = parse_schedule("hourly", "UTC")
    for n in range(channels):
        store.add_subscription(NewSubscription(
            destination=Destination("discord", f"c{n}", "g1"), schedule=schedule.text, cron=schedule.cron,
            timezone="UTC", since=CREATED, created_by="u1"), now=CREATED)
    for hour in range(1, hours + 1):
        text = f"Story {hour}: the talks resumed for the {hour}th time, officials said."
        listed = CREATED.replace(hour=hour - 1, minute=50)
        store.add_article(Article(id=content_id(text), title=f"Story {hour}", text=text), fetched_at=listed,
                          listed_at=listed)
    store.close()


def test_two_processes_racing_deliver_every_digest_exactly_once(postgres_url: str, tmp_path: Path) -> None:  # noqa: F811
    channels, hours = 12, 4
    setup(postgres_url, channels, hours)
    ticks = [CREATED.replace(hour=h) + timedelta(seconds=s) for h in range(1, hours + 1) for s in (0, 5, 10)]
    out = tmp_path / "posts.jsonl"
    start = time.time() + 2.0
    racers = [worker(postgres_url, out, name, ticks, start=start) for name in ("one", "two")]
    for racer in racers:
        finish(racer)
    seen = posts(out)
    delivered = Counter((p["channel"], tuple(p["articles"])) for p in seen)  # type: ignore[arg-type]
    expected = {(f"c{n}", (f"Story {h}",)) for n in range(channels) for h in range(1, hours + 1)}
    assert set(delivered) == expected
    assert max(delivered.values()) == 1
    assert len(seen) == channels * hours
    store = Store.open(postgres_url)
    deliveries = store_rows.deliveries(store)
    store.close()
    assert len(deliveries) == channels * hours
    assert {d.state for d in deliveries} == {"sent"}
    print("posts by worker:", Counter(p["worker"] for p in seen))


def test_a_process_killed_between_claim_and_send_delivers_once_after_restart(postgres_url: str,  # noqa: F811
                                                                              tmp_path: Path) -> None:
    setup(postgres_url, channels=1, hours=1)
    slot = CREATED.replace(hour=1)
    out, marker = tmp_path / "posts.jsonl", tmp_path / "claimed"
    doomed = worker(postgres_url, out, "doomed", [slot], hang=marker)
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert doomed.poll() is None, doomed.stderr.read().decode() if doomed.stderr else ""
        assert time.monotonic() < deadline, "the worker never reached the send"
        time.sleep(0.05)
    doomed.send_signal(signal.SIGKILL)
    doomed.wait(timeout=30)
    if doomed.stderr:
        doomed.stderr.close()
    assert posts(out) == []
    store = Store.open(postgres_url)
    (claimed,) = store_rows.deliveries(store)
    assert (claimed.state, claimed.worker) == ("claimed", "doomed")
    # Restarted before the lease ran out (by the database's clock): nothing yet, even with a clock
    # far ahead. After it: delivered, once.
    finish(worker(postgres_url, out, "early", [slot + timedelta(minutes=5), slot + timedelta(minutes=25)]))
    assert posts(out) == []
    lease_time_passes(store, timedelta(minutes=11))
    later = [slot + timedelta(minutes=11), slot + timedelta(minutes=12)]
    finish(worker(postgres_url, out, "restarted", later))
    finish(worker(postgres_url, out, "again", [slot + timedelta(minutes=13)]))
    seen = posts(out)
    assert [(p["channel"], p["articles"], p["worker"]) for p in seen] == [("c0", ["Story 1"], "restarted")]
    (delivery,) = store_rows.deliveries(store)
    store.close()
    assert (delivery.state, delivery.attempts) == ("sent", 2)
