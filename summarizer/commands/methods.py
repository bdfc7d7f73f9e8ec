"""``summarizer methods``: list the summarization methods with a one-line description."""

from __future__ import annotations

import argparse
import sys

from summarizer.commands import Subparsers
from summarizer.methods import available_methods

__all__ = ["add_parser"]


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``methods`` subcommand."""
    parser = subparsers.add_parser("methods", help="list the summarization methods")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print one line per method: its name and description (``default`` first)."""
    methods = available_methods()
    width = max(map(len, methods), default=0)
    for name, description in methods.items():
        sys.stdout.write(f"{name.ljust(width)}  {description}\n")
    return 0
