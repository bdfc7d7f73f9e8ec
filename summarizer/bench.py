"""Speed benchmark: ``python -m summarizer.bench [--data FILE.jsonl] [--limit N]``.

1. The whole pipeline (load, clean, split, summarize 3 sentences) with ``default`` against the
   plain sumy pipeline (sumy's ``PlaintextParser`` with a pysbd sentence tokenizer, the usual
   offline workaround for NLTK's punkt, and ``LexRankSummarizer``), on the same CNN/DailyMail
   articles, in one run; prints both rates and their ratio.
2. With ``--startup``: only the start-up benchmark (``summarizer.bench_startup``), the median wall
   time of ``summarizer summarize one-article.txt`` as a multiple of a bare ``python -c "import json"``.
3. Growth with length: synthetic documents of 1,000, 10,000 and 50,000 words through the same
   pipeline, to show that time grows about linearly.

This is a benchmark, not a test: numbers depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from itertools import islice
from pathlib import Path
from time import perf_counter

import numpy as np

from summarizer.articles import from_text, load
from summarizer.bench_startup import measure_startup
from summarizer.commands.batch import Job, summarize_all
from summarizer.errors import InputError, SummarizerError
from summarizer.pipeline import summarize_article
from summarizer.summary import Length

__all__ = ["PysbdTokenizer", "main", "synthetic_text"]

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "cnndm-dev.jsonl"
GROWTH_WORDS = (1_000, 10_000, 50_000)
_SUMMARY = Length(sentences=3)
STARTUP_REPEATS = 15
STARTUP_WORDS = 600


class PysbdTokenizer:
    """sumy tokenizer without NLTK data: pysbd sentences, regex words (the common workaround)."""

    _WORD = re.compile(r"\w+(?:'\w+)?")

    def __init__(self) -> None:
        import pysbd  # noqa: PLC0415 - optional 'eval' extra

        self.language = "english"
        self._segmenter = pysbd.Segmenter(language="en", clean=False)

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences of one paragraph, by pysbd."""
        return tuple(s.strip() for s in self._segmenter.segment(paragraph) if s.strip())

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Words of one sentence."""
        return tuple(self._WORD.findall(sentence))


def plain_sumy_pipeline(path: Path) -> int:
    """Load, parse and summarize every article of ``path`` the plain sumy way; returns the count."""
    from sumy.nlp.stemmers import Stemmer  # noqa: PLC0415 - only the benchmark needs them here
    from sumy.parsers.plaintext import PlaintextParser  # noqa: PLC0415
    from sumy.summarizers.lex_rank import LexRankSummarizer  # noqa: PLC0415
    from sumy.utils import get_stop_words  # noqa: PLC0415

    tokenizer = PysbdTokenizer()
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    count = 0
    # sumy's LexRank divides by zero on a few articles; that is its behaviour, not an error here
    with path.open(encoding="utf-8") as handle, np.errstate(all="ignore"):
        for line in handle:
            parser = PlaintextParser.from_string(json.loads(line)["article"], tokenizer)
            summarizer(parser.document, 3)
            count += 1
    return count


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
        "--startup", type=int, nargs="?", const=STARTUP_REPEATS, default=None, metavar="REPEATS",
        help=f"only time start-up: summarize one article in a fresh process (default {STARTUP_REPEATS} runs)",
    )  # fmt: skip
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its report; returns the exit code."""
    args = _parse(argv)
    if args.startup is not None:
        return _startup(args.startup)
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
    print(f"start-up, median of {repeats} fresh processes:")
    print(f"  python -c 'import json'                 {times.baseline * 1000:7.1f} ms")
    print(f"  summarizer summarize one-article.txt    {times.command * 1000:7.1f} ms")
    print(f"  ratio                                   {times.ratio:7.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
