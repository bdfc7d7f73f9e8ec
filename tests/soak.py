"""The delivery soak: several scheduler processes on one database, random SIGKILLs and restarts,
one process's clock an hour ahead, slow sends and refused first attempts.

``run_soak`` returns what happened (slots, posts, kills, duplicates, losses, overruns);
``tests/test_scheduler_soak.py`` runs it in the suite, ``python tests/soak.py URL`` on its own
(default: full size, 100 channels x 10 slots, 4 processes) and prints the figures. Every channel
runs ``0-N 0 * * *`` (a slot a minute for N minutes, then quiet), so a final sweep hours later
claims no new slot and only finishes what was left: a claim whose process was killed (after its
lease, by the database's clock) and refused first attempts. Kills are triggered by progress (a
number of posts made), not by time, so they land mid-work at any machine speed; only counts are
asserted. A process stalled longer than its lease (a busy machine) can lose its claim mid-post;
the scheduler then logs that it posted after a takeover, and the soak counts those lines from
each worker's log as ``overruns``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import store_rows
from sqlalchemy import select

from bot.scheduler.runner import delivery_key
from bot.store import NewSubscription, Store
from bot.store.dbclock import database_now
from bot.store.models import DeliveryRow
from bot.vocabulary import Destination

TESTS = Path(__file__).resolve().parent
WORKER = TESTS / "fakes" / "soak_worker.py"
START = datetime(2026, 11, 24, 0, 0, tzinfo=UTC)
TICKS_PER_SLOT = 3  # the workers look every 20 fake seconds
SWEEP_AT = START + timedelta(hours=3)  # after the grace of the last slot: retries only
OVERRUN = "was posted after another worker took it over"  # the scheduler's log line


@dataclass(frozen=True)
class SoakReport:
    """What one soak run did."""

    slots: int  # channel x slot pairs that had to be delivered
    deliveries: int  # delivery rows in the database
    sent: int  # of which marked sent
    posts: int  # messages the platform received
    kills: int
    duplicates: int  # posts beyond the first of a delivery
    # duplicates not explained by a kill: repeats among the posts of processes never killed
    unexplained: int
    lost: int  # slots never posted
    overruns: int  # posts made after the claim was taken over (a process stalled past its lease)
    sweeps: int

    def line(self) -> str:
        """The figures on one line."""
        return (f"slots={self.slots} deliveries={self.deliveries} sent={self.sent} posts={self.posts} "
                f"kills={self.kills} duplicates={self.duplicates} unexplained={self.unexplained} "
                f"lost={self.lost} overruns={self.overruns} "
                f"sweeps={self.sweeps}")


def _env() -> dict[str, str]:
    paths = [str(TESTS.parent), str(TESTS), str(TESTS / "fakes"), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}


def _setup(url: str, channels: int, slots: int) -> None:
    store = Store.open(url)
    cron = f"0-{slots - 1} 0 * * *"
    created = START - timedelta(minutes=1)
    for n in range(channels):
        store.add_subscription(NewSubscription(
            destination=Destination("discord", f"c{n}", "g1"), schedule=cron, cron=cron, timezone="UTC",
            since=created, created_by="soak", announce_empty=True), now=created)
    store.close()


def _count_posts(out: Path) -> int:
    with out.open("rb") as handle:
        return handle.read().count(b"\n")


def _wait_for_leases(store: Store, deadline: float) -> None:
    """Until no claim is held (its lease still running by the database's clock)."""
    held = select(DeliveryRow.id).where(DeliveryRow.state == "claimed",
                                        DeliveryRow.lease_until >= database_now())
    while True:
        with store.engine.connect() as connection:
            if connection.execute(held).first() is None:
                return
        if time.monotonic() > deadline:
            raise AssertionError("claims still held long after every worker stopped")
        time.sleep(0.5)


def run_soak(url: str, out_dir: Path, *, channels: int, slots: int, processes: int, kills: int,
             seed: int, lookup: bool, lease: float = 10.0) -> SoakReport:
    """Run the soak against the (empty) database at ``url``; posts are written under ``out_dir``."""
    _setup(url, channels, slots)
    out = out_dir / "posts.jsonl"
    out.touch()
    ticks = slots * TICKS_PER_SLOT

    def command(name: str, start: datetime, count: int, offset: float = 0.0) -> list[str]:
        return [sys.executable, str(WORKER), url, str(out), "--worker", name, "--start", start.isoformat(),
                "--ticks", str(count), "--offset-minutes", str(offset), "--lease", str(lease),
                *(["--lookup"] if lookup else [])]

    def spawn(args: list[str]) -> subprocess.Popen[bytes]:
        with open(out_dir / f"{args[args.index('--worker') + 1]}.log", "wb") as log:
            return subprocess.Popen(args, env=_env(), stdout=subprocess.DEVNULL, stderr=log)

    def log_tail(args: list[str]) -> str:
        return (out_dir / f"{args[args.index('--worker') + 1]}.log").read_text(errors="replace")[-2000:]

    # The last process's clock is an hour ahead.
    commands = [command(f"w{i}", START, ticks, offset=60.0 if i == processes - 1 else 0.0)
                for i in range(processes)]
    running = [spawn(args) for args in commands]
    rng = random.Random(seed)
    killed: set[str] = set()
    # Each kill waits for a number of posts (not a time), so kills land mid-work at any machine speed.
    thresholds = sorted(rng.sample(range(1, max(channels * slots * 4 // 5, kills + 1)), kills))
    for round_, threshold in enumerate(thresholds):
        while _count_posts(out) < threshold and any(process.poll() is None for process in running):
            time.sleep(0.05)
        alive = [i for i, process in enumerate(running) if process.poll() is None]
        if not alive:
            break
        victim = rng.choice(alive)
        running[victim].send_signal(signal.SIGKILL)
        running[victim].wait()
        killed.add(commands[victim][commands[victim].index("--worker") + 1])
        commands[victim] = list(commands[victim])
        commands[victim][commands[victim].index("--worker") + 1] = f"w{victim}-r{round_}"
        running[victim] = spawn(commands[victim])  # a restarted process replays its ticks
    for process, args in zip(running, commands, strict=True):
        assert process.wait(timeout=1800) == 0, log_tail(args)
    store = Store.open(url)
    sweeps = 0
    try:
        for sweeps in range(1, 6):
            _wait_for_leases(store, time.monotonic() + lease * 3 + 900)  # a safety net only
            if all(d.state == "sent" for d in store_rows.deliveries(store)):
                break
            sweep = command(f"sweep{sweeps}", SWEEP_AT, 1)
            assert spawn(sweep).wait(timeout=1800) == 0, log_tail(sweep)
        deliveries = store_rows.deliveries(store)
    finally:
        store.close()
    posts = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    posted = Counter(post["key"] for post in posts)
    by_survivors = Counter(post["key"] for post in posts if post["worker"] not in killed)
    keys = {delivery_key(d) for d in deliveries}
    expected = {(f"c{n}", (START + timedelta(minutes=m)).strftime("%Y-%m-%dT%H:%MZ"))
                for n in range(channels) for m in range(slots)}
    subscriptions = {n + 1: f"c{n}" for n in range(channels)}
    delivered = {(subscriptions[d.subscription_id], d.slot_key)
                 for d in deliveries if delivery_key(d) in posted}
    return SoakReport(
        slots=len(expected), deliveries=len(deliveries), sent=sum(d.state == "sent" for d in deliveries),
        posts=sum(posted.values()), kills=len(killed),
        duplicates=sum(count - 1 for key, count in posted.items() if key in keys),
        unexplained=sum(count - 1 for key, count in by_survivors.items() if key in keys),
        lost=len(expected - delivered),
        overruns=sum(log.read_text(errors="replace").count(OVERRUN) for log in out_dir.glob("*.log")),
        sweeps=sweeps,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="an empty database: postgresql+psycopg://... or sqlite:///PATH")
    parser.add_argument("--channels", type=int, default=100)
    parser.add_argument("--slots", type=int, default=10)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--kills", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lookup", action="store_true",
                        help="the platform lets a retry find its earlier post")
    parser.add_argument("--out", type=Path, default=Path("."))
    args = parser.parse_args()
    started = time.monotonic()
    report = run_soak(args.url, args.out, channels=args.channels, slots=args.slots, processes=args.processes,
                      kills=args.kills, seed=args.seed, lookup=args.lookup)
    print(report.line(), f"seconds={time.monotonic() - started:.0f}")


if __name__ == "__main__":
    main()
