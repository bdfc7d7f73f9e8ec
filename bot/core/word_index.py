"""Which of the articles held in memory (seed files) hold which words, in their title and in
their title or text. Archives search their own full-text index."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from summarizer.articles.model import Article
from summarizer.text import words

__all__ = ["WordIndex", "lower_words"]


def lower_words(text: str) -> set[str]:
    """The distinct words of ``text``, lower-cased."""
    return {w.lower() for w in set(words(text))}


def _add(index: dict[str, set[str]], terms: Iterable[str], article_id: str) -> None:
    for term in terms:
        index.setdefault(term, set()).add(article_id)


def _remove(index: dict[str, set[str]], terms: Iterable[str], article_id: str) -> None:
    for term in terms:
        ids = index.get(term)
        if ids is not None:
            ids.discard(article_id)
            if not ids:
                del index[term]


def _all_of(query: set[str], index: Mapping[str, set[str]]) -> set[str]:
    result: set[str] | None = None
    for word in sorted(query, key=lambda w: len(index.get(w, ()))):
        found = index.get(word, set())
        result = set(found) if result is None else result & found
        if not result:
            return set()
    return result or set()


def _full_text(article: Article) -> str:
    return f"{article.title}\n{article.text}"


class WordIndex:
    """Held article ids by lower-cased word (not thread-safe: the corpus holds its lock)."""

    def __init__(self) -> None:
        self._titles: dict[str, set[str]] = {}
        self._texts: dict[str, set[str]] = {}

    def add(self, article: Article) -> None:
        """Index an article's title and text."""
        _add(self._titles, lower_words(article.title), article.id)
        _add(self._texts, lower_words(_full_text(article)), article.id)

    def remove(self, article: Article) -> None:
        """Forget an article (as it was added)."""
        _remove(self._titles, lower_words(article.title), article.id)
        _remove(self._texts, lower_words(_full_text(article)), article.id)

    def matching(self, terms: set[str], *, titles_only: bool = False) -> set[str]:
        """Ids of the articles whose title (or title and text) holds every term."""
        return _all_of(terms, self._titles if titles_only else self._texts) if terms else set()
