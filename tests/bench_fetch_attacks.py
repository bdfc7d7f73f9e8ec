"""Hostile downloads against the bot, each in a fresh process: peak memory (max RSS) and duration.

    .venv/bin/python tests/bench_fetch_attacks.py            # every attack
    .venv/bin/python tests/bench_fetch_attacks.py drip       # one

Attacks (servers on loopback): a feed whose body never ends, a gzip bomb feed, a feed dripped
one byte every 0.5 s, a teaser whose article page never ends (full-text fetch), and six
``summary URL`` pages that hang while another user runs ``search``. The hostile servers stop on
their own at 256 MB (or, for the drip, when the attack is given up after 60 s), so a run without
limits still ends.
"""

from __future__ import annotations

import asyncio
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

from fakes.feed_site import Item, rss
from fakes.hostile_site import HostileSite, serving

from bot.config import Settings
from bot.core.app import build_registry
from bot.core.services import Services, build_corpus, fetch_article
from bot.feeds.poller import FeedPoller, PollOptions
from bot.store import Store
from summarizer.articles.download import FetchPolicy
from summarizer.articles.model import Article

MB = 1024 * 1024
SENT_AT_MOST = 256 * MB
GIVE_UP = 60.0
NOW = datetime(2026, 11, 24, tzinfo=UTC)
REPO = Path(__file__).resolve().parent.parent


async def _poll(site: HostileSite, path: str, options: PollOptions) -> str:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{folder}/feeds.sqlite3")
        try:
            feed, _ = store.add_feed(site.url(path), now=NOW)
            result = await FeedPoller(store, clock=lambda: NOW, options=options).poll(feed, force=True)
            return f"{result.status}: {result.error or f'{result.new} new'}"
        finally:
            store.close()


async def endless_feed(site: HostileSite) -> str:
    site.endless("/feed.rss", limit=SENT_AT_MOST, content_type="application/rss+xml")
    return await _poll(site, "/feed.rss", PollOptions())


async def gzip_bomb_feed(site: HostileSite) -> str:
    site.bomb("/feed.rss", decoded_bytes=SENT_AT_MOST)
    return await _poll(site, "/feed.rss", PollOptions())


async def drip(site: HostileSite) -> str:
    site.drip("/feed.rss", every=0.5)
    return await _poll(site, "/feed.rss", PollOptions(timeout=5))


async def endless_full_text(site: HostileSite) -> str:
    site.endless("/story", limit=SENT_AT_MOST, content_type="text/html")
    teaser = Item("Story", site.url("/story"), "A teaser.", NOW)
    site.page("/feed.rss", rss("Wire", [teaser]).encode(), "application/rss+xml")
    return await _poll(site, "/feed.rss", PollOptions())


async def six_slow_pages(site: HostileSite) -> str:
    page = b"<html><head><title>Slow</title></head><body><article><p>" + b"A sentence here. " * 40 + b"</p>"
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings.load({}, seeds=REPO / "seeds", data_dir=Path(folder))

        async def fetch(url: str) -> Article:
            return await fetch_article(url, FetchPolicy(timeout=GIVE_UP))

        services = Services(settings, build_corpus(settings, index_in_background=False), fetch=fetch)
        registry = build_registry()
        for n in range(6):
            site.held(f"/slow/{n}", page + b"</article></body></html>")
        slow = [asyncio.create_task(registry.run_line(f"summary {site.url(f'/slow/{n}')}", services,
                                                      platform="bench", channel="c", user=f"u{n}"))
                for n in range(6)]
        for _ in slow:
            await site.arrivals.get()
        started = time.perf_counter()
        await registry.run_line("search convoy", services, platform="bench", channel="c", user="other")
        answered = time.perf_counter() - started
        site.released.set()
        await asyncio.gather(*slow)
        return f"search answered in {answered:.2f} s while six pages hung"


ATTACKS: dict[str, Callable[[HostileSite], Awaitable[str]]] = {
    "endless-feed": endless_feed, "gzip-bomb-feed": gzip_bomb_feed, "drip": drip,
    "endless-full-text": endless_full_text, "six-slow-pages": six_slow_pages,
}  # fmt: skip


async def _run(name: str) -> str:
    async with serving() as site:
        try:
            return await asyncio.wait_for(ATTACKS[name](site), GIVE_UP)
        except TimeoutError:
            return f"still running after {GIVE_UP:g} s (given up)"
        except MemoryError:
            return "MemoryError"


def main() -> None:
    names = sys.argv[1:] or list(ATTACKS)
    if len(names) == 1 and names[0] in ATTACKS:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        outcome = asyncio.run(_run(names[0]))
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{names[0]:<18} {before:6.0f} MB {peak:6.0f} MB {seconds:7.2f} s  {outcome}")
        return
    print(f"{'attack':<18} {'RSS before':>9} {'max RSS':>9} {'time':>9}  outcome")
    for name in names:
        subprocess.run([sys.executable, __file__, name], check=False)


if __name__ == "__main__":
    main()
