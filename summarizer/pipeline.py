"""From a loaded article to its summary: clean, split, summarize."""

from __future__ import annotations

from summarizer.articles.model import Article
from summarizer.document import Document, prepare
from summarizer.errors import InputError
from summarizer.methods import DEFAULT_LENGTH, summarize
from summarizer.summary import Length, Summary

__all__ = ["prepare_article", "summarize_article"]


def prepare_article(article: Article, *, pretokenized: bool = False) -> Document:
    """The article's cleaned sentences; a given (not inferred) title goes along for title-aware methods.

    Raises ``InputError`` when nothing but noise is left.
    """
    title = None if "title" in article.inferred else article.title
    document = prepare(article.text, title=title, pretokenized=pretokenized)
    if not document.sentences:
        where = article.origin or article.id
        raise InputError(f"{where}: nothing left to summarize once boilerplate is removed")
    return document


def summarize_article(
    article: Article,
    method: str = "default",
    length: Length = DEFAULT_LENGTH,
    pretokenized: bool = False,
    **options: object,
) -> Summary:
    """Summarize ``article`` with ``method`` within ``length`` (``options`` go to the method)."""
    return summarize(prepare_article(article, pretokenized=pretokenized), method, length, **options)
