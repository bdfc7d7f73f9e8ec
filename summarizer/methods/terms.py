"""Stop words and a cached stemmer, shared by our methods and the sumy adapters.

Stemming is the hot spot of every extractive method: a news article repeats its words, so a
per-language cache makes stemming nearly free without changing a single stem. sumy (and with it
NLTK) is imported only when a stemmer is asked for: the stop-word lists are read straight from
sumy's data files, so the default method starts without either.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

from summarizer.errors import UsageError

__all__ = ["stemmer", "stop_word_file", "stop_words"]

_STEM_CACHE_SIZE = 1 << 18


def stop_word_file(name: str) -> Path:
    """The path of sumy's stop-word list called ``name`` ("english"), found without importing sumy."""
    spec = find_spec("sumy")
    if spec is None or spec.origin is None:
        raise UsageError("sumy is not installed")
    return Path(spec.origin).parent / "data" / "stopwords" / f"{name}.txt"


@cache
def stemmer(language: str = "english") -> Callable[[str], str]:
    """sumy's Snowball stemmer for ``language`` behind a bounded cache (same stems, far faster)."""
    from sumy.nlp.stemmers import Stemmer  # noqa: PLC0415 - sumy and NLTK load only when stemming

    try:
        base = Stemmer(language)
    except LookupError as error:
        raise UsageError(f"no stemmer for language {language!r}") from error
    return lru_cache(maxsize=_STEM_CACHE_SIZE)(base)


@cache
def stop_words(language: str = "english") -> frozenset[str]:
    """sumy's stop-word list for ``language`` (lower-cased)."""
    path = stop_word_file(language.lower())
    if path.is_file():
        # the same parsing as sumy's ``parse_stop_words``, without importing sumy.utils (requests)
        return frozenset(w.rstrip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w)
    from sumy.utils import get_stop_words  # noqa: PLC0415 - sumy maps language codes ("en") to names

    try:
        return frozenset(word.lower() for word in get_stop_words(language))
    except LookupError as error:
        raise UsageError(f"no stop-word list for language {language!r}") from error
