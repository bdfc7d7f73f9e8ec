"""``newsbot feeds add|list|poll|remove|resume`` and ``newsbot scheduler`` from the command line."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fakes.feed_site import FeedSite, Item, rss
from store_rows import article_count

from bot.cli import main
from bot.store import Store

NOW = datetime.now(UTC)


async def newsbot(tmp_path: Path, *words: str) -> int:
    """Run the CLI in a thread (it runs its own event loop), over an empty seeds folder."""
    (tmp_path / "seeds").mkdir(exist_ok=True)
    arguments = ["--db", str(tmp_path / "cli.sqlite3"), "--seeds", str(tmp_path / "seeds"), *words]
    return await asyncio.to_thread(main, arguments)


async def test_list_and_poll_without_feeds_say_so(tmp_path, capsys) -> None:
    assert await newsbot(tmp_path, "feeds", "list") == 0
    assert capsys.readouterr().out == "no feeds yet; newsbot feeds add URL|FOLDER adds one\n"
    assert await newsbot(tmp_path, "feeds", "poll") == 0
    assert capsys.readouterr().out == "no feeds yet; newsbot feeds add URL|FOLDER adds one\n"


async def test_feeds_add_list_poll_remove(tmp_path, capsys) -> None:
    site = FeedSite()
    await site.start()
    try:
        site.pages["/wire.rss"] = (rss("Wire", [Item("Story", site.url("/s/1"), "Talks resumed.", NOW)]),
                                   "application/rss+xml")
        assert await newsbot(tmp_path, "feeds", "add", site.url("/wire.rss"), "--every", "5") == 0
        assert "added #1" in capsys.readouterr().out
        assert await newsbot(tmp_path, "feeds", "poll") == 0
        assert capsys.readouterr().out.strip().endswith(": 1 new")
        assert await newsbot(tmp_path, "feeds", "list") == 0
        assert "#1  Wire" in capsys.readouterr().out
        assert await newsbot(tmp_path, "feeds", "pause", "wire") == 0  # by name, any case
        assert capsys.readouterr().out == "paused #1 Wire\n"
        assert await newsbot(tmp_path, "feeds", "pause", "1") == 0
        assert capsys.readouterr().out == "#1 Wire is paused already\n"
        assert await newsbot(tmp_path, "feeds", "list") == 0
        assert "PAUSED by hand" in capsys.readouterr().out
        assert await newsbot(tmp_path, "feeds", "poll") == 0
        assert "no feed to poll" in capsys.readouterr().out
        assert await newsbot(tmp_path, "feeds", "resume", "1") == 0
        assert await newsbot(tmp_path, "feeds", "remove", "1") == 0
        assert "removed #1 Wire" in capsys.readouterr().out
        assert await newsbot(tmp_path, "feeds", "remove", "1") == 2
        assert "no feed 1" in capsys.readouterr().err
        assert await newsbot(tmp_path, "feeds", "add", "not-a-feed") == 2
        assert "neither an http(s) URL nor a folder" in capsys.readouterr().err
    finally:
        await site.stop()
    store = Store.open(f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    assert article_count(store) == 1
    store.close()


def test_scheduler_runs_alone_and_stops_cleanly_on_sigterm(tmp_path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("A seed story\n\nTalks resumed in Geneva.\n", encoding="utf-8")
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith(("DISCORD_", "SLACK_", "NEWSDIGEST_"))}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "--db", str(tmp_path / "cli.sqlite3"),
         "--seeds", str(tmp_path / "seeds"), "--log-level", "INFO", "scheduler"],
        env={**environment, "XDG_CONFIG_HOME": str(tmp_path)}, stderr=subprocess.PIPE, text=True,
    )
    try:
        store = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            time.sleep(0.3)
            if (tmp_path / "cli.sqlite3").exists():
                store = Store.open(f"sqlite:///{tmp_path / 'cli.sqlite3'}")
                if article_count(store) == 1:
                    break
                store.close()
                store = None
        assert store is not None, "the scheduler never imported the seeds"
        (feed,) = store.feeds()
        assert feed.url == (tmp_path / "seeds").resolve().as_uri()
        store.close()
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr[-2000:]
    assert "delivering for console" in stderr
    assert not list(tmp_path.glob("cli.sqlite3-*")), "the store was not closed: -wal and -shm are left"


async def test_a_feed_number_beyond_any_row_id_is_not_found(tmp_path, capsys) -> None:
    for action in ("remove", "pause", "resume"):
        assert await newsbot(tmp_path, "feeds", action, "9" * 30) == 2
        assert "no feed 999" in capsys.readouterr().err


async def test_a_poll_interval_past_a_week_is_refused_in_one_line(tmp_path, capsys) -> None:
    for action, target in (("add", "https://example.org/world.rss"), ("import", "feeds.opml")):
        assert await newsbot(tmp_path, "feeds", action, target, "--every", "9" * 20) == 2
        assert capsys.readouterr().err == "newsbot: error: --every must be 1 to 10080 minutes (a week)\n"
    assert await newsbot(tmp_path, "feeds", "list") == 0
    assert capsys.readouterr().out.startswith("no feeds yet")  # nothing was added


async def test_list_and_poll_refuse_an_argument_they_would_ignore(tmp_path, capsys) -> None:
    for action in ("list", "poll"):
        assert await newsbot(tmp_path, "feeds", action, "https://example.org/world.rss") == 2
        refusal = "newsbot: error: unexpected argument 'https://example.org/world.rss'\n"
        assert capsys.readouterr().err == refusal


@pytest.mark.parametrize("action", ["list", "poll", "remove 1", "export"])
@pytest.mark.parametrize("option", ["--since 2026-01-01", "--every 30"])
async def test_options_an_action_would_ignore_are_refused_as_in_chat(tmp_path, capsys, action, option):
    assert await newsbot(tmp_path, "feeds", *action.split(), *option.split()) == 2
    name = option.split()[0]
    assert capsys.readouterr().err == f"newsbot: error: {name} goes only with feeds add and import\n"


@pytest.mark.parametrize(("action", "method", "refusal"), [
    ("import", "open", "cannot read"), ("export", "write_text", "cannot write")])
async def test_a_file_error_without_an_os_message_still_says_why(
        tmp_path, capsys, monkeypatch, action, method, refusal):
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("the file system said no")  # an OSError without errno or strerror

    monkeypatch.setattr(f"pathlib.Path.{method}", refuse)
    target = tmp_path / "feeds.opml"
    assert await newsbot(tmp_path, "feeds", action, str(target)) == 2
    assert capsys.readouterr().err == f"newsbot: error: {refusal} {target}: the file system said no\n"


async def test_poll_with_every_feed_paused_polls_nothing_and_points_at_the_list(tmp_path, capsys) -> None:
    site = FeedSite()
    await site.start()
    try:
        site.status["/gone.rss"] = 500
        assert await newsbot(tmp_path, "feeds", "add", site.url("/gone.rss")) == 0
        store = Store.open(f"sqlite:///{tmp_path / 'cli.sqlite3'}")
        [feed] = store.feeds()
        store.feed_failed(feed.id, now=NOW, error="HTTP 500", next_poll=NOW, pause_after=1)
        store.close()
        capsys.readouterr()
        asked = len(site.requests)
        assert await newsbot(tmp_path, "feeds", "poll") == 0
        assert capsys.readouterr().out == "no feed to poll (feeds list shows the paused ones)\n"
        assert len(site.requests) == asked
        assert await newsbot(tmp_path, "feeds", "list") == 0
        assert "PAUSED, failing since" in capsys.readouterr().out
    finally:
        await site.stop()
