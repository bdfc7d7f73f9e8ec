"""``summarizer incidents PATH|URL|-``: the incidents each article reports.

Text by default; JSONL input (rows with a ``text`` or ``article`` field) gives JSONL output by
default, one object per input row with an ``incidents`` list. ``--format`` picks text, json,
jsonl, csv (ACLED column names) or geojson (a point per located incident).
``summarizer incidents evaluate DATA`` prints the extractor's accuracy on coded events instead.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys

from summarizer import incidents as extractor
from summarizer.articles import DEFAULT_OPTIONS, Article, LoadFailure, LoadOptions, load
from summarizer.commands import Subparsers, add_format_option
from summarizer.errors import InputError
from summarizer.incidents.evaluation_cli import (
    EVALUATE,
    TABLE,
    add_arguments,
    check_arguments,
    run_evaluation,
)
from summarizer.incidents.export import FORMATS, ArticleIncidents, render
from summarizer.terminal import printable

__all__ = ["add_parser", "run"]

_ROW_ORIGIN = re.compile(r":\d+$")
# JSON rows may carry the date relative dates resolve against ("reference_date", as in our dev set).
_OPTIONS = LoadOptions(published_fields=(*DEFAULT_OPTIONS.published_fields, "reference_date"))


def add_parser(subparsers: Subparsers) -> None:
    """Add the ``incidents`` subcommand."""
    parser = subparsers.add_parser(
        "incidents",
        help="extract dated, located incident records (ACLED fields) from conflict news",
        description="Extract incident records (date, type, actors, place, casualties, vehicles, evidence).",
    )
    parser.add_argument(
        "source",
        help="a file, directory, URL or - for stdin (text, HTML, JSON, JSONL, feed); or 'evaluate'",
    )
    parser.add_argument("data", nargs="?", metavar="DATA", help="after 'evaluate': what to evaluate on")
    add_format_option(
        parser,
        (*FORMATS, TABLE),
        "output format (default: jsonl for JSONL or multi-article input, else text; "
        "evaluate: table or json)",
    )
    add_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Extract and print; exit 1 when any input failed or none was found, else 0.

    JSONL output streams one line per input row, in input order, a failed row as an ``error``
    object in its place; the other formats need every article before they print.
    ``summarizer incidents evaluate DATA`` measures accuracy instead (see ``evaluation_cli``).
    """
    check_arguments(args)
    if args.source == EVALUATE:
        return run_evaluation(args)
    items = load(args.source, _OPTIONS)
    head = list(itertools.islice(items, 2))
    rows = any(_ROW_ORIGIN.search(item.origin) for item in head)
    fmt = args.format or ("jsonl" if rows or len(head) > 1 else "text")
    results: list[ArticleIncidents] = []
    failed = found = 0
    for item in itertools.chain(head, items):
        if isinstance(item, LoadFailure):
            failed += 1
            sys.stderr.write(f"summarizer: error: {printable(item.message)}\n")
            if fmt == "jsonl":
                record = {"origin": item.origin, "error": item.message, "incidents": []}
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        found += 1
        result = _extract(item)
        if fmt == "jsonl":
            sys.stdout.write(render([result], fmt))
        else:
            results.append(result)
    if results:
        sys.stdout.write(render(results, fmt))
    if not found and not failed:
        raise InputError(f"{args.source}: no article found")
    return 1 if failed or not found else 0


def _extract(article: Article) -> ArticleIncidents:
    return ArticleIncidents(
        article_id=article.id,
        title=article.title,
        source=article.source,
        url=article.url,
        incidents=extractor.extract_incidents(article),
    )
