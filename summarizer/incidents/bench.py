"""Speed benchmark: ``python -m summarizer.incidents.bench [--words N ...] [--notes FILE] [--articles DIR]``.

Times the gazetteer's one-off load (opening its index; the first run on a machine builds the
index once, see ``gazetteer_index``), then incident extraction on synthetic documents built from the
development set's reports (each paragraph made unique, so cleaning does not drop repeats), plus two
adversarial ones: a single 50,000-word sentence of capitalized words and one of casualty words.
With ``--notes`` (a JSONL file of short reports with a ``text`` field, such as ACLED coder notes)
it prints reports/s, and with ``--articles`` (a folder of full articles) words/s: the per-report
and per-word throughput the extractor is judged by, by CPU time and by the wall clock. Run the
same command on two versions of the code, on the same machine and back to back, to compare them.
This is a benchmark, not a test: numbers depend on the machine and its load. Ends with the
process's peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from time import perf_counter, process_time

from summarizer.articles import Article, load
from summarizer.incidents.extract import extract_incidents
from summarizer.incidents.gazetteer import gazetteer

__all__ = ["main"]

_DEV = Path(__file__).resolve().parents[2] / "tests" / "data" / "incidents_dev.jsonl"


def _reports_document(words: int, reports: list[str]) -> str:
    paragraphs: list[str] = []
    count = 0
    while count < words:
        text = f"Update {len(paragraphs)}: {reports[len(paragraphs) % len(reports)]}"
        paragraphs.append(text)
        count += len(text.split())
    return "\n\n".join(paragraphs)


def _time(label: str, text: str) -> None:
    article = Article(id=label, title="", text=text, reference_date=date(2024, 1, 1))
    start = perf_counter()
    incidents = extract_incidents(article)
    elapsed = perf_counter() - start
    sys.stdout.write(
        f"{label:<34}{len(text.split()):>8} words{elapsed:>8.2f} s{len(incidents):>6} incidents\n"
    )


def _throughput(label: str, articles: list[Article], unit: str) -> None:
    """Extract from every article (after one warm-up pass over a few) and print items/s and words/s,
    by the process's CPU time (which other programs on a busy computer slow down far less than
    the wall clock) and by the wall clock."""
    for article in articles[:10]:
        extract_incidents(article)
    words = sum(len(article.text.split()) for article in articles)
    start, cpu_start = perf_counter(), process_time()
    for article in articles:
        extract_incidents(article)
    cpu, wall = process_time() - cpu_start, perf_counter() - start
    sys.stdout.write(
        f"{label:<22}{len(articles):>6} {unit}{len(articles) / cpu:>9.1f} {unit}/s{words / cpu:>10,.0f}"
        f" words/s (CPU time; wall clock: {len(articles) / wall:.1f} {unit}/s, {words / wall:,.0f} words/s)\n"
    )


def _notes(path: Path, limit: int) -> list[Article]:
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:limit] if line.strip()
    ]
    return [Article(id=str(i), title="", text=str(row["text"])) for i, row in enumerate(rows)]


def _articles(folder: str) -> list[Article]:
    return [item for item in load(folder) if isinstance(item, Article)]


def main(argv: Sequence[str] | None = None) -> int:
    """Print load and extraction times."""
    parser = argparse.ArgumentParser(
        prog="python -m summarizer.incidents.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--words", type=int, nargs="+", default=[1_000, 10_000, 50_000], help="document sizes"
    )
    parser.add_argument("--notes", type=Path, help="JSONL of short reports (text field): reports/s")
    parser.add_argument("--limit", type=int, default=1000, help="how many --notes rows (default 1000)")
    parser.add_argument("--articles", help="a folder of full articles: words/s")
    args = parser.parse_args(argv)
    if not (args.notes or args.articles or _DEV.exists()):
        sys.stderr.write(f"bench: {_DEV} not found (run from a checkout of the repository)\n")
        return 1
    start = perf_counter()
    gazetteer()
    sys.stdout.write(f"gazetteer load: {perf_counter() - start:.2f} s\n")
    if args.notes or args.articles:
        try:
            if args.notes:
                _throughput("short reports", _notes(args.notes, args.limit), "reports")
            if args.articles:
                _throughput("full articles", _articles(args.articles), "articles")
        except (OSError, ValueError, KeyError) as error:
            sys.stderr.write(f"bench: error: cannot read the data ({error})\n")
            return 1
        _peak_memory()
        return 0
    reports = [
        json.loads(line)["text"] for line in _DEV.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    for words in args.words:
        _time(f"reports, {words:,} words", _reports_document(words, reports))
    biggest = max(args.words)
    _time(
        "one sentence of Capitalized Words",
        " ".join(f"Word{i % 97} Al-Qamishli" for i in range(biggest // 2)),
    )
    _time(
        "one sentence of casualty words",
        " ".join("killed two soldiers and wounded" for _ in range(biggest // 5)),
    )
    _peak_memory()
    return 0


def _peak_memory() -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    sys.stdout.write(f"peak memory: {peak:.0f} MB\n")


if __name__ == "__main__":
    sys.exit(main())
