"""The plain sumy pipeline the benchmarks compare against: ``python -m summarizer.bench_sumy FILE.jsonl``.

sumy's ``PlaintextParser`` with a pysbd sentence tokenizer (the usual offline workaround for
NLTK's punkt) and ``LexRankSummarizer``, 3 sentences per article (field ``article``). Run as a
command it imports only sumy, pysbd and numpy, so its start-up is sumy's own.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

__all__ = ["PysbdTokenizer", "main", "plain_sumy_pipeline"]


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


def main(argv: list[str] | None = None) -> int:
    """Summarize every article of the JSONL file named on the command line; print the count."""
    paths = sys.argv[1:] if argv is None else argv
    if len(paths) != 1:
        sys.stderr.write("usage: python -m summarizer.bench_sumy FILE.jsonl\n")
        return 2
    print(plain_sumy_pipeline(Path(paths[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
