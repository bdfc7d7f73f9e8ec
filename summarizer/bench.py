"""Speed benchmark: ``python -m summarizer.bench [--data FILE.jsonl] [--limit N]``.

1. The whole pipeline (load, clean, split, summarize 3 sentences) with ``default`` against the
   plain sumy pipeline (sumy's ``PlaintextParser`` with a pysbd sentence tokenizer, the usual
   offline workaround for NLTK's punkt, and ``LexRankSummarizer``), on the same CNN/DailyMail
   articles, in one run; prints both rates and their ratio.
2. With ``--command FILE.jsonl``: only the whole-command benchmark: ``summarizer summarize FILE.jsonl``
   against ``python -m summarizer.bench_sumy FILE.jsonl`` (the plain sumy pipeline as a command),
   each a fresh process, process start included, in turns; prints each median's articles/s and
   their ratio (add ``--pretokenized`` for CNN/DailyMail).
3. With ``--startup``: only the start-up benchmark (``summarizer.bench_startup``), the median wall
   time of ``summarizer summarize one-article.txt`` as a multiple of a bare ``python -c "import json"``.
4. Growth with length: synthetic documents of 1,000, 10,000 and 50,000 words through the same
   pipeline, to show that time grows about linearly.

This is a benchmark, not a test: numbers depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from collections.abc import Callable, Sequence
from itertools import islice
from pathlib import Path
from time import perf_counter

from summarizer.articles import from_text, load
from summarizer.bench_startup import measure_startup, startup_report, wall_seconds
from summarizer.bench_sumy import PysbdTokenizer, plain_sumy_pipeline
from summarizer.commands.batch import Job, summarize_all
from summarizer.errors import InputError, SummarizerError
from summarizer.pipeline import summarize_article
from summarizer.summary import Length

__all__ = ["PysbdTokenizer", "main", "synthetic_text"]

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "cnndm-dev.jsonl"
GROWTH_WORDS = (1_000, 10_000, 50_000)
_SUMMARY = Length(sentences=3)
STARTUP_REPEATS = 15
COMMAND_REPEATS = 3
STARTUP_WORDS = 600


def our_pipeline(path: Path) -> int:
    """Load, clean, split and summarize every article of ``path`` with ``default``, as the CLI does."""
    job = Job(method="default", length=_SUMMARY, pretokenized=True)
    count = 0
    for record in summarize_all(load(path), job):
        if "error" in record:
            raise InputError(f"{path}: {record['error']}")
        count += 1
    return count


def timed(run: Callable[[], int]) -> tuple[int, float]:
    """Run ``run`` and return what it returned and the seconds it took."""
    start = perf_counter()
    result = run()
    return result, perf_counter() - start


def synthetic_text(word_count: int, seed: int = 0) -> str:
    """A deterministic news-like text of about ``word_count`` words in 4-sentence paragraphs.

    Words follow a Zipf-like distribution over a made-up vocabulary, as words do in real text.
    """
    rng = random.Random(seed)  # noqa: S311 - test data, not cryptography
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ber", "don", "gal", "port"]
    vocabulary = sorted({"".join(rng.choices(syllables, k=rng.randint(1, 4))) for _ in range(4000)})
    rng.shuffle(vocabulary)
    weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]
    paragraphs: list[str] = []
    sentences: list[str] = []
    written = 0
    while written < word_count:
        size = min(rng.randint(8, 30), word_count - written)
        words = rng.choices(vocabulary, weights=weights, k=size)
        sentences.append(" ".join(words).capitalize() + ".")
        written += size
        if len(sentences) == 4:
            paragraphs.append(" ".join(sentences))
            sentences = []
    if sentences:
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def _first_lines(source: Path, limit: int | None, target: Path) -> None:
    with source.open(encoding="utf-8") as handle:
        target.write_text("".join(islice(handle, limit)), encoding="utf-8")


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m summarizer.bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="CNN/DailyMail JSONL (field 'article')"
    )
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument(
        "--growth", type=int, nargs="*", default=list(GROWTH_WORDS), help="document sizes in words"
    )
    parser.add_argument("--skip-sumy", action="store_true", help="time only our pipeline")
    parser.add_argument(
        "--command", type=Path, metavar="FILE.jsonl",
        help="only time the whole commands on FILE.jsonl (field 'article'), process start included",
    )  # fmt: skip
    parser.add_argument("--pretokenized", action="store_true", help="with --command: PTB-tokenized text")
    parser.add_argument(
        "--startup", type=int, nargs="?", const=STARTUP_REPEATS, default=None, metavar="REPEATS",
        help=f"only time start-up: summarize one article in a fresh process (default {STARTUP_REPEATS} runs)",
    )  # fmt: skip
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its report; returns the exit code."""
    args = _parse(argv)
    if args.startup is not None:
        return _startup(args.startup)
    if args.command is not None:
        return _whole_commands(args.command, args.limit, pretokenized=args.pretokenized)
    try:
        if not args.data.is_file():
            raise InputError(f"{args.data}: not found (give --data)")
        with tempfile.TemporaryDirectory() as directory:
            sample = Path(directory) / "sample.jsonl"
            _first_lines(args.data, args.limit, sample)
            print(f"pipeline (load, clean, split, summarize 3 sentences) on {args.data.name}:")
            count, ours = timed(lambda: our_pipeline(sample))
            print(f"  newsdigest default           {count:6d} articles  {count / ours:9.1f} articles/s")
            if not args.skip_sumy:
                sumy_count, theirs = timed(lambda: plain_sumy_pipeline(sample))
                rate = sumy_count / theirs
                print(f"  sumy LexRank + pysbd         {sumy_count:6d} articles  {rate:9.1f} articles/s")
                print(f"  speed ratio                  {theirs / ours * count / sumy_count:.1f}x")
        print("growth with document length (default, whole pipeline from text):")
        for size in args.growth:
            text = synthetic_text(size)
            start = perf_counter()
            chosen = len(summarize_article(from_text(text)).sentences)
            seconds = perf_counter() - start
            per_word = seconds / size * 1e6
            print(f"  {size:7,d} words  {seconds:7.3f} s  {per_word:6.1f} µs/word  ({chosen} sentences)")
    except SummarizerError as error:
        sys.stderr.write(f"bench: error: {error}\n")
        return 1
    return 0


