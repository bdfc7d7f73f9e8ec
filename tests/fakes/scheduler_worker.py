"""One scheduler process for the multi-process tests.

``python scheduler_worker.py URL OUT --worker NAME --at ISO [--at ISO ...] [--start EPOCH]
[--hang MARKER]`` runs the real ``Scheduler`` against the database at URL, one run per fake time
``--at``, and appends every post as a JSON line to OUT (under a file lock). ``--start`` waits
for a wall-clock instant so several processes begin together; ``--hang`` makes the sender write
MARKER and block forever instead of posting (the test then kills the process between claim
and send).
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import json
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from bot.core.reply import Reply, Section
from bot.scheduler import Scheduler
from bot.store import Store, StoredIncident, Subscription
from bot.vocabulary import Destination
from summarizer.articles.model import Article


class FileSender:
    """Records posts to a file shared by all worker processes."""

    platform = "discord"

    def __init__(self, out: Path, worker: str, hang: Path | None) -> None:
        self.out, self.worker, self.hang = out, worker, hang

    async def post(self, destination: Destination, reply: Reply, *, key: str | None = None,
                   retry: bool = False) -> None:
        if self.hang is not None:
            self.hang.write_text(reply.title, encoding="utf-8")
            await asyncio.sleep(3600)
        record = {"channel": destination.channel, "title": reply.title, "worker": self.worker,
                  "articles": [s.title for s in reply.sections]}
        with self.out.open("a", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            handle.write(json.dumps(record) + "\n")


class TitlesComposer:
    """A digest that lists its article titles (enough to check who got what)."""

    def digest(self, subscription: Subscription, articles: Sequence[Article]) -> Reply:
        sections = tuple(Section(title=a.title) for a in articles)
        return Reply(title=f"digest {subscription.id}", sections=sections)

    def alert(self, subscription: Subscription, article: Article, incident: StoredIncident,
              others: Sequence[tuple[Article, StoredIncident]] = ()) -> Reply:
        return Reply(title=f"alert {incident.slot}", sections=(Section(title=article.title),))


async def run(args: argparse.Namespace) -> None:
    store = Store.open(args.url)
    now = [datetime.fromisoformat(args.at[0])]
    scheduler = Scheduler(store, {"discord": FileSender(Path(args.out), args.worker, args.hang)},
                          TitlesComposer(), clock=lambda: now[0], worker=args.worker)
    if args.start:
        time.sleep(max(0.0, args.start - time.time()))
    for moment in args.at:
        now[0] = datetime.fromisoformat(moment)
        await scheduler.run_once()
    store.close()


def worker_arguments() -> argparse.ArgumentParser:
    """The arguments every test worker takes: database URL, posts file, worker name."""
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("out")
    parser.add_argument("--worker", required=True)
    return parser


def main() -> None:
    parser = worker_arguments()
    parser.add_argument("--at", action="append", required=True)
    parser.add_argument("--start", type=float, default=0.0)
    parser.add_argument("--hang", type=Path)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
