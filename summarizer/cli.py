"""The ``summarizer`` command line: ``summarize``, ``methods`` and the subcommands listed in ``SUBCOMMANDS``.

Exit codes: 0 success, 1 input error, 2 usage error. Errors are one line on stderr, never a
traceback. To add a subcommand, see ``summarizer.commands``: write a module with
``add_parser(subparsers)`` and add it to ``SUBCOMMANDS``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from summarizer.commands import Subcommand
from summarizer.commands import methods as methods_command
from summarizer.commands import summarize as summarize_command
from summarizer.errors import InputError, SummarizerError, UsageError
from summarizer.evaluation import cli as evaluate_command
from summarizer.incidents import command as incidents_command
from summarizer.terminal import printable

__all__ = ["SUBCOMMANDS", "build_parser", "main"]

SUBCOMMANDS: tuple[Subcommand, ...] = (
    summarize_command,
    methods_command,
    evaluate_command,
    incidents_command,
)

_PROG = "summarizer"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors become ``UsageError`` (one line, exit code 2)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see: {self.prog} --help)")


def build_parser() -> argparse.ArgumentParser:
    """The full parser with every subcommand."""
    parser = _Parser(prog=_PROG, description="Offline extractive news summarizer.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for subcommand in SUBCOMMANDS:
        subcommand.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    try:
        args, unknown = parser.parse_known_args(argv)
        if unknown:  # named with the subcommand whose --help lists the valid options
            command = f"{_PROG} {args.command}" if args.command else _PROG
            raise UsageError(f"unrecognized arguments: {' '.join(unknown)} (see: {command} --help)")
        if args.command is None:
            parser.print_help(sys.stderr)
            return 2
        code: int = args.run(args)
    except UsageError as error:
        _error(error)
        return 2
    except InputError as error:
        _error(error)
        return 1
    except SummarizerError as error:
        _error(error)
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. ``| head``): stop quietly, without a second error at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return code


def _error(error: SummarizerError) -> None:
    sys.stderr.write(f"{_PROG}: error: {printable(str(error))}\n")
