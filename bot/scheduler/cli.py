"""``newsbot scheduler`` and ``newsbot feeds ...``: the command-line side of digests and feeds.

``bot.cli`` defines these subcommands' arguments; ``newsbot feeds`` runs here (``run_feeds``),
``newsbot scheduler`` in ``bot.runtime``.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime, time
from pathlib import Path

from bot.config import ConfigError, Settings
from bot.core.services import incident_records
from bot.feeds.actions import OPERATOR_FEED_ACTIONS, feed_ref, find_feed, refuse_ignored_arguments
from bot.feeds.opml import MAX_OPML_BYTES, OPMLError, parse_opml, web_feeds, write_opml
from bot.feeds.poller import FeedPoller, PollResult
from bot.store import FeedInfo, Store, settings_store

__all__ = ["run_feeds"]

EXPORT_TITLE = "newsdigest feeds"
DEFAULT_POLL_MINUTES = 15
MAX_POLL_MINUTES = 7 * 24 * 60  # a feed is polled at least weekly; longer ones overflow the poll clock
_NO_FEEDS = "no feeds yet; newsbot feeds add URL|FOLDER adds one"


def run_feeds(args: argparse.Namespace, settings: Settings) -> int:
    """Run ``newsbot feeds ...``; returns the exit status."""
    store = settings_store(settings)
    try:
        return asyncio.run(_feeds(args, store))
    finally:
        store.close()


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "never"


def _feed_line(feed: FeedInfo) -> str:
    if feed.paused_by_hand:
        state = "PAUSED by hand"
    elif feed.paused:
        state = f"PAUSED, failing since {_when(feed.failing_since)}: {feed.last_error}"
    elif feed.failing_since:
        state = f"failing since {_when(feed.failing_since)}: {feed.last_error} ({feed.failures}x)"
    else:
        state = f"ok, polled {_when(feed.last_polled)}"
    return f"#{feed.id}  {feed.name}  <{feed.url}>  {state}"


def _result_line(result: PollResult) -> str:
    detail = f"{result.new} new" if result.status == "updated" else result.status
    return f"#{result.feed_id}  {result.url}: {detail}" + (f" ({result.error})" if result.error else "")


def _source(target: str) -> str:
    """A feed URL as given, or a local folder as a file:// URL."""
    if target.startswith(("http://", "https://")):
        return target
    folder = Path(target).expanduser()
    if folder.is_dir():
        return folder.resolve().as_uri()
    raise ConfigError(f"{target} is neither an http(s) URL nor a folder")


def _feed(store: Store, target: str | None) -> FeedInfo:
    """The feed named on the command line: its number, address or name."""
    listing = "newsbot feeds list shows them"
    ref = feed_ref(target, listing=listing, error=ConfigError)
    feed = find_feed(store.feeds(), ref, listing=listing, error=ConfigError)
    if feed is None:
        raise ConfigError(f"no feed {ref}; {listing}")
    return feed


def _import(store: Store, path: Path, *, now: datetime, since: datetime | None, poll_interval: int) -> int:
    """Add every feed of an OPML file, or none when anything in it is wrong."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_OPML_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        listed = parse_opml(data)
    except OPMLError as exc:
        raise ConfigError(f"{path}: {exc}; nothing imported") from None
    added = store.add_feeds([(f.url, f.title) for f in listed], now=now, since=since,
                            poll_interval=poll_interval)
    for feed, created in added:
        print(("added " if created else "skipped, already there: ") + _feed_line(feed))
    new = sum(created for _, created in added)
    print(f"imported {new} of {len(added)} feeds; {len(added) - new} already there")
    return 0


def _export(store: Store, target: str | None) -> None:
    """The operator's feeds polled from the internet as OPML, to ``target`` or stdout."""
    listed = web_feeds(f for f in store.feeds() if f.operator)
    document = write_opml(listed, EXPORT_TITLE)
    if target is None:
        sys.stdout.write(document)
        return
    try:
        Path(target).write_text(document, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"exported {len(listed)} feeds to {target}")


async def _feeds(args: argparse.Namespace, store: Store) -> int:
    now = datetime.now(UTC)
    refuse_ignored_arguments(args.action, args.target, {"--since": args.since, "--every": args.every},
                             actions=OPERATOR_FEED_ACTIONS, targetless=("list", "poll"), error=ConfigError)
    every = DEFAULT_POLL_MINUTES if args.every is None else args.every
    if args.action == "list":
        feeds = store.feeds()
        for feed in feeds:
            print(_feed_line(feed))
        if not feeds:
            print(_NO_FEEDS)
        return 0
    if args.action in {"add", "import"}:
        if not args.target:
            raise ConfigError("feeds add needs a URL or a folder; feeds import an OPML file")
        if not 1 <= every <= MAX_POLL_MINUTES:
            raise ConfigError(f"--every must be 1 to {MAX_POLL_MINUTES} minutes (a week)")
        since = datetime.combine(args.since, time(), tzinfo=UTC) if args.since else None
        if args.action == "import":
            return _import(store, Path(args.target), now=now, since=since, poll_interval=every * 60)
        feed, created = store.add_feed(_source(args.target), now=now, since=since,
                                       poll_interval=every * 60)
        print(("added " if created else "already there: ") + _feed_line(feed))
        return 0
    if args.action == "export":
        _export(store, args.target)
        return 0
    if args.action == "poll":
        poller = FeedPoller(store, clock=lambda: datetime.now(UTC), extract=incident_records)
        feeds = store.feeds()
        active = [feed for feed in feeds if not feed.paused]
        for feed in active:
            print(_result_line(await poller.poll(feed, force=True)))
        if not active:
            print("no feed to poll (feeds list shows the paused ones)" if feeds else _NO_FEEDS)
        return 0
    feed = _feed(store, args.target)
    if args.action == "remove":
        store.remove_feed(feed.id)
        print(f"removed #{feed.id} {feed.name}")
    elif args.action == "pause":
        print(f"paused #{feed.id} {feed.name}" if store.pause_feed(feed.id)
              else f"#{feed.id} {feed.name} is paused already")
    else:
        store.resume_feed(feed.id, now=now)
        print(f"resumed #{feed.id} {feed.name}")
    sys.stdout.flush()
    return 0
