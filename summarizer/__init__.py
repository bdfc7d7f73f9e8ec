"""newsdigest's offline extractive summarizer: load articles, clean them, summarize them.

The main entry points, importable from here (loaded on first use, so ``import summarizer.text``
stays light): ``load``, ``load_one``, ``from_text``, ``Article``, ``LoadFailure``,
``summarize_article``, ``Length``, ``Summary``, ``available_methods``.
"""

from __future__ import annotations

from summarizer.lazy import lazy_attributes

__all__ = [
    "Article",
    "Length",
    "LoadFailure",
    "Summary",
    "available_methods",
    "from_text",
    "load",
    "load_one",
    "summarize_article",
]

_HOMES = {
    "Article": "summarizer.articles",
    "LoadFailure": "summarizer.articles",
    "from_text": "summarizer.articles",
    "load": "summarizer.articles",
    "load_one": "summarizer.articles",
    "summarize_article": "summarizer.pipeline",
    "Length": "summarizer.summary",
    "Summary": "summarizer.summary",
    "available_methods": "summarizer.methods",
}

__getattr__ = lazy_attributes(__name__, _HOMES)
