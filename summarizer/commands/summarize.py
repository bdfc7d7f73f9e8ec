"""``summarizer summarize``: summarize a file, directory, URL, feed or stdin."""

from __future__ import annotations

import argparse
import math
import os
import sys
from typing import Any

from summarizer.articles import LoadOptions, load
from summarizer.articles.decode import DEFAULT_MAX_BYTES
from summarizer.commands import Subparsers, add_format_option
from summarizer.commands.batch import Job, Progress, summarize_all
from summarizer.commands.output import FORMATS, Writer
from summarizer.errors import UsageError
from summarizer.methods.registry import lookup
from summarizer.summary import Length
from summarizer.terminal import printable

__all__ = ["add_parser", "parse_size"]

_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}


def _number(text: str) -> float:
    """``text`` as a finite number (NaN, an infinity or no number at all give NaN)."""
    try:
        number = float(text)
    except ValueError:
        return math.nan
    return number if math.isfinite(number) else math.nan


def parse_size(value: str) -> int:
    """A byte count of at least one, such as ``20000000``, ``512k`` or ``20MB``."""
    text = value.strip().lower()
    digits = text.rstrip("kmgb")
    unit = text[len(digits) :]
    size = _number(digits) * _UNITS.get(unit, math.nan)
    if not (math.isfinite(size) and size >= 1):
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 20MB, 512k, 1000000)")
    return int(size)


def parse_seconds(value: str) -> float:
    """A positive, finite number of seconds."""
    seconds = _number(value)
    if not seconds > 0:  # NaN fails too
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {value!r}")
    return seconds


def _words_list(value: str) -> list[str]:
    return [w.strip() for w in value.split(",") if w.strip()]


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``summarize`` subcommand."""
    parser = subparsers.add_parser(
        "summarize",
        help="summarize an article, a folder, a URL, a feed or a JSON Lines batch",
        description="Summarize PATH (file or folder), an http(s) URL or - (stdin).",
    )
    parser.add_argument("source", metavar="PATH|URL|-", help="file, folder, http(s) URL, or - for stdin")
    parser.add_argument(
        "--method", "-m", default="default", help="summarization method (see: summarizer methods)"
    )
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--sentences", "-n", type=int, help="number of sentences (default 3)")
    length.add_argument("--ratio", type=float, help="share of the article's sentences, in (0, 1]")
    length.add_argument("--words", type=int, help="word budget (never cuts a sentence)")
    length.add_argument("--chars", type=int, help="character budget (never cuts a sentence)")
    add_format_option(parser, FORMATS, "output format (default: jsonl for .jsonl input, else text)")
    parser.add_argument(
        "--pretokenized", action="store_true", help="input is PTB-tokenized (CNN/DailyMail): split on ' . '"
    )
    parser.add_argument(
        "--field",
        action="append",
        metavar="NAME",
        help="JSON field holding the text (repeatable; default: article, text, body, content)",
    )
    parser.add_argument("--title-field", default="title", metavar="NAME", help="JSON field of the title")
    parser.add_argument("--url-field", default="url", metavar="NAME", help="JSON field of the URL")
    parser.add_argument("--date-field", metavar="NAME", help="JSON field of the publication date")
    parser.add_argument("--bonus-words", type=_words_list, help="edmundson: comma-separated bonus words")
    parser.add_argument("--stigma-words", type=_words_list, help="edmundson: comma-separated stigma words")
    parser.add_argument(
        "--jobs", "-j", type=int, default=1,
        help="worker processes (default 1; 0: one per CPU; at most one per CPU)"
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no notes on stderr")
    parser.add_argument(
        "--max-bytes", type=parse_size, default=DEFAULT_MAX_BYTES, help="size cap per input (default 20MB)"
    )
    parser.add_argument(
        "--timeout", type=parse_seconds, default=10.0, help="seconds for a whole URL download (default 10)"
    )
    parser.set_defaults(run=run)


def _length(args: argparse.Namespace) -> Length:
    if args.ratio is None and args.words is None and args.chars is None:
        return Length(sentences=args.sentences if args.sentences is not None else 3)
    return Length(ratio=args.ratio, words=args.words, chars=args.chars)


def _job(args: argparse.Namespace) -> Job:
    method = lookup(args.method)
    options: dict[str, Any] = {}
    if args.bonus_words is not None:
        options["bonus_words"] = tuple(args.bonus_words)
    if args.stigma_words is not None:
        options["stigma_words"] = tuple(args.stigma_words)
    unsupported = sorted(set(options) - method.options)
    if unsupported:
        flag = "--" + unsupported[0].replace("_", "-")
        raise UsageError(f"{flag} does not apply to method {method.name!r}")
    return Job(args.method, _length(args), args.pretokenized, tuple(options.items()))


def _load_options(args: argparse.Namespace) -> LoadOptions:
    defaults = LoadOptions()
    return LoadOptions(
        max_bytes=args.max_bytes,
        timeout=args.timeout,
        text_fields=tuple(args.field) if args.field else defaults.text_fields,
        title_field=args.title_field,
        url_field=args.url_field,
        published_fields=(args.date_field,) if args.date_field else defaults.published_fields,
    )


def run(args: argparse.Namespace) -> int:
    """Summarize every article of the source; exit 1 if any input failed, else 0."""
    job = _job(args)
    options = _load_options(args)
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per CPU) or more")
    cpus = os.cpu_count() or 1
    jobs = min(args.jobs or cpus, cpus)  # more processes than CPUs only cost memory and start-up
    fmt = args.format or ("jsonl" if str(args.source).lower().endswith((".jsonl", ".ndjson")) else "text")
    writer = Writer(sys.stdout, fmt)
    progress = Progress(sys.stderr, enabled=not args.quiet and sys.stderr.isatty())
    human = fmt in ("text", "markdown")
    try:
        for record in summarize_all(load(args.source, options), job, jobs):
            failed = "error" in record
            progress.update(failed)
            if failed and (human or not args.quiet):
                _stderr(f"error: {record['error']}", progress)
            elif not failed and "note" in record and human and not args.quiet:
                _stderr(f"note: {record['origin'] or record['id']}: {record['note']}", progress)
            writer.write(record)
    finally:
        progress.close()
        writer.close()
    if progress.done == 0:
        _stderr(f"error: {args.source}: no article found", progress)
        return 1
    return 1 if progress.failed else 0


def _stderr(line: str, progress: Progress) -> None:
    sys.stderr.write(("\r\033[K" if progress.shown else "") + f"summarizer: {printable(line)}\n")
    sys.stderr.flush()
