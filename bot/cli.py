"""``newsbot``: run the bot in a terminal, on Discord or Slack, the scheduler alone, or manage feeds.

Each process is started by ``bot.runtime``, which imports a platform adapter only for the
subcommand that needs it, so ``newsbot console`` never loads discord.py or slack-bolt.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from bot import runtime
from bot.config import ConfigError, Secret, Settings
from bot.scheduler import cli as scheduler_cli

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
    slack.add_argument("--port", type=int, default=3000, help="HTTP mode: port (default 3000)")
    scheduler_cli.add_subcommands(commands)
    return parser


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
        return runtime.run_console(settings)
    if args.command == "discord":
        runtime.run_discord(settings)
    elif args.command == "slack":
        runtime.run_slack(settings, http=args.http, host=args.host, port=args.port)
    elif args.command == "scheduler":
        runtime.run_scheduler(settings, poll_feeds=not args.no_feeds)
    elif args.command == "feeds":
        return scheduler_cli.run_feeds(args, settings)
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
