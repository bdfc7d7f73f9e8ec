"""Page extraction on real web pages: ``python -m summarizer.evaluation.pages FOLDER [--show]``.

FOLDER holds ``*.html.gz`` pages and ``expectations.json`` (the layout of trafilatura's
evaluation set): per page, strings that must appear in the main text (``with``), strings that
must not (``without``), and reader comments (``comments``). Each page goes through the same
path as ``summarizer summarize page.html`` (extraction, cleaning, a 3-sentence ``default``
summary) and is scored on:

- the cleaned text: every ``with`` string kept; no ``without`` or comment string left;
- the summary: no ``without`` or comment string, and no sentence that repeats the headline.

The lists are sparse, so ``--show`` prints every summary for reading.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.articles import DEFAULT_OPTIONS, Article, LoadFailure
from summarizer.articles.formats import parse
from summarizer.clean import fold_words
from summarizer.errors import SummarizerError
from summarizer.methods import summarize
from summarizer.pipeline import prepare_article
from summarizer.summary import Length

__all__ = ["PageResult", "evaluate_page", "evaluate_pages", "main"]

_SUMMARY = Length(sentences=3)


@dataclass(frozen=True, slots=True)
class PageResult:
    """One page's scores; ``error`` is set when nothing could be extracted or summarized."""

    file: str
    must: int
    missing: tuple[str, ...]
    leaked: tuple[str, ...]
    summary: tuple[str, ...]
    summary_noise: tuple[str, ...]
    error: str | None = None

    @property
    def text_ok(self) -> bool:
        """Every ``with`` string kept and no ``without`` or comment string left."""
        return self.error is None and not self.missing and not self.leaked


def _found(needles: Sequence[str], haystack: str) -> tuple[str, ...]:
    """The needles whose words appear in the folded ``haystack``.

    A needle of one word (a tag, a label: "#contemplative") must be a whole word there, not the
    start of a longer one ("contemplatives"); longer needles are quoted fragments that may start
    or end inside a word ("...met the city MP" of "city MPs"), so they match anywhere.
    """
    padded = f" {haystack} "
    return tuple(
        n
        for n in needles
        if (words := fold_words(n)) and (f" {words} " in padded if " " not in words else words in haystack)
    )


def evaluate_page(data: bytes, name: str, expected: Mapping[str, Any]) -> PageResult:
    """Extract, clean and summarize one page and score it against its expectations."""
    must = [str(s) for s in expected.get("with") or []]
    noise = [str(s) for key in ("without", "comments") for s in expected.get(key) or []]
    items = list(parse(data, name, "html", DEFAULT_OPTIONS))
    article = next((item for item in items if isinstance(item, Article)), None)
    if article is None:
        message = next((item.message for item in items if isinstance(item, LoadFailure)), "no article")
        return PageResult(name, len(must), tuple(must), (), (), (), error=message)
    try:
        document = prepare_article(article)
        summary = summarize(document, "default", _SUMMARY)
    except SummarizerError as error:
        return PageResult(name, len(must), tuple(must), (), (), (), error=str(error))
    body = fold_words(" ".join(document.texts))
    shown = fold_words(article.title) + " | " + body  # the title is kept, as the title
    sentences = tuple(s.text for s in summary.sentences)
    folded_summary = [fold_words(s) for s in sentences]
    title = fold_words(str(expected.get("title") or article.title))
    summary_noise = _found(noise, " | ".join(folded_summary))
    headline = tuple(s for s, f in zip(sentences, folded_summary, strict=True) if title and f == title)
    return PageResult(
        file=name,
        must=len(must),
        missing=tuple(s for s in must if fold_words(s) not in shown),
        leaked=_found(noise, body),
        summary=sentences,
        summary_noise=summary_noise + headline,
    )


def evaluate_pages(folder: Path) -> list[PageResult]:
    """Every page of ``folder`` listed in its ``expectations.json``, in that order."""
    expectations = json.loads((folder / "expectations.json").read_text(encoding="utf-8"))
    results = []
    for expected in expectations:
        name = str(expected["file"])
        data = gzip.decompress((folder / f"{name}.gz").read_bytes())
        results.append(evaluate_page(data, name, expected))
    return results


def _share(count: int, total: int) -> str:
    return f"{count}/{total} ({100 * count / max(total, 1):.1f}%)"


def report(results: Sequence[PageResult]) -> str:
    """The figures: text passing, ``with`` kept, ``without`` absent, summaries with noise."""
    total = len(results)
    extracted = [r for r in results if r.error is None]
    kept = sum(r.must - len(r.missing) for r in results)
    return "\n".join(
        [
            f"pages: {total}, extracted and summarized: {len(extracted)}",
            f"text passes with+without: {_share(sum(r.text_ok for r in results), total)}",
            f"text keeps every 'with' string: {_share(sum(not r.missing for r in extracted), total)}",
            f"text free of 'without'/comment strings: {_share(sum(not r.leaked for r in extracted), total)}",
            f"'with' strings kept: {_share(kept, sum(r.must for r in results))}",
            f"summaries with a listed non-body string or the headline: "
            f"{_share(sum(bool(r.summary_noise) for r in extracted), len(extracted))}",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures for FOLDER (and every summary with ``--show``)."""
    parser = argparse.ArgumentParser(prog="python -m summarizer.evaluation.pages", description=__doc__)
    parser.add_argument("folder", type=Path, help="folder with *.html.gz pages and expectations.json")
    parser.add_argument("--show", action="store_true", help="print every page's summary and what it leaked")
    args = parser.parse_args(argv)
    results = evaluate_pages(args.folder)
    if args.show:
        for result in results:
            print(f"== {result.file}" + (f" ERROR {result.error}" if result.error else ""))
            for sentence in result.summary:
                print(f"  - {sentence}")
            if result.summary_noise:
                print(f"  NOISE {list(result.summary_noise)}")
            if result.missing:
                print(f"  MISSING {list(result.missing)}")
            if result.leaked:
                print(f"  LEAKED {list(result.leaked)}")
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
