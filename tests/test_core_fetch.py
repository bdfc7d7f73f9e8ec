"""``summary URL`` under load: slow pages never hold up other commands, and a few run at once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fakes.hostile_site import HostileSite, serving

from bot.config import Settings
from bot.core.app import build_registry
from bot.core.fetch_slots import FetchSlots
from bot.core.reply import Reply
from bot.core.services import Services, build_corpus, fetch_article
from summarizer.articles.download import FetchPolicy
from summarizer.articles.model import Article

REPO = Path(__file__).resolve().parent.parent
SENTENCE = b"<p>Engineers completed repairs on the river dam two weeks ahead of schedule, officials said.</p>"
PAGE = (b"<html><head><title>Dam repairs finished early</title></head><body><article>" + SENTENCE * 3
        + b"</article></body></html>")
LOOPBACK_ALLOWED = FetchPolicy(timeout=600)  # the test server is on loopback; it answers when released


@pytest.fixture
async def site() -> AsyncIterator[HostileSite]:
    async with serving() as server:
        yield server


@pytest.fixture
def services(tmp_path: Path) -> Services:
    settings = Settings.load({}, seeds=REPO / "seeds", data_dir=tmp_path)
    corpus = build_corpus(settings, index_in_background=False)

    async def fetch(url: str) -> Article:
        return await fetch_article(url, LOOPBACK_ALLOWED)

    return Services(settings, corpus, fetch=fetch, fetch_slots=FetchSlots(per_user=2, total=6))


async def ask(services: Services, line: str, user: str = "u") -> Reply:
    return await build_registry().run_line(line, services, platform="test", channel="c", user=user)


async def test_slow_pages_do_not_hold_up_other_commands(services: Services, site: HostileSite) -> None:
    # A command pool smaller than the number of slow pages: a download holding a worker thread
    # while it waits would leave nothing for the other commands.
    asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(max_workers=2))
    for n in range(6):
        site.held(f"/slow/{n}", PAGE)
    slow = [asyncio.create_task(ask(services, f"summary {site.url(f'/slow/{n}')}", user=f"user{n}"))
            for n in range(6)]
    for _ in slow:
        await site.arrivals.get()  # every slow page is being downloaded now
    stored = await ask(services, "summary 1 --sentences 1")
    found = await ask(services, "search convoy")
    assert not stored.error
    assert not found.error
    assert not any(task.done() for task in slow)  # they answered while all six pages were hanging
    site.released.set()
    replies = await asyncio.gather(*slow)
    assert all(r.title == "Dam repairs finished early" for r in replies), replies


async def test_too_many_pages_at_once_get_a_busy_answer(services: Services, site: HostileSite) -> None:
    for n in range(7):
        site.held(f"/slow/{n}", PAGE)
    mine = [asyncio.create_task(ask(services, f"summary {site.url(f'/slow/{n}')}", user="me"))
            for n in (0, 1)]
    for _ in mine:
        await site.arrivals.get()
    third = await ask(services, f"summary {site.url('/slow/2')}", user="me")
    assert third.error
    assert third.title.startswith("Busy: you have 2 pages loading")
    others = [asyncio.create_task(ask(services, f"summary {site.url(f'/slow/{n}')}", user=f"user{n}"))
              for n in (3, 4, 5, 6)]
    for _ in others:
        await site.arrivals.get()
    anyone = await ask(services, f"summary {site.url('/slow/2')}", user="someone")
    assert anyone.error
    assert anyone.title.startswith("Busy: too many pages are loading")
    assert "/slow/2" not in site.requests
    site.released.set()
    assert all(not r.error for r in await asyncio.gather(*mine, *others))
    again = await ask(services, f"summary {site.url('/slow/2')}", user="me")  # slots are given back
    assert again.title == "Dam repairs finished early"
