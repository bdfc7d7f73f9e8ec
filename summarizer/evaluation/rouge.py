"""ROUGE F1 with the ``rouge-score`` package: stemming on, ROUGE-Lsum over newline-split sentences."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from summarizer.errors import UsageError

__all__ = ["ROUGE_TYPES", "rouge_f1"]

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")


@cache
def _scorer() -> Any:
    try:
        from rouge_score.rouge_scorer import RougeScorer  # noqa: PLC0415 - optional 'eval' extra
    except ImportError:
        raise UsageError("evaluation needs the 'eval' extra: pip install -e '.[eval]'") from None
    return RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def rouge_f1(summaries: Sequence[Sequence[str]], references: Sequence[str]) -> dict[str, float]:
    """Mean F1 (in percent) of each ROUGE type over the pairs.

    A summary is its sentences (joined one per line); a reference has one sentence a line.
    """
    if len(summaries) != len(references):
        raise ValueError("need one reference per summary")
    totals = dict.fromkeys(ROUGE_TYPES, 0.0)
    scorer = _scorer()
    for sentences, reference in zip(summaries, references, strict=True):
        scores = scorer.score(reference, "\n".join(sentences))
        for kind in ROUGE_TYPES:
            totals[kind] += scores[kind].fmeasure
    count = max(1, len(references))
    return {kind: 100.0 * total / count for kind, total in totals.items()}
