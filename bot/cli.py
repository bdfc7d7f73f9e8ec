"""``newsbot``: run the bot in a terminal, on Discord or Slack, the scheduler alone, or manage feeds.

Each long-running process is started by ``bot.runtime``, which imports a platform adapter only for
the subcommand that needs it; ``newsbot console`` starts from its adapter, which shows the prompt
before the store, the scheduler or any chat library is imported.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from bot.config import ConfigError, Secret, Settings, port
from bot.feeds.actions import OPERATOR_FEED_ACTIONS

__all__ = ["build_parser", "main"]

log = logging.getLogger("newsbot")
_QUIET_COMMANDS = frozenset({"console", "feeds"})


def build_parser() -> argparse.ArgumentParser:
    """The ``newsbot`` command line."""
    parser = argparse.ArgumentParser(
        prog="newsbot",
        description="News-digest bot: summaries and incident records on Discord, Slack or a terminal.",
    )
    parser.add_argument("--config", type=Path, metavar="FILE",
                        help="TOML settings file (default: $NEWSDIGEST_CONFIG, "
                        "else ~/.config/newsdigest/config.toml)")
    parser.add_argument("--seeds", type=Path, metavar="DIR", help="folder of seed articles (default: seeds/)")
    parser.add_argument("--db", type=Path, metavar="PATH",
                        help="SQLite file to use instead of $NEWSDIGEST_DATABASE_URL")
    parser.add_argument("--log-level", choices=("DEBUG", "INFO", "WARNING", "ERROR"), help="log verbosity")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("console", help="chat with the bot in this terminal (or pipe command lines in)")
    commands.add_parser("discord", help="serve Discord (needs DISCORD_TOKEN)")
    slack = commands.add_parser("slack", help="serve Slack in Socket Mode (SLACK_APP_TOKEN) or over HTTP")
    slack.add_argument("--http", action="store_true", help="serve Slack's HTTP events instead of Socket Mode")
    slack.add_argument("--host", default="127.0.0.1", help="HTTP mode: address to bind (default 127.0.0.1)")
    slack.add_argument("--port", type=port, default=3000, help="HTTP mode: port (default 3000)")
    _add_scheduler_and_feeds(commands)
    return parser


def _add_scheduler_and_feeds(commands: Any) -> None:
    """Add ``scheduler`` and ``feeds`` (run by ``bot.scheduler.cli``) to ``newsbot``'s subcommands."""
    scheduler = commands.add_parser(
        "scheduler", help="deliver scheduled digests and poll feeds, without serving chat commands")
    scheduler.add_argument("--no-feeds", action="store_true",
                           help="deliver only; leave feed polling to other processes")
    feeds = commands.add_parser("feeds",
                                help="RSS/Atom feeds: add URL|FOLDER, list, poll, remove N, pause N, "
                                     "resume N, import FILE.opml, export [FILE.opml]")
    feeds.add_argument("action", choices=OPERATOR_FEED_ACTIONS)
    feeds.add_argument("target", nargs="?",
                       help="feed URL or local folder (add); feed number, URL or name (remove, pause, "
                            "resume); OPML file (import; export writes to stdout without one)")
    feeds.add_argument("--since", type=date.fromisoformat, metavar="YYYY-MM-DD",
                       help="add, import: items published since this date reach digests too "
                            "(default: new ones)")
    feeds.add_argument("--every", type=int, metavar="MINUTES",
                       help="add, import: poll interval, 1 to 10080 (a week; default 15)")


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {}
    if args.seeds is not None:
        overrides["seeds"] = args.seeds
    if args.db is not None:
        db = args.db.expanduser().resolve()
        if db.is_dir() or not db.parent.is_dir():
            raise ConfigError(f"--db {args.db}: not a file in an existing folder")
        overrides["database_url"] = Secret(f"sqlite:///{db}")
    if args.log_level is not None:
        overrides["log_level"] = args.log_level
    return Settings.load(config_file=args.config, **overrides)


def _run(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "console":
        from bot.adapters import console  # noqa: PLC0415 (the prompt comes before anything heavy)

        return console.run(settings)
    if args.command == "feeds":
        from bot.scheduler import cli as scheduler_cli  # noqa: PLC0415

        return scheduler_cli.run_feeds(args, settings)
    from bot import runtime  # noqa: PLC0415 (services, scheduler and metrics of long-running processes)

    if args.command == "discord":
        runtime.run_discord(settings)
    elif args.command == "slack":
        runtime.run_slack(settings, http=args.http, host=args.host, port=args.port)
    elif args.command == "scheduler":
        runtime.run_scheduler(settings, poll_feeds=not args.no_feeds)
    else:
        raise AssertionError(f"unhandled command {args.command}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``newsbot``; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        settings = _settings(args)
    except ConfigError as exc:
        print(f"newsbot: error: {exc}", file=sys.stderr)
        return 2
    # Interactive commands print their own answers: their log shows warnings only unless asked.
    quiet = args.command in _QUIET_COMMANDS and not args.log_level
    level = "WARNING" if quiet else settings.log_level
    logging.basicConfig(level=level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return _run(args, settings)
    except ConfigError as exc:
        print(f"newsbot: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
