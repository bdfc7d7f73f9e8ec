"""Speed benchmark: ``python -m summarizer.incidents.bench [--words N ...] [--notes FILE] [--articles DIR]``.

Times the gazetteer's one-off load (opening its index; the first run on a machine builds the
index once, see ``gazetteer_index``), then incident extraction on synthetic documents built from the
development set's reports (each paragraph made unique, so cleaning does not drop repeats), plus two
adversarial ones: a single 50,000-word sentence of capitalized words and one of casualty words.
With ``--notes`` (a JSONL file of short reports with a ``text`` field, such as ACLED coder notes)
it prints reports/s, and with ``--articles`` (a folder of full articles) words/s: the per-report
and per-word throughput the extractor is judged by, by CPU time and by the wall clock. With
``--against COMMIT`` it first times the extractor of that git commit on the same data (its
``summarizer`` package taken with ``git archive`` and run in a child process) and prints the
ratios, so two versions are compared in one run on the same machine.
This is a benchmark, not a test: numbers depend on the machine and its load. Ends with the
process's peak memory.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from time import perf_counter, process_time

from summarizer.articles import Article, load
from summarizer.incidents.extract import extract_incidents
from summarizer.incidents.gazetteer import gazetteer

__all__ = ["main"]

_ROOT = Path(__file__).resolve().parents[2]
_DEV = _ROOT / "tests" / "data" / "incidents_dev.jsonl"
# Throughput figures: per item and per word, by CPU time and by the wall clock.
Rates = dict[str, float]


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


def _throughput(articles: list[Article]) -> Rates:
    """Extract from every article (after one warm-up pass over a few) and return items/s and words/s,
    by the process's CPU time (which other programs on a busy computer slow down far less than
    the wall clock) and by the wall clock."""
    for article in articles[:10]:
        extract_incidents(article)
    words = sum(len(article.text.split()) for article in articles)
    start, cpu_start = perf_counter(), process_time()
    for article in articles:
        extract_incidents(article)
    cpu, wall = process_time() - cpu_start, perf_counter() - start
    count = len(articles)
    return {
        "count": count,
        "cpu": count / cpu,
        "cpu words": words / cpu,
        "wall": count / wall,
        "wall words": words / wall,
    }


def _print_rates(label: str, unit: str, rates: Rates) -> None:
    sys.stdout.write(
        f"{label:<22}{rates['count']:>6.0f} {unit}{rates['cpu']:>9.1f} {unit}/s{rates['cpu words']:>10,.0f}"
        f" words/s (CPU time; wall clock: {rates['wall']:.1f} {unit}/s, {rates['wall words']:,.0f} words/s)\n"
    )


def _measure(notes: Path | None, articles: str | None, limit: int) -> dict[str, Rates]:
    """The gazetteer's load time and the throughput on the short reports and the full articles."""
    start = perf_counter()
    gazetteer()
    measured = {"gazetteer load": {"s": perf_counter() - start}}
    if notes:
        measured["short reports"] = _throughput(_notes(notes, limit))
    if articles:
        measured["full articles"] = _throughput(_articles(articles))
    return measured


def _measure_commit(commit: str, argv: list[str]) -> dict[str, Rates]:
    """The same measures taken by this benchmark on the ``summarizer`` package of a git commit."""
    git = shutil.which("git")
    if git is None:
        raise ValueError("git is not installed")
    archive = subprocess.run(  # noqa: S603 - git with a commit name as one argument
        [git, "-C", str(_ROOT), "archive", commit, "summarizer"], capture_output=True, check=False
    )
    if archive.returncode != 0:
        raise ValueError(f"git archive {commit}: {archive.stderr.decode(errors='replace').strip()}")
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, filter="data")
        # -P: the commit's package comes first on the path (not this file's folder, nor this checkout)
        child = subprocess.run(  # noqa: S603 - our own interpreter and this file
            [sys.executable, "-P", __file__, "--json", *argv],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONPATH": folder},
        )
    if child.returncode != 0:
        raise ValueError(f"the extractor of {commit} failed: {child.stderr.strip()[-300:]}")
    measured: dict[str, Rates] = json.loads(child.stdout)
    return measured


def _print_comparison(commit: str, before: dict[str, Rates], after: dict[str, Rates]) -> None:
    sys.stdout.write(f"against {commit} (before -> now, ratio):\n")
    load_before, load_now = before["gazetteer load"]["s"], after["gazetteer load"]["s"]
    sys.stdout.write(f"  gazetteer load        {load_before:.2f} s -> {load_now:.2f} s\n")
    for label, unit, key in (("short reports", "reports/s", ""), ("full articles", "words/s", " words")):
        if label in before and label in after:
            old, new = before[label], after[label]
            sys.stdout.write(
                f"  {label:<20}CPU {old['cpu' + key]:,.1f} -> {new['cpu' + key]:,.1f} {unit}"
                f" {new['cpu' + key] / old['cpu' + key]:.2f}x; wall {old['wall' + key]:,.1f} ->"
                f" {new['wall' + key]:,.1f} {unit} {new['wall' + key] / old['wall' + key]:.2f}x\n"
            )
    sys.stdout.write(f"  peak memory           {before['peak memory']['MB']:.0f} MB -> {_peak_mb():.0f} MB\n")


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
    parser.add_argument("--against", metavar="COMMIT", help="also time the extractor of this git commit")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # --against's child
    args = parser.parse_args(argv)
    if not (args.notes or args.articles or _DEV.exists()):
        sys.stderr.write(f"bench: {_DEV} not found (run from a checkout of the repository)\n")
        return 1
    if args.notes or args.articles:
        data = [*(["--notes", str(args.notes)] if args.notes else []), "--limit", str(args.limit)]
        data += ["--articles", args.articles] if args.articles else []
        try:
            before = _measure_commit(args.against, data) if args.against else None
        except (OSError, ValueError) as error:
            sys.stderr.write(f"bench: error: cannot time {args.against} ({error})\n")
            return 1
        try:
            measured = _measure(args.notes, args.articles, args.limit)
        except (OSError, ValueError, KeyError) as error:
            sys.stderr.write(f"bench: error: cannot read the data ({error})\n")
            return 1
        if args.json:
            sys.stdout.write(json.dumps({**measured, "peak memory": {"MB": _peak_mb()}}) + "\n")
            return 0
        sys.stdout.write(f"gazetteer load: {measured['gazetteer load']['s']:.2f} s\n")
        if "short reports" in measured:
            _print_rates("short reports", "reports", measured["short reports"])
        if "full articles" in measured:
            _print_rates("full articles", "articles", measured["full articles"])
        if before is not None:
            _print_comparison(args.against, before, measured)
        _peak_memory()
        return 0
    start = perf_counter()
    gazetteer()
    sys.stdout.write(f"gazetteer load: {perf_counter() - start:.2f} s\n")
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


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _peak_memory() -> None:
    sys.stdout.write(f"peak memory: {_peak_mb():.0f} MB\n")


if __name__ == "__main__":
    sys.exit(main())
