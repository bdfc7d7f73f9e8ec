"""One scheduler process of the soak test (``tests/soak.py``).

``python soak_worker.py URL OUT --worker NAME --start ISO --ticks N [--offset-minutes M]
[--lease S] [--lookup]`` runs the real ``Scheduler`` against the database at URL at the fake
times START, START + 20 s, ... (N of them), each shifted by ``--offset-minutes`` (a host whose
clock is off), and appends every post as a JSON line (its delivery key) to OUT under a file lock.
The sender is slow for some deliveries and refuses the first attempt of others (both chosen by
the key's hash, so every run is the same). With ``--lookup`` a retry first looks for its key in
OUT and does not post again when found: a platform where a sender can find its own earlier post
(Slack's message metadata); without it, a platform that cannot (a console, Discord after its
nonce window).
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import hashlib
import json
import logging
from datetime import datetime, timedelta
from pathlib import Path

from scheduler_worker import TitlesComposer, worker_arguments

from bot.core.reply import Reply
from bot.core.sender import SendError
from bot.scheduler import Scheduler, SchedulerOptions
from bot.store import Store
from bot.vocabulary import Destination

TICK = timedelta(seconds=20)


def _bucket(key: str) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % 10


class SoakSender:
    """Slow for one delivery in ten, refuses the first attempt of another one in ten."""

    platform = "discord"

    def __init__(self, out: Path, worker: str, lookup: bool) -> None:
        self.out, self.worker, self.lookup = out, worker, lookup

    def _posted(self, key: str) -> bool:
        with self.out.open("a+", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_SH)
            handle.seek(0)
            return any(json.loads(line)["key"] == key for line in handle if line.strip())

    async def post(self, destination: Destination, reply: Reply, *, key: str | None = None,
                   retry: bool = False) -> None:
        assert key is not None
        if _bucket(key) == 1 and not retry:
            raise SendError("the platform refused this attempt")
        if _bucket(key) == 2:
            await asyncio.sleep(0.2)
        if retry and self.lookup and await asyncio.to_thread(self._posted, key):
            return
        record = {"key": key, "channel": destination.channel, "worker": self.worker, "retry": retry}
        with self.out.open("a", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            handle.write(json.dumps(record) + "\n")


async def run(args: argparse.Namespace) -> None:
    logging.basicConfig(level=logging.ERROR)
    logging.getLogger("bot.scheduler.runner").setLevel(logging.WARNING)  # takeovers, for the soak's count
    store = Store.open(args.url)
    offset = timedelta(minutes=args.offset_minutes)
    start = datetime.fromisoformat(args.start)
    now = [start + offset]
    options = SchedulerOptions(lease=timedelta(seconds=args.lease), max_attempts=50,
                               retry_base=timedelta(seconds=20))
    scheduler = Scheduler(store, {"discord": SoakSender(Path(args.out), args.worker, args.lookup)},
                          TitlesComposer(), clock=lambda: now[0], worker=args.worker, options=options)
    for tick in range(args.ticks):
        now[0] = start + offset + TICK * tick
        try:
            await scheduler.run_once()
        except Exception:  # the database was busy: the next tick tries again, as ``run`` does
            logging.exception("tick %s failed", tick)
    store.close()


def main() -> None:
    parser = worker_arguments()
    parser.add_argument("--start", required=True)
    parser.add_argument("--ticks", type=int, required=True)
    parser.add_argument("--offset-minutes", type=float, default=0.0)
    parser.add_argument("--lease", type=float, default=10.0)
    parser.add_argument("--lookup", action="store_true")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