def _whole_commands(data: Path, limit: int | None, *, pretokenized: bool) -> int:
    """Print the whole-command benchmark on the first ``limit`` articles of ``data``."""
    ours: list[float] = []
    theirs: list[float] = []
    try:
        if not data.is_file():
            raise InputError(f"{data}: not found")
        with tempfile.TemporaryDirectory() as directory:
            sample = Path(directory) / "sample.jsonl"
            _first_lines(data, limit, sample)
            with sample.open(encoding="utf-8") as handle:
                count = sum(1 for _ in handle)
            summarize = (sys.executable, "-m", "summarizer", "summarize", str(sample), "--quiet",
                         *(("--pretokenized",) if pretokenized else ()))  # fmt: skip
            plain_sumy = (sys.executable, "-m", "summarizer.bench_sumy", str(sample))
            for _ in range(COMMAND_REPEATS):
                ours.append(wall_seconds(summarize))
                theirs.append(wall_seconds(plain_sumy))
    except SummarizerError as error:
        sys.stderr.write(f"bench: error: {error}\n")
        return 1
    mine, sumy = statistics.median(ours), statistics.median(theirs)
    print(f"whole command on {count} articles of {data.name} (start included, median of {len(ours)}):")
    print(f"  summarizer summarize FILE.jsonl       {count / mine:9.1f} articles/s  ({mine:.2f} s)")
    print(f"  plain sumy LexRank + pysbd            {count / sumy:9.1f} articles/s  ({sumy:.2f} s)")
    print(f"  speed ratio                           {sumy / mine:9.1f}x")
    return 0


def _startup(repeats: int) -> int:
    """Print the start-up benchmark (a synthetic article of ``STARTUP_WORDS`` words)."""
    if repeats < 1:
        sys.stderr.write("bench: error: --startup needs at least 1 run\n")
        return 2
    with tempfile.TemporaryDirectory() as directory:
        article = Path(directory) / "one-article.txt"
        article.write_text(synthetic_text(STARTUP_WORDS), encoding="utf-8")
        try:
            times = measure_startup(article, repeats)
        except SummarizerError as error:
            sys.stderr.write(f"bench: error: {error}\n")
            return 1
    print("\n".join(startup_report(times, "summarizer summarize one-article.txt", repeats)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
