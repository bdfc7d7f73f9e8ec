"""Summary length specifications and the summary result shared by every method."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.errors import UsageError

__all__ = ["Length", "ScoredSentence", "Summary", "select"]


@dataclass(frozen=True, slots=True)
class Length:
    """How long a summary may be: exactly one of sentences, ratio, words or chars."""

    sentences: int | None = None
    ratio: float | None = None
    words: int | None = None
    chars: int | None = None

    def __post_init__(self) -> None:
        given = [v for v in (self.sentences, self.ratio, self.words, self.chars) if v is not None]
        if len(given) > 1:
            raise UsageError("give only one of --sentences, --ratio, --words, --chars")
        if self.sentences is not None and self.sentences < 1:
            raise UsageError("--sentences must be at least 1")
        if self.ratio is not None and not 0 < self.ratio <= 1:
            raise UsageError("--ratio must be in (0, 1]")
        if self.words is not None and self.words < 1:
            raise UsageError("--words must be at least 1")
        if self.chars is not None and self.chars < 1:
            raise UsageError("--chars must be at least 1")

    def max_sentences(self, total: int) -> int:
        """The most sentences this length allows out of ``total`` (budgets are checked in ``select``)."""
        if self.ratio is not None:
            return max(1, min(total, math.ceil(total * self.ratio)))
        if self.sentences is not None:
            return min(total, self.sentences)
        if self.words is None and self.chars is None:
            return min(total, 3)
        return total


@dataclass(frozen=True, slots=True)
class ScoredSentence:
    """A sentence chosen for a summary, with its index in the document and its score."""

    index: int
    text: str
    score: float


@dataclass(frozen=True, slots=True)
class Summary:
    """The sentences a method chose, in document order."""

    method: str
    sentences: tuple[ScoredSentence, ...]
    total_sentences: int

    @property
    def texts(self) -> list[str]:
        """The chosen sentences' texts, in document order."""
        return [s.text for s in self.sentences]


def select(
    texts: Sequence[str], scores: Sequence[float], length: Length, method: str
) -> Summary:
    """Pick the best-scored sentences within ``length`` and return them in document order.

    Ties go to the earlier sentence, so the result is deterministic. Word and character budgets
    never cut a sentence: a sentence that does not fit is skipped and a shorter one may follow.
    """
    total = len(texts)
    limit = length.max_sentences(total)
    order = sorted(range(total), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    used_words = used_chars = 0
    for i in order:
        if len(chosen) >= limit:
            break
        n_words = len(texts[i].split())
        n_chars = len(texts[i]) + (1 if chosen else 0)
        if length.words is not None and used_words + n_words > length.words:
            continue
        if length.chars is not None and used_chars + n_chars > length.chars:
            continue
        chosen.append(i)
        used_words += n_words
        used_chars += n_chars
    chosen.sort()
    return Summary(
        method=method,
        sentences=tuple(ScoredSentence(i, texts[i], float(scores[i])) for i in chosen),
        total_sentences=total,
    )
