"""Subcommands of the ``summarizer`` command line, one module each.

A subcommand module exposes ``add_parser(subparsers)``: it adds its parser and sets
``run=<function(args) -> exit code>`` with ``set_defaults``. ``summarizer.cli.SUBCOMMANDS``
lists the modules; to add one (``evaluate``, ``incidents``), write such a module in your own
package and add it to that tuple. Raise ``UsageError``/``InputError`` for bad arguments or
input: ``summarizer.cli.main`` turns them into one stderr line and exit code 2 or 1.
A subcommand with an output format adds it with ``add_format_option`` (``--format``/``-f``).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any, Protocol, TypeAlias

__all__ = ["Subcommand", "Subparsers", "add_format_option"]

# What ``ArgumentParser.add_subparsers()`` returns (a string: argparse's class is not subscriptable).
Subparsers: TypeAlias = "argparse._SubParsersAction[Any]"


class Subcommand(Protocol):
    """A module (or object) that adds one subcommand to the ``summarizer`` parser."""

    def add_parser(self, subparsers: Subparsers, /) -> None:
        """Add the subcommand's parser; set ``run`` to its handler with ``set_defaults``."""
        ...


def add_format_option(
    parser: argparse.ArgumentParser, choices: Sequence[str], meaning: str, default: str | None = None
) -> None:
    """Add the output format option, spelt alike in every subcommand: ``--format`` or ``-f``."""
    parser.add_argument("--format", "-f", choices=choices, default=default, help=meaning)
