"""Stop words and a cached stemmer, shared by our methods and the sumy adapters.

Stemming is the hot spot of every extractive method: a news article repeats its words, so a
per-language cache makes stemming nearly free without changing a single stem.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

from summarizer.errors import UsageError

__all__ = ["stemmer", "stop_words"]

_STEM_CACHE_SIZE = 1 << 18


@cache
def stemmer(language: str = "english") -> Callable[[str], str]:
    """sumy's Snowball stemmer for ``language`` behind a bounded cache (same stems, far faster)."""
    try:
        base = Stemmer(language)
    except LookupError as error:
        raise UsageError(f"no stemmer for language {language!r}") from error
    return lru_cache(maxsize=_STEM_CACHE_SIZE)(base)


@cache
def stop_words(language: str = "english") -> frozenset[str]:
    """sumy's stop-word list for ``language`` (lower-cased)."""
    try:
        return frozenset(word.lower() for word in get_stop_words(language))
    except LookupError as error:
        raise UsageError(f"no stop-word list for language {language!r}") from error
