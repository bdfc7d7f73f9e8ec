"""``summarizer incidents evaluate DATA``: accuracy on coded events, or false alarms on labelled articles.

DATA is a JSONL file of ACLED-shaped coded events (see ``evaluate``) or a folder of articles:
with ``--labels`` for false alarms (see ``false_alarms``), with ``--gold`` for the accuracy of each
article's main incident (see ``article_gold``). Misses go to the terminal only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from summarizer.articles import Article
from summarizer.errors import UsageError
from summarizer.incidents.article_gold import evaluate_articles, read_article_gold
from summarizer.incidents.evaluate import (
    ACLED_FIELDS,
    HALVES,
    NOTHING_FOUND,
    Miss,
    Tally,
    evaluate_rows,
    read_gold_rows,
)
from summarizer.incidents.false_alarms import AlarmTally, Label, count_alarms, read_labels
from summarizer.incidents.model import Incident

__all__ = ["EVALUATE", "TABLE", "add_arguments", "check_arguments", "run_evaluation"]

EVALUATE = "evaluate"
TABLE = "table"
_MISS_CHOICES = (*ACLED_FIELDS, NOTHING_FOUND, "all")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The evaluation's own options (used only after ``evaluate``)."""
    group = parser.add_argument_group(
        "evaluation (summarizer incidents evaluate DATA)",
        "DATA: a JSONL file of coded events (ACLED columns), or a folder of articles with --labels or --gold",
    )
    sources = group.add_mutually_exclusive_group()
    sources.add_argument(
        "--labels", type=Path, help="JSON file: article file name -> {conflict: true|false, reason}"
    )
    sources.add_argument(
        "--gold",
        type=Path,
        help="JSON file of each article's coded main incident: {articles: {file name: {main_incident: ...}}}",
    )
    group.add_argument("--limit", type=int, help="evaluate only the first N rows or articles")
    group.add_argument("--half", choices=HALVES, help="only one half of the fixed split by row id")
    group.add_argument(
        "--misses",
        choices=_MISS_CHOICES,
        help="also print each wrong field, or with 'incident' each row that yielded none"
        " (with --labels, any choice prints each wrong article)",
    )


def check_arguments(args: argparse.Namespace) -> None:
    """Refuse evaluation options outside ``evaluate`` and the other way round."""
    evaluating = args.source == EVALUATE
    if evaluating and args.data is None:
        raise UsageError("evaluate needs DATA: a JSONL file of coded events, or a folder with --labels")
    if not evaluating and args.data is not None:
        raise UsageError(f"unrecognized arguments: {args.data}")
    options = ("labels", "gold", "limit", "half", "misses")
    given = [f"--{name}" for name in options if getattr(args, name) is not None]
    if not evaluating and given:
        raise UsageError(f"{', '.join(given)}: only with summarizer incidents evaluate DATA")
    if evaluating and args.format not in {None, TABLE, "json"}:
        raise UsageError("evaluate prints --format table or json")
    if not evaluating and args.format == TABLE:
        raise UsageError("--format table only goes with evaluate")
    if args.half is not None and (args.labels is not None or args.gold is not None):
        raise UsageError("--half only goes with a JSONL file of coded events")
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit must be 1 or more")


def run_evaluation(args: argparse.Namespace) -> int:
    """Evaluate and print the table (or JSON); exit 0."""
    as_json = args.format == "json"
    if args.labels is not None:
        alarms = count_alarms(
            args.data, read_labels(args.labels), _print_wrong_article if args.misses else None, args.limit
        )
        sys.stdout.write(json.dumps(alarms.to_dict(), indent=2) + "\n" if as_json else _alarm_table(alarms))
        return 0
    wanted = args.misses

    def print_miss(miss: Miss) -> None:
        if wanted in {"all", miss.field}:
            sys.stdout.write(f"{miss}\n")

    if args.gold is not None:
        articles = evaluate_articles(
            args.data, read_article_gold(args.gold), print_miss if wanted else None, args.limit
        )
        sys.stdout.write(
            json.dumps({name: t.to_dict() for name, t in articles.items()}, indent=2) + "\n"
            if as_json
            else _field_table(
                articles,
                "main: each article's first incident; best: the one most like the gold;"
                " tune/check: main on the tuning / blind-coded articles",
            )
        )
        return 0
    rows = [row for row in read_gold_rows(Path(args.data)) if args.half in {None, row.half}]
    rows = rows[: args.limit]
    tallies = evaluate_rows(rows, print_miss if wanted else None)
    columns = {name: tallies[name] for name in HALVES if args.half in {None, name}}
    if args.half is None:
        columns["all"] = Tally()
        for name in HALVES:
            columns["all"].add(tallies[name])
    if as_json:
        sys.stdout.write(json.dumps({name: t.to_dict() for name, t in columns.items()}, indent=2) + "\n")
    else:
        judged = " / ".join(str(t.judged["fatalities"]) for t in columns.values())
        note = f"fatalities judged on rows whose note codes one event only: {judged}"
        sys.stdout.write(_field_table(columns, note))
    return 0


def _cell(value: float | None, unit: str = "%") -> str:
    return "-" if value is None else f"{value:.1f}{unit}" if unit else f"{value:,.0f}"


def _field_table(columns: dict[str, Tally], note: str) -> str:
    data = {name: tally.to_dict() for name, tally in columns.items()}
    lines = ["field".ljust(16) + "".join(name.rjust(10) for name in data)]
    lines.append("rows".ljust(16) + "".join(str(d["rows"]).rjust(10) for d in data.values()))
    lines.append("any incident".ljust(16) + "".join(_cell(d["found"]).rjust(10) for d in data.values()))
    for name in ACLED_FIELDS:
        cells = "".join(_cell(d["fields"][name]["accuracy"]).rjust(10) for d in data.values())
        lines.append(name.ljust(16) + cells)
    for key, label in (("reports_per_second", "reports/s"), ("words_per_second", "words/s")):
        lines.append(label.ljust(16) + "".join(_cell(d[key], "").rjust(10) for d in data.values()))
    lines.append(f"({note})")
    return "\n".join(lines) + "\n"


def _alarm_table(tally: AlarmTally) -> str:
    data = tally.to_dict()
    return (
        f"ordinary articles with any incident (false alarms): {tally.false_alarms}/{tally.ordinary}"
        f" ({_cell(data['false_alarm_rate'])})\n"
        f"conflict articles with any incident: {tally.found}/{tally.conflict} ({_cell(data['found_rate'])})\n"
        f"articles/s {_cell(data['articles_per_second'], '')}, words/s {_cell(data['words_per_second'], '')}"
        f"; unlabelled {tally.unlabelled}, unreadable {tally.failed}\n"
    )


def _print_wrong_article(article: Article, label: Label, incidents: list[Incident]) -> None:
    name = Path(article.origin).name
    if label.conflict:
        sys.stdout.write(f"missed: {name}: {article.title}\n")
        return
    found = "; ".join(
        f"{i.event_date} {i.event_type} {i.location or i.country or '?'}: {i.summary[:100]}"
        for i in incidents
    )
    sys.stdout.write(f"false alarm: {name}: {article.title} -> {found}\n")
