"""Sparse sentence-term vectors in plain Python, built in one pass over the words.

Each sentence is a list of (term, weight) entries: every product a method needs
(similarity to a vector, to the sentences before or after) is one pass over the entries, so the
cost grows with the number of words, not with the square of the number of sentences. On news
articles this is faster than numpy, whose per-call overhead outweighs its speed on arrays this
small, and it spares the command line the cost of importing numpy.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, repeat
from operator import itemgetter, mul, truediv

from summarizer.methods.terms import stop_words
from summarizer.text import words

__all__ = ["SentenceVectors", "sentence_vectors"]


@dataclass(frozen=True, slots=True)
class SentenceVectors:
    """Unit-length TF-IDF vectors of a document's sentences, stored as sparse entries.

    Sentence ``i`` has weight ``weights[i][k]`` on term number ``terms[i][k]``; ``word_counts``
    counts every word (stop words included) of each sentence; ``vocabulary`` maps a term to its
    number.
    """

    terms: tuple[tuple[int, ...], ...]
    weights: tuple[tuple[float, ...], ...]
    word_counts: tuple[int, ...]
    vocabulary: dict[str, int]

    @property
    def n_sentences(self) -> int:
        """How many sentences the document has."""
        return len(self.word_counts)

    def dot(self, term_vector: Sequence[float]) -> list[float]:
        """Each sentence's dot product with a dense vector over the terms."""
        at = term_vector.__getitem__
        rows = zip(self.terms, self.weights, strict=True)
        return [sum(map(mul, weights, map(at, terms))) for terms, weights in rows]

    def total(self) -> list[float]:
        """The sum of all sentence vectors (a dense vector over the terms)."""
        totals = [0.0] * len(self.vocabulary)
        for terms, weights in zip(self.terms, self.weights, strict=True):
            for term, weight in zip(terms, weights, strict=True):
                totals[term] += weight
        return totals

    def squared_norms(self) -> list[float]:
        """Each sentence's similarity to itself: 1, or 0 for a sentence without terms."""
        return [sum(map(mul, weights, weights)) for weights in self.weights]

    def earlier_similarity(self) -> list[float]:
        """For each sentence, the sum of its similarities to all sentences before it.

        Per term, a running sum over the sentences in order; no matrix.
        """
        running = [0.0] * len(self.vocabulary)
        at = running.__getitem__
        sums: list[float] = []
        for terms, weights in zip(self.terms, self.weights, strict=True):
            sums.append(sum(map(mul, weights, map(at, terms))))
            for term, weight in zip(terms, weights, strict=True):
                running[term] += weight
        return sums


class _TermCache(dict[str, str | None]):
    """Lower-cased word -> itself as a term, or ``None`` for stop words and bare numbers."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self._stops = stop_words(language)

    def __missing__(self, word: str) -> str | None:
        term = None if word in self._stops or word.isdigit() else word
        if len(self) < _CACHE_LIMIT:
            self[word] = term
        return term


_CACHE_LIMIT = 1 << 20


@cache
def _term_cache(language: str) -> _TermCache:
    return _TermCache(language)


def sentence_vectors(texts: Sequence[str], language: str = "english") -> SentenceVectors:
    """TF-IDF vectors (IDF over sentences, unit length) of ``texts``, one per sentence.

    Terms are the lower-cased words that are neither stop words nor bare numbers. They are not
    stemmed: on both development sets stemming cost speed and gained no ROUGE.
    """
    term_of = _term_cache(language).__getitem__
    counted: list[Counter[str]] = []
    word_counts: list[int] = []
    for text in texts:
        tokens = words(text.lower())
        word_counts.append(len(tokens))
        counted.append(Counter(filter(None, map(term_of, tokens))))  # a term is never empty
    sentence_frequency = Counter(chain.from_iterable(counted))  # terms in order of first use
    vocabulary = {term: number for number, term in enumerate(sentence_frequency)}
    size = 1.0 + len(texts)
    idf = [math.log(size / (1.0 + frequency)) + 1.0 for frequency in sentence_frequency.values()]
    terms: list[tuple[int, ...]] = []
    weights: list[tuple[float, ...]] = []
    for counts in counted:
        numbered = sorted(zip(map(vocabulary.__getitem__, counts), counts.values(), strict=True))
        row = tuple(map(itemgetter(0), numbered))
        raw = list(map(mul, map(itemgetter(1), numbered), map(idf.__getitem__, row)))
        norm = math.sqrt(sum(map(mul, raw, raw)))
        terms.append(row)
        weights.append(tuple(map(truediv, raw, repeat(norm))))
    return SentenceVectors(tuple(terms), tuple(weights), tuple(word_counts), vocabulary)
