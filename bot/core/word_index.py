"""Which articles hold which words: every listed article's title, the texts of the articles held
in memory, and the archives' own full-text indexes for theirs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from bot.core.providers import ArticleArchive
from bot.vocabulary import Listed
from summarizer.articles.model import Article
from summarizer.text import words

__all__ = ["WordIndex", "lower_words"]


def lower_words(text: str) -> set[str]:
    """The distinct words of ``text``, lower-cased."""
    return {w.lower() for w in words(text)}


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
    """Article ids by lower-cased word (not thread-safe: the corpus holds its lock)."""

    def __init__(self, archives: Sequence[ArticleArchive] = ()) -> None:
        self._archives = archives
        self._titles: dict[str, set[str]] = {}
        self._texts: dict[str, set[str]] = {}

    def add(self, head: Listed, held: Article | None) -> None:
        """Index a listed article's title, and its text when it is held in memory."""
        _add(self._titles, lower_words(head.title), head.id)
        if held is not None:
            _add(self._texts, lower_words(_full_text(held)), held.id)

    def remove(self, head: Listed, held: Article | None) -> None:
        """Forget an article (``held`` as it was added)."""
        _remove(self._titles, lower_words(head.title), head.id)
        if held is not None:
            _remove(self._texts, lower_words(_full_text(held)), held.id)

    def in_titles(self, text: str) -> set[str]:
        """Ids of the articles whose title holds every word of ``text``."""
        query = lower_words(text)
        return _all_of(query, self._titles) if query else set()

    def containing(self, text: str) -> set[str]:
        """Ids of the articles whose title or text holds every word of ``text``."""
        query = lower_words(text)
        if not query:
            return set()
        found = _all_of(query, self._texts)
        for archive in self._archives:
            found |= archive.search(sorted(query))
        return found

    def in_title_counter(self, text: str) -> Callable[[str], int]:
        """A function telling how many words of ``text`` an article's title holds (by id)."""
        titles = [self._titles.get(w, set()) for w in lower_words(text)]
        return lambda article_id: sum(1 for ids in titles if article_id in ids)
