"""The background work of a bot process: the scheduler and the feed poller, side by side.

``bot.runtime`` runs it beside a chat connection (with that platform's sender) or alone
(``newsbot scheduler``, with every sender it has tokens for). Several processes may run it
against one PostgreSQL: slots and feed polls are claimed in the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path

from bot import metrics
from bot.core.sender import Sender
from bot.core.services import Services, incident_records
from bot.feeds import FeedPoller
from bot.scheduler.compose import CorpusComposer
from bot.scheduler.runner import Scheduler, SchedulerOptions
from bot.store import Store

__all__ = ["FEED_POLL_TICK", "ensure_seed_source", "run_background"]

log = logging.getLogger(__name__)

FEED_POLL_TICK = 30.0  # seconds between looks for due feeds
SEED_POLL_INTERVAL = 60  # seconds: new files in seeds/ reach digests within a minute


def ensure_seed_source(store: Store, seeds: Path, services: Services) -> None:
    """Make the seeds folder a source: polled like a feed, its present files back catalogue."""
    if seeds.is_dir():
        store.add_feed(seeds.resolve().as_uri(), now=services.clock(), poll_interval=SEED_POLL_INTERVAL)


async def _poll_feeds(poller: FeedPoller, stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            for result in await poller.poll_due():
                if result.status != "skipped":
                    metrics.FEED_POLLS.labels(outcome=result.status).inc()
                if result.status in {"failed", "paused"}:
                    log.warning("feed %s %s: %s", result.url, result.status, result.error)
                elif result.new:
                    log.info("feed %s: %d new", result.url, result.new)
        except Exception:
            log.exception("feed polling failed; trying again in %.0f s", FEED_POLL_TICK)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=FEED_POLL_TICK)


async def run_background(
    services: Services,
    senders: Mapping[str, Sender],
    stop: asyncio.Event,
    *,
    options: SchedulerOptions | None = None,
    poll_feeds: bool = True,
) -> None:
    """Deliver scheduled digests (and poll feeds) until ``stop`` is set."""
    store = services.store
    if store is None:
        raise RuntimeError("the scheduler needs services.store")
    settings = services.settings
    options = options or SchedulerOptions(digest_size=settings.digest_size,
                                          grace=timedelta(minutes=settings.digest_grace))
    scheduler = Scheduler(store, senders, CorpusComposer(services.corpus), clock=services.clock,
                          options=options)
    log.info("scheduler %s delivering for %s", scheduler.worker, ", ".join(sorted(senders)) or "nobody")
    if not poll_feeds:
        await scheduler.run(stop)
        return
    await asyncio.to_thread(ensure_seed_source, store, services.settings.seeds, services)
    poller = FeedPoller(store, clock=services.clock, extract=incident_records)
    await asyncio.gather(scheduler.run(stop), _poll_feeds(poller, stop))
