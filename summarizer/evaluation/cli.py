"""``summarizer evaluate``: ROUGE, speed and memory of methods on a reference set (a ``Subcommand``)."""

from __future__ import annotations

import argparse
import sys

from summarizer.commands import Subparsers, add_format_option
from summarizer.errors import UsageError
from summarizer.methods import available_methods

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``evaluate`` subcommand."""
    parser = subparsers.add_parser(
        "evaluate",
        help="ROUGE, articles/s and peak memory of methods on a JSONL reference set",
        description=(
            "Summarize every row of DATA.jsonl (fields: article/text/body, reference, optional title) "
            "with each method and report ROUGE-1/2/L/Lsum F1 (rouge-score, stemming on), articles per "
            "second (clean + split + summarize) and peak memory. Each method runs in its own process."
        ),
    )
    parser.add_argument("data", metavar="DATA.jsonl", help="reference set, one JSON object per line")
    parser.add_argument(
        "--methods", default="all", help="comma-separated method names, or 'all' (default: all)"
    )
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=int, default=3, help="summary length in sentences (default: 3)")
    length.add_argument(
        "--reference-length",
        action="store_true",
        help="give each summary as many sentences as its reference has",
    )
    parser.add_argument("--limit", type=int, default=None, help="evaluate only the first N rows")
    parser.add_argument(
        "--pretokenized",
        action="store_true",
        help="texts are PTB-tokenized (CNN/DailyMail): split on stand-alone end tokens",
    )
    add_format_option(parser, ("table", "json"), "output format (default: table)", default="table")
    parser.add_argument("--jobs", type=int, default=1, help="methods evaluated in parallel (default: 1)")
    parser.set_defaults(run=run)


def _methods(spec: str) -> list[str]:
    if spec.strip() == "all":
        return list(available_methods())
    names = [name.strip() for name in spec.split(",") if name.strip()]
    if not names:
        raise UsageError("--methods needs at least one name")
    return names


def run(args: argparse.Namespace) -> int:
    """Run the evaluation the parsed ``args`` describe and print the report; returns the exit code."""
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit must be at least 1")
    if args.sentences < 1:
        raise UsageError("--sentences must be at least 1")
    # the evaluation (rouge-score, worker processes) loads only when this subcommand runs
    from summarizer.evaluation.dataset import read_rows  # noqa: PLC0415
    from summarizer.evaluation.report import format_json, format_table  # noqa: PLC0415
    from summarizer.evaluation.runner import EvalSettings, evaluate  # noqa: PLC0415

    methods = _methods(args.methods)
    rows = read_rows(args.data, args.limit)
    settings = EvalSettings(
        sentences=None if args.reference_length else args.sentences, pretokenized=args.pretokenized
    )
    results = evaluate(rows, methods, settings, jobs=args.jobs)
    length = "reference" if settings.sentences is None else settings.sentences
    if args.format == "json":
        report = format_json(results, data=str(args.data), articles=len(rows), sentences=length)
    else:
        title = f"{args.data}: {len(rows)} articles, {length} sentences"
        report = format_table(results, title=title)
    sys.stdout.write(report + "\n")
    return 0
