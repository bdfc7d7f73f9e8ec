"""Baselines: the first sentences (LEAD) and a seeded random pick."""

from __future__ import annotations

import random

from summarizer.document import Document
from summarizer.errors import UsageError
from summarizer.methods.registry import Method, Options, register

__all__: list[str] = []


def _lead(document: Document, options: Options) -> list[float]:
    total = len(document.sentences)
    return [float(total - i) for i in range(total)]


def _random(document: Document, options: Options) -> list[float]:
    """sumy's RandomSummarizer (a shuffled rank per sentence) with a seeded generator."""
    seed = options.get("seed", 0)
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise UsageError("seed must be an integer")
    ratings = [float(r) for r in range(len(document.sentences))]
    random.Random(seed).shuffle(ratings)  # noqa: S311 - a baseline, not cryptography
    return ratings


register(Method("lead", "LEAD: the first sentences, the classic news baseline", _lead))
register(Method("random", "Random sentences (seeded, deterministic): a floor for comparisons", _random,
                frozenset({"seed"})))
