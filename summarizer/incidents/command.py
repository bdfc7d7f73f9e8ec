"""``summarizer incidents PATH|URL|-``: the incidents each article reports.

Text by default; JSONL input (rows with a ``text`` or ``article`` field) gives JSONL output by
default, one object per input row with an ``incidents`` list. ``--format`` picks text, json,
jsonl, csv (ACLED column names) or geojson (a point per located incident).
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from summarizer.articles import DEFAULT_OPTIONS, Article, LoadFailure, LoadOptions, load
from summarizer.commands import Subparsers
from summarizer.errors import InputError
from summarizer.incidents.export import FORMATS, ArticleIncidents, render
from summarizer.incidents.extract import extract_incidents

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
        "source", help="a file, directory, URL or - for stdin (text, HTML, JSON, JSONL, feed)"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: jsonl for JSONL or multi-article input, else text)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Extract and print; exit 0 when at least one article was read, 1 when none could be."""
    results: list[ArticleIncidents] = []
    failures: list[LoadFailure] = []
    rows = False
    for item in load(args.source, _OPTIONS):
        if isinstance(item, LoadFailure):
            failures.append(item)
            rows = rows or bool(_ROW_ORIGIN.search(item.origin))
            continue
        rows = rows or bool(_ROW_ORIGIN.search(item.origin))
        results.append(_extract(item))
    fmt = args.format or ("jsonl" if rows or len(results) > 1 else "text")
    if fmt == "jsonl":
        for failure in failures:
            sys.stdout.write(
                json.dumps({"origin": failure.origin, "error": failure.message, "incidents": []}) + "\n"
            )
    else:
        for failure in failures:
            sys.stderr.write(f"summarizer: {failure.message}\n")
    if not results:
        if not failures:
            raise InputError(f"{args.source}: no article found")
        return 1
    sys.stdout.write(render(results, fmt))
    return 0


def _extract(article: Article) -> ArticleIncidents:
    return ArticleIncidents(
        article_id=article.id,
        title=article.title,
        source=article.source,
        url=article.url,
        incidents=extract_incidents(article),
    )
